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
