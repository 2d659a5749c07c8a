// The probes' details are messages: the English reads as it always did, the Chinese is a full
// translation (no id left, no "[object Object]" from a nested message), and raw data (a status line,
// a header, an address) stays as it came.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyConnectAnswer } from '../../../electron/core/probes/http-connect.ts';
import { parseHttpHead, type HttpHead } from '../../../electron/core/probes/http-head.ts';
import { classifyHttpAnswer } from '../../../electron/core/probes/https.ts';
import { proxyEndpoint } from '../../../electron/core/probes/proxy-url.ts';
import { socksReplyFailure } from '../../../electron/core/probes/socks5.ts';
import { connectFailure } from '../../../electron/core/probes/tcp.ts';
import { classifyUpgradeAnswer } from '../../../electron/core/probes/websocket.ts';
import { interpretHttpReply, interpretSocksReply } from '../../../electron/core/probes/sniff.ts';
import { decideTun } from '../../../electron/core/environment/tun.ts';
import { msg, type Message } from '../../../shared/i18n/message.ts';
import { en, zh } from '../../i18n.ts';

const head = (text: string): HttpHead => parseHttpHead(text)!;

function assertTranslated(m: Message): void {
  for (const text of [en(m), zh(m)]) {
    assert.doesNotMatch(text, /\[object Object\]|\bprobes\.|\bsetup\./, text);
    assert.ok(text.trim().length > 0);
  }
  assert.notEqual(zh(m), en(m), `no Chinese for ${m.id}`);
}

describe('probe details as messages', () => {
  test('the English is what it was', () => {
    const proxy = proxyEndpoint('http://127.0.0.1:3128');
    const denied = classifyConnectAnswer(
      head('HTTP/1.1 403 Forbidden\r\nServer: squid/5.7\r\nX-Squid-Error: ERR_ACCESS_DENIED 0\r\n\r\n'),
      proxy,
    )!;
    assert.equal(
      en(denied.detail),
      'the proxy refused the tunnel: HTTP/1.1 403 Forbidden (Server: squid/5.7), X-Squid-Error: ERR_ACCESS_DENIED 0',
    );
    assert.equal(
      en(classifyConnectAnswer(head('HTTP/1.1 407 Proxy Authentication Required\r\n\r\n'), proxy)!.detail),
      'the proxy wants a login and the proxy URL carries none: HTTP/1.1 407 Proxy Authentication Required',
    );
    assert.equal(
      en(socksReplyFailure(0x02)!.detail),
      'the SOCKS5 proxy answered 0x02: connection not allowed by the proxy’s rules',
    );
    assert.equal(en(socksReplyFailure(0x42)!.detail), 'the SOCKS5 proxy answered 0x42: unknown reply code 0x42');
    assert.equal(
      en(connectFailure('ECONNREFUSED', msg('probes.tcp.proxy', { address: '127.0.0.1:9' }), 'proxy', 3).detail),
      'cannot connect to the proxy 127.0.0.1:9: nothing listens there',
    );
    assert.equal(en(connectFailure('ETIMEDOUT', 'h:1', 'target', 1500).detail), 'no answer from h:1 in 1500 ms');
    const page = classifyHttpAnswer(
      head('HTTP/1.1 503 Service Unavailable\r\nX-Squid-Error: ERR_CONNECT_FAIL 111\r\n\r\n'),
      true,
    )!;
    assert.equal(
      en(page.detail),
      "the answer is a proxy's or firewall's own page, not the service's: HTTP/1.1 503 Service Unavailable (X-Squid-Error: ERR_CONNECT_FAIL 111)",
    );
    const byProxy = classifyUpgradeAnswer(head('HTTP/1.1 403 Forbidden\r\nVia: 1.1 corp-gw\r\n\r\n'), 'k')!;
    assert.equal(
      en(byProxy.detail),
      "the upgrade was refused by the proxy: HTTP/1.1 403 Forbidden (403 with Via: 1.1 corp-gw and none of the service's headers)",
    );
    assert.equal(en(interpretSocksReply(Buffer.from([5, 2])).note), 'SOCKS5 (username/password login)');
    assert.equal(
      en(interpretHttpReply(Buffer.from('HTTP/1.1 400 Bad Request\r\nServer: squid\r\n\r\n')).note),
      'HTTP (HTTP/1.1 400 Bad Request, Server: squid)',
    );
  });

  test('every failure reads in Chinese, raw data kept', () => {
    const proxy = proxyEndpoint('http://u:p@127.0.0.1:3128');
    const failures = [
      classifyConnectAnswer(head('HTTP/1.1 407 Proxy Authentication Required\r\nServer: squid\r\n\r\n'), proxy)!,
      classifyConnectAnswer(head('HTTP/1.1 502 Bad Gateway\r\nVia: 1.1 gw\r\n\r\n'), proxy)!,
      classifyHttpAnswer(head('HTTP/1.1 401 Unauthorized\r\nContent-Type: application/json\r\n\r\n'), false, true)!,
      classifyUpgradeAnswer(head('HTTP/1.1 401 Unauthorized\r\nx-request-id: r\r\n\r\n'), 'k', false)!,
      classifyUpgradeAnswer(head('HTTP/1.1 403 Forbidden\r\n\r\n'), 'k')!,
      ...[1, 2, 3, 4, 5, 6, 7, 8, 0x42].map((code) => socksReplyFailure(code)!),
      ...['ECONNREFUSED', 'ETIMEDOUT', 'EHOSTUNREACH', 'ECONNRESET', 'EWHAT'].map((code) =>
        connectFailure(code, 'h:1', 'target', 9),
      ),
      connectFailure('ETIMEDOUT', msg('probes.tcp.proxy', { address: 'p:1' }), 'proxy', 9),
    ];
    for (const f of failures) assertTranslated(f.detail);
    const denied = classifyConnectAnswer(head('HTTP/1.1 502 Bad Gateway\r\nVia: 1.1 gw\r\n\r\n'), proxy)!;
    assert.match(zh(denied.detail), /HTTP\/1\.1 502 Bad Gateway, Via: 1\.1 gw$/);
    assert.equal(
      zh(connectFailure('ETIMEDOUT', msg('probes.tcp.proxy', { address: 'p:1' }), 'proxy', 9).detail),
      '无法连接到代理 p:1：9 毫秒内没有响应',
    );
  });

  test('TUN evidence in both languages', () => {
    const tun = decideTun(
      [{ name: 'utun5', up: true, addresses: ['198.18.0.1'] }],
      { interface: 'utun5', gateway: '198.18.0.1', table: '2022' },
      ['198.18.0.7'],
    );
    assert.equal(
      en(tun.evidence[0]!),
      'the route to 1.1.1.1 goes through utun5 via 198.18.0.1 in routing table 2022, the one mihomo and sing-box auto-route use (198.18.0.1 is in 198.18.0.0/15)',
    );
    for (const e of tun.evidence) assertTranslated(e);
  });
});
