// Turns a unified diff into rows a diff view can show: line numbers on both sides and a marker.
import type { MessageId } from '../../shared/i18n/message.ts';

export type DiffRowKind = 'add' | 'remove' | 'context' | 'hunk' | 'meta';

export interface DiffRow {
  kind: DiffRowKind;
  oldLine: number | null;
  newLine: number | null;
  text: string;
}

const HUNK = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@/;

export function parseUnifiedDiff(unified: string): DiffRow[] {
  const rows: DiffRow[] = [];
  let oldLine = 0;
  let newLine = 0;
  let inHunk = false;
  const lines = unified.replace(/\r\n/g, '\n').split('\n');
  if (lines.at(-1) === '') lines.pop();
  for (const line of lines) {
    const hunk = HUNK.exec(line);
    if (hunk) {
      oldLine = Number(hunk[1]);
      newLine = Number(hunk[2]);
      inHunk = true;
      rows.push({ kind: 'hunk', oldLine: null, newLine: null, text: line });
    } else if (!inHunk || line.startsWith('---') || line.startsWith('+++') || line.startsWith('\\')) {
      if (
        !inHunk &&
        (line.startsWith('---') || line.startsWith('+++') || line.startsWith('diff ') || line.startsWith('index '))
      ) {
        continue; // file headers: the view shows the path above the table
      }
      rows.push({ kind: 'meta', oldLine: null, newLine: null, text: line });
    } else if (line.startsWith('+')) {
      rows.push({ kind: 'add', oldLine: null, newLine: newLine++, text: line.slice(1) });
    } else if (line.startsWith('-')) {
      rows.push({ kind: 'remove', oldLine: oldLine++, newLine: null, text: line.slice(1) });
    } else {
      rows.push({ kind: 'context', oldLine: oldLine++, newLine: newLine++, text: line.slice(1) });
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
