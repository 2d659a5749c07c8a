// Settles changes a killed process left pending: a change whose files were all written becomes
// history; one that was interrupted before (or between) its renames is rolled back to the exact
// bytes before and dropped from the journal. Always run holding the CODEX_HOME's lock.
import fs from 'node:fs';
import path from 'node:path';
import type { JournalEntry, JournalFileEntry } from '../../../shared/types.ts';
import { atomicWriteFileSync, cleanStaleTempFiles, removeFileSync, resolveLinkTarget } from './atomic-write.ts';
import { finishPending, markReverted, readEntry, readPending, removeEntry, DamagedEntryError } from './journal.ts';
import { withCodexHomeLock, LockBusyError } from './lock.ts';
import { FixError, readBytes, sha256 } from './plan.ts';

export interface SettleResult {
  /** Changes whose files were all written: now active history. */
  completed: string[];
  /** Changes interrupted before their files were all written: files put back, entry dropped. */
  rolledBack: string[];
}

function bytesOf(b64: string | undefined): Buffer | null {
  return b64 === undefined ? null : Buffer.from(b64, 'base64');
}

function asAfter(f: JournalFileEntry, current: Buffer | null): boolean {
  return f.hashAfter === undefined ? current === null : current !== null && sha256(current) === f.hashAfter;
}

function asBefore(f: JournalFileEntry, current: Buffer | null): boolean {
  const before = bytesOf(f.before);
  return before === null ? current === null : current !== null && current.equals(before);
}

function settleOne(dir: string, id: string, entry: JournalEntry | null, result: SettleResult): void {
  if (!entry) {
    // Killed before the entry was written: nothing was changed.
    finishPending(dir, id);
    return;
  }
  const states = entry.files.map((f) => ({ f, current: readBytes(f.path) }));
  const allAfter = states.every((s) => asAfter(s.f, s.current));
  const interrupted = states.every((s) => asAfter(s.f, s.current) || asBefore(s.f, s.current));
  if (entry.api || allAfter || !interrupted) {
    // Done (or changed since by someone else, or a proxy app's setting we cannot read back):
    // keep it as history so it can be reverted.
    if (entry.revertOf && allAfter) {
      try {
        if (!readEntry(dir, entry.revertOf)?.revertedAt) markReverted(dir, entry.revertOf, 'remove-fix-lines');
      } catch (error) {
        if (!(error instanceof DamagedEntryError)) throw error;
      }
    }
    finishPending(dir, id);
    result.completed.push(id);
    return;
  }
  // Interrupted between renames: put back what was written, then forget the change.
  for (const s of states) {
    if (asBefore(s.f, s.current)) continue;
    const before = bytesOf(s.f.before);
    if (before === null) removeFileSync(s.f.path);
    else atomicWriteFileSync(s.f.path, before, s.f.modeBefore !== undefined ? { mode: s.f.modeBefore } : {});
  }
  removeEntry(dir, id);
  finishPending(dir, id);
  result.rolledBack.push(id);
}

/** Stale temporary files of ours in CODEX_HOME, beside linked targets, and in the journal. */
export function cleanTempFilesFor(codexHome: string, journalDir: string, files: string[] = []): void {
  const dirs = new Set([codexHome, journalDir]);
  for (const f of files) {
    try {
      dirs.add(path.dirname(resolveLinkTarget(f)));
    } catch {
      dirs.add(path.dirname(f));
    }
  }
  for (const d of dirs) cleanStaleTempFiles(d);
}

/** Settles the pending changes of one CODEX_HOME. The caller holds its lock. */
export function settlePendingLocked(journalDir: string, codexHome: string): SettleResult {
  const result: SettleResult = { completed: [], rolledBack: [] };
  const same = (a: string) => path.resolve(a) === path.resolve(codexHome);
  for (const { id, marker } of readPending(journalDir)) {
    let entry: JournalEntry | null;
    try {
      entry = readEntry(journalDir, id);
    } catch (error) {
      if (error instanceof DamagedEntryError) continue; // reported as damaged by history
      throw error;
    }
    const home = entry?.codexHome ?? marker?.codexHome;
    if (home === undefined) {
      // Neither marker nor entry readable: nothing to settle with; drop the marker.
      fs.rmSync(path.join(journalDir, `${id}.pending.json`), { force: true });
      continue;
    }
    if (!same(home)) continue;
    settleOne(journalDir, id, entry, result);
  }
  return result;
}

/** Settles every pending change whose CODEX_HOME's lock is free (a busy lock: its writer is alive). */
export async function settleJournal(journalDir: string): Promise<SettleResult> {
  const result: SettleResult = { completed: [], rolledBack: [] };
  const homes = new Set<string>();
  for (const { id, marker } of readPending(journalDir)) {
    let home = marker?.codexHome;
    try {
      home ??= readEntry(journalDir, id)?.codexHome;
    } catch {
      // damaged: reported elsewhere
    }
    if (home && fs.existsSync(home)) homes.add(home);
  }
  for (const home of homes) {
    try {
      const r = await withCodexHomeLock(
        home,
        () => {
          cleanTempFilesFor(home, journalDir);
          return settlePendingLocked(journalDir, home);
        },
        { waitMs: 500 },
      );
      result.completed.push(...r.completed);
      result.rolledBack.push(...r.rolledBack);
    } catch (error) {
      // A busy lock: its writer is alive and settles its own change. A read-only CODEX_HOME: later.
      if (!(error instanceof LockBusyError) && !(error instanceof FixError)) throw error;
    }
  }
  return result;
}
