// The change journal: one JSON file per applied change, never rewritten; a revert adds a marker
// file beside it. Config files can hold tokens, so the directory is the user's alone.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { HistoryItem, JournalEntry } from '../../../shared/types.ts';
import { atomicWriteFileSync } from './atomic-write.ts';

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

export function ensureJournalDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (process.platform !== 'win32') fs.chmodSync(dir, 0o700);
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
  atomicWriteFileSync(path.join(dir, `${id}.reverted.json`), JSON.stringify(marker) + '\n', { mode: 0o600 });
}

export function readEntry(dir: string, id: string): JournalEntry | null {
  if (!isChangeId(id)) return null;
  let entry: JournalEntry;
  try {
    entry = JSON.parse(fs.readFileSync(path.join(dir, `${id}.json`), 'utf8')) as JournalEntry;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const marker = JSON.parse(fs.readFileSync(path.join(dir, `${id}.reverted.json`), 'utf8')) as RevertMarker;
    entry.revertedAt = marker.revertedAt;
  } catch {
    // not reverted
  }
  return entry;
}

/** Every entry, oldest first. */
export function readAllEntries(dir: string): JournalEntry[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return names
    .filter((n) => n.endsWith('.json') && !n.endsWith('.reverted.json'))
    .map((n) => n.slice(0, -'.json'.length))
    .filter(isChangeId)
    .sort()
    .map((id) => readEntry(dir, id))
    .filter((e): e is JournalEntry => e !== null);
}

export function toHistoryItem(entry: JournalEntry): HistoryItem {
  const item: HistoryItem = {
    id: entry.id,
    createdAt: entry.createdAt,
    fix: entry.fix,
    title: entry.title,
    files: entry.files.map((f) => f.path),
    reverted: entry.revertedAt !== undefined,
  };
  if (entry.revertedAt) item.revertedAt = entry.revertedAt;
  return item;
}

/** History, newest first. */
export function listHistory(dir: string): HistoryItem[] {
  return readAllEntries(dir).reverse().map(toHistoryItem);
}
