// The rows a diff view shows for the engine's hunks: line numbers on both sides, a marker, and the
// line ending where it matters (it alone changed, or the file's last line has none).
import type { MessageId } from '../../shared/i18n/message.ts';
import type { DiffHunk, DiffLine, LineEnding } from '../../shared/types.ts';

export type DiffRowKind = 'add' | 'remove' | 'context' | 'hunk' | 'meta';

export interface DiffRow {
  kind: DiffRowKind;
  oldLine: number | null;
  newLine: number | null;
  text: string;
  /** The line's ending, shown after its text. */
  eol?: { symbol: string; label: MessageId };
}

const EOL: Record<LineEnding, { symbol: string; label: MessageId }> = {
  crlf: { symbol: '␍␊', label: 'app.diff.eol.crlf' },
  lf: { symbol: '␊', label: 'app.diff.eol.lf' },
  none: { symbol: '∅', label: 'app.diff.eol.none' },
};

function range(start: number, count: number): string {
  return count === 1 ? `${start}` : `${start},${count}`;
}

function lineRow(line: DiffLine, oldLine: number | null, newLine: number | null): DiffRow {
  const row: DiffRow = { kind: line.kind, oldLine, newLine, text: line.text };
  if (line.eolChanged || line.eol === 'none') row.eol = EOL[line.eol];
  return row;
}

export function diffRows(diff: { hunks: DiffHunk[]; summary?: string[] }): DiffRow[] {
  if (diff.summary) return diff.summary.map((text) => ({ kind: 'meta', oldLine: null, newLine: null, text }));
  const rows: DiffRow[] = [];
  for (const h of diff.hunks) {
    const text = `@@ -${range(h.oldStart, h.oldLines)} +${range(h.newStart, h.newLines)} @@`;
    rows.push({ kind: 'hunk', oldLine: null, newLine: null, text });
    let oldLine = h.oldStart;
    let newLine = h.newStart;
    for (const line of h.lines) {
      if (line.kind === 'add') rows.push(lineRow(line, null, newLine++));
      else if (line.kind === 'remove') rows.push(lineRow(line, oldLine++, null));
      else rows.push(lineRow(line, oldLine++, newLine++));
    }
  }
  return rows;
}

/** What a screen reader says for a row's marker. */
export function rowMarker(kind: DiffRowKind): { symbol: string; label: MessageId } {
  switch (kind) {
    case 'add':
      return { symbol: '+', label: 'app.diff.marker.added' };
    case 'remove':
      return { symbol: '−', label: 'app.diff.marker.removed' };
    default:
      return { symbol: ' ', label: 'app.diff.marker.unchanged' };
  }
}
