// The WebSocket upgrade to the exact URL Codex uses, with Codex's headers, through the route's
// tunnel; the answer classified as the recommendation needs it (refused by whom, stalled, reset…).
import { createHash, randomBytes } from 'node:crypto';
import type net from 'node:net';
import type { ProbeResult, Route, TlsInfo } from '../../../shared/types.ts';
import { websocketHeaders } from './codex-headers.ts';
import { Deadline, ProbeFailure, ms, type ProbeOptions } from './deadline.ts';
import { handshakeFailure } from './handshake-errors.ts';
import { evidenceHeaders, parseHttpHead, proxyFingerprint, type HttpHead } from './http-head.ts';
import type { Timings } from './https.ts';
import { failedResult, okResult } from './result.ts';
import { SocketReader } from './socket-reader.ts';
import { targetOf, type Target } from './target.ts';
import { tlsHandshake, tlsTrustFailure, type TlsOptions } from './tls.ts';
import { establishTunnel } from './tunnel.ts';

export interface WebSocketProbeOptions extends ProbeOptions {
  ca?: TlsOptions['ca'];
  /** Extra headers (a provider's http_headers); credentials among them are dropped. */
  headers?: Record<string, string>;
}

const WS_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

export function expectedAccept(key: string): string {
  return createHash('sha1').update(key + WS_GUID).digest('base64');
}

export function upgradeRequest(target: Target, key: string, extra?: Record<string, string>): string {
  const lines = [
    `GET ${target.requestPath} HTTP/1.1`,
    `Host: ${target.hostHeader}`,
    'Connection: Upgrade',
    'Upgrade: websocket',
    'Sec-WebSocket-Version: 13',
    `Sec-WebSocket-Key: ${key}`,
  ];
  for (const [name, value] of Object.entries(websocketHeaders(extra))) lines.push(`${name}: ${value}`);
  return `${lines.join('\r\n')}\r\n\r\n`;
}

/** 101 with the right accept key is ok; any other HTTP answer refuses, by the server or a proxy. */
export function classifyUpgradeAnswer(head: HttpHead, key: string): ProbeFailure | null {
  if (head.status === 101) {
    const accept = head.headers['sec-websocket-accept'];
    if (accept === expectedAccept(key) && /websocket/i.test(head.headers['upgrade'] ?? '')) return null;
    return new ProbeFailure('error', `101 Switching Protocols, but with a wrong Sec-WebSocket-Accept or Upgrade header`, { status: 101 });
  }
  const fingerprint = proxyFingerprint(head);
  const refusedBy = fingerprint ? 'proxy' : 'server';
  return new ProbeFailure(
    'refused',
    `the upgrade was refused by the ${refusedBy}: ${head.statusLine}${fingerprint ? ` (${fingerprint})` : ''}`,
    { status: head.status, statusLine: head.statusLine, refusedBy, headers: evidenceHeaders(head.headers) },
  );
}

/** A masked close frame (1000, normal closure), so a server that accepted sees a clean goodbye. */
function closeFrame(): Buffer {
  const mask = randomBytes(4);
  const payload = Buffer.from([0x03, 0xe8]);
  for (let i = 0; i < payload.length; i += 1) payload[i]! ^= mask[i % 4]!;
  return Buffer.concat([Buffer.from([0x88, 0x80 | payload.length]), mask, payload]);
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
      const handshake = await tlsHandshake(socket, { servername: target.host, ca: opts.ca }, deadline).catch((error: unknown) => {
        socket = undefined;
        throw error;
      });
      socket = handshake.socket;
      tlsInfo = handshake.info;
      timings.tlsMs = handshake.tlsMs;
      const trust = tlsTrustFailure(handshake.info, target.host);
      if (trust) throw trust;
    }

    const key = randomBytes(16).toString('base64');
    const reader = new SocketReader(socket, deadline.signal);
    const sentAt = performance.now();
    let head: HttpHead | null;
    try {
      socket.write(upgradeRequest(target, key, opts.headers));
      head = parseHttpHead(await reader.readHttpHead());
    } catch (error) {
      throw handshakeFailure(error, reader, deadline, {
        waitingFor: `the answer to the WebSocket upgrade of ${target.display}`,
        expect: 'http',
        peerIsProxy: false,
        closedSilently: 'reset',
      });
    } finally {
      reader.release();
    }
    if (reader.firstByteAt !== undefined) timings.firstByteMs = ms(reader.firstByteAt - sentAt);
    if (!head) throw new ProbeFailure('error', 'the answer to the upgrade has no HTTP status line');
    const failure = classifyUpgradeAnswer(head, key);
    if (failure) return failedResult('websocket', route, deadline, failure, context());
    socket.end(closeFrame());
    const who = route.proxyUrl ? ` through ${route.display ?? route.label}` : '';
    return okResult('websocket', route, deadline, `101 Switching Protocols from ${target.display}${who}`, { status: 101, ...context() });
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
