// What the app's Start step is given about the setup: never a secret held in the base URL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDoctorService } from '../../../electron/core/service.ts';

test('a login or a token in the provider base_url never reaches the app', async () => {
  const home = mkdtempSync(path.join(os.tmpdir(), 'ccd-setup-summary-'));
  writeFileSync(
    path.join(home, 'config.toml'),
    'model_provider = "gw"\n[model_providers.gw]\nname = "gw"\nbase_url = "https://me:pw-planted-4242@gw.example/v1?api-key=tok-planted-4242"\n',
  );
  const summary = await createDoctorService({ codexHome: home, env: {} }).setup({});
  assert.equal(summary.providerId, 'gw');
  assert.doesNotMatch(JSON.stringify(summary), /planted-4242/);
  assert.match(summary.baseUrl ?? '', /gw\.example/);
});
