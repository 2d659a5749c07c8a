import { access, readFile, realpath, stat } from 'node:fs/promises';
import { constants } from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import type { CodexInstall } from '../../../shared/types.ts';
import { runCommand } from '../run-command.ts';

/** The first Codex release with `codex doctor --network-only --json`. */
export const DOCTOR_MIN_VERSION = '0.169.0';
const VERSION_TIMEOUT_MS = 3000;

/** `codex --version` prints `codex-cli 0.169.0`. */
export function parseCodexVersion(output: string): string | undefined {
  const m = /codex(?:-cli)?\s+v?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)/.exec(output);
  return m?.[1];
}

/** Compares x.y.z versions; a pre-release (`-alpha.1`) sorts before its release. */
export function compareVersions(a: string, b: string): number {
  const [coreA = '', preA] = a.split('-', 2);
  const [coreB = '', preB] = b.split('-', 2);
  const pa = coreA.split('.').map(Number);
  const pb = coreB.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  if (preA && !preB) return -1;
  if (!preA && preB) return 1;
  return preA && preB ? preA.localeCompare(preB) : 0;
}

export interface FindInstallsOptions {
  homedir?: string;
  /** Ask `npm prefix -g` when no npm prefix is known (default true; it takes ~1 s). */
  askNpm?: boolean;
  /** Root of this project, for CCD_INCLUDE_PROJECT_CODEX=1. */
  projectRoot?: string;
}

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** Every Codex found on this machine, with its version. Never throws. */
export async function findCodexInstalls(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
  opts: FindInstallsOptions = {},
): Promise<CodexInstall[]> {
  const pathApi = platform === 'win32' ? path.win32 : path.posix;
  const homedir = opts.homedir ?? os.homedir();
  const candidates: { file: string; kind: CodexInstall['kind'] }[] = [];
  const names = platform === 'win32' ? ['codex.exe', 'codex.cmd', 'codex'] : ['codex'];

  const pathVar = env.PATH ?? env.Path ?? env.path ?? '';
  for (const dir of pathVar.split(platform === 'win32' ? ';' : ':')) {
    if (!dir) continue;
    for (const name of names) candidates.push({ file: pathApi.join(dir, name), kind: 'path' });
  }

  for (const prefix of await npmGlobalPrefixes(env, platform, homedir, opts.askNpm ?? true)) {
    const bin = platform === 'win32' ? pathApi.join(prefix, 'codex.cmd') : pathApi.join(prefix, 'bin', 'codex');
    candidates.push({ file: bin, kind: 'npm-global' });
  }

  if (env.CCD_INCLUDE_PROJECT_CODEX === '1') {
    const root = opts.projectRoot ?? PROJECT_ROOT;
    candidates.push({
      file: pathApi.join(root, 'node_modules', '.bin', platform === 'win32' ? 'codex.cmd' : 'codex'),
      kind: 'project',
    });
  }

  const installs: CodexInstall[] = [];
  const seen = new Set<string>();
  for (const c of candidates) {
    if (!(await isExecutableFile(c.file, platform))) continue;
    const real = await realpath(c.file).catch(() => c.file);
    if (seen.has(real)) continue;
    seen.add(real);
    installs.push(await describeInstall(c.file, c.kind, env, platform));
  }
  installs.push(...(await findDesktopApps(env, platform, homedir, seen)));
  return installs;
}

async function describeInstall(
  file: string,
  kind: CodexInstall['kind'],
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
): Promise<CodexInstall> {
  const install: CodexInstall = { path: file, kind, hasDoctor: false };
  const result = await runCommand(file, ['--version'], { env, timeoutMs: VERSION_TIMEOUT_MS, platform });
  const version = parseCodexVersion(result.stdout + '\n' + result.stderr);
  if (version) install.version = version;
  install.hasDoctor = version
    ? compareVersions(version, DOCTOR_MIN_VERSION) >= 0
    : await doctorHelpWorks(file, env, platform);
  return install;
}

async function doctorHelpWorks(file: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform): Promise<boolean> {
  const result = await runCommand(file, ['doctor', '--help'], { env, timeoutMs: VERSION_TIMEOUT_MS, platform });
  return result.exitCode === 0 && result.stdout.includes('--network-only');
}

async function npmGlobalPrefixes(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
  homedir: string,
  askNpm: boolean,
): Promise<string[]> {
  const pathApi = platform === 'win32' ? path.win32 : path.posix;
  const prefixes: string[] = [];
  const configured = env.npm_config_prefix ?? env.NPM_CONFIG_PREFIX;
  if (configured) prefixes.push(configured);
  if (platform === 'win32') {
    if (env.APPDATA) prefixes.push(pathApi.join(env.APPDATA, 'npm'));
  } else {
    prefixes.push('/usr/local', '/opt/homebrew', pathApi.join(homedir, '.npm-global'));
  }
  if (!configured && askNpm) {
    const npm = platform === 'win32' ? 'npm.cmd' : 'npm';
    const result = await runCommand(npm, ['prefix', '-g'], { env, timeoutMs: 3000, platform });
    const answer = result.exitCode === 0 ? result.stdout.trim().split(/\r?\n/).pop() : undefined;
    if (answer) prefixes.push(answer);
  }
  return [...new Set(prefixes)];
}

async function findDesktopApps(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
  homedir: string,
  seen: Set<string>,
): Promise<CodexInstall[]> {
  const apps: CodexInstall[] = [];
  if (platform === 'darwin') {
    for (const app of ['/Applications/Codex.app', path.posix.join(homedir, 'Applications', 'Codex.app')]) {
      if (seen.has(app) || !(await isDirectory(app))) continue;
      seen.add(app);
      const install: CodexInstall = { path: app, kind: 'desktop-app', hasDoctor: false };
      const plist = await readFile(path.posix.join(app, 'Contents', 'Info.plist'), 'utf8').catch(() => '');
      const version = /<key>CFBundleShortVersionString<\/key>\s*<string>([^<]+)<\/string>/.exec(plist)?.[1];
      if (version) install.version = version;
      apps.push(install);
    }
  } else if (platform === 'win32' && env.LOCALAPPDATA) {
    for (const dir of ['Codex', 'codex', 'OpenAI Codex']) {
      const exe = path.win32.join(env.LOCALAPPDATA, 'Programs', dir, 'Codex.exe');
      if (seen.has(exe) || !(await isExecutableFile(exe, platform))) continue;
      seen.add(exe);
      apps.push({ path: exe, kind: 'desktop-app', hasDoctor: false });
    }
  }
  return apps;
}

async function isExecutableFile(file: string, platform: NodeJS.Platform): Promise<boolean> {
  try {
    const s = await stat(file);
    if (!s.isFile()) return false;
    if (platform === 'win32') return true;
    await access(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

async function isDirectory(p: string): Promise<boolean> {
  return stat(p).then(
    (s) => s.isDirectory(),
    () => false,
  );
}
