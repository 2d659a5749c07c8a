// Every probe of one route to the endpoint, run side by side: the unit the diagnosis runs once per
// route (direct, the configured proxy, each local proxy).
import type { ProbeResult, Route } from '../../../shared/types.ts';
import { failureDetail, type ProbeOptions } from './failure.ts';
import { resolveHost } from './dns.ts';
import { runHttpsSteps } from './https.ts';
import { targetOf } from './target.ts';
import type { ProbeAuth } from './codex-headers.ts';
import type { TlsOptions } from './tls.ts';
import { probeWebSocket } from './websocket.ts';

export interface RouteProbeOptions extends ProbeOptions {
  ca?: TlsOptions['ca'];
  /** The credential Codex would send to the endpoint (and the provider's own headers). */
  auth?: ProbeAuth;
}

/** `<base_url>/responses` with ws:// or wss://: where Codex opens its WebSocket. */
export function websocketUrlFor(baseUrl: string): string {
  const url = new URL(`${baseUrl.replace(/\/+$/, '')}/responses`);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}

/** A cheap GET: 200 with a good credential, 401 with a rejected one or none. */
export function reachabilityUrlFor(baseUrl: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/models`;
}

/**
 * DNS (direct route only: through a proxy the proxy resolves), then the connection, TLS and an
 * HTTPS request on one connection and the WebSocket upgrade on another, concurrently. Results in
 * the order dns, tcp, tls, https, websocket. Never throws.
 */
export async function probeRoute(
  endpoint: { baseUrl: string },
  route: Route,
  opts: RouteProbeOptions,
): Promise<ProbeResult[]> {
  let host: string;
  try {
    host = targetOf(endpoint.baseUrl).host;
  } catch (error) {
    return [{ phase: 'https', route, ok: false, durationMs: 0, failure: 'error', detail: failureDetail(error) }];
  }
  const direct = !route.proxyUrl;
  const [dns, steps, websocket] = await Promise.all([
    direct ? resolveHost(host, { ...opts, route }) : Promise.resolve(null),
    runHttpsSteps(reachabilityUrlFor(endpoint.baseUrl), route, opts),
    probeWebSocket(websocketUrlFor(endpoint.baseUrl), route, opts),
  ]);
  return [...(dns ? [dns] : []), steps.tcp, ...(steps.tls ? [steps.tls] : []), steps.https, websocket];
}
