// A fake OpenAI Responses API on 127.0.0.1: SSE over POST /v1/responses and a WebSocket on
// GET /v1/responses whose upgrade can work, be refused, stall, or be reset.
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';

export type FakeApiMode = 'ok' | 'refuse' | 'stall' | 'reset';

export interface FakeResponsesApiOptions {
  mode: FakeApiMode;
  tls?: { cert: string; key: string };
  /** Address to listen on; loopback only. Default 127.0.0.1. */
  host?: string;
  /** The assistant's answer. Default "pong". */
  answer?: string;
}

export interface FakeApiStats {
  httpRequests: number;
  wsUpgrades: number;
  wsMessages: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  upgrade: boolean;
}

export interface FakeResponsesApi {
  port: number;
  /** http(s)://127.0.0.1:PORT/v1 */
  baseUrl: string;
  setMode(mode: FakeApiMode): void;
  readonly mode: FakeApiMode;
  stats: FakeApiStats;
  /** Headers of the most recent request, HTTP or upgrade. */
  readonly lastHeaders: http.IncomingHttpHeaders | undefined;
  /** Every request seen, in order (method, path, whether it asked for an upgrade). */
  requests: RecordedRequest[];
  close(): Promise<void>;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost']);

let responseCounter = 0;

/** The three events Codex needs to finish a turn, in order. */
export function responseEvents(answer: string): Array<Record<string, unknown>> {
  responseCounter += 1;
  const responseId = `resp_lab_${responseCounter}`;
  const createdAt = Math.floor(Date.now() / 1000);
  const baseResponse = { id: responseId, object: 'response', created_at: createdAt, model: 'lab-model' };
  return [
    { type: 'response.created', sequence_number: 0, response: { ...baseResponse, status: 'in_progress', output: [] } },
    {
      type: 'response.output_item.done',
      sequence_number: 1,
      output_index: 0,
      item: {
        id: `msg_lab_${responseCounter}`,
        type: 'message',
        role: 'assistant',
        status: 'completed',
        content: [{ type: 'output_text', text: answer, annotations: [] }],
      },
    },
    {
      type: 'response.completed',
      sequence_number: 2,
      response: {
        ...baseResponse,
        status: 'completed',
        usage: {
          input_tokens: 10,
          input_tokens_details: { cached_tokens: 0 },
          output_tokens: 1,
          output_tokens_details: { reasoning_tokens: 0 },
          total_tokens: 11,
        },
      },
    },
  ];
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function pathOf(req: http.IncomingMessage): string {
  return new URL(req.url ?? '/', 'http://lab').pathname;
}

export async function startFakeResponsesApi(opts: FakeResponsesApiOptions): Promise<FakeResponsesApi> {
  const host = opts.host ?? '127.0.0.1';
  if (!LOOPBACK_HOSTS.has(host)) throw new Error(`fake API listens on loopback only, not ${host}`);
  const answer = opts.answer ?? 'pong';
  let mode: FakeApiMode = opts.mode;
  let lastHeaders: http.IncomingHttpHeaders | undefined;
  const stats: FakeApiStats = { httpRequests: 0, wsUpgrades: 0, wsMessages: 0 };
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket | Duplex>();
  const wss = new WebSocketServer({ noServer: true });

  const onRequest = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    stats.httpRequests += 1;
    lastHeaders = req.headers;
    const path = pathOf(req);
    requests.push({ method: req.method ?? '', path, upgrade: false });
    // Drain the body (it may be compressed; its content does not change the answer).
    req.resume();
    req.on('end', () => {
      if (req.method === 'POST' && path === '/v1/responses') {
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
        for (const event of responseEvents(answer)) {
          res.write(`event: ${String(event.type)}\ndata: ${JSON.stringify(event)}\n\n`);
        }
        res.end();
        return;
      }
      if (!req.headers.authorization) {
        // What api.openai.com answers without credentials: reachable, but 401.
        sendJson(res, 401, {
          error: {
            message: "You didn't provide an API key.",
            type: 'invalid_request_error',
            param: null,
            code: null,
          },
        });
        return;
      }
      if (req.method === 'GET' && path === '/v1/models') {
        sendJson(res, 200, { object: 'list', data: [] });
        return;
      }
      sendJson(res, 404, { error: { message: `Unknown path ${path}`, type: 'invalid_request_error' } });
    });
  };

  const server = opts.tls
    ? https.createServer({ cert: opts.tls.cert, key: opts.tls.key }, onRequest)
    : http.createServer(onRequest);

  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  if (opts.tls) {
    server.on('secureConnection', (socket: Socket) => {
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
    });
  }

  server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    stats.wsUpgrades += 1;
    lastHeaders = req.headers;
    const path = pathOf(req);
    requests.push({ method: req.method ?? '', path, upgrade: true });
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    if (path !== '/v1/responses') {
      socket.end('HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
      return;
    }
    switch (mode) {
      case 'refuse':
        socket.end(
          'HTTP/1.1 403 Forbidden\r\nContent-Type: application/json\r\nContent-Length: 21\r\nConnection: close\r\n\r\n{"error":"forbidden"}',
        );
        return;
      case 'stall':
        return; // hold the socket open, answer nothing; close() destroys it
      case 'reset':
        socket.destroy();
        return;
      case 'ok':
        wss.handleUpgrade(req, socket, head, (ws) => serveWebSocket(ws));
        return;
    }
  });

  const serveWebSocket = (ws: WebSocket): void => {
    ws.on('message', (data, isBinary) => {
      stats.wsMessages += 1;
      if (isBinary) return;
      let message: { type?: unknown };
      try {
        message = JSON.parse(data.toString()) as { type?: unknown };
      } catch {
        return;
      }
      if (message.type !== 'response.create') return;
      for (const event of responseEvents(answer)) ws.send(JSON.stringify(event));
    });
    ws.on('error', () => ws.terminate());
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host === '::1' ? '[::1]' : host;
  const baseUrl = `${opts.tls ? 'https' : 'http'}://${urlHost}:${port}/v1`;

  let closed: Promise<void> | undefined;
  return {
    port,
    baseUrl,
    setMode(next: FakeApiMode) {
      mode = next;
    },
    get mode() {
      return mode;
    },
    stats,
    get lastHeaders() {
      return lastHeaders;
    },
    requests,
    close() {
      closed ??= new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        for (const socket of sockets) socket.destroy();
        wss.close();
        server.close(() => resolve());
        server.closeAllConnections?.();
      });
      return closed;
    },
  };
}
