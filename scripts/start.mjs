// `npm start`: builds the app, then opens it with Electron where its binary exists, else (or with
// --browser) the same wizard in the default browser (`codex-connection-doctor app`). Says which in
// one line. Other arguments (--port N, --no-open, --codex-home DIR) go to the browser mode.
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { electronBinaryPath } from './electron-binary.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const browser = args.includes('--browser');
const rest = args.filter((a) => a !== '--browser');
const binary = browser ? null : electronBinaryPath();

console.log(
  binary
    ? 'Opening Codex Connection Doctor with Electron (npm start -- --browser opens it in your browser instead).'
    : browser
      ? 'Opening Codex Connection Doctor in your browser.'
      : 'Electron is not available here, so Codex Connection Doctor opens in your browser instead.',
);
const built = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
if (built.status !== 0) process.exit(built.status ?? 1);
const child = binary
  ? spawn(binary, ['.'], { cwd: root, stdio: 'inherit' })
  : spawn(process.execPath, ['dist/cli.cjs', 'app', ...rest], { cwd: root, stdio: 'inherit' });
// Ctrl-C reaches the child through the terminal's process group; wait for it to stop cleanly.
process.on('SIGINT', () => undefined);
child.on('exit', (code) => process.exit(code ?? 0));
