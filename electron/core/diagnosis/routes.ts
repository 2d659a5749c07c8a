// Which ways to the endpoint the diagnosis tries, and how Codex would choose among them.
import type { CodexSetup, LocalProxyCandidate, Route, SystemProxy } from '../../../shared/types.ts';
import { isLoopbackHost } from '../environment/host-port.ts';
import { redactUrl } from '../redact.ts';
import { msg } from '../../../shared/i18n/message.ts';

export interface Endpoint {
  baseUrl: string;
  host: string;
  port: number;
  secure: boolean;
  /** The exact URL of Codex's WebSocket: `<base_url>/responses` with ws:// or wss://. */
  websocketUrl: string;
}

export function endpointFor(baseUrl: string): Endpoint {
  const url = new URL(baseUrl);
  const secure = url.protocol === 'https:';
  const port = url.port ? Number(url.port) : secure ? 443 : 80;
  const ws = new URL(baseUrl.replace(/\/+$/, '') + '/responses');
  ws.protocol = secure ? 'wss:' : 'ws:';
  // URL keeps IPv6 literals in brackets; the socket APIs want them bare.
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return { baseUrl, host, port, secure, websocketUrl: ws.toString() };
}

/**
 * NO_PROXY as Codex's clients read it: comma-separated; `*` matches all; an entry matches the host
 * itself and its subdomains (a leading dot or `*.` is optional); `host:port` also pins the port.
 */
export function isExcludedByNoProxy(host: string, port: number, noProxy: string | null): boolean {
  if (!noProxy) return false;
  const target = host.toLowerCase();
  for (const raw of noProxy.split(',')) {
    let entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry === '*') return true;
    let entryPort: number | null = null;
    const portMatch = /^(.*[^:]):(\d+)$/.exec(entry);
    if (portMatch && !entry.includes(']') && entry.split(':').length === 2) {
      entry = portMatch[1]!;
      entryPort = Number(portMatch[2]);
    }
    entry = entry
      .replace(/^\*\./, '')
      .replace(/^\./, '')
      .replace(/^\[(.*)\]$/, '$1');
    if (entryPort !== null && entryPort !== port) continue;
    if (target === entry || target.endsWith('.' + entry)) return true;
  }
  return false;
}

export const directRoute: Route = { kind: 'direct', label: msg('diagnosis.route.direct') };

/** The proxy Codex would use for this endpoint, or null when it goes direct. */
export function configuredRoute(setup: CodexSetup, endpoint: Endpoint): Route | null {
  const proxy = setup.effectiveProxy;
  if (!proxy) return null;
  if (isExcludedByNoProxy(endpoint.host, endpoint.port, setup.noProxy)) return null;
  const params = { variable: proxy.key, url: proxy.display };
  return {
    kind: 'configured-proxy',
    label:
      proxy.source === 'dotenv'
        ? msg('diagnosis.route.configured-proxy-dotenv', params)
        : msg('diagnosis.route.configured-proxy', params),
    proxyUrl: proxy.value,
    display: proxy.display,
  };
}

/** A URL for a local proxy port that Codex can use: http:// wherever HTTP is spoken, else socks5h://. */
export function proxyUrlFor(candidate: LocalProxyCandidate): string | null {
  const host = candidate.host.includes(':') ? `[${candidate.host}]` : candidate.host;
  if (candidate.speaks === 'http' || candidate.speaks === 'mixed') return `http://${host}:${candidate.port}`;
  if (candidate.speaks === 'socks5') return `socks5h://${host}:${candidate.port}`;
  return null;
}

export function localProxyRoutes(candidates: LocalProxyCandidate[], configured: Route | null): Route[] {
  const routes: Route[] = [];
  const seen = new Set<string>();
  if (configured?.proxyUrl) seen.add(normaliseProxy(configured.proxyUrl));
  for (const candidate of candidates) {
    const url = proxyUrlFor(candidate);
    if (!url || seen.has(normaliseProxy(url))) continue;
    seen.add(normaliseProxy(url));
    routes.push({
      kind: candidate.sources.includes('system-proxy') ? 'system-proxy' : 'local-proxy',
      label: candidate.apps.length
        ? msg('diagnosis.route.local-proxy-apps', { url, speaks: candidate.speaks, apps: candidate.apps.join(' / ') })
        : msg('diagnosis.route.local-proxy', { url, speaks: candidate.speaks }),
      proxyUrl: url,
      display: redactUrl(url),
    });
  }
  return routes;
}

function normaliseProxy(url: string): string {
  try {
    // The same port under another scheme is another route (http:// on a SOCKS port fails where socks5h:// works).
    const u = new URL(url);
    return `${u.protocol.replace('socks5h:', 'socks5:')}//${u.hostname}:${u.port}`;
  } catch {
    return url;
  }
}

/**
 * The OS's proxy when it sits on another host (a company proxy). Codex ignores the OS setting, but
 * that proxy may be the way out; loopback ones are already among the local proxy candidates.
 */
export function systemProxyRoute(systemProxy: SystemProxy | null, configured: Route | null): Route | null {
  const hostPort = systemProxy?.enabled ? (systemProxy.https ?? systemProxy.http) : undefined;
  if (!hostPort) return null;
  const url = /^[a-z][a-z0-9+.-]*:\/\//i.test(hostPort) ? hostPort : `http://${hostPort}`;
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return null;
  }
  if (!host || isLoopbackHost(host)) return null;
  if (configured?.proxyUrl && normaliseProxy(configured.proxyUrl) === normaliseProxy(url)) return null;
  return {
    kind: 'system-proxy',
    label: msg('diagnosis.route.system-proxy', { url: redactUrl(url) }),
    proxyUrl: url,
    display: redactUrl(url),
  };
}

/**
 * The OS proxy Codex's HTTPS client uses on its own. Codex leaves reqwest's defaults on: with no
 * proxy variable set, reqwest reads the static system proxy on Windows (registry: ProxyEnable,
 * ProxyServer, ProxyOverride) and macOS (SCDynamicStore) — not PAC/WPAD, and nothing on Linux.
 * Codex's WebSocket client reads only the variables, so it still goes direct. (Source:
 * codex-rs, reqwest 0.12 with its system-proxy features; `respect_system_proxy`, off by default,
 * would route both — not modelled.)
 */
export function codexHttpsSystemProxy(
  systemProxy: SystemProxy | null,
  platform: NodeJS.Platform,
  /** Any of HTTP(S)_PROXY / ALL_PROXY is set: reqwest then reads those and never the OS setting. */
  proxyVarSet: boolean,
  endpoint: Endpoint,
): Route | null {
  if (proxyVarSet || !systemProxy?.enabled || (platform !== 'win32' && platform !== 'darwin')) return null;
  const hostPort = endpoint.secure ? (systemProxy.https ?? systemProxy.http) : systemProxy.http;
  if (!hostPort) return null;
  if (systemProxy.bypass?.some((entry) => bypassMatches(entry, endpoint.host))) return null;
  const url = /^[a-z][a-z0-9+.-]*:\/\//i.test(hostPort) ? hostPort : `http://${hostPort}`;
  try {
    if (!new URL(url).hostname) return null;
  } catch {
    return null;
  }
  const label = msg(platform === 'win32' ? 'diagnosis.route.os-proxy-windows' : 'diagnosis.route.os-proxy-macos', {
    url: redactUrl(url),
  });
  return { kind: 'system-proxy', label, proxyUrl: url, display: redactUrl(url) };
}

/** A Windows ProxyOverride / macOS exception entry: `*.corp`, `host`, `<local>` (names without a dot). */
function bypassMatches(entry: string, host: string): boolean {
  const e = entry.trim().toLowerCase();
  const h = host.toLowerCase();
  if (!e) return false;
  if (e === '<local>') return !h.includes('.');
  const pattern = new RegExp(`^${e.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
  return pattern.test(h);
}
