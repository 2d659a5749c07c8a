// Finds the local proxies Codex could use: well-known ports, ports named in proxy app configs,
// ports the Clash API reports, and the system proxy when it is on loopback. Every candidate is
// sniffed (on loopback only) to learn what it speaks.
import type {
  ClashApiInfo,
  LocalProxyCandidate,
  ProxyAppInfo,
  ProxyProtocol,
  SystemProxy,
} from '../../../shared/types.ts';
import { discoverProxyApps } from './apps/discover-apps.ts';
import { queryClashApi } from './clash-api.ts';
import { withDeadline } from '../deadline.ts';
import { formatHostPort, loopbackAddressFor, parseHostPort } from './host-port.ts';
import { appsForPort, KNOWN_CLASH_CONTROLLERS, knownProxyPorts, type KnownClashController } from './known-ports.ts';
import { runOsCommand, type RunCommand } from './run-command.ts';
import { readSystemProxy } from './system-proxy.ts';

/** What a port speaks, found by talking to it (the real one is probes' `sniffProxyPort`). */
export type SniffPort = (
  host: string,
  port: number,
  opts: { timeoutMs: number; signal?: AbortSignal },
) => Promise<{ speaks: ProxyProtocol }>;

export interface DiscoverOptions {
  platform: NodeJS.Platform | string;
  homedir: string;
  env: Record<string, string | undefined>;
  sniff: SniffPort;
  fsRoot?: string;
  run?: RunCommand;
  /** Per-operation budget for sniffs and API calls (they are loopback, so small). Default 300 ms. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Already read (or being read) by the caller; read here when absent. */
  systemProxy?: SystemProxy | null | Promise<SystemProxy | null>;
  apps?: ProxyAppInfo[] | Promise<ProxyAppInfo[]>;
  /** Overrides for tests; default to the tables in known-ports.ts. */
  knownPorts?: number[];
  knownControllers?: readonly KnownClashController[];
}

export interface DiscoveryResult {
  candidates: LocalProxyCandidate[];
  apps: ProxyAppInfo[];
  clashApi: ClashApiInfo[];
}

const WELL_KNOWN = 'well-known';
const SPEAKS_ORDER: ProxyProtocol[] = ['mixed', 'http', 'socks5', 'unknown', 'closed'];

interface PortEntry {
  host: string;
  port: number;
  apps: Set<string>;
  sources: Set<string>;
}

export async function discoverLocalProxies(opts: DiscoverOptions): Promise<DiscoveryResult> {
  const timeoutMs = opts.timeoutMs ?? 300;
  const entries = new Map<string, PortEntry>();
  const sniffs = new Map<string, Promise<ProxyProtocol>>();

  const add = (host: string, port: number, source: string, apps: string[]): void => {
    const key = formatHostPort({ host, port });
    const entry = entries.get(key) ?? { host, port, apps: new Set(), sources: new Set() };
    for (const app of apps) entry.apps.add(app);
    entry.sources.add(source);
    entries.set(key, entry);
    if (!sniffs.has(key)) sniffs.set(key, sniffSafely(opts.sniff, host, port, timeoutMs, opts.signal));
  };

  // Well-known ports are sniffed at once, while configs and the system proxy are still being read.
  for (const port of opts.knownPorts ?? knownProxyPorts()) add('127.0.0.1', port, WELL_KNOWN, appsForPort(port));

  const appsPromise = Promise.resolve(
    opts.apps ??
      discoverProxyApps({
        platform: opts.platform,
        homedir: opts.homedir,
        env: opts.env,
        ...(opts.fsRoot ? { fsRoot: opts.fsRoot } : {}),
      }),
  );
  const systemPromise = Promise.resolve(
    opts.systemProxy !== undefined
      ? opts.systemProxy
      : readSystemProxy({
          platform: opts.platform,
          env: opts.env,
          homedir: opts.homedir,
          run: opts.run ?? runOsCommand,
          ...(opts.fsRoot ? { fsRoot: opts.fsRoot } : {}),
        }),
  );
  const [apps, systemProxy] = await Promise.all([
    withDeadline(appsPromise, 4 * timeoutMs, () => [] as ProxyAppInfo[]),
    withDeadline(systemPromise, 4 * timeoutMs, () => null),
  ]);

  for (const app of apps) {
    for (const port of app.ports) add('127.0.0.1', port, app.configFiles[0] ?? app.id, [app.name]);
  }
  for (const address of [systemProxy?.http, systemProxy?.https, systemProxy?.socks]) {
    const parsed = address ? parseHostPort(address) : null;
    const host = parsed ? loopbackAddressFor(parsed.host) : null;
    if (parsed && host) add(host, parsed.port, 'system-proxy', appsForPort(parsed.port));
  }

  const clashApi = await queryControllers(
    apps,
    opts.knownControllers ?? KNOWN_CLASH_CONTROLLERS,
    timeoutMs,
    opts.signal,
  );
  for (const { info, app } of clashApi) {
    const ports = [info.ports?.mixedPort, info.ports?.port, info.ports?.socksPort].filter((p): p is number => !!p);
    for (const port of ports) add('127.0.0.1', port, 'clash-api', [app]);
  }

  const candidates: LocalProxyCandidate[] = [];
  await Promise.all(
    [...entries].map(async ([key, entry]) => {
      const speaks = await sniffs.get(key)!;
      const onlyGuessed = entry.sources.size === 1 && entry.sources.has(WELL_KNOWN);
      // A well-known port where nothing listens is noise; a configured one is a finding.
      if (onlyGuessed && speaks === 'closed') return;
      candidates.push({
        host: entry.host,
        port: entry.port,
        apps: [...entry.apps],
        sources: [...entry.sources],
        speaks,
      });
    }),
  );
  candidates.sort((a, b) => SPEAKS_ORDER.indexOf(a.speaks) - SPEAKS_ORDER.indexOf(b.speaks) || a.port - b.port);
  return { candidates, apps, clashApi: clashApi.map((c) => c.info) };
}

async function sniffSafely(
  sniff: SniffPort,
  host: string,
  port: number,
  timeoutMs: number,
  signal: AbortSignal | undefined,
): Promise<ProxyProtocol> {
  if (!loopbackAddressFor(host)) return 'unknown'; // never probe off this machine
  try {
    const result = await sniff(host, port, signal ? { timeoutMs, signal } : { timeoutMs });
    return result.speaks;
  } catch {
    return 'unknown';
  }
}

/** Controllers named in configs, then the apps' default controllers; defaults are kept only if they answer. */
async function queryControllers(
  apps: ProxyAppInfo[],
  known: readonly KnownClashController[],
  timeoutMs: number,
  signal: AbortSignal | undefined,
): Promise<{ info: ClashApiInfo; app: string }[]> {
  const targets = new Map<string, { secret?: string; source: string; app: string; guessed: boolean }>();
  for (const app of apps) {
    if (!app.controller) continue;
    const parsed = parseHostPort(app.controller.address);
    const key = parsed ? formatHostPort(parsed) : app.controller.address;
    if (targets.has(key)) continue;
    const target = { source: app.configFiles[0] ?? app.id, app: app.name, guessed: false };
    targets.set(key, app.controller.secret ? { ...target, secret: app.controller.secret } : target);
  }
  for (const c of known) {
    if (targets.has(c.address)) continue;
    const target = { source: WELL_KNOWN, app: c.app, guessed: true };
    targets.set(c.address, c.defaultSecret ? { ...target, secret: c.defaultSecret } : target);
  }
  const results = await Promise.all(
    [...targets].map(async ([address, t]) => {
      const info = await queryClashApi(
        address,
        t.secret,
        signal ? { timeoutMs, signal, source: t.source } : { timeoutMs, source: t.source },
      );
      return { info, app: t.app, guessed: t.guessed };
    }),
  );
  return results.filter((r) => !r.guessed || (r.info.reachable && !r.info.error?.includes('not like a Clash API')));
}
