// Read-only file access by logical path, optionally under a fake root (tests emulate another OS's
// layout: `C:\Users\me\x` becomes `<root>/C/Users/me/x`).
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { readConfigFile } from '../../config-file.ts';

export interface FsView {
  readText(logicalPath: string): Promise<string | undefined>;
  /** Names of the subdirectories; empty when the directory is missing. */
  listDirs(logicalPath: string): Promise<string[]>;
}

export function fsView(fsRoot?: string): FsView {
  const real = (logical: string): string => {
    if (!fsRoot) return logical;
    const parts = logical
      .replace(/^([A-Za-z]):/, '$1')
      .split(/[\\/]+/)
      .filter(Boolean);
    return path.join(fsRoot, ...parts);
  };
  return {
    async readText(logical) {
      try {
        return (await readConfigFile(real(logical)))?.toString('utf8');
      } catch {
        return undefined; // not a regular file, too large, or unreadable: not a config we can use
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
