import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { detectTun, decideTun } from '../../../electron/core/environment/tun.ts';
import { parseIpLink, parseIpAddr, parseIpRouteGet } from '../../../electron/core/environment/tun-linux.ts';
import { parseIfconfig, parseRouteGet } from '../../../electron/core/environment/tun-macos.ts';
import { parseIpconfigAll, parseRoutePrint, routeFor } from '../../../electron/core/environment/tun-windows.ts';
import { fakeRun, fixture } from './helpers.ts';
import { enAll } from '../../i18n.ts';

const noInterfaces = () => ({});

function linuxRun(name: string, routeName = name) {
  return fakeRun({
    'ip -o link': fixture(`tun/linux-ip-link-${name}.txt`),
    'ip -o addr': fixture(`tun/linux-ip-addr-${name}.txt`),
    'ip route get 1.1.1.1': fixture(`tun/linux-ip-route-get-${routeName}.txt`),
  });
}

function macRun(ifconfig: string, route: string) {
  return fakeRun({
    ifconfig: fixture(`tun/macos-ifconfig-${ifconfig}.txt`),
    'route -n get 1.1.1.1': fixture(`tun/macos-route-get-${route}.txt`),
  });
}

function windowsRun(ipconfig: string, route: string) {
  return fakeRun({
    'ipconfig /all': fixture(`tun/windows-ipconfig-${ipconfig}.txt`),
    'route print -4': fixture(`tun/windows-route-print-${route}.txt`),
  });
}

describe('Linux parsers', () => {
  test('ip -o link: names without @peer, UP flag', () => {
    const links = parseIpLink(fixture('tun/linux-ip-link-meta.txt'));
    assert.deepEqual(
      links.map((l) => `${l.name}:${l.up}`),
      ['lo:true', 'enp3s0:true', 'wlp4s0:false', 'docker0:true', 'veth3f2a1b0:true', 'Meta:true'],
    );
  });
  test('ip -o addr', () => {
    const addrs = parseIpAddr(fixture('tun/linux-ip-addr-meta.txt'));
    assert.deepEqual(addrs.get('Meta'), ['198.18.0.1', 'fdfe:dcba:9876::1']);
    assert.deepEqual(addrs.get('enp3s0'), ['192.168.1.23', 'fe80::1c2d:3e4f:5a6b:7c8d']);
  });
  test('ip route get: dev, via, src', () => {
    assert.deepEqual(parseIpRouteGet(fixture('tun/linux-ip-route-get-meta.txt')), {
      interface: 'Meta',
      table: '2022',
      source: '198.18.0.1',
    });
    assert.deepEqual(parseIpRouteGet(fixture('tun/linux-ip-route-get-plain.txt')), {
      interface: 'enp3s0',
      gateway: '192.168.1.1',
      source: '192.168.1.23',
    });
  });
});

describe('macOS parsers', () => {
  test('ifconfig: utun addresses', () => {
    const ifaces = parseIfconfig(fixture('tun/macos-ifconfig-verge-tun.txt'));
    assert.deepEqual(
      ifaces.map((i) => i.name),
      ['lo0', 'gif0', 'stf0', 'en0', 'awdl0', 'utun0', 'utun1', 'utun1024'],
    );
    assert.deepEqual(ifaces.find((i) => i.name === 'utun1024')?.addresses, ['198.18.0.1']);
    assert.equal(ifaces.find((i) => i.name === 'gif0')?.up, false);
  });
  test('route -n get', () => {
    assert.deepEqual(parseRouteGet(fixture('tun/macos-route-get-plain.txt')), {
      interface: 'en0',
      gateway: '192.168.1.1',
    });
    assert.deepEqual(parseRouteGet(fixture('tun/macos-route-get-verge-tun.txt')), { interface: 'utun1024' });
  });
});

describe('Windows parsers', () => {
  test('ipconfig /all: adapters, IPv4 addresses only, media state', () => {
    const adapters = parseIpconfigAll(fixture('tun/windows-ipconfig-mihomo.txt'));
    assert.deepEqual(
      adapters.map((a) => [a.name, a.up, a.addresses.join()]),
      [
        ['Mihomo', true, '198.18.0.1'],
        ['Ethernet', true, '192.168.1.100'],
        ['Wi-Fi', false, ''],
      ],
    );
    assert.equal(adapters[0]!.description, 'Mihomo Tunnel');
  });
  test('ipconfig /all in Chinese', () => {
    const adapters = parseIpconfigAll(fixture('tun/windows-ipconfig-zh-singbox.txt'));
    assert.deepEqual(
      adapters.map((a) => [a.name, a.addresses.join()]),
      [
        ['singbox_tun', '172.18.0.1'],
        ['WLAN', '192.168.31.57'],
      ],
    );
  });
  test('route print: active routes only; longest prefix, then lowest metric', () => {
    const routes = parseRoutePrint(fixture('tun/windows-route-print-plain.txt'));
    assert.equal(routes.length, 3, 'the persistent route is not active');
    const mihomo = routeFor(parseRoutePrint(fixture('tun/windows-route-print-mihomo.txt')), '1.1.1.1');
    assert.deepEqual([mihomo?.gateway, mihomo?.interfaceAddress, mihomo?.metric], ['198.18.0.2', '198.18.0.1', 0]);
    const singbox = routeFor(parseRoutePrint(fixture('tun/windows-route-print-singbox.txt')), '1.1.1.1');
    assert.deepEqual([singbox?.mask, singbox?.interfaceAddress], ['128.0.0.0', '172.18.0.1']);
    const high = routeFor(parseRoutePrint(fixture('tun/windows-route-print-singbox.txt')), '200.1.1.1');
    assert.equal(high?.destination, '128.0.0.0');
  });
});

describe('detectTun', () => {
  test('Linux, mihomo TUN (Meta, table 2022): active', async () => {
    const tun = await detectTun({ platform: 'linux', run: linuxRun('meta'), networkInterfaces: noInterfaces });
    assert.equal(tun.active, true);
    assert.deepEqual(tun.interfaces, ['Meta']);
    assert.equal(tun.routeInterface, 'Meta');
    assert.ok(enAll(tun.evidence).some((e) => e.includes('route to 1.1.1.1 goes through Meta')));
  });

  test('Linux without TUN', async () => {
    const tun = await detectTun({ platform: 'linux', run: linuxRun('plain'), networkInterfaces: noInterfaces });
    assert.deepEqual(tun, { active: false, interfaces: [], routeInterface: 'enp3s0', evidence: [] });
  });

  test('Linux, OpenVPN tun0 carrying the route: not a proxy TUN', async () => {
    const tun = await detectTun({ platform: 'linux', run: linuxRun('openvpn'), networkInterfaces: noInterfaces });
    assert.equal(tun.active, false);
    assert.deepEqual(tun.interfaces, ['tun0']);
    assert.match(enAll(tun.evidence).join('\n'), /not a known proxy TUN/);
  });

  test('Linux, sing-box tun0 with a 198.18 source: active', async () => {
    const tun = await detectTun({
      platform: 'linux',
      run: linuxRun('openvpn', 'singbox-tun0'),
      networkInterfaces: noInterfaces,
    });
    assert.equal(tun.active, true);
    assert.equal(tun.routeInterface, 'tun0');
  });

  test('macOS, Clash Verge Rev utun1024 beside system utuns: active, system utuns listed but not decisive', async () => {
    const tun = await detectTun({
      platform: 'darwin',
      run: macRun('verge-tun', 'verge-tun'),
      networkInterfaces: noInterfaces,
    });
    assert.equal(tun.active, true);
    assert.deepEqual(tun.interfaces, ['utun0', 'utun1', 'utun1024']);
    assert.equal(tun.routeInterface, 'utun1024');
  });

  test('macOS, mihomo on utun5 with a 198.18 gateway: active', async () => {
    const tun = await detectTun({
      platform: 'darwin',
      run: macRun('mihomo-utun5', 'mihomo-utun5'),
      networkInterfaces: noInterfaces,
    });
    assert.equal(tun.active, true);
    assert.match(enAll(tun.evidence).join('\n'), /utun5 via 198\.18\.0\.1/);
  });

  test('macOS, a VPN on utun4: not active', async () => {
    const tun = await detectTun({ platform: 'darwin', run: macRun('vpn', 'vpn'), networkInterfaces: noInterfaces });
    assert.equal(tun.active, false);
    assert.equal(tun.routeInterface, 'utun4');
  });

  test('macOS, no TUN: iCloud utuns alone do not count', async () => {
    const tun = await detectTun({ platform: 'darwin', run: macRun('vpn', 'plain'), networkInterfaces: noInterfaces });
    assert.equal(tun.active, false);
    assert.equal(tun.routeInterface, 'en0');
  });

  test('Windows, Mihomo adapter and a 0.0.0.0 route through it: active', async () => {
    const tun = await detectTun({
      platform: 'win32',
      run: windowsRun('mihomo', 'mihomo'),
      networkInterfaces: noInterfaces,
    });
    assert.equal(tun.active, true);
    assert.equal(tun.routeInterface, 'Mihomo');
    assert.deepEqual(tun.interfaces, ['Mihomo']);
  });

  test('Windows, disconnected Clash adapter and a normal route: not active', async () => {
    const tun = await detectTun({
      platform: 'win32',
      run: windowsRun('plain', 'plain'),
      networkInterfaces: noInterfaces,
    });
    assert.equal(tun.active, false);
    assert.deepEqual(tun.interfaces, []);
    assert.equal(tun.routeInterface, 'Ethernet');
  });

  test('Windows, v2rayN sing-box split routes through singbox_tun: active', async () => {
    const tun = await detectTun({
      platform: 'win32',
      run: windowsRun('zh-singbox', 'singbox'),
      networkInterfaces: noInterfaces,
    });
    assert.equal(tun.active, true);
    assert.equal(tun.routeInterface, 'singbox_tun');
  });

  test('os.networkInterfaces adds names the commands missed; fake-ip DNS answer is reported', async () => {
    const tun = await detectTun({
      platform: 'linux',
      run: fakeRun({}),
      networkInterfaces: () => ({
        lo: [
          {
            address: '127.0.0.1',
            netmask: '255.0.0.0',
            family: 'IPv4',
            mac: '00:00:00:00:00:00',
            internal: true,
            cidr: '127.0.0.1/8',
          },
        ],
        Mihomo: [
          {
            address: '198.18.0.1',
            netmask: '255.255.255.252',
            family: 'IPv4',
            mac: '00:00:00:00:00:00',
            internal: false,
            cidr: '198.18.0.1/30',
          },
        ],
      }),
      resolveFakeIp: async () => ['198.18.0.42'],
    });
    assert.equal(tun.active, true);
    assert.deepEqual(tun.interfaces, ['Mihomo']);
    assert.equal(tun.fakeIp, '198.18.0.42');
  });

  test('fake-ip answer without TUN is evidence, not activity', () => {
    const tun = decideTun([{ name: 'en0', up: true, addresses: ['192.168.1.2'] }], { interface: 'en0' }, [
      '198.19.3.4',
    ]);
    assert.equal(tun.active, false);
    assert.equal(tun.fakeIp, '198.19.3.4');
    assert.match(enAll(tun.evidence).join('\n'), /TUN is off/);
  });

  test('every command missing: inactive, no throw', async () => {
    const tun = await detectTun({
      platform: 'darwin',
      run: fakeRun({}),
      networkInterfaces: () => {
        throw new Error('boom');
      },
    });
    assert.deepEqual(tun, { active: false, interfaces: [], evidence: [] });
  });
});
