import { afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { isValidElement, type ReactElement } from 'react';
import { initialLang, LANG_STORAGE_KEY, richNodes } from '../../../renderer/logic/language.ts';
import { translator } from '../../../shared/i18n/translate.ts';

/** Stand-ins for the page's localStorage and navigator, removed after each test. */
function page(language: string, stored?: string) {
  const items = new Map<string, string>(stored ? [[LANG_STORAGE_KEY, stored]] : []);
  const storage = {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
  };
  Object.defineProperty(globalThis, 'localStorage', { value: storage, configurable: true });
  Object.defineProperty(globalThis, 'navigator', { value: { language }, configurable: true });
}
const saved = Object.getOwnPropertyDescriptor(globalThis, 'navigator');
afterEach(() => {
  delete (globalThis as { localStorage?: unknown }).localStorage;
  if (saved) Object.defineProperty(globalThis, 'navigator', saved);
  else delete (globalThis as { navigator?: unknown }).navigator;
});

test('the app starts in the OS language, unless a language was chosen before', () => {
  page('zh-CN');
  assert.equal(initialLang(), 'zh-CN');
  page('zh-TW');
  assert.equal(initialLang(), 'zh-CN');
  page('en-US');
  assert.equal(initialLang(), 'en');
  page('fr-FR');
  assert.equal(initialLang(), 'en');
  page('en-US', 'zh-CN');
  assert.equal(initialLang(), 'zh-CN');
  page('zh-CN', 'en');
  assert.equal(initialLang(), 'en');
  page('zh-CN', 'klingon');
  assert.equal(initialLang(), 'zh-CN');
});

test('a catalog text with <strong>, <code> or <q> becomes elements around the words, in both languages', () => {
  for (const lang of ['en', 'zh-CN'] as const) {
    const nodes = richNodes(
      translator(lang).t('app.preview.undo', { command: 'codex-connection-doctor revert --last' }),
    );
    const code = nodes.filter(isValidElement) as ReactElement<{ children: string }>[];
    assert.equal(code.length, 1);
    assert.equal(code[0]!.type, 'code');
    assert.equal(code[0]!.props.children, 'codex-connection-doctor revert --last');
    assert.ok(nodes.every((n: unknown) => isValidElement(n) || (typeof n === 'string' && !n.includes('<'))));
  }
  const lead = richNodes(translator('en').t('app.start.lead'));
  assert.equal(lead[0], 'Codex keeps printing ');
  assert.equal((lead[1] as ReactElement).type, 'q');
  assert.deepEqual(richNodes('no tags here'), ['no tags here']);
});

test('browser mode: the choice is also kept in a cookie, which outlives the port (localStorage does not)', async () => {
  const { rememberLang, LANG_COOKIE } = await import('../../../renderer/logic/language.ts');
  const doc = { documentElement: { lang: 'en' }, cookie: '' };
  Object.defineProperty(globalThis, 'document', { value: doc, configurable: true });
  try {
    page('en-US');
    rememberLang('zh-CN');
    assert.match(doc.cookie, new RegExp(`^${LANG_COOKIE}=zh-CN; Path=/; Max-Age=\\d+; SameSite=Strict$`));
    assert.equal(doc.documentElement.lang, 'zh-CN');
    // A new run on another port: an empty localStorage, the cookie the browser sends back.
    page('en-US');
    doc.cookie = `ccd-session-4242=abc; ${LANG_COOKIE}=zh-CN`;
    assert.equal(initialLang(), 'zh-CN');
    doc.cookie = `${LANG_COOKIE}=klingon`;
    assert.equal(initialLang(), 'en');
  } finally {
    delete (globalThis as { document?: unknown }).document;
  }
});
