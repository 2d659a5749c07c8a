// Runs the command line as a user does (tsx over electron/cli.ts) with a clean environment: a
// chosen HOME, a private journal folder and LANG=C (English, whatever the machine's language, unless
// the test sets LANG itself). Asynchronous, so lab servers in this process keep serving.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after } from 'node:test';
import { runProcess, type ProcessResult } from '../lab/run-process.ts';
import { setupScenario, type Scenario, type ScenarioName } from '../lab/scenarios.ts';
import { makeTempDir } from '../lab/temp-dirs.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export type CliResult = ProcessResult;

/** What the command line runs with: always its own HOME and journal folder. */
export type CliEnv = { HOME: string; CODEX_CONNECTION_DOCTOR_HOME: string } & Record<string, string>;

export function cli(args: string[], env: CliEnv, input?: string): Promise<CliResult> {
  return runProcess(process.execPath, ['--import', 'tsx', path.join(root, 'electron', 'cli.ts'), ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', LANG: 'C', ...env },
    ...(input !== undefined ? { input } : {}),
  });
}

/** Every file under dir with its bytes and mode, to prove that nothing was written. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = path.join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else out[path.relative(dir, p)] = `${(st.mode & 0o777).toString(8)}:${readFileSync(p).toString('base64')}`;
    }
  };
  walk(dir);
  return out;
}

/** The journal's files as text, to look for secrets in them. */
export function journalText(doctorHome: string): string {
  const dir = path.join(doctorHome, 'journal');
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return '';
  }
  return names.map((n) => readFileSync(path.join(dir, n), 'utf8')).join('\n');
}

export function changeIdFrom(stdout: string): string {
  const m = /Applied as change (\S+?)\.\n/.exec(stdout);
  if (!m) throw new Error(`no change id in:\n${stdout}`);
  return m[1]!;
}

/**
 * Cleanups of the lab things a test file started, run (last first) when the file is done. The hook
 * is registered as this module loads, at the top level of the test file that imports it.
 */
const cleanups: (() => Promise<void>)[] = [];
after(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
});
export function stopAfterAll(...stops: (() => Promise<void>)[]): void {
  cleanups.push(...stops);
}

/** A lab scenario, stopped when the test file is done. */
export async function scenario(name: ScenarioName): Promise<Scenario> {
  const s = await setupScenario(name);
  stopAfterAll(() => s.stop());
  return s;
}

/**
 * The environment the command line runs with for a scenario: the scenario's (the key Codex needs,
 * as the user's shell would have it), a HOME of its own (the machine scan runs `npm prefix -g` and
 * `gsettings`, which leave caches in HOME) and a private journal folder; `extra` on top.
 */
export function envFor(s: Scenario, extra: Record<string, string> = {}): CliEnv {
  return {
    ...s.env,
    HOME: makeTempDir('ccd-user-home'),
    CODEX_CONNECTION_DOCTOR_HOME: makeTempDir('ccd-doctor-home'),
    ...extra,
  };
}
