// The wizard's end-to-end flows, written once and run in each language: in Debian's Chromium through
// the browser mode (wizard.test.ts) and in the built Electron app (electron.test.ts). Each flow drives
// the page and asserts what the user sees and what lands on disk. What the user sees is written in
// English and read from the catalog in the run's language (lang.ts): the same flow checks both.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { parse as parseToml } from 'smol-toml';
import { LAB_PROXY_PASSWORD, type Scenario } from '../lab/scenarios.ts';
import { LAB_API_KEY, LAB_CHATGPT_LOGIN, LAB_OTHER_API_KEY } from '../lab/fake-responses-api.ts';
import { snapshotDir } from './harness.ts';
import { hasHan, ui, uiPattern, type Locale } from './lang.ts';
import { isMessage, type Message } from '../../shared/i18n/message.ts';
import { en, zh } from '../i18n.ts';

export const STEP_TIMEOUT = 60_000;

/** What a flow needs from the run it is in. */
export interface FlowTarget {
  page: Page;
  /** The language the app was started in (the browser's or Electron's locale); English when absent. */
  lang?: Locale;
  scenario: Scenario;
  /** Errors the page printed (CSP violations among them), collected since the page opened. */
  pageErrors: string[];
  /** Saves a picture of the current step; the browser run keeps them, the Electron run does nothing. */
  screenshot(name: string, opts?: { dark?: boolean }): Promise<void>;
  /** The texts the app put on the clipboard during this run, oldest first. */
  clipboardTexts(): Promise<string[]>;
}

/**
 * The run's words: `T('Start the diagnosis')` is that text in the run's language (a string, or a
 * pattern of the choices), `P('is on the clipboard')` a pattern for the catalog text(s) holding
 * those English words.
 */
export function words(target: Pick<FlowTarget, 'lang'>) {
  const lang = target.lang ?? 'en';
  return {
    lang,
    T: (english: string) => ui(lang, english),
    P: (englishPart: string, flags?: string) => uiPattern(lang, englishPart, flags),
  };
}

/**
 * A report exported in the run's language: in zh-CN its headings are Chinese, in English none
 * holds a Chinese character.
 */
export function assertReportLanguage(markdown: string, lang: Locale, where: string): void {
  const headings = markdown.split('\n').filter((line) => /^#{1,4} /.test(line));
  assert.ok(headings.length > 0, `the ${where} report has headings`);
  if (lang === 'zh-CN') {
    assert.ok(hasHan(headings[0]!), `the ${where} report's title is Chinese: ${headings[0]}`);
    const chinese = headings.filter(hasHan).length;
    assert.ok(
      chinese * 2 >= headings.length,
      `most of the ${where} report's headings are Chinese: ${headings.join(' | ')}`,
    );
  } else {
    assert.ok(!hasHan(markdown), `the English ${where} report holds no Chinese`);
  }
}

/** Start → Diagnose → Findings, leaving the page on Findings. */
export async function diagnose(target: FlowTarget, shots?: string): Promise<void> {
  const { page } = target;
  const { T } = words(target);
  await page.getByRole('heading', { level: 1, name: T('Why does Codex keep reconnecting?') }).waitFor();
  await page.getByText(target.scenario.codexHome).waitFor();
  if (shots) await target.screenshot(`${shots}-1-start`, { dark: shots === 'ws-refused' });
  await page.getByRole('button', { name: T('Start the diagnosis') }).click();
  await page.getByRole('heading', { level: 1, name: T('Diagnosing the connection') }).waitFor();
  await page.getByRole('button', { name: T('See what was found') }).waitFor({ timeout: STEP_TIMEOUT });
  assert.ok((await page.locator('.checks li').count()) >= 3, 'the checks are listed');
  const codexDoctor = page.locator('.checks li').filter({ hasText: 'codex doctor' });
  if ((await codexDoctor.count()) > 0) {
    assert.doesNotMatch(
      await codexDoctor.innerText(),
      /: ok —/,
      "codex doctor's passing parts are counted, not listed",
    );
  }
  if (shots) await target.screenshot(`${shots}-2-diagnose`, { dark: shots === 'ws-refused' });
  await page.getByRole('button', { name: T('See what was found') }).click();
  await page.getByRole('heading', { level: 1, name: T('What was found') }).waitFor();
}

/** ws-refused: Fix #1 recommended → diff → applied → healthy → revert is byte-identical. */
export async function wsRefusedFlow(target: FlowTarget): Promise<void> {
  const { page, scenario } = target;
  const { T, P } = words(target);
  const configPath = path.join(scenario.codexHome, 'config.toml');
  const original = readFileSync(configPath);

  await diagnose(target, 'ws-refused');
  assert.equal(
    await page
      .locator('.evidence li, section .findings li')
      .filter({ hasText: P('the upgrade was refused') })
      .count(),
    1,
    'the refused WebSocket is said once, under the cause',
  );
  assert.match(await page.locator('#next-step').innerText(), P('Recommended: Fix #1, turn off WebSockets'));
  await page.getByText(T('Technical details')).click();
  await target.screenshot('ws-refused-3-findings', { dark: true });

  await page.getByRole('button', { name: T('Choose a fix') }).click();
  const recommended = page.locator('.fix-card.recommended');
  await recommended.waitFor();
  assert.equal(await page.locator('.fix-card').count(), 3, 'three fixes side by side');
  assert.match(await recommended.innerText(), P('Fix #1'));
  assert.match(await recommended.innerText(), P('Why:'));
  await target.screenshot('ws-refused-4-choose', { dark: true });

  await recommended.getByRole('button', { name: T('Preview fix #1') }).click();
  await page.getByRole('heading', { level: 1, name: T('Preview the change') }).waitFor({ timeout: STEP_TIMEOUT });
  const added = page.locator('.diff-add').filter({ hasText: 'supports_websockets = false' });
  await added.first().waitFor();
  assert.match(
    await added.first().locator('.ln').nth(1).innerText(),
    /^\d+$/,
    'added lines carry their new line number',
  );
  assert.deepEqual(readFileSync(configPath), original, 'previewing writes nothing');
  await page.locator('#undo-note').getByText('codex-connection-doctor revert --last').waitFor();
  await target.screenshot('ws-refused-5-preview', { dark: true });

  await page.getByRole('button', { name: T('Apply this change') }).click();
  await page.getByText(T('Codex can now connect without reconnecting.')).waitFor({ timeout: STEP_TIMEOUT });
  await target.screenshot('ws-refused-6-apply', { dark: true });
  const config = parseToml(readFileSync(configPath, 'utf8')) as {
    model_provider?: string;
    model_providers: Record<string, { supports_websockets?: boolean; base_url?: string }>;
  };
  assert.equal(config.model_provider, 'lab', 'a custom provider keeps its id');
  assert.equal(config.model_providers.lab?.supports_websockets, false);
  assert.equal(config.model_providers.lab?.base_url, scenario.api.baseUrl);

  await page.getByRole('button', { name: T('Continue') }).click();
  await page.getByRole('heading', { level: 1, name: T('Done') }).waitFor();
  await page.getByRole('heading', { name: T('How to undo it') }).waitFor();
  const revertCommand = await page.locator('code.command').innerText();
  const changeId = /^codex-connection-doctor revert (\S+)$/.exec(revertCommand)?.[1];
  assert.ok(changeId, `the Done step shows the terminal revert command, got ${revertCommand}`);
  await page.getByText(T(`Change id ${changeId}`)).waitFor();
  await page.getByRole('button', { name: T('Copy as Markdown') }).click();
  await page.getByText(P('is on the clipboard')).waitFor();
  const copied = await target.clipboardTexts();
  assert.equal(copied.length, 1);
  assert.match(copied[0]!, /WebSocket/i);
  assertReportLanguage(copied[0]!, words(target).lang, 'copied');
  await target.screenshot('ws-refused-7-done', { dark: true });

  await page.getByRole('button', { name: T('Revert now') }).click();
  await page.getByText(T('Reverted. Your files are back as they were.')).waitFor({ timeout: STEP_TIMEOUT });
  assert.deepEqual(readFileSync(configPath), original, 'revert restores the exact bytes');

  await page
    .getByRole('button', { name: T('History') })
    .last()
    .click();
  await page.getByRole('heading', { level: 1, name: T('History of changes') }).waitFor();
  await page.locator('table.history tbody tr').first().getByText(P('Reverted')).first().waitFor();
  await target.screenshot('ws-refused-8-history');
  assert.deepEqual(target.pageErrors, [], 'no page errors or CSP violations');
}

/** proxy-needed: Fix #2 recommended with the proxy that works → .env written → revert deletes it. */
export async function proxyNeededFlow(target: FlowTarget): Promise<void> {
  const { page, scenario } = target;
  const { T, P } = words(target);
  const dotenvPath = path.join(scenario.codexHome, '.env');
  assert.equal(existsSync(dotenvPath), false, 'no .env before the fix');
  await diagnose(target, 'proxy-needed');
  assert.match(await page.locator('#next-step').innerText(), P('Recommended: Fix #2, send Codex through your proxy'));
  await target.screenshot('proxy-needed-3-findings');
  await page.getByRole('button', { name: T('Choose a fix') }).click();
  const recommended = page.locator('.fix-card.recommended');
  await recommended.waitFor();
  assert.match(await recommended.innerText(), P('Fix #2'));
  assert.equal(await page.getByLabel(T('Proxy URL')).inputValue(), scenario.expectedProxyUrl);
  await target.screenshot('proxy-needed-4-choose');

  await recommended.getByRole('button', { name: T('Preview fix #2') }).click();
  await page.getByRole('heading', { level: 1, name: T('Preview the change') }).waitFor({ timeout: STEP_TIMEOUT });
  await page.locator('.diff-add').filter({ hasText: scenario.expectedProxyUrl! }).first().waitFor();
  await target.screenshot('proxy-needed-5-preview');

  await page.getByRole('button', { name: T('Apply this change') }).click();
  await page.getByText(T('Codex can now connect without reconnecting.')).waitFor({ timeout: STEP_TIMEOUT });
  const dotenv = readFileSync(dotenvPath, 'utf8');
  assert.match(dotenv, new RegExp(`^HTTPS_PROXY=${scenario.expectedProxyUrl!.replace(/[.:/]/g, '\\$&')}$`, 'm'));
  await target.screenshot('proxy-needed-6-apply');

  // The .env the fix created goes away again on revert.
  await page.getByRole('button', { name: T('Continue') }).click();
  await page.getByRole('button', { name: T('Revert now') }).click();
  await page.getByText(T('Reverted. Your files are back as they were.')).waitFor({ timeout: STEP_TIMEOUT });
  assert.equal(existsSync(dotenvPath), false, 'the .env the fix created is deleted');
  assert.deepEqual(target.pageErrors, []);
}

/** broken-config: a clear error with its location on Start, "not a WebSocket problem", nothing written. */
export async function brokenConfigFlow(target: FlowTarget): Promise<void> {
  const { page, scenario } = target;
  const { T, P } = words(target);
  const before = snapshotDir(scenario.codexHome);
  const problem = page.getByRole('alert').filter({ hasText: P('Your Codex configuration has a problem') });
  await problem.waitFor();
  assert.match(await problem.innerText(), /config\.toml:\d+/);
  assert.match(await problem.innerText(), P('What to do next'));
  await target.screenshot('broken-config-1-start');
  await page.getByRole('button', { name: T('Start the diagnosis') }).click();
  await page.getByRole('button', { name: T('See what was found') }).waitFor({ timeout: STEP_TIMEOUT });
  await page.getByRole('button', { name: T('See what was found') }).click();
  await page.getByRole('button', { name: T('Choose a fix') }).click();
  await page.getByText(P('This is not a WebSocket problem')).first().waitFor();
  await target.screenshot('broken-config-4-choose');
  assert.deepEqual(snapshotDir(scenario.codexHome), before, 'nothing in CODEX_HOME was written');
  assert.deepEqual(target.pageErrors, []);
}

/**
 * A config.toml with a TOML syntax error, written over a ws-ok scenario's: its line is shown, the
 * API refuses to plan a fix over it, nothing is written.
 */
export async function syntaxErrorFlow(target: FlowTarget): Promise<void> {
  const { page, scenario } = target;
  const { P } = words(target);
  writeFileSync(
    path.join(scenario.codexHome, 'config.toml'),
    'model_provider = "lab"\n[model_providers.lab\nname = "Lab"\n',
  );
  const before = snapshotDir(scenario.codexHome);
  await page.reload();
  const problem = page.getByRole('alert').filter({ hasText: P('Your Codex configuration has a problem') });
  await problem.waitFor();
  assert.match(await problem.innerText(), /config\.toml:2/);
  await target.screenshot('syntax-error-1-start');
  const preview = (await page.evaluate(() =>
    (globalThis as unknown as { doctor: { previewFix(r: unknown): Promise<unknown> } }).doctor.previewFix({
      fix: 'disable-websockets',
    }),
  )) as { ok: boolean; error?: { message: Message; hint: Message } };
  assert.equal(preview.ok, false, 'no plan is made over a config that does not parse');
  // The error is messages (ids the page renders in its language), never English sentences.
  assert.ok(isMessage(preview.error!.message) && isMessage(preview.error!.hint), JSON.stringify(preview.error));
  assert.ok(en(preview.error!.message).length > 0 && zh(preview.error!.hint).length > 0);
  assert.deepEqual(snapshotDir(scenario.codexHome), before, 'nothing in CODEX_HOME was written');
}

/** Every credential the lab plants (the key Codex sends, the one the service wants, the ChatGPT token). */
export const LAB_SECRETS: Record<string, string> = {
  LAB_API_KEY,
  LAB_OTHER_API_KEY,
  'the ChatGPT access token': LAB_CHATGPT_LOGIN.accessToken,
};

/** The page as the user could see or inspect it: its text and its whole HTML (a string: no DOM types here). */
const PAGE_TEXT_AND_HTML = `(() => ({
  text: document.documentElement.innerText + '\\n' + document.documentElement.textContent,
  html: document.documentElement.outerHTML,
}))()`;

/** Fails if any planted credential is in the page's text or HTML right now. */
export async function assertNoSecretsInPage(page: Page, where: string): Promise<void> {
  const { text, html } = (await page.evaluate(PAGE_TEXT_AND_HTML)) as { text: string; html: string };
  for (const [name, secret] of Object.entries(LAB_SECRETS)) {
    assert.ok(!text.includes(secret), `${name} appears in the page's text on ${where}`);
    assert.ok(!html.includes(secret), `${name} appears in the page's HTML on ${where}`);
  }
}

/**
 * wrong-key: the service rejects the key Codex sends (401). The wizard says so as its own outcome,
 * "not a network problem", offers no WebSocket fix and writes nothing; no credential is ever in
 * the page.
 */
export async function wrongKeyFlow(target: FlowTarget): Promise<void> {
  const { page, scenario } = target;
  const { T, P } = words(target);
  const before = snapshotDir(scenario.codexHome);
  await page.getByRole('heading', { level: 1, name: T('Why does Codex keep reconnecting?') }).waitFor();
  await page.getByText(scenario.codexHome).waitFor();
  await assertNoSecretsInPage(page, 'Start');
  await diagnose(target);
  await assertNoSecretsInPage(page, 'Diagnose → What was found');
  assert.match(await page.locator('#next-step').innerText(), P("Codex's login is rejected — not a network problem"));
  await page.getByText(T('Technical details')).click();
  await assertNoSecretsInPage(page, 'What was found, technical details open');
  await target.screenshot('wrong-key-3-findings');

  await page.getByRole('button', { name: T('Choose a fix') }).click();
  await page.getByRole('heading', { level: 1, name: T('Choose a fix') }).waitFor();
  const verdict = page.getByRole('heading', { level: 2, name: T("Codex's login is rejected — not a network problem") });
  await verdict.waitFor();
  assert.equal(await verdict.count(), 1, 'the login outcome is shown once, under its own title');
  assert.equal(await page.getByRole('heading', { name: T('No fix needed') }).count(), 0, 'not the healthy outcome');
  assert.equal(await page.locator('.fix-card').count(), 0, 'no fix card: no WebSocket fix helps a rejected login');
  for (const n of [1, 2, 3])
    assert.equal(await page.getByRole('button', { name: T(`Preview fix #${n}`) }).count(), 0, 'nothing to preview');
  const notice = page.locator('section.notice').filter({ has: verdict });
  assert.match(await notice.innerText(), /LAB_KEY/, 'the reasons name the variable Codex sends');
  assert.match(await notice.innerText(), P('Nothing in your files needs to change'));
  await assertNoSecretsInPage(page, 'Choose a fix');
  await target.screenshot('wrong-key-4-choose');

  assert.deepEqual(snapshotDir(scenario.codexHome), before, 'nothing in CODEX_HOME was written');
  assert.deepEqual(target.pageErrors, [], 'no page errors or CSP violations');
}

/**
 * proxy-login-missing: the proxy Codex is told to use wants a login. Fix #2 asks for the user name
 * and password (a password field), a wrong password is refused with nothing written, the right one
 * is written percent-encoded; the password is never in the page, not even in the preview's diff.
 */
export async function proxyLoginFlow(target: FlowTarget): Promise<void> {
  const { page, scenario } = target;
  const { T, P } = words(target);
  const dotenvPath = path.join(scenario.codexHome, '.env');
  const before = readFileSync(dotenvPath);
  await diagnose(target);
  await page.getByRole('button', { name: T('Choose a fix') }).click();
  const recommended = page.locator('.fix-card.recommended');
  await recommended.waitFor();
  assert.match(await recommended.innerText(), P('Fix #2'));
  assert.match(await recommended.innerText(), P('The proxy wants a login'));
  const password = page.getByLabel(T('Password'));
  assert.equal(await password.getAttribute('type'), 'password', 'never echoed');
  await page.getByLabel(T('User name')).fill('alice');
  await password.fill('wrong-password-123');
  await recommended.getByRole('button', { name: T('Preview fix #2') }).click();
  await page.getByText(P('refused this user name and password (407)')).waitFor({ timeout: STEP_TIMEOUT });
  assert.deepEqual(readFileSync(dotenvPath), before, 'a wrong password writes nothing');
  await target.screenshot('proxy-login-4-choose');

  await password.fill(LAB_PROXY_PASSWORD);
  await recommended.getByRole('button', { name: T('Preview fix #2') }).click();
  await page.getByRole('heading', { level: 1, name: T('Preview the change') }).waitFor({ timeout: STEP_TIMEOUT });
  await assertNoPassword(page, 'Preview');
  await target.screenshot('proxy-login-5-preview');
  await page.getByRole('button', { name: T('Apply this change') }).click();
  await page.getByText(T('Codex can now connect without reconnecting.')).waitFor({ timeout: STEP_TIMEOUT });
  assert.match(
    readFileSync(dotenvPath, 'utf8'),
    new RegExp(`^HTTPS_PROXY=http://alice:${encodeURIComponent(LAB_PROXY_PASSWORD)}@127\\.0\\.0\\.1:\\d+$`, 'm'),
  );
  await assertNoPassword(page, 'Apply');

  await page.getByRole('button', { name: T('Continue') }).click();
  await page.getByRole('button', { name: T('Revert now') }).click();
  await page.getByText(T('Reverted. Your files are back as they were.')).waitFor({ timeout: STEP_TIMEOUT });
  assert.deepEqual(readFileSync(dotenvPath), before, 'revert restores every byte');
  assert.deepEqual(target.pageErrors, []);
}

async function assertNoPassword(page: Page, where: string): Promise<void> {
  const { text, html } = (await page.evaluate(PAGE_TEXT_AND_HTML)) as { text: string; html: string };
  for (const form of [LAB_PROXY_PASSWORD, encodeURIComponent(LAB_PROXY_PASSWORD)]) {
    assert.ok(!text.includes(form) && !html.includes(form), `the proxy password is in the page on ${where}`);
  }
}

/**
 * tls-inspecting-proxy: mitmproxy re-signs everything with a CA Codex does not trust; the CA is on
 * the machine (NODE_EXTRA_CA_CERTS). The wizard names it, previews the bundle (described, not its
 * PEM) and the .env line, applies it, and reverts every byte.
 */
export async function trustCaFlow(target: FlowTarget): Promise<void> {
  const { page, scenario } = target;
  const { T, P } = words(target);
  const dotenvPath = path.join(scenario.codexHome, '.env');
  const bundlePath = path.join(scenario.codexHome, 'codex-connection-doctor-ca-bundle.pem');
  const before = readFileSync(dotenvPath);
  await diagnose(target, 'trust-ca');
  assert.match(await page.locator('#next-step').innerText(), P("Codex does not trust your company's CA"));
  await target.screenshot('trust-ca-3-findings');
  await page.getByRole('button', { name: T('Choose a fix') }).click();
  const verdict = page.getByRole('heading', { level: 2, name: T("Codex does not trust your company's CA") });
  await verdict.waitFor();
  const notice = page.locator('section.notice').filter({ has: verdict });
  assert.match(await notice.innerText(), /mitmproxy/, 'the CA is named');
  assert.match(await notice.innerText(), /SHA-256/, 'with its fingerprint, for the user to confirm');
  await target.screenshot('trust-ca-4-choose');

  await page.getByRole('button', { name: T('Preview: trust this CA') }).click();
  await page.getByRole('heading', { level: 1, name: T('Preview the change') }).waitFor({ timeout: STEP_TIMEOUT });
  await page.locator('.diff-add').filter({ hasText: 'SSL_CERT_FILE=' }).first().waitFor();
  const previewText = await page.locator('main').innerText();
  assert.doesNotMatch(previewText, /BEGIN CERTIFICATE/, 'the bundle is described, not shown as 200 KB of PEM');
  assert.match(previewText, P('public roots'));
  await target.screenshot('trust-ca-5-preview');

  await page.getByRole('button', { name: T('Apply this change') }).click();
  await page.getByText(T('Codex can now connect without reconnecting.')).waitFor({ timeout: STEP_TIMEOUT });
  assert.ok(existsSync(bundlePath), 'the bundle was written');
  assert.match(readFileSync(dotenvPath, 'utf8'), /^SSL_CERT_FILE=.*codex-connection-doctor-ca-bundle\.pem$/m);
  await target.screenshot('trust-ca-6-apply');

  await page.getByRole('button', { name: T('Continue') }).click();
  await page.getByRole('button', { name: T('Revert now') }).click();
  await page.getByText(T('Reverted. Your files are back as they were.')).waitFor({ timeout: STEP_TIMEOUT });
  assert.deepEqual(readFileSync(dotenvPath), before, '.env is byte-identical again');
  assert.equal(existsSync(bundlePath), false, 'the bundle is gone');
  assert.deepEqual(target.pageErrors, []);
}

/** ws-ok: "no fix needed" is a real outcome. */
export async function wsOkFlow(target: FlowTarget): Promise<void> {
  const { T } = words(target);
  await diagnose(target);
  await target.page.getByRole('button', { name: T('Choose a fix') }).click();
  await target.page.getByRole('heading', { name: T('No fix needed') }).waitFor();
  assert.equal(await target.page.locator('.fix-card').count(), 0);
  await target.screenshot('ws-ok-4-no-fix-needed');
}

/** The strict CSP blocks inline scripts in the page, and the API refuses a path and a foreign link. */
export async function strictPageFlow(target: FlowTarget): Promise<void> {
  const { page } = target;
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  // Runs in the page (DOM types are not in the test's tsconfig, hence the string).
  const inlineRan = await page.evaluate(`(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inline = true';
    document.head.append(s);
    return window.__inline === true;
  })()`);
  assert.equal(inlineRan, false, 'inline scripts are blocked');
  const result = await page.evaluate(() =>
    (globalThis as unknown as { doctor: { applyFix(r: unknown): Promise<unknown> } }).doctor.applyFix({
      planId: '../../etc/passwd',
    }),
  );
  assert.deepEqual((result as { ok: boolean }).ok, false);
  const link = await page.evaluate(() =>
    (globalThis as unknown as { doctor: { openLink(r: unknown): Promise<unknown> } }).doctor.openLink({
      url: 'https://evil.example/',
    }),
  );
  assert.equal((link as { ok: boolean }).ok, false);
}
