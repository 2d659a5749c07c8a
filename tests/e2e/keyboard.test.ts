// The whole ws-refused flow with the keyboard alone (Tab, Shift+Tab, Enter, Space) in a real
// browser, in English and in Chinese: focus is always visible and lands on each new step's heading;
// landmarks, labels and the polite live region of the diagnosis are in place.
import { afterEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { openSession, type Session } from './harness.ts';
import { LOCALES, uiPattern, uiString, type Locale } from './lang.ts';

const STEP_TIMEOUT = 60_000;
const sessions: Session[] = [];
afterEach(async () => {
  for (const s of sessions.splice(0)) await s.close();
});

interface Focused {
  tag: string;
  name: string;
  /** The outline the browser draws around it (its :focus-visible style). */
  outline: string;
}

// Runs in the page; a string because the tests' tsconfig has no DOM types.
const FOCUSED = `(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return { tag: 'body', name: '', outline: 'none' };
  const style = getComputedStyle(el);
  const name = (el.getAttribute('aria-label') || el.textContent || '').replace(/\\s+/g, ' ').trim();
  const outline = style.outlineStyle === 'none' || parseFloat(style.outlineWidth) === 0 ? 'none' : style.outlineStyle + ' ' + style.outlineWidth;
  return { tag: el.tagName.toLowerCase(), name, outline };
})()`;

const focused = (page: Page) => page.evaluate(FOCUSED) as Promise<Focused>;

/** Presses Tab (or Shift+Tab) until the focused element's name matches, checking focus stays visible. */
async function tabTo(page: Page, name: string | RegExp, opts: { back?: boolean; max?: number } = {}): Promise<void> {
  const matches = (text: string) => (typeof name === 'string' ? text === name : name.test(text));
  const seen: string[] = [];
  for (let i = 0; i < (opts.max ?? 40); i++) {
    await page.keyboard.press(opts.back ? 'Shift+Tab' : 'Tab');
    const f = await focused(page);
    assert.notEqual(f.outline, 'none', `focus is visible on <${f.tag}> "${f.name}"`);
    if (matches(f.name)) return;
    seen.push(f.name);
  }
  assert.fail(`could not reach "${name}" with the keyboard; passed: ${seen.join(' | ')}`);
}

/** Each step announces itself: focus sits on its h1. */
async function expectHeadingFocused(page: Page, title: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: title }).waitFor({ timeout: STEP_TIMEOUT });
  const f = await focused(page);
  assert.deepEqual([f.tag, f.name], ['h1', title], `focus moves to the heading "${title}"`);
}

for (const lang of LOCALES) describeKeyboard(lang);

function describeKeyboard(lang: Locale): void {
  // The page's words in this run's language, named by their English (lang.ts).
  const T = (english: string) => uiString(lang, english);
  describe(`keyboard only (${lang})`, () => {
    test('ws-refused start → diagnose → findings → choose → preview → apply → done → revert', async () => {
      const session = await openSession('ws-refused', { locale: lang });
      sessions.push(session);
      const { page, scenario } = session;
      const configPath = path.join(scenario.codexHome, 'config.toml');
      const original = readFileSync(configPath);

      // Landmarks and labels.
      await page.getByText(scenario.codexHome).waitFor();
      for (const role of ['banner', 'main', 'contentinfo'] as const) {
        assert.equal(await page.getByRole(role).count(), 1, `one ${role} landmark`);
      }
      assert.equal(await page.getByRole('navigation', { name: T('Pages') }).count(), 1);
      const unnamed = (await page.evaluate(`[...document.querySelectorAll('button, select, input, [tabindex="0"]')]
        .filter((el) => !(el.getAttribute('aria-label') || (el.labels && el.labels.length) || el.textContent.trim()))
        .map((el) => el.outerHTML.slice(0, 80))`)) as string[];
      assert.deepEqual(unnamed, [], 'every control has a name');

      await expectHeadingFocused(page, T('Why does Codex keep reconnecting?'));
      await tabTo(page, T('Start the diagnosis'));
      await page.keyboard.press('Enter');

      await expectHeadingFocused(page, T('Diagnosing the connection'));
      const checks = page.getByRole('list', { name: T('Checks') });
      assert.equal(await checks.getAttribute('aria-live'), 'polite', 'results are announced politely');
      assert.equal(await checks.getAttribute('aria-busy'), null, 'the live region is not silenced while it runs');
      await page.getByRole('button', { name: T('See what was found') }).waitFor({ timeout: STEP_TIMEOUT });
      await tabTo(page, T('See what was found'));
      await page.keyboard.press('Space');

      await expectHeadingFocused(page, T('What was found'));
      await tabTo(page, T('Technical details'));
      await page.keyboard.press('Enter');
      assert.equal(await page.locator('details.technical').getAttribute('open'), '', 'details open from the keyboard');
      await tabTo(page, T('Choose a fix'));
      await page.keyboard.press('Enter');

      await expectHeadingFocused(page, T('Choose a fix'));
      await tabTo(page, T('Preview fix #1'));
      await page.keyboard.press('Enter');

      await expectHeadingFocused(page, T('Preview the change'));
      await tabTo(page, new RegExp(`^${uiPattern(lang, 'Diff of ').source}`)); // the diff scrolls sideways from the keyboard
      await tabTo(page, T('Apply this change'));
      await tabTo(page, T('Back'), { back: true });
      await tabTo(page, T('Apply this change'));
      await page.keyboard.press('Enter');

      await expectHeadingFocused(page, T('Apply and verify'));
      await page.getByText(T('Codex can now connect without reconnecting.')).waitFor({ timeout: STEP_TIMEOUT });
      await tabTo(page, T('Continue'));
      await page.keyboard.press('Enter');

      await expectHeadingFocused(page, T('Done'));
      await tabTo(page, T('Revert now'));
      await page.keyboard.press('Space');
      await page.getByText(T('Reverted. Your files are back as they were.')).waitFor({ timeout: STEP_TIMEOUT });
      assert.ok(
        (await focused(page)).name.startsWith(T('Reverted. Your files are back as they were.')),
        'focus lands on the result of the revert',
      );
      assert.deepEqual(readFileSync(configPath), original, 'revert restores the exact bytes');
      assert.deepEqual(session.pageErrors, []);
    });
  });
}
