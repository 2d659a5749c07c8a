// Read-only file access by logical path, optionally under a fake root (tests emulate another OS's
// layout: `C:\Users\me\x` becomes `<root>/C/Users/me/x`).
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';

export interface FsView {
  readText(logicalPath: string): Promise<string | undefined>;
  /** Names of the subdirectories; empty when the directory is missing. */
  listDirs(logicalPath: string): Promise<string[]>;
}

const MAX_CONFIG_BYTES = 8 * 1024 * 1024;

export function fsView(fsRoot?: string): FsView {
  const real = (logical: string): string => {
    if (!fsRoot) return logical;
    const parts = logical.replace(/^([A-Za-z]):/, '$1').split(/[\\/]+/).filter(Boolean);
    return path.join(fsRoot, ...parts);
  };
  return {
    async readText(logical) {
      try {
        const file = real(logical);
        // A FIFO or device under a config's name would block the read forever; a huge file
        // would be read whole before its size was known.
        const info = await stat(file);
        if (!info.isFile() || info.size > MAX_CONFIG_BYTES) return undefined;
        const buffer = await readFile(file);
        return buffer.length > MAX_CONFIG_BYTES ? undefined : buffer.toString('utf8');
      } catch {
        return undefined;
      }
    },
    async listDirs(logical) {
      try {
        const entries = await readdir(real(logical), { withFileTypes: true });
        return entries.filter((e) => e.isDirectory() || e.isSymbolicLink()).map((e) => e.name);
      } catch {
        return [];
      }
    },
  };
}
