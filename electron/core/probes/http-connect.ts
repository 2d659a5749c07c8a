// An HTTP proxy tunnel: `CONNECT host:port`, the way Codex's WebSocket client asks for one.
import type net from 'node:net';
import { msg } from '../../../shared/i18n/message.ts';
import { Deadline, ms } from '../deadline.ts';
import { ProbeFailure } from './failure.ts';
import { handshakeFailure } from './handshake-errors.ts';
import { evidenceHeaders, parseHttpHead, type HttpHead } from './http-head.ts';
import { proxyAuthorization, type ProxyEndpoint } from './proxy-url.ts';
import { SocketReader } from './socket-reader.ts';
import { formatHostPort } from '../environment/host-port.ts';

export function connectRequest(proxy: ProxyEndpoint, host: string, port: number): string {
  const target = formatHostPort({ host, port });
  const lines = [`CONNECT ${target} HTTP/1.1`, `Host: ${target}`];
  // The user's own proxy login, sent to that proxy only, as Codex would.
  const auth = proxyAuthorization(proxy);
  if (auth) lines.push(`Proxy-Authorization: ${auth}`);
  return `${lines.join('\r\n')}\r\n\r\n`;
}

/** Turns the proxy's answer to CONNECT into success or a classified failure. */
export function classifyConnectAnswer(head: HttpHead, proxy: ProxyEndpoint): ProbeFailure | null {
  if (head.status >= 200 && head.status < 300) return null;
  const data = { status: head.status, statusLine: head.statusLine, headers: evidenceHeaders(head.headers) };
  const server = head.headers['server'] ? ` (Server: ${head.headers['server']})` : '';
  if (head.status === 407) {
    const id = proxyAuthorization(proxy) ? 'probes.connect.login-rejected' : 'probes.connect.login-wanted';
    return new ProbeFailure('proxy-auth-required', msg(id, { status: head.statusLine, headers: server }), data);
  }
  // The headers that say who refused, as the proxy sent them.
  const squid = head.headers['x-squid-error'] ? `, X-Squid-Error: ${head.headers['x-squid-error']}` : '';
  const via = head.headers['via'] ? `, Via: ${head.headers['via']}` : '';
  return new ProbeFailure(
    'connect-denied',
    msg('probes.connect.denied', { status: head.statusLine, headers: `${server}${squid}${via}` }),
    data,
  );
}

export interface ConnectOutcome {
  statusLine: string;
  proxyMs: number;
}

/** Asks the proxy for a tunnel on an open socket to it; on success the socket is the tunnel. */
export async function httpConnect(
  socket: net.Socket,
  proxy: ProxyEndpoint,
  host: string,
  port: number,
  deadline: Deadline,
): Promise<ConnectOutcome> {
  const t0 = performance.now();
  const reader = new SocketReader(socket, deadline.signal);
  let head: HttpHead | null;
  try {
    socket.write(connectRequest(proxy, host, port));
    head = parseHttpHead(await reader.readHttpHead());
  } catch (error) {
    throw handshakeFailure(error, reader, deadline, {
      waitingFor: msg('probes.connect.waiting', { target: formatHostPort({ host, port }) }),
      expect: 'http',
      peerIsProxy: true,
      closedSilently: 'proxy-protocol-mismatch',
    });
  } finally {
    reader.release();
  }
  if (!head) throw new ProbeFailure('proxy-protocol-mismatch', msg('probes.connect.not-http'));
  const failure = classifyConnectAnswer(head, proxy);
  if (failure) throw failure;
  return { statusLine: head.statusLine, proxyMs: ms(performance.now() - t0) };
}
