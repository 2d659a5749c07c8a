// Reverts a journaled change: exact bytes and modes back when every file is as the change left
// it; otherwise a conflict, or (on request) only the fix's own lines removed, or nothing touched.
import path from 'node:path';
import type { JournalEntry, JournalFileEntry, RevertConflict, RevertOutcome } from '../../../shared/types.ts';
import { errorMessageOf } from '../../../shared/fix-errors.ts';
import { msg } from '../../../shared/i18n/message.ts';
import { atomicWriteFileSync, fileMode, removeFileSync } from './atomic-write.ts';
import { diffLines, joinLines, splitLines, textDiff, type SourceLine } from './diff.ts';
import {
  beginPending,
  entryTitle,
  finishPending,
  markReverted,
  newChangeId,
  readAllEntries,
  readEntry,
} from './journal.ts';
import { withCodexHomeLock } from './lock.ts';
import { cleanTempFilesFor, settlePendingLocked } from './settle.ts';
import { displayPath, FixError, readBytes, sha256, type SetClashTun } from './plan.ts';
import { redactLine } from '../redact.ts';
import { parseTomlText } from '../toml/index.ts';

export type RevertMode = 'strict' | 'remove-fix-lines' | 'keep';

export interface RevertOptions {
  journalDir: string;
  mode?: RevertMode;
  /** Needed to undo a change made through the Clash API. */
  setClashTun?: SetClashTun;
  clashSecret?: string;
}

function bytesOf(b64: string | undefined): Buffer | null {
  return b64 === undefined ? null : Buffer.from(b64, 'base64');
}

function isAsLeft(file: JournalFileEntry, current: Buffer | null): boolean {
  if (file.hashAfter === undefined) return current === null;
  return current !== null && sha256(current) === file.hashAfter;
}

function isAsBefore(file: JournalFileEntry, current: Buffer | null): boolean {
  const before = bytesOf(file.before);
  return before === null ? current === null : current !== null && current.equals(before);
}

export function resolveEntry(journalDir: string, idOrLast: string): JournalEntry {
  if (idOrLast === 'last') {
    // The newest change not yet reverted, whatever made it: a partial revert is a change too.
    const open = readAllEntries(journalDir).filter((e) => !e.revertedAt);
    const last = open[open.length - 1];
    if (!last) throw new FixError(msg('fixes.error.nothing-to-revert'), 'not-found');
    return last;
  }
  const entry = readEntry(journalDir, idOrLast);
  if (!entry) throw new FixError(msg('fixes.error.no-such-change', { id: idOrLast }), 'not-found');
  return entry;
}

/**
 * The line ending restored lines get: the current file's own (the one most of its lines end with),
 * or, when it has none yet, the one the fix left.
 */
function restoredEol(current: SourceLine[], after: SourceLine[]): 'lf' | 'crlf' {
  for (const lines of [current, after]) {
    const crlf = lines.filter((l) => l.eol === 'crlf').length;
    const lf = lines.filter((l) => l.eol === 'lf').length;
    if (crlf + lf > 0) return crlf > lf ? 'crlf' : 'lf';
  }
  return 'lf';
}

/**
 * Undoes before→after on `current` where each changed block can still be found; null otherwise.
 * The current file's lines keep their bytes, line endings included; the restored lines take the
 * current file's line ending (a file the user converted to LF stays LF).
 */
export function removeFixLines(before: string, after: string, current: string): string | null {
  // Lines are matched without a BOM (an editor may add or drop one); the current file's BOM is kept below.
  const withoutBom = (text: string) => (text.startsWith('\uFEFF') ? text.slice(1) : text);
  const a = splitLines(withoutBom(before));
  const b = splitLines(withoutBom(after));
  const ops = diffLines(a, b);
  const result: SourceLine[] = splitLines(withoutBom(current));
  const eol = restoredEol(result, b);
  type Block = { at: number; del: SourceLine[]; ins: SourceLine[]; ctxBefore?: SourceLine; ctxAfter?: SourceLine };
  const blocks: Block[] = [];
  for (let i = 0; i < ops.length;) {
    if (ops[i]!.kind === 'equal') {
      i += 1;
      continue;
    }
    const block: Block = { at: ops[i]!.newIndex, del: [], ins: [] };
    const prev = ops[i - 1];
    if (prev) block.ctxBefore = prev.line;
    while (i < ops.length && ops[i]!.kind !== 'equal') {
      if (ops[i]!.kind === 'delete') block.del.push(ops[i]!.line);
      else block.ins.push(ops[i]!.line);
      i += 1;
    }
    const next = ops[i];
    if (next) block.ctxAfter = next.line;
    blocks.push(block);
  }
  const same = (x: SourceLine | undefined, y: SourceLine | undefined): boolean => !!x && !!y && x.text === y.text;
  let shift = 0;
  for (const block of blocks) {
    const expected = block.at + shift;
    let best = -1;
    for (let p = 0; p + block.ins.length <= result.length; p += 1) {
      if (!block.ins.every((l, k) => same(l, result[p + k]))) continue;
      if (block.ins.length === 0) {
        const anchored =
          (block.ctxBefore ? same(block.ctxBefore, result[p - 1]) : p === 0) ||
          (block.ctxAfter ? same(block.ctxAfter, result[p]) : p === result.length);
        if (!anchored) continue;
      }
      if (best < 0 || Math.abs(p - expected) < Math.abs(best - expected)) best = p;
    }
    if (best < 0) return null;
    const replaced = result.slice(best, best + block.ins.length);
    const restored = block.del.map((l): SourceLine => ({ text: l.text, eol: l.eol === 'none' ? 'none' : eol }));
    result.splice(best, block.ins.length, ...restored);
    // Keep the line-ending state of the current file's last line.
    if (replaced.length > 0 && best + block.del.length === result.length && block.del.length > 0) {
      const last = replaced[replaced.length - 1]!.eol;
      result[result.length - 1]!.eol = last === 'none' ? 'none' : eol;
    }
    shift += best - expected + block.del.length - block.ins.length;
  }
  // A line that was last and is no longer (lines restored after it) needs a line ending.
  for (const line of result.slice(0, -1)) if (line.eol === 'none') line.eol = eol;
  const bom = current.startsWith('\uFEFF') || (current === '' && before.startsWith('\uFEFF'));
  let out = joinLines(result);
  if (bom && !out.startsWith('\uFEFF')) out = '\uFEFF' + out;
  return out;
}

/** What differs between the file the fix left and the file as it is now, secrets masked. */
function conflictOf(entry: JournalEntry, file: JournalFileEntry, current: Buffer | null): RevertConflict {
  const left = bytesOf(file.after)?.toString('utf8') ?? null;
  return {
    path: displayPath(entry.codexHome, file.path),
    hunks: textDiff(left, current?.toString('utf8') ?? null, redactLine).hunks,
  };
}

export async function revertChange(idOrLast: string | 'last', options: RevertOptions): Promise<RevertOutcome> {
  const first = resolveEntry(options.journalDir, idOrLast);
  // Under the lock of the change's CODEX_HOME, from reading the files to the final journal marker.
  return withCodexHomeLock(first.codexHome, () => {
    cleanTempFilesFor(
      first.codexHome,
      options.journalDir,
      first.files.map((f) => f.path),
    );
    settlePendingLocked(options.journalDir, first.codexHome);
    // What "last" names may have changed while this process waited for the lock.
    const entry = resolveEntry(options.journalDir, idOrLast);
    if (path.resolve(entry.codexHome) !== path.resolve(first.codexHome)) {
      throw new FixError(msg('fixes.error.journal-changed'), 'changed-since-plan');
    }
    return revertLocked(entry, options);
  });
}

async function revertLocked(entry: JournalEntry, options: RevertOptions): Promise<RevertOutcome> {
  const mode = options.mode ?? 'strict';
  if (entry.revertedAt)
    throw new FixError(msg('fixes.error.already-reverted', { id: entry.id, at: entry.revertedAt }), 'already-reverted');

  if (mode === 'keep') {
    markReverted(options.journalDir, entry.id, 'keep');
    return { status: 'reverted', files: [] };
  }

  const states = entry.files.map((f) => ({ file: f, current: readBytes(f.path) }));
  const conflicts = states.filter((s) => !isAsLeft(s.file, s.current) && !isAsBefore(s.file, s.current));

  if (conflicts.length > 0 && mode === 'strict') {
    return {
      status: 'conflict',
      conflicts: conflicts.map((s) => conflictOf(entry, s.file, s.current)),
    };
  }

  // Compute every new content before writing anything.
  const writes: { file: JournalFileEntry; current: Buffer | null; next: Buffer | null; mode?: number }[] = [];
  const unresolved: RevertConflict[] = [];
  for (const s of states) {
    if (isAsBefore(s.file, s.current)) continue;
    if (isAsLeft(s.file, s.current)) {
      writes.push({ file: s.file, current: s.current, next: bytesOf(s.file.before), mode: s.file.modeBefore });
      continue;
    }
    const before = bytesOf(s.file.before)?.toString('utf8') ?? '';
    const after = bytesOf(s.file.after)?.toString('utf8') ?? '';
    const merged = s.current === null ? null : removeFixLines(before, after, s.current.toString('utf8'));
    let ok = merged !== null;
    if (ok && s.file.path.endsWith('.toml')) {
      try {
        parseTomlText(merged!);
      } catch {
        ok = false;
      }
    }
    if (!ok) {
      unresolved.push(conflictOf(entry, s.file, s.current));
      continue;
    }
    const next = !s.file.existedBefore && merged === '' ? null : Buffer.from(merged!, 'utf8');
    writes.push({ file: s.file, current: s.current, next });
  }
  if (unresolved.length > 0) return { status: 'conflict', conflicts: unresolved };

  if (entry.api) {
    if (!options.setClashTun) throw new FixError(msg('fixes.error.no-clash-client-off'), 'api-failed');
    try {
      await options.setClashTun(entry.api.controller, options.clashSecret, entry.api.previousTun);
    } catch (error) {
      throw new FixError(
        msg('fixes.error.clash-refused', { controller: entry.api.controller, error: errorMessageOf(error) }),
        'api-failed',
      );
    }
  }

  const partial = writes.some((w) => !isAsLeft(w.file, w.current));
  const partialId = newChangeId();
  if (partial) {
    // A partial revert is a change of its own: journal it (pending until written) so it can be undone too.
    beginPending(options.journalDir, {
      id: partialId,
      createdAt: new Date().toISOString(),
      fix: entry.fix,
      title: msg('fixes.title.removed-lines', { title: entryTitle(entry) }),
      codexHome: entry.codexHome,
      profile: entry.profile,
      revertOf: entry.id,
      files: writes.map((w) => ({
        path: w.file.path,
        existedBefore: w.current !== null,
        ...(w.current !== null ? { before: w.current.toString('base64'), modeBefore: fileMode(w.file.path) } : {}),
        ...(w.next !== null ? { hashAfter: sha256(w.next), after: w.next.toString('base64') } : {}),
      })),
    });
  }
  for (const w of writes) {
    if (w.next === null) removeFileSync(w.file.path);
    else atomicWriteFileSync(w.file.path, w.next, w.mode !== undefined ? { mode: w.mode } : {});
  }
  markReverted(options.journalDir, entry.id, mode);
  if (partial) finishPending(options.journalDir, partialId);
  return {
    status: 'reverted',
    files: entry.files.map((f) => f.path),
    ...(entry.api ? { api: { controller: entry.api.controller, tunEnabled: entry.api.previousTun } } : {}),
  };
}
