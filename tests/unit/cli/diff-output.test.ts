// The command line renders the engine's hunks as a unified diff: GNU patch, given that text, must
// turn the old file into the new one; a change of line endings alone is visible.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { textDiff } from '../../../electron/core/fixes/diff.ts';
import { formatDiff } from '../../../electron/cli/diff-output.ts';
import type { Out } from '../../../electron/cli/output.ts';
import { translator } from '../../../shared/i18n/translate.ts';

const plain: Out = { write: () => undefined, color: false };
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'diff-output-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

test('GNU patch turns the old text into the new one with the diff the command line prints', () => {
  let seed = 7;
  const rand = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const words = ['a = 1', 'b = 2', '', '[t]', '# c', 'x = "y"'];
  for (const tr of [translator('en'), translator('zh-CN')]) {
    for (let round = 0; round < 60; round += 1) {
      const make = (): string => {
        const n = rand(25);
        const lines = Array.from({ length: n }, () => words[rand(words.length)]!);
        return lines.join('\n') + (n > 0 && rand(3) ? '\n' : '');
      };
      const oldText = make();
      const newText = make();
      const file = path.join(dir, 'f.txt');
      fs.writeFileSync(file, oldText);
      const { hunks } = textDiff(oldText, newText);
      const lines = formatDiff(plain, tr, { path: '$CODEX_HOME/f.txt', action: 'modify', hunks });
      if (oldText === newText) {
        assert.deepEqual(lines, []);
        continue;
      }
      const unified = lines.join('\n') + '\n';
      const patchFile = path.join(dir, 'p.diff');
      fs.writeFileSync(patchFile, unified);
      const result = spawnSync('patch', ['-s', '-u', '--no-backup-if-mismatch', file, patchFile], { encoding: 'utf8' });
      assert.equal(result.status, 0, `patch failed: ${result.stdout}${result.stderr}\n${unified}`);
      assert.equal(fs.readFileSync(file, 'utf8'), newText, unified);
    }
  }
});

test('a created file diffs from /dev/null; a described file shows its summary', () => {
  const tr = translator('en');
  const { hunks } = textDiff(null, 'A=1\nB=2\n');
  assert.equal(
    formatDiff(plain, tr, { path: '$CODEX_HOME/.env', action: 'create', hunks }).join('\n'),
    '--- /dev/null\n+++ b/.env\n@@ -0,0 +1,2 @@\n+A=1\n+B=2',
  );
  assert.deepEqual(formatDiff(plain, tr, { path: 'x.pem', action: 'create', hunks: [], summary: ['PEM bundle'] }), [
    ' PEM bundle',
  ]);
});

test('a change of line endings alone shows: ␍ after the CRLF line, a note that says what it means', () => {
  // Before, CRLF → LF made an empty diff: a revert conflict showed nothing.
  const { hunks } = textDiff('a = 1\r\nb = 2\r\n', 'a = 1\nb = 2\r\n');
  const en = formatDiff(plain, translator('en'), { path: '$CODEX_HOME/config.toml', hunks });
  assert.match(en[0]!, /^␍ marks a line that ends in CRLF/);
  assert.deepEqual(en.slice(1), [
    '--- a/config.toml',
    '+++ b/config.toml',
    '@@ -1,2 +1,2 @@',
    '-a = 1␍',
    '+a = 1',
    ' b = 2',
  ]);
  const zh = formatDiff(plain, translator('zh-CN'), { path: '$CODEX_HOME/config.toml', hunks });
  assert.match(zh[0]!, /^␍ 表示该行以 CRLF/);
  // A final line ending dropped: the usual note after the line that has none.
  const last = textDiff('a\nb\n', 'a\nb').hunks;
  assert.deepEqual(formatDiff(plain, translator('en'), { path: 'f', hunks: last }).slice(3), [
    ' a',
    '-b',
    '+b',
    '\\ No newline at end of file',
  ]);
});
