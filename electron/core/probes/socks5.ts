// A SOCKS5 tunnel (RFC 1928), with username/password auth (RFC 1929) when the proxy URL has a
// login. socks5:// resolves the name here; socks5h:// lets the proxy resolve it.
import net from 'node:net';
import type { FailureKind } from '../../../shared/types.ts';
import { msg, type Message, type MessageId } from '../../../shared/i18n/message.ts';
import { Deadline, isCancelled, ms } from '../deadline.ts';
import { ProbeFailure } from './failure.ts';
import { handshakeFailure, type HandshakeContext } from './handshake-errors.ts';
import { describeBytes } from './http-head.ts';
import { type ProxyEndpoint } from './proxy-url.ts';
import { SocketReader } from './socket-reader.ts';
import { cancelledFailure, lookupAddress } from './tcp.ts';
import { formatHostPort } from '../environment/host-port.ts';

const REPLY_MEANINGS: Record<number, { kind: FailureKind; text: MessageId }> = {
  0x01: { kind: 'error', text: 'probes.socks.reply-01' },
  0x02: { kind: 'connect-denied', text: 'probes.socks.reply-02' },
  0x03: { kind: 'tcp-timeout', text: 'probes.socks.reply-03' },
  0x04: { kind: 'tcp-timeout', text: 'probes.socks.reply-04' },
  0x05: { kind: 'tcp-refused', text: 'probes.socks.reply-05' },
  0x06: { kind: 'tcp-timeout', text: 'probes.socks.reply-06' },
  0x07: { kind: 'proxy-protocol-mismatch', text: 'probes.socks.reply-07' },
  0x08: { kind: 'proxy-protocol-mismatch', text: 'probes.socks.reply-08' },
};

/** The failure a SOCKS5 reply code stands for, or null for success (0x00). */
export function socksReplyFailure(code: number): ProbeFailure | null {
  if (code === 0x00) return null;
  const known = REPLY_MEANINGS[code];
  const meaning = known ? msg(known.text) : msg('probes.socks.reply-unknown', { code: code.toString(16) });
  return new ProbeFailure(
    known?.kind ?? 'error',
    msg('probes.socks.reply', { code: code.toString(16).padStart(2, '0'), meaning }),
    {
      socksReply: code,
    },
  );
}

/** The CONNECT request: by IP when resolved locally, else by name (ATYP 0x03). */
export function socksConnectRequest(target: string, port: number): Buffer {
  let address: Buffer;
  if (net.isIPv4(target)) {
    address = Buffer.from([0x01, ...target.split('.').map(Number)]);
  } else if (net.isIPv6(target)) {
    address = Buffer.concat([Buffer.from([0x04]), ipv6Bytes(target)]);
  } else {
    const name = Buffer.from(target, 'utf8');
    if (name.length > 255) throw new ProbeFailure('error', msg('probes.socks.name-too-long'));
    address = Buffer.concat([Buffer.from([0x03, name.length]), name]);
  }
  const portBytes = Buffer.alloc(2);
  portBytes.writeUInt16BE(port);
  return Buffer.concat([Buffer.from([0x05, 0x01, 0x00]), address, portBytes]);
}

function ipv6Bytes(address: string): Buffer {
  const [head = '', tail = ''] = address.split('::') as [string, string?];
  const parts = (s: string) => (s ? s.split(':') : []);
  const headParts = parts(head);
  const tailParts = address.includes('::') ? parts(tail) : [];
  const groups = [...headParts, ...Array(8 - headParts.length - tailParts.length).fill('0'), ...tailParts];
  const out = Buffer.alloc(16);
  groups.forEach((g, i) => out.writeUInt16BE(parseInt(g, 16) || 0, i * 2));
  return out;
}

export interface SocksOutcome {
  proxyMs: number;
  /** The address sent to the proxy: an IP (socks5://) or the name (socks5h://). */
  requested: string;
}

export async function socks5Connect(
  socket: net.Socket,
  proxy: ProxyEndpoint,
  host: string,
  port: number,
  deadline: Deadline,
): Promise<SocksOutcome> {
  const t0 = performance.now();
  let target = host;
  if (proxy.scheme === 'socks5' && !net.isIP(host)) {
    try {
      target = await lookupAddress(host, deadline);
    } catch (error) {
      if (isCancelled(error)) throw cancelledFailure();
      const code = deadline.timedOut ? 'timeout' : ((error as NodeJS.ErrnoException).code ?? 'error');
      throw new ProbeFailure('dns-error', msg('probes.socks.no-local-resolve', { host, code }));
    }
  }
  const withLogin = proxy.username !== undefined || proxy.password !== undefined;
  const reader = new SocketReader(socket, deadline.signal);
  const ctx = (waitingFor: Message): HandshakeContext => ({
    waitingFor,
    expect: 'socks5',
    peerIsProxy: true,
    closedSilently: 'proxy-protocol-mismatch',
  });
  let step = ctx(msg('probes.socks.waiting-greeting'));
  try {
    socket.write(Buffer.from(withLogin ? [0x05, 0x02, 0x00, 0x02] : [0x05, 0x01, 0x00]));
    const choice = await reader.readExactly(2);
    if (choice[0] !== 0x05) {
      throw new ProbeFailure(
        'proxy-protocol-mismatch',
        msg('probes.socks.not-socks', { bytes: describeBytes(Buffer.concat([choice, reader.peek()])) }),
      );
    }
    if (choice[1] === 0xff || (choice[1] === 0x02 && !withLogin)) {
      throw new ProbeFailure(
        'proxy-auth-required',
        msg(withLogin ? 'probes.socks.no-method' : 'probes.socks.login-wanted'),
      );
    }
    if (choice[1] === 0x02) {
      step = ctx(msg('probes.socks.waiting-login'));
      const user = Buffer.from(proxy.username ?? '', 'utf8');
      const pass = Buffer.from(proxy.password ?? '', 'utf8');
      socket.write(Buffer.concat([Buffer.from([0x01, user.length]), user, Buffer.from([pass.length]), pass]));
      const answer = await reader.readExactly(2);
      if (answer[1] !== 0x00) throw new ProbeFailure('proxy-auth-required', msg('probes.socks.login-rejected'));
    } else if (choice[1] !== 0x00) {
      throw new ProbeFailure(
        'proxy-protocol-mismatch',
        msg('probes.socks.unknown-method', { method: choice[1]!.toString(16) }),
      );
    }
    step = ctx(msg('probes.socks.waiting-connect', { target: formatHostPort({ host: target, port }) }));
    socket.write(socksConnectRequest(target, port));
    const reply = await reader.readExactly(4);
    const failure = socksReplyFailure(reply[1]!);
    if (failure) throw failure;
    const atyp = reply[3];
    const addressLength =
      atyp === 0x01 ? 4 : atyp === 0x04 ? 16 : atyp === 0x03 ? (await reader.readExactly(1))[0]! : -1;
    if (addressLength < 0)
      throw new ProbeFailure(
        'proxy-protocol-mismatch',
        msg('probes.socks.unknown-address-type', { type: String(atyp?.toString(16)) }),
      );
    await reader.readExactly(addressLength + 2);
  } catch (error) {
    throw handshakeFailure(error, reader, deadline, step);
  } finally {
    reader.release();
  }
  return { proxyMs: ms(performance.now() - t0), requested: target };
}
