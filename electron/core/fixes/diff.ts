// Line diff (Myers' O(ND) algorithm) and standard unified-diff output with 3 lines of context.

export interface DiffLine {
  /** The line's text without its line ending. */
  text: string;
  /** False for a last line that has no line ending. */
  newline: boolean;
}

export type EditOp = { kind: 'equal' | 'delete' | 'insert'; line: DiffLine; oldIndex: number; newIndex: number };

export function splitLines(text: string): DiffLine[] {
  if (text.length === 0) return [];
  const out: DiffLine[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) {
      if (start < text.length) out.push({ text: text.slice(start), newline: false });
      return out;
    }
    const end = text[nl - 1] === '\r' && nl - 1 >= start ? nl - 1 : nl;
    out.push({ text: text.slice(start, end), newline: true });
    start = nl + 1;
  }
}

function sameLine(a: DiffLine, b: DiffLine): boolean {
  return a.text === b.text && a.newline === b.newline;
}

/** The shortest edit script from `a` to `b` (Myers 1986, forward greedy with a trace). */
export function diffLines(a: DiffLine[], b: DiffLine[]): EditOp[] {
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
      while (x < n && y < m && sameLine(a[x]!, b[y]!)) {
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

export interface Hunk {
  oldStart: number;
  oldCount: number;
  newStart: number;
  newCount: number;
  ops: EditOp[];
}

export function makeHunks(ops: EditOp[], context = 3): Hunk[] {
  const hunks: Hunk[] = [];
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
    const oldCount = slice.filter((o) => o.kind !== 'insert').length;
    const newCount = slice.filter((o) => o.kind !== 'delete').length;
    hunks.push({
      oldStart: first.oldIndex + (oldCount === 0 ? 0 : 1),
      oldCount,
      newStart: first.newIndex + (newCount === 0 ? 0 : 1),
      newCount,
      ops: slice,
    });
  }
  return hunks;
}

export interface UnifiedDiff {
  unified: string;
  added: number;
  removed: number;
}

function range(start: number, count: number): string {
  return count === 1 ? `${start}` : `${start},${count}`;
}

/** A unified diff; `oldText` null means the file is created, `newText` null that it is deleted. */
export function unifiedDiff(label: string, oldText: string | null, newText: string | null): UnifiedDiff {
  const a = splitLines(oldText ?? '');
  const b = splitLines(newText ?? '');
  const ops = diffLines(a, b);
  const hunks = makeHunks(ops);
  const out: string[] = [];
  out.push(oldText === null ? '--- /dev/null' : `--- a/${label}`);
  out.push(newText === null ? '+++ /dev/null' : `+++ b/${label}`);
  let added = 0;
  let removed = 0;
  for (const h of hunks) {
    out.push(`@@ -${range(h.oldStart, h.oldCount)} +${range(h.newStart, h.newCount)} @@`);
    for (const op of h.ops) {
      const mark = op.kind === 'equal' ? ' ' : op.kind === 'delete' ? '-' : '+';
      if (op.kind === 'insert') added += 1;
      if (op.kind === 'delete') removed += 1;
      // A BOM is kept in the file but would be an invisible character in the preview.
      const shown = op.oldIndex === 0 && op.newIndex === 0 ? op.line.text.replace(/^\uFEFF/, '') : op.line.text;
      out.push(mark + shown);
      if (!op.line.newline) out.push('\\ No newline at end of file');
    }
  }
  if (hunks.length === 0) return { unified: '', added: 0, removed: 0 };
  return { unified: out.join('\n') + '\n', added, removed };
}
