// History says whether a change is still in its files — and when another tool (cc-switch
// rewriting config.toml from its templates) wrote over it.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { applyPlan, listHistory, planFix } from '../../../electron/core/fixes/index.ts';
import { loadCodexSetup } from '../../../electron/core/codex/index.ts';

async function fixedHome() {
  const home = mkdtempSync(path.join(os.tmpdir(), 'still-'));
  const journalDir = mkdtempSync(path.join(os.tmpdir(), 'still-journal-'));
  const config = path.join(home, 'config.toml');
  writeFileSync(
    config,
    '# mine\nmodel_provider = "p"\n\n[model_providers.p]\nname = "P"\nbase_url = "https://example.invalid/v1"\nsupports_websockets = true\n',
  );
  const setup = await loadCodexSetup({ codexHome: home, env: {} });
  const planned = await planFix('disable-websockets', { codexHome: home, profile: null, setup });
  await applyPlan(planned, { journalDir });
  return { config, journalDir };
}

describe('a change, later', () => {
  test('in place, edited since, overwritten by a tool that rewrote the file', async () => {
    const { config, journalDir } = await fixedHome();
    assert.equal(listHistory(journalDir)[0]?.state, 'in-place');

    writeFileSync(config, readFileSync(config, 'utf8') + 'model = "gpt-5"\n');
    assert.equal(listHistory(journalDir)[0]?.state, 'changed-since');

    // What a provider switcher does: the file written again from its own template.
    writeFileSync(
      config,
      'model_provider = "p"\n[model_providers.p]\nname = "P"\nbase_url = "https://example.invalid/v1"\nsupports_websockets = true\n',
    );
    assert.equal(listHistory(journalDir)[0]?.state, 'overwritten');
  });
});
