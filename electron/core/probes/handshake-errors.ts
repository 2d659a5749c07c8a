// Classifies what went wrong while waiting for a handshake answer (a proxy's CONNECT reply, a
// SOCKS reply, a WebSocket upgrade answer): silence, a close, or bytes of another protocol.
import type { FailureKind } from '../../../shared/types.ts';
import { msg, type Message } from '../../../shared/i18n/message.ts';
import { Deadline, isCancelled, ms } from '../deadline.ts';
import type net from 'node:net';
import { ProbeFailure } from './failure.ts';
import { describeBytes, looksLikeHttp, parseHttpHead, type HttpHead } from './http-head.ts';
import { HeadTooLong, NotHttp, PeerClosed, SocketReader } from './socket-reader.ts';
import { cancelledFailure } from './tcp.ts';

export interface HandshakeContext {
  /** What we waited for, as a noun phrase, e.g. `the proxy's answer to CONNECT`. */
  waitingFor: Message;
  /** The protocol we expected: bytes of the other one mean the port speaks something else. */
  expect: 'http' | 'socks5';
  /** Whether the peer is a proxy (a mismatch then is a proxy-protocol-mismatch). */
  peerIsProxy: boolean;
  /** The failure when the peer closes without a single byte. */
  closedSilently: FailureKind;
}

export function handshakeFailure(
  error: unknown,
  reader: SocketReader,
  deadline: Deadline,
  ctx: HandshakeContext,
): ProbeFailure {
  if (error instanceof ProbeFailure) return error;
  if (isCancelled(error)) return cancelledFailure();
  const seen = error instanceof NotHttp ? error.bytes : reader.peek();
  const mismatchKind: FailureKind = ctx.peerIsProxy ? 'proxy-protocol-mismatch' : 'error';
  const what = ctx.waitingFor;
  if (seen.length > 0) {
    const isHttp = looksLikeHttp(seen);
    if (ctx.expect === 'http' && !isHttp) {
      const bytes = describeBytes(seen);
      return new ProbeFailure(
        mismatchKind,
        msg(seen[0] === 0x05 ? 'probes.handshake.not-http-socks' : 'probes.handshake.not-http', { what, bytes }),
        {
          firstBytes: bytes,
        },
      );
    }
    if (ctx.expect === 'socks5' && isHttp) {
      return new ProbeFailure(
        mismatchKind,
        msg('probes.handshake.http-not-socks', { what, bytes: describeBytes(seen, 40) }),
        {
          firstBytes: describeBytes(seen, 40),
        },
      );
    }
  }
  if (deadline.timedOut) {
    return new ProbeFailure(
      'stalled',
      seen.length
        ? msg('probes.handshake.stalled-partial', { what, ms: deadline.timeoutMs, count: seen.length })
        : msg('probes.handshake.stalled', { what, ms: deadline.timeoutMs }),
    );
  }
  if (error instanceof PeerClosed) {
    if (error.code === 'ECONNRESET') return new ProbeFailure('reset', msg('probes.handshake.reset-before', { what }));
    if (reader.received === 0) {
      return new ProbeFailure(ctx.closedSilently, msg('probes.handshake.closed-before', { what }));
    }
    return new ProbeFailure('reset', msg('probes.handshake.closed-during', { what }));
  }
  if (error instanceof HeadTooLong)
    return new ProbeFailure(mismatchKind, msg('probes.handshake.head-too-long', { what, bytes: error.maxBytes }));
  return new ProbeFailure(mismatchKind, msg('probes.handshake.other', { what, error: (error as Error).message }));
}

/**
 * Sends an HTTP request on the socket and reads the answer's head; a failure is classified by
 * handshakeFailure with `context`. `firstByteMs` is from the request to the answer's first byte.
 */
export async function exchangeHttpHead(
  socket: net.Socket,
  request: string,
  deadline: Deadline,
  context: HandshakeContext,
): Promise<{ head: HttpHead | null; firstByteMs?: number }> {
  const reader = new SocketReader(socket, deadline.signal);
  const sentAt = performance.now();
  let head: HttpHead | null;
  try {
    socket.write(request);
    head = parseHttpHead(await reader.readHttpHead());
  } catch (error) {
    throw handshakeFailure(error, reader, deadline, context);
  } finally {
    reader.release();
  }
  return reader.firstByteAt === undefined ? { head } : { head, firstByteMs: ms(reader.firstByteAt - sentAt) };
}
