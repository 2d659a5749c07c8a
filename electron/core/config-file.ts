// Reading a user's config file safely. Only regular files are read: a FIFO under a config's name
// would block the read (and the app's main process) forever, and a huge file would be read whole.
import fs from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { msg, type Message } from '../../shared/i18n/message.ts';

export const MAX_CONFIG_FILE_BYTES = 8 * 1024 * 1024;

export type ConfigFileErrorCode = 'not-a-file' | 'too-large' | 'unreadable' | 'symlink-loop';

/**
 * A config file that cannot be read safely. `detail` is what a person reads; the Error's message is
 * the same sentence in English, for logs and the fix engine's refusals.
 */
export class ConfigFileError extends Error {
  constructor(
    message: string,
    readonly code: ConfigFileErrorCode,
    readonly detail: Message,
  ) {
    super(message);
    this.name = 'ConfigFileError';
  }
}

const notAFile = (file: string) =>
  new ConfigFileError(
    `${file} is not a regular file; Codex reads only regular files there`,
    'not-a-file',
    msg('setup.config-file.not-a-file', { file }),
  );

function check(file: string, info: fs.Stats): void {
  if (!info.isFile()) throw notAFile(file);
  if (info.size > MAX_CONFIG_FILE_BYTES) {
    const mib = MAX_CONFIG_FILE_BYTES / 2 ** 20;
    throw new ConfigFileError(
      `${file} is larger than ${mib} MiB; that is not a config file`,
      'too-large',
      msg('setup.config-file.too-large', { file, mib }),
    );
  }
}

const isMissing = (error: unknown) => ['ENOENT', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? '');

/** A file that exists but cannot be read, as a refusal that names it and says what to do; else the error itself. */
export function explainReadError(file: string, error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') {
    return new ConfigFileError(
      `${file} cannot be read by you: make it readable (\`chmod u+r ${file}\`, or run as its owner)`,
      'unreadable',
      msg('setup.config-file.unreadable', { file }),
    );
  }
  if (code === 'ELOOP') {
    return new ConfigFileError(
      `${file} is a symlink loop: point the link at a real file (or remove it)`,
      'symlink-loop',
      msg('setup.config-file.symlink-loop', { file }),
    );
  }
  if (code === 'EISDIR') return notAFile(file);
  return error;
}

/** Where the first byte that is not UTF-8 is: 1-based line and column (in characters), or null when all is UTF-8. */
export function invalidUtf8Position(bytes: Uint8Array): { line: number; column: number; offset: number } | null {
  let line = 1;
  let column = 1;
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    const n = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = n > 0 && i + n <= bytes.length;
    for (let k = 1; ok && k < n; k += 1) if ((bytes[i + k]! & 0xc0) !== 0x80) ok = false;
    if (ok && n === 3) ok = b === 0xe0 ? bytes[i + 1]! >= 0xa0 : b === 0xed ? bytes[i + 1]! < 0xa0 : true;
    if (ok && n === 4) ok = b === 0xf0 ? bytes[i + 1]! >= 0x90 : b === 0xf4 ? bytes[i + 1]! < 0x90 : true;
    if (!ok) return { line, column, offset: i };
    if (b === 0x0a) {
      line += 1;
      column = 1;
    } else column += 1;
    i += n;
  }
  return null;
}

/** The file's bytes, or null when it does not exist. Throws ConfigFileError or the fs error otherwise. */
export function readConfigFileSync(file: string): Buffer | null {
  let info: fs.Stats;
  try {
    info = fs.statSync(file);
  } catch (error) {
    if (isMissing(error)) return null;
    throw explainReadError(file, error);
  }
  check(file, info);
  try {
    return fs.readFileSync(file);
  } catch (error) {
    throw explainReadError(file, error);
  }
}

export async function readConfigFile(file: string): Promise<Buffer | null> {
  let info: fs.Stats;
  try {
    info = await stat(file);
  } catch (error) {
    if (isMissing(error)) return null;
    throw explainReadError(file, error);
  }
  check(file, info);
  try {
    return await readFile(file);
  } catch (error) {
    throw explainReadError(file, error);
  }
}
