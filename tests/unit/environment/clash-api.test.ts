import { en, zh } from '../../i18n.ts';
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { queryClashApi, setClashTun } from '../../../electron/core/environment/clash-api.ts';
import { closedPort } from '../../lab/ports.ts';
import { startFakeClashApi, type FakeClash } from './fake-clash-api.ts';

const SECRET = 'local-controller-secret';
const opts = { timeoutMs: 1000 };
const servers: FakeClash[] = [];
after(() => Promise.all(servers.map((s) => s.close())));

async function fake(options: Parameters<typeof startFakeClashApi>[0]): Promise<FakeClash> {
  const server = await startFakeClashApi(options);
  servers.push(server);
  return server;
}

describe('queryClashApi', () => {
  test('mihomo: version, ports, TUN state, Bearer secret sent', async () => {
    const api = await fake({ secret: SECRET, mixedPort: 7897, socksPort: 7898, tun: true });
    const info = await queryClashApi(api.address, SECRET, { ...opts, source: 'verge.yaml' });
    assert.equal(info.reachable, true);
    assert.equal(info.version, 'v1.19.1');
    assert.deepEqual(info.ports, { mixedPort: 7897, socksPort: 7898 });
    assert.equal(info.tunEnabled, true);
    assert.equal(info.source, 'verge.yaml');
    assert.equal(info.unauthorized, undefined);
    assert.ok(api.requests.every((r) => r.authorization === `Bearer ${SECRET}`));
    assert.ok(!JSON.stringify(info).includes(SECRET), 'the secret is not in the result');
  });

  test('wrong or missing secret: 401 becomes unauthorized', async () => {
    const api = await fake({ secret: SECRET });
    const wrong = await queryClashApi(api.address, 'nope', opts);
    assert.equal(wrong.reachable, true);
    assert.equal(wrong.unauthorized, true);
    assert.equal(wrong.ports, undefined);
    assert.ok(!JSON.stringify(wrong).includes('nope'));
    const missing = await queryClashApi(api.address, undefined, opts);
    assert.equal(missing.unauthorized, true);
    assert.match(missing.error ?? '', /needs a secret/);
  });

  test('a secret with non-ASCII and special characters is sent as UTF-8 bytes (as mihomo compares it)', async () => {
    const secret = 'pässwörd-密码-🔑 $#"\'';
    const api = await fake({ secret, mixedPort: 7890 });
    const info = await queryClashApi(api.address, secret, opts);
    assert.equal(info.unauthorized, undefined, info.error);
    assert.deepEqual(info.ports, { mixedPort: 7890 });
    assert.ok(!JSON.stringify(info).includes('密码'));
  });

  test("sing-box's ports of 0 are unknown", async () => {
    const api = await fake({ flavour: 'sing-box' });
    const info = await queryClashApi(api.address, undefined, opts);
    assert.equal(info.version, 'sing-box 1.10.7');
    assert.deepEqual(info.ports, {});
    assert.equal(info.tunEnabled, false);
  });

  test('closed port: unreachable with a reason', async () => {
    const port = await closedPort();
    const info = await queryClashApi(`127.0.0.1:${port}`, SECRET, opts);
    assert.equal(info.reachable, false);
    assert.equal(info.error, 'connection refused');
  });

  test('refuses controllers off loopback without connecting', async () => {
    const info = await queryClashApi('192.0.2.10:9090', SECRET, opts);
    assert.equal(info.reachable, false);
    assert.match(info.error ?? '', /not on loopback/);
    const tun = await setClashTun('example.com:9090', SECRET, true, opts);
    assert.equal(tun.ok, false);
    assert.match(en(tun.error!), /Clash API was not called: refusing a controller that is not on loopback/);
    assert.match(zh(tun.error!), /没有调用 Clash API/);
  });

  test('wildcard address `:port` is reached on 127.0.0.1', async () => {
    const api = await fake({});
    const info = await queryClashApi(`:${api.port}`, undefined, opts);
    assert.equal(info.reachable, true);
    assert.equal(info.controller, api.address);
  });

  test('a port that is not a Clash API', async () => {
    const server = http.createServer((_req, res) => res.writeHead(404).end('nope'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const info = await queryClashApi(`127.0.0.1:${port}`, undefined, opts);
    await new Promise((resolve) => server.close(resolve));
    assert.equal(info.reachable, true);
    assert.equal(info.version, undefined);
    assert.match(info.error ?? '', /not like a Clash API/);
  });

  test('a cancelled signal stops the query', async () => {
    const api = await fake({});
    const controller = new AbortController();
    controller.abort();
    const info = await queryClashApi(api.address, undefined, { ...opts, signal: controller.signal });
    assert.equal(info.reachable, false);
    assert.equal(info.error, 'cancelled');
  });
});

describe('setClashTun', () => {
  test('turns TUN on and off, confirmed by reading /configs back', async () => {
    const api = await fake({ secret: SECRET });
    const on = await setClashTun(api.address, SECRET, true, opts);
    assert.deepEqual(on, { ok: true, tunEnabled: true });
    assert.equal(api.state.tun, true);
    const off = await setClashTun(api.address, SECRET, false, opts);
    assert.deepEqual(off, { ok: true, tunEnabled: false });
    assert.deepEqual(
      api.requests.map((r) => `${r.method} ${r.url}`),
      ['PATCH /configs', 'GET /configs', 'PATCH /configs', 'GET /configs'],
    );
  });

  test('accepted but TUN stays off: not ok, with the reason', async () => {
    const api = await fake({ tunStuck: true });
    const result = await setClashTun(api.address, undefined, true, opts);
    assert.equal(result.ok, false);
    assert.equal(result.tunEnabled, false);
    assert.match(en(result.error!), /still off/);
    assert.match(zh(result.error!), /仍然关着/);
  });

  test('wrong secret', async () => {
    const api = await fake({ secret: SECRET });
    const result = await setClashTun(api.address, 'bad', true, opts);
    assert.equal(result.ok, false);
    assert.equal(en(result.error!), 'the controller rejected the secret (401)');
    assert.equal(api.state.tun, false);
  });
});
