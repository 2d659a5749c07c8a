// Builds the app: the renderer with Vite, main and preload with esbuild (one CommonJS file each).
import { build as viteBuild } from 'vite';
import { build as esbuild } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { copyFileSync } from 'node:fs';

const root = fileURLToPath(new URL('..', import.meta.url));
const only = process.argv[2]; // 'renderer' | 'electron' | undefined (both)

if (!only || only === 'renderer') {
  await viteBuild({ configFile: `${root}vite.config.ts`, logLevel: 'warn' });
  // Browser mode's window.doctor (electron/web/server.ts serves it next to dist/renderer).
  await esbuild({
    entryPoints: ['electron/web/doctor-client.dom.ts'],
    outfile: 'dist/web/doctor-client.js',
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'warning',
    absWorkingDir: root,
  });
  console.log('built dist/renderer and dist/web/doctor-client.js');
}

if (!only || only === 'electron') {
  const common = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    // Electron is provided at run time; ws's optional native helpers are not needed.
    external: ['electron', 'bufferutil', 'utf-8-validate'],
    logLevel: 'warning',
    absWorkingDir: root,
  };
  await esbuild({
    ...common,
    entryPoints: ['electron/main.ts'],
    outfile: 'dist/electron/main.cjs',
    // The core may use import.meta.url; in a CommonJS bundle it stands for this file.
    banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    define: { 'import.meta.url': '__importMetaUrl' },
  });
  await esbuild({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs' });
  // The command line as one file, for the package's bin (bin/codex-connection-doctor.cjs) without tsx.
  await esbuild({
    ...common,
    entryPoints: ['electron/cli.ts'],
    outfile: 'dist/cli.cjs',
    banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    define: { 'import.meta.url': '__importMetaUrl' },
  });
  // The SQLite WebAssembly module (Codex's history) loads its .wasm from the bundle's own folder.
  const wasm = `${root}node_modules/node-sqlite3-wasm/dist/node-sqlite3-wasm.wasm`;
  copyFileSync(wasm, `${root}dist/electron/node-sqlite3-wasm.wasm`);
  copyFileSync(wasm, `${root}dist/node-sqlite3-wasm.wasm`);
  console.log('built dist/electron/main.cjs, dist/electron/preload.cjs and dist/cli.cjs');
}
