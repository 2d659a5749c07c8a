// Test-only bridge: serves the built renderer over http://127.0.0.1 and answers the preload's API
// with the real DoctorService through the very handlers main uses (electron/ipc-handlers.ts).
// The page gets `window.doctor` from BRIDGE_CLIENT_SCRIPT, with the same shape as the preload's.
import http from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DOCTOR_API_METHODS, PROGRESS_EVENT, type IpcEvents } from '../../shared/ipc.ts';
import type { DoctorService } from '../../shared/service.ts';
import { createHandlers, dispatch } from '../../electron/ipc-handlers.ts';
import { CONTENT_SECURITY_POLICY } from '../../electron/window-security.ts';

/** The app's CSP, except that the page may talk to the bridge it was served from. */
export const BRIDGE_CSP = CONTENT_SECURITY_POLICY.replace("connect-src 'none'", "connect-src 'self'");

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface Bridge {
  url: string;
  /** What the app put on the clipboard, in order. */
  clipboard: string[];
  /** Reports the app saved (the bridge stands in for the save dialog and keeps them in memory). */
  saved: { name: string; text: string }[];
  /** Links the app asked the OS to open. */
  opened: string[];
  /** Every response body the bridge sent to the page (API answers and progress events), to search for secrets. */
  responses: string[];
  close(): Promise<void>;
}

export async function startBridge(service: DoctorService, rendererDir: string): Promise<Bridge> {
  const streams = new Set<http.ServerResponse>();
  const clipboard: string[] = [];
  const saved: { name: string; text: string }[] = [];
  const opened: string[] = [];
  const responses: string[] = [];
  const handlers = createHandlers({
    service,
    emitProgress(payload: IpcEvents['diagnose:progress']) {
      const frame = `event: ${PROGRESS_EVENT}\ndata: ${JSON.stringify(payload)}\n\n`;
      responses.push(frame);
      for (const stream of streams) stream.write(frame);
    },
    async saveText(name, text) {
      saved.push({ name, text });
      return name;
    },
    copyText: (text) => void clipboard.push(text),
    async openExternal(url) {
      opened.push(url);
    },
  });

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    try {
      if (url.pathname === '/api/events') {
        res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
        res.write(': connected\n\n');
        streams.add(res);
        req.on('close', () => streams.delete(res));
        return;
      }
      if (url.pathname.startsWith('/api/') && req.method === 'POST') {
        const chunks: Buffer[] = [];
        for await (const chunk of req) chunks.push(chunk as Buffer);
        const body = Buffer.concat(chunks).toString('utf8');
        const payload = body ? JSON.parse(body) : undefined;
        const result = await dispatch(handlers, decodeURIComponent(url.pathname.slice(5)), payload);
        const text = JSON.stringify(result);
        responses.push(text);
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(text);
        return;
      }
      const relative = url.pathname === '/' ? 'index.html' : path.normalize(decodeURIComponent(url.pathname)).replace(/^[/\\]+/, '');
      const file = path.join(rendererDir, relative);
      if (!file.startsWith(rendererDir + path.sep)) throw Object.assign(new Error('outside'), { status: 403 });
      let content: Buffer | string = await readFile(file);
      if (file.endsWith('.html')) {
        content = content.toString('utf8').replace(/connect-src 'none'/g, "connect-src 'self'");
      }
      res.writeHead(200, {
        'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream',
        'Content-Security-Policy': BRIDGE_CSP,
        'Cache-Control': 'no-store',
      });
      res.end(content);
    } catch (error) {
      const status = (error as { status?: number; code?: string }).code === 'ENOENT' ? 404 : ((error as { status?: number }).status ?? 500);
      res.writeHead(status, { 'Content-Type': 'text/plain' });
      res.end(String(status));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/`,
    clipboard,
    saved,
    opened,
    responses,
    async close() {
      for (const stream of streams) stream.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * Runs in the page before the app: defines window.doctor with the preload's shape (one named
 * function per method of DOCTOR_API_METHODS, plus onProgress), calling the bridge. Plain JS text,
 * so no build helper leaks into the page.
 */
export const BRIDGE_CLIENT_SCRIPT = `(() => {
  const methods = ${JSON.stringify(DOCTOR_API_METHODS)};
  const listeners = new Set();
  const events = new EventSource('/api/events');
  events.addEventListener(${JSON.stringify(PROGRESS_EVENT)}, (e) => {
    const payload = JSON.parse(e.data);
    for (const listener of listeners) listener(payload);
  });
  const api = {};
  for (const [method, channel] of Object.entries(methods)) {
    api[method] = async (request) => {
      const response = await fetch('/api/' + encodeURIComponent(channel), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: request === undefined ? '' : JSON.stringify(request),
      });
      return response.json();
    };
  }
  api.onProgress = (listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  Object.defineProperty(window, 'doctor', { value: Object.freeze(api), writable: false });
})();`;
