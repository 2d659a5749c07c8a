// Shared e2e setup: a lab scenario, the real DoctorService over it, the bridge, and Debian's
// Chromium driven by playwright-core with a fresh profile.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { createDoctorService } from '../../electron/core/service.ts';
import { makeTempDir } from '../lab/temp-dirs.ts';
import { setupScenario, type Scenario, type ScenarioName } from '../lab/scenarios.ts';
import { BRIDGE_CLIENT_SCRIPT, startBridge, type Bridge } from './bridge.ts';
import { ROOT, labEnv } from './env.ts';

export { ROOT, labEnv };

export const RENDERER_DIR = path.join(ROOT, 'dist', 'renderer');
export const SCREENSHOT_DIR = path.join(ROOT, 'docs', 'screenshots');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function ensureRendererBuilt(): void {
  if (existsSync(path.join(RENDERER_DIR, 'index.html'))) return;
  const built = spawnSync(process.execPath, ['scripts/build.mjs', 'renderer'], { cwd: ROOT, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('building the renderer failed');
}

export interface Session {
  scenario: Scenario;
  bridge: Bridge;
  context: BrowserContext;
  page: Page;
  doctorHome: string;
  /** Errors the page printed (CSP violations among them). */
  pageErrors: string[];
  close(): Promise<void>;
}

export interface SessionOptions {
  colorScheme?: 'light' | 'dark';
  /** The service's probe budget per step (default the core's). */
  timeoutMs?: number;
  viewport?: { width: number; height: number };
}

export async function openSession(name: ScenarioName, opts: SessionOptions = {}): Promise<Session> {
  ensureRendererBuilt();
  const scenario = await setupScenario(name);
  const doctorHome = makeTempDir('e2e-doctor-home');
  const service = createDoctorService({
    codexHome: scenario.codexHome,
    env: labEnv(scenario, doctorHome),
    journalDir: path.join(doctorHome, 'journal'),
    platform: process.platform,
    extraProxyPorts: scenario.extraProxyPorts,
    ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}),
  });
  const bridge = await startBridge(service, RENDERER_DIR);
  const context = await chromium.launchPersistentContext(makeTempDir('e2e-chromium-profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: opts.viewport ?? { width: 1100, height: 860 },
    colorScheme: opts.colorScheme ?? 'light',
    reducedMotion: 'reduce',
  });
  await context.addInitScript({ content: BRIDGE_CLIENT_SCRIPT });
  // Nothing leaves the machine: any request not to the bridge is aborted.
  await context.route(
    (url) => !url.href.startsWith(bridge.url),
    (route) => route.abort(),
  );
  const page = context.pages()[0] ?? (await context.newPage());
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(m.text());
  });
  await page.goto(bridge.url);
  return {
    scenario,
    bridge,
    context,
    page,
    doctorHome,
    pageErrors,
    async close() {
      await context.close().catch(() => undefined);
      await bridge.close().catch(() => undefined);
      await scenario.stop();
    },
  };
}

export async function screenshot(page: Page, name: string, opts: { dark?: boolean } = {}): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
  if (opts.dark) {
    // The same step in the OS's dark theme, without running the step again.
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}-dark.png`), fullPage: true });
    await page.emulateMedia({ colorScheme: 'light' });
  }
}

/** Every file under a directory with its bytes, to prove nothing was written. */
export function snapshotDir(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else files.set(path.relative(dir, p), readFileSync(p).toString('base64'));
    }
  };
  walk(dir);
  return files;
}
