// One writer per CODEX_HOME at a time. Every change (fix, revert, settling an interrupted change)
// runs inside this lock, from reading the files for the plan's check until its journal entry is
// final; the app and the command line take the same lock, a lock directory in CODEX_HOME.
//
// proper-lockfile (mkdir, atomic on local and network file systems) keeps the lock's mtime fresh
// while it is held; a lock whose mtime is older than STALE_MS belongs to a process that died
// (kill -9, power loss) and is taken over. A waiting process retries for longer than that.
import fs from 'node:fs';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { FixError } from './plan.ts';
import { msg } from '../../../shared/i18n/message.ts';

export const LOCK_NAME = '.codex-connection-doctor.lock';
export const STALE_MS = 5000;
const UPDATE_MS = 1000;

export interface LockOptions {
  /** How long to wait for another holder, in ms (default: a little over STALE_MS). */
  waitMs?: number;
}

/** Where the lock of a CODEX_HOME lives: one folder however the CODEX_HOME is spelled (symlinks resolved). */
export function lockPathFor(codexHome: string): string {
  let real = codexHome;
  try {
    real = fs.realpathSync(codexHome);
  } catch {
    // a missing CODEX_HOME is reported by whoever needs it
  }
  return path.join(real, LOCK_NAME);
}

export class LockBusyError extends FixError {
  constructor(codexHome: string) {
    super(msg('fixes.error.lock-busy', { home: codexHome }), 'changed-since-plan');
  }
}

/** Runs fn holding the lock of codexHome; throws LockBusyError when another holder keeps it past waitMs. */
export async function withCodexHomeLock<T>(
  codexHome: string,
  fn: () => Promise<T> | T,
  options: LockOptions = {},
): Promise<T> {
  const lockPath = lockPathFor(codexHome);
  const waitMs = options.waitMs ?? STALE_MS + 4000;
  const interval = 100;
  let compromised: Error | undefined;
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(path.dirname(lockPath), {
      lockfilePath: lockPath,
      realpath: false,
      stale: STALE_MS,
      update: UPDATE_MS,
      retries: {
        retries: Math.max(0, Math.ceil(waitMs / interval)),
        factor: 1,
        minTimeout: interval,
        maxTimeout: interval,
        randomize: true,
      },
      onCompromised: (error) => {
        compromised = error;
      },
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOCKED') throw new LockBusyError(codexHome);
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
      throw new FixError(msg('fixes.error.path-read-only', { path: codexHome }), 'read-only', { file: codexHome });
    }
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new FixError(msg('fixes.error.codex-home-gone', { path: codexHome }), 'codex-home-missing');
    }
    throw error;
  }
  try {
    const result = await fn();
    if (compromised)
      throw new FixError(
        msg('fixes.error.lock-lost', { home: codexHome, error: compromised.message }),
        'changed-since-plan',
      );
    return result;
  } finally {
    await release().catch(() => undefined);
  }
}
