// The ws-refused flow through Playwright's _electron against the built app (dist/electron/main.cjs)
// with a fresh user-data directory. Skipped, with the reason printed, where no Electron binary exists.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { _electron as electron } from 'playwright-core';
import { electronBinaryPath } from '../../scripts/electron-binary.mjs';
import { makeTempDir } from '../lab/temp-dirs.ts';
import { setupScenario } from '../lab/scenarios.ts';
import { ROOT, labEnv } from './env.ts';

const binary = electronBinaryPath();
const mainBundle = path.join(ROOT, 'dist', 'electron', 'main.cjs');
const skipReason = !binary
  ? "no Electron binary in node_modules/electron (its download needs network access and Node >= 22.12); run 'node node_modules/electron/install.js' where it can be fetched"
  : !existsSync(mainBundle)
    ? 'the app is not built: run npm run build first'
    : null;
if (skipReason) console.log(`# Electron e2e skipped: ${skipReason}`);

test('Electron app: ws-refused → Fix #1 → applied → healthy → revert restores the bytes', { skip: skipReason ?? false, timeout: 180_000 }, async () => {
  const scenario = await setupScenario('ws-refused');
  const doctorHome = makeTempDir('electron-doctor-home');
  const app = await electron.launch({
    executablePath: binary!,
    args: [mainBundle, `--user-data-dir=${makeTempDir('electron-user-data')}`],
    env: { ...labEnv(scenario.codexHome, doctorHome), ...(process.env.DISPLAY ? { DISPLAY: process.env.DISPLAY } : {}) },
  });
  try {
    const page = await app.firstWindow();
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      const win = BrowserWindow.getAllWindows()[0]!;
      // Not in Electron's typings, but present: the preferences the page really runs with.
      const p = (win.webContents as unknown as { getLastWebPreferences(): Record<string, unknown> }).getLastWebPreferences();
      return { contextIsolation: p.contextIsolation, sandbox: p.sandbox, nodeIntegration: p.nodeIntegration };
    });
    assert.deepEqual(prefs, { contextIsolation: true, sandbox: true, nodeIntegration: false });
    assert.equal(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require), 'undefined');

    const configPath = path.join(scenario.codexHome, 'config.toml');
    const original = readFileSync(configPath);
    await page.getByRole('button', { name: 'Start the diagnosis' }).click();
    await page.getByRole('button', { name: 'See what was found' }).click({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Choose a fix' }).click();
    const recommended = page.locator('.fix-card.recommended');
    assert.match(await recommended.innerText(), /Fix #1/);
    await recommended.getByRole('button', { name: 'Preview fix #1' }).click();
    await page.locator('.diff-add').filter({ hasText: 'supports_websockets = false' }).first().waitFor();
    await page.getByRole('button', { name: 'Apply this change' }).click();
    await page.getByText('Codex can now connect without reconnecting.').waitFor({ timeout: 60_000 });
    assert.match(readFileSync(configPath, 'utf8'), /supports_websockets = false/);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Revert now' }).click();
    await page.getByText('Reverted. Your files are back as they were.').waitFor({ timeout: 60_000 });
    assert.deepEqual(readFileSync(configPath), original);
  } finally {
    await app.close();
    await scenario.stop();
  }
});
