import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { codexCanLogIn, proxyAuthSchemes } from '../../../shared/proxy-login.ts';
import { proxyUrlWithLogin, proxyUrlWithoutLogin } from '../../../shared/proxy-url.ts';

describe('Proxy-Authenticate', () => {
  test('schemes, with quoted parameters that hold commas and scheme names', () => {
    assert.deepEqual(proxyAuthSchemes('Basic realm="Squid proxy-caching web server"'), ['Basic']);
    assert.deepEqual(proxyAuthSchemes('NTLM, Negotiate'), ['NTLM', 'Negotiate']);
    assert.deepEqual(proxyAuthSchemes('Negotiate, NTLM, Basic realm="corp, NTLM zone"'), [
      'Negotiate',
      'NTLM',
      'Basic',
    ]);
    assert.deepEqual(proxyAuthSchemes('Digest realm="x", nonce="abc", qop="auth"'), ['Digest']);
    assert.deepEqual(proxyAuthSchemes(undefined), []);
  });

  test('Codex logs in only with Basic', () => {
    assert.equal(codexCanLogIn(['NTLM', 'Negotiate']), false);
    assert.equal(codexCanLogIn(['Digest']), false);
    assert.equal(codexCanLogIn(['Negotiate', 'Basic']), true);
  });
});

describe('a login in a proxy URL', () => {
  test('user and password are percent-encoded; an old login is replaced', () => {
    assert.equal(
      proxyUrlWithLogin('http://127.0.0.1:3128', 'CORP\\alice', 'p@ss w/rd:"1"'),
      'http://CORP%5Calice:p%40ss%20w%2Frd%3A%221%22@127.0.0.1:3128',
    );
    assert.equal(proxyUrlWithLogin('http://old:pw@proxy.corp:8080', 'bob', 'x'), 'http://bob:x@proxy.corp:8080');
    assert.equal(proxyUrlWithoutLogin('http://old:p@w@proxy.corp:8080'), 'http://proxy.corp:8080');
    const parsed = new URL(proxyUrlWithLogin('http://127.0.0.1:3128', 'alice', 'p@ss w/rd'));
    assert.equal(decodeURIComponent(parsed.password), 'p@ss w/rd');
  });
});
