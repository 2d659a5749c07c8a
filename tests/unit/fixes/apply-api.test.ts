// A change made through the Clash API is journaled before the API is called, so TUN is never
// turned on without a record that lets the user turn it back off.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { applyPlan, FixError, listHistory, planFix, type SetClashTun } from '../../../electron/core/fixes/index.ts';
import type { EnvironmentReport } from '../../../shared/types.ts';
import { setupFor, tempDir } from './helpers.ts';

const environment: EnvironmentReport = {
  systemProxy: null,
  localProxies: [],
  proxyApps: [],
  clashApi: [{ controller: '127.0.0.1:9097', source: 'config.yaml', reachable: true, tunEnabled: false }],
  tun: { active: false, interfaces: [], evidence: [] },
};

async function tunPlan(setClashTun: SetClashTun) {
  const home = tempDir('tun');
  return planFix('enable-tun', {
    codexHome: home,
    profile: null,
    setup: await setupFor(home, null),
    environment,
    setClashTun,
  });
}

describe('enable-tun through the Clash API', () => {
  test('a journal that cannot be written stops the change before TUN is turned on', async () => {
    const calls: boolean[] = [];
    const setClashTun: SetClashTun = async (_c, _s, enable) => void calls.push(enable);
    const planned = await tunPlan(setClashTun);
    const blocker = path.join(tempDir('journal'), 'not-a-dir');
    fs.writeFileSync(blocker, '');
    await assert.rejects(applyPlan(planned, { journalDir: path.join(blocker, 'journal'), setClashTun }));
    assert.deepEqual(calls, [], 'TUN was turned on with no journal entry to undo it');
  });

  test('an API that refuses leaves no change in the history', async () => {
    const setClashTun: SetClashTun = async () => {
      throw new Error('the controller rejected the secret (401)');
    };
    const planned = await tunPlan(setClashTun);
    const journalDir = path.join(tempDir('journal'), 'journal');
    await assert.rejects(
      applyPlan(planned, { journalDir, setClashTun }),
      (e: unknown) => e instanceof FixError && e.code === 'api-failed',
    );
    assert.deepEqual(listHistory(journalDir), []);
  });
});
