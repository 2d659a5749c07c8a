// The doctor's verdict in each lab situation, and the real Codex as the judge: where the doctor
// says "healthy" Codex must answer at once; where it says "turn off WebSockets" Codex must
// reconnect and fall back; where it says the proxy is missing or dead (or the config is broken)
// Codex must never answer.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { runDiagnosis } from '../../electron/core/diagnosis/diagnose.ts';
import type { CheckEvent, FixKind } from '../../shared/types.ts';
import { runCodex } from '../lab/run-codex.ts';
import { LAB_API_KEY, LAB_CHATGPT_LOGIN, LAB_OTHER_API_KEY, startFakeResponsesApi } from '../lab/fake-responses-api.ts';
import { LAB_QUIET_TOML, makeCodexHome } from '../lab/codex-home.ts';
import { en, enAll } from '../i18n.ts';

/** Every credential the lab plants: none may appear in a report. */
const LAB_SECRETS = [LAB_API_KEY, LAB_OTHER_API_KEY, LAB_CHATGPT_LOGIN.accessToken];
import {
  LAB_PROXY_PASSWORD,
  SCENARIO_NAMES,
  setupScenario,
  type CodexBehaviour,
  type Scenario,
} from '../lab/scenarios.ts';

const cleanEnv = { PATH: process.env.PATH, HOME: process.env.HOME };

/** What Codex must do when the doctor reaches this verdict. */
const behaviourFor: Record<FixKind, CodexBehaviour> = {
  none: 'answers-at-once',
  unproven: 'answers-at-once',
  login: 'never-answers',
  'proxy-login-unsupported': 'never-answers',
  'disable-websockets': 'reconnects-then-answers',
  'use-proxy': 'never-answers',
  'fix-proxy': 'never-answers',
  'no-network': 'never-answers',
  'repair-config': 'never-answers',
  'enable-tun': 'never-answers',
  'trust-ca': 'never-answers',
  'weak-ca': 'never-answers',
};

const open: Scenario[] = [];
after(async () => {
  for (const s of open) await s.stop();
});

describe('diagnosis against the lab, judged by the real Codex', () => {
  for (const name of SCENARIO_NAMES) {
    test(name, { timeout: 90_000 }, async () => {
      const scenario = await setupScenario(name);
      open.push(scenario);
      const events: CheckEvent[] = [];
      const report = await runDiagnosis({
        codexHome: scenario.codexHome,
        // The key (and any shell proxy) as the user's shell would export it for Codex.
        env: { ...cleanEnv, ...scenario.env },
        extraProxyPorts: scenario.extraProxyPorts,
        codexDoctor: false,
        timeoutMs: 2000,
        onProgress: (e) => events.push(e),
      });
      const r = report.recommendation;
      assert.equal(r.fix, scenario.expectedFix, `${r.rule}: ${en(r.headline)}\n${enAll(r.evidence).join('\n')}`);
      const json = JSON.stringify(report);
      assert.ok(!json.includes(LAB_PROXY_PASSWORD), 'the proxy password never appears in the report');
      for (const secret of LAB_SECRETS) assert.ok(!json.includes(secret), 'no credential appears in the report');
      assert.equal(r.proxyUrl, scenario.expectedProxyUrl);
      assert.ok(report.durationMs < 5000, `verdict took ${report.durationMs} ms`);
      // Progress: every check that started also finished.
      const started = new Set(events.filter((e) => e.status === 'running').map((e) => e.id));
      const finished = new Set(events.filter((e) => e.status !== 'running').map((e) => e.id));
      assert.deepEqual([...started].sort(), [...finished].sort());

      assert.equal(behaviourFor[r.fix], scenario.codex);
      const run = await runCodex({
        codexHome: scenario.codexHome,
        env: scenario.env,
        timeoutMs: scenario.codex === 'never-answers' ? 15_000 : 45_000,
      });
      const said = `codex: answered=${run.answered} reconnecting=${run.reconnectingLines} fellBack=${run.fellBack} timedOut=${run.timedOut}\n${run.stderr.slice(-1500)}`;
      switch (scenario.codex) {
        case 'answers-at-once':
          assert.ok(run.answered && run.reconnectingLines === 0 && !run.fellBack, said);
          break;
        case 'reconnects-then-answers':
          assert.ok(run.answered && run.reconnectingLines > 0 && run.fellBack, said);
          break;
        case 'never-answers':
          assert.ok(!run.answered, said);
          break;
      }
      await scenario.stop();
    });
  }
});

describe('diagnosis: cancel, progress and Codex’s own doctor', () => {
  test(
    'cancelling a diagnosis stuck on a stalled WebSocket returns a partial report at once',
    { timeout: 30_000 },
    async () => {
      const scenario = await setupScenario('ws-stalled');
      open.push(scenario);
      const controller = new AbortController();
      const t0 = performance.now();
      setTimeout(() => controller.abort(), 300);
      const report = await runDiagnosis({
        codexHome: scenario.codexHome,
        env: cleanEnv,
        codexDoctor: false,
        timeoutMs: 20_000,
        signal: controller.signal,
      });
      const elapsed = performance.now() - t0;
      assert.equal(report.cancelled, true);
      assert.ok(elapsed < 3000, `took ${Math.round(elapsed)} ms after a cancel at 300 ms`);
      await scenario.stop();
    },
  );

  test(
    'the installed Codex’s `codex doctor --network-only --json` is added as evidence',
    { timeout: 60_000 },
    async () => {
      const scenario = await setupScenario('ws-ok');
      open.push(scenario);
      const report = await runDiagnosis({
        codexHome: scenario.codexHome,
        // Counts this project's pinned Codex as installed (it is not on PATH here).
        env: { ...cleanEnv, ...scenario.env, CCD_INCLUDE_PROJECT_CODEX: '1' },
        timeoutMs: 2000,
      });
      assert.ok(
        report.codex.installs.some((i) => i.version === '0.171.0' && i.hasDoctor),
        JSON.stringify(report.codex.installs),
      );
      const doctorCheck = report.checks.find((c) => c.id === 'codex:doctor');
      assert.ok(doctorCheck, 'the doctor run shows as a check');
      // On a healthy endpoint Codex's doctor takes well under a second: it must be in the report.
      assert.notEqual(doctorCheck.status, 'skipped');
      assert.ok(report.codexDoctor, 'the doctor run is in the report');
      assert.ok(
        report.codexDoctor.summary.some((line) => /config\.load: ok/.test(line)),
        report.codexDoctor.summary.join('\n'),
      );
      // Both authenticated, both agree: healthy, and no disagreement is reported.
      assert.equal(report.recommendation.fix, 'none');
      assert.ok(
        !enAll(report.recommendation.reasons).some((r) => /own doctor/.test(r)),
        enAll(report.recommendation.reasons).join('\n'),
      );
      assert.ok(!JSON.stringify(report).includes(LAB_API_KEY));
      await scenario.stop();
    },
  );

  test(
    'without the key where the doctor runs, a 401 on ws:// is unproven, never Fix #1',
    { timeout: 30_000 },
    async () => {
      const scenario = await setupScenario('ws-ok');
      open.push(scenario);
      const report = await runDiagnosis({
        codexHome: scenario.codexHome,
        env: cleanEnv,
        codexDoctor: false,
        timeoutMs: 2000,
      });
      assert.equal(report.codex.credential.status, 'missing');
      assert.equal(report.recommendation.fix, 'unproven', en(report.recommendation.headline));
      assert.ok(report.probes.some((p) => p.phase === 'websocket' && p.failure === 'unauthenticated'));
      await scenario.stop();
    },
  );

  test(
    "a provider auth command the doctor does not run: Codex's own authenticated doctor decides",
    { timeout: 60_000 },
    async () => {
      const api = await startFakeResponsesApi({ mode: 'ok' });
      try {
        // Codex runs the command and sends what it prints; the doctor never runs it.
        const codexHome = makeCodexHome({
          configToml: [
            'model_provider = "lab"',
            'model = "lab-model"',
            '[model_providers.lab]',
            'name = "Lab"',
            `base_url = "${api.baseUrl}"`,
            'wire_api = "responses"',
            'supports_websockets = true',
            '[model_providers.lab.auth]',
            'command = "sh"',
            `args = ["-c", "echo ${LAB_API_KEY}"]`,
            '',
            LAB_QUIET_TOML,
          ].join('\n'),
        });
        const report = await runDiagnosis({
          codexHome,
          env: { ...cleanEnv, CCD_INCLUDE_PROJECT_CODEX: '1' },
          timeoutMs: 2000,
        });
        assert.equal(report.codex.credential.status, 'command');
        assert.ok(report.codexDoctor, 'Codex’s doctor ran');
        assert.equal(
          report.recommendation.fix,
          'none',
          `${report.recommendation.rule}: ${enAll(report.recommendation.reasons).join(' | ')}\n${report.codexDoctor.summary.join('\n')}`,
        );
        assert.match(enAll(report.recommendation.reasons).join(' '), /Codex's own doctor \(authenticated\)/);
        const run = await runCodex({ codexHome, timeoutMs: 45_000 });
        assert.ok(run.answered && run.reconnectingLines === 0, run.stderr.slice(-800));
      } finally {
        await api.close();
      }
    },
  );
});
