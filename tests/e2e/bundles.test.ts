// The built main and preload bundles, loaded under plain Node with a stand-in for the 'electron'
// module (tests/e2e/support/electron-stand-in.cjs): they load, create one window with the security
// settings in force, register every channel of the contract through the guarded wrapper, answer
// from the real core, and refuse other frames and malformed payloads. This checks the bundles'
// wiring where Electron cannot run; tests/e2e/electron.test.ts runs the real app where it can.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CHANNELS, DOCTOR_API_METHODS } from '../../shared/ipc.ts';
import { ROOT } from './env.ts';
import { en } from '../i18n.ts';
import { uiT } from './lang.ts';
import { runProcess, type ProcessResult } from '../lab/run-process.ts';

function loadBundles(env: Record<string, string>): Promise<ProcessResult> {
  return runProcess(process.execPath, [path.join(ROOT, 'tests', 'e2e', 'support', 'load-bundles.cjs')], {
    env: { PATH: process.env.PATH ?? '', ...env },
  });
}

test(
  'the built main and preload bundles: one secure window, the whole contract, the real core behind it',
  { timeout: 60_000 },
  async () => {
    assert.ok(existsSync(path.join(ROOT, 'dist', 'electron', 'main.cjs')), 'run npm run build first');
    const codexHome = mkdtempSync(path.join(os.tmpdir(), 'ccd-bundle-home-'));
    const r = await loadBundles({
      HOME: mkdtempSync(path.join(os.tmpdir(), 'ccd-bundle-user-')),
      CODEX_HOME: codexHome,
      CODEX_CONNECTION_DOCTOR_HOME: mkdtempSync(path.join(os.tmpdir(), 'ccd-bundle-doctor-')),
    });
    assert.equal(r.code, 0, r.stderr);
    const seen = JSON.parse(r.stdout);

    assert.deepEqual(seen.channels, [...CHANNELS].sort());
    assert.equal(seen.webPreferences.contextIsolation, true);
    assert.equal(seen.webPreferences.sandbox, true);
    assert.equal(seen.webPreferences.nodeIntegration, false);
    assert.ok(seen.preloadExists && seen.loadedFileExists, 'the window loads files that exist in dist/');
    assert.deepEqual(seen.exposed, ['doctor']);
    assert.deepEqual(seen.apiMethods, [...Object.keys(DOCTOR_API_METHODS), 'onProgress'].sort());

    assert.equal(seen.setupTrusted.ok, true);
    assert.equal(seen.setupTrusted.data.home, codexHome);
    assert.equal(seen.historyTrusted.ok, true);
    assert.equal(seen.setupForeign.ok, false);
    assert.match(en(seen.setupForeign.error.message), /did not come from the app window/);
    assert.equal(seen.setupMalformed.ok, false);

    // Main's native dialog speaks the page's language (the request's lang), else the OS's.
    assert.equal(seen.pickCaZh.ok, false, 'cancelled: nothing chosen');
    assert.deepEqual(
      seen.dialogs.map((d: { title: string; buttonLabel: string; filters: { name: string }[] }) => [
        d.title,
        d.buttonLabel,
        d.filters[0]!.name,
      ]),
      (['zh-CN', 'en'] as const).map((lang) => [
        uiT(lang, 'app.native.pick-ca-title'),
        uiT(lang, 'app.native.pick-ca-button'),
        uiT(lang, 'app.native.certificates-filter'),
      ]),
    );

    assert.equal(seen.cameraAllowed, false);
    assert.match(seen.csp[0], /default-src 'none'; script-src 'self'/);
    assert.equal(seen.navigationPrevented, true);
    assert.deepEqual(seen.newWindow, { action: 'deny' });
  },
);

test("the package's bin runs the bundled command line (dist/cli.cjs), no tsx needed", { timeout: 30_000 }, async () => {
  assert.ok(existsSync(path.join(ROOT, 'dist', 'cli.cjs')), 'run npm run build first');
  const run = (args: string[]) =>
    runProcess(process.execPath, [path.join(ROOT, 'bin', 'codex-connection-doctor.cjs'), ...args], {
      env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir() },
    });
  const help = await run(['--help']);
  assert.equal(help.code, 0, help.stderr);
  assert.match(help.stdout, /diagnose \[--codex-home DIR\]/);
  const history = await run(['history', '--json']);
  assert.equal(history.code, 0, history.stderr);
  assert.ok(Array.isArray(JSON.parse(history.stdout)));
  const home = mkdtempSync(path.join(os.tmpdir(), 'ccd-bin-home-'));
  const diagnose = await run(['diagnose', '--codex-home', path.join(home, 'nope')]);
  assert.equal(diagnose.code, 2);
  assert.match(diagnose.stderr, /does not exist/);
});
