// The fix workflow shared by the command line and the app: plan a fix with everything it needs
// (a proxy prober, the Clash API), apply it, run the diagnosis again to verify, revert. Both front
// ends drive it through one engine (createFixEngine, at the end): which proxy use-proxy writes,
// which report is "before", and the report after are decided here, not in each front end.
import os from 'node:os';
import type {
  ApplicableFix,
  CodexSetup,
  DiagnosisReport,
  EnvironmentReport,
  JournalEntry,
  HistoryItem,
  RevertOutcome,
} from '../../shared/types.ts';
import { readJournal, toHistoryItem, type DamagedEntry } from './fixes/journal.ts';
import { settleJournal } from './fixes/settle.ts';
import { withRecordSinceChange } from './after-fix/since-change.ts';
import { readCodexSetup, type ProbeCredential } from './codex/index.ts';
import { readCaBundle } from './codex/ca-bundle.ts';
import { runDiagnosis, type DiagnoseOptions } from './diagnosis/diagnose.ts';
import { readEnvironment, setClashTun } from './environment/index.ts';
import {
  applyPlan,
  getJournalDir,
  planFix,
  revertChange,
  FixError,
  type PlannedFix,
  type ProbeProxy,
  type RevertMode,
  type SetClashTun,
} from './fixes/index.ts';
import { probeRoute, sniffProxyPort } from './probes/index.ts';
import { redactUrl } from './redact.ts';
import path from 'node:path';
import { findConfigManagers } from './after-fix/config-managers.ts';
import { findRunningCodex, restartNote } from './after-fix/codex-processes.ts';
import { runOsCommand, type RunCommand } from './environment/run-command.ts';
import { searchCaOnCodexRoute } from './trust/search-route.ts';
import type { CaSearchResult } from './trust/find-ca.ts';
import type { CaSourceOptions } from './trust/sources.ts';
import { parseProxyUrl, proxyUrlWithLogin } from '../../shared/proxy-url.ts';
import { errorMessageOf } from '../../shared/fix-errors.ts';
import { joinMessages, type Message, msg } from '../../shared/i18n/message.ts';
import { english } from '../../shared/i18n/translate.ts';

export interface WorkflowOptions {
  codexHome: string;
  profile: string | null;
  env: NodeJS.ProcessEnv;
  /** Whose conventions apply (the journal's folder, the proxy apps' configs, the diagnosis); default this process's. */
  platform?: NodeJS.Platform;
  journalDir?: string;
  /** The user's home folder, where proxy apps keep their configs (default os.homedir()). */
  homedir?: string;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Runs OS commands (the process list); tests replay recorded output. */
  runCommand?: RunCommand;
}

const FALLBACK_BASE_URL = 'https://api.openai.com/v1';

export function journalDirFor(opts: Pick<WorkflowOptions, 'env' | 'journalDir' | 'homedir' | 'platform'>): string {
  return opts.journalDir ?? getJournalDir(opts.env, opts.platform ?? process.platform, opts.homedir ?? os.homedir());
}

/**
 * Probes a proxy URL the way the diagnosis does: the WebSocket and HTTPS to the provider's
 * endpoint through it, with the credential Codex would send.
 */
export function proxyProber(
  baseUrl: string,
  opts: Pick<WorkflowOptions, 'timeoutMs' | 'signal'>,
  ca: string | undefined,
  credential: ProbeCredential,
): ProbeProxy {
  return async (url) => {
    const route = {
      kind: 'configured-proxy' as const,
      label: msg('fixes.probe.route', { proxy: redactUrl(url) }),
      proxyUrl: url,
      display: redactUrl(url),
    };
    const auth = { headers: credential.headers(), usable: credential.usable };
    const results = await probeRoute({ baseUrl }, route, {
      timeoutMs: opts.timeoutMs ?? 2500,
      signal: opts.signal,
      ca,
      auth,
    });
    const ws = results.find((r) => r.phase === 'websocket');
    const https = results.find((r) => r.phase === 'https');
    // The service's own 401 without a credential to send: through this proxy the upgrade reached it.
    const reachedService = ws?.failure === 'unauthenticated';
    // One reason per distinct failure, the WebSocket's first: a closed port fails every phase the same way.
    const failed = results
      .filter((r) => !r.ok && !(r === ws && reachedService))
      .sort((a, b) => Number(b.phase === 'websocket') - Number(a.phase === 'websocket'));
    const reasons = [...new Map(failed.map((r) => [JSON.stringify(r.detail), r.detail])).values()];
    const hint = failed.length ? await socksPortHint(url, opts) : undefined;
    return {
      loginRequired: results.some((r) => r.failure === 'proxy-auth-required'),
      // Reaching the service is what the proxy must do; the credential is the login's business.
      carriesWebSocket: !!ws?.ok || reachedService,
      carriesHttps: !!https?.ok,
      detail:
        hint ??
        (reasons.length
          ? joinMessages(reasons, 'clauses')!
          : msg('fixes.probe.works', { url: redactUrl(baseUrl), proxy: redactUrl(url) })),
    };
  };
}

/** When an http:// URL fails because its port speaks only SOCKS5, say so: that is the usual mistake. */
async function socksPortHint(url: string, opts: Pick<WorkflowOptions, 'signal'>): Promise<Message | undefined> {
  const parsed = parseProxyUrl(url);
  if (!parsed.ok || parsed.proxy.scheme !== 'http' || !parsed.proxy.explicitScheme || !parsed.proxy.explicitPort)
    return undefined;
  const { host, port } = parsed.proxy;
  const sniff = await sniffProxyPort(host, port, { timeoutMs: 1000, signal: opts.signal }).catch(() => undefined);
  if (sniff?.speaks !== 'socks5') return undefined;
  return msg('fixes.probe.socks-port', { host, port: String(port) });
}

/** The Clash API client with the loopback timeout the fixes use; throws so a failed change is never journaled. */
export const clashTunSwitch: SetClashTun = async (controller, secret, enable) => {
  const result = await setClashTun(controller, secret, enable, { timeoutMs: 3000 });
  if (!result.ok) {
    const userMessage = result.error === undefined ? msg('fixes.error.tun-unchanged') : result.error;
    throw Object.assign(new Error(english(userMessage)), { userMessage });
  }
};

async function scanEnvironment(opts: WorkflowOptions): Promise<EnvironmentReport> {
  return readEnvironment({
    platform: opts.platform ?? process.platform,
    env: opts.env,
    homedir: opts.homedir ?? os.homedir(),
    sniff: (host: string, port: number, o: { timeoutMs: number; signal?: AbortSignal }) =>
      sniffProxyPort(host, port, o),
    timeoutMs: 1500,
    signal: opts.signal,
  });
}

export interface PrepareOptions extends WorkflowOptions {
  proxyUrl?: string;
  proxyUrlFromUser?: boolean;
  /** For trust-ca: a CA file the user named (checked against the presented chain like any candidate). */
  caFile?: string;
  /** For trust-ca: overrides of where CAs are looked for (tests point them at temp folders). */
  caSources?: Partial<CaSourceOptions>;
  /** For use-proxy: the proxy's login, put into the URL percent-encoded (held in memory only). */
  proxyLogin?: { user: string; password: string };
}

export async function prepareFix(fix: ApplicableFix, opts: PrepareOptions): Promise<PlannedFix> {
  const { setup, credential } = await readCodexSetup({
    codexHome: opts.codexHome,
    profile: opts.profile,
    env: opts.env,
    platform: opts.platform,
    homedir: opts.homedir,
    findInstalls: false,
  });
  const baseUrl = setup.provider?.baseUrl ?? FALLBACK_BASE_URL;
  const proxyUrl =
    opts.proxyUrl && opts.proxyLogin
      ? proxyUrlWithLogin(opts.proxyUrl, opts.proxyLogin.user, opts.proxyLogin.password)
      : opts.proxyUrl;
  const environment = fix === 'enable-tun' ? await scanEnvironment(opts) : undefined;
  const caSearch = fix === 'trust-ca' ? await caSearchForFix(setup, baseUrl, opts) : undefined;
  const planned = await planFix(fix, {
    codexHome: opts.codexHome,
    profile: opts.profile,
    setup,
    proxyUrl,
    proxyUrlFromUser: opts.proxyUrlFromUser,
    environment,
    // Trust what Codex trusts (SSL_CERT_FILE), or a proxy to a private-CA endpoint would look broken.
    probeProxy: proxyProber(baseUrl, opts, readCaBundle(setup), credential),
    setClashTun: clashTunSwitch,
    ...(caSearch ? { caSearch } : {}),
  });
  await addAfterFixNotes(planned, opts);
  return planned;
}

/**
 * What the preview should say beyond the diff: another tool that may rewrite config.toml and undo
 * the change, and the running Codex programs that read it only when they start.
 */
async function addAfterFixNotes(planned: PlannedFix, opts: PrepareOptions): Promise<void> {
  const edits = planned.edits.filter((e) => e.after !== null && /config\.toml$/.test(e.path));
  if (edits.length > 0) {
    const files = edits.map((e) => ({ name: path.basename(e.path), text: e.before?.toString('utf8') ?? '' }));
    for (const m of findConfigManagers({ homedir: opts.homedir ?? os.homedir(), files })) {
      planned.plan.warnings.push(msg('fixes.after.manager', { advice: m.advice, evidence: m.evidence }));
    }
  }
  if (planned.edits.length > 0) {
    const note = restartNote(await findRunningCodex(opts.runCommand ?? runOsCommand).catch(() => []));
    if (note) planned.plan.sideEffects.push(note);
  }
}

/** trust-ca: the CA search on Codex's route, or a FixError that says what to do. */
async function caSearchForFix(setup: CodexSetup, baseUrl: string, opts: PrepareOptions): Promise<CaSearchResult> {
  const search = await searchCaOnCodexRoute(setup, {
    baseUrl,
    env: opts.env,
    platform: opts.platform,
    homedir: opts.homedir,
    timeoutMs: opts.timeoutMs ?? 2500,
    signal: opts.signal,
    extraCa: readCaBundle(setup),
    ...(opts.caFile ? { caFile: opts.caFile } : {}),
    ...(opts.caSources ? { sources: opts.caSources } : {}),
  }).catch((error: unknown) => {
    throw new FixError(msg('fixes.error.nothing-written', { problem: errorMessageOf(error) }), 'not-applicable');
  });
  if (search.status === 'trusted') {
    throw new FixError(msg('fixes.error.ca-already-trusted', { url: redactUrl(baseUrl) }), 'not-applicable');
  }
  if (search.status === 'unreachable') {
    throw new FixError(
      msg('fixes.error.ca-unreadable', { url: redactUrl(baseUrl), detail: search.detail }),
      'not-applicable',
    );
  }
  return search.result;
}

export interface AppliedFix {
  entry: JournalEntry;
  after: DiagnosisReport;
}

export interface DiagnoseStepOptions extends WorkflowOptions {
  extraProxyPorts?: number[];
  codexDoctor?: boolean;
  onProgress?: DiagnoseOptions['onProgress'];
}

/** A diagnosis with the workflow's options (the platform, the home folder, the lab's proxy ports). */
function diagnoseWith(opts: DiagnoseStepOptions): Promise<DiagnosisReport> {
  return runDiagnosis({
    codexHome: opts.codexHome,
    profile: opts.profile,
    env: opts.env,
    platform: opts.platform,
    homedir: opts.homedir,
    timeoutMs: opts.timeoutMs,
    signal: opts.signal,
    extraProxyPorts: opts.extraProxyPorts,
    codexDoctor: opts.codexDoctor,
    onProgress: opts.onProgress,
  });
}

export async function applyAndVerify(planned: PlannedFix, opts: DiagnoseStepOptions): Promise<AppliedFix> {
  const entry = await applyPlan(planned, { journalDir: journalDirFor(opts), setClashTun: clashTunSwitch });
  const after = await diagnoseWith(opts);
  return { entry, after };
}

export async function revert(
  idOrLast: string,
  opts: Pick<WorkflowOptions, 'env' | 'journalDir' | 'homedir' | 'signal' | 'platform'> & { mode?: RevertMode },
): Promise<RevertOutcome> {
  const journalDir = journalDirFor(opts);
  return revertChange(idOrLast, {
    journalDir,
    mode: opts.mode,
    setClashTun: clashTunSwitch,
    clashSecret: await clashSecretFor(idOrLast, journalDir, opts),
  });
}

/** A TUN change made through the Clash API is undone with the controller's secret, read again from the app's config. */
async function clashSecretFor(
  idOrLast: string,
  journalDir: string,
  opts: Pick<WorkflowOptions, 'env' | 'homedir' | 'signal' | 'platform'>,
): Promise<string | undefined> {
  const { resolveEntry } = await import('./fixes/revert.ts');
  let entry: JournalEntry;
  try {
    entry = resolveEntry(journalDir, idOrLast);
  } catch {
    return undefined; // revertChange reports the missing entry itself
  }
  if (!entry.api) return undefined;
  const environment = await scanEnvironment({ codexHome: entry.codexHome, profile: entry.profile, ...opts });
  return environment.proxyApps.find((a) => a.controller?.address === entry.api!.controller)?.controller?.secret;
}

/** The journal as History shows it; changes a killed run left pending are settled first (kept if written, else rolled back). */
export async function fixHistory(journalDir: string, env: NodeJS.ProcessEnv): Promise<FixHistory> {
  await settleJournal(journalDir);
  const journal = readJournal(journalDir);
  const items = await withRecordSinceChange(journal.entries.slice().reverse().map(toHistoryItem), journal.entries, env);
  return { items, damaged: journal.damaged, pending: journal.pending };
}

// ---------------------------------------------------------------- the engine both front ends drive

export interface FixEngineOptions {
  codexHome: string;
  env: NodeJS.ProcessEnv;
  /** Given by the front end (the app's service is told it; the command line passes its own). */
  platform: NodeJS.Platform;
  homedir?: string;
  journalDir?: string;
  /** Probe budget per step (default 2500 ms). */
  timeoutMs?: number;
  /** Extra loopback proxy ports to test (the tests' lab proxies). */
  extraProxyPorts?: number[];
  /** Run Codex's own doctor in the diagnoses asked for and in the one after a fix (default true). */
  codexDoctor?: boolean;
  runCommand?: RunCommand;
}

export interface StepOptions {
  signal?: AbortSignal;
  onProgress?: DiagnoseOptions['onProgress'];
}

export interface FixRequest {
  fix: ApplicableFix;
  profile: string | null;
  /** use-proxy: the proxy the user named; without it, the one the diagnosis before proved. */
  proxyUrl?: string;
  /** use-proxy: the proxy's login, put into the URL percent-encoded (held in memory only). */
  proxyLogin?: { user: string; password: string };
  /** trust-ca: a CA file the user named (checked against the presented chain like any candidate). */
  caFile?: string;
}

export interface ProxyToUse {
  url: string;
  /** False when the diagnosis before proved it (the user named none). */
  fromUser: boolean;
}

export interface VerifiedFix extends AppliedFix {
  /** The diagnosis before the change: the last one of the profile, else a short one run just before applying. */
  before: DiagnosisReport;
}

export interface FixHistory {
  /** Newest first, each with what Codex recorded since the change. */
  items: HistoryItem[];
  damaged: DamagedEntry[];
  pending: string[];
}

export interface FixEngine {
  readonly journalDir: string;
  /** The last diagnosis run through the engine (asked for, short "before" or after a fix), if any. */
  readonly lastReport: DiagnosisReport | null;
  /** A diagnosis as the user asks for it; the engine keeps it as the state before the next fix. */
  diagnose(profile: string | null, opts?: StepOptions): Promise<DiagnosisReport>;
  /** The state before a fix: the last diagnosis of this profile, else a short one (no Codex doctor) run now. */
  reportBefore(profile: string | null, opts?: StepOptions): Promise<DiagnosisReport>;
  /** use-proxy: the proxy the user named, else the one the diagnosis before proved; a FixError when it proved none. */
  proxyToUse(profile: string | null, named: string | undefined, opts?: StepOptions): Promise<ProxyToUse>;
  /** The plan for a fix: nothing is written. */
  prepare(req: FixRequest, opts?: StepOptions): Promise<PlannedFix>;
  /** Applies a plan (lock, journal), then runs the diagnosis again to verify; with the report before. */
  applyAndVerify(planned: PlannedFix, opts?: StepOptions): Promise<VerifiedFix>;
  revert(idOrLast: string, mode?: RevertMode, opts?: StepOptions): Promise<RevertOutcome>;
  /** Changes a killed run left pending are settled first (kept if written, else rolled back). */
  history(): Promise<FixHistory>;
}

/**
 * The fix workflow as the app's service and the command line run it, so the two cannot drift: the
 * same proxy for use-proxy, the same report before, the same verification after. The app keeps one
 * engine for its lifetime (its diagnoses are the "before"); the command line one per command.
 */
export function createFixEngine(options: FixEngineOptions): FixEngine {
  const base = {
    codexHome: options.codexHome,
    env: options.env,
    platform: options.platform,
    homedir: options.homedir,
    timeoutMs: options.timeoutMs,
    extraProxyPorts: options.extraProxyPorts,
    runCommand: options.runCommand,
  };
  const journalDir = journalDirFor({ ...base, journalDir: options.journalDir });
  // The last diagnosis, and the profile it was asked for.
  let last: { report: DiagnosisReport; profile: string | null } | null = null;
  const remember = (profile: string | null, report: DiagnosisReport) => {
    last = { report, profile };
    return report;
  };

  const engine: FixEngine = {
    journalDir,
    get lastReport() {
      return last?.report ?? null;
    },
    async diagnose(profile, opts = {}) {
      return remember(profile, await diagnoseWith({ ...base, ...opts, profile, codexDoctor: options.codexDoctor }));
    },
    async reportBefore(profile, opts = {}) {
      if (last && last.profile === profile) return last.report;
      return remember(profile, await diagnoseWith({ ...base, profile, signal: opts.signal, codexDoctor: false }));
    },
    async proxyToUse(profile, named, opts = {}) {
      if (named !== undefined) return { url: named, fromUser: true };
      const report = await engine.reportBefore(profile, opts);
      const url = report.recommendation.proxyUrl;
      if (!url) {
        throw new FixError(
          msg('fixes.error.no-proxy-found', { headline: report.recommendation.headline }),
          'not-applicable',
        );
      }
      return { url, fromUser: false };
    },
    async prepare(req, opts = {}) {
      const proxy = req.fix === 'use-proxy' ? await engine.proxyToUse(req.profile, req.proxyUrl, opts) : undefined;
      return prepareFix(req.fix, {
        ...base,
        journalDir,
        profile: req.profile,
        signal: opts.signal,
        ...(proxy ? { proxyUrl: proxy.url, proxyUrlFromUser: proxy.fromUser } : {}),
        ...(req.proxyLogin ? { proxyLogin: req.proxyLogin } : {}),
        ...(req.caFile ? { caFile: req.caFile } : {}),
      });
    },
    async applyAndVerify(planned, opts = {}) {
      const before = await engine.reportBefore(planned.profile, opts);
      const applied = await applyAndVerify(planned, {
        ...base,
        ...opts,
        journalDir,
        profile: planned.profile,
        codexDoctor: options.codexDoctor,
      });
      remember(planned.profile, applied.after);
      return { ...applied, before };
    },
    revert(idOrLast, mode, opts = {}) {
      return revert(idOrLast, { ...base, journalDir, signal: opts.signal, ...(mode ? { mode } : {}) });
    },
    history() {
      return fixHistory(journalDir, options.env);
    },
  };
  return engine;
}

export { FixError };
