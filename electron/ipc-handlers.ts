// The IPC handlers as plain functions over the DoctorService: payload validation, the mapping of
// each channel onto the service, and errors turned into `{ ok: false, error: { message, hint } }`.
// No electron import, so unit tests and the browser mode (electron/web/server.ts) run the very same code as the app.
import { FIX_ERROR_HINTS, isFixErrorCode, textMessage } from '../shared/fix-errors.ts';
import { isMessage, msg, type Message, type MessageId } from '../shared/i18n/message.ts';
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
import { redactCredentials, redactMessage } from './core/redact.ts';

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

const DEFAULT_HINTS: Record<Channel, MessageId> = {
  'setup:get': 'errors.hint.channel.setup',
  'diagnose:run': 'errors.hint.channel.diagnose',
  'diagnose:cancel': 'errors.hint.channel.cancel',
  'fix:preview': 'errors.hint.channel.preview',
  'fix:apply': 'errors.hint.channel.apply',
  'fix:revert': 'errors.hint.channel.revert',
  'history:list': 'errors.hint.channel.history',
  'report:export': 'errors.hint.channel.export',
  'report:save': 'errors.hint.channel.save',
  'report:copy': 'errors.hint.channel.copy',
  'link:open': 'errors.hint.channel.link',
};

export { redactCredentials };

/** A value given as a message, or as plain text (an error from elsewhere): as a message. */
function ownMessage(value: unknown): Message | undefined {
  if (isMessage(value)) return value;
  return typeof value === 'string' && value ? textMessage(value) : undefined;
}

export function toIpcError(channel: Channel, error: unknown): IpcError {
  const field = (name: string): unknown =>
    error && typeof error === 'object' && name in error ? (error as Record<string, unknown>)[name] : undefined;
  // The core's errors carry what the user reads (FixError, PayloadError: `userMessage`); anything
  // else is unexpected, and its text is shown as it is.
  const message =
    ownMessage(field('userMessage')) ??
    (error instanceof Error
      ? msg('errors.unexpected', { error: error.message })
      : typeof error === 'string'
        ? msg('errors.unexpected', { error })
        : msg('errors.something-wrong'));
  const ownHint = ownMessage(field('hint'));
  const rawCode = field('code');
  // Node's own permission errors mean the same to the user as the core's read-only refusal.
  const ownCode = rawCode === 'EACCES' || rawCode === 'EPERM' || rawCode === 'EROFS' ? 'read-only' : rawCode;
  const code = typeof ownCode === 'string' && isFixErrorCode(ownCode) ? ownCode : undefined;
  const hint =
    error instanceof PayloadError
      ? msg('errors.hint.payload')
      : (ownHint ?? msg(code ? FIX_ERROR_HINTS[code] : DEFAULT_HINTS[channel]));
  return { message: redactMessage(message), hint: redactMessage(hint), ...(code ? { code } : {}) };
}

export function createHandlers(deps: HandlerDeps): Handlers {
  const runs = new Map<string, AbortController>();
  const { service } = deps;
  return {
    'setup:get': (req) => service.setup(req),
    'diagnose:run': async ({ runId, profile }) => {
      if (runs.has(runId)) throw new PayloadError(msg('errors.payload.run-busy'));
      const controller = new AbortController();
      runs.set(runId, controller);
      try {
        return await service.diagnose({ profile }, (event) => deps.emitProgress({ runId, event }), controller.signal);
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
    return { ok: false, error: { message: msg('errors.unknown-request'), hint: msg('errors.hint.restart') } };
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
        error: { message: msg('errors.refused-sender'), hint: msg('errors.hint.use-window') },
      };
    }
    return dispatch(handlers, channel, payload);
  };
}
