// The proxy URLs Codex's WebSocket accepts: http://, socks5:// (name resolved locally) and
// socks5h:// (name passed to the proxy), with optional user:password.
import type { Route } from '../../../shared/types.ts';
import { msg } from '../../../shared/i18n/message.ts';
import { redactUrl } from '../redact.ts';
import { ProbeFailure } from './failure.ts';

export type ProxyScheme = 'http' | 'socks5' | 'socks5h';

export interface ProxyEndpoint {
  scheme: ProxyScheme;
  host: string;
  port: number;
  /** Decoded; the user's proxy login, sent only to that proxy. */
  username?: string;
  password?: string;
  display: string;
}

const DEFAULT_PORTS: Record<ProxyScheme, number> = { http: 80, socks5: 1080, socks5h: 1080 };

/** Parses a proxy URL (a bare host:port counts as http://, as curl and Codex's clients read it). */
export function parseProxyUrl(raw: string): ProxyEndpoint {
  const text = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ProbeFailure('error', msg('probes.url.not-proxy-url', { url: redactUrl(raw) }));
  }
  const scheme = url.protocol.slice(0, -1).toLowerCase();
  if (scheme !== 'http' && scheme !== 'socks5' && scheme !== 'socks5h') {
    throw new ProbeFailure('error', msg('probes.url.proxy-scheme', { scheme, url: redactUrl(raw) }));
  }
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (!host) throw new ProbeFailure('error', msg('probes.url.proxy-no-host', { url: redactUrl(raw) }));
  const endpoint: ProxyEndpoint = {
    scheme,
    host,
    port: url.port ? Number(url.port) : DEFAULT_PORTS[scheme],
    display: redactUrl(raw),
  };
  if (url.username) endpoint.username = safeDecode(url.username);
  if (url.password) endpoint.password = safeDecode(url.password);
  return endpoint;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export function routeProxy(route: Route): ProxyEndpoint | null {
  return route.proxyUrl ? parseProxyUrl(route.proxyUrl) : null;
}

/** `host:port` as an HTTP request target or Host header (IPv6 literals in brackets). */
export function hostPort(host: string, port: number): string {
  return `${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** The Proxy-Authorization value for a proxy URL that carries a login, else undefined. */
export function proxyAuthorization(proxy: ProxyEndpoint): string | undefined {
  if (proxy.username === undefined && proxy.password === undefined) return undefined;
  return `Basic ${Buffer.from(`${proxy.username ?? ''}:${proxy.password ?? ''}`).toString('base64')}`;
}
