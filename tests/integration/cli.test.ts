// The command line as a user runs it: exit codes, human and JSON output, secrets kept out.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { closedPort } from '../lab/ports.ts';
import { runProcess, type ProcessResult } from '../lab/run-process.ts';
import { setupScenario, type Scenario } from '../lab/scenarios.ts';
import { LAB_API_KEY } from '../lab/fake-responses-api.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Runs the command line the way `npm run doctor` does (tsx over electron/cli.ts), with a clean environment. */
function runCli(args: string[], env: Record<string, string> = {}): Promise<ProcessResult> {
  return runProcess(process.execPath, ['--import', 'tsx', path.join(root, 'electron', 'cli.ts'), ...args], {
    cwd: root,
    // LANG=C: English whatever the language of the machine running the tests (a test sets it otherwise).
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LANG: 'C', ...env },
  });
}

const scenarios: Scenario[] = [];
after(async () => {
  for (const s of scenarios) await s.stop();
});

describe('codex-connection-doctor diagnose', () => {
  test('a CODEX_HOME that does not exist: exit 2 and one line that says what to do', async () => {
    const missing = path.join(os.tmpdir(), 'ccd-no-such-home-' + process.pid);
    const r = await runCli(['diagnose', '--codex-home', missing]);
    assert.equal(r.code, 2);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.match(r.stderr, /does not exist.*--codex-home/);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  });

  test('an unknown option or command: exit 2, no stack trace', async () => {
    const home = mkdtempSync(path.join(os.tmpdir(), 'ccd-home-'));
    for (const args of [
      ['diagnose', '--codex-home', home, '--frobnicate'],
      ['frobnicate'],
      ['diagnose', '--timeout-ms', 'soon'],
    ]) {
      const r = await runCli(args);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
      assert.doesNotMatch(r.stderr, /\n\s+at /);
    }
  });

  test('healthy: --json prints the documented object and exits 0', { timeout: 30_000 }, async () => {
    const s = await setupScenario('ws-ok');
    scenarios.push(s);
    const r = await runCli(['diagnose', '--codex-home', s.codexHome, '--json', '--no-codex-doctor'], s.env);
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout);
    assert.equal(report.schemaVersion, 3);
    assert.equal(report.codex.credential.status, 'usable');
    assert.doesNotMatch(r.stdout, new RegExp(LAB_API_KEY));
    assert.equal(typeof report.durationMs, 'number');
    assert.equal(report.codex.home, s.codexHome);
    assert.equal(report.codex.provider.id, 'lab');
    assert.equal(report.codex.provider.builtIn, false);
    assert.equal(report.codex.provider.baseUrl, s.api.baseUrl);
    assert.equal(report.codex.provider.supportsWebsockets, true);
    assert.ok(['apikey', 'chatgpt', 'none', 'unknown'].includes(report.codex.authMode));
    assert.ok(Array.isArray(report.findings));
    for (const f of report.findings) assert.ok(f.id && f.severity && f.summary && Array.isArray(f.evidence));
    assert.equal(report.recommendation.fix, 'none');
    assert.ok(Array.isArray(report.recommendation.reasons) && Array.isArray(report.recommendation.alternatives));
    await s.stop();
  });

  test(
    'WebSocket refused: human output with marks and timings, plain when NO_COLOR, exit 1',
    { timeout: 30_000 },
    async () => {
      const s = await setupScenario('ws-refused');
      scenarios.push(s);
      const r = await runCli(['diagnose', '--codex-home', s.codexHome, '--no-codex-doctor'], {
        ...s.env,
        NO_COLOR: '1',
      });
      assert.equal(r.code, 1, r.stderr);
      assert.match(r.stdout, /✓ .*\(\d+ ms\)/);
      assert.match(r.stdout, /✗|⚠/);
      assert.match(r.stdout, /Verdict: Fix #1/);
      assert.match(r.stdout, /fix disable-websockets/);
      assert.ok(!r.stdout.includes('\x1b['), 'no colour codes');
      await s.stop();
    },
  );

  test('a proxy password in .env never appears in the output', { timeout: 30_000 }, async () => {
    const s = await setupScenario('ws-ok');
    scenarios.push(s);
    const port = await closedPort();
    writeFileSync(path.join(s.codexHome, '.env'), `HTTP_PROXY=http://alice:Sup3rSecretPw@127.0.0.1:${port}\n`);
    for (const args of [['--json'], []]) {
      const r = await runCli(['diagnose', '--codex-home', s.codexHome, '--no-codex-doctor', ...args], {
        ...s.env,
        NO_COLOR: '1',
      });
      assert.equal(r.code, 1, r.stderr);
      assert.doesNotMatch(r.stdout + r.stderr, /Sup3rSecretPw/);
      assert.match(r.stdout, /alice:\*+@127\.0\.0\.1/);
    }
    await s.stop();
  });
});

describe('npm run doctor', () => {
  test('runs the same command line from the repo', { timeout: 60_000 }, async () => {
    const r = await runProcess('npm', ['run', '--silent', 'doctor', '--', '--help'], {
      cwd: root,
      env: { ...process.env, LC_ALL: 'C' },
    });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /diagnose \[--codex-home DIR\]/);
    assert.match(r.stdout, /fix <disable-websockets\|use-proxy\|enable-tun\|repair-config\|trust-ca>/);
  });
});

describe('codex-connection-doctor fix / history / revert', () => {
  const journalHome = () => mkdtempSync(path.join(os.tmpdir(), 'ccd-cli-journal-'));

  test('fix → history → revert --last, byte-identical, shared journal', { timeout: 60_000 }, async () => {
    const s = await setupScenario('ws-refused');
    scenarios.push(s);
    const env = { ...s.env, CODEX_CONNECTION_DOCTOR_HOME: journalHome() };
    const configPath = path.join(s.codexHome, 'config.toml');
    const before = readFileSync(configPath);

    const dry = await runCli(['fix', 'disable-websockets', '--codex-home', s.codexHome, '--dry-run'], {
      ...env,
      NO_COLOR: '1',
    });
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /^-supports_websockets = true$/m);
    assert.match(dry.stdout, /^\+supports_websockets = false$/m);
    assert.match(dry.stdout, /nothing was written/i);
    assert.ok(readFileSync(configPath).equals(before));

    // Without --yes and without a terminal to ask on, nothing is written.
    const unasked = await runCli(['fix', 'disable-websockets', '--codex-home', s.codexHome], env);
    assert.equal(unasked.code, 1);
    assert.match(unasked.stderr, /--yes/);
    assert.ok(readFileSync(configPath).equals(before));

    const applied = await runCli(['fix', 'disable-websockets', '--codex-home', s.codexHome, '--yes', '--json'], env);
    assert.equal(applied.code, 0, applied.stderr);
    const result = JSON.parse(applied.stdout);
    assert.equal(result.applied, true);
    assert.equal(result.before.recommendation.fix, 'disable-websockets');
    assert.equal(result.after.recommendation.fix, 'none');
    assert.match(readFileSync(configPath, 'utf8'), /supports_websockets = false/);

    const history = await runCli(['history', '--json'], env);
    assert.equal(history.code, 0);
    const items = JSON.parse(history.stdout);
    assert.equal(items[0].id, result.changeId);
    assert.equal(items[0].reverted, false);

    const reverted = await runCli(['revert', '--last'], env);
    assert.equal(reverted.code, 0, reverted.stderr);
    assert.ok(readFileSync(configPath).equals(before), 'config.toml is byte-identical');
    const again = await runCli(['revert', result.changeId], env);
    assert.notEqual(again.code, 0, 'a change cannot be reverted twice');
    assert.equal(again.stderr.trim().split('\n').length, 2, again.stderr);
    assert.match(again.stderr, /Next: Nothing to do/);
    await s.stop();
  });

  test('a config.toml that does not parse: file, line and column, nothing written', { timeout: 30_000 }, async () => {
    const home = mkdtempSync(path.join(os.tmpdir(), 'ccd-bad-'));
    const configPath = path.join(home, 'config.toml');
    writeFileSync(configPath, 'model = "gpt"\n[model_providers.x\nname = "x"\n');
    const r = await runCli(['fix', 'disable-websockets', '--codex-home', home, '--yes'], {
      CODEX_CONNECTION_DOCTOR_HOME: journalHome(),
    });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /config\.toml.*:2(:\d+)?/);
    assert.equal(readFileSync(configPath, 'utf8'), 'model = "gpt"\n[model_providers.x\nname = "x"\n');
    assert.deepEqual(readdirSync(home).sort(), ['config.toml']);
  });

  test('usage errors: exit 2 with one line', async () => {
    for (const args of [
      ['fix'],
      ['fix', 'make-it-work'],
      ['revert'],
      ['fix', 'disable-websockets', '--proxy', 'http://x:1'],
    ]) {
      const r = await runCli(args);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    }
  });
});
