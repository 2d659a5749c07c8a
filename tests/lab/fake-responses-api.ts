// A fake OpenAI Responses API on 127.0.0.1: SSE over POST /v1/responses and a WebSocket on
// GET /v1/responses whose upgrade can work, be refused, stall, be reset, or be accepted and then
// killed at the first frame. Like api.openai.com it wants credentials: any request or upgrade
// without the expected `Authorization: Bearer …` gets 401 with OpenAI's JSON error body.
import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';

/**
 * What happens to a WebSocket upgrade on /v1/responses:
 * - ok: the service (101, then answers `response.create`), 401 without credentials;
 * - refuse: a middlebox answers 403; stall: nothing answers; reset: the connection is dropped;
 * - drop-frames: the upgrade completes (101), then the connection is destroyed when the client's
 *   first frame arrives (a middlebox that lets the handshake through and kills the stream).
 */
export type FakeApiMode = 'ok' | 'refuse' | 'stall' | 'reset' | 'drop-frames';

/** A fake secret the lab's Codex runs send; distinctive so tests can check it never leaks. */
export const LAB_API_KEY = 'sk-lab-Xq7vR2mK9tLw4Zp8Hn3Jd6Fs';

/** Another well-formed key, for "Codex sends one key, the service expects another". */
export const LAB_OTHER_API_KEY = 'sk-lab-Wb5cN1yQ8eUj3Gr7Tk2Mx9Pa';

function base64url(value: string): string {
  return Buffer.from(value, 'utf8').toString('base64url');
}

/** A JWT-shaped token (Codex reads the payload, never checks the signature). */
export function labJwt(payload: Record<string, unknown>): string {
  return `${base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: 'lab' }))}.${base64url(JSON.stringify(payload))}.${base64url('lab-signature-not-checked')}`;
}

/** 2100-01-01T00:00:00Z: the lab's ChatGPT tokens never expire during a test run. */
const LAB_TOKEN_EXP = 4102444800;
const LAB_CHATGPT_ACCOUNT_ID = 'acct-lab-5f1c2e9a-7b3d-4c8e-a6f0-91d2b4e7c350';
const LAB_AUTH_CLAIMS = {
  chatgpt_account_id: LAB_CHATGPT_ACCOUNT_ID,
  chatgpt_plan_type: 'plus',
  chatgpt_user_id: 'user-lab-Kq3Vb8Nz',
};

/**
 * A ChatGPT login as `codex login` stores it (auth_mode "chatgpt"): JWT-shaped id and access tokens
 * with a far-future `exp` and the `https://api.openai.com/auth` claims Codex reads
 * (codex-rs/login/src/token_data.rs), a refresh token and the account id.
 */
export const LAB_CHATGPT_LOGIN = {
  idToken: labJwt({
    iss: 'https://auth.openai.com',
    aud: ['app_lab'],
    sub: 'auth0|lab',
    email: 'lab@example.invalid',
    exp: LAB_TOKEN_EXP,
    iat: 1767225600,
    'https://api.openai.com/auth': LAB_AUTH_CLAIMS,
  }),
  accessToken: labJwt({
    iss: 'https://auth.openai.com',
    aud: ['https://api.openai.com/v1'],
    sub: 'auth0|lab',
    exp: LAB_TOKEN_EXP,
    iat: 1767225600,
    'https://api.openai.com/auth': LAB_AUTH_CLAIMS,
    'https://api.openai.com/profile': { email: 'lab@example.invalid' },
  }),
  refreshToken: 'rt-lab-Jm4Qx8Wc2Vn6Bz1Ks7Hd',
  accountId: LAB_CHATGPT_ACCOUNT_ID,
  planType: 'plus',
} as const;

/** What credentials the fake expects. */
export type FakeApiAuth =
  | { kind: 'api-key'; key: string }
  /** A ChatGPT login: `Authorization: Bearer <accessToken>` plus `chatgpt-account-id: <accountId>`. */
  | { kind: 'chatgpt'; accessToken: string; accountId: string }
  /** Lets anyone in; `why` says why a test needs a service unlike OpenAI's. */
  | { kind: 'anonymous'; why: string };

export interface FakeResponsesApiOptions {
  mode: FakeApiMode;
  /** Default: an API key, LAB_API_KEY. */
  auth?: FakeApiAuth;
  /** drop-frames: how the connection dies at the first frame — a plain close (default) or a TCP RST. */
  dropWith?: 'close' | 'rst';
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
  /** Requests and upgrades answered 401 (no or wrong credentials). */
  unauthorized: number;
  /** drop-frames: connections destroyed at the client's first frame. */
  framesDropped: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  upgrade: boolean;
  /** The request carried the credentials the fake expects. */
  authorized: boolean;
  /** The status answered (101 for a completed upgrade); null when none was (stall, reset). */
  status: number | null;
  headers: http.IncomingHttpHeaders;
}

export interface FakeResponsesApi {
  port: number;
  /** http(s)://127.0.0.1:PORT/v1 */
  baseUrl: string;
  setMode(mode: FakeApiMode): void;
  readonly mode: FakeApiMode;
  /** Changes the credentials the fake expects (e.g. a rotated key: Codex still sends the old one). */
  setAuth(auth: FakeApiAuth): void;
  readonly auth: FakeApiAuth;
  stats: FakeApiStats;
  /** Headers of the most recent request, HTTP or upgrade. */
  readonly lastHeaders: http.IncomingHttpHeaders | undefined;
  /** Every request seen, in order (method, path, upgrade, authorized, status, headers). */
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

function requestId(): string {
  return `req_${randomBytes(16).toString('hex')}`;
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    'x-request-id': requestId(),
  });
  res.end(text);
}

/** `sk-wr***…***wxyz` — how OpenAI names a wrong key without echoing it. */
export function maskKey(key: string): string {
  if (key.length < 12) return '*'.repeat(Math.max(key.length, 4));
  return `${key.slice(0, 5)}${'*'.repeat(key.length - 9)}${key.slice(-4)}`;
}

function bearerOf(headers: http.IncomingHttpHeaders): string | undefined {
  const match = /^\s*Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? '');
  return match?.[1];
}

/** null when the request carries what `auth` expects, else OpenAI's 401 body for it. */
export function authFailure(auth: FakeApiAuth, headers: http.IncomingHttpHeaders): Record<string, unknown> | null {
  if (auth.kind === 'anonymous') return null;
  const sent = bearerOf(headers);
  if (sent === undefined) {
    return {
      error: {
        message:
          "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or as the password field (with blank username) if you're accessing the API from your browser and are prompted for a username. You can obtain an API key from https://platform.openai.com/account/api-keys.",
        type: 'invalid_request_error',
        param: null,
        code: null,
      },
    };
  }
  const expected = auth.kind === 'api-key' ? auth.key : auth.accessToken;
  if (sent !== expected) {
    return {
      error: {
        message: `Incorrect API key provided: ${maskKey(sent)}. You can find your API key at https://platform.openai.com/account/api-keys.`,
        type: 'invalid_request_error',
        param: null,
        code: 'invalid_api_key',
      },
    };
  }
  if (auth.kind === 'chatgpt' && headers['chatgpt-account-id'] !== auth.accountId) {
    return {
      error: {
        message: 'Missing or unknown chatgpt-account-id header for this token.',
        type: 'invalid_request_error',
        param: null,
        code: 'invalid_account',
      },
    };
  }
  return null;
}

/** The raw HTTP/1.1 response for a refused upgrade (the socket is not an http.ServerResponse). */
function rawResponse(status: number, reason: string, body: string, contentType = 'application/json'): string {
  return [
    `HTTP/1.1 ${status} ${reason}`,
    `Content-Type: ${contentType}`,
    `Content-Length: ${Buffer.byteLength(body)}`,
    `x-request-id: ${requestId()}`,
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}

/** RFC 6455 §1.3. */
const WEBSOCKET_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

function pathOf(req: http.IncomingMessage): string {
  return new URL(req.url ?? '/', 'http://lab').pathname;
}

export async function startFakeResponsesApi(opts: FakeResponsesApiOptions): Promise<FakeResponsesApi> {
  const host = opts.host ?? '127.0.0.1';
  if (!LOOPBACK_HOSTS.has(host)) throw new Error(`fake API listens on loopback only, not ${host}`);
  const answer = opts.answer ?? 'pong';
  let mode: FakeApiMode = opts.mode;
  let auth: FakeApiAuth = opts.auth ?? { kind: 'api-key', key: LAB_API_KEY };
  const dropWith = opts.dropWith ?? 'close';
  let lastHeaders: http.IncomingHttpHeaders | undefined;
  const stats: FakeApiStats = { httpRequests: 0, wsUpgrades: 0, wsMessages: 0, unauthorized: 0, framesDropped: 0 };
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket | Duplex>();
  // The `ws` server answers a client's ping with a pong by itself (autoPong, on by default).
  const wss = new WebSocketServer({ noServer: true, autoPong: true });

  /** Every request and upgrade is recorded with whether it carried the expected credential. */
  const recordRequest = (req: http.IncomingMessage, upgrade: boolean) => {
    lastHeaders = req.headers;
    const path = pathOf(req);
    const failure = authFailure(auth, req.headers);
    const record: RecordedRequest = {
      method: req.method ?? '',
      path,
      upgrade,
      authorized: failure === null,
      status: null,
      headers: req.headers,
    };
    requests.push(record);
    return { path, failure, record };
  };

  const onRequest = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    stats.httpRequests += 1;
    const { path, failure, record } = recordRequest(req, false);
    const answerJson = (status: number, body: unknown) => {
      record.status = status;
      if (status === 401) stats.unauthorized += 1;
      sendJson(res, status, body);
    };
    // Drain the body (it may be compressed; its content does not change the answer).
    req.resume();
    req.on('end', () => {
      // What api.openai.com answers without (the right) credentials: reachable, but 401.
      if (failure) return answerJson(401, failure);
      if (req.method === 'POST' && path === '/v1/responses') {
        record.status = 200;
        res.writeHead(200, {
          'content-type': 'text/event-stream',
          'cache-control': 'no-cache',
          'x-request-id': requestId(),
        });
        for (const event of responseEvents(answer)) {
          res.write(`event: ${String(event.type)}\ndata: ${JSON.stringify(event)}\n\n`);
        }
        res.end();
        return;
      }
      if (req.method === 'GET' && path === '/v1/models') return answerJson(200, { object: 'list', data: [] });
      answerJson(404, {
        error: { message: `Unknown path ${path}`, type: 'invalid_request_error', param: null, code: null },
      });
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
    const { path, failure, record } = recordRequest(req, true);
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    const refuse = (status: number, reason: string, body: string) => {
      record.status = status;
      if (status === 401) stats.unauthorized += 1;
      socket.end(rawResponse(status, reason, body));
    };
    if (path !== '/v1/responses') {
      refuse(
        404,
        'Not Found',
        JSON.stringify({
          error: { message: `Unknown path ${path}`, type: 'invalid_request_error', param: null, code: null },
        }),
      );
      return;
    }
    switch (mode) {
      // A middlebox in front of the service: it acts before any credential is looked at.
      case 'refuse':
        refuse(403, 'Forbidden', '{"error":"forbidden"}');
        return;
      case 'stall':
        return; // hold the socket open, answer nothing; close() destroys it
      case 'reset':
        socket.destroy();
        return;
      // The service itself answers the handshake, so it checks credentials first.
      case 'drop-frames':
        if (failure) return refuse(401, 'Unauthorized', JSON.stringify(failure));
        acceptThenDropAtFirstFrame(req, socket, head, record);
        return;
      case 'ok':
        if (failure) return refuse(401, 'Unauthorized', JSON.stringify(failure));
        record.status = 101;
        wss.handleUpgrade(req, socket, head, (ws) => serveWebSocket(ws));
        return;
    }
  });

  /** Completes the handshake by hand (101 with the right accept), then kills the TCP connection at the first frame. */
  const acceptThenDropAtFirstFrame = (
    req: http.IncomingMessage,
    socket: Duplex,
    head: Buffer,
    record: RecordedRequest,
  ): void => {
    const key = req.headers['sec-websocket-key'];
    if (typeof key !== 'string' || key.length === 0) {
      record.status = 400;
      socket.end(rawResponse(400, 'Bad Request', '{"error":"missing Sec-WebSocket-Key"}'));
      return;
    }
    const accept = createHash('sha1')
      .update(key + WEBSOCKET_GUID)
      .digest('base64');
    record.status = 101;
    socket.write(
      [
        'HTTP/1.1 101 Switching Protocols',
        'Upgrade: websocket',
        'Connection: Upgrade',
        `Sec-WebSocket-Accept: ${accept}`,
        '',
        '',
      ].join('\r\n'),
    );
    const drop = () => {
      stats.framesDropped += 1;
      const tcp = socket as Socket;
      // 'close' (FIN): Codex says `WebSocket protocol error: Connection reset without closing handshake`;
      // 'rst': `IO error: Connection reset by peer (os error 104)`. Both retry, fall back and answer.
      if (dropWith === 'rst' && typeof tcp.resetAndDestroy === 'function') tcp.resetAndDestroy();
      else socket.destroy();
    };
    if (head.length > 0) return drop();
    socket.once('data', drop);
  };

  const serveWebSocket = (ws: WebSocket): void => {
    ws.on('message', (data, isBinary) => {
      stats.wsMessages += 1;
      if (isBinary) return;
      let message: { type?: unknown };
      try {
        message = JSON.parse(String(data as Buffer)) as { type?: unknown };
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
    setAuth(next: FakeApiAuth) {
      auth = next;
    },
    get auth() {
      return auth;
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
