import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodexSetup } from '../../../shared/types.ts';
import { redactCredentials, redactKnownSecrets, redactLine, redactUrl } from '../../../electron/core/redact.ts';

describe('redactUrl', () => {
  test('masks the password and keeps scheme, user, host, port and path', () => {
    assert.equal(redactUrl('http://alice:s3cret@127.0.0.1:3128'), 'http://alice:****@127.0.0.1:3128');
    assert.equal(redactUrl('socks5h://bob:p%40ss@proxy.local:1080/x'), 'socks5h://bob:****@proxy.local:1080/x');
  });

  test('leaves URLs without secrets as written', () => {
    assert.equal(redactUrl('http://127.0.0.1:7890'), 'http://127.0.0.1:7890');
    assert.equal(redactUrl('https://api.openai.com/v1'), 'https://api.openai.com/v1');
    assert.equal(redactUrl('http://[::1]:8080/'), 'http://[::1]:8080/');
  });

  test('masks query values whose names look secret, keeps the others', () => {
    assert.equal(
      redactUrl('https://h/p?api_key=abc&model=x&token=t1&Password=z'),
      'https://h/p?api_key=****&model=x&token=****&Password=****',
    );
    assert.equal(redactUrl('https://h/p?secret=1'), 'https://h/p?secret=****');
  });

  test('a password-only URL and an unparsable one are masked too', () => {
    assert.equal(redactUrl('http://:pw@h:1'), 'http://:****@h:1');
    assert.equal(redactUrl('http://user:hunter2@exa mple:1'), 'http://user:****@exa mple:1');
    assert.ok(!redactUrl('http://u:topsecret@host:99').includes('topsecret'));
  });
});

describe('redactKnownSecrets', () => {
  test('removes every secret and its URL-encoded form', () => {
    const out = redactKnownSecrets('proxy http://u:p@ss w0rd@h failed; again http://u:p%40ss%20w0rd@h', ['p@ss w0rd']);
    assert.ok(!out.includes('p@ss w0rd'));
    assert.ok(!out.includes('p%40ss%20w0rd'));
    assert.equal(out.split('****').length - 1, 2);
  });

  test('masks the longest secret whole when one contains another', () => {
    assert.equal(redactKnownSecrets('key=abcdef', ['abc', 'abcdef']), 'key=****');
  });

  test('ignores empty secrets', () => {
    assert.equal(redactKnownSecrets('nothing here', ['']), 'nothing here');
  });
});

describe('redactCredentials (free text whose secrets are not known in advance)', () => {
  test('URL passwords of any scheme, sk- keys and Bearer tokens are masked; ordinary text is kept', () => {
    assert.equal(
      redactCredentials('proxy socks5h://bob:pw1@h:1, http://x:y@z:2/p and "https://u:p%40ss@host"'),
      'proxy socks5h://bob:****@h:1, http://x:****@z:2/p and "https://u:****@host"',
    );
    assert.equal(redactCredentials('key sk-proj-abcdefghijkl used'), 'key sk-proj**** used');
    assert.equal(redactCredentials('Authorization: Bearer eyJhbGciOi.abc.def'), 'Authorization: Bearer ****');
    assert.equal(redactCredentials('http://127.0.0.1:7890 is fine'), 'http://127.0.0.1:7890 is fine');
  });
});

describe('issue 9 item 1: every URL shape is masked, parsed or not', () => {
  const shapes: [string, string][] = [
    ['http://alice:Se/cr3t@127.0.0.1:3128', 'Se/cr3t'], // unencoded `/`: does not parse
    ['http://alice:123/s3cr3t@h:1', '123/s3cr3t'], // parses, with part of the password as port and path
    ['http://alice:p#ssw0rd@h:1', 'p#ssw0rd'],
    ['http://alice:p?ssw0rd@h:1', 'p?ssw0rd'],
    ['http://alice:p@ss@w0rd@h:1', 'p@ss@w0rd'],
    ['http://alice:pa ss@h:1', 'pa ss'],
    ['socks5h://alice:x/y:z@h:1080', 'x/y:z'],
    ['http://alice:Se/cr3t@', 'Se/cr3t'],
    ['//alice:Se/cr3t@h:1', 'Se/cr3t'],
    ['http://:only/pw@h:1', 'only/pw'],
  ];
  for (const [url, secret] of shapes) {
    test(`${url.replace(secret, '<secret>')}`, () => {
      const shown = redactUrl(url);
      assert.ok(!shown.includes(secret), shown);
      assert.ok(shown.includes('****'), shown);
      assert.ok(!redactCredentials(`proxy ${url} failed`).includes(secret));
    });
  }

  test('keeps what it can show: scheme, user, host and port after the last @', () => {
    assert.equal(redactUrl('http://alice:Se/cr3t@127.0.0.1:3128'), 'http://alice:****@127.0.0.1:3128');
    assert.equal(redactUrl('https://h/p@x'), 'https://h/p@x');
  });
});

describe('issue 9 item 2: diff lines hide inline-table secrets and passwords with spaces or quotes', () => {
  test('inline tables', () => {
    const lines = [
      ['query_params = { "api-key" = "QPSECRET1", model = "x" }', 'QPSECRET1'],
      ['http_headers = { "X-Auth-Key" = "HDSECRET2", "X-Org" = "org" }', 'HDSECRET2'],
      ["http_headers = { 'X-Api-Key' = 'HDSECRET3' }", 'HDSECRET3'],
      ['model_providers = { p.name = "P", p.http_headers = { "Authorization" = "AUTHSECRET4" } }', 'AUTHSECRET4'],
      ['"X-Auth-Key" = "HDSECRET5"', 'HDSECRET5'],
      ['HTTPS_PROXY="http://alice:pa ss6@127.0.0.1:3128"', 'pa ss6'],
      ["HTTPS_PROXY='http://alice:it\"s7@127.0.0.1:3128'", 'it"s7'],
      ['HTTPS_PROXY="http://alice:q\\"t8@127.0.0.1:3128"', 'q\\"t8'],
      ['HTTPS_PROXY=http://alice:Se/cr3t9@127.0.0.1:3128', 'Se/cr3t9'],
    ];
    for (const [line, secret] of lines) {
      const shown = redactLine(line!);
      assert.ok(!shown.includes(secret!), shown);
    }
    assert.equal(redactLine('http_headers = { "X-Org" = "org" }'), 'http_headers = { "X-Org" = "org" }');
    assert.equal(redactLine('name = "OpenAI"'), 'name = "OpenAI"');
  });
});

describe('urlPasswords (what the report and codex doctor output are scrubbed of)', () => {
  test('written and decoded forms; a password with an unencoded / or @ is found whole', async () => {
    const { urlPasswords } = await import('../../../electron/core/redact.ts');
    assert.deepEqual(urlPasswords('http://u:p%40ss@h:1'), ['p%40ss', 'p@ss']);
    assert.deepEqual(urlPasswords('http://u:hunter2@h:1'), ['hunter2']);
    assert.deepEqual(urlPasswords('http://alice:Se/cr3t@127.0.0.1:3128'), ['Se/cr3t']);
    assert.deepEqual(urlPasswords('http://alice:a@b/c@127.0.0.1:3128'), ['a@b/c']);
    assert.deepEqual(urlPasswords('http://127.0.0.1:3128'), []);
    assert.deepEqual(urlPasswords('not a url'), []);
  });

  test('the diagnosis collects a proxy password that holds a /', async () => {
    const { collectSecrets } = await import('../../../electron/core/diagnosis/secrets.ts');
    const setup = { proxyVars: [{ value: 'http://alice:Se/cr3t@127.0.0.1:3128' }] } as unknown as CodexSetup;
    assert.deepEqual(collectSecrets(setup), ['Se/cr3t']);
  });
});
