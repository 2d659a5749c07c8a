// The IPC handlers as plain functions over the DoctorService: payload validation, the mapping of
// each channel onto the service, and errors turned into `{ ok: false, error: { message, hint } }`.
// No electron import, so unit tests and the browser mode (electron/web/server.ts) run the very same code as the app.
import { FIX_ERROR_HINTS, isFixErrorCode } from '../shared/fix-errors.ts';
import {
  PayloadError,
  VALIDATORS,
  isChannel,
  type Channel,
  type IpcError,
  type IpcEvents,
  type RequestOf,
  type ResponseOf,
  type Result,
} from '../shared/ipc.ts';
import type { DoctorService } from '../shared/service.ts';
import type { Locale } from '../shared/i18n/locale.ts';
import { redactCredentials } from './core/redact.ts';

export interface HandlerDeps {
  service: DoctorService;
  emitProgress(payload: IpcEvents['diagnose:progress']): void;
  /** Asks the user where to save (a dialog in `lang`, the page's language); resolves to the file name written, or null when cancelled. */
  saveText(suggestedName: string, text: string, lang?: Locale): Promise<string | null>;
  copyText(text: string): void;
  openExternal(url: string): Promise<void>;
}

export type Handler<C extends Channel> = (request: RequestOf<C>) => Promise<ResponseOf<C>>;
export type Handlers = { [C in Channel]: Handler<C> };

const DEFAULT_HINTS: Record<Channel, string> = {
  'setup:get': 'Check that your Codex folder (CODEX_HOME) exists and is readable, then try again.',
  'diagnose:run': 'Try the diagnosis again; if it fails the same way, copy the report and share it in a support thread.',
  'diagnose:cancel': 'Wait for the diagnosis to finish, or close the app.',
  'fix:preview': 'Run the diagnosis again, then choose the fix once more.',
  'fix:apply': 'Nothing was changed. Run the diagnosis again and preview the fix once more.',
  'fix:revert': 'Open History to see the change, or restore the file by hand from the diff shown there.',
  'history:list': 'Check that the journal folder is readable, then reopen History.',
  'report:export': 'Run a diagnosis first, then export the report.',
  'report:save': 'Choose another folder, or copy the report instead.',
  'report:copy': 'Save the report to a file instead.',
  'link:open': 'Open the page in your browser by hand.',
};

export { redactCredentials };

export function toIpcError(channel: Channel, error: unknown): IpcError {
  const message =
    error instanceof Error ? error.message : typeof error === 'string' ? error : 'Something went wrong.';
  const ownHint = error && typeof error === 'object' && 'hint' in error ? (error as { hint: unknown }).hint : undefined;
  const rawCode = error && typeof error === 'object' && 'code' in error ? (error as { code: unknown }).code : undefined;
  // Node's own permission errors mean the same to the user as the core's read-only refusal.
  const ownCode = rawCode === 'EACCES' || rawCode === 'EPERM' || rawCode === 'EROFS' ? 'read-only' : rawCode;
  const code = typeof ownCode === 'string' && isFixErrorCode(ownCode) ? ownCode : undefined;
  const hint =
    error instanceof PayloadError
      ? 'The app sent a request main did not accept; restart the app and try again.'
      : typeof ownHint === 'string' && ownHint
        ? ownHint
        : code
          ? FIX_ERROR_HINTS[code]!
          : DEFAULT_HINTS[channel];
  return { message: redactCredentials(message), hint: redactCredentials(hint), ...(code ? { code } : {}) };
}

export function createHandlers(deps: HandlerDeps): Handlers {
  const runs = new Map<string, AbortController>();
  const { service } = deps;
  return {
    'setup:get': (req) => service.setup(req),
    'diagnose:run': async ({ runId, profile }) => {
      if (runs.has(runId)) throw new PayloadError('A diagnosis with that id is already running.');
      const controller = new AbortController();
      runs.set(runId, controller);
      try {
        return await service.diagnose(
          { profile },
          (event) => deps.emitProgress({ runId, event }),
          controller.signal,
        );
      } finally {
        runs.delete(runId);
      }
    },
    'diagnose:cancel': async ({ runId }) => {
      const controller = runs.get(runId);
      controller?.abort();
      return { cancelled: controller !== undefined };
    },
    'fix:preview': (req) => service.previewFix(req),
    'fix:apply': (req) => service.applyFix(req),
    'fix:revert': (req) => service.revert(req),
    'history:list': () => service.history(),
    'report:export': (req) => service.exportReport(req),
    'report:save': async (req) => {
      const report = await service.exportReport(req);
      const fileName = await deps.saveText(report.suggestedName, report.text, req.lang);
      return fileName === null ? { saved: false } : { saved: true, fileName };
    },
    'report:copy': async (req) => {
      const report = await service.exportReport(req);
      deps.copyText(report.text);
      return { copied: true };
    },
    'link:open': async ({ url }) => {
      await deps.openExternal(url);
      return { opened: true };
    },
  };
}

/**
 * Runs one call end to end: validates the channel and payload, calls the handler, and never
 * throws — every failure becomes a Result the renderer can show with its hint.
 */
export async function dispatch(handlers: Handlers, channel: unknown, payload: unknown): Promise<Result<unknown>> {
  if (!isChannel(channel)) {
    return { ok: false, error: { message: 'Unknown request.', hint: 'Restart the app and try again.' } };
  }
  try {
    const request = VALIDATORS[channel](payload);
    const data = await (handlers[channel] as Handler<Channel>)(request as never);
    return { ok: true, data };
  } catch (error) {
    return { ok: false, error: toIpcError(channel, error) };
  }
}

/** What main knows about the sender of an IPC message (a subset of Electron's IpcMainInvokeEvent). */
export interface SenderInfo {
  senderFrame: unknown;
}

/** True only for messages from the main frame of the app's own window. */
export function isTrustedSender(event: SenderInfo, mainFrame: unknown): boolean {
  return mainFrame !== null && mainFrame !== undefined && event.senderFrame === mainFrame;
}

/**
 * The one wrapper every channel is registered through: rejects other windows and frames (iframes,
 * devtools extensions…), then dispatches.
 */
export function guardedHandler(
  handlers: Handlers,
  channel: Channel,
  getMainFrame: () => unknown,
): (event: SenderInfo, payload: unknown) => Promise<Result<unknown>> {
  return async (event, payload) => {
    if (!isTrustedSender(event, getMainFrame())) {
      return {
        ok: false,
        error: { message: 'Request refused: it did not come from the app window.', hint: 'Use the app window.' },
      };
    }
    return dispatch(handlers, channel, payload);
  };
}
