// Each fix judged by the real Codex: in the lab situation the fix is meant for, Codex reconnects
// or never answers before; after the fix it answers with no `Reconnecting` line; after the revert
// every file is byte-identical to where it started and Codex behaves as before.
import { en } from '../i18n.ts';
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ApplicableFix } from '../../shared/types.ts';
import { runDiagnosis } from '../../electron/core/diagnosis/diagnose.ts';
import { applyAndVerify, prepareFix, revert } from '../../electron/core/workflow.ts';
import { codexLauncherPath, runCodex, type CodexRun } from '../lab/run-codex.ts';
import { LAB_API_KEY, startFakeResponsesApi } from '../lab/fake-responses-api.ts';
import { LAB_QUIET_TOML } from '../lab/codex-home.ts';
import { setupScenario, type ScenarioName } from '../lab/scenarios.ts';

const baseEnv = { PATH: process.env.PATH, HOME: process.env.HOME };
const open: { stop(): Promise<void> }[] = [];
after(async () => {
  for (const s of open) await s.stop();
});

/** Every file in CODEX_HOME with its bytes and mode (sessions and logs Codex writes are left out). */
function snapshot(dir: string): Map<string, { bytes: string; mode: number }> {
  const files = new Map<string, { bytes: string; mode: number }>();
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (!statSync(p).isFile() || !/\.(toml|json)$|^\.env$/.test(name)) continue;
    files.set(name, { bytes: readFileSync(p).toString('base64'), mode: statSync(p).mode });
  }
  return files;
}

const said = (run: CodexRun) =>
  `answered=${run.answered} reconnecting=${run.reconnectingLines} fellBack=${run.fellBack} timedOut=${run.timedOut}\n${run.stderr.slice(-1200)}`;

function assertAnswersAtOnce(run: CodexRun) {
  assert.ok(run.answered && run.reconnectingLines === 0 && !run.fellBack, said(run));
}

async function fixRoundTrip(opts: {
  codexHome: string;
  fix: ApplicableFix;
  before: (run: CodexRun) => void;
  extraProxyPorts?: number[];
  codexEnv?: Record<string, string>;
  beforeTimeoutMs?: number;
  expectedFiles?: (home: string) => void;
}) {
  const journalDir = mkdtempSync(path.join(os.tmpdir(), 'ccd-journal-'));
  const start = snapshot(opts.codexHome);
  const codex = (timeoutMs: number) => runCodex({ codexHome: opts.codexHome, timeoutMs, env: opts.codexEnv });

  opts.before(await codex(opts.beforeTimeoutMs ?? 45_000));

  // The doctor runs with what Codex runs with (the key named by env_key, a shell proxy).
  const env = { ...baseEnv, ...(opts.codexEnv ?? {}) };
  const report = await runDiagnosis({
    codexHome: opts.codexHome,
    env,
    extraProxyPorts: opts.extraProxyPorts,
    codexDoctor: false,
  });
  // The doctor itself recommends the fix under test (fix-proxy is the use-proxy edit).
  const recommended = report.recommendation.fix === 'fix-proxy' ? 'use-proxy' : report.recommendation.fix;
  assert.equal(recommended, opts.fix, `${report.recommendation.rule}: ${en(report.recommendation.headline)}`);
  const planned = await prepareFix(opts.fix, {
    codexHome: opts.codexHome,
    profile: null,
    env,
    journalDir,
    proxyUrl: report.recommendation.proxyUrl,
  });
  assert.ok(planned.plan.diffs.length > 0, 'the plan changes at least one file');
  const { entry, after: afterReport } = await applyAndVerify(planned, {
    codexHome: opts.codexHome,
    profile: null,
    env,
    journalDir,
    extraProxyPorts: opts.extraProxyPorts,
  });
  opts.expectedFiles?.(opts.codexHome);
  assert.equal(
    afterReport.recommendation.fix,
    'none',
    `${afterReport.recommendation.rule}: ${en(afterReport.recommendation.headline)}`,
  );
  assertAnswersAtOnce(await codex(45_000));

  const outcome = await revert(entry.id, { env, journalDir });
  assert.equal(outcome.status, 'reverted');
  assert.deepEqual(snapshot(opts.codexHome), start, 'every file is byte-identical after the revert');
  opts.before(await codex(opts.beforeTimeoutMs ?? 45_000));
}

async function scenario(name: ScenarioName) {
  const s = await setupScenario(name);
  open.push(s);
  return s;
}

const reconnectsThenAnswers = (run: CodexRun) =>
  assert.ok(run.answered && run.reconnectingLines > 0 && run.fellBack, said(run));
const neverAnswers = (run: CodexRun) => assert.ok(!run.answered, said(run));

describe('fixes judged by the real Codex', () => {
  test('Fix #1 on a custom provider whose WebSocket is refused', { timeout: 120_000 }, async () => {
    const s = await scenario('ws-refused');
    await fixRoundTrip({
      codexHome: s.codexHome,
      codexEnv: s.env,
      fix: 'disable-websockets',
      before: reconnectsThenAnswers,
      expectedFiles: (home) => {
        const text = readFileSync(path.join(home, 'config.toml'), 'utf8');
        assert.match(text, /supports_websockets = false/);
        assert.match(text, /model_provider = "lab"/);
      },
    });
  });

  test(
    'Fix #1 on the built-in provider (API-key login, openai_base_url): a new provider that keeps the login',
    { timeout: 120_000 },
    async () => {
      const api = await startFakeResponsesApi({ mode: 'refuse' });
      open.push({ stop: () => api.close() });
      const home = mkdtempSync(path.join(os.tmpdir(), 'ccd-builtin-'));
      writeFileSync(
        path.join(home, 'config.toml'),
        `# my Codex config\nmodel = "lab-model"\nopenai_base_url = "${api.baseUrl}"\n\n[model_providers.unused]\nname = "x"\nbase_url = "http://127.0.0.1:9/v1"\n${LAB_QUIET_TOML}`,
      );
      // A real API-key login, stored by Codex itself in auth.json.
      const login = spawnSync(process.execPath, [codexLauncherPath(), 'login', '--with-api-key'], {
        input: `${LAB_API_KEY}\n`,
        env: { PATH: process.env.PATH, HOME: home, CODEX_HOME: home },
        encoding: 'utf8',
      });
      assert.equal(login.status, 0, login.stderr);
      assert.ok(existsSync(path.join(home, 'auth.json')));
      await fixRoundTrip({
        codexHome: home,
        fix: 'disable-websockets',
        before: reconnectsThenAnswers,
        expectedFiles: (h) => {
          const text = readFileSync(path.join(h, 'config.toml'), 'utf8');
          assert.match(text, /^model_provider = "openai_http"/m);
          assert.match(text, /\[model_providers\.openai_http\]/);
          assert.match(text, /requires_openai_auth = true/);
          assert.ok(text.includes(`base_url = "${api.baseUrl}"`), text);
          assert.doesNotMatch(text, /\[model_providers\.openai\]/);
          assert.ok(text.startsWith('# my Codex config\n'));
        },
      });
      // The login secret went only where Codex sends it: the lab server saw it, the journal did not.
      assert.equal(api.lastHeaders?.authorization, `Bearer ${LAB_API_KEY}`);
    },
  );

  test(
    'Fix #2 when the endpoint is reachable only through a proxy Codex is not told about',
    { timeout: 120_000 },
    async () => {
      const s = await scenario('proxy-needed');
      await fixRoundTrip({
        codexHome: s.codexHome,
        codexEnv: s.env,
        fix: 'use-proxy',
        extraProxyPorts: s.extraProxyPorts,
        before: neverAnswers,
        beforeTimeoutMs: 12_000,
        expectedFiles: (home) => {
          const dotenv = readFileSync(path.join(home, '.env'), 'utf8');
          assert.match(dotenv, new RegExp(`^HTTPS_PROXY=${s.squid!.url.replace(/\./g, '\\.')}$`, 'm'));
          assert.match(dotenv, /^NO_PROXY=.*127\.0\.0\.1/m);
          assert.equal(statSync(path.join(home, '.env')).mode & 0o077, 0, '.env is readable by the user alone');
        },
      });
      assert.match(s.squid!.accessLog(), /CONNECT api\.lab\.test/);
    },
  );

  test(
    'Fix #2 for an https endpoint behind a private CA, reachable only through a local proxy (CONNECT + TLS)',
    { timeout: 120_000 },
    async () => {
      const s = await scenario('tls-proxy-needed');
      await fixRoundTrip({
        codexHome: s.codexHome,
        codexEnv: s.env,
        fix: 'use-proxy',
        extraProxyPorts: s.extraProxyPorts,
        before: neverAnswers,
        beforeTimeoutMs: 12_000,
        expectedFiles: (home) => {
          const dotenv = readFileSync(path.join(home, '.env'), 'utf8');
          assert.match(dotenv, /^SSL_CERT_FILE=/m, 'the CA line the user had is kept');
          assert.match(dotenv, new RegExp(`^HTTPS_PROXY=${s.squid!.url.replace(/\./g, '\\.')}$`, 'm'));
        },
      });
      assert.match(s.squid!.accessLog(), /CONNECT api\.lab\.test/);
    },
  );

  test('fix-proxy: a dead proxy port in .env replaced in place by a working one', { timeout: 120_000 }, async () => {
    const s = await scenario('dead-proxy-in-dotenv');
    const dotenvPath = path.join(s.codexHome, '.env');
    writeFileSync(dotenvPath, `# proxy for work\r\n${readFileSync(dotenvPath, 'utf8').trim()}\r\nOTHER=kept\r\n`);
    await fixRoundTrip({
      codexHome: s.codexHome,
      codexEnv: s.env,
      fix: 'use-proxy',
      extraProxyPorts: s.extraProxyPorts,
      before: neverAnswers,
      beforeTimeoutMs: 12_000,
      expectedFiles: (home) => {
        const dotenv = readFileSync(path.join(home, '.env'), 'utf8');
        assert.ok(dotenv.startsWith('# proxy for work\r\nHTTPS_PROXY=http://127.0.0.1:'), dotenv);
        assert.match(dotenv, /\r\nOTHER=kept\r\n/);
      },
    });
  });

  for (const name of ['ws-frames-dropped', 'gateway-no-upgrade'] as const) {
    // Codex: frames dropped after 101 → "Connection reset without closing handshake"; nginx without
    // upgrade forwarding → 404 on every upgrade. Both retry, fall back and answer after ~7 s.
    test(
      `Fix #1 where ${name === 'ws-frames-dropped' ? 'a middlebox drops the first frame after the handshake' : 'a gateway does not pass the upgrade'}`,
      { timeout: 120_000 },
      async () => {
        const s = await scenario(name);
        await fixRoundTrip({
          codexHome: s.codexHome,
          codexEnv: s.env,
          fix: 'disable-websockets',
          before: reconnectsThenAnswers,
          expectedFiles: (home) =>
            assert.match(readFileSync(path.join(home, 'config.toml'), 'utf8'), /supports_websockets = false/),
        });
      },
    );
  }

  test(
    'Fix #1 where [model_providers.openai] holds only supports_websockets = false (Codex ignores it): the table goes, WebSockets really stop',
    { timeout: 120_000 },
    async () => {
      const s = await scenario('ignored-openai-table');
      const before = readFileSync(path.join(s.codexHome, 'config.toml'), 'utf8');
      assert.match(before, /\[model_providers\.openai\]/);
      await fixRoundTrip({
        codexHome: s.codexHome,
        codexEnv: s.env,
        fix: 'disable-websockets',
        before: reconnectsThenAnswers,
        expectedFiles: (home) => {
          const text = readFileSync(path.join(home, 'config.toml'), 'utf8');
          assert.doesNotMatch(text, /\[model_providers\.openai\]/);
          assert.match(text, /^model_provider = "openai_http"$/m);
        },
      });
    },
  );

  test(
    'repair-config: a reserved [model_providers.openai] table that stops Codex from starting',
    { timeout: 120_000 },
    async () => {
      const s = await scenario('broken-config');
      await fixRoundTrip({
        codexHome: s.codexHome,
        codexEnv: s.env,
        fix: 'repair-config',
        before: (run) => {
          assert.ok(!run.answered, said(run));
          assert.match(run.stderr + run.stdout, /reserved/i);
        },
        beforeTimeoutMs: 20_000,
        expectedFiles: (home) =>
          assert.doesNotMatch(readFileSync(path.join(home, 'config.toml'), 'utf8'), /\[model_providers\.openai\]/),
      });
    },
  );
});
