// Checks this module against the real Codex CLI (node_modules/.bin/codex, pinned 0.171.0):
// recorded refusals, live runs of two refusals, `codex doctor`, install discovery.
import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import { en, zh } from '../../i18n.ts';
import { mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {
  findCodexInstalls,
  loadCodexSetup,
  parseCodexVersion,
  runCodexDoctor,
  summariseChecks,
  compareVersions,
} from '../../../electron/core/codex/index.ts';
import { ACCEPTED_CASES, REFUSAL_CASES, type RefusalCase } from '../../fixtures/codex/real-codex-cases.ts';
import { OPENAI_TABLE_KEY_VALUES } from '../../fixtures/codex/openai-table-cases.ts';
import { cleanEnv, makeCodexHome, REAL_CODEX, runCodexExec } from '../../fixtures/codex/real-codex.ts';

const fixture = (name: string) => readFile(new URL(`../../fixtures/codex/${name}`, import.meta.url), 'utf8');
const cleanup: string[] = [];
after(async () => {
  for (const d of cleanup) await rm(d, { recursive: true, force: true });
});

async function ourFindings(c: RefusalCase) {
  const home = await makeCodexHome(c.files);
  cleanup.push(home);
  return (await loadCodexSetup({ codexHome: home, profile: c.profile ?? null, env: {}, platform: 'linux' })).findings;
}

describe('our findings agree with what Codex refused (recorded in codex-refusals.json)', async () => {
  const recorded = JSON.parse(await fixture('codex-refusals.json')) as {
    codexVersion: string;
    cases: Record<string, { refused: boolean; error: string }>;
  };
  test('recorded with codex 0.171', () => assert.match(recorded.codexVersion, /0\.171\.\d+/));
  for (const c of REFUSAL_CASES) {
    test(`${c.name}: Codex refused, we report ${c.expectFinding} as an error`, async () => {
      assert.equal(recorded.cases[c.name]?.refused, true);
      const f = (await ourFindings(c)).find((x) => x.id === c.expectFinding);
      assert.equal(f?.severity, 'error');
    });
  }
  for (const c of ACCEPTED_CASES) {
    test(`${c.name}: Codex started, we raise no error`, async () => {
      assert.equal(recorded.cases[c.name]?.refused, false);
      const findings = await ourFindings(c);
      assert.deepEqual(
        findings.filter((x) => x.severity === 'error').map((x) => x.id),
        [],
      );
      if (c.expectFinding) assert.ok(findings.some((x) => x.id === c.expectFinding));
    });
  }
});

describe('live: the real codex refuses what we flag', () => {
  for (const name of ['reserved-openai', 'legacy-profile-key']) {
    test(name, { timeout: 30000 }, async () => {
      const c = REFUSAL_CASES.find((x) => x.name === name)!;
      const outcome = await runCodexExec(c, 20000);
      assert.equal(outcome.timedOut, false);
      assert.notEqual(outcome.exitCode, 0);
      assert.match(
        outcome.error,
        name === 'reserved-openai' ? /reserved built-in provider IDs: `openai`/ : /legacy `profile = "work"`/,
      );
      const f = (await ourFindings(c)).find((x) => x.id === c.expectFinding);
      assert.equal(f?.severity, 'error');
    });
  }
});

describe('[model_providers.openai] one key at a time (openai-table-keys.json, record-openai-table-keys.ts)', async () => {
  const recorded = JSON.parse(await fixture('openai-table-keys.json')) as Record<string, string>;
  test('recorded for every key tried, and only those', () => {
    assert.deepEqual(Object.keys(recorded).sort(), Object.keys(OPENAI_TABLE_KEY_VALUES).sort());
  });
  test('Codex 0.171 ignores supports_websockets = false and wire_api = "responses"; every other key refuses', () => {
    assert.deepEqual(recorded, {
      supports_websockets: 'ignored',
      name: 'refuses',
      base_url: 'refuses',
      wire_api: 'ignored',
      env_key: 'refuses',
      requires_openai_auth: 'refuses',
      http_headers: 'refuses',
      stream_max_retries: 'refuses',
      request_max_retries: 'refuses',
      query_params: 'refuses',
      websocket_connect_timeout_ms: 'refuses',
      stream_idle_timeout_ms: 'refuses',
    });
  });
  // Live: the value decides, not only the key (default values load, anything else refuses).
  const table = (line: string): RefusalCase => ({
    name: line,
    files: { 'config.toml': `openai_base_url = "http://127.0.0.1:9/v1"\n\n[model_providers.openai]\n${line}\n` },
    expectFinding: '',
  });
  for (const [line, refused] of [
    ['supports_websockets = false', false],
    ['supports_websockets = true', true],
    ['name = "OpenAI"', true],
  ] as const) {
    test(`live: ${line} ${refused ? 'refuses' : 'starts'}`, { timeout: 30000 }, async () => {
      const outcome = await runCodexExec(table(line), refused ? 20000 : 5000);
      if (refused) {
        assert.equal(outcome.timedOut, false);
        assert.match(outcome.error, /reserved built-in provider IDs: `openai`/);
      } else {
        assert.equal(outcome.timedOut, true, `Codex started and was still trying when stopped: ${outcome.error}`);
      }
    });
  }
});

describe('codex --version and installs', () => {
  test('parses the recorded --version output', async () => {
    assert.equal(parseCodexVersion(await fixture('codex-version.txt')), '0.171.0');
    assert.equal(parseCodexVersion('codex-cli 0.170.0-alpha.2\n'), '0.170.0-alpha.2');
    assert.equal(parseCodexVersion('command not found'), undefined);
    assert.ok(compareVersions('0.169.0', '0.169.0-alpha.1') > 0);
    assert.ok(compareVersions('0.99.9', '0.169.0') < 0);
  });
  test('finds codex on PATH (once, however many links) and reads its version', { timeout: 20000 }, async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'ccd-path-'));
    cleanup.push(dir);
    await symlink(REAL_CODEX, path.join(dir, 'codex'));
    const env = {
      ...cleanEnv(),
      PATH: `${dir}:${path.dirname(REAL_CODEX)}:${path.dirname(process.execPath)}`,
      npm_config_prefix: dir,
    };
    const installs = await findCodexInstalls(env, 'linux', { askNpm: false });
    const ours = installs.filter((i) => i.kind === 'path');
    assert.equal(ours.length, 1, 'the link and node_modules/.bin/codex are the same binary');
    assert.equal(ours[0]?.version, '0.171.0');
    assert.equal(ours[0]?.hasDoctor, true);
  });
  test('the project copy only with CCD_INCLUDE_PROJECT_CODEX=1', { timeout: 20000 }, async () => {
    const env = { ...cleanEnv(), PATH: path.dirname(process.execPath), npm_config_prefix: '/nonexistent' };
    assert.equal(
      (await findCodexInstalls(env, 'linux', { askNpm: false })).some((i) => i.kind === 'project'),
      false,
    );
    const withProject = await findCodexInstalls({ ...env, CCD_INCLUDE_PROJECT_CODEX: '1' }, 'linux', { askNpm: false });
    const project = withProject.find((i) => i.kind === 'project');
    assert.equal(project?.version, '0.171.0');
  });
});

describe('runCodexDoctor', () => {
  test('summarises the recorded doctor JSON, one line per check', async () => {
    const lines = summariseChecks(JSON.parse(await fixture('doctor-network-only.json')));
    assert.deepEqual(
      lines.map((l) => l.split(':')[0]),
      ['config.load', 'network.env', 'network.provider_reachability', 'network.websocket_reachability', 'overall'],
    );
    assert.match(lines[3] ?? '', /^network\.websocket_reachability: warning — Responses WebSocket failed/);
  });

  test('runs the real codex doctor against a closed port and keeps secrets out', { timeout: 30000 }, async () => {
    const secret = 'sk-labFAKEsecret0123456789';
    const home = await makeCodexHome({
      'config.toml':
        'model_provider = "lab"\n[model_providers.lab]\nname = "lab"\nbase_url = "http://127.0.0.1:9/v1"\nwire_api = "responses"\nsupports_websockets = true\nenv_key = "LAB_KEY"\n',
      '.env': 'HTTP_PROXY=http://user:proxyFAKEpass@127.0.0.1:9\n',
    });
    cleanup.push(home);
    const report = await runCodexDoctor(REAL_CODEX, {
      codexHome: home,
      env: cleanEnv({ LAB_KEY: secret }),
      timeoutMs: 20000,
    });
    assert.equal(report.exitCode, 1);
    const json = report.json as { overallStatus: string; checks: Record<string, { status: string }> };
    assert.equal(json.overallStatus, 'fail');
    assert.equal(json.checks['network.provider_reachability']?.status, 'fail');
    assert.ok(report.summary.some((l) => l.startsWith('network.websocket_reachability: ')));
    const text = JSON.stringify(report);
    assert.ok(!text.includes(secret) && !text.includes('proxyFAKEpass'));
  });

  test('stops a doctor that hangs on a stalled WebSocket at the timeout', { timeout: 30000 }, async () => {
    const sockets: net.Socket[] = [];
    const server = net.createServer((s) => sockets.push(s)); // accepts, never answers
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as net.AddressInfo).port;
    const home = await makeCodexHome({
      'config.toml': `model_provider = "lab"\n[model_providers.lab]\nname = "lab"\nbase_url = "http://127.0.0.1:${port}/v1"\nsupports_websockets = true\n`,
    });
    cleanup.push(home);
    try {
      const started = Date.now();
      const report = await runCodexDoctor(REAL_CODEX, { codexHome: home, env: cleanEnv(), timeoutMs: 2500 });
      assert.ok(Date.now() - started < 8000, "killed near the timeout, not after Codex's 15 s");
      assert.equal(report.exitCode, null);
      assert.match(en(report.problem!), /did not finish within 2500 ms/);
      assert.match(zh(report.problem!), /2500 毫秒内没有结束/);
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 300);
      const aborted = await runCodexDoctor(REAL_CODEX, {
        codexHome: home,
        env: cleanEnv(),
        timeoutMs: 20000,
        signal: controller.signal,
      });
      assert.match(en(aborted.problem!), /cancelled/);
    } finally {
      for (const s of sockets) s.destroy();
      server.close();
    }
  });

  test('a binary that does not exist gives a report, not an exception', async () => {
    const report = await runCodexDoctor('/nonexistent/codex', {
      codexHome: os.tmpdir(),
      env: cleanEnv(),
      timeoutMs: 2000,
    });
    assert.equal(report.exitCode, null);
    assert.match(en(report.problem!), /could not start \/nonexistent\/codex/);
  });
});
