import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { isFakeIp, mergeAnswers } from '../../../electron/core/probes/dns.ts';
import { combineObservations, interpretHttpReply, interpretSocksReply } from '../../../electron/core/probes/sniff.ts';
import { reachabilityUrlFor, websocketUrlFor } from '../../../electron/core/probes/route.ts';
import { msg } from '../../../shared/i18n/message.ts';

describe('fake-ip', () => {
  test('198.18.0.0/15 only', () => {
    assert.equal(isFakeIp('198.18.0.1'), true);
    assert.equal(isFakeIp('198.19.255.254'), true);
    assert.equal(isFakeIp('198.20.0.1'), false);
    assert.equal(isFakeIp('198.17.0.1'), false);
    assert.equal(isFakeIp('::1'), false);
  });

  test('merged answers keep both sources and flag a fake-ip', () => {
    const answer = mergeAnswers(
      [
        { address: '198.18.0.7', family: 4 },
        { address: '::1', family: 6 },
      ],
      [
        { status: 'fulfilled', value: ['198.18.0.7', '1.2.3.4'] },
        { status: 'rejected', reason: new Error('x') },
      ],
    );
    assert.deepEqual(answer, { a: ['198.18.0.7', '1.2.3.4'], aaaa: ['::1'], fakeIp: '198.18.0.7' });
    assert.equal(mergeAnswers([{ address: '127.0.0.1', family: 4 }], null).fakeIp, undefined);
  });
});

describe('proxy sniffing verdicts', () => {
  test('a SOCKS5 method choice means socks5, whatever the method', () => {
    for (const method of [0x00, 0x02, 0xff])
      assert.equal(interpretSocksReply(Buffer.from([5, method])).protocol, 'socks5');
    assert.equal(interpretSocksReply(Buffer.from([4, 0])).protocol, undefined);
    assert.equal(interpretSocksReply(Buffer.from('HTTP/1.1 400 Bad')).protocol, 'http');
  });

  test('any HTTP status line means http', () => {
    assert.equal(
      interpretHttpReply(Buffer.from('HTTP/1.1 501 Not Implemented\r\nServer: squid\r\n\r\n')).protocol,
      'http',
    );
    assert.equal(interpretHttpReply(Buffer.from('garbage\r\n\r\n')).protocol, undefined);
  });

  test('combining: both is mixed, refused twice is closed, nothing is unknown', () => {
    const note = msg('probes.cancelled');
    assert.equal(combineObservations({ protocol: 'socks5', note }, { protocol: 'http', note }), 'mixed');
    assert.equal(combineObservations({ protocol: 'socks5', note }, { note }), 'socks5');
    assert.equal(combineObservations({ note }, { protocol: 'http', note }), 'http');
    assert.equal(combineObservations({ refused: true, note }, { refused: true, note }), 'closed');
    assert.equal(combineObservations({ note }, { note }), 'unknown');
  });
});

describe('endpoint URLs', () => {
  test("Codex's WebSocket URL is <base_url>/responses with ws or wss", () => {
    assert.equal(websocketUrlFor('https://api.openai.com/v1'), 'wss://api.openai.com/v1/responses');
    assert.equal(websocketUrlFor('http://127.0.0.1:8080/v1/'), 'ws://127.0.0.1:8080/v1/responses');
    assert.equal(
      websocketUrlFor('https://chatgpt.com/backend-api/codex'),
      'wss://chatgpt.com/backend-api/codex/responses',
    );
    assert.equal(reachabilityUrlFor('https://api.openai.com/v1/'), 'https://api.openai.com/v1/models');
  });
});
