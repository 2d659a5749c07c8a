// Issue 9 items 3–5 and 16 at the unit level: the journal survives damaged entries, pending changes
// are settled, our stale temporary files are cleaned, the lock serialises writers and recovers a
// dead one's, and a journal folder that cannot be used is refused by name.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { cleanStaleTempFiles } from '../../../electron/core/fixes/atomic-write.ts';
import {
  beginPending,
  ensureJournalDir,
  listHistory,
  readJournal,
  writeEntry,
} from '../../../electron/core/fixes/journal.ts';
import { LOCK_NAME, withCodexHomeLock } from '../../../electron/core/fixes/lock.ts';
import { FixError, sha256 } from '../../../electron/core/fixes/plan.ts';
import { resolveEntry, revertChange } from '../../../electron/core/fixes/revert.ts';
import { settlePendingLocked } from '../../../electron/core/fixes/settle.ts';
import { invalidUtf8Position } from '../../../electron/core/config-file.ts';
import { decodeText } from '../../../electron/core/fixes/plan.ts';
import type { JournalEntry } from '../../../shared/types.ts';
import { tempDir } from './helpers.ts';

function entryFor(home: string, id: string, file: string, before: string | null, after: string): JournalEntry {
  return {
    id,
    createdAt: new Date().toISOString(),
    fix: 'disable-websockets',
    title: 'test change',
    codexHome: home,
    profile: null,
    files: [
      {
        path: file,
        existedBefore: before !== null,
        ...(before !== null ? { before: Buffer.from(before).toString('base64'), modeBefore: 0o600 } : {}),
        hashAfter: sha256(Buffer.from(after)),
        after: Buffer.from(after).toString('base64'),
      },
    ],
  };
}

const ID1 = '20260101T000000000Z-000-00000001';
const ID2 = '20260101T000001000Z-000-00000002';
const ID3 = '20260101T000002000Z-000-00000003';
const ID4 = '20260101T000003000Z-000-00000004';
const ID5 = '20260101T000004000Z-000-00000005';

describe('item 4: damaged journal entries are skipped and reported; the rest are listed and reverted', () => {
  test('truncated, garbage, {} and a wrong shape', async () => {
    const home = tempDir('ccd-home');
    const dir = path.join(tempDir('ccd-journal'), 'journal');
    const file = path.join(home, 'config.toml');
    fs.writeFileSync(file, 'after\n');
    ensureJournalDir(dir);
    writeEntry(dir, entryFor(home, ID1, file, 'before\n', 'after\n'));
    const good = fs.readFileSync(path.join(dir, `${ID1}.json`), 'utf8');
    fs.writeFileSync(path.join(dir, `${ID2}.json`), good.slice(0, good.length / 2)); // truncated
    fs.writeFileSync(path.join(dir, `${ID3}.json`), '\u0000\u0001garbage');
    fs.writeFileSync(path.join(dir, `${ID4}.json`), '{}');
    fs.writeFileSync(
      path.join(dir, `${ID5}.json`),
      JSON.stringify({ ...entryFor(home, ID5, file, 'b', 'a'), files: [{ path: 42 }] }),
    );

    const journal = readJournal(dir);
    assert.deepEqual(
      journal.entries.map((e) => e.id),
      [ID1],
    );
    assert.deepEqual(
      journal.damaged.map((d) => d.file).sort(),
      [ID2, ID3, ID4, ID5].map((id) => `${id}.json`),
    );
    assert.equal(listHistory(dir).length, 1);
    assert.equal(resolveEntry(dir, 'last').id, ID1);
    assert.throws(
      () => resolveEntry(dir, ID4),
      (e: unknown) => e instanceof FixError && /damaged/.test(e.message) && e.message.includes(ID4),
    );

    const outcome = await revertChange('last', { journalDir: dir });
    assert.equal(outcome.status, 'reverted');
    assert.equal(fs.readFileSync(file, 'utf8'), 'before\n');
  });
});

describe('item 5: a change is history only once its files are written', () => {
  test('a pending change whose files were never written is rolled back and dropped', () => {
    const home = tempDir('ccd-home');
    const dir = path.join(tempDir('ccd-journal'), 'journal');
    const file = path.join(home, 'config.toml');
    fs.writeFileSync(file, 'before\n');
    beginPending(dir, entryFor(home, ID1, file, 'before\n', 'after\n'));
    assert.equal(listHistory(dir).length, 0, 'a pending change is not active history');
    assert.deepEqual(readJournal(dir).pending, [ID1]);
    const r = settlePendingLocked(dir, home);
    assert.deepEqual(r.rolledBack, [ID1]);
    assert.deepEqual(fs.readdirSync(dir), []);
    assert.equal(fs.readFileSync(file, 'utf8'), 'before\n');
  });

  test('a pending change whose files were all written becomes active', () => {
    const home = tempDir('ccd-home');
    const dir = path.join(tempDir('ccd-journal'), 'journal');
    const file = path.join(home, 'config.toml');
    fs.writeFileSync(file, 'after\n');
    beginPending(dir, entryFor(home, ID1, file, 'before\n', 'after\n'));
    assert.deepEqual(settlePendingLocked(dir, home).completed, [ID1]);
    assert.equal(listHistory(dir).length, 1);
    assert.equal(listHistory(dir)[0]!.reverted, false);
  });

  test('interrupted between two renames: the written file is put back, the change dropped', () => {
    const home = tempDir('ccd-home');
    const dir = path.join(tempDir('ccd-journal'), 'journal');
    const a = path.join(home, 'config.toml');
    const b = path.join(home, '.env');
    fs.writeFileSync(a, 'a-after\n');
    fs.writeFileSync(b, 'b-before\n');
    const entry = entryFor(home, ID1, a, 'a-before\n', 'a-after\n');
    entry.files.push(entryFor(home, ID1, b, 'b-before\n', 'b-after\n').files[0]!);
    beginPending(dir, entry);
    assert.deepEqual(settlePendingLocked(dir, home).rolledBack, [ID1]);
    assert.equal(fs.readFileSync(a, 'utf8'), 'a-before\n');
    assert.equal(fs.readFileSync(b, 'utf8'), 'b-before\n');
  });

  test('pending changes of another CODEX_HOME are left to their own lock', () => {
    const home = tempDir('ccd-home');
    const other = tempDir('ccd-home');
    const dir = path.join(tempDir('ccd-journal'), 'journal');
    fs.writeFileSync(path.join(other, 'config.toml'), 'before\n');
    beginPending(dir, entryFor(other, ID1, path.join(other, 'config.toml'), 'before\n', 'after\n'));
    assert.deepEqual(settlePendingLocked(dir, home), { completed: [], rolledBack: [] });
    assert.deepEqual(readJournal(dir).pending, [ID1]);
  });

  test('stale temporary files of dead processes are removed; live ones and other files are kept', () => {
    const dir = tempDir('ccd-home');
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    }).stdout;
    const stale = `.config.toml.${dead}.0123456789ab.tmp`;
    const live = `.config.toml.${process.pid}.0123456789ab.tmp`;
    const parentPid = `.config.toml.${process.ppid}.0123456789ab.tmp`;
    for (const n of [stale, live, parentPid, 'config.toml', `.notes.${dead}.tmp`])
      fs.writeFileSync(path.join(dir, n), 'x');
    assert.deepEqual(cleanStaleTempFiles(dir), [stale]);
    assert.deepEqual(fs.readdirSync(dir).sort(), [live, parentPid, `.notes.${dead}.tmp`, 'config.toml'].sort());
  });
});

describe('item 3: the lock of a CODEX_HOME', () => {
  test('serialises writers in one process', async () => {
    const home = tempDir('ccd-home');
    const order: string[] = [];
    const run = (name: string) =>
      withCodexHomeLock(home, async () => {
        order.push(`${name} in`);
        await new Promise((r) => setTimeout(r, 150));
        order.push(`${name} out`);
      });
    await Promise.all([run('a'), run('b')]);
    assert.deepEqual(
      order.map((s) => s.split(' ')[1]),
      ['in', 'out', 'in', 'out'],
    );
    assert.ok(!fs.existsSync(path.join(home, LOCK_NAME)), 'released');
  });

  test('a busy lock is refused after the wait, naming CODEX_HOME', async () => {
    const home = tempDir('ccd-home');
    await withCodexHomeLock(home, async () => {
      await assert.rejects(
        withCodexHomeLock(home, () => undefined, { waitMs: 300 }),
        (e: unknown) => e instanceof FixError && e.message.includes(home) && /another change/.test(e.message),
      );
    });
  });

  test('the lock of a dead process is recovered', { timeout: 20_000 }, async () => {
    const home = tempDir('ccd-home');
    // What a kill -9 leaves: the lock folder, no longer refreshed.
    fs.mkdirSync(path.join(home, LOCK_NAME));
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(path.join(home, LOCK_NAME), old, old);
    const t0 = Date.now();
    assert.equal(await withCodexHomeLock(home, () => 'ran'), 'ran');
    assert.ok(Date.now() - t0 < 3000);
  });
});

describe('item 16: refusals that name the path and say what to do', () => {
  test('a journal folder that is a file', () => {
    const base = tempDir('ccd-journal');
    const dir = path.join(base, 'journal');
    fs.writeFileSync(dir, 'not a folder');
    assert.throws(
      () => ensureJournalDir(dir),
      (e: unknown) => e instanceof FixError && e.message.includes(dir) && /is a file/.test(e.message),
    );
    assert.throws(
      () => readJournal(dir),
      (e: unknown) => e instanceof FixError && e.message.includes(dir),
    );
  });

  test('invalid UTF-8: line and column of the first bad byte', () => {
    assert.deepEqual(invalidUtf8Position(Buffer.concat([Buffer.from('a = 1\nb = "é'), Buffer.from([0xff])])), {
      line: 2,
      column: 7,
      offset: 13,
    });
    assert.equal(invalidUtf8Position(Buffer.from('a = "é€😀"\n', 'utf8')), null);
    assert.deepEqual(invalidUtf8Position(Buffer.from([0x61, 0xed, 0xa0, 0x80])), { line: 1, column: 2, offset: 1 }); // a surrogate
    const bytes = Buffer.concat([Buffer.from('x = 1\ny = "'), Buffer.from([0xc3, 0x28]), Buffer.from('"\n')]);
    assert.throws(
      () => decodeText('/h/config.toml', bytes),
      (e: unknown) =>
        e instanceof FixError &&
        /line 2, column 6/.test(e.message) &&
        e.location?.line === 2 &&
        e.location.column === 6,
    );
  });
});
