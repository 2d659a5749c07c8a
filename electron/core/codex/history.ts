// What Codex itself recorded about its connection: retries, fallbacks to HTTPS, "waiting for
// network" loops and 401s, from $CODEX_HOME/logs_2.sqlite (Codex 0.169–0.171, written by the TUI;
// `codex exec` writes none). Read-only and bounded: the database can exceed a gigabyte and Codex
// writes to it while it runs.
//
// SQLite: node-sqlite3-wasm — SQLite compiled to WebAssembly with a Node file-system VFS, so it
// runs in plain Node 20 and in Electron with no native build or download at install time, and
// reads pages on demand (never the whole file). Its VFS cannot share SQLite's WAL index with
// Codex, so the connection uses exclusive locking mode, which keeps the index in its own memory
// and reads the -wal file directly; the lock it takes is a `<file>.lock` folder of its own that
// Codex never looks at, removed when the connection closes.
import { rmdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { CodexHistory, CodexHistoryCounts, CodexHistoryStatus, Message } from '../../../shared/types.ts';
import { msg } from '../../../shared/i18n/message.ts';

interface SqliteDatabase {
  all(sql: string, values?: unknown[]): Record<string, unknown>[];
  get(sql: string, values?: unknown[]): Record<string, unknown> | null;
  exec(sql: string): void;
  close(): void;
}

export const HISTORY_FILE = 'logs_2.sqlite';
const DAY_MS = 24 * 60 * 60 * 1000;
/** Rows per query: a bounded piece of work between checks of the time box. */
const CHUNK_ROWS = 4000;
/** The log targets that say something about the connection (seen by running the TUI). */
const TARGETS = [
  'codex_core::responses_retry',
  'codex_core::client',
  'codex_api::endpoint::responses_websocket',
  'codex_core::session::startup_prewarm',
];

export interface ReadHistoryOptions {
  codexHome: string;
  /** CODEX_SQLITE_HOME or the `sqlite_home` setting, when set. */
  sqliteHome?: string;
  /** Milliseconds since the epoch (tests fix it). */
  now?: number;
  /** The time box for the whole read. */
  budgetMs?: number;
  /** Also count what happened since this moment (ms since the epoch): "did it still retry after the fix?" */
  since?: number;
}

/** Where Codex keeps its log database. */
export function historyDatabasePath(codexHome: string, sqliteHome?: string): string {
  return path.join(sqliteHome && sqliteHome.trim() !== '' ? sqliteHome : codexHome, HISTORY_FILE);
}

const emptyCounts = (): CodexHistoryCounts => ({
  retries: 0,
  fallbacks: 0,
  waitingForNetwork: 0,
  unauthorized: 0,
  retryDelayMs: 0,
});

/** The class of a sampling error: enough to name the cause, never its text (it holds URLs). */
export function errorClass(body: string): string {
  if (/\b401\b|unauthori[sz]ed/i.test(body)) return 'unauthorized';
  if (/\b407\b/.test(body)) return 'proxy-auth-required';
  if (/\b403\b|forbidden/i.test(body)) return 'forbidden';
  if (/\b404\b|not found/i.test(body)) return 'not-found';
  if (/connection refused|os error (111|61|10061)/i.test(body)) return 'connection-refused';
  if (/reset|without closing handshake|broken pipe|os error (104|54|10054)/i.test(body)) return 'connection-reset';
  if (/timed out|timeout|deadline/i.test(body)) return 'timeout';
  if (/certificate|tls|ssl|unknownissuer|invalidcertificate/i.test(body)) return 'tls';
  if (/dns|lookup|resolve|name or service not known|os error (11001|-2)/i.test(body)) return 'dns';
  return 'other';
}

interface Row {
  ts: number;
  target: string;
  body: string;
}

/** Seconds or milliseconds since the epoch, as the column holds them. */
function rowTimeMs(ts: number): number {
  return ts > 1e12 ? ts : ts * 1000;
}

function classify(row: Row, counts: CodexHistoryCounts, causes: Map<string, number>): 'retry' | 'fallback' | null {
  let kind: 'retry' | 'fallback' | null = null;
  const retry = /retrying sampling request \((\d+)\/(\d+) in (\d+)ms\)/i.exec(row.body);
  if (row.target === 'codex_core::responses_retry' && retry) {
    counts.retries += 1;
    counts.retryDelayMs += Number(retry[3]);
    const cls = errorClass(
      row.body.slice(row.body.indexOf('sampling_error') >= 0 ? row.body.indexOf('sampling_error') : 0),
    );
    causes.set(cls, (causes.get(cls) ?? 0) + 1);
    kind = 'retry';
  }
  if (/falling back to HTTP/i.test(row.body)) {
    counts.fallbacks += 1;
    kind = 'fallback';
  }
  if (/waiting for network/i.test(row.body)) counts.waitingForNetwork += 1;
  if (/\b401\b.*unauthori[sz]ed|unauthori[sz]ed.*\b401\b/i.test(row.body)) counts.unauthorized += 1;
  return kind;
}

async function openDatabase(file: string): Promise<SqliteDatabase> {
  // Loaded on first use (its WebAssembly is instantiated then); a literal import, so the app's and
  // the command line's bundles carry it (the installers ship no node_modules).
  const loaded = (await import('node-sqlite3-wasm')) as unknown as {
    Database?: unknown;
    default?: { Database: unknown };
  };
  const Database = (loaded.Database ?? loaded.default?.Database) as new (f: string, o: object) => SqliteDatabase;
  const db = new Database(file, { readOnly: true, fileMustExist: true });
  // WAL without a shared index: keep the index in this connection's memory (see the file comment).
  db.exec('PRAGMA locking_mode=EXCLUSIVE');
  return db;
}

/**
 * The WebAssembly VFS locks with an empty `<file>.lock` folder; one left by a doctor that was
 * killed mid-read would block every later read. Only that folder, only when empty and old.
 */
function clearStaleLock(file: string, now: number): void {
  const lock = `${file}.lock`;
  try {
    const st = statSync(lock);
    if (st.isDirectory() && now - st.mtimeMs > 2 * 60_000) rmdirSync(lock);
  } catch {
    // no lock, or not ours to remove
  }
}

function result(status: CodexHistoryStatus, database: string, note?: Message): CodexHistory {
  return {
    status,
    database,
    last7Days: emptyCounts(),
    last30Days: emptyCounts(),
    perDay: [],
    causes: [],
    ...(note ? { note } : {}),
  };
}

/**
 * Reads the connection rows of the last 30 days, newest first, a chunk of row ids at a time —
 * yielding to the event loop between chunks, as the WebAssembly calls are synchronous — and stops
 * at the time box (the result then says `partial`). Never throws.
 */
export async function readCodexHistory(opts: ReadHistoryOptions): Promise<CodexHistory> {
  const file = historyDatabasePath(opts.codexHome, opts.sqliteHome);
  const now = opts.now ?? Date.now();
  const budgetMs = opts.budgetMs ?? 1500;
  const started = performance.now();
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) return result('unreadable', file, msg('setup.history.not-a-file', { file: HISTORY_FILE }));
    size = st.size;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT'
      ? result('none', file, msg('setup.history.none'))
      : result('unreadable', file, msg('setup.history.cannot-read', { file: HISTORY_FILE, code: code ?? 'error' }));
  }
  clearStaleLock(file, Date.now());
  let db: SqliteDatabase | undefined;
  try {
    db = await openDatabase(file);
    const columns = db.all('PRAGMA table_info(logs)').map((c) => String(c.name));
    if (!['id', 'ts', 'target', 'feedback_log_body'].every((c) => columns.includes(c))) {
      return result('unreadable', file, msg('setup.history.wrong-shape', { file: HISTORY_FILE }));
    }
    const maxId = Number(db.get('SELECT max(id) AS m FROM logs')?.m ?? 0);
    const last7 = emptyCounts();
    const last30 = emptyCounts();
    const sinceCounts = emptyCounts();
    const causes = new Map<string, number>();
    const days = new Map<string, { retries: number; fallbacks: number }>();
    const cutoff30 = now - 30 * DAY_MS;
    const cutoff7 = now - 7 * DAY_MS;
    const placeholders = TARGETS.map(() => '?').join(',');
    let hi = maxId;
    let partial = false;
    while (hi > 0) {
      await new Promise((resolve) => setImmediate(resolve));
      if (performance.now() - started > budgetMs) {
        partial = true;
        break;
      }
      const lo = Math.max(0, hi - CHUNK_ROWS);
      const rows = db.all(
        `SELECT ts, target, feedback_log_body AS body FROM logs WHERE id > ? AND id <= ? AND target IN (${placeholders})`,
        [lo, hi, ...TARGETS],
      );
      for (const r of rows) {
        const row: Row = { ts: Number(r.ts), target: String(r.target), body: typeof r.body === 'string' ? r.body : '' };
        const at = rowTimeMs(row.ts);
        if (at < cutoff30 || at > now + DAY_MS) continue;
        const kind = classify(row, last30, at >= cutoff7 ? causes : new Map());
        if (at >= cutoff7) classify(row, last7, new Map());
        if (opts.since !== undefined && at >= opts.since) classify(row, sinceCounts, new Map());
        if (kind) {
          const day = new Date(at).toISOString().slice(0, 10);
          const d = days.get(day) ?? { retries: 0, fallbacks: 0 };
          if (kind === 'retry') d.retries += 1;
          else d.fallbacks += 1;
          days.set(day, d);
        }
      }
      // Stop once the chunk's oldest row is older than 30 days (ids grow with time).
      const oldest = db.get('SELECT ts FROM logs WHERE id <= ? ORDER BY id DESC LIMIT 1', [lo]);
      if (!oldest || rowTimeMs(Number(oldest.ts)) < cutoff30) break;
      hi = lo;
    }
    return {
      status: partial ? 'partial' : 'ok',
      database: file,
      last7Days: last7,
      last30Days: last30,
      perDay: [...days].sort(([a], [b]) => a.localeCompare(b)).map(([date, d]) => ({ date, ...d })),
      causes: [...causes].sort((a, b) => b[1] - a[1]).map(([cause, count]) => ({ cause, count })),
      ...(opts.since !== undefined ? { since: { at: new Date(opts.since).toISOString(), counts: sinceCounts } } : {}),
      ...(partial ? { note: msg('setup.history.partial', { ms: budgetMs, mb: Math.round(size / 1e6) }) } : {}),
    };
  } catch (error) {
    const message = (error as Error).message ?? '';
    if (/busy|locked/i.test(message))
      return result('locked', file, msg('setup.history.locked', { file: HISTORY_FILE }));
    return result('unreadable', file, msg('setup.history.not-sqlite', { file: HISTORY_FILE }));
  } finally {
    try {
      db?.close();
    } catch {
      // closing a half-open connection: nothing more to do
    }
  }
}

/** The finding's sentence, e.g. "In the last 7 days Codex fell back from WebSockets to HTTPS 37 times; about 4 minutes spent waiting between retries." */
export function historySummary(h: CodexHistory): Message | null {
  const c = h.last7Days;
  if (c.retries + c.fallbacks + c.waitingForNetwork + c.unauthorized === 0) return null;
  const parts: Message[] = [];
  if (c.fallbacks) parts.push(msg('setup.history.fell-back', { count: c.fallbacks }));
  if (c.retries) parts.push(msg('setup.history.retried', { count: c.retries }));
  if (c.waitingForNetwork) parts.push(msg('setup.history.waited-for-network', { count: c.waitingForNetwork }));
  if (c.unauthorized) parts.push(msg('setup.history.refused-401', { count: c.unauthorized }));
  if (c.retryDelayMs < 1000) return msg('setup.history.summary', { parts });
  const minutes = Math.round(c.retryDelayMs / 60_000);
  const wait =
    c.retryDelayMs >= 60_000
      ? msg('setup.history.minutes', { count: minutes })
      : msg('setup.history.seconds', { seconds: Math.round(c.retryDelayMs / 1000) });
  return msg('setup.history.summary-waited', { parts, wait });
}
