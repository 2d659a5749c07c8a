// The network probes: how Codex's connections to its endpoint fare along each route.
export { systemLookup, type LookupFn } from '../deadline.ts';
export { type ProbeOptions } from './failure.ts';
export { resolveHost, isFakeIp, type DnsAnswer } from './dns.ts';
export { openTunnel, type Tunnel, type TunnelResult, type TunnelTimings } from './tunnel.ts';
export { probeTls, type TlsOptions } from './tls.ts';
export {
  probeHttps,
  runHttpsSteps,
  classifyHttpAnswer,
  PROBE_USER_AGENT,
  type HttpsProbeOptions,
  type HttpsSteps,
  type Timings,
} from './https.ts';
export { probeWebSocket, type WebSocketProbeOptions } from './websocket.ts';
export { CODEX_WEBSOCKET_HEADERS } from './codex-headers.ts';
export { sniffProxyPort, type SniffResult } from './sniff.ts';
export { probeRoute, websocketUrlFor, reachabilityUrlFor, type RouteProbeOptions } from './route.ts';
export { proxyEndpoint, type ProxyEndpoint } from './proxy-url.ts';
export { proxyFingerprint, parseHttpHead } from './http-head.ts';
