import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyConnectAnswer, connectRequest } from '../../../electron/core/probes/http-connect.ts';
import { parseHttpHead, type HttpHead } from '../../../electron/core/probes/http-head.ts';
import { classifyHttpAnswer, httpRequest } from '../../../electron/core/probes/https.ts';
import { proxyAuthorization, proxyEndpoint } from '../../../electron/core/probes/proxy-url.ts';
import { socksConnectRequest, socksReplyFailure } from '../../../electron/core/probes/socks5.ts';
import { targetOf } from '../../../electron/core/probes/target.ts';
import { classifyUpgradeAnswer, expectedAccept, upgradeRequest } from '../../../electron/core/probes/websocket.ts';
import { websocketHeaders } from '../../../electron/core/probes/codex-headers.ts';
import { ProbeFailure } from '../../../electron/core/probes/failure.ts';
import { connectFailure } from '../../../electron/core/probes/tcp.ts';
import { en } from '../../i18n.ts';

const head = (text: string): HttpHead => parseHttpHead(text)!;

describe('proxyEndpoint', () => {
  test('reads scheme, host, port and the decoded login', () => {
    const p = proxyEndpoint('http://us%20er:p%40ss@127.0.0.1:3128');
    assert.deepEqual([p.scheme, p.host, p.port, p.username, p.password], ['http', '127.0.0.1', 3128, 'us er', 'p@ss']);
    assert.equal(p.display, 'http://us%20er:****@127.0.0.1:3128');
  });

  test('defaults: bare host:port is http, socks ports default to 1080, IPv6 loses its brackets', () => {
    assert.equal(proxyEndpoint('127.0.0.1:7890').scheme, 'http');
    assert.equal(proxyEndpoint('socks5h://localhost').port, 1080);
    assert.equal(proxyEndpoint('socks5://[::1]:1086').host, '::1');
  });

  test('https:// and other schemes are refused as Codex refuses them', () => {
    assert.throws(
      () => proxyEndpoint('https://127.0.0.1:443'),
      (e: unknown) => e instanceof ProbeFailure && /only http/.test(en(e.detail)),
    );
    assert.throws(() => proxyEndpoint('socks4://127.0.0.1:1080'), ProbeFailure);
  });

  test('Proxy-Authorization only when the URL has a login', () => {
    assert.equal(proxyAuthorization(proxyEndpoint('http://127.0.0.1:1')), undefined);
    assert.equal(
      proxyAuthorization(proxyEndpoint('http://u:p@127.0.0.1:1')),
      `Basic ${Buffer.from('u:p').toString('base64')}`,
    );
  });
});

describe('CONNECT', () => {
  test('the request names the target twice and carries the proxy login only if the URL has one', () => {
    assert.equal(
      connectRequest(proxyEndpoint('http://127.0.0.1:3128'), 'api.lab.test', 443),
      'CONNECT api.lab.test:443 HTTP/1.1\r\nHost: api.lab.test:443\r\n\r\n',
    );
    assert.match(
      connectRequest(proxyEndpoint('http://u:p@127.0.0.1:3128'), '::1', 80),
      /^CONNECT \[::1\]:80 HTTP\/1.1\r\nHost: \[::1\]:80\r\nProxy-Authorization: Basic /,
    );
  });

  test('200 opens the tunnel, 407 wants a login, anything else denies it with evidence', () => {
    const proxy = proxyEndpoint('http://127.0.0.1:3128');
    assert.equal(classifyConnectAnswer(head('HTTP/1.1 200 Connection established\r\n\r\n'), proxy), null);
    assert.equal(
      classifyConnectAnswer(head('HTTP/1.1 407 Proxy Authentication Required\r\n\r\n'), proxy)?.kind,
      'proxy-auth-required',
    );
    const denied = classifyConnectAnswer(
      head('HTTP/1.1 403 Forbidden\r\nServer: squid/5.7\r\nX-Squid-Error: ERR_ACCESS_DENIED 0\r\n\r\n'),
      proxy,
    );
    assert.equal(denied?.kind, 'connect-denied');
    assert.match(en(denied!.detail), /403 Forbidden.*squid\/5\.7.*ERR_ACCESS_DENIED/);
    assert.equal(classifyConnectAnswer(head('HTTP/1.1 502 Bad Gateway\r\n\r\n'), proxy)?.kind, 'connect-denied');
  });
});

describe('SOCKS5', () => {
  test('reply codes map to failure kinds', () => {
    assert.equal(socksReplyFailure(0x00), null);
    assert.equal(socksReplyFailure(0x02)?.kind, 'connect-denied');
    assert.equal(socksReplyFailure(0x05)?.kind, 'tcp-refused');
    assert.equal(socksReplyFailure(0x04)?.kind, 'tcp-timeout');
    assert.equal(socksReplyFailure(0x07)?.kind, 'proxy-protocol-mismatch');
    assert.equal(socksReplyFailure(0x01)?.kind, 'error');
    assert.equal(socksReplyFailure(0x42)?.kind, 'error');
  });

  test('CONNECT by IPv4, IPv6 and by name', () => {
    assert.deepEqual([...socksConnectRequest('127.0.0.1', 443)], [5, 1, 0, 1, 127, 0, 0, 1, 1, 187]);
    const v6 = socksConnectRequest('::1', 80);
    assert.equal(v6[3], 4);
    assert.deepEqual([...v6.subarray(4, 20)], [...Array(15).fill(0), 1]);
    const byName = socksConnectRequest('api.lab.test', 8080);
    assert.deepEqual([...byName.subarray(0, 5)], [5, 1, 0, 3, 12]);
    assert.equal(byName.subarray(5, 17).toString(), 'api.lab.test');
    assert.equal(byName.readUInt16BE(17), 8080);
  });
});

describe('connect errors', () => {
  test('to the service: refused, timeout, unreachable; to a proxy: unreachable', () => {
    assert.equal(connectFailure('ECONNREFUSED', 'h:1', 'target', 1).kind, 'tcp-refused');
    assert.equal(connectFailure('ETIMEDOUT', 'h:1', 'target', 1).kind, 'tcp-timeout');
    assert.equal(connectFailure('ENETUNREACH', 'h:1', 'target', 1).kind, 'tcp-timeout');
    assert.equal(connectFailure('ECONNREFUSED', 'proxy h:1', 'proxy', 1).kind, 'proxy-unreachable');
  });
});

describe('HTTP request and answer', () => {
  test('direct requests use the path; forwarded ones the absolute URI; never an Authorization header', () => {
    const target = targetOf('http://api.lab.test:8080/v1/models');
    const direct = httpRequest(target);
    assert.match(direct, /^GET \/v1\/models HTTP\/1.1\r\nHost: api.lab.test:8080\r\n/);
    const forwarded = httpRequest(target, { forwardVia: proxyEndpoint('http://u:p@127.0.0.1:3128') });
    assert.match(forwarded, /^GET http:\/\/api.lab.test:8080\/v1\/models HTTP\/1.1\r\n/);
    assert.match(forwarded, /Proxy-Authorization: Basic/);
    assert.doesNotMatch(direct + forwarded, /^Authorization:/im);
    assert.equal(targetOf('https://api.openai.com/v1').hostHeader, 'api.openai.com');
  });

  test('any answer of the service counts, 401 and 404 included', () => {
    for (const status of [
      '200 OK',
      '401 Unauthorized',
      '403 Forbidden',
      '404 Not Found',
      '500 Internal Server Error',
    ]) {
      assert.equal(
        classifyHttpAnswer(head(`HTTP/1.1 ${status}\r\nContent-Type: application/json\r\n\r\n`), true),
        null,
        status,
      );
    }
  });

  test("a proxy's own page and a 407 are not the service", () => {
    assert.equal(
      classifyHttpAnswer(head('HTTP/1.1 407 Proxy Authentication Required\r\n\r\n'), true)?.kind,
      'proxy-auth-required',
    );
    assert.equal(
      classifyHttpAnswer(head('HTTP/1.1 503 Service Unavailable\r\nX-Squid-Error: ERR_DNS_FAIL 0\r\n\r\n'), true)?.kind,
      'proxy-error-page',
    );
  });
});

describe('WebSocket upgrade', () => {
  test('accept key as in RFC 6455', () => {
    assert.equal(expectedAccept('dGhlIHNhbXBsZSBub25jZQ=='), 's3pPLMBiTxaQ9kYGzzhZRbK+xOo=');
  });

  test("the request carries Codex's headers and never credentials", () => {
    const req = upgradeRequest(targetOf('wss://api.openai.com/v1/responses'), 'a2V5', {
      Authorization: 'Bearer sk-x',
      'X-Extra': '1',
      'openai-beta': 'custom',
    });
    assert.match(req, /^GET \/v1\/responses HTTP\/1.1\r\nHost: api.openai.com\r\n/);
    assert.match(req, /\r\nUpgrade: websocket\r\n/);
    assert.match(req, /\r\noriginator: codex_exec\r\n/);
    assert.match(req, /\r\nopenai-beta: custom\r\n/);
    assert.doesNotMatch(req, /OpenAI-Beta: responses_websockets/);
    assert.match(req, /\r\nX-Extra: 1\r\n/);
    assert.doesNotMatch(req, /authorization|sk-x/i);
  });

  test('header values with line breaks are dropped', () => {
    assert.equal(websocketHeaders({ 'X-Bad': 'a\r\nAuthorization: x' })['X-Bad'], undefined);
  });

  test('101 with the right accept is ok; a wrong accept is an error', () => {
    const key = 'dGhlIHNhbXBsZSBub25jZQ==';
    assert.equal(
      classifyUpgradeAnswer(
        head(
          `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nSec-WebSocket-Accept: ${expectedAccept(key)}\r\n\r\n`,
        ),
        key,
      ),
      null,
    );
    assert.equal(
      classifyUpgradeAnswer(
        head('HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nSec-WebSocket-Accept: nope\r\n\r\n'),
        key,
      )?.kind,
      'error',
    );
  });

  test('a refusal says who refused', () => {
    const byServer = classifyUpgradeAnswer(
      head('HTTP/1.1 403 Forbidden\r\nContent-Type: application/json\r\n\r\n'),
      'k',
      true,
    );
    assert.equal(byServer?.kind, 'refused');
    assert.equal(byServer?.data.refusedBy, 'server');
    assert.equal(byServer?.data.status, 403);
    const byProxy = classifyUpgradeAnswer(
      head('HTTP/1.1 403 Forbidden\r\nX-Squid-Error: ERR_ACCESS_DENIED 0\r\n\r\n'),
      'k',
    );
    assert.equal(byProxy?.data.refusedBy, 'proxy');
    assert.equal(classifyUpgradeAnswer(head('HTTP/1.1 426 Upgrade Required\r\n\r\n'), 'k')?.data.status, 426);
  });

  test("the service's own 401 is 'unauthenticated' without a credential, 'login-rejected' with one", () => {
    const openai401 = head(
      'HTTP/1.1 401 Unauthorized\r\nContent-Type: application/json\r\nx-request-id: req_0123abcd\r\n\r\n',
    );
    assert.equal(classifyUpgradeAnswer(openai401, 'k', false)?.kind, 'unauthenticated');
    assert.equal(classifyUpgradeAnswer(openai401, 'k', true)?.kind, 'login-rejected');
    // A bare 401 without the service's signs could be any gateway's: a refusal, not proof of the service.
    assert.equal(
      classifyUpgradeAnswer(head('HTTP/1.1 401 Unauthorized\r\nServer: nginx\r\n\r\n'), 'k', false)?.kind,
      'refused',
    );
    // A proxy's 403 stays the proxy's, credential or not.
    const squid = head('HTTP/1.1 403 Forbidden\r\nX-Squid-Error: ERR_ACCESS_DENIED 0\r\n\r\n');
    assert.equal(classifyUpgradeAnswer(squid, 'k', false)?.data.refusedBy, 'proxy');
  });
});
