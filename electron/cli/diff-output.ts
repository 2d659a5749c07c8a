// A diff on the terminal: the hunks the engine made, rendered as unified-diff lines (GNU patch
// reads them when colours are off). A line whose ending alone changed shows it: ␍ after a CRLF
// line, the usual "\ No newline at end of file" after a last line without one.
import type { DiffHunk, DiffLine, FileDiff } from '../../shared/types.ts';
import type { Translator } from '../../shared/i18n/translate.ts';
import { paint, type Out } from './output.ts';

export interface ShownDiff {
  /** Path as shown to the user (`$CODEX_HOME/config.toml` or the absolute path). */
  path: string;
  /** Without it the old and new files are both taken to exist. */
  action?: FileDiff['action'];
  hunks: DiffHunk[];
  summary?: string[];
}

const MARK: Record<DiffLine['kind'], string> = { context: ' ', add: '+', remove: '-' };

function range(start: number, count: number): string {
  return count === 1 ? `${start}` : `${start},${count}`;
}

/** The diff's lines, without a final line break; none when nothing differs. */
export function formatDiff(out: Out, tr: Translator, diff: ShownDiff): string[] {
  if (diff.summary) return diff.summary.map((line) => ` ${line}`);
  if (diff.hunks.length === 0) return [];
  const lines: string[] = [];
  const changedCrlf = diff.hunks.some((h) => h.lines.some((l) => l.eolChanged && l.eol === 'crlf'));
  if (changedCrlf) lines.push(paint(out, 'dim', tr.t('cli.diff.eol-note')));
  const label = diff.path.replace(/^\$CODEX_HOME\//, '');
  lines.push(diff.action === 'create' ? '--- /dev/null' : `--- a/${label}`);
  lines.push(diff.action === 'delete' ? '+++ /dev/null' : `+++ b/${label}`);
  for (const h of diff.hunks) {
    lines.push(paint(out, 'dim', `@@ -${range(h.oldStart, h.oldLines)} +${range(h.newStart, h.newLines)} @@`));
    for (const l of h.lines) {
      const text = MARK[l.kind] + l.text + (l.eolChanged && l.eol === 'crlf' ? '␍' : '');
      lines.push(l.kind === 'add' ? paint(out, 'green', text) : l.kind === 'remove' ? paint(out, 'red', text) : text);
      if (l.eol === 'none') lines.push(`\\ ${tr.t('cli.diff.no-newline')}`);
    }
  }
  return lines;
}
