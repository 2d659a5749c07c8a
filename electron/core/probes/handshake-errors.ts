// Classifies what went wrong while waiting for a handshake answer (a proxy's CONNECT reply, a
// SOCKS reply, a WebSocket upgrade answer): silence, a close, or bytes of another protocol.
import type { FailureKind } from '../../../shared/types.ts';
import { Deadline, ProbeFailure, isCancelled } from './deadline.ts';
import { describeBytes, looksLikeHttp } from './http-head.ts';
import { NotHttp, PeerClosed, type SocketReader } from './socket-reader.ts';
import { cancelledFailure } from './tcp.ts';

export interface HandshakeContext {
  /** What we waited for, as a noun phrase, e.g. `the proxy's answer to CONNECT`. */
  waitingFor: string;
  /** The protocol we expected: bytes of the other one mean the port speaks something else. */
  expect: 'http' | 'socks5';
  /** Whether the peer is a proxy (a mismatch then is a proxy-protocol-mismatch). */
  peerIsProxy: boolean;
  /** The failure when the peer closes without a single byte. */
  closedSilently: FailureKind;
}

export function handshakeFailure(error: unknown, reader: SocketReader, deadline: Deadline, ctx: HandshakeContext): ProbeFailure {
  if (error instanceof ProbeFailure) return error;
  if (isCancelled(error)) return cancelledFailure();
  const seen = error instanceof NotHttp ? error.bytes : reader.peek();
  const mismatchKind: FailureKind = ctx.peerIsProxy ? 'proxy-protocol-mismatch' : 'error';
  if (seen.length > 0) {
    const isHttp = looksLikeHttp(seen);
    if (ctx.expect === 'http' && !isHttp) {
      return new ProbeFailure(mismatchKind, `${ctx.waitingFor} is not HTTP: it began ${describeBytes(seen)}${seen[0] === 0x05 ? ' (a SOCKS5 reply)' : ''}`, {
        firstBytes: describeBytes(seen),
      });
    }
    if (ctx.expect === 'socks5' && isHttp) {
      return new ProbeFailure(mismatchKind, `${ctx.waitingFor}: the port answered HTTP, not SOCKS5 (${describeBytes(seen, 40)})`, {
        firstBytes: describeBytes(seen, 40),
      });
    }
  }
  if (deadline.timedOut) {
    const partial = seen.length ? ` (${seen.length} bytes of a partial answer)` : '';
    return new ProbeFailure('stalled', `${ctx.waitingFor} did not come within ${deadline.timeoutMs} ms${partial}`);
  }
  if (error instanceof PeerClosed) {
    if (error.code === 'ECONNRESET') return new ProbeFailure('reset', `the connection was reset before ${ctx.waitingFor} came`);
    if (reader.received === 0) {
      return new ProbeFailure(ctx.closedSilently, `the connection was closed before ${ctx.waitingFor} came`);
    }
    return new ProbeFailure('reset', `the connection was closed in the middle of ${ctx.waitingFor}`);
  }
  return new ProbeFailure(mismatchKind, `${ctx.waitingFor}: ${(error as Error).message}`);
}
