// Browser mode: the wizard served to the user's own browser from 127.0.0.1, for machines where
// Electron cannot run (servers, containers, WSL, over `ssh -L`). `window.doctor` in the page is the
// client script (doctor-client.dom.ts) calling this server, which answers through the very handlers
// the Electron app registers (createHandlers + dispatch): one contract, one validation, one envelope.
//
// Since these requests can change config files, every layer refuses what is not the user's page:
// loopback only; a one-time token in the URL traded for an HttpOnly SameSite=Strict cookie; the Host
// header must be our address (DNS rebinding); the Origin must be ours on every API call and on the
// event stream (another local page on another port is "same-site", so the cookie alone is not
// enough); no CORS; Cross-Origin-Resource-Policy; the Electron window's CSP with connect-src 'self'.
import http from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import path from 'node:path';
import { PROGRESS_EVENT, type IpcEvents, type Result } from '../../shared/ipc.ts';
import type { DoctorService } from '../../shared/service.ts';
import { createHandlers, dispatch } from '../ipc-handlers.ts';
import { CONTENT_SECURITY_POLICY } from '../window-security.ts';
import { localeFromTag } from '../../shared/i18n/locale.ts';
import { msg, type Message, type MessageId } from '../../shared/i18n/message.ts';
import { english, translator } from '../../shared/i18n/translate.ts';

/** The Electron window's CSP, except that the page may call the server it was served from. */
export const BROWSER_MODE_CSP = CONTENT_SECURITY_POLICY.replace("connect-src 'none'", "connect-src 'self'");

/** Where the client script is served; the server adds its <script> tag to index.html. */
export const CLIENT_SCRIPT_PATH = '/doctor-client.js';
export const EVENTS_PATH = '/api/events';
const MAX_BODY_BYTES = 64 * 1024;
const HEARTBEAT_MS = 15_000;

export interface BrowserServerOptions {
  service: DoctorService;
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  /** The built client script (dist/web/doctor-client.js). */
  clientScriptFile: string;
  /** A loopback address only (default 127.0.0.1); anything else is refused. */
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Stop this long after the last page went away (default 60 s). */
  idleMs?: number;
  /** Stop if no page has loaded this long after the start (default 5 min). */
  firstLoadMs?: number;
}

export interface BrowserServer {
  /** The URL to open, with its one-time token. */
  url: string;
  origin: string;
  port: number;
  /** Resolves when the server has stopped: 'idle' (no page for a while) or 'closed' (close()). */
  closed: Promise<'idle' | 'closed'>;
  close(): Promise<void>;
}

export class NotLoopbackError extends Error {
  override name = 'NotLoopbackError';
  constructor(readonly userMessage: Message) {
    super(english(userMessage));
  }
}

/** True for 127.0.0.0/8 and ::1 (literal addresses only: a name could resolve anywhere). */
export function isLoopbackAddress(host: string): boolean {
  if (isIP(host) === 4) return host.startsWith('127.');
  if (isIP(host) === 6) return host === '::1' || host === '0:0:0:0:0:0:0:1';
  return false;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

const COMMON_HEADERS: Record<string, string> = {
  'Content-Security-Policy': BROWSER_MODE_CSP,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

/** The header every API call carries with the page key; the meta tag the first page load gets it in. */
export const PAGE_KEY_HEADER = 'X-Doctor-Page-Key';
export const PAGE_KEY_META = 'doctor-page-key';

/**
 * index.html as the browser gets it: its meta CSP allows connecting to us, and the client loads
 * before the app — on the first load after the token, with the page key in a meta tag for it.
 */
export function browserIndexHtml(html: string, pageKey?: string): string {
  const withCsp = html.replace(/connect-src 'none'/g, "connect-src 'self'");
  const at = withCsp.search(/<script\b/i);
  if (at < 0 || withCsp === html) {
    const userMessage = msg('cli.server.not-app-page');
    throw Object.assign(new Error(english(userMessage)), { userMessage });
  }
  const meta = pageKey ? `<meta name="${PAGE_KEY_META}" content="${pageKey}" />\n    ` : '';
  return `${withCsp.slice(0, at)}${meta}<script src=".${CLIENT_SCRIPT_PATH}"></script>\n    ${withCsp.slice(at)}`;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/** A refused API call: the page shows the message and its hint in its own language. */
function refusal(message: MessageId, hint: MessageId): Result<never> {
  return { ok: false, error: { message: msg(message), hint: msg(hint) } };
}

/**
 * An error a handler throws for the page: the message and the hint as catalog messages (the IPC
 * error carries them to the page, which shows them in its language), English in Error.message.
 */
function pageError(message: MessageId, hint: MessageId, extra: { code?: string } = {}): Error {
  return Object.assign(new Error(translator('en').t(message)), {
    userMessage: msg(message),
    hint: msg(hint),
    ...extra,
  });
}

const HINT_REOPEN: MessageId = 'cli.server.hint-reopen';

/** A plain-text page (a refusal before there is an app page), in the browser's language. */
function plainText(req: http.IncomingMessage, id: MessageId): string {
  const accepted = req.headers['accept-language'];
  return translator(localeFromTag(typeof accepted === 'string' ? accepted : undefined)).t(id);
}

export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackAddress(host)) {
    throw new NotLoopbackError(msg('cli.server.not-loopback', { host }));
  }
  const sourceHtml = await readFile(path.join(options.rendererDir, 'index.html'), 'utf8');
  const indexHtml = browserIndexHtml(sourceHtml);
  const clientScript = await readFile(options.clientScriptFile);
  const rendererDir = path.resolve(options.rendererDir);
  const idleMs = options.idleMs ?? 60_000;
  const firstLoadMs = options.firstLoadMs ?? 5 * 60_000;

  let token: string | null = randomBytes(32).toString('base64url');
  const sessionId = randomBytes(32).toString('base64url');
  // Cookies ignore ports, so another server on 127.0.0.1 the browser visits would get ours. The page
  // key is handed to the first page once and kept in its sessionStorage (which is per port), so a
  // leaked cookie alone drives nothing.
  const pageKey = randomBytes(32).toString('base64url');
  let pageKeyGiven = false;
  const streams = new Set<http.ServerResponse>();
  let cookieName = '';
  let allowedHosts: string[] = [];

  const base = createHandlers({
    service: options.service,
    emitProgress(payload: IpcEvents['diagnose:progress']) {
      const frame = `event: ${PROGRESS_EVENT}\ndata: ${JSON.stringify(payload)}\n\n`;
      for (const stream of streams) stream.write(frame);
    },
    // The page saves and copies the report itself (a download, navigator.clipboard) from
    // report:export; main writes no file and touches no clipboard of a machine the user may not sit at.
    async saveText() {
      throw pageError('cli.server.save-in-page', 'cli.server.save-in-page-hint');
    },
    copyText() {
      throw pageError('cli.server.copy-in-page', 'cli.server.copy-in-page-hint');
    },
    // Checked by link:open's validator; the page then opens it in a new tab of the user's browser.
    async openExternal() {},
  });
  const handlers: typeof base = {
    ...base,
    'fix:preview': async (req) => {
      if (req.pickCaFile) {
        throw pageError('cli.server.no-file-picker', 'cli.server.no-file-picker-hint', { code: 'not-applicable' });
      }
      return base['fix:preview'](req);
    },
  };

  // ------------------------------------------------------------ lifetime
  let resolveClosed!: (why: 'idle' | 'closed') => void;
  const closed = new Promise<'idle' | 'closed'>((resolve) => (resolveClosed = resolve));
  let idleTimer: NodeJS.Timeout | null = null;
  let stopping: Promise<void> | null = null;
  const heartbeat = setInterval(() => {
    for (const stream of streams) stream.write(': ping\n\n');
  }, HEARTBEAT_MS);
  heartbeat.unref();
  const armIdle = (ms: number) => {
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = setTimeout(() => void stop('idle'), ms);
  };
  const stop = (why: 'idle' | 'closed'): Promise<void> => {
    stopping ??= (async () => {
      if (idleTimer) clearTimeout(idleTimer);
      clearInterval(heartbeat);
      token = null;
      for (const stream of streams) stream.end();
      streams.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      resolveClosed(why);
    })();
    return stopping;
  };

  // ------------------------------------------------------------ requests
  const send = (
    res: http.ServerResponse,
    status: number,
    type: string,
    body: string | Buffer,
    extra: Record<string, string> = {},
  ) => {
    res.writeHead(status, { ...COMMON_HEADERS, 'Content-Type': type, ...extra });
    res.end(body);
  };
  const sendJson = (res: http.ServerResponse, status: number, result: Result<unknown>) =>
    send(res, status, 'application/json; charset=utf-8', JSON.stringify(result));

  const hasSession = (req: http.IncomingMessage) => {
    const value = cookieValue(req.headers.cookie, cookieName);
    return value !== null && sameSecret(value, sessionId);
  };
  /** The page's own origin, from a Host we accept; anything else (absent included) is refused. */
  const sameOrigin = (req: http.IncomingMessage) => {
    const origin = req.headers.origin;
    const site = req.headers['sec-fetch-site'];
    return origin === `http://${req.headers.host}` && (site === undefined || site === 'same-origin');
  };

  async function readBody(req: http.IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY_BYTES) throw Object.assign(new Error('too large'), { status: 413 });
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, pathname: string) {
    if (req.method !== 'POST') return sendJson(res, 405, refusal('cli.server.only-post', HINT_REOPEN));
    if (!hasSession(req)) return sendJson(res, 403, refusal('cli.server.no-session', HINT_REOPEN));
    if (!sameOrigin(req)) return sendJson(res, 403, refusal('cli.server.not-own-page', HINT_REOPEN));
    const key = req.headers[PAGE_KEY_HEADER.toLowerCase()];
    if (typeof key !== 'string' || !sameSecret(key, pageKey)) {
      return sendJson(res, 403, refusal('cli.server.other-tab', 'cli.server.other-tab-hint'));
    }
    if (!/^application\/json\b/.test(req.headers['content-type'] ?? '')) {
      return sendJson(res, 415, refusal('cli.server.not-json', HINT_REOPEN));
    }
    if (pathname === EVENTS_PATH) {
      res.writeHead(200, {
        ...COMMON_HEADERS,
        'Content-Type': 'text/event-stream; charset=utf-8',
        Connection: 'keep-alive',
      });
      res.write(': connected\n\n');
      streams.add(res);
      if (idleTimer) clearTimeout(idleTimer);
      idleTimer = null;
      req.on('close', () => {
        streams.delete(res);
        if (streams.size === 0 && !stopping) armIdle(idleMs);
      });
      return;
    }
    let payload: unknown;
    try {
      const body = await readBody(req);
      payload = body.trim() ? JSON.parse(body) : undefined;
    } catch (error) {
      const status = (error as { status?: number }).status ?? 400;
      return sendJson(
        res,
        status,
        refusal(status === 413 ? 'cli.server.too-large' : 'cli.server.bad-json', 'cli.server.reload-hint'),
      );
    }
    let channel: string;
    try {
      channel = decodeURIComponent(pathname.slice('/api/'.length));
    } catch {
      channel = '';
    }
    sendJson(res, 200, await dispatch(handlers, channel, payload));
  }

  async function handleStatic(req: http.IncomingMessage, res: http.ServerResponse, pathname: string, head: boolean) {
    if (pathname === '/' || pathname === '/index.html') {
      if (head || pageKeyGiven) return send(res, 200, MIME['.html']!, head ? '' : indexHtml);
      pageKeyGiven = true;
      return send(res, 200, MIME['.html']!, browserIndexHtml(sourceHtml, pageKey));
    }
    if (pathname === CLIENT_SCRIPT_PATH) return send(res, 200, MIME['.js']!, head ? '' : clientScript);
    let relative: string;
    try {
      relative = decodeURIComponent(pathname).replace(/^\/+/, '');
    } catch {
      return send(res, 400, 'text/plain; charset=utf-8', plainText(req, 'cli.server.bad-request'));
    }
    const file = path.resolve(rendererDir, relative);
    if (relative.includes('\0') || !file.startsWith(rendererDir + path.sep))
      return send(res, 404, 'text/plain; charset=utf-8', plainText(req, 'cli.server.not-found'));
    try {
      const content = await readFile(file);
      send(res, 200, MIME[path.extname(file)] ?? 'application/octet-stream', head ? '' : content);
    } catch {
      send(res, 404, 'text/plain; charset=utf-8', plainText(req, 'cli.server.not-found'));
    }
  }

  const server = http.createServer(async (req, res) => {
    try {
      // DNS rebinding: a page of evil.example resolved to 127.0.0.1 still says Host: evil.example.
      if (!allowedHosts.includes(req.headers.host ?? '')) {
        return send(res, 403, 'text/plain; charset=utf-8', plainText(req, 'cli.server.wrong-host'));
      }
      const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
      if (url.pathname.startsWith('/api/')) return await handleApi(req, res, url.pathname);
      if (req.method !== 'GET' && req.method !== 'HEAD')
        return send(res, 405, 'text/plain; charset=utf-8', plainText(req, 'cli.server.method-not-allowed'));
      const offered = url.searchParams.get('token');
      if (offered !== null) {
        // The one-time token buys the cookie once; the redirect drops it from the address bar.
        if (token !== null && sameSecret(offered, token)) {
          token = null;
          return send(res, 303, 'text/plain', '', {
            Location: '/',
            'Set-Cookie': `${cookieName}=${sessionId}; HttpOnly; SameSite=Strict; Path=/`,
          });
        }
        if (hasSession(req)) return send(res, 303, 'text/plain', '', { Location: '/' });
        return send(res, 403, 'text/plain; charset=utf-8', plainText(req, 'cli.server.used-link'));
      }
      if (!hasSession(req)) {
        return send(res, 403, 'text/plain; charset=utf-8', plainText(req, 'cli.server.open-the-link'));
      }
      await handleStatic(req, res, url.pathname, req.method === 'HEAD');
    } catch {
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', plainText(req, 'cli.server.internal-error'));
      else res.end();
    }
  });
  server.on('upgrade', (_req, socket) => socket.destroy());

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as { port: number }).port;
  cookieName = `ccd-session-${port}`;
  const hostPart = isIP(host) === 6 ? `[${host}]` : host;
  allowedHosts = [`${hostPart}:${port}`, `localhost:${port}`];
  armIdle(firstLoadMs);
  const origin = `http://${hostPart}:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    closed,
    close: () => stop('closed'),
  };
}
