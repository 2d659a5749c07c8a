// The testable glue stays free of Electron, and the renderer and shared/ stay free of Node.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const importsOf = (file: string) =>
  [...readFileSync(path.join(root, file), 'utf8').matchAll(/^\s*import[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1]!);

function filesUnder(dir: string): string[] {
  return readdirSync(path.join(root, dir)).flatMap((name) => {
    const rel = path.join(dir, name);
    if (statSync(path.join(root, rel)).isDirectory()) return rel.includes('public') ? [] : filesUnder(rel);
    return /\.tsx?$/.test(name) ? [rel] : [];
  });
}

test('the pure IPC and window modules never import electron', () => {
  for (const file of ['electron/ipc-handlers.ts', 'electron/window-security.ts', 'shared/ipc.ts']) {
    assert.ok(!importsOf(file).includes('electron'), file);
  }
});

test('the renderer and shared/ipc.ts import no Node module', () => {
  for (const file of [...filesUnder('renderer'), 'shared/ipc.ts']) {
    const bad = importsOf(file).filter(
      (spec) => spec.startsWith('node:') || spec === 'electron' || spec.includes('electron/core'),
    );
    assert.deepEqual(bad, [], file);
  }
});

test('the preload exposes window.doctor only, never ipcRenderer itself', () => {
  const source = readFileSync(path.join(root, 'electron/preload.ts'), 'utf8');
  assert.deepEqual(
    [...source.matchAll(/exposeInMainWorld\(\s*'([^']+)'/g)].map((m) => m[1]),
    ['doctor'],
  );
  assert.doesNotMatch(source, /exposeInMainWorld\([^)]*ipcRenderer\s*\)/);
});
