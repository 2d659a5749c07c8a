// The wizard end to end in a real browser (Debian's Chromium) over the real DoctorService and the
// lab's servers and proxies. Saves a screenshot of every step to docs/screenshots/.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { openSession, screenshot, snapshotDir, type Session } from './harness.ts';

const STEP_TIMEOUT = 60_000;
const sessions: Session[] = [];
after(async () => {
  for (const s of sessions) await s.close();
});

async function open(name: Parameters<typeof openSession>[0], colorScheme?: 'light' | 'dark') {
  const session = await openSession(name, colorScheme ? { colorScheme } : {});
  sessions.push(session);
  return session;
}

/** Start → Diagnose → Findings, leaving the page on Findings. */
async function diagnose(session: Session, shots?: string) {
  const { page } = session;
  await page.getByRole('heading', { level: 1, name: 'Why does Codex keep reconnecting?' }).waitFor();
  await page.getByText(session.scenario.codexHome).waitFor();
  if (shots) await screenshot(page, `${shots}-1-start`, { dark: shots === 'ws-refused' });
  await page.getByRole('button', { name: 'Start the diagnosis' }).click();
  await page.getByRole('heading', { level: 1, name: 'Diagnosing the connection' }).waitFor();
  await page.getByRole('button', { name: 'See what was found' }).waitFor({ timeout: STEP_TIMEOUT });
  assert.ok((await page.locator('.checks li').count()) >= 3, 'the checks are listed');
  if (shots) await screenshot(page, `${shots}-2-diagnose`, { dark: shots === 'ws-refused' });
  await page.getByRole('button', { name: 'See what was found' }).click();
  await page.getByRole('heading', { level: 1, name: 'What was found' }).waitFor();
}

describe('wizard in a real browser', { concurrency: false }, () => {
  test('ws-refused: Fix #1 recommended → diff → applied → healthy → revert is byte-identical', async () => {
    const session = await open('ws-refused');
    const { page, scenario } = session;
    const configPath = path.join(scenario.codexHome, 'config.toml');
    const original = readFileSync(configPath);

    await diagnose(session, 'ws-refused');
    await page.getByText('Technical details').click();
    await screenshot(page, 'ws-refused-3-findings', { dark: true });

    await page.getByRole('button', { name: 'Choose a fix' }).click();
    const recommended = page.locator('.fix-card.recommended');
    await recommended.waitFor();
    assert.equal(await page.locator('.fix-card').count(), 3, 'three fixes side by side');
    assert.match(await recommended.innerText(), /Fix #1/);
    assert.match(await recommended.innerText(), /Why:/);
    await screenshot(page, 'ws-refused-4-choose', { dark: true });

    await recommended.getByRole('button', { name: 'Preview fix #1' }).click();
    await page.getByRole('heading', { level: 1, name: 'Preview the change' }).waitFor({ timeout: STEP_TIMEOUT });
    const added = page.locator('.diff-add').filter({ hasText: 'supports_websockets = false' });
    await added.first().waitFor();
    assert.match(await added.first().locator('.ln').nth(1).innerText(), /^\d+$/, 'added lines carry their new line number');
    assert.deepEqual(readFileSync(configPath), original, 'previewing writes nothing');
    await screenshot(page, 'ws-refused-5-preview', { dark: true });

    await page.getByRole('button', { name: 'Apply this change' }).click();
    await page.getByText('Codex can now connect without reconnecting.').waitFor({ timeout: STEP_TIMEOUT });
    await screenshot(page, 'ws-refused-6-apply', { dark: true });
    const config = parseToml(readFileSync(configPath, 'utf8')) as {
      model_provider?: string;
      model_providers: Record<string, { supports_websockets?: boolean; base_url?: string }>;
    };
    assert.equal(config.model_provider, 'lab', 'a custom provider keeps its id');
    assert.equal(config.model_providers.lab?.supports_websockets, false);
    assert.equal(config.model_providers.lab?.base_url, scenario.api.baseUrl);

    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { level: 1, name: 'Done' }).waitFor();
    await page.getByRole('button', { name: 'Copy as Markdown' }).click();
    await page.getByText('is on the clipboard').waitFor();
    assert.equal(session.bridge.clipboard.length, 1);
    assert.match(session.bridge.clipboard[0]!, /WebSocket/i);
    await screenshot(page, 'ws-refused-7-done', { dark: true });

    await page.getByRole('button', { name: 'Revert now' }).click();
    await page.getByText('Reverted. Your files are back as they were.').waitFor({ timeout: STEP_TIMEOUT });
    assert.deepEqual(readFileSync(configPath), original, 'revert restores the exact bytes');

    await page.getByRole('button', { name: 'History' }).last().click();
    await page.getByRole('heading', { level: 1, name: 'History of changes' }).waitFor();
    await page.locator('table.history tbody tr').first().getByText(/Reverted/).waitFor();
    await screenshot(page, 'ws-refused-8-history');
    assert.deepEqual(session.pageErrors, [], 'no page errors or CSP violations');
  });

  test('proxy-needed: Fix #2 recommended with the proxy that works', async () => {
    const session = await open('proxy-needed', 'dark');
    const { page, scenario } = session;
    assert.equal(existsSync(path.join(scenario.codexHome, '.env')), false, 'no .env before the fix');
    await diagnose(session, 'proxy-needed');
    await screenshot(page, 'proxy-needed-3-findings');
    await page.getByRole('button', { name: 'Choose a fix' }).click();
    const recommended = page.locator('.fix-card.recommended');
    await recommended.waitFor();
    assert.match(await recommended.innerText(), /Fix #2/);
    assert.equal(await page.getByLabel('Proxy URL').inputValue(), scenario.expectedProxyUrl);
    await screenshot(page, 'proxy-needed-4-choose');

    await recommended.getByRole('button', { name: 'Preview fix #2' }).click();
    await page.getByRole('heading', { level: 1, name: 'Preview the change' }).waitFor({ timeout: STEP_TIMEOUT });
    await page.locator('.diff-add').filter({ hasText: scenario.expectedProxyUrl! }).first().waitFor();
    await screenshot(page, 'proxy-needed-5-preview');

    await page.getByRole('button', { name: 'Apply this change' }).click();
    await page.getByText('Codex can now connect without reconnecting.').waitFor({ timeout: STEP_TIMEOUT });
    const dotenv = readFileSync(path.join(scenario.codexHome, '.env'), 'utf8');
    assert.match(dotenv, new RegExp(`^HTTPS_PROXY=${scenario.expectedProxyUrl!.replace(/[.:/]/g, '\\$&')}$`, 'm'));
    await screenshot(page, 'proxy-needed-6-apply');

    // The .env the fix created goes away again on revert.
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Revert now' }).click();
    await page.getByText('Reverted. Your files are back as they were.').waitFor({ timeout: STEP_TIMEOUT });
    assert.equal(existsSync(path.join(scenario.codexHome, '.env')), false, 'the .env the fix created is deleted');
    assert.deepEqual(session.pageErrors, []);
  });

  test('broken config.toml: a clear error with its location, and nothing written', async () => {
    const session = await open('broken-config');
    const { page, scenario } = session;
    const before = snapshotDir(scenario.codexHome);
    const problem = page.getByRole('alert').filter({ hasText: 'Your Codex configuration has a problem' });
    await problem.waitFor();
    assert.match(await problem.innerText(), /config\.toml:\d+/);
    assert.match(await problem.innerText(), /What to do next/);
    await screenshot(page, 'broken-config-1-start');
    await page.getByRole('button', { name: 'Start the diagnosis' }).click();
    await page.getByRole('button', { name: 'See what was found' }).waitFor({ timeout: STEP_TIMEOUT });
    await page.getByRole('button', { name: 'See what was found' }).click();
    await page.getByRole('button', { name: 'Choose a fix' }).click();
    await page.getByText('This is not a WebSocket problem').waitFor();
    await screenshot(page, 'broken-config-4-choose');
    assert.deepEqual(snapshotDir(scenario.codexHome), before, 'nothing in CODEX_HOME was written');
    assert.deepEqual(session.pageErrors, []);
  });

  test('config.toml with a syntax error: its line is shown, fixes are refused, nothing written', async () => {
    const session = await open('ws-ok');
    const { page, scenario } = session;
    writeFileSync(path.join(scenario.codexHome, 'config.toml'), 'model_provider = "lab"\n[model_providers.lab\nname = "Lab"\n');
    const before = snapshotDir(scenario.codexHome);
    await page.reload();
    const problem = page.getByRole('alert').filter({ hasText: 'Your Codex configuration has a problem' });
    await problem.waitFor();
    assert.match(await problem.innerText(), /config\.toml:2/);
    await screenshot(page, 'syntax-error-1-start');
    const preview = (await page.evaluate(() =>
      (globalThis as unknown as { doctor: { previewFix(r: unknown): Promise<unknown> } }).doctor.previewFix({ fix: 'disable-websockets' }),
    )) as { ok: boolean; error?: { message: string; hint: string } };
    assert.equal(preview.ok, false, 'no plan is made over a config that does not parse');
    assert.ok(preview.error!.message.length > 0 && preview.error!.hint.length > 0);
    assert.deepEqual(snapshotDir(scenario.codexHome), before, 'nothing in CODEX_HOME was written');
  });

  test('ws-ok: "no fix needed" is a real outcome', async () => {
    const session = await open('ws-ok');
    await diagnose(session);
    await session.page.getByRole('button', { name: 'Choose a fix' }).click();
    await session.page.getByRole('heading', { name: 'No fix needed' }).waitFor();
    assert.equal(await session.page.locator('.fix-card').count(), 0);
    await screenshot(session.page, 'ws-ok-4-no-fix-needed');
  });

  test('the strict CSP is in force in the page and the API refuses bad payloads', async () => {
    const session = await open('ws-ok');
    const { page } = session;
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
      (globalThis as unknown as { doctor: { applyFix(r: unknown): Promise<unknown> } }).doctor.applyFix({ planId: '../../etc/passwd' }),
    );
    assert.deepEqual((result as { ok: boolean }).ok, false);
    const link = await page.evaluate(() =>
      (globalThis as unknown as { doctor: { openLink(r: unknown): Promise<unknown> } }).doctor.openLink({ url: 'https://evil.example/' }),
    );
    assert.equal((link as { ok: boolean }).ok, false);
    assert.deepEqual(session.bridge.opened, []);
  });
});
