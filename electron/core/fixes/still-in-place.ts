// Whether a change is still in its files: another tool (cc-switch rewriting config.toml from its
// templates, a gateway bridge) may have written over it since. Read when History is listed.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { JournalEntry } from '../../../shared/types.ts';

export type ChangeState = 'in-place' | 'changed-since' | 'overwritten';

function linesOf(bytes: Buffer | null | undefined): string[] {
  return bytes
    ? bytes
        .toString('utf8')
        .replace(/^\uFEFF/, '')
        .split(/\r?\n/)
    : [];
}

/**
 * `in-place`: every file is byte for byte as the change left it. `overwritten`: none of the lines
 * the change added is left in any of its files (or a file it wrote is gone). `changed-since`: the
 * files changed, and the change's own lines are (partly) still there.
 */
export function changeState(
  entry: JournalEntry,
  read: (path: string) => Buffer | null = readOrNull,
): ChangeState | undefined {
  const files = entry.files.filter((f) => f.hashAfter !== undefined && f.after !== undefined);
  if (entry.revertedAt !== undefined || files.length === 0) return undefined;
  let unchanged = true;
  let ownLinesLeft = 0;
  let ownLines = 0;
  for (const f of files) {
    const current = read(f.path);
    if (current && createHash('sha256').update(current).digest('hex') === f.hashAfter) {
      const added = addedLines(f.before, f.after!);
      ownLines += added.length;
      ownLinesLeft += added.length;
      continue;
    }
    unchanged = false;
    const added = addedLines(f.before, f.after!);
    const now = new Set(linesOf(current).map((l) => l.trim()));
    ownLines += added.length;
    ownLinesLeft += added.filter((l) => now.has(l.trim())).length;
  }
  if (unchanged) return 'in-place';
  return ownLines > 0 && ownLinesLeft === 0 ? 'overwritten' : 'changed-since';
}

/** The lines the change wrote that were not there before (blank lines aside). */
function addedLines(beforeB64: string | undefined, afterB64: string): string[] {
  const before = new Set(linesOf(beforeB64 ? Buffer.from(beforeB64, 'base64') : null).map((l) => l.trim()));
  return linesOf(Buffer.from(afterB64, 'base64')).filter((l) => l.trim() !== '' && !before.has(l.trim()));
}

function readOrNull(path: string): Buffer | null {
  try {
    return readFileSync(path);
  } catch {
    return null;
  }
}
