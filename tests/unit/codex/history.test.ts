// Codex's own record of its connection, read from databases made here with Codex's schema and rows
// (target and body as Codex 0.169/0.171's TUI writes them).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { historySummary, readCodexHistory } from '../../../electron/core/codex/history.ts';
import { runDiagnosis } from '../../../electron/core/diagnosis/diagnose.ts';
import { msg } from '../../../shared/i18n/message.ts';
import { en, zh } from '../../i18n.ts';

const require = createRequire(import.meta.url);
const { Database } = require('node-sqlite3-wasm') as {
  Database: new (f: string) => { exec(sql: string): void; run(sql: string, v?: unknown[]): unknown; close(): void };
};

const SCHEMA = `CREATE TABLE logs (id INTEGER PRIMARY KEY AUTOINCREMENT, ts INTEGER NOT NULL, ts_nanos INTEGER NOT NULL,
  level TEXT NOT NULL, target TEXT NOT NULL, feedback_log_body TEXT, module_path TEXT, file TEXT, line INTEGER,
  thread_id TEXT, process_uuid TEXT, estimated_bytes INTEGER NOT NULL DEFAULT 0)`;
const NOW = Date.parse('2026-11-30T12:00:00Z');
const DAY = 86_400_000;
const SECRET = 'sk-planted-in-a-log-url-7f3a9c';

type Row = [ageDays: number, target: string, body: string];
const retry = (n: number, ms: number, error: string) =>
  `stream disconnected - retrying sampling request (${n}/5 in ${ms}ms)... sampling_error=${error} url: https://gw.example/v1/responses?api-key=${SECRET}`;

function makeDb(rows: Row[], base = NOW): string {
  const home = mkdtempSync(path.join(os.tmpdir(), 'codex-history-'));
  const db = new Database(path.join(home, 'logs_2.sqlite'));
  db.exec(SCHEMA);
  db.exec('BEGIN');
  for (const [age, target, body] of rows) {
    db.run(
      'INSERT INTO logs (ts, ts_nanos, level, target, feedback_log_body, estimated_bytes) VALUES (?, 0, ?, ?, ?, ?)',
      [Math.floor((base - age * DAY) / 1000), 'WARN', target, body, body.length],
    );
  }
  db.exec('COMMIT');
  db.close();
  return home;
}

const RETRY = 'codex_core::responses_retry';
const CLIENT = 'codex_core::client';

describe("Codex's history", () => {
  test('counts of the last 7 and 30 days, per day, causes by class; no message text and no secret', async () => {
    const home = makeDb([
      [40, RETRY, retry(2, 400, 'Connection refused (os error 111)')], // older than 30 days: not counted
      [20, RETRY, retry(2, 400, 'request timed out')],
      [20, CLIENT, 'falling back to HTTP'],
      [2, RETRY, retry(2, 400, 'Connection refused (os error 111)')],
      [2, RETRY, retry(3, 800, 'Connection refused (os error 111)')],
      [1, RETRY, retry(4, 1600, 'WebSocket protocol error: Connection reset without closing handshake')],
      [1, CLIENT, 'falling back to HTTP'],
      [
        1,
        RETRY,
        'stream disconnected - retrying sampling request (2/5 in 200ms)... sampling_error=unexpected status 401 Unauthorized',
      ],
      [0, 'codex_core::session', 'Reconnecting... waiting for network'],
      [0, 'codex_tui::app', 'rendered a frame'], // another target: never read
    ]);
    const h = await readCodexHistory({ codexHome: home, now: NOW });
    assert.equal(h.status, 'ok');
    assert.deepEqual(h.last7Days, {
      retries: 4,
      fallbacks: 1,
      waitingForNetwork: 0,
      unauthorized: 1,
      retryDelayMs: 400 + 800 + 1600 + 200,
    });
    assert.equal(h.last30Days.retries, 5);
    assert.equal(h.last30Days.fallbacks, 2);
    assert.deepEqual(h.causes, [
      { cause: 'connection-refused', count: 2 },
      { cause: 'connection-reset', count: 1 },
      { cause: 'unauthorized', count: 1 },
    ]);
    assert.deepEqual(
      h.perDay.map((d) => d.date),
      ['2026-11-10', '2026-11-28', '2026-11-29'],
    );
    const summary = historySummary(h)!;
    const text = JSON.stringify(h) + en(summary) + zh(summary);
    assert.ok(!text.includes(SECRET), 'no secret from a logged URL');
    assert.ok(!text.includes('gw.example'), 'no message text beyond the error classes');
    assert.equal(
      en(summary),
      'In the last 7 days Codex fell back from WebSockets to HTTPS 1 time, retried 4 times, was refused with 401 1 time; about 3 s spent waiting between retries.',
    );
    assert.equal(
      zh(summary),
      '最近 7 天内，Codex 从 WebSocket 回退到 HTTPS 1 次、重试 4 次、因 401 被拒绝 1 次；重试之间共等待了约 3 秒。',
    );
  });

  test('no database, a file that is not SQLite, a lock folder of a running read, a stale one', async () => {
    const empty = mkdtempSync(path.join(os.tmpdir(), 'codex-history-none-'));
    assert.equal((await readCodexHistory({ codexHome: empty, now: NOW })).status, 'none');
    writeFileSync(path.join(empty, 'logs_2.sqlite'), 'not a database at all, just text '.repeat(100));
    assert.equal((await readCodexHistory({ codexHome: empty, now: NOW })).status, 'unreadable');

    const home = makeDb([[1, CLIENT, 'falling back to HTTP']]);
    const lock = path.join(home, 'logs_2.sqlite.lock');
    mkdirSync(lock);
    assert.equal((await readCodexHistory({ codexHome: home, now: Date.now() })).status, 'locked');
    const old = new Date(Date.now() - 10 * 60_000);
    utimesSync(lock, old, old);
    const h = await readCodexHistory({ codexHome: home, now: NOW });
    assert.equal(h.status, 'ok', h.note && en(h.note));
  });

  test('CODEX_SQLITE_HOME moves the database', async () => {
    const moved = makeDb([[1, CLIENT, 'falling back to HTTP']]);
    const h = await readCodexHistory({ codexHome: '/nonexistent', sqliteHome: moved, now: NOW });
    assert.equal(h.last7Days.fallbacks, 1);
  });

  test('a database Codex is writing to in WAL mode, rows still only in the -wal file: read, and the writer is not blocked', (t) => {
    const python = spawnSync('python3', ['--version']);
    if (python.status !== 0)
      return t.skip('python3 (its sqlite3 module is a native SQLite, as Codex uses) is not installed');
    const home = mkdtempSync(path.join(os.tmpdir(), 'codex-history-wal-'));
    const node = `const h = await (await import(${JSON.stringify(new URL('../../../electron/core/codex/history.ts', import.meta.url).href)})).readCodexHistory({ codexHome: ${JSON.stringify(home)} }); console.log(JSON.stringify(h.last7Days));`;
    const script = [
      'import sqlite3, subprocess, sys, time',
      `c = sqlite3.connect(${JSON.stringify(path.join(home, 'logs_2.sqlite'))})`,
      "c.execute('PRAGMA journal_mode=WAL')",
      `c.execute('''${SCHEMA}''')`,
      'c.commit()',
      "for i in range(3): c.execute(\"INSERT INTO logs (ts, ts_nanos, level, target, feedback_log_body) VALUES (?, 0, 'INFO', 'codex_core::client', 'falling back to HTTP')\", (int(time.time()),))",
      'c.commit()',
      `r = subprocess.run(['node', '--import', 'tsx', '--input-type=module', '-e', ${JSON.stringify(node)}], capture_output=True, text=True)`,
      'print(r.stdout.strip()); print(r.stderr[-400:], file=sys.stderr)',
      "c.execute(\"INSERT INTO logs (ts, ts_nanos, level, target, feedback_log_body) VALUES (1, 0, 'INFO', 'codex_core::client', 'x')\")",
      "c.commit(); print('writer-ok')",
    ].join('\n');
    const run = spawnSync('python3', ['-c', script], { encoding: 'utf8', cwd: process.cwd() });
    assert.equal(run.status, 0, run.stderr);
    const [counts, writer] = run.stdout.trim().split('\n');
    assert.equal(JSON.parse(counts!).fallbacks, 3, run.stderr);
    assert.equal(writer, 'writer-ok');
  });

  test('a large database: the time box holds and the result says it is partial', async () => {
    const rows: Row[] = [];
    for (let i = 0; i < 60_000; i += 1)
      rows.push([i % 20, i % 3 ? 'codex_tui::app' : RETRY, i % 3 ? 'frame' : retry(2, 400, 'request timed out')]);
    const home = makeDb(rows);
    const t0 = performance.now();
    const h = await readCodexHistory({ codexHome: home, now: NOW, budgetMs: 1 });
    assert.ok(performance.now() - t0 < 1500, `took ${performance.now() - t0} ms`);
    assert.equal(h.status, 'partial');
    assert.match(en(h.note!), /most recent rows only/);
  });

  test('the diagnosis carries it: a finding and codexHistory in the report', async () => {
    const home = makeDb([
      [1, CLIENT, 'falling back to HTTP'],
      [1, RETRY, retry(2, 400, 'Connection refused')],
    ]);
    writeFileSync(
      path.join(home, 'config.toml'),
      'model_provider = "p"\n[model_providers.p]\nname = "P"\nbase_url = "http://127.0.0.1:9/v1"\n',
    );
    const report = await runDiagnosis({
      codexHome: home,
      env: {},
      codexDoctor: false,
      timeoutMs: 500,
      readEnvironment: async () => ({
        systemProxy: null,
        localProxies: [],
        proxyApps: [],
        clashApi: [],
        tun: { active: false, interfaces: [], evidence: [] },
      }),
    });
    assert.equal(report.codexHistory?.last7Days.fallbacks, 1);
    const finding = report.findings.find((f) => f.id === 'codex.history.connection-trouble');
    assert.match(en(finding!.summary), /fell back from WebSockets to HTTPS 1 time/);
    assert.ok(!JSON.stringify(report).includes(SECRET));
  });
});

describe('after a fix, later', () => {
  test('History says what Codex recorded since the change', async () => {
    const { withRecordSinceChange, sinceChangeText } = await import('../../../electron/core/after-fix/since-change.ts');
    // History reads with the real clock: the rows are dated from it too.
    const now = Date.now();
    const home = makeDb(
      [
        [3, CLIENT, 'falling back to HTTP'],
        [0.5, RETRY, retry(2, 400, 'timeout')],
      ],
      now,
    );
    const createdAt = new Date(now - 1 * DAY).toISOString();
    const entry = {
      id: 'c1',
      createdAt,
      fix: 'disable-websockets' as const,
      title: 't',
      codexHome: home,
      profile: null,
      files: [],
    };
    const item = {
      id: 'c1',
      createdAt,
      fix: 'disable-websockets' as const,
      title: msg('fixes.title.legacy', { title: 't' }),
      files: [],
      reverted: false,
    };
    const [withSince] = await withRecordSinceChange([item], [entry], {});
    assert.equal(withSince?.sinceChange?.retries, 1, 'the retry after the change');
    assert.equal(withSince?.sinceChange?.fallbacks, 0, 'the fallback before it is not counted');
    assert.match(en(sinceChangeText(withSince!)!), /1 retries, 0 fallbacks/);
  });
});
