// Two causes of the Reconnecting loop that are not the WebSocket's path, through the CLI: a login
// the service rejects (nothing to write), and a local gateway's openai_base_url left behind (a
// journaled, revertible removal). What the real Codex does in both is asserted in lab.test.ts.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { setupScenario, type Scenario } from '../lab/scenarios.ts';
import { LAB_API_KEY, LAB_OTHER_API_KEY } from '../lab/fake-responses-api.ts';
import { makeTempDir } from '../lab/temp-dirs.ts';
import { cli } from './cli-run.ts';

const open: Scenario[] = [];
after(async () => {
  for (const s of open) await s.stop();
});
const envFor = (s: Scenario) => ({
  ...s.env,
  HOME: makeTempDir('ccd-user-home'),
  CODEX_CONNECTION_DOCTOR_HOME: makeTempDir('ccd-doctor-home'),
});

describe('not the network', () => {
  test(
    'a rejected key: the login verdict names the variable, offers no file change, shows no key',
    { timeout: 60_000 },
    async () => {
      const s = await setupScenario('wrong-key');
      open.push(s);
      const env = envFor(s);
      const r = await cli(['diagnose', '--codex-home', s.codexHome, '--no-codex-doctor'], env);
      assert.equal(r.code, 1, r.stderr);
      assert.match(r.stdout, /Verdict: Not a network problem: Codex's login is rejected/);
      assert.match(r.stdout, /Set LAB_KEY/);
      assert.doesNotMatch(r.stdout, /Preview the change/);
      for (const secret of [LAB_API_KEY, LAB_OTHER_API_KEY]) assert.ok(!(r.stdout + r.stderr).includes(secret));
    },
  );

  test(
    'a stale local gateway: the line and its comment are named; repair-config removes the line; revert restores the bytes',
    { timeout: 60_000 },
    async () => {
      const s = await setupScenario('stale-local-gateway');
      open.push(s);
      const env = envFor(s);
      const configPath = path.join(s.codexHome, 'config.toml');
      const before = readFileSync(configPath, 'utf8');
      const json = await cli(['diagnose', '--codex-home', s.codexHome, '--no-codex-doctor', '--json'], env);
      const report = JSON.parse(json.stdout);
      assert.equal(report.recommendation.fix, 'repair-config', report.recommendation.headline.text);
      assert.equal(report.recommendation.rule, 'R1b-stale-local-gateway');
      assert.match(
        report.recommendation.reasons.map((r: { text: string }) => r.text).join(' '),
        /Auto-injected by some-bridge/,
      );
      const finding = report.findings.find((f: { id: string }) => f.id === 'config.stale-local-gateway');
      assert.ok(finding?.location?.line, JSON.stringify(finding));

      const fixed = await cli(['fix', 'repair-config', '--codex-home', s.codexHome, '--yes'], env);
      // Applied; the check after it still finds no network (the lab cannot reach api.openai.com).
      assert.match(fixed.stdout, /Applied as change/, fixed.stdout + fixed.stderr);
      assert.match(fixed.stdout, /-openai_base_url = /);
      const after = readFileSync(configPath, 'utf8');
      assert.doesNotMatch(after, /^openai_base_url/m);
      assert.match(after, /Auto-injected by some-bridge/, 'the comment stays: the edit is minimal');

      const reverted = await cli(['revert', '--last'], env);
      assert.equal(reverted.code, 0, reverted.stderr);
      assert.equal(readFileSync(configPath, 'utf8'), before);
    },
  );
});
