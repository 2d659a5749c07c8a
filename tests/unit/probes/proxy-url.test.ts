// The one proxy-URL parser (shared/proxy-url.ts) and where its callers used to disagree: each case
// below was read differently by at least two of the old parsers (probes, fixes, IPC, .env findings).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseProxyUrl } from '../../../shared/proxy-url.ts';
import { proxyUrlProblem } from '../../../shared/ipc.ts';
import { proxyEndpoint } from '../../../electron/core/probes/proxy-url.ts';
import { ProbeFailure } from '../../../electron/core/probes/failure.ts';
import { proxyToWrite } from '../../../electron/core/fixes/use-proxy.ts';
import { FixError } from '../../../electron/core/fixes/plan.ts';
import { resolveProxyEnv } from '../../../electron/core/codex/index.ts';
import { en } from '../../i18n.ts';

const findings = (value: string) =>
  resolveProxyEnv({ HTTPS_PROXY: value }, [], 'https:', '.env').findings.map((f) => f.id);

describe('parseProxyUrl (Codex: http, socks5, socks5h; bare host:port is http; default ports 80 and 1080)', () => {
  test('parts', () => {
    const p = parseProxyUrl('socks5h://us%20er:p%40ss@[::1]:1086');
    assert.ok(p.ok);
    assert.deepEqual(p.proxy, {
      scheme: 'socks5h',
      host: '::1',
      port: 1086,
      explicitScheme: true,
      explicitPort: true,
      username: 'us er',
      password: 'p@ss',
      hasLogin: true,
      hasPath: false,
      hasQueryOrFragment: false,
    });
    const bare = parseProxyUrl(' 127.0.0.1:7890 ');
    assert.ok(bare.ok);
    assert.deepEqual([bare.proxy.scheme, bare.proxy.port, bare.proxy.explicitScheme], ['http', 7890, false]);
    const socks = parseProxyUrl('SOCKS5://h');
    assert.ok(socks.ok);
    assert.deepEqual([socks.proxy.scheme, socks.proxy.port, socks.proxy.explicitPort], ['socks5', 1080, false]);
    assert.deepEqual(parseProxyUrl('https://h:443'), { ok: false, problem: 'scheme', scheme: 'https' });
    assert.deepEqual(parseProxyUrl('http://h:99999'), { ok: false, problem: 'not-url' });
    assert.deepEqual(parseProxyUrl('socks5://'), { ok: false, problem: 'no-host' });
  });

  test('a written default port is a port: http://proxy:80 (the app and Fix #2 said "no port")', () => {
    assert.equal(proxyUrlProblem('http://proxy.corp:80'), null);
    assert.equal(proxyToWrite('http://proxy.corp:80').port, 80);
    assert.match(en(proxyUrlProblem('http://proxy.corp')!), /port/);
  });

  test('a login with only a password is a login (Fix #2 did not see it: no 600 mode, wrong 407 message)', () => {
    assert.equal(proxyToWrite('http://:hunter2@127.0.0.1:3128').hasLogin, true);
    assert.equal(proxyToWrite('http://127.0.0.1:3128').hasLogin, false);
  });

  test('bare localhost:7890 is http://localhost:7890 to Codex, not a URL of scheme "localhost:"', () => {
    assert.equal(proxyEndpoint('localhost:7890').host, 'localhost');
    assert.equal(proxyEndpoint('localhost:7890').port, 7890);
    assert.deepEqual(findings('localhost:7890'), ['proxy.missing-scheme']);
    // The app and the fixes write only full URLs: they ask for the scheme instead of refusing one.
    assert.match(en(proxyUrlProblem('localhost:7890')!), /full proxy URL/);
    assert.throws(
      () => proxyToWrite('localhost:7890'),
      (e: unknown) => e instanceof FixError && /is not a URL/.test(en(e.userMessage)),
    );
  });

  test('port 0 names no proxy (the probes and the app took it)', () => {
    assert.throws(() => proxyEndpoint('http://127.0.0.1:0'), ProbeFailure);
    assert.notEqual(proxyUrlProblem('http://127.0.0.1:0'), null);
    assert.throws(() => proxyToWrite('http://127.0.0.1:0'), FixError);
    assert.deepEqual(findings('http://127.0.0.1:0'), ['proxy.unparseable']);
  });

  test('a value Codex cannot read even as http:// is an error in .env, not a missing-scheme warning', () => {
    assert.deepEqual(findings('not a url'), ['proxy.unparseable']);
    assert.deepEqual(findings('https://h:1'), ['proxy.https-scheme']);
    assert.deepEqual(findings('ftp://h:1'), ['proxy.unsupported-scheme']);
    assert.deepEqual(findings('socks5h://127.0.0.1:1080'), []);
  });
});
