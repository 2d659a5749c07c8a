// Applies a planned fix: re-checks every file against the plan, journals the exact bytes
// before, then writes each file atomically. Nothing is written when a check fails.
import fs from 'node:fs';
import path from 'node:path';
import type { JournalEntry, JournalFileEntry } from '../../../shared/types.ts';
import { errorMessageOf } from '../../../shared/fix-errors.ts';
import { msg } from '../../../shared/i18n/message.ts';
import { atomicWriteFileSync, fileMode, removeFileSync, testPause } from './atomic-write.ts';
import { beginPending, finishPending, markReverted, newChangeId, removeEntry } from './journal.ts';
import { withCodexHomeLock } from './lock.ts';
import { cleanTempFilesFor, settlePendingLocked } from './settle.ts';
import {
  assertCodexHome,
  FixError,
  readBytes,
  readTomlFile,
  sha256,
  type PlannedFix,
  type SetClashTun,
} from './plan.ts';

export interface ApplyOptions {
  journalDir: string;
  setClashTun?: SetClashTun;
  now?: Date;
}

function assertWritable(file: string, exists: boolean): void {
  try {
    if (exists) fs.accessSync(file, fs.constants.W_OK);
    fs.accessSync(path.dirname(file), fs.constants.W_OK);
  } catch {
    throw new FixError(msg('fixes.error.path-read-only', { path: exists ? file : path.dirname(file) }), 'read-only', {
      file,
    });
  }
  if (exists && process.platform !== 'win32' && (fileMode(file)! & 0o222) === 0) {
    // root passes access(W_OK) on a 0o444 file; the user still asked for it to be read-only.
    throw new FixError(msg('fixes.error.file-read-only', { file }), 'read-only', { file });
  }
}

export async function applyPlan(planned: PlannedFix, options: ApplyOptions): Promise<JournalEntry> {
  assertCodexHome(planned.codexHome);
  if (planned.edits.length === 0 && !planned.api) {
    throw new FixError(
      planned.plan.manualSteps ? msg('fixes.error.manual-fix') : msg('fixes.error.no-change'),
      'not-applicable',
    );
  }
  // One change per CODEX_HOME at a time: from the check against the preview to the final entry.
  // A process that waited finds the files changed by the winner and refuses ("changed since the preview").
  return withCodexHomeLock(planned.codexHome, () => {
    cleanTempFilesFor(
      planned.codexHome,
      options.journalDir,
      planned.edits.map((e) => e.path),
    );
    settlePendingLocked(options.journalDir, planned.codexHome);
    return applyLocked(planned, options);
  });
}

async function applyLocked(planned: PlannedFix, options: ApplyOptions): Promise<JournalEntry> {
  const files: JournalFileEntry[] = [];
  for (const edit of planned.edits) {
    const current = readBytes(edit.path);
    const same = current === null ? edit.before === null : edit.before !== null && current.equals(edit.before);
    if (!same) {
      throw new FixError(msg('fixes.error.changed-since-preview', { file: edit.path }), 'changed-since-plan', {
        file: edit.path,
      });
    }
    if (edit.path.endsWith('.toml') && current !== null) readTomlFile(edit.path, path.basename(edit.path));
    assertWritable(edit.path, current !== null);
    const entry: JournalFileEntry = { path: edit.path, existedBefore: current !== null };
    if (current !== null) {
      entry.before = current.toString('base64');
      entry.modeBefore = fileMode(edit.path);
    }
    if (edit.after !== null) {
      entry.hashAfter = sha256(edit.after);
      entry.after = edit.after.toString('base64');
    }
    files.push(entry);
  }

  const entry: JournalEntry = {
    id: newChangeId(options.now),
    createdAt: (options.now ?? new Date()).toISOString(),
    fix: planned.plan.fix,
    title: planned.plan.title,
    codexHome: planned.codexHome,
    profile: planned.profile,
    files,
  };

  if (planned.api && !options.setClashTun) throw new FixError(msg('fixes.error.no-clash-client'), 'api-failed');
  if (planned.api) entry.api = { controller: planned.api.controller, previousTun: planned.api.previousTun };

  // The journal first: if anything below fails, the bytes before (and TUN's old state) are safe.
  // The entry stays pending until every rename is done: a process killed in between leaves a
  // pending change that the next run settles (kept if all was written, else rolled back).
  beginPending(options.journalDir, entry);
  testPause('after-journal');
  if (planned.api) {
    try {
      await options.setClashTun!(planned.api.controller, planned.api.secret, planned.api.enableTun);
    } catch (error) {
      removeEntry(options.journalDir, entry.id); // nothing changed: no history item to revert
      finishPending(options.journalDir, entry.id);
      throw new FixError(
        msg('fixes.error.clash-refused', { controller: planned.api.controller, error: errorMessageOf(error) }),
        'api-failed',
      );
    }
  }
  const written: number[] = [];
  try {
    planned.edits.forEach((edit, i) => {
      if (edit.after === null) removeFileSync(edit.path);
      else
        atomicWriteFileSync(
          edit.path,
          edit.after,
          edit.before === null
            ? { newFileMode: edit.newFileMode ?? 0o600 }
            : edit.mode !== undefined
              ? { mode: edit.mode }
              : {},
        );
      written.push(i);
    });
  } catch (error) {
    for (const i of written.reverse()) {
      const edit = planned.edits[i]!;
      const f = files[i]!;
      if (edit.before === null) removeFileSync(edit.path);
      else atomicWriteFileSync(edit.path, edit.before, { mode: f.modeBefore });
    }
    markReverted(options.journalDir, entry.id, 'apply-failed');
    finishPending(options.journalDir, entry.id);
    throw new FixError(msg('fixes.error.write-failed', { error: (error as Error).message }), 'read-only');
  }
  finishPending(options.journalDir, entry.id);
  return entry;
}
