// Issue 9, items 3–5 and 15–16 with real processes and real files: two writers on one CODEX_HOME,
// a fix racing a revert, kill -9 in the middle of a fix, a damaged journal, and bad input.
// Bounded: a few rounds each, no network (a provider on a closed port), Codex's own doctor off.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { cli, type CliResult } from './cli-run.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// No `codex` on PATH: the after-check stays short.
const PATH = `${path.dirname(process.execPath)}:/usr/bin:/bin`;

const CONFIG = `model_provider = "p"

[model_providers.p]
name = "P"
base_url = "http://127.0.0.1:9/v1"
wire_api = "responses"
supports_websockets = true
`;
const WORK = `model_provider = "q"

[model_providers.q]
name = "Q"
base_url = "http://127.0.0.1:9/v1"
wire_api = "responses"
supports_websockets = true
`;

interface World {
  codexHome: string;
  env: { HOME: string; CODEX_CONNECTION_DOCTOR_HOME: string; PATH: string };
  journal: string;
}

const dirs: string[] = [];
process.on('exit', () => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function world(): World {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'ccd-lock-'));
  dirs.push(base);
  const home = path.join(base, 'home');
  const codexHome = path.join(home, '.codex');
  fs.mkdirSync(codexHome, { recursive: true });
  fs.writeFileSync(path.join(codexHome, 'config.toml'), CONFIG);
  fs.writeFileSync(path.join(codexHome, 'work.config.toml'), WORK);
  const doctor = path.join(base, 'doctor');
  return {
    codexHome,
    env: { HOME: home, CODEX_CONNECTION_DOCTOR_HOME: doctor, PATH },
    journal: path.join(doctor, 'journal'),
  };
}

const FIX = ['fix', 'disable-websockets', '--yes', '--timeout-ms', '300'];

/** Starts the CLI and resolves with the process once `marker` appears on stderr. */
function startPaused(args: string[], env: Record<string, string>, marker = 'CCD_TEST_PAUSED') {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'electron', 'cli.ts'), ...args], {
    cwd: root,
    env: { NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  const done = new Promise<CliResult>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  const paused = new Promise<void>((resolve, reject) => {
    child.stderr.on('data', (d) => {
      stderr += d;
      if (stderr.includes(marker)) resolve();
    });
    void done.then((r) => reject(new Error(`exited before pausing (${r.code}): ${r.stderr}`)));
  });
  return { child, paused, done };
}

interface HistoryItemJson {
  id: string;
  reverted: boolean;
  files: string[];
}

async function history(w: World): Promise<{ items: HistoryItemJson[]; stderr: string }> {
  const r = await cli(['history', '--json'], w.env);
  assert.equal(r.code, 0, r.stderr);
  return { items: JSON.parse(r.stdout) as HistoryItemJson[], stderr: r.stderr };
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Every file is what the newest active change touching it left, or its original bytes when none is active. */
function assertFilesMatchJournal(w: World, label: string): void {
  const names = fs
    .readdirSync(w.journal)
    .filter((n) => /^[0-9TZ]+-\d{3}-[0-9a-f]{8}\.json$/.test(n))
    .sort();
  const entries = names.map((n) => ({
    ...(JSON.parse(fs.readFileSync(path.join(w.journal, n), 'utf8')) as {
      files: { path: string; hashAfter?: string }[];
    }),
    reverted: fs.existsSync(path.join(w.journal, n.replace(/\.json$/, '.reverted.json'))),
  }));
  const originals: Record<string, string> = { 'config.toml': CONFIG, 'work.config.toml': WORK };
  for (const [name, original] of Object.entries(originals)) {
    const file = path.join(w.codexHome, name);
    const active = entries.filter((e) => !e.reverted && e.files.some((f) => f.path === file)).pop();
    const current = fs.readFileSync(file);
    if (active)
      assert.equal(
        sha(current),
        active.files.find((f) => f.path === file)!.hashAfter,
        `${label}: ${name} is not what its active change left`,
      );
    else assert.equal(current.toString(), original, `${label}: ${name} changed with no active change in the journal`);
  }
  assert.deepEqual(
    fs.readdirSync(w.journal).filter((n) => n.endsWith('.pending.json')),
    [],
    `${label}: nothing left pending`,
  );
}

describe('item 3: one writer per CODEX_HOME', () => {
  test('a fix that waits for another fix fails with "changed since the preview"', { timeout: 60_000 }, async () => {
    const w = world();
    // A holds the lock (paused between its journal entry and its writes); B previews the same bytes meanwhile.
    const a = startPaused(FIX, { ...w.env, CCD_TEST_PAUSE_AT: 'after-journal', CCD_TEST_PAUSE_MS: '2500' });
    await a.paused;
    const b = await cli(FIX, w.env);
    const ra = await a.done;
    assert.match(ra.stdout, /Applied as change/, ra.stderr);
    assert.doesNotMatch(b.stdout, /Applied as change/);
    assert.match(b.stderr, /changed since the preview/);
    const { items } = await history(w);
    assert.equal(items.filter((i) => !i.reverted).length, 1);
    assertFilesMatchJournal(w, 'fix vs fix');
    assert.ok(!fs.existsSync(path.join(w.codexHome, '.codex-connection-doctor.lock')), 'the lock is released');
  });

  test(
    'revert --last while a fix is between its journal entry and its writes: files and history agree',
    { timeout: 60_000 },
    async () => {
      const w = world();
      const first = await cli(FIX, w.env);
      assert.match(first.stdout, /Applied as change/, first.stderr);
      const a = startPaused([...FIX, '--profile', 'work'], {
        ...w.env,
        CCD_TEST_PAUSE_AT: 'after-journal',
        CCD_TEST_PAUSE_MS: '2500',
      });
      await a.paused;
      const revert = await cli(['revert', '--last'], w.env);
      const ra = await a.done;
      assert.match(ra.stdout, /Applied as change/, ra.stderr);
      assert.equal(revert.code, 0, revert.stderr);
      assertFilesMatchJournal(w, 'fix racing revert');
      // The revert waited, then reverted the newest change: the profile's fix.
      assert.equal(fs.readFileSync(path.join(w.codexHome, 'work.config.toml'), 'utf8'), WORK);
      const { items } = await history(w);
      assert.equal(items.filter((i) => !i.reverted).length, 1);
    },
  );

  test('fixes and reverts started together keep files and journal in agreement', { timeout: 60_000 }, async () => {
    for (let round = 0; round < 1; round += 1) {
      const w = world();
      const first = await cli(FIX, w.env);
      assert.match(first.stdout, /Applied as change/, first.stderr);
      const [revert, fixWork, fixAgain] = await Promise.all([
        cli(['revert', '--last'], w.env),
        cli([...FIX, '--profile', 'work'], w.env),
        cli(FIX, w.env),
      ]);
      for (const r of [revert, fixWork, fixAgain]) assert.doesNotMatch(r.stderr, /the doctor itself failed/);
      assert.equal(revert.code, 0, revert.stderr);
      assertFilesMatchJournal(w, `round ${round}`);
    }
  });
});

describe('item 5: kill -9 in the middle of a fix', () => {
  test(
    'between the journal entry and the writes: never active; the next run settles it and applies',
    { timeout: 60_000 },
    async () => {
      const w = world();
      const a = startPaused(FIX, { ...w.env, CCD_TEST_PAUSE_AT: 'after-journal' });
      await a.paused;
      a.child.kill('SIGKILL');
      await a.done;
      const h = await history(w);
      assert.equal(h.items.filter((i) => !i.reverted).length, 0, 'a change that was never written is not active');
      assert.equal(fs.readFileSync(path.join(w.codexHome, 'config.toml'), 'utf8'), CONFIG);
      // The next fix waits out the dead process's lock, settles its entry, and applies.
      const again = await cli(FIX, w.env);
      assert.match(again.stdout, /Applied as change/, again.stderr);
      const after = await history(w);
      assert.equal(after.items.length, 1, JSON.stringify(after.items));
      assertFilesMatchJournal(w, 'after kill');
    },
  );

  test(
    'between writing the temporary file and the rename: the temporary file is cleaned',
    { timeout: 60_000 },
    async () => {
      const w = world();
      const a = startPaused(FIX, { ...w.env, CCD_TEST_PAUSE_AT: 'before-rename' });
      await a.paused;
      const temps = () => fs.readdirSync(w.codexHome).filter((n) => n.endsWith('.tmp'));
      assert.equal(temps().length, 1, 'the temporary file exists while paused');
      a.child.kill('SIGKILL');
      await a.done;
      assert.equal(fs.readFileSync(path.join(w.codexHome, 'config.toml'), 'utf8'), CONFIG, 'no torn file');
      const again = await cli(FIX, w.env);
      assert.match(again.stdout, /Applied as change/, again.stderr);
      assert.deepEqual(temps(), []);
      assert.equal((await history(w)).items.length, 1);
      assertFilesMatchJournal(w, 'after kill before rename');
    },
  );
});

describe('item 4: a damaged journal', () => {
  test(
    'history lists the readable entries and reports the others; revert --last reverts the newest readable',
    { timeout: 30_000 },
    async () => {
      const w = world();
      const fixed = await cli(FIX, w.env);
      assert.match(fixed.stdout, /Applied as change/, fixed.stderr);
      fs.writeFileSync(
        path.join(w.journal, '20991231T000000000Z-000-0000000a.json'),
        '{"id": "20991231T000000000Z-000-0000000a", "files": [',
      );
      fs.writeFileSync(path.join(w.journal, '20991231T000000000Z-001-0000000b.json'), '{}');
      fs.writeFileSync(path.join(w.journal, '20991231T000000000Z-002-0000000c.json'), '\u0000garbage');
      const h = await cli(['history'], w.env);
      assert.equal(h.code, 0, h.stderr);
      assert.match(h.stdout, /\[active\]/);
      assert.equal(h.stderr.match(/skipped a damaged journal entry/g)?.length, 3, h.stderr);
      assert.doesNotMatch(h.stderr, /the doctor itself failed/);
      const r = await cli(['revert', '--last'], w.env);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(fs.readFileSync(path.join(w.codexHome, 'config.toml'), 'utf8'), CONFIG);
      const one = await cli(['revert', '20991231T000000000Z-001-0000000b'], w.env);
      assert.equal(one.code, 1);
      assert.match(one.stderr, /is damaged/);
    },
  );
});

describe('item 15–16: bad input and unusable files are refused, naming what to do', () => {
  test('profiles, ports, and the banner', { timeout: 30_000 }, async () => {
    const w = world();
    fs.writeFileSync(path.join(path.dirname(w.codexHome), 'outside.config.toml'), 'model_provider = "elsewhere"\n');
    const cases: [string[], RegExp][] = [
      [['diagnose', '--profile', '../outside', '--no-codex-doctor'], /--profile "\.\.\/outside" is not a profile name/],
      [['diagnose', '--profile', '', '--no-codex-doctor'], /--profile needs a name/],
      [['fix', 'disable-websockets', '--profile', '', '--dry-run'], /--profile needs a name/],
      [['fix', 'disable-websockets', '--profile', '../outside', '--dry-run'], /not a profile name/],
      [['fix', 'use-proxy', '--proxy-port', 'abc', '--dry-run'], /--proxy-port must be a port number \(got "abc"\)/],
      [['diagnose', '--proxy-port', '0', '--no-codex-doctor'], /--proxy-port must be a port number \(got "0"\)/],
    ];
    const results = await Promise.all(cases.map(([args]) => cli(args, w.env)));
    results.forEach((r, i) => {
      assert.equal(r.code, 2, `${cases[i]![0].join(' ')}: ${r.stdout}${r.stderr}`);
      assert.match(r.stderr, cases[i]![1]);
      assert.equal(r.stdout, '', `${cases[i]![0].join(' ')} printed before refusing`);
    });
  });

  test('a symlink loop, invalid UTF-8, a journal that is a file', { timeout: 30_000 }, async () => {
    const loop = world();
    const cfg = path.join(loop.codexHome, 'config.toml');
    fs.rmSync(cfg);
    fs.symlinkSync('loop-b', cfg);
    fs.symlinkSync('config.toml', path.join(loop.codexHome, 'loop-b'));
    const utf = world();
    fs.writeFileSync(
      path.join(utf.codexHome, 'config.toml'),
      Buffer.concat([Buffer.from('model_provider = "p"\n# caf'), Buffer.from([0xe9]), Buffer.from('\n')]),
    );
    const file = world();
    fs.mkdirSync(path.dirname(file.journal), { recursive: true });
    fs.writeFileSync(file.journal, 'not a folder');
    const [l1, l2, u1, u2, j1, j2] = await Promise.all([
      cli(['fix', 'disable-websockets', '--dry-run'], loop.env),
      cli(['diagnose', '--no-codex-doctor', '--timeout-ms', '300'], loop.env),
      cli(['fix', 'disable-websockets', '--dry-run'], utf.env),
      cli(['diagnose', '--no-codex-doctor', '--timeout-ms', '300'], utf.env),
      cli(['history'], file.env),
      cli(FIX, file.env),
    ]);
    for (const r of [l1, l2, u1, u2, j1, j2]) assert.doesNotMatch(r.stdout + r.stderr, /the doctor itself failed/);
    assert.match(
      l1.stderr,
      new RegExp(`${cfg.replace(/[.]/g, '\\.')} is a symlink loop: point the link at a real file`),
    );
    assert.match(l2.stdout, /config\.toml exists but cannot be read \(a symlink loop/);
    assert.match(u1.stderr, /config\.toml is not valid UTF-8 at line 2, column 6 .*save it as UTF-8/);
    assert.match(u2.stdout, /not valid UTF-8 at line 2, column 6/);
    assert.match(u2.stdout, /Repair the Codex configuration/);
    assert.equal(j1.code, 2);
    assert.match(
      j1.stderr,
      new RegExp(
        `the journal folder ${file.journal.replace(/[.]/g, '\\.')} is a file, not a folder: move that file away`,
      ),
    );
    assert.match(j2.stderr, /the journal folder .* is a file, not a folder/);
    assert.equal(fs.readFileSync(path.join(file.codexHome, 'config.toml'), 'utf8'), CONFIG, 'nothing was written');
    // CODEX_HOME itself a symlink loop.
    const looped = path.join(path.dirname(loop.codexHome), 'looped');
    fs.symlinkSync('looped-b', looped);
    fs.symlinkSync('looped', path.join(path.dirname(loop.codexHome), 'looped-b'));
    const h = await cli(['diagnose', '--codex-home', looped], loop.env);
    assert.equal(h.code, 2);
    assert.match(
      h.stderr,
      /CODEX_HOME .*looped \(from --codex-home\) is a symlink loop: point the link at your Codex folder/,
    );
  });

  test(
    'an unreadable config.toml and an unwritable or unreadable journal (as another user)',
    { timeout: 30_000, skip: process.getuid?.() !== 0 && 'needs root to run the CLI as nobody' },
    async () => {
      // Root reads and writes everything: run the command line as nobody over files nobody may not use.
      const w = world();
      const base = path.dirname(path.dirname(w.codexHome));
      for (const d of [base, path.dirname(w.codexHome)]) fs.chmodSync(d, 0o755);
      fs.chownSync(w.codexHome, 65534, 65534);
      fs.chmodSync(path.join(w.codexHome, 'config.toml'), 0o000);
      fs.mkdirSync(w.journal, { recursive: true, mode: 0o755 });
      fs.chmodSync(path.dirname(w.journal), 0o755);
      const asNobody = (args: string[]) =>
        new Promise<CliResult>((resolve) => {
          const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'electron', 'cli.ts'), ...args], {
            cwd: root,
            uid: 65534,
            gid: 65534,
            env: { ...w.env, NO_COLOR: '1' },
          });
          let stdout = '';
          let stderr = '';
          child.stdout.on('data', (d) => (stdout += d));
          child.stderr.on('data', (d) => (stderr += d));
          child.on('close', (code) => resolve({ code, stdout, stderr }));
        });
      const cfg = path.join(w.codexHome, 'config.toml');
      const unreadable = await asNobody(['fix', 'disable-websockets', '--dry-run']);
      assert.match(unreadable.stderr, /config\.toml cannot be read by you: make it readable/, unreadable.stderr);
      fs.chmodSync(cfg, 0o644);
      fs.chownSync(cfg, 65534, 65534);
      const unwritable = await asNobody(FIX); // the journal folder is root's, 0755
      assert.match(
        unwritable.stderr,
        /the journal folder .* cannot be read or written by you/,
        unwritable.stdout + unwritable.stderr,
      );
      assert.equal(fs.readFileSync(cfg, 'utf8'), CONFIG, 'nothing was written');
      fs.chmodSync(w.journal, 0o700);
      const unreadableJournal = await asNobody(['history']);
      assert.equal(unreadableJournal.code, 2);
      assert.match(unreadableJournal.stderr, /the journal folder .* cannot be read or written by you/);
    },
  );
});
