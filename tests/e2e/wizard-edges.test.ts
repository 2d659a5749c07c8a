// The wizard's harder paths in a real browser over the real DoctorService: revert conflicts,
// cancelling, manual-only fixes, profiles, stale previews and secrets kept out of the page; in
// English and in Chinese (the browser's language), the page's words read from the catalog.
import { afterEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { parse as parseToml } from 'smol-toml';
import { LAB_QUIET_TOML } from '../lab/codex-home.ts';
import { openSession, screenshot, snapshotDir, type Session, type SessionOptions } from './harness.ts';
import { assertReportLanguage, words } from './flows.ts';
import { LOCALES, uiString, type Locale } from './lang.ts';

const STEP_TIMEOUT = 60_000;
const sessions: Session[] = [];
afterEach(async () => {
  for (const s of sessions.splice(0)) await s.close();
});

function providerTable(file: string, id: string) {
  const config = parseToml(readFileSync(file, 'utf8')) as { model_providers?: Record<string, Record<string, unknown>> };
  return config.model_providers?.[id] ?? {};
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

for (const lang of LOCALES) describeEdges(lang);

function describeEdges(lang: Locale): void {
  const { T, P } = words({ lang });

  async function open(name: Parameters<typeof openSession>[0], opts: SessionOptions = {}) {
    const session = await openSession(name, { locale: lang, ...opts });
    sessions.push(session);
    return session;
  }

  const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name: T(name) });

  /** Start → Diagnose → Findings → Choose → Preview of fix #n, leaving the page on Preview. */
  async function previewFix(page: Page, n: 1 | 2 | 3) {
    await heading(page, 'Why does Codex keep reconnecting?').waitFor();
    await page.getByRole('button', { name: T('Start the diagnosis') }).click();
    await page.getByRole('button', { name: T('See what was found') }).click({ timeout: STEP_TIMEOUT });
    await page.getByRole('button', { name: T('Choose a fix') }).click();
    await page.getByRole('button', { name: T(`Preview fix #${n}`) }).click();
    await heading(page, 'Preview the change').waitFor({ timeout: STEP_TIMEOUT });
  }

  async function applyAndOpenHistory(page: Page) {
    await page.getByRole('button', { name: T('Apply this change') }).click();
    await page.getByRole('button', { name: T('Continue') }).click({ timeout: STEP_TIMEOUT });
    await page
      .getByRole('button', { name: T('History') })
      .last()
      .click();
    await heading(page, 'History of changes').waitFor();
  }

  describe(`wizard edge cases in a real browser (${lang})`, { concurrency: false }, () => {
    test('History: a revert over later edits shows what differs; each choice does what it says', async () => {
      const session = await open('ws-refused');
      const { page, scenario } = session;
      const configPath = path.join(scenario.codexHome, 'config.toml');
      const original = readFileSync(configPath, 'utf8');

      // Round 1: "remove only the fix's lines" keeps the user's edits and drops the fix's.
      await previewFix(page, 1);
      await applyAndOpenHistory(page);
      const edited =
        readFileSync(configPath, 'utf8').replace('model = "lab-model"', 'model = "my-model"') + '# my own note\n';
      writeFileSync(configPath, edited);
      await page
        .locator('table.history tbody tr')
        .first()
        .getByRole('button', { name: new RegExp(`^${escapeRegExp(uiString(lang, 'Revert'))}`) })
        .click();
      const conflict = page.getByRole('alertdialog', { name: T('The file changed since the fix') });
      await conflict.waitFor({ timeout: STEP_TIMEOUT });
      assert.match(
        await conflict
          .locator('.diff-add')
          .allInnerTexts()
          .then((t) => t.join('\n')),
        /my own note/,
        'the diff shows the later edit',
      );
      assert.equal(
        await page.evaluate('document.activeElement && document.activeElement.textContent'),
        uiString(lang, 'The file changed since the fix'),
        'focus moves to the choice',
      );
      assert.equal(readFileSync(configPath, 'utf8'), edited, 'nothing is written before the user chooses');
      await screenshot(page, 'history-revert-conflict', { dark: true, lang });
      await conflict.getByRole('button', { name: T('Remove only the fix’s lines') }).click();
      await page.getByText(P('Reverted: ')).waitFor({ timeout: STEP_TIMEOUT });
      const merged = readFileSync(configPath, 'utf8');
      assert.match(merged, /# my own note/, 'the user’s note is kept');
      assert.match(merged, /model = "my-model"/, 'the user’s edit is kept');
      assert.equal(providerTable(configPath, 'lab').supports_websockets, true, 'the fix’s own change is undone');
      assert.equal(merged, original.replace('model = "lab-model"', 'model = "my-model"') + '# my own note\n');

      // Round 2: "keep my file" leaves the file exactly as the user left it.
      await page.getByRole('button', { name: T('Back to the wizard') }).click();
      await page.getByRole('button', { name: T('Start over') }).click();
      await previewFix(page, 1);
      await applyAndOpenHistory(page);
      const edited2 = readFileSync(configPath, 'utf8') + '# second note\n';
      writeFileSync(configPath, edited2);
      await page
        .locator('table.history tbody tr')
        .first()
        .getByRole('button', { name: new RegExp(`^${escapeRegExp(uiString(lang, 'Revert'))}`) })
        .click();
      await conflict.waitFor({ timeout: STEP_TIMEOUT });
      await conflict.getByRole('button', { name: T('Keep my file') }).click();
      await page.getByText(T('Your file was kept as it is.')).waitFor({ timeout: STEP_TIMEOUT });
      assert.equal(readFileSync(configPath, 'utf8'), edited2, 'the file is untouched');
      // The History table refreshes after the message appears: wait for the row's new state.
      const revertedMark = page.locator('table.history tbody tr').first().getByText(P('Reverted'));
      await revertedMark.waitFor({ timeout: STEP_TIMEOUT });
      assert.equal(await revertedMark.count(), 1);
      assert.deepEqual(session.pageErrors, []);
    });

    test('cancelling a stalled diagnosis says so and what to do next', async () => {
      const session = await open('ws-stalled', { timeoutMs: 20_000 });
      const { page } = session;
      await heading(page, 'Why does Codex keep reconnecting?').waitFor();
      await page.getByRole('button', { name: T('Start the diagnosis') }).click();
      await page.locator('.checks li').first().waitFor({ timeout: STEP_TIMEOUT });
      const started = Date.now();
      await page.getByRole('button', { name: T('Cancel') }).click();
      const notice = page.getByRole('alert').filter({ hasText: P('Diagnosis cancelled') });
      await notice.waitFor({ timeout: 10_000 });
      assert.ok(Date.now() - started < 10_000, 'the cancel takes effect well before the 20 s probe budget');
      assert.match(await notice.innerText(), P('What to do next'));
      await page.getByRole('button', { name: T('Run again') }).waitFor();
      await page.getByRole('button', { name: T('See the partial findings') }).click();
      await page.getByText(P('The diagnosis was cancelled: these findings are partial.')).waitFor();
      assert.deepEqual(session.pageErrors, []);
    });

    test('enable-tun with no proxy app API: manual steps, nothing written', async () => {
      const session = await open('ws-refused');
      const { page, scenario } = session;
      const before = snapshotDir(scenario.codexHome);
      await previewFix(page, 3);
      await page.getByRole('heading', { name: T('Steps for you') }).waitFor();
      assert.ok((await page.locator('[aria-labelledby="manual-title"] ol li').count()) >= 1, 'the steps are listed');
      await page.getByText(T('The app cannot make this change for you, so it will write nothing.')).waitFor();
      assert.equal(await page.getByRole('button', { name: T('Apply this change') }).count(), 0, 'nothing to apply');
      await screenshot(page, 'enable-tun-manual', { lang });
      assert.deepEqual(snapshotDir(scenario.codexHome), before, 'nothing in CODEX_HOME was written');
      const history = await page.evaluate('window.doctor.listHistory({})');
      assert.deepEqual(history, { ok: true, data: [] }, 'nothing was journaled');
      await page.getByRole('button', { name: T('Run the diagnosis again') }).click();
      await heading(page, 'Diagnosing the connection').waitFor();
      await page.getByRole('button', { name: T('See what was found') }).waitFor({ timeout: STEP_TIMEOUT });
    });

    test('a profile chosen on Start drives the diagnosis and the fix lands in its file', async () => {
      const session = await open('ws-refused');
      const { page, scenario } = session;
      const configPath = path.join(scenario.codexHome, 'config.toml');
      const workPath = path.join(scenario.codexHome, 'work.config.toml');
      writeFileSync(
        workPath,
        [
          'model_provider = "labwork"',
          '',
          '[model_providers.labwork]',
          'name = "Lab at work"',
          `base_url = "${scenario.api.baseUrl}"`,
          'wire_api = "responses"',
          'env_key = "LAB_KEY"',
          'supports_websockets = true',
          'websocket_connect_timeout_ms = 1000',
          '',
          LAB_QUIET_TOML,
        ].join('\n'),
      );
      const configBefore = readFileSync(configPath);
      await page.reload();
      await page.getByLabel(T('Profile')).selectOption('work');
      await page.locator('.facts').getByText('labwork').waitFor();
      await previewFix(page, 1);
      await page.locator('.diff-path').filter({ hasText: 'work.config.toml' }).first().waitFor();
      await page.getByRole('button', { name: T('Apply this change') }).click();
      await page.getByText(T('Codex can now connect without reconnecting.')).waitFor({ timeout: STEP_TIMEOUT });
      assert.equal(providerTable(workPath, 'labwork').supports_websockets, false, 'the fix is in work.config.toml');
      assert.deepEqual(readFileSync(configPath), configBefore, 'config.toml is untouched');
      assert.deepEqual(session.pageErrors, []);
    });

    test('a file changed since the preview: a clear message, nothing written, and a way to preview again (800 px wide)', async () => {
      const session = await open('ws-refused', { viewport: { width: 800, height: 900 } });
      const { page, scenario } = session;
      const configPath = path.join(scenario.codexHome, 'config.toml');
      await previewFix(page, 1);
      const overflow = (await page.evaluate(
        'document.documentElement.scrollWidth - document.documentElement.clientWidth',
      )) as number;
      assert.ok(overflow <= 0, `the page does not scroll sideways at 800 px (overflow ${overflow}px)`);
      await screenshot(page, 'narrow-5-preview', { lang });
      const edited = readFileSync(configPath, 'utf8') + '# edited after the preview\n';
      writeFileSync(configPath, edited);
      await page.getByRole('button', { name: T('Apply this change') }).click();
      const alert = page.getByRole('alert').filter({ hasText: P('changed since the preview') });
      await alert.waitFor({ timeout: STEP_TIMEOUT });
      assert.match(await alert.innerText(), P('What to do next'));
      assert.match(await alert.innerText(), P('Nothing was written'));
      assert.equal(readFileSync(configPath, 'utf8'), edited, 'nothing was written');
      assert.equal(
        await page.getByRole('button', { name: T('Apply this change') }).count(),
        0,
        'the stale preview cannot be applied',
      );
      await screenshot(page, 'error-changed-since-preview', { lang });
      await page.getByRole('button', { name: T('Preview the fix again') }).click();
      await heading(page, 'Preview the change').waitFor({ timeout: STEP_TIMEOUT });
      await page.getByRole('button', { name: T('Apply this change') }).click();
      await page.getByText(T('Codex can now connect without reconnecting.')).waitFor({ timeout: STEP_TIMEOUT });
      const now = readFileSync(configPath, 'utf8');
      assert.match(now, /# edited after the preview/, 'the new preview kept the edit');
      assert.equal(providerTable(configPath, 'lab').supports_websockets, false);
    });

    test('reports and the page never hold the proxy password or the login token', async () => {
      const session = await open('proxy-needed');
      const { page, scenario } = session;
      const password = 'Pr0xyPassw0rdXYZ';
      const secrets = [
        password,
        'eyFakeIdTokenQWERTY',
        'FakeAccessTokenASDF',
        'FakeRefreshTokenZXCV',
        'sk-FakeKeyPOIU',
      ];
      const proxy = `http://alice:${password}@127.0.0.1:${scenario.squid!.port}`;
      writeFileSync(path.join(scenario.codexHome, '.env'), `HTTPS_PROXY=${proxy}\nHTTP_PROXY=${proxy}\n`);
      writeFileSync(
        path.join(scenario.codexHome, 'auth.json'),
        JSON.stringify({
          OPENAI_API_KEY: 'sk-FakeKeyPOIU',
          tokens: {
            id_token: 'eyFakeIdTokenQWERTY',
            access_token: 'FakeAccessTokenASDF',
            refresh_token: 'FakeRefreshTokenZXCV',
          },
        }),
      );
      await page.reload();
      await heading(page, 'Why does Codex keep reconnecting?').waitFor();
      await page.getByRole('button', { name: T('Start the diagnosis') }).click();
      await page.getByRole('button', { name: T('See what was found') }).click({ timeout: STEP_TIMEOUT });
      await page.getByText(T('Technical details')).click();
      for (const name of ['Copy as Markdown', 'Copy as JSON', 'Save Markdown…', 'Save JSON…']) {
        await page.getByRole('button', { name: T(name) }).click();
        await page.locator('.report-actions [aria-live] p').waitFor();
      }
      await page.getByRole('button', { name: T('Choose a fix') }).click();
      const showAnyway = page.getByRole('button', { name: T('Show the fixes anyway') });
      if (await showAnyway.count()) await showAnyway.click();
      await page.getByLabel(T('Proxy URL')).fill(`http://127.0.0.1:${scenario.squid!.port}`);
      await page.getByRole('button', { name: T('Preview fix #2') }).click();
      await heading(page, 'Preview the change').waitFor({ timeout: STEP_TIMEOUT });
      await page.locator('.diff').first().waitFor();

      const saved = await session.record.saved();
      assert.equal(session.record.clipboard.length, 2);
      assert.equal(saved.length, 2);
      assert.equal(
        await page.evaluate('navigator.clipboard.readText()'),
        session.record.clipboard[1],
        'the real clipboard holds the last copy',
      );
      assert.match(session.record.clipboard[0]!, /alice:\*\*\*\*@/, 'the proxy shows in its redacted form');
      JSON.parse(session.record.clipboard[1]!);
      // The Markdown copied and downloaded is in the page's language.
      assertReportLanguage(session.record.clipboard[0]!, lang, 'copied');
      assertReportLanguage(saved.find((s) => s.name.endsWith('.md'))!.text, lang, 'downloaded');
      const dom = await page.content();
      const inputs = await page
        .locator('input, textarea')
        .evaluateAll((els) => els.map((e) => (e as unknown as { value: string }).value));
      const places: Record<string, string> = {
        dom,
        inputs: inputs.join('\n'),
        clipboard: session.record.clipboard.join('\n'),
        saved: saved.map((s) => s.text).join('\n'),
        server: session.record.responses.join('\n'),
      };
      for (const [where, text] of Object.entries(places)) {
        for (const secret of secrets) assert.ok(!text.includes(secret), `a secret appears in ${where}`);
      }
      assert.deepEqual(session.pageErrors, []);
    });
  });
}
