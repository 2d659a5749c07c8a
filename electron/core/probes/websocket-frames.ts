// The first frames after a WebSocket handshake: a masked ping, and the pong that proves frames
// pass both ways. Middleboxes exist that accept the upgrade and then kill the connection at the
// first frame (FACTS.md: Codex retries, then falls back to HTTPS); a handshake alone hides them.
import { randomBytes } from 'node:crypto';
import type { Duplex } from 'node:stream';
import { msg } from '../../../shared/i18n/message.ts';
import { Deadline, isCancelled } from '../deadline.ts';
import { ProbeFailure } from './failure.ts';
import { PeerClosed, SocketReader } from './socket-reader.ts';
import { cancelledFailure } from './tcp.ts';

const OPCODE_CLOSE = 0x8;
const OPCODE_PING = 0x9;
const OPCODE_PONG = 0xa;

/** A client frame (clients must mask), FIN set, payload ≤ 125 bytes. */
export function clientFrame(opcode: number, payload: Buffer): Buffer {
  if (payload.length > 125) throw new Error('control frame payload too long');
  const mask = randomBytes(4);
  const masked = Buffer.from(payload);
  for (let i = 0; i < masked.length; i += 1) masked[i]! ^= mask[i % 4]!;
  return Buffer.concat([Buffer.from([0x80 | opcode, 0x80 | masked.length]), mask, masked]);
}

/** A masked close frame (1000, normal closure), so a server that accepted sees a clean goodbye. */
export function closeFrame(): Buffer {
  return clientFrame(OPCODE_CLOSE, Buffer.from([0x03, 0xe8]));
}

interface Frame {
  opcode: number;
  payload: Buffer;
}

async function readFrame(reader: SocketReader): Promise<Frame> {
  const head = await reader.readExactly(2);
  const opcode = head[0]! & 0x0f;
  const masked = (head[1]! & 0x80) !== 0;
  let length = head[1]! & 0x7f;
  if (length === 126) length = (await reader.readExactly(2)).readUInt16BE(0);
  else if (length === 127) {
    const big = (await reader.readExactly(8)).readBigUInt64BE(0);
    if (big > 1_000_000n) throw new ProbeFailure('error', msg('probes.ws.frame-too-large', { bytes: String(big) }));
    length = Number(big);
  }
  const mask = masked ? await reader.readExactly(4) : undefined;
  const payload = Buffer.from(length ? await reader.readExactly(length) : Buffer.alloc(0));
  if (mask) for (let i = 0; i < payload.length; i += 1) payload[i]! ^= mask[i % 4]!;
  return { opcode, payload };
}

/**
 * Sends a ping and waits for its pong within the probe's budget. Returns the round-trip time;
 * throws a `frames-dropped` ProbeFailure when the connection dies, closes or stays silent.
 */
export async function pingRoundTrip(socket: Duplex, deadline: Deadline): Promise<number> {
  const token = randomBytes(8);
  const reader = new SocketReader(socket, deadline.signal);
  const sentAt = performance.now();
  try {
    socket.write(clientFrame(OPCODE_PING, token));
    for (;;) {
      const frame = await readFrame(reader);
      if (frame.opcode === OPCODE_PONG && frame.payload.equals(token)) return performance.now() - sentAt;
      if (frame.opcode === OPCODE_CLOSE) {
        const code = frame.payload.length >= 2 ? frame.payload.readUInt16BE(0) : undefined;
        const detail = code
          ? msg('probes.ws.closed-at-first-frame-code', { code })
          : msg('probes.ws.closed-at-first-frame');
        throw new ProbeFailure('frames-dropped', detail, {
          status: 101,
          framePhase: 'closed',
        });
      }
      if (frame.opcode === OPCODE_PING) socket.write(clientFrame(OPCODE_PONG, frame.payload));
      // Anything else (an early data frame) is not the answer: keep reading.
    }
  } catch (error) {
    if (error instanceof ProbeFailure) throw error;
    if (isCancelled(error)) throw cancelledFailure();
    if (deadline.timedOut) {
      throw new ProbeFailure('frames-dropped', msg('probes.ws.ping-stalled', { ms: deadline.timeoutMs }), {
        status: 101,
        framePhase: 'stalled',
      });
    }
    const how = error instanceof PeerClosed && error.code === 'ECONNRESET' ? 'reset' : 'closed';
    throw new ProbeFailure(
      'frames-dropped',
      msg(how === 'reset' ? 'probes.ws.frames-reset' : 'probes.ws.frames-closed'),
      {
        status: 101,
        framePhase: how,
      },
    );
  } finally {
    reader.release();
  }
}
