// The app in both languages, in a real browser through the browser mode: it starts in the browser's
// language, the switch in the header changes every word on the page (the engine's findings too) and
// is remembered over a reload (even against the browser's language); at 800 px wide nothing sticks
// out or is cut off on any step in either language; a downloaded report says it was downloaded and
// is written in the page's language.
import { afterEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { MessageId } from '../../shared/i18n/message.ts';
import { CLIENT_SCRIPT_FILE, openSession, RENDERER_DIR, type Session, type SessionOptions } from './harness.ts';
import { startBrowserServer } from '../../electron/web/server.ts';
import { createDoctorService } from '../../electron/core/service.ts';
import { STEP_TIMEOUT, assertReportLanguage, words } from './flows.ts';
import { LOCALES, hasHan, uiString, uiT, type Locale } from './lang.ts';

const sessions: Session[] = [];
afterEach(async () => {
  for (const s of sessions.splice(0)) await s.close();
});

async function open(name: Parameters<typeof openSession>[0], opts: SessionOptions) {
  const session = await openSession(name, opts);
  sessions.push(session);
  return session;
}

/** Each language's name in the switch (written in its own language). */
const LANGUAGE_NAME: Record<Locale, MessageId> = { en: 'app.language.en', 'zh-CN': 'app.language.zh-CN' };

/** Chooses a language with the header's switch (a select, or one button per language). */
async function switchTo(page: Page, from: Locale, to: Locale): Promise<void> {
  const banner = page.getByRole('banner');
  const select = banner.getByRole('combobox');
  if ((await select.count()) > 0) {
    await select.first().selectOption({ label: uiT(from, LANGUAGE_NAME[to]) });
  } else {
    await banner
      .getByRole('button', { name: uiT(from, LANGUAGE_NAME[to]) })
      .or(banner.getByRole('radio', { name: uiT(from, LANGUAGE_NAME[to]) }))
      .first()
      .click();
  }
  await startHeading(page, to)
    .or(page.getByRole('heading', { level: 1 }).filter({ hasText: uiString(to, 'What was found') }))
    .first()
    .waitFor();
}

const startHeading = (page: Page, lang: Locale) =>
  page.getByRole('heading', { level: 1, name: uiString(lang, 'Why does Codex keep reconnecting?') });

async function expectLanguage(page: Page, lang: Locale): Promise<void> {
  const { T } = words({ lang });
  await page
    .getByRole('button', { name: T('History') })
    .first()
    .waitFor();
  assert.equal(
    await page.evaluate('document.documentElement.lang'),
    lang,
    'the page says its language (the fonts follow it)',
  );
  const text = (await page.locator('main').innerText()) + (await page.getByRole('banner').innerText());
  if (lang === 'zh-CN') assert.ok(hasHan(text), 'the page is in Chinese');
  else
    assert.ok(
      !hasHan(text.split(uiT('en', LANGUAGE_NAME['zh-CN'])).join('')),
      `the page is in English: ${text.slice(0, 300)}`,
    );
}

// Runs in the page (a string: the tests' tsconfig has no DOM types). Every box and control that
// sticks out of the window or of itself (cut off or truncated), outside the boxes that scroll on
// purpose (the diff, code), as "tag.class "text": scrollWidth > clientWidth".
const OVERFLOWS = `(() => {
  const bad = [];
  const doc = document.documentElement;
  const width = doc.clientWidth;
  if (doc.scrollWidth > width) bad.push('the page scrolls sideways: ' + doc.scrollWidth + ' > ' + width);
  const scrolls = (el) => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
  const inScroller = (el) => { for (let p = el.parentElement; p; p = p.parentElement) if (scrolls(p)) return true; return false; };
  const name = (el) => el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '') +
    ' "' + (el.innerText || el.value || '').replace(/\\s+/g, ' ').trim().slice(0, 50) + '"';
  const selector = 'header, main, footer, nav, section, article, aside, form, fieldset, details, summary, table, .fix-card, [role=alert], [role=alertdialog], ' +
    'button, label, a, h1, h2, h3, h4, p, li, dt, dd, th, td, input, code';
  for (const el of document.querySelectorAll(selector)) {
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden' || el.getClientRects().length === 0) continue;
    if (inScroller(el)) continue;
    const rect = el.getBoundingClientRect();
    // Text for screen readers only (a 1 px clipped box) is meant to be cut off.
    if (rect.width <= 1 || rect.height <= 1) continue;
    if (rect.right > width + 1 || rect.left < -1) bad.push(name(el) + ' sticks out of the window: ' + Math.round(rect.left) + '..' + Math.round(rect.right) + ' of ' + width);
    if (style.display === 'inline' || scrolls(el) || el.tagName === 'INPUT') continue;
    if (el.scrollWidth > el.clientWidth + 1) bad.push(name(el) + ': its content is wider than it (' + el.scrollWidth + ' > ' + el.clientWidth + ')');
    const clips = ['hidden', 'clip'].includes(style.overflowY) || ['hidden', 'clip'].includes(style.overflowX);
    if (clips && el.scrollHeight > el.clientHeight + 1) bad.push(name(el) + ': cut off at the bottom (' + el.scrollHeight + ' > ' + el.clientHeight + ')');
    if (style.textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth) bad.push(name(el) + ': truncated with an ellipsis');
  }
  return bad;
})()`;

async function assertNothingOverflows(page: Page, lang: Locale, step: string): Promise<void> {
  const bad = (await page.evaluate(OVERFLOWS)) as string[];
  assert.deepEqual(bad, [], `at 800 px in ${lang}, on ${step}`);
}

describe('the app in both languages', { concurrency: false }, () => {
  test('the header switch changes every word, the findings too, and is remembered over a reload', async () => {
    const session = await open('ws-refused', { locale: 'en' });
    const { page } = session;
    await startHeading(page, 'en').waitFor();
    await expectLanguage(page, 'en');

    await switchTo(page, 'en', 'zh-CN');
    await expectLanguage(page, 'zh-CN');
    await page.reload();
    await startHeading(page, 'zh-CN').waitFor();
    await expectLanguage(page, 'zh-CN');

    // The engine's findings are messages: they follow the switch after the run, no new diagnosis.
    const zh = words({ lang: 'zh-CN' });
    await page.getByRole('button', { name: zh.T('Start the diagnosis') }).click();
    await page.getByRole('button', { name: zh.T('See what was found') }).click({ timeout: STEP_TIMEOUT });
    assert.match(await page.locator('#next-step').innerText(), zh.P('Recommended: Fix #1, turn off WebSockets'));
    await switchTo(page, 'zh-CN', 'en');
    await expectLanguage(page, 'en');
    assert.match(await page.locator('#next-step').innerText(), /Recommended: Fix #1, turn off WebSockets/);
    await page.reload();
    await startHeading(page, 'en').waitFor();
    await expectLanguage(page, 'en');
    assert.deepEqual(session.pageErrors, []);
  });

  test('browser mode: the choice carries over to the next run, on another port', async () => {
    const session = await open('ws-ok', { locale: 'en' });
    await startHeading(session.page, 'en').waitFor();
    await switchTo(session.page, 'en', 'zh-CN');
    await expectLanguage(session.page, 'zh-CN');
    // The doctor started again: a new server on a new port, in the same browser.
    const service = createDoctorService({ codexHome: session.scenario.codexHome, env: { ...session.scenario.env } });
    const next = await startBrowserServer({ service, rendererDir: RENDERER_DIR, clientScriptFile: CLIENT_SCRIPT_FILE });
    try {
      assert.notEqual(new URL(next.url).port, new URL(session.server.url).port);
      session.allow(new URL(next.url).origin);
      await session.page.goto(next.url);
      await startHeading(session.page, 'zh-CN').waitFor();
      await expectLanguage(session.page, 'zh-CN');
    } finally {
      await next.close();
    }
  });

  test("the browser's language picks the first language; the switch, once used, wins over it", async () => {
    const session = await open('ws-ok', { locale: 'zh-CN' });
    const { page } = session;
    await startHeading(page, 'zh-CN').waitFor();
    await expectLanguage(page, 'zh-CN');
    await switchTo(page, 'zh-CN', 'en');
    await page.reload();
    await startHeading(page, 'en').waitFor();
    await expectLanguage(page, 'en');
    assert.deepEqual(session.pageErrors, []);
  });

  for (const lang of LOCALES) {
    test(`800 px wide in ${lang}: no step sticks out or cuts a word off; the report downloads in ${lang}`, async () => {
      const session = await open('ws-refused', { locale: lang, viewport: { width: 800, height: 900 } });
      const { page } = session;
      const { T, P } = words({ lang });
      await startHeading(page, lang).waitFor();
      await page.getByText(session.scenario.codexHome).waitFor();
      await assertNothingOverflows(page, lang, 'Start');
      await page.getByRole('button', { name: T('Start the diagnosis') }).click();
      await page.getByRole('button', { name: T('See what was found') }).waitFor({ timeout: STEP_TIMEOUT });
      await assertNothingOverflows(page, lang, 'Diagnose');
      await page.getByRole('button', { name: T('See what was found') }).click();
      await page.getByText(T('Technical details')).click();
      await assertNothingOverflows(page, lang, 'What was found (technical details open)');

      // The report: saved in the browser mode is a download, and the page says so, in its language.
      await page.getByRole('button', { name: T('Save Markdown…') }).click();
      const said = page.locator('.report-actions [aria-live] p');
      await said.waitFor();
      assert.match(await said.innerText(), P('Downloaded the redacted report as'));
      await assertNothingOverflows(page, lang, 'What was found, report downloaded');
      const [saved] = await session.record.saved();
      assert.ok(saved, 'the report was downloaded');
      assert.match(saved.name, /\.md$/);
      assertReportLanguage(saved.text, lang, 'downloaded');

      await page.getByRole('button', { name: T('Choose a fix') }).click();
      await page.locator('.fix-card.recommended').waitFor();
      await assertNothingOverflows(page, lang, 'Choose a fix');
      await page.getByRole('button', { name: T('Preview fix #1') }).click();
      await page.getByRole('heading', { level: 1, name: T('Preview the change') }).waitFor({ timeout: STEP_TIMEOUT });
      await assertNothingOverflows(page, lang, 'Preview');
      await page.getByRole('button', { name: T('Apply this change') }).click();
      await page.getByText(T('Codex can now connect without reconnecting.')).waitFor({ timeout: STEP_TIMEOUT });
      await assertNothingOverflows(page, lang, 'Apply and verify');
      await page.getByRole('button', { name: T('Continue') }).click();
      await page.getByRole('heading', { level: 1, name: T('Done') }).waitFor();
      await assertNothingOverflows(page, lang, 'Done');
      await page
        .getByRole('button', { name: T('History') })
        .last()
        .click();
      await page.getByRole('heading', { level: 1, name: T('History of changes') }).waitFor();
      await page.locator('table.history tbody tr').first().waitFor();
      await assertNothingOverflows(page, lang, 'History');
      assert.deepEqual(session.pageErrors, []);
    });
  }
});
