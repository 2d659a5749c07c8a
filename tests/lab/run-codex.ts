// Runs the real, pinned Codex CLI (`codex exec`) and reads what it did from its output.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LAB_KEY_VAR } from './codex-home.ts';
import { LAB_API_KEY } from './fake-responses-api.ts';
import { spawnTracked, stopTracked } from './processes.ts';

export interface RunCodexOptions {
  codexHome: string;
  /** Added to the clean environment (e.g. proxy variables for a test that wants them there). */
  env?: Record<string, string>;
  /**
   * The value of LAB_KEY (the lab provider's env_key). Default LAB_API_KEY, the key the fake
   * expects; null leaves LAB_KEY unset (a login from auth.json, or no credentials at all).
   */
  labKey?: string | null;
  timeoutMs: number;
  /** Default "say pong". */
  prompt?: string;
  /** Extra arguments before the prompt, e.g. ['--profile', 'work']. */
  extraArgs?: string[];
}

export interface CodexRun {
  /** The output contains "pong" (the fake API's answer). */
  answered: boolean;
  /** Lines that say `Reconnecting... N/M` (Codex hides the first, so 2/5 … 5/5); `waiting for network` is not counted. */
  reconnectingLines: number;
  /** Codex printed `Falling back from WebSockets to HTTPS transport`. */
  fellBack: boolean;
  /** Codex printed `Reconnecting... waiting for network`. */
  waitingForNetwork: boolean;
  exitCode: number | null;
  durationMs: number;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The pinned Codex's JS launcher inside this checkout's node_modules. */
export function codexLauncherPath(): string {
  const candidates = [
    path.join(repoRoot, 'node_modules', '@openai', 'codex', 'bin', 'codex.js'),
    path.join(repoRoot, 'node_modules', '.bin', 'codex'),
  ];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) throw new Error(`the pinned @openai/codex is not installed under ${repoRoot}/node_modules: run npm ci`);
  return found;
}

/** Environment variables passed through from the outer environment; proxy variables are not. */
const PASSED_THROUGH = ['PATH', 'LANG', 'LC_ALL', 'TMPDIR', 'SYSTEMROOT', 'WINDIR'];

export function summarizeCodexOutput(stdout: string, stderr: string) {
  const all = `${stdout}\n${stderr}`;
  const lines = all.split(/\r?\n/);
  return {
    answered: /pong/i.test(stdout),
    reconnectingLines: lines.filter((line) => /Reconnecting\.\.\. *\d+\/\d+/.test(line)).length,
    fellBack: /Falling back from WebSockets/i.test(all),
    waitingForNetwork: /waiting for network/i.test(all),
  };
}

export async function runCodex(opts: RunCodexOptions): Promise<CodexRun> {
  const env: Record<string, string> = {};
  for (const key of PASSED_THROUGH) {
    const value = process.env[key];
    if (value !== undefined) env[key] = value;
  }
  Object.assign(env, {
    HOME: opts.codexHome, // keep Codex away from the real home directory
    CODEX_HOME: opts.codexHome,
    NO_COLOR: '1',
    RUST_BACKTRACE: '0',
  });
  const labKey = opts.labKey === undefined ? LAB_API_KEY : opts.labKey;
  if (labKey !== null) env[LAB_KEY_VAR] = labKey;
  Object.assign(env, opts.env);

  const args = [
    codexLauncherPath(),
    'exec',
    '--skip-git-repo-check',
    ...(opts.extraArgs ?? []),
    opts.prompt ?? 'say pong',
  ];
  const started = Date.now();
  const child = spawnTracked(process.execPath, args, {
    cwd: opts.codexHome,
    env,
    stdio: ['ignore', 'pipe', 'pipe'], // stdin from /dev/null: exec must not wait for input
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));

  let timedOut = false;
  const exitCode = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => {
      timedOut = true;
      void stopTracked(child, 1000);
    }, opts.timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      stderr += `\n[lab] could not start codex: ${error.message}`;
      resolve(null);
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
  // The launcher may exit before the native binary; make sure the group is gone.
  await stopTracked(child, 500);
  return {
    ...summarizeCodexOutput(stdout, stderr),
    exitCode,
    durationMs: Date.now() - started,
    stdout,
    stderr,
    timedOut,
  };
}
