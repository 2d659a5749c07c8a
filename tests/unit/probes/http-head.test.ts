import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  describeBytes,
  looksLikeHttp,
  parseHttpHead,
  proxyFingerprint,
} from '../../../electron/core/probes/http-head.ts';
import { en } from '../../i18n.ts';

const head = (text: string) => {
  const parsed = parseHttpHead(text);
  assert.ok(parsed, 'should parse');
  return parsed;
};

describe('parseHttpHead', () => {
  test('reads the status line and lower-cases header names, joining repeats', () => {
    const h = head('HTTP/1.1 403 Forbidden\r\nServer: squid/5.7\r\nVia: 1.1 a\r\nvia: 1.1 b\r\n\r\n');
    assert.equal(h.status, 403);
    assert.equal(h.reason, 'Forbidden');
    assert.equal(h.statusLine, 'HTTP/1.1 403 Forbidden');
    assert.equal(h.headers['server'], 'squid/5.7');
    assert.equal(h.headers['via'], '1.1 a, 1.1 b');
  });

  test('accepts a status line without a reason and HTTP/1.0', () => {
    assert.equal(head('HTTP/1.0 200\r\n\r\n').status, 200);
  });

  test('returns null for what is not HTTP', () => {
    assert.equal(parseHttpHead(Buffer.from([0x05, 0x00])), null);
    assert.equal(parseHttpHead('SSH-2.0-OpenSSH\r\n\r\n'), null);
  });
});

describe('looksLikeHttp', () => {
  test('true for a prefix of HTTP/, false for SOCKS or TLS bytes', () => {
    assert.equal(looksLikeHttp(Buffer.from('HTTP/1.1 200')), true);
    assert.equal(looksLikeHttp(Buffer.from('HT')), true);
    assert.equal(looksLikeHttp(Buffer.from([0x05, 0xff])), false);
    assert.equal(looksLikeHttp(Buffer.from([0x16, 0x03, 0x01])), false);
    assert.equal(looksLikeHttp(Buffer.alloc(0)), false);
  });
});

describe('proxyFingerprint', () => {
  test("squid's error header marks any answer as the proxy's own", () => {
    assert.match(
      en(proxyFingerprint(head('HTTP/1.1 503 Service Unavailable\r\nX-Squid-Error: ERR_CONNECT_FAIL 111\r\n\r\n'))!),
      /X-Squid-Error/,
    );
  });

  test('407 and Proxy-Status are proxies', () => {
    assert.ok(proxyFingerprint(head('HTTP/1.1 407 Proxy Authentication Required\r\n\r\n')));
    assert.ok(proxyFingerprint(head('HTTP/1.1 502 Bad Gateway\r\nProxy-Status: gw; error=connection_refused\r\n\r\n')));
  });

  test('a 403 with Via and none of the service headers is a gateway page', () => {
    assert.ok(proxyFingerprint(head('HTTP/1.1 403 Forbidden\r\nVia: 1.1 corp-gw\r\nContent-Type: text/html\r\n\r\n')));
  });

  test('a block page from a known filter product is recognised by Server', () => {
    assert.ok(proxyFingerprint(head('HTTP/1.1 403 Forbidden\r\nServer: Zscaler/6.2\r\n\r\n')));
  });

  test("the service's own answers are not proxy pages, even when a proxy passed them on", () => {
    assert.equal(
      proxyFingerprint(head('HTTP/1.1 401 Unauthorized\r\nContent-Type: application/json\r\nVia: 1.1 squid\r\n\r\n')),
      null,
    );
    assert.equal(proxyFingerprint(head('HTTP/1.1 403 Forbidden\r\nVia: 1.1 x\r\nx-request-id: req_1\r\n\r\n')), null);
    assert.equal(proxyFingerprint(head('HTTP/1.1 403 Forbidden\r\nContent-Type: application/json\r\n\r\n')), null);
    assert.equal(proxyFingerprint(head('HTTP/1.1 404 Not Found\r\nVia: 1.1 x\r\n\r\n')), null);
    assert.equal(proxyFingerprint(head('HTTP/1.1 403 Forbidden\r\nServer: nginx\r\n\r\n')), null);
  });
});

describe('describeBytes', () => {
  test('prints text as text and binary as hex', () => {
    assert.equal(describeBytes(Buffer.from('HTTP/1.1')), '"HTTP/1.1"');
    assert.equal(describeBytes(Buffer.from([0x05, 0x00])), '0x0500');
  });
});
