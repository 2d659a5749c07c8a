// Browser mode's `window.doctor`: the preload's counterpart, served by electron/web/server.ts and
// loaded before the app. Each method POSTs to /api/<channel>, where the server runs the same
// handlers as Electron's main; progress arrives as server-sent events on a POST stream (so that its
// Origin is checked like every other call). Bundled by scripts/build.mjs to dist/web/doctor-client.js.
import { msg } from '../../shared/i18n/message.ts';
import {
  DOCTOR_API_METHODS,
  PROGRESS_EVENT,
  type DoctorApi,
  type DoctorApiMethod,
  type IpcError,
  type IpcEvents,
  type Result,
} from '../../shared/ipc.ts';

type ProgressListener = (payload: IpcEvents['diagnose:progress']) => void;

// Messages, as every IpcError carries: the page shows them in its language.
const GONE: IpcError = { message: msg('app.web.gone'), hint: msg('app.web.gone-hint') };

// The page key the server gave this tab once (a meta tag on its first load), kept across reloads.
const KEY_META = 'doctor-page-key';
const keyMeta = document.querySelector<HTMLMetaElement>(`meta[name="${KEY_META}"]`);
if (keyMeta) {
  sessionStorage.setItem(KEY_META, keyMeta.content);
  keyMeta.remove();
}
const pageKey = sessionStorage.getItem(KEY_META) ?? '';

async function post(path: string, body: unknown): Promise<Response> {
  return fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Doctor-Page-Key': pageKey },
    body: body === undefined ? '' : JSON.stringify(body),
    credentials: 'same-origin',
    cache: 'no-store',
  });
}

async function call<T>(channel: string, request: unknown): Promise<Result<T>> {
  try {
    const response = await post(`/api/${encodeURIComponent(channel)}`, request);
    if (!(response.headers.get('Content-Type') ?? '').startsWith('application/json')) return { ok: false, error: GONE };
    return (await response.json()) as Result<T>;
  } catch {
    return { ok: false, error: GONE };
  }
}

// ---------------------------------------------------------------- progress events
const listeners = new Set<ProgressListener>();
let markConnected: () => void = () => undefined;
const connected = new Promise<void>((resolve) => (markConnected = resolve));

function deliver(frame: string): void {
  let event = 'message';
  const data: string[] = [];
  for (const line of frame.split('\n')) {
    if (line.startsWith('event:')) event = line.slice(6).trim();
    else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
  }
  if (event !== PROGRESS_EVENT || data.length === 0) return;
  const payload = JSON.parse(data.join('\n')) as IpcEvents['diagnose:progress'];
  for (const listener of listeners) listener(payload);
}

async function streamEvents(): Promise<void> {
  for (let attempt = 0; attempt < 30; attempt++) {
    try {
      const response = await post('/api/events', {});
      if (response.status === 403 || !response.body) return;
      markConnected();
      attempt = 0;
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          deliver(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      }
    } catch {
      // The server stopped or the network blipped: try again shortly.
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

// ---------------------------------------------------------------- the API

function invoke<M extends DoctorApiMethod>(method: M): DoctorApi[M] {
  return ((request: unknown) => call(DOCTOR_API_METHODS[method], request)) as DoctorApi[M];
}

const api: DoctorApi = {
  getSetup: invoke('getSetup'),
  async runDiagnosis(request) {
    // Progress would be lost if the run began before the stream is open (it opens at page load).
    await Promise.race([connected, new Promise((resolve) => setTimeout(resolve, 2000))]);
    return call(DOCTOR_API_METHODS.runDiagnosis, request);
  },
  cancelDiagnosis: invoke('cancelDiagnosis'),
  previewFix: invoke('previewFix'),
  applyFix: invoke('applyFix'),
  revertChange: invoke('revertChange'),
  listHistory: invoke('listHistory'),
  exportReport: invoke('exportReport'),
  /** No save dialog in a page: the redacted report (report:export) becomes a download. */
  async saveReport(request) {
    const { format } = request;
    const report = await call<{ text: string; suggestedName: string }>(DOCTOR_API_METHODS.exportReport, request);
    if (!report.ok) return report;
    const type = format === 'json' ? 'application/json' : 'text/markdown';
    const href = URL.createObjectURL(new Blob([report.data.text], { type }));
    const link = document.createElement('a');
    link.href = href;
    link.download = report.data.suggestedName;
    link.rel = 'noopener';
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(href), 60_000);
    return { ok: true, data: { saved: true, fileName: report.data.suggestedName, downloaded: true } };
  },
  /** The page's clipboard, with the redacted report main exported. */
  async copyReport(request) {
    const report = await call<{ text: string; suggestedName: string }>(DOCTOR_API_METHODS.exportReport, request);
    if (!report.ok) return report;
    try {
      await navigator.clipboard.writeText(report.data.text);
      return { ok: true, data: { copied: true } };
    } catch {
      return {
        ok: false,
        error: { message: msg('app.web.clipboard-refused'), hint: msg('app.web.clipboard-refused-hint') },
      };
    }
  },
  /** Main checks the link against its allow-list; the page opens it in a new tab. */
  async openLink(request) {
    const checked = await call<{ opened: boolean }>(DOCTOR_API_METHODS.openLink, request);
    if (checked.ok) window.open(request.url, '_blank', 'noopener,noreferrer');
    return checked;
  },
  onProgress(listener) {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  },
};

Object.defineProperty(window, 'doctor', { value: Object.freeze(api), writable: false, configurable: false });
void streamEvents();
