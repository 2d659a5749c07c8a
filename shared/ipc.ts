// The IPC contract between the app's renderer and its main process: one map from channel to
// request and response, the event main sends, and the validators main runs on every payload.
// Pure TypeScript: the preload, main, the renderer and the browser mode's client all build on it.
import type { DoctorService, ProxyLogin, ReportFormat, RevertMode } from './service.ts';
import type { CheckEvent, Message } from './types.ts';
import { APPLICABLE_FIXES } from './types.ts';
import { LOCALES } from './i18n/locale.ts';
import { msg } from './i18n/message.ts';
import { parseProxyUrl } from './proxy-url.ts';

export type { ReportFormat };

/** What a service call takes and what it resolves to: the contract derives them, never writes them again. */
type ServiceRequest<M extends keyof DoctorService> = Parameters<DoctorService[M]>[0];
type ServiceResponse<M extends keyof DoctorService> = Awaited<ReturnType<DoctorService[M]>>;

export interface IpcContract {
  'setup:get': { request: ServiceRequest<'setup'>; response: ServiceResponse<'setup'> };
  /** `runId` is chosen by the renderer so that progress events and cancel can name the run. */
  'diagnose:run': { request: { runId: string } & ServiceRequest<'diagnose'>; response: ServiceResponse<'diagnose'> };
  'diagnose:cancel': { request: { runId: string }; response: { cancelled: boolean } };
  'fix:preview': { request: ServiceRequest<'previewFix'>; response: ServiceResponse<'previewFix'> };
  'fix:apply': { request: ServiceRequest<'applyFix'>; response: ServiceResponse<'applyFix'> };
  'fix:revert': { request: ServiceRequest<'revert'>; response: ServiceResponse<'revert'> };
  'history:list': { request: Record<string, never>; response: ServiceResponse<'history'> };
  'report:export': { request: ServiceRequest<'exportReport'>; response: ServiceResponse<'exportReport'> };
  /**
   * Main asks the user where to save (a native dialog); the renderer never names a path. In the
   * browser mode the page downloads the report instead (`downloaded: true`: the page says so,
   * `app.web.report-downloaded`).
   */
  'report:save': {
    request: ServiceRequest<'exportReport'>;
    response: { saved: boolean; fileName?: string; downloaded?: boolean };
  };
  /** Main puts the redacted report on the clipboard (a sandboxed renderer has no clipboard API of its own). */
  'report:copy': { request: ServiceRequest<'exportReport'>; response: { copied: boolean } };
  'link:open': { request: { url: string }; response: { opened: boolean } };
}

export type Channel = keyof IpcContract;
export type RequestOf<C extends Channel> = IpcContract[C]['request'];
export type ResponseOf<C extends Channel> = IpcContract[C]['response'];

export interface IpcError {
  /** What went wrong, in plain words. */
  message: Message;
  /** What the user can do next. */
  hint: Message;
  /**
   * A stable reason code when the core gave one (e.g. `changed-since-plan`, `plan-expired`,
   * `read-only`, `codex-home-missing`), so the renderer can offer the matching next action.
   */
  code?: string;
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: IpcError };

/** Events main sends to the renderer. */
export interface IpcEvents {
  'diagnose:progress': { runId: string; event: CheckEvent };
}

export const PROGRESS_EVENT = 'diagnose:progress' satisfies keyof IpcEvents;

/** The named functions `window.doctor` exposes, each bound to one channel. */
export const DOCTOR_API_METHODS = {
  getSetup: 'setup:get',
  runDiagnosis: 'diagnose:run',
  cancelDiagnosis: 'diagnose:cancel',
  previewFix: 'fix:preview',
  applyFix: 'fix:apply',
  revertChange: 'fix:revert',
  listHistory: 'history:list',
  exportReport: 'report:export',
  saveReport: 'report:save',
  copyReport: 'report:copy',
  openLink: 'link:open',
} as const satisfies Record<string, Channel>;

export type DoctorApiMethod = keyof typeof DOCTOR_API_METHODS;

export type DoctorApi = {
  [M in DoctorApiMethod]: (
    request: RequestOf<(typeof DOCTOR_API_METHODS)[M]>,
  ) => Promise<Result<ResponseOf<(typeof DOCTOR_API_METHODS)[M]>>>;
} & {
  /** Subscribes to diagnosis progress; returns the unsubscribe function. */
  onProgress(listener: (payload: IpcEvents['diagnose:progress']) => void): () => void;
};

export const CHANNELS = Object.values(DOCTOR_API_METHODS) as Channel[];

// ---------------------------------------------------------------- validation

/** Thrown by validators; main turns it into `{ ok: false }` with a hint. `message` is the id (for logs). */
export class PayloadError extends Error {
  override name = 'PayloadError';
  constructor(readonly userMessage: Message) {
    super(userMessage.id);
  }
}

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;
/** A profile is `<name>.config.toml` in CODEX_HOME, so no separators, dots or leading dashes. */
const PROFILE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
const REVERT_MODES: readonly RevertMode[] = ['strict', 'remove-fix-lines', 'keep'];
const REPORT_FORMATS: readonly ReportFormat[] = ['markdown', 'json'];

type Obj = Record<string, unknown>;

function asObject(payload: unknown, allowed: readonly string[]): Obj {
  if (payload === undefined) return {};
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw new PayloadError(msg('errors.payload.not-object'));
  }
  for (const key of Object.keys(payload)) {
    if (!allowed.includes(key)) throw new PayloadError(msg('errors.payload.unexpected-field', { field: key }));
  }
  return payload as Obj;
}

function id(value: unknown, field: string): string {
  if (typeof value !== 'string' || !ID_PATTERN.test(value) || value.includes('..')) {
    throw new PayloadError(msg('errors.payload.bad-id', { field }));
  }
  return value;
}

function profile(value: unknown): string | null | undefined {
  if (value === undefined || value === null) return value;
  if (typeof value !== 'string' || !PROFILE_PATTERN.test(value)) {
    throw new PayloadError(msg('errors.payload.bad-profile'));
  }
  return value;
}

/** `report:export` / `save` / `copy`: the format, and the language the Markdown is written in. */
function reportRequest(p: unknown) {
  const o = asObject(p, ['format', 'lang']);
  const format = oneOf(o.format, REPORT_FORMATS, 'format');
  return { format, ...(o.lang !== undefined ? { lang: oneOf(o.lang, LOCALES, 'lang') } : {}) };
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], field: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new PayloadError(msg('errors.payload.one-of', { field, allowed }));
  }
  return value as T;
}

/**
 * Checks a proxy URL the user typed: http://, socks5:// or socks5h:// with a host and a port.
 * Returns null when it is acceptable, else a message saying what to change.
 */
export function proxyUrlProblem(text: string): Message | null {
  if (text.length > 2048) return msg('errors.proxy-url.too-long');
  const parsed = parseProxyUrl(text);
  if (!parsed.ok) {
    if (parsed.problem === 'scheme') return msg('errors.proxy-url.scheme');
    if (parsed.problem === 'no-host') return msg('errors.proxy-url.no-host');
    if (parsed.problem === 'port-range') return msg('errors.proxy-url.no-port');
    return msg('errors.proxy-url.not-full');
  }
  const proxy = parsed.proxy;
  if (!proxy.explicitScheme) return msg('errors.proxy-url.not-full');
  if (!proxy.explicitPort) return msg('errors.proxy-url.no-port');
  if (proxy.hasPath) return msg('errors.proxy-url.path');
  if (proxy.hasQueryOrFragment) return msg('errors.proxy-url.query');
  return null;
}

/** A proxy login: a user name (1–256 characters) and a password (up to 1024), no line breaks. The values never appear in errors. */
function proxyLogin(value: unknown): ProxyLogin | undefined {
  if (value === undefined) return undefined;
  const o = asObject(value, ['user', 'password']);
  if (typeof o.user !== 'string' || typeof o.password !== 'string')
    throw new PayloadError(msg('errors.payload.login-fields'));
  if (o.user.length === 0 || o.user.length > 256) throw new PayloadError(msg('errors.payload.login-user-length'));
  if (o.password.length > 1024) throw new PayloadError(msg('errors.payload.login-password-length'));
  if (/[\r\n\0]/.test(o.user + o.password)) throw new PayloadError(msg('errors.payload.login-line-breaks'));
  return { user: o.user, password: o.password };
}

function proxyUrl(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new PayloadError(msg('errors.payload.proxy-url-type'));
  const problem = proxyUrlProblem(value);
  if (problem) throw new PayloadError(problem);
  return value.trim();
}

/** Only https links into the allow-listed sites open in the user's browser. */
const EXTERNAL_LINK_PREFIXES = [
  'https://developers.openai.com/codex',
  'https://github.com/openai/codex',
  'https://github.com/codex-connection-doctor/codex-connection-doctor',
];

export function isAllowedExternalUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.port) return false;
  const normalized = `${url.origin}${url.pathname}`;
  return EXTERNAL_LINK_PREFIXES.some(
    (prefix) => normalized === prefix || normalized.startsWith(`${prefix}/`) || normalized.startsWith(`${prefix}#`),
  );
}

export const PROJECT_PAGE = EXTERNAL_LINK_PREFIXES[2]!;

type Validators = { [C in Channel]: (payload: unknown) => RequestOf<C> };

const validators = {
  'setup:get': (p) => {
    const o = asObject(p, ['profile']);
    return { profile: profile(o.profile) };
  },
  'diagnose:run': (p) => {
    const o = asObject(p, ['runId', 'profile']);
    return { runId: id(o.runId, 'runId'), profile: profile(o.profile) };
  },
  'diagnose:cancel': (p) => {
    const o = asObject(p, ['runId']);
    return { runId: id(o.runId, 'runId') };
  },
  'fix:preview': (p) => {
    const o = asObject(p, ['fix', 'profile', 'proxyUrl', 'proxyLogin', 'pickCaFile', 'lang']);
    if (o.pickCaFile !== undefined && typeof o.pickCaFile !== 'boolean')
      throw new PayloadError(msg('errors.payload.pick-ca-file-type'));
    if (o.pickCaFile === true && o.fix !== 'trust-ca') throw new PayloadError(msg('errors.payload.pick-ca-file-fix'));
    const fix = oneOf(o.fix, APPLICABLE_FIXES, 'fix');
    const url = proxyUrl(o.proxyUrl);
    const login = proxyLogin(o.proxyLogin);
    if (login && fix !== 'use-proxy') throw new PayloadError(msg('errors.payload.login-fix'));
    return {
      fix,
      profile: profile(o.profile),
      ...(url !== undefined ? { proxyUrl: url } : {}),
      ...(login ? { proxyLogin: login } : {}),
      ...(o.pickCaFile === true ? { pickCaFile: true } : {}),
      ...(o.lang !== undefined ? { lang: oneOf(o.lang, LOCALES, 'lang') } : {}),
    };
  },
  'fix:apply': (p) => {
    const o = asObject(p, ['planId']);
    return { planId: id(o.planId, 'planId') };
  },
  'fix:revert': (p) => {
    const o = asObject(p, ['changeId', 'mode']);
    const mode = o.mode === undefined ? undefined : oneOf(o.mode, REVERT_MODES, 'mode');
    return { changeId: id(o.changeId, 'changeId'), ...(mode ? { mode } : {}) };
  },
  'history:list': (p): RequestOf<'history:list'> => {
    asObject(p, []);
    return {};
  },
  'report:export': (p) => reportRequest(p),
  'report:save': (p) => reportRequest(p),
  'report:copy': (p) => reportRequest(p),
  'link:open': (p) => {
    const o = asObject(p, ['url']);
    if (typeof o.url !== 'string' || o.url.length > 2048 || !isAllowedExternalUrl(o.url)) {
      throw new PayloadError(msg('errors.payload.link-not-allowed'));
    }
    return { url: o.url };
  },
} satisfies Validators;

export const VALIDATORS: Validators = validators;

// Each validator returns exactly its channel's request: `satisfies Validators` checks that what it
// returns fits the request, and this that it returns every field of the request and no other. A
// field added to (or dropped from) a DoctorService request fails to compile here, naming the
// channel, until its validator follows.
type SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : false) : false;
type ValidatorMismatch = {
  [C in Channel]: SameKeys<ReturnType<(typeof validators)[C]>, RequestOf<C>> extends true ? never : C;
}[Channel];
type MustBeNone<Mismatched extends never> = Mismatched;
export type ValidatorsReturnTheirRequests = MustBeNone<ValidatorMismatch>;

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (CHANNELS as string[]).includes(value);
}
