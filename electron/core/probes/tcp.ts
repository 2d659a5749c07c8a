// A TCP connection with the name lookup timed apart from the connect, failures classified by
// whether the far end is the service or a proxy.
import net from 'node:net';
import { msg, type MessageParam } from '../../../shared/i18n/message.ts';
import { Deadline, isCancelled, ms } from '../deadline.ts';
import { ProbeFailure } from './failure.ts';

export interface TcpConnection {
  socket: net.Socket;
  address: string;
  dnsMs: number;
  tcpMs: number;
}

export type PeerRole = 'target' | 'proxy';

/** The system resolver (getaddrinfo: /etc/hosts, then DNS), as Codex resolves names. */
export async function lookupAddress(host: string, deadline: Deadline): Promise<string> {
  if (net.isIP(host)) return host;
  const addresses = await deadline.race(deadline.lookup(host));
  const first = addresses[0];
  if (!first) throw Object.assign(new Error(`${host} has no addresses`), { code: 'ENOTFOUND' });
  return first.address;
}

export function cancelledFailure(): ProbeFailure {
  return new ProbeFailure('error', msg('probes.cancelled'), { cancelled: true });
}

export async function tcpConnect(
  host: string,
  port: number,
  deadline: Deadline,
  role: PeerRole,
): Promise<TcpConnection> {
  const who = role === 'proxy' ? msg('probes.tcp.proxy', { address: `${host}:${port}` }) : `${host}:${port}`;
  const t0 = performance.now();
  let address: string;
  try {
    address = await lookupAddress(host, deadline);
  } catch (error) {
    if (isCancelled(error)) throw cancelledFailure();
    const code = deadline.timedOut ? 'timeout' : ((error as NodeJS.ErrnoException).code ?? String(error));
    if (role === 'proxy') throw new ProbeFailure('proxy-unreachable', msg('probes.dns.proxy-name', { host, code }));
    throw new ProbeFailure('dns-error', msg('probes.dns.no-resolve', { host, code }));
  }
  const dnsMs = performance.now() - t0;
  const t1 = performance.now();
  const socket = net.connect({ host: address, port });
  socket.setNoDelay(true);
  try {
    await deadline.untilEvent(socket, 'connect');
  } catch (error) {
    socket.destroy();
    if (isCancelled(error)) throw cancelledFailure();
    const elapsed = Math.round(performance.now() - t1);
    const code = deadline.timedOut ? 'ETIMEDOUT' : ((error as NodeJS.ErrnoException).code ?? 'error');
    throw connectFailure(code, who, role, elapsed);
  }
  // A socket error after this point is the next step's to classify; keep it from crashing the process.
  socket.on('error', () => {});
  return { socket, address, dnsMs: ms(dnsMs), tcpMs: ms(performance.now() - t1) };
}

/** Maps a connect error code to a failure kind. `who` is the peer as shown: `host:port`, or a message for a proxy. */
export function connectFailure(code: string, who: MessageParam, role: PeerRole, elapsedMs: number): ProbeFailure {
  if (role === 'proxy') {
    const why =
      code === 'ECONNREFUSED'
        ? msg('probes.tcp.nothing-listens')
        : code === 'ETIMEDOUT'
          ? msg('probes.tcp.no-answer-in', { ms: elapsedMs })
          : code;
    return new ProbeFailure('proxy-unreachable', msg('probes.tcp.proxy-unreachable', { who, why }), { code });
  }
  switch (code) {
    case 'ECONNREFUSED':
      return new ProbeFailure('tcp-refused', msg('probes.tcp.refused', { who }), { code });
    case 'ETIMEDOUT':
      return new ProbeFailure('tcp-timeout', msg('probes.tcp.timeout', { who, ms: elapsedMs }), { code });
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EADDRNOTAVAIL':
      return new ProbeFailure('tcp-timeout', msg('probes.tcp.unreachable', { who, code }), { code });
    case 'ECONNRESET':
      return new ProbeFailure('reset', msg('probes.tcp.reset', { who }), { code });
    default:
      return new ProbeFailure('error', msg('probes.tcp.failed', { who, code }), { code });
  }
}
