// Reading a user's config file safely. Only regular files are read: a FIFO under a config's name
// would block the read (and the app's main process) forever, and a huge file would be read whole.
import fs from 'node:fs';
import { readFile, stat } from 'node:fs/promises';

export const MAX_CONFIG_FILE_BYTES = 8 * 1024 * 1024;

export class ConfigFileError extends Error {
  constructor(
    message: string,
    readonly code: 'not-a-file' | 'too-large',
  ) {
    super(message);
    this.name = 'ConfigFileError';
  }
}

function check(file: string, info: fs.Stats): void {
  if (!info.isFile()) throw new ConfigFileError(`${file} is not a regular file; Codex reads only regular files there`, 'not-a-file');
  if (info.size > MAX_CONFIG_FILE_BYTES) {
    throw new ConfigFileError(`${file} is larger than ${MAX_CONFIG_FILE_BYTES / 2 ** 20} MiB; that is not a config file`, 'too-large');
  }
}

const isMissing = (error: unknown) => ['ENOENT', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? '');

/** The file's bytes, or null when it does not exist. Throws ConfigFileError or the fs error otherwise. */
export function readConfigFileSync(file: string): Buffer | null {
  let info: fs.Stats;
  try {
    info = fs.statSync(file);
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
  check(file, info);
  return fs.readFileSync(file);
}

export async function readConfigFile(file: string): Promise<Buffer | null> {
  let info: fs.Stats;
  try {
    info = await stat(file);
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
  check(file, info);
  return readFile(file);
}
