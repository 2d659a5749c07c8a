import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseScutilProxy } from '../../../electron/core/environment/system-proxy-macos.ts';
import {
  parseProxyServer,
  parseWindowsInternetSettings,
} from '../../../electron/core/environment/system-proxy-windows.ts';
import {
  parseGVariant,
  parseGsettingsList,
  gnomeProxyFromSettings,
} from '../../../electron/core/environment/system-proxy-gnome.ts';
import { parseKioslaverc } from '../../../electron/core/environment/system-proxy-kde.ts';
import { readSystemProxy } from '../../../electron/core/environment/system-proxy.ts';
import { fakeRun, fixture, tempRoot } from './helpers.ts';

const REG_KEY = 'reg query HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings';

describe('macOS scutil --proxy', () => {
  test('Clash set as system proxy: top-level values, not the per-interface copy', () => {
    const proxy = parseScutilProxy(fixture('system-proxy/scutil-clash-system-proxy.txt'));
    assert.equal(proxy.enabled, true);
    assert.equal(proxy.http, '127.0.0.1:7890');
    assert.equal(proxy.https, '127.0.0.1:7890');
    assert.equal(proxy.socks, '127.0.0.1:7890');
    assert.equal(proxy.pacUrl, undefined);
    assert.deepEqual(proxy.bypass, [
      '127.0.0.1',
      '192.168.0.0/16',
      '10.0.0.0/8',
      '172.16.0.0/12',
      'localhost',
      '*.local',
      '*.crashlytics.com',
    ]);
    assert.equal(proxy.source, 'scutil --proxy');
  });

  test('disabled: stale HTTPProxy values are not reported', () => {
    const proxy = parseScutilProxy(fixture('system-proxy/scutil-disabled.txt'));
    assert.equal(proxy.enabled, false);
    assert.equal(proxy.http, undefined);
    assert.equal(proxy.https, undefined);
    assert.deepEqual(proxy.bypass, ['*.local', '169.254/16']);
  });

  test('PAC served by a local app', () => {
    const proxy = parseScutilProxy(fixture('system-proxy/scutil-pac.txt'));
    assert.equal(proxy.enabled, true);
    assert.equal(proxy.pacUrl, 'http://127.0.0.1:33331/pac');
    assert.equal(proxy.http, undefined);
  });

  test('SOCKS only, tabs and trailing spaces', () => {
    const proxy = parseScutilProxy(fixture('system-proxy/scutil-socks-only-odd-whitespace.txt'));
    assert.equal(proxy.enabled, true);
    assert.equal(proxy.socks, '127.0.0.1:1086');
    assert.equal(proxy.http, undefined);
  });

  test('garbage is an error field, not a throw', () => {
    const proxy = parseScutilProxy('scutil: command not understood');
    assert.equal(proxy.enabled, false);
    assert.ok(proxy.error);
  });
});

describe('Windows Internet Settings (reg query, CRLF)', () => {
  test('Clash: one host:port for every protocol, bypass list with <local>', () => {
    const text = fixture('system-proxy/reg-clash-system-proxy.txt');
    assert.ok(text.includes('\r\n'), 'fixture keeps Windows line ends');
    const proxy = parseWindowsInternetSettings(text);
    assert.equal(proxy.enabled, true);
    assert.equal(proxy.http, '127.0.0.1:7890');
    assert.equal(proxy.https, '127.0.0.1:7890');
    assert.equal(proxy.socks, undefined);
    assert.equal(proxy.bypass?.at(-1), '<local>');
    assert.equal(proxy.bypass?.length, 10);
  });

  test('v2rayN: per-protocol form with socks=', () => {
    const proxy = parseWindowsInternetSettings(fixture('system-proxy/reg-v2rayn-per-protocol.txt'));
    assert.equal(proxy.http, '127.0.0.1:10808');
    assert.equal(proxy.https, '127.0.0.1:10808');
    assert.equal(proxy.socks, '127.0.0.1:10808');
  });

  test('ProxyEnable 0x0: the leftover ProxyServer is ignored', () => {
    const proxy = parseWindowsInternetSettings(fixture('system-proxy/reg-disabled-stale-server.txt'));
    assert.equal(proxy.enabled, false);
    assert.equal(proxy.http, undefined);
  });

  test('AutoConfigURL counts even with ProxyEnable 0x0', () => {
    const proxy = parseWindowsInternetSettings(fixture('system-proxy/reg-pac.txt'));
    assert.equal(proxy.enabled, true);
    assert.equal(proxy.pacUrl, 'http://127.0.0.1:33331/pac?t=20240601');
  });

  test('ProxyServer forms', () => {
    assert.deepEqual(parseProxyServer('socks=127.0.0.1:1080'), { socks: '127.0.0.1:1080' });
    assert.deepEqual(parseProxyServer('http://127.0.0.1:8080'), { http: '127.0.0.1:8080', https: '127.0.0.1:8080' });
    assert.deepEqual(parseProxyServer('127.0.0.1:7890;'), { http: '127.0.0.1:7890', https: '127.0.0.1:7890' });
    assert.deepEqual(parseProxyServer('http=127.0.0.1:7890;;https=127.0.0.1:7890;'), {
      http: '127.0.0.1:7890',
      https: '127.0.0.1:7890',
    });
    assert.deepEqual(parseProxyServer('http=proxy.corp:3128; https=proxy.corp:3129'), {
      http: 'proxy.corp:3128',
      https: 'proxy.corp:3129',
    });
    assert.deepEqual(parseProxyServer('nonsense'), {});
  });

  test('readSystemProxy runs reg query on win32', async () => {
    const run = fakeRun({ [REG_KEY]: fixture('system-proxy/reg-clash-system-proxy.txt') });
    const proxy = await readSystemProxy({ platform: 'win32', env: {}, homedir: 'C:\\Users\\me', run });
    assert.equal(proxy.http, '127.0.0.1:7890');
    assert.deepEqual(run.calls, [REG_KEY]);
  });

  test('a failing reg query becomes an error field', async () => {
    const run = fakeRun({
      [REG_KEY]: { code: 1, stderr: 'ERROR: The system was unable to find the specified registry key or value.' },
    });
    const proxy = await readSystemProxy({ platform: 'win32', env: {}, homedir: 'C:\\Users\\me', run });
    assert.equal(proxy.enabled, false);
    assert.match(proxy.error ?? '', /exited with 1: ERROR: The system was unable/);
  });
});

describe('GNOME gsettings', () => {
  test('GVariant values', () => {
    assert.equal(parseGVariant("'manual'"), 'manual');
    assert.equal(parseGVariant('7890\n'), 7890);
    assert.equal(parseGVariant('uint32 7890'), 7890);
    assert.deepEqual(parseGVariant('@as []'), []);
    assert.deepEqual(parseGVariant("['localhost', '127.0.0.0/8', '::1']"), ['localhost', '127.0.0.0/8', '::1']);
    assert.equal(parseGVariant("'it\\'s'"), "it's");
  });

  test('manual mode with Clash ports', () => {
    const proxy = gnomeProxyFromSettings(parseGsettingsList(fixture('system-proxy/gsettings-manual-clash.txt')));
    assert.equal(proxy.enabled, true);
    assert.equal(proxy.http, '127.0.0.1:7890');
    assert.equal(proxy.https, '127.0.0.1:7890');
    assert.equal(proxy.socks, '127.0.0.1:7891');
    assert.deepEqual(proxy.bypass, ['localhost', '127.0.0.0/8', '::1']);
  });

  test("mode 'none' ignores hosts left behind", () => {
    const proxy = gnomeProxyFromSettings(parseGsettingsList(fixture('system-proxy/gsettings-none.txt')));
    assert.equal(proxy.enabled, false);
    assert.equal(proxy.http, undefined);
    assert.equal(proxy.bypass, undefined);
  });

  test('auto mode; child keys fetched with gsettings get when list-recursively omits them', async () => {
    const run = fakeRun({
      'gsettings list-recursively org.gnome.system.proxy': fixture('system-proxy/gsettings-auto-parent-only.txt'),
      'gsettings get org.gnome.system.proxy.http host': "''\n",
      'gsettings get org.gnome.system.proxy.http port': '8080\n',
    });
    const proxy = await readSystemProxy({
      platform: 'linux',
      env: { XDG_CURRENT_DESKTOP: 'GNOME' },
      homedir: '/home/u',
      run,
    });
    assert.equal(proxy.enabled, true);
    assert.equal(proxy.pacUrl, 'http://127.0.0.1:33331/pac');
    assert.equal(proxy.source, 'gsettings');
    assert.ok(run.calls.includes('gsettings get org.gnome.system.proxy.socks port'));
    assert.ok(!run.calls.includes('gsettings get org.gnome.system.proxy mode'));
  });
});

describe('KDE kioslaverc', () => {
  test('manual with "http://host port" form', () => {
    const proxy = parseKioslaverc(fixture('system-proxy/kioslaverc-manual-v2raya.txt'));
    assert.equal(proxy.enabled, true);
    assert.equal(proxy.http, '127.0.0.1:20171');
    assert.equal(proxy.https, '127.0.0.1:20171');
    assert.equal(proxy.socks, '127.0.0.1:20170');
    assert.deepEqual(proxy.bypass, ['localhost', '127.0.0.1', '::1']);
  });

  test('PAC', () => {
    const proxy = parseKioslaverc(fixture('system-proxy/kioslaverc-pac.txt'));
    assert.equal(proxy.pacUrl, 'http://127.0.0.1:33331/pac');
    assert.equal(proxy.http, undefined);
  });

  test('ProxyType 0 is off even with addresses present', () => {
    const proxy = parseKioslaverc(fixture('system-proxy/kioslaverc-none.txt'));
    assert.equal(proxy.enabled, false);
    assert.equal(proxy.http, undefined);
  });

  test('ProxyType 4 reads the named environment variables', () => {
    const proxy = parseKioslaverc(fixture('system-proxy/kioslaverc-env.txt'), {
      HTTP_PROXY: 'http://127.0.0.1:7897',
      HTTPS_PROXY: 'http://user:pw@127.0.0.1:7897',
      NO_PROXY: 'localhost,.internal',
    });
    assert.equal(proxy.http, '127.0.0.1:7897');
    assert.equal(proxy.https, '127.0.0.1:7897', 'credentials are dropped');
    assert.deepEqual(proxy.bypass, ['localhost', '.internal']);
  });

  test('readSystemProxy on a KDE session reads ~/.config/kioslaverc under fsRoot', async () => {
    const root = tempRoot('kde');
    mkdirSync(path.join(root, 'home/u/.config'), { recursive: true });
    writeFileSync(path.join(root, 'home/u/.config/kioslaverc'), fixture('system-proxy/kioslaverc-manual-v2raya.txt'));
    const run = fakeRun({});
    const proxy = await readSystemProxy({
      platform: 'linux',
      env: { XDG_CURRENT_DESKTOP: 'KDE' },
      homedir: '/home/u',
      run,
      fsRoot: root,
    });
    assert.equal(proxy.source, 'kioslaverc');
    assert.equal(proxy.http, '127.0.0.1:20171');
    assert.deepEqual(run.calls, []);
  });

  test('no gsettings and no kioslaverc: an error, not a throw', async () => {
    const proxy = await readSystemProxy({ platform: 'linux', env: {}, homedir: '/nonexistent-home', run: fakeRun({}) });
    assert.equal(proxy.enabled, false);
    assert.match(proxy.error ?? '', /gsettings/);
  });
});
