// The WebSocket upgrade to the exact URL Codex uses, with Codex's headers, through the route's
// tunnel; the answer classified as the recommendation needs it (refused by whom, stalled, reset…).
import { createHash, randomBytes } from 'node:crypto';
import type net from 'node:net';
import type { ProbeResult, Route, TlsInfo } from '../../../shared/types.ts';
import { msg } from '../../../shared/i18n/message.ts';
import { authHeaderLines, websocketHeaders, type ProbeAuth } from './codex-headers.ts';
import { Deadline, ms } from '../deadline.ts';
import { ProbeFailure, type ProbeOptions } from './failure.ts';
import { exchangeHttpHead } from './handshake-errors.ts';
import { evidenceHeaders, proxyFingerprint, serviceSigns, type HttpHead } from './http-head.ts';
import type { Timings } from './https.ts';
import { failedResult, okResult } from './result.ts';
import { targetOf, type Target } from './target.ts';
import { tlsHandshake, tlsTrustFailure, type TlsOptions } from './tls.ts';
import { establishTunnel } from './tunnel.ts';
import { closeFrame, pingRoundTrip } from './websocket-frames.ts';

export interface WebSocketProbeOptions extends ProbeOptions {
  ca?: TlsOptions['ca'];
  /** Extra headers to look like Codex; credentials among them are dropped (they go in `auth`). */
  headers?: Record<string, string>;
  /** The credential Codex would send to this endpoint. */
  auth?: ProbeAuth;
}

const WS_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

export function expectedAccept(key: string): string {
  return createHash('sha1')
    .update(key + WS_GUID)
    .digest('base64');
}

export function upgradeRequest(target: Target, key: string, extra?: Record<string, string>, auth?: ProbeAuth): string {
  const lines = [
    `GET ${target.requestPath} HTTP/1.1`,
    `Host: ${target.hostHeader}`,
    'Connection: Upgrade',
    'Upgrade: websocket',
    'Sec-WebSocket-Version: 13',
    `Sec-WebSocket-Key: ${key}`,
  ];
  for (const [name, value] of Object.entries(websocketHeaders(extra))) lines.push(`${name}: ${value}`);
  lines.push(...authHeaderLines(auth));
  return `${lines.join('\r\n')}\r\n\r\n`;
}

/**
 * 101 with the right accept key is ok. A 401/403 that bears the service's own signs (its request
 * id, its JSON error) is `unauthenticated` when the probe had no credential to send — the upgrade
 * reached the service — and a 401 is `login-rejected` when it did. Any other answer refuses, by the
 * server or a proxy.
 */
export function classifyUpgradeAnswer(head: HttpHead, key: string, credentialSent = false): ProbeFailure | null {
  if (head.status === 101) {
    const accept = head.headers['sec-websocket-accept'];
    if (accept === expectedAccept(key) && /websocket/i.test(head.headers['upgrade'] ?? '')) return null;
    return new ProbeFailure('error', msg('probes.ws.bad-accept'), { status: 101 });
  }
  const fingerprint = proxyFingerprint(head);
  const evidence = { status: head.status, statusLine: head.statusLine, headers: evidenceHeaders(head.headers) };
  if (!fingerprint && (head.status === 401 || head.status === 403) && serviceSigns(head.headers)) {
    if (!credentialSent) {
      return new ProbeFailure('unauthenticated', msg('probes.ws.unauthenticated', { status: head.statusLine }), {
        ...evidence,
        refusedBy: 'server',
      });
    }
    if (head.status === 401) {
      return new ProbeFailure('login-rejected', msg('probes.login-rejected', { status: head.statusLine }), {
        ...evidence,
        refusedBy: 'server',
      });
    }
  }
  const refusedBy = fingerprint ? 'proxy' : 'server';
  return new ProbeFailure(
    'refused',
    fingerprint
      ? msg('probes.ws.refused-by-proxy', { status: head.statusLine, fingerprint })
      : msg('probes.ws.refused-by-server', { status: head.statusLine }),
    { ...evidence, refusedBy },
  );
}

export async function probeWebSocket(wsUrl: string, route: Route, opts: WebSocketProbeOptions): Promise<ProbeResult> {
  const deadline = new Deadline(opts.timeoutMs, opts.signal, opts.lookup);
  const timings: Timings = {};
  let via = 'direct';
  let tlsInfo: TlsInfo | undefined;
  let socket: net.Socket | undefined;
  const context = () => ({ via, timings, ...(tlsInfo ? { tls: tlsInfo } : {}) });
  try {
    const target = targetOf(wsUrl);
    let tunnel;
    try {
      tunnel = await establishTunnel(route, target.host, target.port, deadline);
    } catch (error) {
      // A tunnel the proxy refused is a refusal by the proxy, whatever the server would say.
      if (error instanceof ProbeFailure && error.kind === 'connect-denied') error.data.refusedBy = 'proxy';
      throw error;
    }
    socket = tunnel.socket;
    via = tunnel.via;
    Object.assign(timings, tunnel.timings);
    if (target.secure) {
      const handshake = await tlsHandshake(socket, { servername: target.host, ca: opts.ca }, deadline).catch(
        (error: unknown) => {
          socket = undefined;
          throw error;
        },
      );
      socket = handshake.socket;
      tlsInfo = handshake.info;
      timings.tlsMs = handshake.tlsMs;
      const trust = tlsTrustFailure(handshake.info, target.host);
      if (trust) throw trust;
    }

    const key = randomBytes(16).toString('base64');
    const exchange = await exchangeHttpHead(socket, upgradeRequest(target, key, opts.headers, opts.auth), deadline, {
      waitingFor: msg('probes.ws.waiting', { url: target.display }),
      expect: 'http',
      peerIsProxy: false,
      closedSilently: 'reset',
    });
    const head = exchange.head;
    if (exchange.firstByteMs !== undefined) timings.firstByteMs = exchange.firstByteMs;
    if (!head) throw new ProbeFailure('error', msg('probes.ws.no-status-line'));
    const failure = classifyUpgradeAnswer(head, key, opts.auth?.usable ?? false);
    if (failure) return failedResult('websocket', route, deadline, failure, context());
    // A handshake alone proves little: some middleboxes accept it and kill the first frame.
    const pongMs = ms(await pingRoundTrip(socket, deadline));
    socket.end(closeFrame());
    const authenticated = opts.auth?.usable ?? false;
    const detail = route.proxyUrl
      ? msg(authenticated ? 'probes.ws.ok-through-authenticated' : 'probes.ws.ok-through', {
          url: target.display,
          route: route.display ?? route.label,
          ms: pongMs,
        })
      : msg(authenticated ? 'probes.ws.ok-authenticated' : 'probes.ws.ok', { url: target.display, ms: pongMs });
    return okResult('websocket', route, deadline, detail, {
      status: 101,
      pongMs,
      authenticated: opts.auth?.usable ?? false,
      ...context(),
    });
  } catch (error) {
    return failedResult('websocket', route, deadline, error, context());
  } finally {
    // After a clean close frame, give the peer a moment; anything else is torn down now.
    const s = socket;
    if (s && !s.writableEnded) s.destroy();
    else if (s) setTimeout(() => s.destroy(), 200).unref();
    deadline.dispose();
  }
}
