// The wizard end to end in a real browser (Debian's Chromium) through the shipped browser mode
// (electron/web/server.ts) over the real DoctorService and the lab's servers and proxies, once with
// the browser in English and once in Chinese (the app starts in the browser's language). Saves a
// screenshot of every step to docs/screenshots/ (English) and docs/screenshots/zh-CN/. The flows are
// in flows.ts, shared with the Electron run (electron.test.ts).
import { afterEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openSession, screenshot, type Session } from './harness.ts';
import { LOCALES, type Locale } from './lang.ts';
import { LAB_PROXY_PASSWORD } from '../lab/scenarios.ts';
import {
  LAB_SECRETS,
  brokenConfigFlow,
  proxyNeededFlow,
  proxyLoginFlow,
  trustCaFlow,
  strictPageFlow,
  syntaxErrorFlow,
  wsOkFlow,
  wsRefusedFlow,
  wrongKeyFlow,
  type FlowTarget,
} from './flows.ts';

// Each test's browser and lab are closed when it ends: twice the flows would be too many at once.
const sessions: Session[] = [];
afterEach(async () => {
  for (const s of sessions.splice(0)) await s.close();
});

for (const lang of LOCALES) describeWizard(lang);

function describeWizard(lang: Locale): void {
  async function open(name: Parameters<typeof openSession>[0], colorScheme?: 'light' | 'dark') {
    const session = await openSession(name, { locale: lang, ...(colorScheme ? { colorScheme } : {}) });
    sessions.push(session);
    return session;
  }

  /** The browser run of a flow: screenshots are kept (per language), the page's clipboard writes are recorded. */
  function inBrowser(session: Session): FlowTarget {
    return {
      page: session.page,
      lang,
      scenario: session.scenario,
      pageErrors: session.pageErrors,
      screenshot: (name, opts) => screenshot(session.page, name, { ...opts, lang }),
      clipboardTexts: async () => [...session.record.clipboard],
    };
  }

  describe(`wizard in a real browser (${lang})`, { concurrency: false }, () => {
    test('ws-refused: Fix #1 recommended → diff → applied → healthy → revert is byte-identical', async () => {
      await wsRefusedFlow(inBrowser(await open('ws-refused')));
    });

    test('proxy-needed: Fix #2 recommended with the proxy that works', async () => {
      await proxyNeededFlow(inBrowser(await open('proxy-needed', 'dark')));
    });

    test('proxy-login-missing: Fix #2 asks for the login, refuses a wrong password, writes the right one, reverts', async () => {
      const session = await open('proxy-login-missing');
      await proxyLoginFlow(inBrowser(session));
      const sent = session.record.responses.join('\n');
      assert.ok(
        !sent.includes(LAB_PROXY_PASSWORD) && !sent.includes(encodeURIComponent(LAB_PROXY_PASSWORD)),
        'the password was sent back to the page',
      );
    });

    test('tls-inspecting-proxy: the company CA is named, trusted through a bundle, and reverted', async () => {
      await trustCaFlow(inBrowser(await open('tls-inspecting-proxy')));
    });

    test('broken config.toml: a clear error with its location, and nothing written', async () => {
      await brokenConfigFlow(inBrowser(await open('broken-config')));
    });

    test('config.toml with a syntax error: its line is shown, fixes are refused, nothing written', async () => {
      await syntaxErrorFlow(inBrowser(await open('ws-ok')));
    });

    test('ws-ok: "no fix needed" is a real outcome', async () => {
      await wsOkFlow(inBrowser(await open('ws-ok')));
    });

    test('wrong-key: the login outcome on its own, no fix card, and no credential in the page', async () => {
      const session = await open('wrong-key');
      await wrongKeyFlow(inBrowser(session));
      // Nor in anything the service sent the page (API answers and progress events).
      const sent = session.record.responses.join('\n');
      assert.ok(sent.length > 0, 'what the server sent was recorded');
      for (const [name, secret] of Object.entries(LAB_SECRETS))
        assert.ok(!sent.includes(secret), `${name} was sent to the page`);
    });

    test('the strict CSP is in force in the page and the API refuses bad payloads', async () => {
      const session = await open('ws-ok');
      await strictPageFlow(inBrowser(session));
      assert.deepEqual(session.record.opened, []);
    });
  });
}
