// The hunks are judged by applying them: the old file's lines, with the hunks' removals and
// additions, must give the new file byte for byte (line endings included). GNU patch judges the
// command line's rendering of the same hunks (tests/unit/cli/diff-output.test.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EOL_TEXT, joinLines, splitLines, textDiff } from '../../../electron/core/fixes/diff.ts';
import type { DiffHunk } from '../../../shared/types.ts';

/** The new text from the old one and the hunks, checking every context and removed line on the way. */
function applyHunks(oldText: string, hunks: DiffHunk[]): string {
  const old = splitLines(oldText);
  const out: string[] = [];
  let at = 0; // next old line to copy
  for (const h of hunks) {
    const start = h.oldLines === 0 ? h.oldStart : h.oldStart - 1;
    assert.ok(start >= at, 'hunks in order, not overlapping');
    out.push(...old.slice(at, start).map((l) => l.text + EOL_TEXT[l.eol]));
    at = start;
    assert.equal(h.lines.filter((l) => l.kind !== 'add').length, h.oldLines, 'oldLines');
    assert.equal(h.lines.filter((l) => l.kind !== 'remove').length, h.newLines, 'newLines');
    assert.equal(out.length + (h.newLines === 0 ? 0 : 1), h.newStart, 'newStart');
    for (const l of h.lines) {
      if (l.kind !== 'add') {
        assert.deepEqual({ text: l.text, eol: l.eol }, old[at], `old line ${at + 1}`);
        at += 1;
      }
      if (l.kind !== 'remove') out.push(l.text + EOL_TEXT[l.eol]);
    }
  }
  out.push(...old.slice(at).map((l) => l.text + EOL_TEXT[l.eol]));
  return out.join('');
}

test('the hunks turn the old text into the new one, line endings included', () => {
  let seed = 7;
  const rand = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const words = ['a = 1', 'b = 2', '', '[t]', '# c', 'x = "y"'];
  const endings = ['\n', '\n', '\r\n'];
  for (let round = 0; round < 200; round += 1) {
    const make = (): string => {
      const n = rand(25);
      const lines = Array.from({ length: n }, () => words[rand(words.length)]! + endings[rand(endings.length)]!);
      const text = lines.join('');
      return n > 0 && rand(3) === 0 ? text.replace(/\r?\n$/, '') : text;
    };
    const oldText = make();
    const newText = make();
    const { hunks, added, removed } = textDiff(oldText, newText);
    if (oldText === newText) {
      assert.deepEqual(hunks, []);
      continue;
    }
    assert.ok(hunks.length > 0, 'a change always shows');
    assert.equal(applyHunks(oldText, hunks), newText, JSON.stringify(hunks));
    const lines = hunks.flatMap((h) => h.lines);
    assert.equal(added, lines.filter((l) => l.kind === 'add').length);
    assert.equal(removed, lines.filter((l) => l.kind === 'remove').length);
    assert.equal(joinLines(splitLines(oldText)), oldText, 'splitLines keeps every byte');
  }
});

test('a created file diffs from line 0, with counts and 3 lines of context', () => {
  const create = textDiff(null, 'A=1\nB=2\n');
  assert.deepEqual(create, {
    hunks: [
      {
        oldStart: 0,
        oldLines: 0,
        newStart: 1,
        newLines: 2,
        lines: [
          { kind: 'add', text: 'A=1', eol: 'lf' },
          { kind: 'add', text: 'B=2', eol: 'lf' },
        ],
      },
    ],
    added: 2,
    removed: 0,
  });
  const lines = Array.from({ length: 20 }, (_, i) => `l${i}`);
  const changed = [...lines];
  changed[10] = 'X';
  const d = textDiff(lines.join('\n') + '\n', changed.join('\n') + '\n');
  assert.deepEqual(
    d.hunks.map((h) => [h.oldStart, h.oldLines, h.newStart, h.newLines]),
    [[8, 7, 8, 7]],
  );
  assert.deepEqual([d.added, d.removed], [1, 1]);
});

test('a change of line endings alone shows: each line removed and added again, marked', () => {
  // Before, the diff compared lines without their endings: CRLF → LF gave no diff at all.
  const d = textDiff('a = 1\r\nb = 2\r\nc = 3\r\n', 'a = 1\r\nb = 2\nc = 3\r\n');
  assert.deepEqual(d.hunks[0]!.lines, [
    { kind: 'context', text: 'a = 1', eol: 'crlf' },
    { kind: 'remove', text: 'b = 2', eol: 'crlf', eolChanged: true },
    { kind: 'add', text: 'b = 2', eol: 'lf', eolChanged: true },
    { kind: 'context', text: 'c = 3', eol: 'crlf' },
  ]);
  assert.deepEqual([d.added, d.removed], [1, 1]);
  // A whole file converted: every line pairs with itself.
  const all = textDiff('x\r\ny\r\n', 'x\ny\n');
  assert.deepEqual(
    all.hunks[0]!.lines.map((l) => `${l.kind}:${l.text}:${l.eol}:${l.eolChanged}`),
    ['remove:x:crlf:true', 'add:x:lf:true', 'remove:y:crlf:true', 'add:y:lf:true'],
  );
  // A final line ending added.
  assert.deepEqual(textDiff('x\ny', 'x\ny\n').hunks[0]!.lines.slice(1), [
    { kind: 'remove', text: 'y', eol: 'none', eolChanged: true },
    { kind: 'add', text: 'y', eol: 'lf', eolChanged: true },
  ]);
});

test('the shown text leaves out the BOM and goes through showLine; the change is found on the raw text', () => {
  const d = textDiff('\uFEFFkey = "secret"\n', '\uFEFFkey = "other"\n', (t) => t.replace(/".*"/, '"****"'));
  assert.deepEqual(
    d.hunks[0]!.lines.map((l) => [l.kind, l.text]),
    [
      ['remove', 'key = "****"'],
      ['add', 'key = "****"'],
    ],
  );
});
