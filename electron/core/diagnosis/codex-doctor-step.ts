// Codex's own `codex doctor --network-only --json`, run beside the probes as extra evidence.
import type { CheckEvent, CodexDoctorReport, CodexSetup } from '../../../shared/types.ts';
import type { CodexDoctorWebsocket } from '../../../shared/recommend.ts';
import { runCodexDoctor } from '../codex/index.ts';
import type { DiagnoseOptions } from './diagnose.ts';
import { msg, type Message } from '../../../shared/i18n/message.ts';

/**
 * Codex's own doctor runs beside the probes. It waits 15 s on a stalled WebSocket, so the verdict
 * does not wait for it longer than a short grace period after the probes are done.
 */
export function startCodexDoctor(
  setup: CodexSetup,
  options: DiagnoseOptions,
  env: NodeJS.ProcessEnv,
  signal: AbortSignal,
  report: (e: CheckEvent) => void,
): { finish: () => Promise<CodexDoctorReport | undefined> } {
  const install = setup.installs.find((i) => i.hasDoctor);
  if (options.codexDoctor === false || !install || !setup.homeExists) return { finish: async () => undefined };
  const id = 'codex:doctor';
  const title = msg('diagnosis.check.codex-doctor', { install: install.version ?? install.path });
  report({ id, title, status: 'running' });
  const t0 = performance.now();
  const running = runCodexDoctor(install.path, { codexHome: setup.home, env, timeoutMs: 20_000, signal }).then(
    (r) => {
      report({
        id,
        title,
        status: doctorStatus(r),
        durationMs: Math.round(performance.now() - t0),
        detail: doctorDetail(r),
      });
      return r;
    },
    () => undefined,
  );
  return {
    finish: async () => {
      const grace = new Promise<undefined>((resolve) => setTimeout(resolve, 2000, undefined).unref());
      const r = await Promise.race([running, grace]);
      if (!r)
        report({
          id,
          title,
          status: 'skipped',
          durationMs: Math.round(performance.now() - t0),
          detail: msg('diagnosis.check.codex-doctor.late'),
        });
      return r;
    },
  };
}

/** The check's mark follows Codex's own overall verdict (`overall: ok|warning|fail`), else its exit code. */
export function doctorStatus(r: CodexDoctorReport): CheckEvent['status'] {
  const overall = r.summary.map((line) => /^overall: (\w+)/.exec(line)?.[1]).find(Boolean);
  if (overall === 'ok') return 'ok';
  if (overall === 'fail' || overall === 'error') return 'error';
  if (overall) return 'warning';
  return r.exitCode === 0 ? 'ok' : 'warning';
}

/**
 * Codex's own WebSocket check, when it authenticated (its details name an `auth mode`): the only
 * evidence that carries Codex's credential where the probes could not. Null otherwise.
 */
export function codexDoctorWebsocket(r: CodexDoctorReport | undefined): CodexDoctorWebsocket | null {
  const json = r?.json;
  if (typeof json !== 'object' || json === null) return null;
  const checks = (json as Record<string, unknown>).checks;
  const list: unknown[] = Array.isArray(checks)
    ? checks
    : typeof checks === 'object' && checks !== null
      ? Object.values(checks)
      : [];
  const check = list.find(
    (c): c is Record<string, unknown> =>
      typeof c === 'object' && c !== null && (c as Record<string, unknown>).id === 'network.websocket_reachability',
  );
  if (!check || typeof check.status !== 'string') return null;
  const details =
    typeof check.details === 'object' && check.details !== null ? (check.details as Record<string, unknown>) : {};
  const authMode = typeof details['auth mode'] === 'string' ? details['auth mode'] : '';
  if (!authMode || /none|unknown|unauth/i.test(authMode)) return null;
  if (check.status === 'skipped' || check.status === 'not_applicable') return null;
  return { ok: check.status === 'ok', summary: typeof check.summary === 'string' ? check.summary : check.status };
}

/** Codex's own lines, or why its check did not finish (with what it printed, if anything). */
function doctorDetail(r: CodexDoctorReport): Message {
  const output = r.summary.join('; ');
  if (!r.problem) return msg('diagnosis.check.codex-doctor.output', { output });
  return output ? msg('diagnosis.check.codex-doctor.problem-and-output', { problem: r.problem, output }) : r.problem;
}
