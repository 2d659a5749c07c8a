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

test('a file the user converted to LF since the fix stays LF; one they left CRLF stays CRLF', () => {
  // Before, every line was written back with CRLF as soon as the file the fix left had one.
  const before = 'a = 1\r\nsupports_websockets = true\r\nb = 2\r\n';
  const after = 'a = 1\r\nsupports_websockets = false\r\nb = 2\r\n';
  const convertedToLf = '# mine\na = 1\nsupports_websockets = false\nb = 2\n';
  assert.equal(removeFixLines(before, after, convertedToLf), '# mine\na = 1\nsupports_websockets = true\nb = 2\n');
  const stillCrlf = '# mine\r\na = 1\r\nsupports_websockets = false\r\nb = 2\r\n';
  assert.equal(removeFixLines(before, after, stillCrlf), '# mine\r\na = 1\r\nsupports_websockets = true\r\nb = 2\r\n');
  // And the other way round: an LF file the user converted to CRLF.
  const lfBefore = 'a = 1\n';
  const lfAfter = 'a = 1\nsupports_websockets = false\n';
  assert.equal(
    removeFixLines(lfBefore, lfAfter, 'a = 1\r\nsupports_websockets = false\r\nc = 3\r\n'),
    'a = 1\r\nc = 3\r\n',
  );
});

test('the current file keeps the bytes of its own lines, a mixed file its mix', () => {
  const before = 'a = 1\nb = 2\n';
  const after = 'a = 1\nfix = true\nb = 2\n';
  // Mostly CRLF, one LF line of the user's: only the restored and removed lines change.
  const current = 'a = 1\r\nfix = true\r\nb = 2\r\nmine = 1\n';
  assert.equal(removeFixLines(before, after, current), 'a = 1\r\nb = 2\r\nmine = 1\n');
});

test('lines restored after a last line without a line ending do not run into it', () => {
  const before = 'a = 1\nb = 2';
  const after = 'a = 1\nb = 3';
  assert.equal(removeFixLines(before, after, 'mine = 0\na = 1\nb = 3'), 'mine = 0\na = 1\nb = 2');
  // The fix appended a line to a file without a final line ending; the user added one after it.
  assert.equal(removeFixLines('a = 1', 'a = 1\nfix = 1\n', 'a = 1\nfix = 1\nmine = 2\n'), 'a = 1\nmine = 2\n');
});
