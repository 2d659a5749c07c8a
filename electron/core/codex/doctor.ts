import { msg } from '../../../shared/i18n/message.ts';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CodexDoctorReport } from '../../../shared/types.ts';
import { parseDotenv } from './dotenv.ts';
import { redactOutput, urlPasswords } from '../redact.ts';
import { runCommand } from '../run-command.ts';

export interface RunDoctorOptions {
  codexHome: string;
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
  signal?: AbortSignal;
}

/** Variable names whose values are secrets Codex's own output could echo. */
const SECRET_NAME = /(KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL|AUTH)/i;

/**
 * Runs `codex doctor --network-only --json` (Codex ≥ 0.169) and summarises each check in one line.
 * Codex already redacts its JSON; this redacts again, with the values of secret-named and proxy
 * variables of `env`, before anything is kept. Never throws.
 */
export async function runCodexDoctor(binary: string, opts: RunDoctorOptions): Promise<CodexDoctorReport> {
  const env = { ...opts.env, CODEX_HOME: opts.codexHome };
  const result = await runCommand(binary, ['doctor', '--network-only', '--json'], {
    env,
    timeoutMs: opts.timeoutMs,
    signal: opts.signal,
  });
  // Codex also loads $CODEX_HOME/.env, so its secrets could show up in the output too.
  const dotenvText = await readFile(path.join(opts.codexHome, '.env'), 'utf8').catch(() => '');
  const fromDotenv = Object.fromEntries(parseDotenv(dotenvText).entries.map((e) => [e.key, e.value]));
  const secrets = collectSecrets({ ...fromDotenv, ...env });
  const report: CodexDoctorReport = {
    binary,
    exitCode: result.exitCode,
    durationMs: result.durationMs,
    summary: [],
  };
  const json = extractJson(result.stdout);
  if (json !== undefined) {
    report.json = redactJson(json, secrets);
    report.summary = summariseChecks(report.json);
  }
  if (result.spawnError) report.problem = msg('setup.codex-doctor.not-started', { binary, error: result.spawnError });
  else if (result.timedOut) report.problem = msg('setup.codex-doctor.timed-out', { ms: opts.timeoutMs });
  else if (result.aborted) report.problem = msg('setup.codex-doctor.cancelled');
  else if (json === undefined) {
    const lastLine = (result.stderr + '\n' + result.stdout)
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l !== '' && !l.startsWith('WARNING: proceeding'))
      .slice(0, 1)[0];
    const exit = String(result.exitCode);
    report.problem = lastLine
      ? msg('setup.codex-doctor.no-json-said', { exit, line: redactOutput(lastLine, secrets) })
      : msg('setup.codex-doctor.no-json', { exit });
  }
  return report;
}

/** One line per check: `network.websocket_reachability: warning — Responses WebSocket failed…`. */
export function summariseChecks(json: unknown): string[] {
  if (typeof json !== 'object' || json === null) return [];
  const checks = (json as Record<string, unknown>).checks;
  const list: unknown[] = Array.isArray(checks)
    ? checks
    : typeof checks === 'object' && checks !== null
      ? Object.values(checks)
      : [];
  const lines: string[] = [];
  for (const check of list) {
    if (typeof check !== 'object' || check === null) continue;
    const c = check as Record<string, unknown>;
    const id = typeof c.id === 'string' ? c.id : 'check';
    const status = typeof c.status === 'string' ? c.status : 'unknown';
    const summary = typeof c.summary === 'string' ? c.summary : '';
    lines.push(`${id}: ${status}${summary ? ` — ${summary}` : ''}`);
  }
  const overall = (json as Record<string, unknown>).overallStatus;
  if (typeof overall === 'string') lines.push(`overall: ${overall}`);
  return lines;
}

function extractJson(stdout: string): unknown {
  const start = stdout.indexOf('{');
  const end = stdout.lastIndexOf('}');
  if (start < 0 || end < start) return undefined;
  try {
    return JSON.parse(stdout.slice(start, end + 1));
  } catch {
    return undefined;
  }
}

function collectSecrets(env: NodeJS.ProcessEnv): string[] {
  const secrets: string[] = [];
  for (const [key, value] of Object.entries(env)) {
    if (!value || value.length < 4) continue;
    if (SECRET_NAME.test(key)) secrets.push(value);
    else if (/_PROXY$/i.test(key)) {
      secrets.push(...urlPasswords(value));
    }
  }
  return secrets.sort((a, b) => b.length - a.length);
}

function redactJson(value: unknown, secrets: string[]): unknown {
  if (typeof value === 'string') return redactOutput(value, secrets);
  if (Array.isArray(value)) return value.map((v) => redactJson(v, secrets));
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = redactJson(v, secrets);
    return out;
  }
  return value;
}
