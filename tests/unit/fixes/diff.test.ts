// The unified diff is judged by GNU patch: applying it to the old file must give the new one.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { unifiedDiff } from '../../../electron/core/fixes/diff.ts';
import { tempDir } from './helpers.ts';

test('GNU patch turns the old text into the new one with our diff', () => {
  const dir = tempDir('diff');
  let seed = 7;
  const rand = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const words = ['a = 1', 'b = 2', '', '[t]', '# c', 'x = "y"'];
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
    const { unified, added, removed } = unifiedDiff('f.txt', oldText, newText);
    if (oldText === newText) {
      assert.equal(unified, '');
      continue;
    }
    const patchFile = path.join(dir, 'p.diff');
    fs.writeFileSync(patchFile, unified);
    const result = spawnSync('patch', ['-s', '-u', '--no-backup-if-mismatch', file, patchFile], { encoding: 'utf8' });
    assert.equal(result.status, 0, `patch failed: ${result.stdout}${result.stderr}\n${unified}`);
    assert.equal(fs.readFileSync(file, 'utf8'), newText, unified);
    assert.equal(added, unified.split('\n').filter((l) => l.startsWith('+') && !l.startsWith('+++')).length);
    assert.equal(removed, unified.split('\n').filter((l) => l.startsWith('-') && !l.startsWith('---')).length);
  }
});

test('a created file diffs from /dev/null with counts and 3 lines of context', () => {
  const create = unifiedDiff('.env', null, 'A=1\nB=2\n');
  assert.equal(create.unified, '--- /dev/null\n+++ b/.env\n@@ -0,0 +1,2 @@\n+A=1\n+B=2\n');
  assert.deepEqual([create.added, create.removed], [2, 0]);
  const lines = Array.from({ length: 20 }, (_, i) => `l${i}`);
  const changed = [...lines];
  changed[10] = 'X';
  const d = unifiedDiff('c', lines.join('\n') + '\n', changed.join('\n') + '\n');
  assert.match(d.unified, /^@@ -8,7 \+8,7 @@$/m);
  assert.deepEqual([d.added, d.removed], [1, 1]);
});
