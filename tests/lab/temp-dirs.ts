// Temporary directories made by the lab, removed when the process exits
// (set LAB_KEEP_TMP=1 to keep them for a post-mortem).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const made = new Set<string>();
let hookInstalled = false;

export function makeTempDir(prefix: string): string {
  if (!hookInstalled) {
    hookInstalled = true;
    process.on('exit', () => {
      if (process.env.LAB_KEEP_TMP === '1') return;
      for (const dir of made) rmSync(dir, { recursive: true, force: true });
    });
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
  made.add(dir);
  return dir;
}
