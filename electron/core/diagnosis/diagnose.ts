// The whole diagnosis: read the Codex setup, scan the machine for proxies, probe every route to the
// provider's endpoint concurrently, and turn what was measured into findings and one verdict.
import { redactKnownSecrets, redactUrl } from '../redact.ts';
import { parseProxyUrl } from '../../../shared/proxy-url.ts';
import os from 'node:os';
import type {
  CheckEvent,
  CodexHistory,
  CodexSetup,
  DiagnosisReport,
  EnvironmentReport,
  Finding,
  LocalProxyCandidate,
  ProbeResult,
  Route,
} from '../../../shared/types.ts';
import { REPORT_SCHEMA_VERSION } from '../../../shared/types.ts';
import { recommend, type RecommendationFacts } from '../../../shared/recommend.ts';
import { readCodexSetup } from '../codex/index.ts';
import { readCaBundle } from '../codex/ca-bundle.ts';
import { readEnvironment } from '../environment/index.ts';
import { probeRoute, sniffProxyPort } from '../probes/index.ts';
import {
  codexHttpsSystemProxy,
  configuredRoute,
  directRoute,
  endpointFor,
  localProxyRoutes,
  systemProxyRoute,
  type Endpoint,
} from './routes.ts';
import { evidenceLines, probeFindings, routeFacts, type RouteOutcome } from './facts.ts';
import { collectSecrets } from './secrets.ts';
import { codexDoctorWebsocket, startCodexDoctor } from './codex-doctor-step.ts';
import { findStaleGateway } from './stale-gateway.ts';
import { historySummary, readCodexHistory } from '../codex/history.ts';
import { environmentFindings, environmentSummary, tunIsOn } from './environment-findings.ts';
import { formatLocation } from '../../../shared/format.ts';
import type { CaSourceOptions } from '../trust/sources.ts';
import { untrustedCaStep } from './trust-step.ts';
import { msg, type Message, type MessageId } from '../../../shared/i18n/message.ts';

export interface DiagnoseOptions {
  codexHome?: string;
  profile?: string | null;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  /** Whose OS proxy rules Codex's HTTPS client follows (default: platform); tests replay Windows and macOS anywhere. */
  osProxyPlatform?: NodeJS.Platform;
  homedir?: string;
  /** Budget of each network probe; a WebSocket that has not answered by then counts as stalled. */
  timeoutMs?: number;
  signal?: AbortSignal;
  onProgress?: (event: CheckEvent) => void;
  /** Also run the installed Codex's own `codex doctor --network-only --json` (default: true). */
  codexDoctor?: boolean;
  /** Extra loopback proxy ports to test besides the ones found on the machine. */
  extraProxyPorts?: number[];
  /** Replaces the machine scan (system proxy, proxy apps, TUN); tests use it. */
  readEnvironment?: (signal: AbortSignal) => Promise<EnvironmentReport>;
  /** Overrides of where the CA behind an untrusted certificate is looked for (tests point them at temp folders). */
  caSources?: Partial<CaSourceOptions>;
}

export const DEFAULT_PROBE_TIMEOUT_MS = 2500;
/** The built-in endpoint probed when the config is too broken to name one. */
const FALLBACK_BASE_URL = 'https://api.openai.com/v1';

const emptyEnvironment = (): EnvironmentReport => ({
  systemProxy: null,
  localProxies: [],
  proxyApps: [],
  clashApi: [],
  tun: { active: false, interfaces: [], evidence: [] },
});

export async function runDiagnosis(options: DiagnoseOptions = {}): Promise<DiagnosisReport> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const timeoutMs = options.timeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS;
  const controller = new AbortController();
  const onAbort = () => controller.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const signal = controller.signal;

  const checks = new Map<string, CheckEvent>();
  let finished = false;
  const report = (event: CheckEvent) => {
    // Work still winding down after the verdict (a cancelled codex doctor) reports nothing more.
    if (finished) return;
    checks.set(event.id, event);
    options.onProgress?.(event);
  };
  const timed = async <T>(
    id: string,
    title: Message,
    work: () => Promise<T>,
    judge: (v: T) => Omit<CheckEvent, 'id' | 'title' | 'durationMs'>,
  ) => {
    const t0 = performance.now();
    report({ id, title, status: 'running' });
    const value = await work();
    report({ id, title, durationMs: Math.round(performance.now() - t0), ...judge(value) });
    return value;
  };

  try {
    const { setup, credential } = await timed(
      'codex:setup',
      msg('diagnosis.check.setup'),
      () =>
        readCodexSetup({
          codexHome: options.codexHome,
          profile: options.profile ?? null,
          env,
          platform,
          homedir: options.homedir ?? os.homedir(),
          findInstalls: true,
        }),
      ({ setup: s }) => ({
        status: s.findings.some((f) => f.severity === 'error')
          ? 'error'
          : s.findings.some((f) => f.severity === 'warning')
            ? 'warning'
            : 'ok',
        detail: s.provider
          ? msg('diagnosis.check.setup.detail', {
              provider: s.provider.builtIn
                ? msg('diagnosis.check.setup.built-in', { id: s.provider.id })
                : s.provider.id,
              url: redactUrl(s.provider.baseUrl),
              websockets: s.provider.supportsWebsockets
                ? msg('diagnosis.check.setup.websockets-on')
                : msg('diagnosis.check.setup.websockets-off'),
              credential:
                s.credential.status === 'usable'
                  ? msg('diagnosis.check.setup.authenticated', { source: s.credential.source })
                  : msg('diagnosis.check.setup.anonymous', { source: s.credential.source }),
            })
          : msg('diagnosis.check.setup.no-provider'),
      }),
    );
    const secrets = [...collectSecrets(setup), ...credential.secrets()];

    const endpoint = endpointFor(setup.provider?.baseUrl ?? FALLBACK_BASE_URL);
    const websocketsUsed = setup.provider?.supportsWebsockets ?? true;
    const codexDoctor = startCodexDoctor(setup, options, env, signal, report);
    const historyWork = setup.homeExists
      ? timed(
          'codex:history',
          msg('diagnosis.check.history'),
          () => readCodexHistory({ codexHome: setup.home, sqliteHome: setup.sqliteHome }),
          (h) => ({
            status: h.status === 'ok' || h.status === 'none' ? 'ok' : 'warning',
            detail: historySummary(h) ?? h.note ?? msg('diagnosis.check.history.clean'),
          }),
        )
      : Promise.resolve(undefined);
    // Codex's credential goes only to its provider's endpoint, on every route Codex could take there.
    const probeOpts = {
      timeoutMs,
      signal,
      ca: readCaBundle(setup),
      auth: { headers: credential.headers(), usable: credential.usable },
    };

    const probeOne = async (route: Route, speaks?: RouteOutcome['speaks']): Promise<RouteOutcome> => {
      const id = `route:${route.kind}:${route.proxyUrl ? route.display : 'direct'}`;
      const results = await timed(
        id,
        msg('diagnosis.check.route', { route: route.label }),
        () => probeRoute({ baseUrl: endpoint.baseUrl }, route, probeOpts),
        (rs) => {
          const steps = rs.map((r) =>
            r.ok
              ? msg('diagnosis.check.route.step-ok', { phase: r.phase })
              : r.failure
                ? msg('diagnosis.check.route.step-failed', { phase: r.phase, failure: r.failure })
                : msg('diagnosis.check.route.step-failed-unknown', { phase: r.phase }),
          );
          return {
            status: routeStatus(rs, websocketsUsed),
            detail: websocketsUsed
              ? msg('diagnosis.check.route.steps', { steps })
              : msg('diagnosis.check.route.steps-websockets-off', { steps }),
          };
        },
      );
      return { route, results, speaks };
    };

    const configured = configuredRoute(setup, endpoint);
    const environmentWork = timed(
      'environment:scan',
      msg('diagnosis.check.environment'),
      () => scanEnvironment(options, env, platform, timeoutMs, signal),
      (e) => ({
        status: 'ok',
        detail: environmentSummary(e),
      }),
    );
    const [directOutcome, configuredOutcome, environment] = await Promise.all([
      probeOne(directRoute),
      configured ? probeOne(configured) : Promise.resolve(null),
      environmentWork,
    ]);

    const candidates = await withExtraPorts(environment.localProxies, options.extraProxyPorts ?? [], timeoutMs, signal);
    environment.localProxies = candidates;
    const localRoutes = localProxyRoutes(
      candidates.filter((c) => c.host === '127.0.0.1' || c.host === 'localhost' || c.host === '::1'),
      configured,
    );
    const systemRoute = systemProxyRoute(environment.systemProxy, configured);
    const speaksByUrl = new Map(candidates.map((c) => [`${c.host}:${c.port}`, c.speaks]));
    // On Windows and macOS Codex's HTTPS requests take the OS proxy by themselves: probe it as such.
    const proxyVarSet = setup.proxyVars.some((v) => /^(https?|all)_proxy$/i.test(v.key) && v.value.trim() !== '');
    const httpsSystemRoute = codexHttpsSystemProxy(
      environment.systemProxy,
      options.osProxyPlatform ?? platform,
      proxyVarSet,
      endpoint,
    );
    const [localOutcomes, httpsSystemOutcome] = await Promise.all([
      Promise.all([
        ...localRoutes.map((route) => probeOne(route, speaksByUrl.get(hostPort(route.proxyUrl!)))),
        ...(systemRoute ? [probeOne(systemRoute, 'http')] : []),
      ]),
      httpsSystemRoute
        ? probeOne(httpsSystemRoute, speaksByUrl.get(hostPort(httpsSystemRoute.proxyUrl!)))
        : Promise.resolve(null),
    ]);

    // An untrusted certificate on Codex's route: look for its CA where the user keeps CAs, prove it.
    const trust = await untrustedCaStep({
      setup,
      outcome: configuredOutcome ?? directOutcome,
      baseUrl: endpoint.baseUrl,
      probeOpts,
      env,
      platform,
      homedir: options.homedir ?? os.homedir(),
      timeoutMs,
      signal,
      sources: options.caSources,
      timed,
      probeOne: (route, ca) => probeRoute({ baseUrl: endpoint.baseUrl }, route, { ...probeOpts, ca }),
    });
    const codexOutcome = trust?.reprobed ?? configuredOutcome ?? directOutcome;
    const outcomes = [
      configuredOutcome ? directOutcome : codexOutcome,
      ...(configuredOutcome ? [codexOutcome] : []),
      ...(httpsSystemOutcome ? [httpsSystemOutcome] : []),
      ...localOutcomes,
    ];
    const doctorReport = await codexDoctor.finish();
    const codexHistory = await historyWork;
    const staleGateway = await findStaleGateway(setup, directOutcome);
    const facts: RecommendationFacts = {
      configProblems: blockingConfigProblems(setup),
      providerSupportsWebsockets: setup.provider?.supportsWebsockets ?? true,
      providerBuiltIn: setup.provider?.builtIn ?? true,
      direct: routeFacts(configuredOutcome ? directOutcome : codexOutcome),
      configured: configuredOutcome
        ? { ...routeFacts(codexOutcome), speaks: configuredSpeaks(codexOutcome, candidates) }
        : null,
      localProxies: localOutcomes.map(routeFacts),
      proxyAppFound:
        environment.proxyApps.length > 0 ||
        environment.clashApi.length > 0 ||
        candidates.some((c) => c.speaks !== 'closed' && c.apps.length > 0),
      tunActive: tunIsOn(environment),
      credential: setup.credential,
      codexDoctorWebsocket: codexDoctorWebsocket(doctorReport),
      staleGateway: staleGateway?.facts ?? null,
      untrustedCa: trust?.facts ?? null,
      systemProxyHttps: httpsSystemOutcome ? routeFacts(httpsSystemOutcome) : null,
    };
    const probes = outcomes.flatMap((o) => o.results);
    const evidence = evidenceLines(outcomes);
    const recommendation = recommend(facts, evidence);
    const findings: Finding[] = [
      ...setup.findings,
      ...probeFindings(outcomes, configured ? 'configured-proxy' : 'direct', websocketsUsed),
      ...environmentFindings(environment),
      ...(staleGateway ? [staleGateway.finding] : []),
      ...historyFindings(codexHistory),
      ...(trust?.finding ? [trust.finding] : []),
    ];

    const result: DiagnosisReport = {
      schemaVersion: REPORT_SCHEMA_VERSION,
      startedAt,
      durationMs: Math.round(performance.now() - started),
      cancelled: options.signal?.aborted ?? false,
      codex: codexSummary(setup),
      environment,
      probes,
      checks: [...checks.values()],
      findings,
      recommendation,
      ...(doctorReport ? { codexDoctor: doctorReport } : {}),
      ...(codexHistory ? { codexHistory } : {}),
      ...(trust?.report ? { trust: trust.report } : {}),
    };
    return scrub(result, [...secrets, ...collectSecrets(setup, environment)]);
  } finally {
    finished = true;
    options.signal?.removeEventListener('abort', onAbort);
    controller.abort();
  }
}

function routeStatus(results: ProbeResult[], websocketsUsed: boolean): CheckEvent['status'] {
  // With WebSockets off, Codex never opens one: its probe is information, not a problem.
  const relevant = websocketsUsed ? results : results.filter((r) => r.phase !== 'websocket');
  if (relevant.every((r) => r.ok)) return 'ok';
  const https = results.find((r) => r.phase === 'https');
  return https?.ok ? 'warning' : 'error';
}

/** The `host:port` a proxy URL names, as the local candidates are keyed. */
function hostPort(url: string): string {
  const parsed = parseProxyUrl(url);
  return parsed.ok ? `${parsed.proxy.host}:${parsed.proxy.port}` : url;
}

function configuredSpeaks(outcome: RouteOutcome, candidates: LocalProxyCandidate[]) {
  if (!outcome.route.proxyUrl) return undefined;
  return candidates.find((c) => `${c.host}:${c.port}` === hostPort(outcome.route.proxyUrl!))?.speaks;
}

async function scanEnvironment(
  options: DiagnoseOptions,
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<EnvironmentReport> {
  if (options.readEnvironment) return options.readEnvironment(signal);
  try {
    return await readEnvironment({
      platform,
      env,
      homedir: options.homedir ?? os.homedir(),
      sniff: (host: string, port: number, o: { timeoutMs: number; signal?: AbortSignal }) =>
        sniffProxyPort(host, port, o),
      timeoutMs: Math.min(timeoutMs, 1500),
      signal,
    });
  } catch {
    return emptyEnvironment();
  }
}

async function withExtraPorts(
  found: LocalProxyCandidate[],
  extraPorts: number[],
  timeoutMs: number,
  signal: AbortSignal,
): Promise<LocalProxyCandidate[]> {
  const known = new Set(found.map((c) => `${c.host}:${c.port}`));
  const extra = await Promise.all(
    extraPorts
      .filter((port) => !known.has(`127.0.0.1:${port}`))
      .map(async (port): Promise<LocalProxyCandidate> => {
        const sniffed = await sniffProxyPort('127.0.0.1', port, { timeoutMs: Math.min(timeoutMs, 1000), signal });
        return { host: '127.0.0.1', port, apps: [], sources: ['--proxy-port'], speaks: sniffed.speaks };
      }),
  );
  return [...found, ...extra];
}

function blockingConfigProblems(setup: CodexSetup): Message[] {
  return (
    setup.findings
      // A config file Codex cannot read (permissions, a symlink loop, not UTF-8) stops it as surely as a parse error.
      .filter(
        (f) =>
          f.severity === 'error' &&
          (f.id.startsWith('config.') || (f.id === 'codex.file.unreadable' && /\.toml$/.test(f.location?.file ?? ''))),
      )
      .map((f) =>
        f.location
          ? msg('diagnosis.config-problem.at', { location: formatLocation(f.location), problem: f.summary })
          : f.summary,
      )
  );
}

/** The setup as the report (and the app's Start step) show it: secrets masked. */
export function codexSummary(setup: CodexSetup): DiagnosisReport['codex'] {
  const p = setup.provider;
  return {
    home: setup.home,
    homeExists: setup.homeExists,
    profile: setup.profile,
    profiles: setup.profiles,
    provider: p
      ? {
          id: p.id,
          builtIn: p.builtIn,
          baseUrl: redactUrl(p.baseUrl), // shown: a login in it stays hidden
          baseUrlSource: p.baseUrlSource,
          supportsWebsockets: p.supportsWebsockets,
          websocketConnectTimeoutMs: p.websocketConnectTimeoutMs,
        }
      : null,
    authMode: setup.authMode,
    credential: setup.credential,
    version: setup.installs.find((i) => i.version)?.version ?? null,
    installs: setup.installs,
    effectiveProxy: setup.effectiveProxy?.display ?? null,
    noProxy: setup.noProxy,
  };
}

/** Last line of defence: no secret collected from the setup may leave in the report. */
function scrub(report: DiagnosisReport, secrets: string[]): DiagnosisReport {
  if (secrets.length === 0) return report;
  const escaped = secrets.map((s) => JSON.stringify(s).slice(1, -1));
  return JSON.parse(
    redactKnownSecrets(JSON.stringify(report), [...new Set([...secrets, ...escaped])]),
  ) as DiagnosisReport;
}

export type { Endpoint };

const HISTORY_STATUS: Record<'unreadable' | 'locked' | 'partial', MessageId> = {
  unreadable: 'diagnosis.history.unreadable',
  locked: 'diagnosis.history.locked',
  partial: 'diagnosis.history.partial',
};

/** Codex's own record, as a finding: what it cost the user lately, and the causes it logged. */
function historyFindings(h: CodexHistory | undefined): Finding[] {
  if (!h) return [];
  const summary = historySummary(h);
  if (summary) {
    return [
      {
        id: 'codex.history.connection-trouble',
        severity: 'warning',
        summary,
        evidence: [
          ...h.causes.map((c) => msg('diagnosis.history.cause', { n: c.count, cause: c.cause })),
          msg('diagnosis.history.last-30-days', { retries: h.last30Days.retries, fallbacks: h.last30Days.fallbacks }),
          ...(h.note ? [h.note] : []),
        ],
        location: { file: h.database },
      },
    ];
  }
  if (h.status === 'unreadable' || h.status === 'locked' || h.status === 'partial') {
    return [
      {
        id: `codex.history.${h.status}`,
        severity: 'info',
        summary: h.note ?? msg(HISTORY_STATUS[h.status]),
        evidence: [],
        location: { file: h.database },
      },
    ];
  }
  return [];
}
