import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ProxyProtocol, SystemProxy } from '../../../shared/types.ts';
import { discoverLocalProxies, type SniffPort } from '../../../electron/core/environment/discover.ts';
import { readEnvironment } from '../../../electron/core/environment/index.ts';
import { closedPort } from '../../lab/ports.ts';
import { startFakeClashApi, type FakeClash } from './fake-clash-api.ts';
import { fakeRun, fixture, plant, tempRoot } from './helpers.ts';

const VERGE_DIR = 'home/eve/.local/share/io.github.clash-verge-rev.clash-verge-rev';
const servers: FakeClash[] = [];
after(() => Promise.all(servers.map((s) => s.close())));

/** A sniffer answering from a table after `delayMs`, recording what it was asked. */
function fakeSniff(table: Record<number, ProxyProtocol>, delayMs = 0): SniffPort & { asked: string[] } {
  const asked: string[] = [];
  const sniff: SniffPort = async (host, port) => {
    asked.push(`${host}:${port}`);
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    return { speaks: table[port] ?? 'closed' };
  };
  return Object.assign(sniff, { asked });
}

/** Clash Verge Rev whose generated config names the fake controller, plus a v2rayN install. */
async function machine(): Promise<{ root: string; api: FakeClash }> {
  const api = await startFakeClashApi({ secret: 'verge-test-secret-2', mixedPort: 7897, port: 7899, socksPort: 7898 });
  servers.push(api);
  const root = tempRoot('discover');
  mkdirSync(path.join(root, VERGE_DIR), { recursive: true });
  plant(root, `${VERGE_DIR}/verge.yaml`, 'apps/clash-verge-rev/verge.yaml');
  writeFileSync(
    path.join(root, VERGE_DIR, 'clash-verge.yaml'),
    fixture('apps/clash-verge-rev/clash-verge.yaml').replace('127.0.0.1:9097', api.address),
  );
  plant(root, 'home/eve/.local/share/v2rayN/guiConfigs/guiNConfig.json', 'apps/v2rayn-6-guiNConfig.json');
  return { root, api };
}

const systemProxy: SystemProxy = {
  platform: 'linux',
  enabled: true,
  http: 'localhost:7897',
  https: 'proxy.corp.example:3128',
  socks: '127.0.0.1:1086',
  source: 'gsettings',
};

describe('discoverLocalProxies', () => {
  test('unions well-known ports, app configs, the Clash API and the system proxy; sniffs loopback only', async () => {
    const { root, api } = await machine();
    const sniff = fakeSniff({
      7897: 'mixed',
      7899: 'http',
      7898: 'socks5',
      10808: 'socks5',
      1086: 'socks5',
      7890: 'mixed',
    });
    const result = await discoverLocalProxies({
      platform: 'linux',
      homedir: '/home/eve',
      env: {},
      fsRoot: root,
      sniff,
      systemProxy,
      knownControllers: [],
      timeoutMs: 300,
    });

    assert.ok(
      sniff.asked.every((a) => a.startsWith('127.0.0.1:')),
      `only loopback sniffed: ${sniff.asked.join(' ')}`,
    );
    assert.ok(!sniff.asked.some((a) => a.includes('3128')));
    assert.equal(new Set(sniff.asked).size, sniff.asked.length, 'each port sniffed once');

    const byPort = new Map(result.candidates.map((c) => [c.port, c]));
    const mixed = byPort.get(7897)!;
    assert.equal(mixed.speaks, 'mixed');
    assert.deepEqual(mixed.apps, ['Clash Verge Rev']);
    assert.deepEqual(
      [...mixed.sources].sort(),
      [
        '/home/eve/.local/share/io.github.clash-verge-rev.clash-verge-rev/verge.yaml',
        'clash-api',
        'system-proxy',
        'well-known',
      ].sort(),
    );
    assert.deepEqual(byPort.get(7899)?.sources.includes('clash-api'), true);
    assert.equal(byPort.get(1086)?.speaks, 'socks5');
    assert.deepEqual(byPort.get(1086)?.apps, ['ShadowsocksX-NG']);
    assert.equal(byPort.get(10809)?.speaks, 'closed', 'a configured port that is closed is kept');
    assert.equal(byPort.has(20170), false, 'a guessed port that is closed is dropped');
    assert.equal(byPort.get(7890)?.speaks, 'mixed');
    assert.deepEqual(byPort.get(7890)?.sources, ['well-known']);
    assert.deepEqual(result.candidates.map((c) => c.speaks).slice(0, 2), ['mixed', 'mixed'], 'working ports first');

    assert.deepEqual(
      result.apps.map((a) => a.id),
      ['clash-verge-rev', 'v2rayn'],
    );
    assert.equal(result.clashApi.length, 1);
    const info = result.clashApi[0]!;
    assert.equal(info.controller, api.address);
    assert.equal(info.reachable, true);
    assert.deepEqual(info.ports, { port: 7899, socksPort: 7898, mixedPort: 7897 });
    assert.match(info.source, /clash-verge-rev\/verge\.yaml$/);
    assert.ok(api.requests.every((r) => r.authorization === 'Bearer verge-test-secret-2'));
  });

  test('all sniffs run concurrently: well under 400 ms with 60 ms each', async () => {
    const { root } = await machine();
    const sniff = fakeSniff({ 7897: 'mixed' }, 60);
    const started = Date.now();
    await discoverLocalProxies({
      platform: 'linux',
      homedir: '/home/eve',
      env: {},
      fsRoot: root,
      sniff,
      systemProxy,
      knownControllers: [],
    });
    const elapsed = Date.now() - started;
    assert.ok(sniff.asked.length >= 15, `sniffed ${sniff.asked.length} ports`);
    assert.ok(elapsed < 400, `took ${elapsed} ms`);
  });

  test('default controllers are kept only when they answer; the default secret is tried', async () => {
    const vergeDefault = await startFakeClashApi({ secret: 'set-your-secret', mixedPort: 7897 });
    servers.push(vergeDefault);
    const nobody = await closedPort();
    const result = await discoverLocalProxies({
      platform: 'linux',
      homedir: '/nonexistent',
      env: {},
      fsRoot: tempRoot('empty'),
      sniff: fakeSniff({}),
      systemProxy: null,
      knownPorts: [],
      knownControllers: [
        {
          address: vergeDefault.address,
          appId: 'clash-verge-rev',
          app: 'Clash Verge Rev',
          defaultSecret: 'set-your-secret',
        },
        { address: `127.0.0.1:${nobody}`, appId: 'clash', app: 'Clash' },
      ],
    });
    assert.deepEqual(
      result.clashApi.map((c) => [c.controller, c.source, c.reachable]),
      [[vergeDefault.address, 'well-known', true]],
    );
    assert.deepEqual(
      result.candidates.map((c) => [c.port, c.sources.join(), c.apps.join(), c.speaks]),
      [[7897, 'clash-api', 'Clash Verge Rev', 'closed']],
    );
  });

  test('a sniffer that throws yields "unknown", not a crash', async () => {
    const result = await discoverLocalProxies({
      platform: 'linux',
      homedir: '/nonexistent',
      env: {},
      fsRoot: tempRoot('empty'),
      sniff: async () => {
        throw new Error('boom');
      },
      systemProxy: { platform: 'linux', enabled: true, http: '127.0.0.1:3128', source: 'gsettings' },
      knownPorts: [],
      knownControllers: [],
    });
    assert.deepEqual(result.candidates, [
      { host: '127.0.0.1', port: 3128, apps: [], sources: ['system-proxy'], speaks: 'unknown' },
    ]);
  });
});

describe('readEnvironment', () => {
  test('system proxy, discovery and TUN together from recorded output and a fake root', async () => {
    const { root } = await machine();
    const run = fakeRun({
      'gsettings list-recursively org.gnome.system.proxy': fixture('system-proxy/gsettings-manual-clash.txt'),
      'ip -o link': fixture('tun/linux-ip-link-meta.txt'),
      'ip -o addr': fixture('tun/linux-ip-addr-meta.txt'),
      'ip route get 1.1.1.1': fixture('tun/linux-ip-route-get-meta.txt'),
    });
    const report = await readEnvironment({
      platform: 'linux',
      env: { XDG_CURRENT_DESKTOP: 'ubuntu:GNOME' },
      homedir: '/home/eve',
      fsRoot: root,
      run,
      sniff: fakeSniff({ 7890: 'mixed', 7891: 'socks5', 7897: 'mixed' }),
      networkInterfaces: () => ({}),
      timeoutMs: 1500,
    });
    assert.equal(report.systemProxy?.http, '127.0.0.1:7890');
    assert.equal(report.tun.active, true);
    assert.equal(report.tun.routeInterface, 'Meta');
    assert.deepEqual(
      report.proxyApps.map((a) => a.id),
      ['clash-verge-rev', 'v2rayn'],
    );
    const p7891 = report.localProxies.find((c) => c.port === 7891);
    assert.deepEqual(p7891?.sources, ['system-proxy'], 'the system SOCKS port was sniffed too');
    assert.ok(report.clashApi.some((c) => c.reachable && c.ports?.mixedPort === 7897));
  });

  test('never hangs: commands and sniffs that never answer give an empty report on time', async () => {
    const never = <T>(): Promise<T> => new Promise<T>(() => {});
    const started = Date.now();
    const report = await readEnvironment({
      platform: 'darwin',
      env: {},
      homedir: '/nonexistent',
      fsRoot: tempRoot('empty'),
      run: () => never(),
      sniff: () => never(),
      networkInterfaces: () => ({}),
      timeoutMs: 300,
    });
    const elapsed = Date.now() - started;
    assert.ok(elapsed < 700, `took ${elapsed} ms`);
    assert.match(report.systemProxy?.error ?? '', /did not finish within 300 ms/);
    assert.deepEqual(report.localProxies, []);
    assert.equal(report.tun.active, false);
  });
});
