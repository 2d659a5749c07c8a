// One HTTP(S) request to the service, as Codex's HTTP client would route and authenticate it: any
// answer from the service proves it is reachable (401 included when there was no credential to
// send); a 401 to the credential Codex would send means its login is rejected; a proxy's own page
// proves nothing.
import type net from 'node:net';
import type { ProbeResult, Route, TlsInfo } from '../../../shared/types.ts';
import { msg, type Message } from '../../../shared/i18n/message.ts';
import { authHeaderLines, type ProbeAuth } from './codex-headers.ts';
import { Deadline, ms } from '../deadline.ts';
import { ProbeFailure, type ProbeOptions } from './failure.ts';
import { exchangeHttpHead } from './handshake-errors.ts';
import { evidenceHeaders, proxyFingerprint, type HttpHead } from './http-head.ts';
import { proxyAuthorization, routeProxy, type ProxyEndpoint } from './proxy-url.ts';
import { failedResult, okResult } from './result.ts';
import { targetOf, type Target } from './target.ts';
import { tcpConnect } from './tcp.ts';
import { tlsHandshake, tlsOkDetail, tlsTrustFailure, type TlsOptions } from './tls.ts';
import { establishTunnel } from './tunnel.ts';

export interface HttpsProbeOptions extends ProbeOptions {
  ca?: TlsOptions['ca'];
  /** The credential Codex would send. Never sent to a forwarding proxy (plain http:// through it): only to the service. */
  auth?: ProbeAuth;
}

/** Identifies the probe honestly. */
export const PROBE_USER_AGENT = 'codex-connection-doctor/0.1 (reachability probe)';

export interface Timings {
  dnsMs?: number;
  tcpMs?: number;
  proxyMs?: number;
  tlsMs?: number;
  firstByteMs?: number;
}

export type HttpVia = 'direct' | 'http-connect' | 'socks5' | 'http-forward';

/** The results of the steps of one request: the connection, TLS (https only) and the answer. */
export interface HttpsSteps {
  tcp: ProbeResult;
  tls?: ProbeResult;
  https: ProbeResult;
}

export function httpRequest(target: Target, opts: { forwardVia?: ProxyEndpoint; auth?: ProbeAuth } = {}): string {
  // Through an HTTP proxy, a plain-http URL goes as an absolute-URI request, not a tunnel.
  const requestTarget = opts.forwardVia ? `http://${target.hostHeader}${target.requestPath}` : target.requestPath;
  const lines = [
    `GET ${requestTarget} HTTP/1.1`,
    `Host: ${target.hostHeader}`,
    `User-Agent: ${PROBE_USER_AGENT}`,
    'Accept: application/json',
    'Connection: close',
  ];
  const proxyAuth = opts.forwardVia && proxyAuthorization(opts.forwardVia);
  if (proxyAuth) lines.push(`Proxy-Authorization: ${proxyAuth}`);
  // A forwarding proxy would read the credential in the clear: it goes only into tunnels.
  if (!opts.forwardVia) lines.push(...authHeaderLines(opts.auth));
  return `${lines.join('\r\n')}\r\n\r\n`;
}

/** Reachable (the service answered), the login rejected, or the proxy's own error page. */
export function classifyHttpAnswer(head: HttpHead, throughProxy: boolean, credentialSent = false): ProbeFailure | null {
  if (head.status === 407 && throughProxy) {
    return new ProbeFailure('proxy-auth-required', msg('probes.https.proxy-login', { status: head.statusLine }));
  }
  const fingerprint = proxyFingerprint(head);
  if (fingerprint)
    return new ProbeFailure(
      'proxy-error-page',
      msg('probes.https.proxy-page', { status: head.statusLine, fingerprint }),
    );
  if (head.status === 401 && credentialSent) {
    return new ProbeFailure('login-rejected', msg('probes.login-rejected', { status: head.statusLine }));
  }
  if (head.status < 200 || head.status > 599)
    return new ProbeFailure('error', msg('probes.https.unexpected', { status: head.statusLine }));
  return null;
}

function stepResult(
  phase: 'tcp' | 'tls',
  route: Route,
  ok: boolean,
  durationMs: number,
  detail: Message,
  data: Record<string, unknown>,
  failure?: ProbeFailure,
): ProbeResult {
  return {
    phase,
    route,
    ok,
    durationMs: ms(durationMs),
    detail,
    ...(failure ? { failure: failure.kind } : {}),
    data,
  };
}

/** Runs the request step by step; never throws. */
export async function runHttpsSteps(url: string, route: Route, opts: HttpsProbeOptions): Promise<HttpsSteps> {
  const deadline = new Deadline(opts.timeoutMs, opts.signal, opts.lookup);
  const timings: Timings = {};
  let via: HttpVia = 'direct';
  let tcp: ProbeResult | undefined;
  let tlsStep: ProbeResult | undefined;
  let tlsInfo: TlsInfo | undefined;
  let socket: net.Socket | undefined;
  const fail = (error: unknown, extra: Record<string, unknown> = {}): HttpsSteps => {
    const https = failedResult('https', route, deadline, error, {
      via,
      timings,
      ...(tlsInfo ? { tls: tlsInfo } : {}),
      ...extra,
    });
    tcp ??= { ...https, phase: 'tcp' };
    return { tcp, ...(tlsStep ? { tls: tlsStep } : {}), https };
  };
  try {
    const target = targetOf(url);
    const proxy = routeProxy(route);
    const forward = !target.secure && proxy?.scheme === 'http';
    if (forward) {
      via = 'http-forward';
      const conn = await tcpConnect(proxy.host, proxy.port, deadline, 'proxy');
      socket = conn.socket;
      Object.assign(timings, { dnsMs: conn.dnsMs, tcpMs: conn.tcpMs });
      tcp = stepResult(
        'tcp',
        route,
        true,
        conn.dnsMs + conn.tcpMs,
        msg('probes.tunnel.forward', { proxy: proxy.display }),
        { via, timings: { ...timings } },
      );
    } else {
      const tunnel = await establishTunnel(route, target.host, target.port, deadline);
      socket = tunnel.socket;
      via = tunnel.via;
      Object.assign(timings, tunnel.timings);
      const t = tunnel.timings;
      tcp = stepResult('tcp', route, true, t.dnsMs + t.tcpMs + (t.proxyMs ?? 0), tunnel.detail, {
        via,
        timings: { ...t },
      });
    }
    if (target.secure) {
      const handshake = await tlsHandshake(socket, { servername: target.host, ca: opts.ca }, deadline).catch(
        (error: unknown) => {
          socket = undefined; // tlsHandshake closed it
          tlsStep = failedResult('tls', route, deadline, error);
          throw error;
        },
      );
      socket = handshake.socket;
      tlsInfo = handshake.info;
      timings.tlsMs = handshake.tlsMs;
      const trust = tlsTrustFailure(handshake.info, target.host);
      tlsStep = stepResult(
        'tls',
        route,
        !trust,
        handshake.tlsMs,
        trust?.detail ?? tlsOkDetail(tlsInfo),
        { ...tlsInfo, tlsMs: handshake.tlsMs },
        trust ?? undefined,
      );
      // Codex would stop here: it does not talk over a connection it cannot verify.
      if (trust) return fail(trust);
    }

    const exchange = await exchangeHttpHead(
      socket,
      httpRequest(target, forward ? { forwardVia: proxy! } : { auth: opts.auth }),
      deadline,
      {
        waitingFor: msg('probes.https.waiting', { host: target.hostHeader }),
        expect: 'http',
        peerIsProxy: forward,
        closedSilently: forward ? 'proxy-protocol-mismatch' : 'reset',
      },
    );
    const head = exchange.head;
    if (exchange.firstByteMs !== undefined) timings.firstByteMs = exchange.firstByteMs;
    if (!head) throw new ProbeFailure('error', msg('probes.https.no-status-line'));
    const data: Record<string, unknown> = {
      status: head.status,
      statusLine: head.statusLine,
      headers: evidenceHeaders(head.headers),
      via,
      timings,
      ...(tlsInfo ? { tls: tlsInfo } : {}),
    };
    if (via === 'socks5') {
      data.note = msg('probes.https.socks-note');
    }
    const credentialSent = !forward && (opts.auth?.usable ?? false);
    data.authenticated = credentialSent;
    const failure = classifyHttpAnswer(head, via !== 'direct', credentialSent);
    if (failure) return fail(failure, data);
    const answer = {
      scheme: target.url.protocol.slice(0, -1).toUpperCase(),
      status: head.statusLine.replace(/^HTTP\/[\d.]+ /, ''),
      host: target.hostHeader,
    };
    const detail = route.proxyUrl
      ? msg('probes.https.answers-through', { ...answer, route: route.display ?? route.label })
      : msg('probes.https.answers', answer);
    const https = okResult('https', route, deadline, detail, data);
    return { tcp, ...(tlsStep ? { tls: tlsStep } : {}), https };
  } catch (error) {
    return fail(error);
  } finally {
    socket?.destroy();
    deadline.dispose();
  }
}

/** GETs the URL along the route, with Codex's credential where it may go; ok when the service itself answered. */
export async function probeHttps(url: string, route: Route, opts: HttpsProbeOptions): Promise<ProbeResult> {
  return (await runHttpsSteps(url, route, opts)).https;
}
