// A proxy URL as the probes use it: parsed by the one parser (shared/proxy-url.ts, Codex's rules),
// a ProbeFailure when Codex could not use it.
import type { Route } from '../../../shared/types.ts';
import { msg } from '../../../shared/i18n/message.ts';
import { parseProxyUrl, type ProxyScheme } from '../../../shared/proxy-url.ts';
import { redactUrl } from '../redact.ts';
import { ProbeFailure } from './failure.ts';

export interface ProxyEndpoint {
  scheme: ProxyScheme;
  host: string;
  port: number;
  /** Decoded; the user's proxy login, sent only to that proxy. */
  username?: string;
  password?: string;
  display: string;
}

/** The proxy a URL names (a bare host:port counts as http://, as curl and Codex's clients read it). */
export function proxyEndpoint(raw: string): ProxyEndpoint {
  const parsed = parseProxyUrl(raw);
  if (!parsed.ok) {
    const url = redactUrl(raw);
    if (parsed.problem === 'scheme')
      throw new ProbeFailure('error', msg('probes.url.proxy-scheme', { scheme: parsed.scheme, url }));
    if (parsed.problem === 'no-host') throw new ProbeFailure('error', msg('probes.url.proxy-no-host', { url }));
    throw new ProbeFailure('error', msg('probes.url.not-proxy-url', { url }));
  }
  const { scheme, host, port, username, password } = parsed.proxy;
  const endpoint: ProxyEndpoint = { scheme, host, port, display: redactUrl(raw) };
  if (username !== undefined) endpoint.username = username;
  if (password !== undefined) endpoint.password = password;
  return endpoint;
}

export function routeProxy(route: Route): ProxyEndpoint | null {
  return route.proxyUrl ? proxyEndpoint(route.proxyUrl) : null;
}

/** The Proxy-Authorization value for a proxy URL that carries a login, else undefined. */
export function proxyAuthorization(proxy: ProxyEndpoint): string | undefined {
  if (proxy.username === undefined && proxy.password === undefined) return undefined;
  return `Basic ${Buffer.from(`${proxy.username ?? ''}:${proxy.password ?? ''}`).toString('base64')}`;
}
