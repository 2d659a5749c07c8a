// `diagnose`: runs the diagnosis, shows each check as it completes, then the verdict.
import { existsSync, statSync } from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { resolveCodexHome } from '../core/codex/index.ts';
import { runDiagnosis } from '../core/diagnosis/diagnose.ts';
import { msg, type MessageId } from '../../shared/i18n/message.ts';
import { withText, type Translator } from '../../shared/i18n/translate.ts';
import { UsageError } from './errors.ts';
import { formatCheck, formatVerdict, paint, type Out } from './output.ts';

export const DIAGNOSE_USAGE =
  'diagnose [--codex-home DIR] [--profile NAME] [--json] [--timeout-ms N] [--proxy-port N]… [--no-codex-doctor]';

export interface CommonContext {
  env: NodeJS.ProcessEnv;
  out: Out;
  err: Out;
  command: string;
  /** The language of everything printed (--lang, else LC_ALL / LC_MESSAGES / LANG). */
  tr: Translator;
  signal: AbortSignal;
  /** The user's home folder as the given environment names it (HOME / USERPROFILE), else os.homedir(). */
  homedir: string;
}

/** The home folder of the environment the command runs in, so `~/.codex` and the proxy apps' configs follow HOME. */
export function homedirFrom(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string {
  const fromEnv = platform === 'win32' ? env.USERPROFILE : env.HOME;
  return fromEnv || os.homedir();
}

const CODEX_HOME_SOURCES: Record<'flag' | 'env' | 'default', MessageId> = {
  flag: 'cli.codex-home.from-flag',
  env: 'cli.codex-home.from-env',
  default: 'cli.codex-home.from-default',
};

export function checkCodexHome(
  dir: string | undefined,
  env: NodeJS.ProcessEnv,
  homedir: string = homedirFrom(env),
): string {
  const { home, source } = resolveCodexHome({ flag: dir, env, platform: process.platform, homedir });
  const how = msg(CODEX_HOME_SOURCES[source]);
  let loop = false;
  try {
    statSync(home);
  } catch (error) {
    loop = (error as NodeJS.ErrnoException).code === 'ELOOP';
  }
  if (loop) throw new UsageError(msg('cli.error.codex-home-loop', { home, how }));
  if (!existsSync(home)) throw new UsageError(msg('cli.error.codex-home-missing', { home, how }));
  if (!statSync(home).isDirectory()) throw new UsageError(msg('cli.error.codex-home-not-folder', { home, how }));
  return home;
}

export function parseTimeout(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 100 || n > 120_000) {
    throw new UsageError(msg('cli.error.bad-timeout', { value }));
  }
  return n;
}

/**
 * A profile name as Codex takes it: `NAME.config.toml` in CODEX_HOME, so no path separators, no
 * leading dot (`..`), nothing empty. Returns null when none was given.
 */
export function parseProfile(value: string | undefined): string | null {
  if (value === undefined) return null;
  if (value.trim() === '') throw new UsageError(msg('cli.error.profile-empty'));
  if (!/^[A-Za-z0-9_.-]+$/.test(value) || value.startsWith('.'))
    throw new UsageError(msg('cli.error.bad-profile', { value }));
  return value;
}

export function parsePorts(values: string[] | undefined): number[] {
  return (values ?? []).map((v) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1 || n > 65535) throw new UsageError(msg('cli.error.bad-proxy-port', { value: v }));
    return n;
  });
}

export async function diagnoseCommand(args: string[], ctx: CommonContext): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      'codex-home': { type: 'string' },
      profile: { type: 'string' },
      json: { type: 'boolean', default: false },
      'timeout-ms': { type: 'string' },
      'proxy-port': { type: 'string', multiple: true },
      'no-codex-doctor': { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  // Every option is checked before anything is printed.
  const codexHome = checkCodexHome(values['codex-home'], ctx.env, ctx.homedir);
  const timeoutMs = parseTimeout(values['timeout-ms'], 2500);
  const json = values.json ?? false;
  const profile = parseProfile(values.profile);
  const extraProxyPorts = parsePorts(values['proxy-port']);

  if (!json) {
    const product = paint(ctx.out, 'bold', ctx.tr.t('cli.product'));
    ctx.out.write(ctx.tr.t('cli.diagnose.header', { product, home: codexHome }) + '\n');
  }
  const report = await runDiagnosis({
    codexHome,
    profile,
    env: ctx.env,
    homedir: ctx.homedir,
    timeoutMs,
    signal: ctx.signal,
    codexDoctor: !values['no-codex-doctor'],
    extraProxyPorts,
    onProgress: json ? undefined : (e) => e.status !== 'running' && ctx.out.write(formatCheck(ctx.out, ctx.tr, e)),
  });
  // --json: the report's English keys and ids, each message with its text in the chosen language.
  if (json) ctx.out.write(JSON.stringify(withText(report, ctx.tr), null, 2) + '\n');
  else ctx.out.write(formatVerdict(ctx.out, ctx.tr, report, ctx.command));
  return report.recommendation.fix === 'none' ? 0 : 1;
}
