import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { redactCredentials, redactText, redactUrl } from '../../../electron/core/redact.ts';

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
    assert.equal(redactUrl('https://h/p?api_key=abc&model=x&token=t1&Password=z'), 'https://h/p?api_key=****&model=x&token=****&Password=****');
    assert.equal(redactUrl('https://h/p?secret=1'), 'https://h/p?secret=****');
  });

  test('a password-only URL and an unparsable one are masked too', () => {
    assert.equal(redactUrl('http://:pw@h:1'), 'http://:****@h:1');
    assert.equal(redactUrl('http://user:hunter2@exa mple:1'), 'http://user:****@exa mple:1');
    assert.ok(!redactUrl('http://u:topsecret@host:99').includes('topsecret'));
  });
});

describe('redactText', () => {
  test('removes every secret and its URL-encoded form', () => {
    const out = redactText('proxy http://u:p@ss w0rd@h failed; again http://u:p%40ss%20w0rd@h', ['p@ss w0rd']);
    assert.ok(!out.includes('p@ss w0rd'));
    assert.ok(!out.includes('p%40ss%20w0rd'));
    assert.equal(out.split('****').length - 1, 2);
  });

  test('masks the longest secret whole when one contains another', () => {
    assert.equal(redactText('key=abcdef', ['abc', 'abcdef']), 'key=****');
  });

  test('ignores empty secrets', () => {
    assert.equal(redactText('nothing here', ['']), 'nothing here');
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
