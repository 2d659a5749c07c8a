// The change journal: one JSON file per applied change, never rewritten; a revert adds a marker
// file beside it. Config files can hold tokens, so the directory is the user's alone.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { HistoryItem, JournalEntry } from '../../../shared/types.ts';
import { changeState } from './still-in-place.ts';
import { atomicWriteFileSync } from './atomic-write.ts';
import { FixError } from './plan.ts';
import { textMessage } from '../../../shared/fix-errors.ts';
import { isMessage, msg, type Message } from '../../../shared/i18n/message.ts';

export const APP_DIR_NAME = 'Codex Connection Doctor';

/** Electron's userData directory for this app, computed without Electron, plus /journal. */
export function getJournalDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  homedir: string = os.homedir(),
): string {
  const override = env.CODEX_CONNECTION_DOCTOR_HOME;
  if (override) return path.join(override, 'journal');
  const p = platform === 'win32' ? path.win32 : path.posix;
  let base: string;
  if (platform === 'darwin') base = p.join(homedir, 'Library', 'Application Support');
  else if (platform === 'win32') base = env.APPDATA ?? p.join(homedir, 'AppData', 'Roaming');
  else base = env.XDG_CONFIG_HOME || p.join(homedir, '.config');
  return p.join(base, APP_DIR_NAME, 'journal');
}

/** A journal folder that cannot be used: a refusal that names it and says what to do. */
export function journalFolderError(dir: string, error: unknown): FixError {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const message =
    code === 'ENOTDIR' || code === 'EEXIST'
      ? msg('fixes.error.journal-is-file', { dir })
      : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
        ? msg('fixes.error.journal-no-access', { dir })
        : code === 'ELOOP'
          ? msg('fixes.error.journal-symlink-loop', { dir })
          : msg('fixes.error.journal-unusable', { dir, error: (error as Error).message });
  return new FixError(message, 'read-only', { file: dir });
}

export function ensureJournalDir(dir: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (!fs.statSync(dir).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
    if (process.platform !== 'win32') fs.chmodSync(dir, 0o700);
    fs.accessSync(dir, fs.constants.R_OK | fs.constants.W_OK | fs.constants.X_OK);
  } catch (error) {
    throw journalFolderError(dir, error);
  }
}

/** Time-sortable id: UTC timestamp to the millisecond, a counter, and randomness. */
let lastStamp = '';
let counter = 0;
export function newChangeId(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:.]/g, '');
  counter = stamp === lastStamp ? counter + 1 : 0;
  lastStamp = stamp;
  return `${stamp}-${counter.toString().padStart(3, '0')}-${randomBytes(4).toString('hex')}`;
}

const ID_PATTERN = /^[0-9TZ]+-\d{3}-[0-9a-f]{8}$/;

export function isChangeId(id: string): boolean {
  return ID_PATTERN.test(id);
}

interface RevertMarker {
  revertedAt: string;
  mode: string;
}

export function writeEntry(dir: string, entry: JournalEntry): void {
  ensureJournalDir(dir);
  atomicWriteFileSync(path.join(dir, `${entry.id}.json`), JSON.stringify(entry, null, 2) + '\n', { mode: 0o600 });
}

/** Drops the entry of a change that did not happen (its only step failed before changing anything). */
export function removeEntry(dir: string, id: string): void {
  fs.rmSync(path.join(dir, `${id}.json`), { force: true });
}

export function markReverted(dir: string, id: string, mode: string, when = new Date()): void {
  const marker: RevertMarker = { revertedAt: when.toISOString(), mode };
  try {
    atomicWriteFileSync(path.join(dir, `${id}.reverted.json`), JSON.stringify(marker) + '\n', { mode: 0o600 });
  } catch (error) {
    throw journalFolderError(dir, error);
  }
}

/** A journal file that could not be read as an entry: skipped, and reported. */
export interface DamagedEntry {
  /** The file's name in the journal folder. */
  file: string;
  reason: Message;
}

export interface JournalContents {
  /** Readable, settled entries, oldest first. */
  entries: JournalEntry[];
  damaged: DamagedEntry[];
  /** Ids of changes still being made (or interrupted): not history yet. */
  pending: string[];
}

const isStr = (v: unknown): v is string => typeof v === 'string';
const isOptStr = (v: unknown) => v === undefined || typeof v === 'string';

/** Why a parsed value is not a journal entry with this id, or null when it is one. */
function entryProblem(value: unknown, id: string): Message | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return msg('fixes.damaged.not-an-entry');
  const e = value as Record<string, unknown>;
  if (e.id !== id) return msg('fixes.damaged.id-mismatch');
  for (const k of ['createdAt', 'fix', 'codexHome'] as const)
    if (!isStr(e[k])) return msg('fixes.damaged.field-missing', { field: k });
  // A title is a message; entries written before messages hold an English sentence.
  if (!isStr(e.title) && !isMessage(e.title)) return msg('fixes.damaged.field-missing', { field: 'title' });
  if (!(e.profile === undefined || e.profile === null || isStr(e.profile))) return msg('fixes.damaged.profile');
  if (!isOptStr(e.revertOf)) return msg('fixes.damaged.revert-of');
  if (!Array.isArray(e.files)) return msg('fixes.damaged.field-missing', { field: 'files' });
  for (const f of e.files as unknown[]) {
    if (!f || typeof f !== 'object') return msg('fixes.damaged.file-not-object');
    const r = f as Record<string, unknown>;
    if (!isStr(r.path) || !path.isAbsolute(r.path)) return msg('fixes.damaged.file-path');
    if (typeof r.existedBefore !== 'boolean') return msg('fixes.damaged.file-existed-before');
    if (!isOptStr(r.before) || !isOptStr(r.after) || !isOptStr(r.hashAfter)) return msg('fixes.damaged.file-bytes');
    if (r.existedBefore && r.before === undefined) return msg('fixes.damaged.file-before');
    if (r.modeBefore !== undefined && typeof r.modeBefore !== 'number') return msg('fixes.damaged.file-mode');
  }
  if (e.api !== undefined) {
    const a = e.api as Record<string, unknown> | null;
    if (!a || !isStr(a.controller) || typeof a.previousTun !== 'boolean') return msg('fixes.damaged.api');
  }
  return null;
}

export class DamagedEntryError extends FixError {
  constructor(
    dir: string,
    id: string,
    /** Why the entry cannot be read. */
    readonly reason: Message,
  ) {
    super(msg('fixes.error.journal-damaged', { file: path.join(dir, `${id}.json`), reason }), 'not-found');
  }
}

function readDir(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw journalFolderError(dir, error);
  }
}

function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** One entry, with its revert marker; null when absent. A damaged entry throws DamagedEntryError. */
export function readEntry(dir: string, id: string): JournalEntry | null {
  if (!isChangeId(id)) return null;
  let value: unknown;
  try {
    value = readJson(path.join(dir, `${id}.json`));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EISDIR')
      throw journalFolderError(path.join(dir, `${id}.json`), error);
    throw new DamagedEntryError(
      dir,
      id,
      error instanceof SyntaxError ? msg('fixes.damaged.not-json') : textMessage((error as Error).message),
    );
  }
  const problem = entryProblem(value, id);
  if (problem) throw new DamagedEntryError(dir, id, problem);
  const entry = value as JournalEntry;
  const markerFile = path.join(dir, `${id}.reverted.json`);
  if (fs.existsSync(markerFile)) {
    // A marker is written atomically; one that cannot be read still says the change was reverted.
    let revertedAt: string | undefined;
    try {
      const marker = readJson(markerFile) as RevertMarker;
      if (isStr(marker?.revertedAt)) revertedAt = marker.revertedAt;
    } catch {
      // fall back to the marker's time
    }
    entry.revertedAt = revertedAt ?? fs.statSync(markerFile).mtime.toISOString();
  }
  return entry;
}

/** The pending marker of a change being made: written before its entry, removed once its files are written. */
export function pendingMarkerPath(dir: string, id: string): string {
  return path.join(dir, `${id}.pending.json`);
}

export interface PendingMarker {
  codexHome: string;
  pid: number;
}

/** Marks a change as being made, then writes its entry: until finishPending, it is not history. */
export function beginPending(dir: string, entry: JournalEntry): void {
  ensureJournalDir(dir);
  const marker: PendingMarker = { codexHome: entry.codexHome, pid: process.pid };
  atomicWriteFileSync(pendingMarkerPath(dir, entry.id), JSON.stringify(marker) + '\n', { mode: 0o600 });
  writeEntry(dir, entry);
}

/** The change's files are written: its entry is final. */
export function finishPending(dir: string, id: string): void {
  fs.rmSync(pendingMarkerPath(dir, id), { force: true });
  fsyncDir(dir);
}

function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return;
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // best effort
  }
}

/** Pending changes in the journal: id and marker (a marker that cannot be read has no CODEX_HOME). */
export function readPending(dir: string): { id: string; marker: PendingMarker | null }[] {
  return readDir(dir)
    .filter((n) => n.endsWith('.pending.json'))
    .map((n) => n.slice(0, -'.pending.json'.length))
    .filter(isChangeId)
    .sort()
    .map((id) => {
      let marker: PendingMarker | null = null;
      try {
        const m = readJson(pendingMarkerPath(dir, id)) as PendingMarker;
        if (isStr(m?.codexHome)) marker = m;
      } catch {
        // unreadable marker
      }
      return { id, marker };
    });
}

/** Everything in the journal: readable entries, the damaged ones (skipped, to report), the pending ones. */
export function readJournal(dir: string): JournalContents {
  const names = readDir(dir);
  const pending = new Set(
    names.filter((n) => n.endsWith('.pending.json')).map((n) => n.slice(0, -'.pending.json'.length)),
  );
  const entries: JournalEntry[] = [];
  const damaged: DamagedEntry[] = [];
  const ids = names
    .filter((n) => n.endsWith('.json') && !n.endsWith('.reverted.json') && !n.endsWith('.pending.json'))
    .map((n) => n.slice(0, -'.json'.length))
    .sort();
  for (const id of ids) {
    if (!isChangeId(id)) {
      damaged.push({ file: `${id}.json`, reason: msg('fixes.damaged.bad-name') });
      continue;
    }
    if (pending.has(id)) continue;
    try {
      const entry = readEntry(dir, id);
      if (entry) entries.push(entry);
    } catch (error) {
      if (error instanceof DamagedEntryError) damaged.push({ file: `${id}.json`, reason: error.reason });
      else throw error;
    }
  }
  return { entries, damaged, pending: [...pending].filter(isChangeId).sort() };
}

/** Every readable, settled entry, oldest first (damaged and pending ones skipped). */
export function readAllEntries(dir: string): JournalEntry[] {
  return readJournal(dir).entries;
}

export function toHistoryItem(entry: JournalEntry): HistoryItem {
  const item: HistoryItem = {
    id: entry.id,
    createdAt: entry.createdAt,
    fix: entry.fix,
    title: entryTitle(entry),
    files: entry.files.map((f) => f.path),
    reverted: entry.revertedAt !== undefined,
  };
  if (entry.revertedAt) item.revertedAt = entry.revertedAt;
  const state = changeState(entry);
  if (state) item.state = state;
  return item;
}

/**
 * Titles of entries written before titles were messages (English sentences), read back into the
 * message each was made from, so History shows them in the reader's language too.
 */
const LEGACY_TITLES: [RegExp, (m: RegExpExecArray) => Message][] = [
  [/^Removed the lines of: ([\s\S]*)$/, (m) => msg('fixes.title.removed-lines', { title: legacyTitle(m[1]!) })],
  [/^Turn off WebSockets for provider "(.*)"$/, (m) => msg('fixes.title.ws-off-custom', { provider: m[1]! })],
  [
    /^Use provider "(.*)": the built-in OpenAI provider without WebSockets$/,
    (m) => msg('fixes.title.ws-off-http-provider', { provider: m[1]! }),
  ],
  [/^WebSockets are already off for provider "(.*)"$/, (m) => msg('fixes.title.ws-already-off', { provider: m[1]! })],
  [/^Turn on TUN mode through the Clash API at (.*)$/, (m) => msg('fixes.title.tun-api', { controller: m[1]! })],
  [/^TUN mode is already on$/, () => msg('fixes.title.tun-already-on')],
  [/^Repair config\.toml so Codex starts$/, () => msg('fixes.title.repair')],
  [/^Trust the CA "(.*)" for Codex$/, (m) => msg('fixes.title.trust-ca', { name: m[1]! })],
  [/^Send Codex through the proxy (.*)$/, (m) => msg('fixes.title.use-proxy', { proxy: m[1]! })],
];

function legacyTitle(title: string): Message {
  for (const [pattern, make] of LEGACY_TITLES) {
    const m = pattern.exec(title);
    if (m) return make(m);
  }
  return msg('fixes.title.legacy', { title });
}

/** The entry's title as a message, whenever the entry was written. */
export function entryTitle(entry: Pick<JournalEntry, 'title'>): Message {
  return typeof entry.title === 'string' ? legacyTitle(entry.title) : entry.title;
}

/** History, newest first. */
export function listHistory(dir: string): HistoryItem[] {
  return readAllEntries(dir).reverse().map(toHistoryItem);
}
