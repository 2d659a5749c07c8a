// Line diff (Myers' O(ND) algorithm) into hunks with 3 lines of context: the one place a diff is
// made. Plans and revert conflicts carry the hunks as data (shared/types.ts DiffHunk); the app and
// the command line render them.
import type { DiffHunk, DiffLine, LineEnding } from '../../../shared/types.ts';

export interface SourceLine {
  /** The line's text without its line ending. */
  text: string;
  eol: LineEnding;
}

/**
 * One step of the edit script. Lines are matched on their text; a matched pair whose line endings
 * differ becomes a `delete` and an `insert` marked `eolChanged`, so that change is never lost.
 */
export type EditOp = {
  kind: 'equal' | 'delete' | 'insert';
  line: SourceLine;
  oldIndex: number;
  newIndex: number;
  eolChanged?: true;
};

export function splitLines(text: string): SourceLine[] {
  if (text.length === 0) return [];
  const out: SourceLine[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) {
      if (start < text.length) out.push({ text: text.slice(start), eol: 'none' });
      return out;
    }
    const crlf = nl - 1 >= start && text[nl - 1] === '\r';
    out.push({ text: text.slice(start, crlf ? nl - 1 : nl), eol: crlf ? 'crlf' : 'lf' });
    start = nl + 1;
  }
}

/** The text back from lines. */
export function joinLines(lines: SourceLine[]): string {
  return lines.map((l) => l.text + EOL_TEXT[l.eol]).join('');
}

export const EOL_TEXT: Record<LineEnding, string> = { lf: '\n', crlf: '\r\n', none: '' };

/** The shortest edit script from `a` to `b` by text (Myers 1986, forward greedy with a trace). */
function myers(a: SourceLine[], b: SourceLine[]): EditOp[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  let v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d += 1) {
    trace.push(v.slice());
    const next = v.slice();
    for (let k = -d; k <= d; k += 2) {
      let x: number;
      if (k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!)) x = v[offset + k + 1]!;
      else x = v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x]!.text === b[y]!.text) {
        x += 1;
        y += 1;
      }
      next[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
    v = next;
  }
  trace.push(v);
  // Walk the trace backwards to recover the path.
  const ops: EditOp[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 2; d >= 0 && (x > 0 || y > 0); d -= 1) {
    const vd = trace[d]!;
    const k = x - y;
    let prevK: number;
    if (k === -d || (k !== d && vd[offset + k - 1]! < vd[offset + k + 1]!)) prevK = k + 1;
    else prevK = k - 1;
    const prevX = d === 0 ? 0 : vd[offset + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x -= 1;
      y -= 1;
      ops.push({ kind: 'equal', line: a[x]!, oldIndex: x, newIndex: y });
    }
    if (d === 0) break;
    if (x === prevX) {
      y -= 1;
      ops.push({ kind: 'insert', line: b[y]!, oldIndex: x, newIndex: y });
    } else {
      x -= 1;
      ops.push({ kind: 'delete', line: a[x]!, oldIndex: x, newIndex: y });
    }
  }
  while (x > 0 && y > 0) {
    x -= 1;
    y -= 1;
    ops.push({ kind: 'equal', line: a[x]!, oldIndex: x, newIndex: y });
  }
  return ops.reverse();
}

/** The edit script from `a` to `b`: lines equal in text and ending are `equal`; see EditOp. */
export function diffLines(a: SourceLine[], b: SourceLine[]): EditOp[] {
  return myers(a, b).flatMap((op): EditOp[] => {
    if (op.kind !== 'equal') return [op];
    const newLine = b[op.newIndex]!;
    if (op.line.eol === newLine.eol) return [op];
    return [
      { kind: 'delete', line: op.line, oldIndex: op.oldIndex, newIndex: op.newIndex, eolChanged: true },
      { kind: 'insert', line: newLine, oldIndex: op.oldIndex + 1, newIndex: op.newIndex, eolChanged: true },
    ];
  });
}

const KIND: Record<EditOp['kind'], DiffLine['kind']> = { equal: 'context', delete: 'remove', insert: 'add' };

export function makeHunks(ops: EditOp[], context = 3, show: (op: EditOp) => string = (op) => op.line.text): DiffHunk[] {
  const hunks: DiffHunk[] = [];
  const changed = ops.map((op, i) => (op.kind === 'equal' ? -1 : i)).filter((i) => i >= 0);
  if (changed.length === 0) return hunks;
  let groupStart = changed[0]!;
  let groupEnd = changed[0]!;
  const groups: [number, number][] = [];
  for (const i of changed.slice(1)) {
    if (i - groupEnd - 1 > 2 * context) {
      groups.push([groupStart, groupEnd]);
      groupStart = i;
    }
    groupEnd = i;
  }
  groups.push([groupStart, groupEnd]);
  for (const [s, e] of groups) {
    const from = Math.max(0, s - context);
    const to = Math.min(ops.length - 1, e + context);
    const slice = ops.slice(from, to + 1);
    const first = slice[0]!;
    const oldLines = slice.filter((o) => o.kind !== 'insert').length;
    const newLines = slice.filter((o) => o.kind !== 'delete').length;
    hunks.push({
      oldStart: first.oldIndex + (oldLines === 0 ? 0 : 1),
      oldLines,
      newStart: first.newIndex + (newLines === 0 ? 0 : 1),
      newLines,
      lines: slice.map((op) => ({
        kind: KIND[op.kind],
        text: show(op),
        eol: op.line.eol,
        ...(op.eolChanged ? { eolChanged: true as const } : {}),
      })),
    });
  }
  return hunks;
}

export interface TextDiff {
  hunks: DiffHunk[];
  added: number;
  removed: number;
}

/**
 * The diff of a file's text, as hunks; `oldText` null means the file is created, `newText` null
 * that it is deleted. `showLine` turns a line's text into what is shown (e.g. with secrets masked).
 */
export function textDiff(
  oldText: string | null,
  newText: string | null,
  showLine: (text: string) => string = (text) => text,
): TextDiff {
  const ops = diffLines(splitLines(oldText ?? ''), splitLines(newText ?? ''));
  // A BOM is kept in the file but would be an invisible character in the preview.
  const show = (op: EditOp): string => {
    const first = op.kind === 'insert' ? op.newIndex === 0 : op.oldIndex === 0;
    return showLine(first ? op.line.text.replace(/^\uFEFF/, '') : op.line.text);
  };
  return {
    hunks: makeHunks(ops, 3, show),
    added: ops.filter((o) => o.kind === 'insert').length,
    removed: ops.filter((o) => o.kind === 'delete').length,
  };
}
