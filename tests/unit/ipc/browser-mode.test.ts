// The browser mode's pure parts: what counts as loopback, the page it serves, its CSP, and when the
// command opens a browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  BROWSER_MODE_CSP,
  CLIENT_SCRIPT_PATH,
  browserIndexHtml,
  isLoopbackAddress,
} from '../../../electron/web/server.ts';
import { CONTENT_SECURITY_POLICY } from '../../../electron/window-security.ts';
import { canOpenBrowser, openerFor } from '../../../electron/cli/app-command.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));

test('only literal loopback addresses count as loopback', () => {
  for (const host of ['127.0.0.1', '127.1.2.3', '::1']) assert.equal(isLoopbackAddress(host), true, host);
  for (const host of ['0.0.0.0', '::', 'localhost', '10.0.0.1', '192.168.1.10', '::ffff:10.0.0.1', 'example.com', '']) {
    assert.equal(isLoopbackAddress(host), false, host);
  }
});

test("the browser mode's CSP is the window's, with connect-src 'self' only", () => {
  assert.equal(BROWSER_MODE_CSP.replace("connect-src 'self'", "connect-src 'none'"), CONTENT_SECURITY_POLICY);
  assert.match(BROWSER_MODE_CSP, /script-src 'self';/);
  assert.doesNotMatch(BROWSER_MODE_CSP, /unsafe|\*|https?:/);
});

test('the served index.html loads the client before the app and may connect to its own origin; the source is untouched', () => {
  const source = readFileSync(path.join(root, 'renderer', 'index.html'), 'utf8');
  assert.match(source, /connect-src 'none'/, 'the Electron build keeps connect-src none');
  assert.doesNotMatch(source, /doctor-client/);
  const served = browserIndexHtml(source);
  assert.match(served, /connect-src 'self'/);
  assert.ok(served.indexOf(`src=".${CLIENT_SCRIPT_PATH}"`) < served.indexOf('type="module"'), 'the client runs first');
  assert.throws(() => browserIndexHtml('<html><body></body></html>'));
  const first = browserIndexHtml(source, 'KEY_123');
  assert.ok(
    first.indexOf('<meta name="doctor-page-key" content="KEY_123" />') < first.indexOf(`src=".${CLIENT_SCRIPT_PATH}"`),
    'the key is there before the client reads it',
  );
  assert.doesNotMatch(served, /doctor-page-key/);
});

test('the browser is opened only with a display and never over SSH', () => {
  assert.equal(canOpenBrowser({ DISPLAY: ':0' }, 'linux'), true);
  assert.equal(canOpenBrowser({ WAYLAND_DISPLAY: 'wayland-0' }, 'linux'), true);
  assert.equal(canOpenBrowser({}, 'linux'), false);
  assert.equal(canOpenBrowser({ DISPLAY: 'localhost:10.0', SSH_CONNECTION: '1 2 3 4' }, 'linux'), false);
  assert.equal(canOpenBrowser({}, 'darwin'), true);
  assert.equal(canOpenBrowser({ SSH_TTY: '/dev/pts/1' }, 'darwin'), false);
  assert.equal(canOpenBrowser({}, 'win32'), true);
  assert.deepEqual(openerFor('linux', 'http://x/'), { command: 'xdg-open', args: ['http://x/'] });
  assert.deepEqual(openerFor('darwin', 'http://x/'), { command: 'open', args: ['http://x/'] });
  assert.equal(openerFor('win32', 'http://x/').command, 'cmd');
});

test("the browser client imports no Node module and nothing of main's", () => {
  const source = readFileSync(path.join(root, 'electron', 'web', 'doctor-client.dom.ts'), 'utf8');
  const imports = [...source.matchAll(/^\s*import[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
  assert.deepEqual(
    imports.filter((spec) => !spec.startsWith('../../shared/')),
    [],
  );
});
