// What every fix planner shares: the context it gets, the plan it returns (the FixPlan the user
// sees plus the exact bytes main keeps), reading files, diffs with secrets masked.
import { errorMessageOf, textMessage, type FixErrorCode } from '../../../shared/fix-errors.ts';
import { msg, type Message } from '../../../shared/i18n/message.ts';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ApplicableFix, CodexSetup, EnvironmentReport, FileDiff, FixPlan } from '../../../shared/types.ts';
import { textDiff } from './diff.ts';
import { fileMode } from './atomic-write.ts';
import {
  getAt,
  parseTomlText,
  TomlEditError,
  TomlSyntaxError,
  verifyEdit,
  type ExpectedChange,
} from '../toml/index.ts';
import { redactLine } from '../redact.ts';
import { ConfigFileError, invalidUtf8Position, MAX_CONFIG_FILE_BYTES, readConfigFileSync } from '../config-file.ts';
import { english } from '../../../shared/i18n/translate.ts';
import type { CaSearchResult } from '../trust/find-ca.ts';

export interface ProxyProbeResult {
  carriesWebSocket: boolean;
  carriesHttps: boolean;
  detail: Message;
  /** The proxy answered 407: it wants a login, or refused the one in the URL. */
  loginRequired?: boolean;
}

export type ProbeProxy = (url: string) => Promise<ProxyProbeResult>;
/** Turns TUN on or off through a Clash/mihomo API (PATCH /configs); written in core/environment. */
export type SetClashTun = (controller: string, secret: string | undefined, enable: boolean) => Promise<void>;

export interface FixContext {
  codexHome: string;
  profile: string | null;
  setup: CodexSetup;
  /** For use-proxy: the URL the diagnosis proved, or one the user typed. */
  proxyUrl?: string;
  /** True when the URL was typed by the user (it is then probed before it is accepted). */
  proxyUrlFromUser?: boolean;
  environment?: EnvironmentReport;
  probeProxy?: ProbeProxy;
  setClashTun?: SetClashTun;
  /** For trust-ca: the CA search on Codex's route (found and proven by the workflow before planning). */
  caSearch?: CaSearchResult;
}

/** One file change, kept main-side: the exact bytes before (null: absent) and after (null: delete). */
export interface PlannedEdit {
  path: string;
  before: Buffer | null;
  after: Buffer | null;
  /** Mode for a file the change creates. */
  newFileMode?: number;
  /** Mode to give an existing file (owner-only for a file that now holds a password); revert restores the old one. */
  mode?: number;
}

export interface PlannedApiAction {
  controller: string;
  /** Held in memory only, never journaled. */
  secret?: string;
  enableTun: boolean;
  previousTun: boolean;
}

export interface PlannedFix {
  plan: FixPlan;
  edits: PlannedEdit[];
  codexHome: string;
  profile: string | null;
  api?: PlannedApiAction;
}

/**
 * A fix refused or failed: `userMessage` says why (a catalog message the app and the command line
 * render), `code` picks the hint (FIX_ERROR_HINTS); `message` is the English text, for logs.
 */
export class FixError extends Error {
  constructor(
    readonly userMessage: Message,
    readonly code: FixErrorCode,
    readonly location?: { file: string; line?: number; column?: number },
  ) {
    super(english(userMessage));
    this.name = 'FixError';
  }
}

/** A ConfigFileError (another module's) as a refusal of ours, by its code. */
const CONFIG_FILE_ERRORS = {
  'not-a-file': 'fixes.error.file-not-regular',
  'too-large': 'fixes.error.file-too-large',
  unreadable: 'fixes.error.file-unreadable',
  'symlink-loop': 'fixes.error.file-symlink-loop',
} as const satisfies Record<ConfigFileError['code'], Message['id']>;

export function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

export function newPlanId(): string {
  return `plan-${Date.now().toString(36)}-${randomBytes(6).toString('hex')}`;
}

export function assertCodexHome(codexHome: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(codexHome);
  } catch {
    throw new FixError(msg('fixes.error.codex-home-absent', { path: codexHome }), 'codex-home-missing');
  }
  if (!stat.isDirectory())
    throw new FixError(msg('fixes.error.codex-home-not-folder', { path: codexHome }), 'codex-home-missing');
}

export function readBytes(file: string): Buffer | null {
  try {
    return readConfigFileSync(file);
  } catch (error) {
    if (error instanceof ConfigFileError) {
      throw new FixError(
        msg(CONFIG_FILE_ERRORS[error.code], { file, mib: MAX_CONFIG_FILE_BYTES / 2 ** 20 }),
        'edit-refused',
        { file },
      );
    }
    const code = (error as NodeJS.ErrnoException).code;
    throw new FixError(
      msg('fixes.error.file-read-failed', { file, reason: code ?? (error as Error).message }),
      'edit-refused',
      { file },
    );
  }
}

/** Decodes UTF-8, refusing bytes that would not survive a round trip, with where the first bad byte is. */
export function decodeText(file: string, bytes: Buffer): string {
  const text = bytes.toString('utf8');
  if (!Buffer.from(text, 'utf8').equals(bytes)) {
    const at = invalidUtf8Position(bytes);
    throw new FixError(
      at
        ? msg('fixes.error.not-utf8-at', {
            file,
            line: at.line,
            column: at.column,
            byte: bytes[at.offset]!.toString(16).padStart(2, '0'),
          })
        : msg('fixes.error.not-utf8', { file }),
      'edit-refused',
      at ? { file, line: at.line, column: at.column } : { file },
    );
  }
  return text;
}

export interface TomlFile {
  path: string;
  bytes: Buffer | null;
  text: string;
  data: Record<string, unknown>;
}

/** Reads and parses a TOML file; an absent file is an empty document. */
export function readTomlFile(file: string, label: string): TomlFile {
  const bytes = readBytes(file);
  if (bytes === null) return { path: file, bytes: null, text: '', data: {} };
  const text = decodeText(file, bytes);
  try {
    return { path: file, bytes, text, data: parseTomlText(text, label) };
  } catch (error) {
    const e = error as { line?: number; column?: number; message: string };
    const problem = error instanceof TomlSyntaxError ? error.userMessage : textMessage(e.message);
    throw new FixError(msg('fixes.error.config-unparseable', { problem }), 'config-unparseable', {
      file,
      line: e.line,
      column: e.column,
    });
  }
}

export function displayPath(codexHome: string, file: string): string {
  const rel = path.relative(codexHome, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? `$CODEX_HOME/${rel.split(path.sep).join('/')}` : file;
}

export function fileDiff(codexHome: string, edit: PlannedEdit): FileDiff {
  const label = displayPath(codexHome, edit.path);
  const before = edit.before === null ? null : edit.before.toString('utf8');
  const after = edit.after === null ? null : edit.after.toString('utf8');
  return {
    path: label,
    action: edit.before === null ? 'create' : edit.after === null ? 'delete' : 'modify',
    ...textDiff(before, after, redactLine),
  };
}

export function makePlan(
  ctx: { codexHome: string; profile: string | null },
  fix: ApplicableFix,
  title: Message,
  edits: PlannedEdit[],
  extra: Partial<Pick<FixPlan, 'sideEffects' | 'warnings' | 'manualSteps' | 'apiAction'>> = {},
  api?: PlannedApiAction,
): PlannedFix {
  const changed = edits.filter((e) => !(e.before && e.after && e.before.equals(e.after)));
  const plan: FixPlan = {
    planId: newPlanId(),
    fix,
    title,
    diffs: changed.map((e) => fileDiff(ctx.codexHome, e)),
    sideEffects: extra.sideEffects ?? [],
    warnings: extra.warnings ?? [],
  };
  if (extra.manualSteps) plan.manualSteps = extra.manualSteps;
  if (extra.apiAction) plan.apiAction = extra.apiAction;
  const planned: PlannedFix = { plan, edits: changed, codexHome: ctx.codexHome, profile: ctx.profile };
  if (api) planned.api = api;
  return planned;
}

export function profileFilePath(codexHome: string, profile: string): string {
  if (!/^[A-Za-z0-9_.-]+$/.test(profile) || profile.startsWith('.')) {
    throw new FixError(msg('fixes.error.bad-profile-name', { profile }), 'not-applicable');
  }
  return path.join(codexHome, `${profile}.config.toml`);
}

/** Built-in provider ids: a table under one of them makes Codex refuse to start. */
export { RESERVED_PROVIDER_IDS } from '../codex/provider.ts';

/** The provider table as Codex sees it with the profile file layered over config.toml. */
export function mergedProviderTable(files: TomlFile[], id: string): Record<string, unknown> | undefined {
  let merged: Record<string, unknown> | undefined;
  for (const f of files) {
    const t = getAt(f.data, ['model_providers', id]);
    if (t && typeof t === 'object' && !Array.isArray(t))
      merged = { ...(merged ?? {}), ...(t as Record<string, unknown>) };
  }
  return merged;
}

/** The last file (profile over config) that sets a top-level key, and its value. */
export function layeredTopLevel(files: TomlFile[], key: string): { file: TomlFile; value: unknown } | undefined {
  let found: { file: TomlFile; value: unknown } | undefined;
  for (const f of files) if (f.data[key] !== undefined) found = { file: f, value: f.data[key] };
  return found;
}

export function editOf(file: TomlFile, afterText: string, newFileMode?: number): PlannedEdit {
  const edit: PlannedEdit = { path: file.path, before: file.bytes, after: Buffer.from(afterText, 'utf8') };
  if (file.bytes === null) edit.newFileMode = newFileMode ?? 0o600;
  return edit;
}

export { fileMode };

/** Runs a text edit; an edit the scanner cannot make safely becomes a refusal that writes nothing. */
export function tomlEdit<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof TomlEditError)
      throw new FixError(msg('fixes.error.nothing-written', { problem: error.userMessage }), 'edit-refused');
    throw error;
  }
}

/** The edited text must parse and differ from the original in exactly the expected keys. */
export function verifyOrRefuse(before: string, after: string, expected: ExpectedChange[], fileName: string): void {
  try {
    verifyEdit(before, after, expected, fileName);
  } catch (error) {
    throw new FixError(errorMessageOf(error), 'edit-refused');
  }
}
