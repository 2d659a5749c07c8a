// What the machine offers Codex besides a direct connection: the system proxy, local proxy apps
// and their ports, the Clash API, and TUN mode. Reads only; the one write is `setClashTun`.
import os from 'node:os';
import type { EnvironmentReport, SystemProxy, TunInfo } from '../../../shared/types.ts';
import { msg } from '../../../shared/i18n/message.ts';
import { Deadline, withDeadline } from '../deadline.ts';
import { discoverLocalProxies, type DiscoveryResult, type SniffPort } from './discover.ts';
import { runOsCommand, type RunCommand } from './run-command.ts';
import { readSystemProxy } from './system-proxy.ts';
import { detectTun } from './tun.ts';

export { readSystemProxy, type SystemProxyOptions } from './system-proxy.ts';
export { parseScutilProxy } from './system-proxy-macos.ts';
export { parseWindowsInternetSettings, parseProxyServer } from './system-proxy-windows.ts';
export { parseGsettingsList, gnomeProxyFromSettings } from './system-proxy-gnome.ts';
export { parseKioslaverc } from './system-proxy-kde.ts';
export { KNOWN_PROXY_PORTS, KNOWN_CLASH_CONTROLLERS, knownProxyPorts, appsForPort } from './known-ports.ts';
export { discoverProxyApps } from './apps/discover-apps.ts';
export { appConfigLocations } from './apps/locations.ts';
export { parseClashConfig } from './apps/clash-config.ts';
export { parseVergeConfig } from './apps/clash-verge.ts';
export { parseV2raynConfig } from './apps/v2rayn.ts';
export { parseV2rayCoreConfig } from './apps/v2ray-config.ts';
export { parseSingBoxConfig } from './apps/sing-box.ts';
export { queryClashApi, setClashTun, type ClashApiOptions, type SetTunResult } from './clash-api.ts';
export { discoverLocalProxies, type DiscoverOptions, type DiscoveryResult, type SniffPort } from './discover.ts';
export { detectTun, decideTun, type DetectTunOptions } from './tun.ts';
export { runOsCommand, type RunCommand, type RunResult } from './run-command.ts';
export { isLoopbackHost, isFakeIpRange } from './host-port.ts';

export interface ReadEnvironmentOptions {
  sniff: SniffPort;
  platform?: NodeJS.Platform | string;
  env?: Record<string, string | undefined>;
  homedir?: string;
  /** Prefix for every file read, for tests. */
  fsRoot?: string;
  run?: RunCommand;
  networkInterfaces?: typeof os.networkInterfaces;
  /** DNS answers for the API host, if the caller has them, to spot fake-ip. */
  resolveFakeIp?: () => Promise<string[]>;
  /** Budget for the whole scan. Default 1500 ms. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

const EMPTY_TUN: TunInfo = { active: false, interfaces: [], evidence: [] };

/**
 * System proxy, local proxy discovery and TUN detection, concurrently, within `timeoutMs`.
 * Never rejects: a part that fails or runs out of time comes back empty, with a reason where the
 * type has room for one.
 */
export async function readEnvironment(opts: ReadEnvironmentOptions): Promise<EnvironmentReport> {
  const totalMs = opts.timeoutMs ?? 1500;
  const platform = opts.platform ?? process.platform;
  const env = opts.env ?? process.env;
  const homedir = opts.homedir ?? os.homedir();
  const run = opts.run ?? runOsCommand;
  const fsRoot = opts.fsRoot ? { fsRoot: opts.fsRoot } : {};
  const deadline = new Deadline(totalMs, opts.signal);
  const signal = deadline.signal;
  // Commands get most of the budget; sniffs and API calls are loopback and need little.
  const commandMs = Math.max(100, Math.floor(totalMs * 0.8));
  const loopbackMs = Math.max(100, Math.min(300, Math.floor(totalMs / 4)));
  try {
    const systemProxy = readSystemProxy({ platform, env, homedir, run, timeoutMs: commandMs, ...fsRoot });
    const discovery = discoverLocalProxies({
      platform,
      env,
      homedir,
      run,
      sniff: opts.sniff,
      timeoutMs: loopbackMs,
      signal,
      systemProxy,
      ...fsRoot,
    });
    const tun = detectTun({
      platform,
      run,
      networkInterfaces: opts.networkInterfaces ?? os.networkInterfaces,
      timeoutMs: commandMs,
      ...(opts.resolveFakeIp ? { resolveFakeIp: opts.resolveFakeIp } : {}),
    });
    const timedOut = (what: string): string => `${what} did not finish within ${totalMs} ms`;
    const [proxy, found, tunInfo] = await Promise.all([
      withDeadline<SystemProxy | null>(systemProxy, totalMs, () => ({
        platform: String(platform),
        enabled: false,
        source: 'none',
        error: timedOut('reading the system proxy'),
      })),
      withDeadline<DiscoveryResult>(discovery, totalMs, () => ({ candidates: [], apps: [], clashApi: [] })),
      withDeadline<TunInfo>(tun, totalMs, () => ({
        ...EMPTY_TUN,
        evidence: [msg('setup.tun.timed-out', { ms: totalMs })],
      })),
    ]);
    return {
      systemProxy: proxy,
      localProxies: found.candidates,
      proxyApps: found.apps,
      clashApi: found.clashApi,
      tun: tunInfo,
    };
  } catch {
    return { systemProxy: null, localProxies: [], proxyApps: [], clashApi: [], tun: EMPTY_TUN };
  } finally {
    deadline.dispose();
  }
}
