import { test } from 'node:test';
import assert from 'node:assert/strict';
import { removeFixLines } from '../../../electron/core/fixes/revert.ts';

test('remove-fix-lines takes out only the fix’s lines and keeps the user’s edits', () => {
  const before = 'a = 1\nsupports_websockets = true\nb = 2\n';
  const after = 'a = 1\nsupports_websockets = false\nb = 2\n';
  const current = '# mine\na = 1\nsupports_websockets = false\nb = 3\n';
  assert.equal(removeFixLines(before, after, current), '# mine\na = 1\nsupports_websockets = true\nb = 3\n');
});

test('an editor that added a BOM since (or dropped one) does not stop it; the current BOM state is kept', () => {
  // The fix created .env; the user opened it in an editor that saved it with a BOM and a line of their own.
  const created = 'HTTPS_PROXY=http://127.0.0.1:7890\nHTTP_PROXY=http://127.0.0.1:7890\n';
  const current = '\uFEFFHTTPS_PROXY=http://127.0.0.1:7890\nHTTP_PROXY=http://127.0.0.1:7890\nMY_VAR=1\n';
  assert.equal(removeFixLines('', created, current), '\uFEFFMY_VAR=1\n');
  // And the other way round: a BOM the fix saw, gone from the current file.
  const before = '\uFEFFa = 1\n';
  const after = '\uFEFFa = 1\nb = 2\n';
  assert.equal(removeFixLines(before, after, 'a = 1\nb = 2\nc = 3\n'), 'a = 1\nc = 3\n');
});

test('a fix line the user changed since: no safe removal', () => {
  const before = 'a = 1\n';
  const after = 'a = 1\nsupports_websockets = false\n';
  assert.equal(removeFixLines(before, after, 'a = 1\nsupports_websockets = true\n'), null);
});
