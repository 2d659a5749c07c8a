// Crash-safe file replacement: a temporary file beside the target is written and flushed, then
// renamed over the target, so a crash leaves either the old or the new file, never a mix.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface AtomicWriteOptions {
  /** Mode for the file; default: the existing file's mode, else `newFileMode`. */
  mode?: number;
  /** Mode when the target does not exist yet (default 0o600: config and .env can hold secrets). */
  newFileMode?: number;
}

const RETRYABLE_RENAME = new Set(['EPERM', 'EBUSY', 'EACCES']);

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Test hook for the kill -9 tests: with CCD_TEST_PAUSE_AT=<stage>, the process stops there (for a
 * minute, or CCD_TEST_PAUSE_MS) so a test can kill it at that exact point, or race it. Stages: after-journal, before-rename.
 */
export function testPause(stage: 'after-journal' | 'before-rename'): void {
  if (process.env.CCD_TEST_PAUSE_AT !== stage) return;
  process.stderr.write(`CCD_TEST_PAUSED ${stage}\n`);
  sleepSync(Number(process.env.CCD_TEST_PAUSE_MS) || 60_000);
}

/** On Windows a rename over a file another process has open fails for a moment: retry briefly. */
function renameWithRetry(from: string, to: string): void {
  const attempts = process.platform === 'win32' ? 20 : 1;
  for (let i = 1; ; i += 1) {
    try {
      fs.renameSync(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (i >= attempts || !RETRYABLE_RENAME.has(code)) throw error;
      sleepSync(Math.min(50 * i, 500));
    }
  }
}

function fsyncDirectory(dir: string): void {
  if (process.platform === 'win32') return; // directories cannot be opened for fsync there
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Some file systems refuse fsync on a directory; the rename is still atomic.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** The mode bits (permissions) of a file, or undefined when it does not exist. */
export function fileMode(target: string): number | undefined {
  try {
    return fs.statSync(target).mode & 0o7777;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * The file a path finally names, following symlinks (a dangling one included). Dotfile managers
 * link ~/.codex/config.toml into a repository: renaming over the link would replace it with a
 * copy and leave the user's real file behind.
 */
export function resolveLinkTarget(file: string): string {
  let current = file;
  for (let hops = 0; hops < 40; hops += 1) {
    let link: string;
    try {
      if (!fs.lstatSync(current).isSymbolicLink()) return current;
      link = fs.readlinkSync(current);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return current;
      throw error;
    }
    current = path.resolve(path.dirname(current), link);
  }
  throw Object.assign(new Error(`${file}: too many levels of symbolic links`), { code: 'ELOOP' });
}

export function atomicWriteFileSync(linkOrFile: string, data: Buffer | string, options: AtomicWriteOptions = {}): void {
  const target = resolveLinkTarget(linkOrFile);
  const dir = path.dirname(target);
  const mode = options.mode ?? fileMode(target) ?? options.newFileMode ?? 0o600;
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = fs.openSync(temp, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL, mode);
  let renamed = false;
  try {
    try {
      const buffer = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      let written = 0;
      while (written < buffer.length) written += fs.writeSync(fd, buffer, written, buffer.length - written);
      // The umask may have narrowed the mode given to open().
      if (process.platform !== 'win32') fs.fchmodSync(fd, mode);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    if (!path.basename(target).endsWith('.json')) testPause('before-rename');
    renameWithRetry(temp, target);
    renamed = true;
    fsyncDirectory(dir);
  } finally {
    if (!renamed) fs.rmSync(temp, { force: true });
  }
}

/** Deletes a file (a link's target, not the link) and flushes its directory: revert of a created file. */
export function removeFileSync(linkOrFile: string): void {
  const target = resolveLinkTarget(linkOrFile);
  fs.rmSync(target, { force: true });
  fsyncDirectory(path.dirname(target));
}

/** The name of our temporary files: `.<name>.<pid>.<12 hex>.tmp`, beside the file they replace. */
const TEMP_NAME = /^\..+\.(\d+)\.[0-9a-f]{12}\.tmp$/;

function processIsGone(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Removes temporary files of our own naming left in dir by a process that no longer runs (a
 * `kill -9` between writing the temporary file and renaming it). Other files are never touched.
 * Returns the names removed.
 */
export function cleanStaleTempFiles(dir: string): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = TEMP_NAME.exec(name);
    if (!m || !processIsGone(Number(m[1]))) continue;
    try {
      if (!fs.lstatSync(path.join(dir, name)).isFile()) continue;
      fs.rmSync(path.join(dir, name), { force: true });
      removed.push(name);
    } catch {
      // not ours to insist on
    }
  }
  return removed;
}
