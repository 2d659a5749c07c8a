import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  CONTENT_SECURITY_POLICY,
  mainWindowOptions,
  newWindowDecision,
  permissionDecision,
  shouldAllowNavigation,
  withCspHeader,
} from '../../../electron/window-security.ts';

test('the window turns every security switch on explicitly', () => {
  const prefs = mainWindowOptions('/app/preload.cjs', '#fff').webPreferences;
  assert.equal(prefs.contextIsolation, true);
  assert.equal(prefs.sandbox, true);
  assert.equal(prefs.nodeIntegration, false);
  assert.equal(prefs.nodeIntegrationInSubFrames, false);
  assert.equal(prefs.webSecurity, true);
  assert.equal(prefs.allowRunningInsecureContent, false);
  assert.equal(prefs.webviewTag, false);
  assert.equal(prefs.preload, '/app/preload.cjs');
});

test('the CSP is strict, and the page carries the same rules in its meta tag', () => {
  const rules = new Map(CONTENT_SECURITY_POLICY.split('; ').map((r) => [r.split(' ')[0], r]));
  assert.equal(rules.get('default-src'), "default-src 'none'");
  assert.equal(rules.get('script-src'), "script-src 'self'");
  assert.equal(rules.get('style-src'), "style-src 'self'");
  assert.equal(rules.get('connect-src'), "connect-src 'none'");
  assert.doesNotMatch(CONTENT_SECURITY_POLICY, /unsafe-(inline|eval)/);
  const html = readFileSync(new URL('../../../renderer/index.html', import.meta.url), 'utf8');
  const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
  assert.ok(meta, 'index.html has a CSP meta tag');
  for (const directive of ['default-src', 'script-src', 'style-src', 'img-src', 'connect-src']) {
    assert.ok(meta.includes(rules.get(directive)!), `${directive} matches`);
  }
});

test('the CSP header replaces any other one', () => {
  const headers = withCspHeader({ 'content-security-policy': ['default-src *'], 'X-Other': 'a' });
  assert.deepEqual(headers, { 'X-Other': ['a'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
});

test('navigation, new windows and permissions are denied', () => {
  assert.equal(shouldAllowNavigation('https://developers.openai.com/codex'), false);
  assert.deepEqual(newWindowDecision('https://developers.openai.com/codex'), { action: 'deny', openExternally: true });
  assert.deepEqual(newWindowDecision('https://evil.example/'), { action: 'deny', openExternally: false });
  for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
    assert.equal(permissionDecision(permission), false);
  }
});
