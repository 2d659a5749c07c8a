// What a local proxy port speaks, found by talking to it: a SOCKS5 greeting on one connection and
// an HTTP request on another, at the same time. Neither can leave the proxy: the SOCKS test stops
// after the method choice, and `OPTIONS *` with Max-Forwards: 0 is answered by the proxy itself.
import type { ProxyProtocol } from '../../../shared/types.ts';
import { msg, type Message } from '../../../shared/i18n/message.ts';
import { Deadline, ms } from '../deadline.ts';
import { ProbeFailure, failureDetail, type ProbeOptions } from './failure.ts';
import { describeBytes, looksLikeHttp, parseHttpHead } from './http-head.ts';
import { NotHttp, SocketReader } from './socket-reader.ts';
import { tcpConnect } from './tcp.ts';
import { formatHostPort } from '../environment/host-port.ts';

export interface SniffResult {
  speaks: ProxyProtocol;
  durationMs: number;
  detail: Message;
}

/** What one test saw: the protocol it recognised, a refused port, or nothing useful. */
export interface SniffObservation {
  protocol?: 'http' | 'socks5';
  refused?: boolean;
  note: Message;
}

export const SOCKS5_GREETING = Buffer.from([0x05, 0x01, 0x00]);
export const HTTP_SNIFF_REQUEST =
  'OPTIONS * HTTP/1.1\r\nHost: 127.0.0.1\r\nMax-Forwards: 0\r\nUser-Agent: codex-connection-doctor/0.1\r\n\r\n';

/** After one test recognised the port, how long the other still gets (a mixed port answers both at once). */
const SECOND_ANSWER_GRACE_MS = 150;

/** Reads a reply to the SOCKS5 greeting. */
export function interpretSocksReply(bytes: Buffer): SniffObservation {
  if (bytes.length >= 2 && bytes[0] === 0x05 && (bytes[1] === 0x00 || bytes[1] === 0x02 || bytes[1] === 0xff)) {
    const note =
      bytes[1] === 0x00
        ? 'probes.sniff.socks5-no-login'
        : bytes[1] === 0x02
          ? 'probes.sniff.socks5-login'
          : 'probes.sniff.socks5-no-method';
    return { protocol: 'socks5', note: msg(note) };
  }
  if (looksLikeHttp(bytes))
    return { protocol: 'http', note: msg('probes.sniff.http-to-socks', { bytes: describeBytes(bytes, 40) }) };
  return { note: msg('probes.sniff.socks-other', { bytes: describeBytes(bytes) }) };
}

/** Reads an answer to the HTTP request. */
export function interpretHttpReply(bytes: Buffer): SniffObservation {
  const head = parseHttpHead(bytes);
  if (head) {
    const server = head.headers['server'];
    return {
      protocol: 'http',
      note: server
        ? msg('probes.sniff.http-server', { status: head.statusLine, server })
        : msg('probes.sniff.http', { status: head.statusLine }),
    };
  }
  if (bytes[0] === 0x05)
    return { protocol: 'socks5', note: msg('probes.sniff.socks-to-http', { bytes: describeBytes(bytes) }) };
  return { note: msg('probes.sniff.http-other', { bytes: describeBytes(bytes) }) };
}

/** Combines the two observations into one verdict. */
export function combineObservations(socks: SniffObservation, http: SniffObservation): ProxyProtocol {
  if (socks.refused && http.refused) return 'closed';
  const speaksSocks = socks.protocol === 'socks5' || http.protocol === 'socks5';
  const speaksHttp = http.protocol === 'http' || socks.protocol === 'http';
  if (speaksSocks && speaksHttp) return 'mixed';
  if (speaksSocks) return 'socks5';
  if (speaksHttp) return 'http';
  return 'unknown';
}

async function talk(
  host: string,
  port: number,
  timeoutMs: number,
  stop: AbortSignal,
  send: string | Buffer,
  expect: 'socks5' | 'http',
  lookup: ProbeOptions['lookup'],
): Promise<SniffObservation> {
  const deadline = new Deadline(timeoutMs, stop, lookup);
  let conn;
  try {
    conn = await tcpConnect(host, port, deadline, 'target');
  } catch (error) {
    deadline.dispose();
    return { refused: error instanceof ProbeFailure && error.kind === 'tcp-refused', note: failureDetail(error) };
  }
  const reader = new SocketReader(conn.socket, deadline.signal);
  try {
    conn.socket.write(send);
    if (expect === 'socks5') return interpretSocksReply(await reader.readExactly(2));
    return interpretHttpReply(await reader.readHttpHead(4096));
  } catch (error) {
    if (error instanceof NotHttp) return interpretHttpReply(error.bytes);
    const seen = reader.peek();
    if (seen.length) return expect === 'socks5' ? interpretSocksReply(seen) : interpretHttpReply(seen);
    if (deadline.timedOut || deadline.cancelled)
      return { note: msg(expect === 'socks5' ? 'probes.sniff.socks-no-answer' : 'probes.sniff.http-no-answer') };
    return { note: msg(expect === 'socks5' ? 'probes.sniff.socks-closed' : 'probes.sniff.http-closed') };
  } finally {
    reader.release();
    conn.socket.destroy();
    deadline.dispose();
  }
}

export async function sniffProxyPort(host: string, port: number, opts: ProbeOptions): Promise<SniffResult> {
  const deadline = new Deadline(opts.timeoutMs, opts.signal);
  // Aborted when the budget ends, the caller cancels, or shortly after the first recognised answer.
  const stop = new AbortController();
  deadline.signal.addEventListener('abort', () => stop.abort(), { once: true });
  let graceTimer: NodeJS.Timeout | undefined;
  const recognised = (o: SniffObservation) => {
    if ((o.protocol || o.refused) && !graceTimer) graceTimer = setTimeout(() => stop.abort(), SECOND_ANSWER_GRACE_MS);
    return o;
  };
  try {
    const [socks, http] = await Promise.all([
      talk(host, port, opts.timeoutMs, stop.signal, SOCKS5_GREETING, 'socks5', opts.lookup).then(recognised),
      talk(host, port, opts.timeoutMs, stop.signal, HTTP_SNIFF_REQUEST, 'http', opts.lookup).then(recognised),
    ]);
    const speaks = combineObservations(socks, http);
    const where = formatHostPort({ host, port });
    const detail =
      speaks === 'closed'
        ? msg('probes.sniff.closed', { where })
        : msg(opts.signal?.aborted ? 'probes.sniff.speaks-cancelled' : 'probes.sniff.speaks', {
            where,
            speaks,
            socks: socks.note,
            http: http.note,
          });
    return { speaks, durationMs: ms(deadline.elapsed()), detail };
  } finally {
    clearTimeout(graceTimer);
    stop.abort();
    deadline.dispose();
  }
}
