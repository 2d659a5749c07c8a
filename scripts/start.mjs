// `npm start`: builds the app, then opens it with Electron when its binary exists.
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { NO_ELECTRON_MESSAGE, electronBinaryPath } from './electron-binary.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const binary = electronBinaryPath();
if (!binary) {
  console.log(NO_ELECTRON_MESSAGE);
  process.exit(1);
}
const built = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);
const child = spawn(binary, ['.'], { cwd: root, stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
