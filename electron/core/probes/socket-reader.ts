// Reads a handshake (an HTTP head, SOCKS replies) off a socket byte-exactly, then hands the socket
// back with anything read past the handshake pushed back, so TLS or the caller can take over.
import type { Duplex } from 'node:stream';
import { looksLikeHttp } from './http-head.ts';

/** The first bytes are not HTTP: the peer speaks another protocol. */
export class NotHttp extends Error {
  constructor(readonly bytes: Buffer) {
    super('the answer is not HTTP');
    this.name = 'NotHttp';
  }
}

/** The peer closed (or reset) before the bytes we waited for arrived. */
export class PeerClosed extends Error {
  constructor(
    readonly received: number,
    readonly code: string | undefined,
  ) {
    super(
      code ? `connection ${code === 'ECONNRESET' ? 'reset' : 'failed'} (${code})` : 'connection closed by the peer',
    );
    this.name = 'PeerClosed';
  }
}

/** No blank line ending the HTTP head within `maxBytes`. */
export class HeadTooLong extends Error {
  constructor(readonly maxBytes: number) {
    super(`no end of the HTTP head within ${maxBytes} bytes`);
    this.name = 'HeadTooLong';
  }
}

type Take = (buffer: Buffer) => number; // bytes to take, or -1 to wait for more

const HEAD_END = Buffer.from('\r\n\r\n');

export class SocketReader {
  private buffer: Buffer = Buffer.alloc(0);
  private failure: Error | undefined;
  private pending: { take: Take; resolve: (b: Buffer) => void; reject: (e: Error) => void } | undefined;
  /** Every byte received so far. */
  received = 0;
  /** When the first byte arrived (performance.now()). */
  firstByteAt: number | undefined;

  private readonly onData = (chunk: Buffer) => {
    this.firstByteAt ??= performance.now();
    this.received += chunk.length;
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    this.settle();
  };
  private readonly onEnd = () => this.fail(new PeerClosed(this.received, undefined));
  private readonly onError = (error: NodeJS.ErrnoException) =>
    this.fail(new PeerClosed(this.received, error.code ?? error.message));
  private readonly onAbort = () => this.fail(this.signal.reason as Error);

  constructor(
    private readonly socket: Duplex,
    private readonly signal: AbortSignal,
  ) {
    socket.on('data', this.onData);
    socket.on('end', this.onEnd);
    socket.on('close', this.onEnd);
    socket.on('error', this.onError);
    signal.addEventListener('abort', this.onAbort, { once: true });
    // A previous reader paused the socket on release; a new 'data' listener does not undo that.
    socket.resume();
    if (signal.aborted) this.onAbort();
  }

  /** Exactly n bytes. */
  readExactly(n: number): Promise<Buffer> {
    return this.read((b) => (b.length >= n ? n : -1));
  }

  /** An HTTP head up to and including the blank line; rejects when more than maxBytes arrive without one. */
  readHttpHead(maxBytes = 64 * 1024): Promise<Buffer> {
    return this.read((b) => {
      if (b.length > 0 && !looksLikeHttp(b)) throw new NotHttp(Buffer.from(b));
      const end = b.indexOf(HEAD_END);
      if (end >= 0) return end + HEAD_END.length;
      if (b.length > maxBytes) throw new HeadTooLong(maxBytes);
      return -1;
    });
  }

  /** Whatever bytes arrive first (at least one). */
  readSome(): Promise<Buffer> {
    return this.read((b) => (b.length > 0 ? b.length : -1));
  }

  /** Bytes received but not consumed (for evidence when a read failed). */
  peek(): Buffer {
    return this.buffer;
  }

  /** Stops reading; unconsumed bytes go back into the socket for the next reader. */
  release(): void {
    this.socket.off('data', this.onData);
    this.socket.off('end', this.onEnd);
    this.socket.off('close', this.onEnd);
    this.socket.off('error', this.onError);
    this.signal.removeEventListener('abort', this.onAbort);
    this.socket.pause();
    if (this.buffer.length) this.socket.unshift(this.buffer);
    this.buffer = Buffer.alloc(0);
  }

  private read(take: Take): Promise<Buffer> {
    if (this.pending) return Promise.reject(new Error('SocketReader: one read at a time'));
    return new Promise<Buffer>((resolve, reject) => {
      this.pending = { take, resolve, reject };
      this.settle();
    });
  }

  private settle(): void {
    const pending = this.pending;
    if (!pending) return;
    let n: number;
    try {
      n = pending.take(this.buffer);
    } catch (error) {
      this.pending = undefined;
      pending.reject(error as Error);
      return;
    }
    if (n >= 0) {
      this.pending = undefined;
      const out = this.buffer.subarray(0, n);
      this.buffer = this.buffer.subarray(n);
      pending.resolve(out);
      return;
    }
    if (this.failure) {
      this.pending = undefined;
      pending.reject(this.failure);
    }
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.settle();
  }
}
