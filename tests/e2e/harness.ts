// Shared e2e setup: a lab scenario, the real DoctorService over it, the shipped browser mode
// (electron/web/server.ts, the server `codex-connection-doctor app` runs) and Debian's Chromium
// driven by playwright-core with a fresh profile, opening the server's one-time URL.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { createDoctorService } from '../../electron/core/service.ts';
import { startBrowserServer, type BrowserServer } from '../../electron/web/server.ts';
import { makeTempDir } from '../lab/temp-dirs.ts';
import { setupScenario, type Scenario, type ScenarioName } from '../lab/scenarios.ts';
import { ROOT, labEnv } from './env.ts';
import type { Locale } from './lang.ts';

export { ROOT, labEnv };

export const RENDERER_DIR = path.join(ROOT, 'dist', 'renderer');
export const CLIENT_SCRIPT_FILE = path.join(ROOT, 'dist', 'web', 'doctor-client.js');
export const SCREENSHOT_DIR = path.join(ROOT, 'docs', 'screenshots');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function ensureRendererBuilt(): void {
  if (existsSync(path.join(RENDERER_DIR, 'index.html')) && existsSync(CLIENT_SCRIPT_FILE)) return;
  const built = spawnSync(process.execPath, ['scripts/build.mjs', 'renderer'], { cwd: ROOT, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('building the renderer failed');
}

/** What the page did outside itself, seen from the browser: the clipboard, downloads, new tabs, API answers. */
export interface PageRecord {
  /** What the page wrote to the clipboard, in order. */
  clipboard: string[];
  /** Reports the page downloaded (the browser mode's "Save"), once every download has finished. */
  saved(): Promise<{ name: string; text: string }[]>;
  /** Pages the app opened (allow-listed links open in a new tab). */
  opened: string[];
  /** Every API answer the server sent the page, and every progress event it streamed. */
  responses: string[];
}

export interface BrowserPage {
  context: BrowserContext;
  page: Page;
  /** Errors the page printed (CSP violations among them). */
  pageErrors: string[];
  record: PageRecord;
  /** Lets the browser reach one more origin (e.g. a second run of the doctor on another port). */
  allow(origin: string): void;
}

export interface SessionOptions {
  colorScheme?: 'light' | 'dark';
  /** The browser's language (navigator.language): the app starts in it. Default en-US. */
  locale?: Locale;
  /** The service's probe budget per step (default the core's). */
  timeoutMs?: number;
  viewport?: { width: number; height: number };
}

/** Launches Chromium with a fresh profile and opens a browser-mode URL; nothing but that server is reachable. */
export async function openBrowserAt(
  url: string,
  opts: SessionOptions & { alsoAllow?: string[] } = {},
): Promise<BrowserPage> {
  const origin = new URL(url).origin;
  const reachable = new Set([origin, ...(opts.alsoAllow ?? [])]);
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
    locale: opts.locale === 'zh-CN' ? 'zh-CN' : 'en-US',
    colorScheme: opts.colorScheme ?? 'light',
    reducedMotion: 'reduce',
    acceptDownloads: true,
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const record = { clipboard: [] as string[], opened: [] as string[], responses: [] as string[] };
  const downloads: Promise<{ name: string; text: string }>[] = [];
  // The real clipboard keeps only the last text; this keeps them all (the page's writes still go through).
  await context.exposeBinding('__e2eClipboardWrite', (_source, text: string) => void record.clipboard.push(text));
  await context.addInitScript(`(() => {
    const clipboard = navigator.clipboard;
    const write = clipboard.writeText.bind(clipboard);
    clipboard.writeText = async (text) => { await write(text); await window.__e2eClipboardWrite(String(text)); };
  })()`);
  // Nothing leaves the machine: any request not to the server is aborted.
  await context.route(
    (u) => !reachable.has(u.origin),
    (route) => route.abort(),
  );
  // The API answers, recorded as the page receives them.
  await context.route(
    (u) => u.origin === origin && u.pathname.startsWith('/api/') && u.pathname !== '/api/events',
    async (route) => {
      // Only the app page's own calls (another page's must reach the server untouched, refusals and all).
      if (new URL(route.request().frame().url()).origin !== origin) return route.continue();
      try {
        const response = await route.fetch();
        record.responses.push(await response.text());
        await route.fulfill({ response });
      } catch {
        // The page reloaded or closed while the call was in flight: nobody waits for its answer.
        await route.abort().catch(() => undefined);
      }
    },
  );
  context.on('page', (p) => record.opened.push(p.url()));
  const page = context.pages()[0] ?? (await context.newPage());
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(m.text());
  });
  page.on('download', (d) => {
    downloads.push(d.path().then((file) => ({ name: d.suggestedFilename(), text: readFileSync(file, 'utf8') })));
  });
  await page.goto(url);
  return {
    context,
    page,
    pageErrors,
    record: { ...record, saved: () => Promise.all(downloads) },
    allow: (other) => void reachable.add(other),
  };
}

export interface Session extends BrowserPage {
  scenario: Scenario;
  server: BrowserServer;
  doctorHome: string;
  close(): Promise<void>;
}

export async function openSession(name: ScenarioName, opts: SessionOptions = {}): Promise<Session> {
  ensureRendererBuilt();
  const scenario = await setupScenario(name);
  const doctorHome = makeTempDir('e2e-doctor-home');
  const progress: string[] = [];
  const service = createDoctorService({
    codexHome: scenario.codexHome,
    env: labEnv(scenario, doctorHome),
    journalDir: path.join(doctorHome, 'journal'),
    platform: process.platform,
    extraProxyPorts: scenario.extraProxyPorts,
    ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}),
  });
  // The progress events the server streams are the service's own, as they are; record them on the way.
  const diagnose = service.diagnose.bind(service);
  service.diagnose = (req, onProgress, signal) =>
    diagnose(
      req,
      (event) => {
        progress.push(JSON.stringify(event));
        onProgress?.(event);
      },
      signal,
    );
  const server = await startBrowserServer({ service, rendererDir: RENDERER_DIR, clientScriptFile: CLIENT_SCRIPT_FILE });
  const browser = await openBrowserAt(server.url, opts);
  const responses = browser.record.responses;
  return {
    ...browser,
    record: {
      ...browser.record,
      get responses() {
        return [...responses, ...progress];
      },
    },
    scenario,
    server,
    doctorHome,
    async close() {
      await browser.context.close().catch(() => undefined);
      await server.close().catch(() => undefined);
      await scenario.stop();
    },
  };
}

/** Where a language's screenshots go: English in docs/screenshots/, the others in a folder of their own, same names. */
export const screenshotDir = (lang: Locale = 'en'): string =>
  lang === 'en' ? SCREENSHOT_DIR : path.join(SCREENSHOT_DIR, lang);

export async function screenshot(
  page: Page,
  name: string,
  opts: { dark?: boolean; lang?: Locale } = {},
): Promise<void> {
  const dir = screenshotDir(opts.lang);
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
  if (opts.dark) {
    // The same step in the OS's dark theme, without running the step again.
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: path.join(dir, `${name}-dark.png`), fullPage: true });
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
