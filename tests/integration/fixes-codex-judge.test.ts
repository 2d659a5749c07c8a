// The real Codex judges each fix in the lab situation it is meant for: before the fix it
// reconnects (or never answers), after it it answers with no `Reconnecting` line, and after the
// revert every file is byte-identical and Codex behaves as before.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { loadCodexSetup } from '../../electron/core/codex/index.ts';
import { applyPlan, planFix, revertChange } from '../../electron/core/fixes/index.ts';
import type { ApplicableFix } from '../../shared/types.ts';
import { codexLauncherPath, makeTempDir, runCodex, startFakeResponsesApi } from '../lab/index.ts';
import { setupScenario, type Scenario } from '../lab/scenarios.ts';

function snapshot(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const f of fs.readdirSync(dir)) {
    const full = path.join(dir, f);
    if (fs.statSync(full).isFile() && (f.endsWith('.toml') || f === '.env')) out.set(f, fs.readFileSync(full));
  }
  return out;
}

async function applyFix(home: string, fix: ApplicableFix, proxyUrl?: string): Promise<{ id: string; journalDir: string }> {
  const journalDir = path.join(makeTempDir('judge-journal'), 'journal');
  const setup = await loadCodexSetup({ codexHome: home, profile: null, env: {}, findInstalls: false });
  const planned = await planFix(fix, { codexHome: home, profile: null, setup, ...(proxyUrl ? { proxyUrl } : {}) });
  const entry = await applyPlan(planned, { journalDir });
  return { id: entry.id, journalDir };
}

async function judge(scenario: Scenario, fix: ApplicableFix, neverAnswersBefore: boolean): Promise<void> {
  const home = scenario.codexHome;
  const start = snapshot(home);
  const timeoutMs = neverAnswersBefore ? 12_000 : 40_000;
  const before = await runCodex({ codexHome: home, timeoutMs });
  if (neverAnswersBefore) assert.equal(before.answered, false, 'Codex does not answer before the fix');
  else assert.ok(before.reconnectingLines > 0 && before.answered, `Codex reconnects before the fix:\n${before.stderr.slice(-800)}`);

  const { id, journalDir } = await applyFix(home, fix, scenario.expectedProxyUrl);
  const fixed = await runCodex({ codexHome: home, timeoutMs: 40_000 });
  assert.ok(fixed.answered, `Codex answers after the fix:\n${fixed.stderr.slice(-800)}`);
  assert.equal(fixed.reconnectingLines, 0, 'no Reconnecting line after the fix');
  assert.equal(fixed.fellBack, false);

  assert.equal((await revertChange(id, { journalDir })).status, 'reverted');
  const end = snapshot(home);
  assert.deepEqual([...end.keys()].sort(), [...start.keys()].sort());
  for (const [f, bytes] of start) assert.ok(end.get(f)!.equals(bytes), `${f} is byte-identical after revert`);
  const reverted = await runCodex({ codexHome: home, timeoutMs });
  if (neverAnswersBefore) assert.equal(reverted.answered, false, 'after the revert Codex behaves as before');
  else assert.ok(reverted.reconnectingLines > 0, 'after the revert Codex reconnects again');
}

describe('the real Codex judges the fixes', { timeout: 300_000 }, () => {
  const stops: (() => Promise<void>)[] = [];
  after(async () => {
    for (const s of stops) await s();
  });

  test('disable-websockets, custom provider, WebSocket refused', async () => {
    const scenario = await setupScenario('ws-refused');
    stops.push(scenario.stop);
    await judge(scenario, 'disable-websockets', false);
  });

  test('disable-websockets, built-in provider with openai_base_url and an API-key login', async () => {
    const api = await startFakeResponsesApi({ mode: 'refuse' });
    stops.push(() => api.close());
    const home = makeTempDir('judge-builtin');
    fs.writeFileSync(
      path.join(home, 'config.toml'),
      `# built-in provider through a gateway\nmodel = "lab-model"\nopenai_base_url = "${api.baseUrl}"\n\n[model_providers.lab]\nname = "unused"\nbase_url = "http://127.0.0.1:9/v1"\n`,
    );
    const login = spawnSync(process.execPath, [codexLauncherPath(), 'login', '--with-api-key'], {
      input: 'sk-lab-not-a-real-key\n',
      env: { PATH: process.env.PATH ?? '', HOME: home, CODEX_HOME: home },
      encoding: 'utf8',
      timeout: 30_000,
    });
    assert.equal(login.status, 0, 'codex login --with-api-key');
    const scenario = { codexHome: home } as Scenario;
    await judge(scenario, 'disable-websockets', false);
    assert.ok(api.requests.some((r) => r.method === 'POST'), 'the fixed provider reached the gateway, not api.openai.com');
  });

  test('use-proxy, endpoint only reachable through a proxy Codex is not told about', async () => {
    const scenario = await setupScenario('proxy-needed');
    stops.push(scenario.stop);
    await judge(scenario, 'use-proxy', true);
  });

  test('fix-proxy, a dead proxy in .env', async () => {
    const scenario = await setupScenario('dead-proxy-in-dotenv');
    stops.push(scenario.stop);
    await judge(scenario, 'use-proxy', true);
  });
});
