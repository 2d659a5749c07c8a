// The wizard's flows (flows.ts, the same ones wizard.test.ts runs in the browser) through
// Playwright's _electron against the built app (dist/electron/main.cjs): each test launches the app
// with a fresh user-data directory and its own temporary doctor home and CODEX_HOME. Skipped, with
// the reason printed, where no Electron binary exists.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { _electron as electron, type ElectronApplication } from 'playwright-core';
import { electronBinaryPath } from '../../scripts/electron-binary.mjs';
import { PROXY_PORTS_ENV } from '../../electron/app-options.ts';
import { makeTempDir } from '../lab/temp-dirs.ts';
import { setupScenario, type Scenario, type ScenarioName } from '../lab/scenarios.ts';
import { SQUID_BINARY } from '../lab/squid.ts';
import { ROOT, labEnv } from './env.ts';
import type { Locale } from './lang.ts';
import {
  brokenConfigFlow,
  proxyNeededFlow,
  proxyLoginFlow,
  strictPageFlow,
  syntaxErrorFlow,
  wsOkFlow,
  wsRefusedFlow,
  wrongKeyFlow,
  type FlowTarget,
} from './flows.ts';

const binary = electronBinaryPath();
const mainBundle = path.join(ROOT, 'dist', 'electron', 'main.cjs');
const skipReason = !binary
  ? "no Electron binary in node_modules/electron (its download needs network access and Node >= 22.12); run 'node node_modules/electron/install.js' where it can be fetched"
  : !existsSync(mainBundle)
    ? 'the app is not built: run npm run build first'
    : null;
if (skipReason) console.log(`# Electron e2e skipped: ${skipReason}`);
// The proxy-needed lab runs a real squid (the Linux job installs it; macOS and Windows have none).
const squidSkipReason =
  skipReason ?? (existsSync(SQUID_BINARY) ? null : `no squid at ${SQUID_BINARY} for the proxy-needed lab`);
if (squidSkipReason && !skipReason) console.log(`# Electron proxy-needed e2e skipped: ${squidSkipReason}`);

const TEST_OPTIONS = { skip: skipReason ?? false, timeout: 180_000 };

/** What the app needs from the machine to open a window at all (display, temp dir, Windows' system root). */
const PASSED_THROUGH = [
  'DISPLAY',
  'XAUTHORITY',
  'WAYLAND_DISPLAY',
  'XDG_RUNTIME_DIR',
  'TMPDIR',
  'TEMP',
  'TMP',
  'SystemRoot',
  'windir',
  'ComSpec',
];

function appEnv(scenario: Scenario, doctorHome: string): Record<string, string> {
  const env: Record<string, string> = {};
  const lab = labEnv(scenario, doctorHome, { [PROXY_PORTS_ENV]: scenario.extraProxyPorts.join(',') });
  for (const [name, value] of Object.entries(lab)) if (value !== undefined) env[name] = value;
  for (const name of PASSED_THROUGH) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  return env;
}

/**
 * Sets up the lab scenario, launches the built app over it, runs `body` with the app's first
 * window as the flow's target, and closes everything whatever happens.
 */
async function withApp(
  name: ScenarioName,
  body: (target: FlowTarget, app: ElectronApplication) => Promise<void>,
  lang: Locale = 'en',
): Promise<void> {
  const scenario = await setupScenario(name);
  let app: ElectronApplication | undefined;
  try {
    app = await electron.launch({
      executablePath: binary!,
      // Chromium's --lang is Electron's locale (app.getLocale(), the page's navigator.language): the OS language as the app sees it.
      args: [
        mainBundle,
        `--user-data-dir=${makeTempDir('electron-user-data')}`,
        `--lang=${lang === 'zh-CN' ? 'zh-CN' : 'en-US'}`,
      ],
      env: appEnv(scenario, makeTempDir('electron-doctor-home')),
    });
    const page = await app.firstWindow();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') pageErrors.push(m.text());
    });
    // The real clipboard: emptied first, so what the flow finds there is what the app copied.
    await app.evaluate(({ clipboard }) => clipboard.clear());
    const running = app;
    await body(
      {
        page,
        lang,
        scenario,
        pageErrors,
        screenshot: async () => undefined, // the browser run takes the screenshots
        clipboardTexts: async () => {
          const text = await running.evaluate(({ clipboard }) => clipboard.readText());
          return text ? [text] : [];
        },
      },
      app,
    );
  } finally {
    await app?.close().catch(() => undefined);
    await scenario.stop();
  }
}

describe('the built Electron app', { concurrency: false }, () => {
  test(
    'the window runs sandboxed and isolated, with the strict CSP, and the API refuses bad payloads',
    TEST_OPTIONS,
    async () => {
      await withApp('ws-ok', async (target, app) => {
        const prefs = await app.evaluate(({ BrowserWindow }) => {
          const win = BrowserWindow.getAllWindows()[0]!;
          // Not in Electron's typings, but present: the preferences the page really runs with.
          const p = (
            win.webContents as unknown as { getLastWebPreferences(): Record<string, unknown> }
          ).getLastWebPreferences();
          return { contextIsolation: p.contextIsolation, sandbox: p.sandbox, nodeIntegration: p.nodeIntegration };
        });
        assert.deepEqual(prefs, { contextIsolation: true, sandbox: true, nodeIntegration: false });
        assert.equal(
          await target.page.evaluate(() => typeof (globalThis as { require?: unknown }).require),
          'undefined',
        );
        await strictPageFlow(target);
      });
    },
  );

  test(
    'ws-refused: Fix #1 recommended → diff → applied → healthy → revert is byte-identical',
    TEST_OPTIONS,
    async () => {
      await withApp('ws-refused', wsRefusedFlow);
    },
  );

  test('ws-refused with the OS in Chinese: the app starts in 简体中文, same flow', TEST_OPTIONS, async () => {
    await withApp('ws-refused', wsRefusedFlow, 'zh-CN');
  });

  test(
    'proxy-needed: Fix #2 recommended with the proxy that works',
    { ...TEST_OPTIONS, skip: squidSkipReason ?? false },
    async () => {
      await withApp('proxy-needed', proxyNeededFlow);
    },
  );

  test(
    'proxy-login-missing: Fix #2 asks for the login, refuses a wrong password, writes the right one, reverts',
    { ...TEST_OPTIONS, skip: squidSkipReason ?? false },
    async () => {
      await withApp('proxy-login-missing', proxyLoginFlow);
    },
  );

  test('broken config.toml: a clear error with its location, and nothing written', TEST_OPTIONS, async () => {
    await withApp('broken-config', brokenConfigFlow);
  });

  test(
    'config.toml with a syntax error: its line is shown, fixes are refused, nothing written',
    TEST_OPTIONS,
    async () => {
      await withApp('ws-ok', syntaxErrorFlow);
    },
  );

  test('ws-ok: "no fix needed" is a real outcome', TEST_OPTIONS, async () => {
    await withApp('ws-ok', wsOkFlow);
  });

  test(
    'wrong-key: the login outcome on its own, no fix card, and no credential in the page',
    TEST_OPTIONS,
    async () => {
      await withApp('wrong-key', wrongKeyFlow);
    },
  );
});
