// The whole ws-refused flow with the keyboard alone (Tab, Shift+Tab, Enter, Space) in a real
// browser: focus is always visible and lands on each new step's heading; landmarks, labels and
// the polite live region of the diagnosis are in place.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { openSession, type Session } from './harness.ts';

const STEP_TIMEOUT = 60_000;
const sessions: Session[] = [];
after(async () => {
  for (const s of sessions) await s.close();
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

describe('keyboard only', () => {
  test('ws-refused start → diagnose → findings → choose → preview → apply → done → revert', async () => {
    const session = await openSession('ws-refused');
    sessions.push(session);
    const { page, scenario } = session;
    const configPath = path.join(scenario.codexHome, 'config.toml');
    const original = readFileSync(configPath);

    // Landmarks and labels.
    await page.getByText(scenario.codexHome).waitFor();
    for (const role of ['banner', 'main', 'contentinfo'] as const) {
      assert.equal(await page.getByRole(role).count(), 1, `one ${role} landmark`);
    }
    assert.equal(await page.getByRole('navigation', { name: 'Pages' }).count(), 1);
    const unnamed = (await page.evaluate(`[...document.querySelectorAll('button, select, input, [tabindex="0"]')]
      .filter((el) => !(el.getAttribute('aria-label') || (el.labels && el.labels.length) || el.textContent.trim()))
      .map((el) => el.outerHTML.slice(0, 80))`)) as string[];
    assert.deepEqual(unnamed, [], 'every control has a name');

    await expectHeadingFocused(page, 'Why does Codex keep reconnecting?');
    await tabTo(page, 'Start the diagnosis');
    await page.keyboard.press('Enter');

    await expectHeadingFocused(page, 'Diagnosing the connection');
    const checks = page.getByRole('list', { name: 'Checks' });
    assert.equal(await checks.getAttribute('aria-live'), 'polite', 'results are announced politely');
    assert.equal(await checks.getAttribute('aria-busy'), null, 'the live region is not silenced while it runs');
    await page.getByRole('button', { name: 'See what was found' }).waitFor({ timeout: STEP_TIMEOUT });
    await tabTo(page, 'See what was found');
    await page.keyboard.press('Space');

    await expectHeadingFocused(page, 'What was found');
    await tabTo(page, 'Technical details');
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('details.technical').getAttribute('open'), '', 'details open from the keyboard');
    await tabTo(page, 'Choose a fix');
    await page.keyboard.press('Enter');

    await expectHeadingFocused(page, 'Choose a fix');
    await tabTo(page, 'Preview fix #1');
    await page.keyboard.press('Enter');

    await expectHeadingFocused(page, 'Preview the change');
    await tabTo(page, /^Diff of /); // the diff scrolls sideways from the keyboard
    await tabTo(page, 'Apply this change');
    await tabTo(page, 'Back', { back: true });
    await tabTo(page, 'Apply this change');
    await page.keyboard.press('Enter');

    await expectHeadingFocused(page, 'Apply and verify');
    await page.getByText('Codex can now connect without reconnecting.').waitFor({ timeout: STEP_TIMEOUT });
    await tabTo(page, 'Continue');
    await page.keyboard.press('Enter');

    await expectHeadingFocused(page, 'Done');
    await tabTo(page, 'Revert now');
    await page.keyboard.press('Space');
    await page.getByText('Reverted. Your files are back as they were.').waitFor({ timeout: STEP_TIMEOUT });
    assert.match((await focused(page)).name, /^Reverted\./, 'focus lands on the result of the revert');
    assert.deepEqual(readFileSync(configPath), original, 'revert restores the exact bytes');
    assert.deepEqual(session.pageErrors, []);
  });
});
