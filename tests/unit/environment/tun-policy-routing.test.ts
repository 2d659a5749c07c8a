import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { detectTun } from '../../../electron/core/environment/tun.ts';
import { parseIpRouteGet } from '../../../electron/core/environment/tun-linux.ts';
import { fakeRun, fixture } from './helpers.ts';
import { enAll } from '../../i18n.ts';

function linuxRun(name: string) {
  return fakeRun({
    'ip -o link': fixture(`tun/linux-ip-link-${name}.txt`),
    'ip -o addr': fixture(`tun/linux-ip-addr-${name}.txt`),
    'ip route get 1.1.1.1': fixture(`tun/linux-ip-route-get-${name}.txt`),
  });
}

describe('Linux policy routing (auto-route tables)', () => {
  test('ip route get: the table field is read, whatever the field order', () => {
    assert.deepEqual(parseIpRouteGet(fixture('tun/linux-ip-route-get-singbox-default.txt')), {
      interface: 'tun0',
      table: '2022',
      source: '172.19.0.1',
    });
    assert.deepEqual(parseIpRouteGet('1.1.1.1 table 2022 dev Meta src 198.18.0.1 uid 0\n'), {
      interface: 'Meta',
      table: '2022',
      source: '198.18.0.1',
    });
  });

  test('sing-box with its documented default address (172.19.0.1/30) on tun0, routed through table 2022: active', async () => {
    const tun = await detectTun({ platform: 'linux', run: linuxRun('singbox-default'), networkInterfaces: () => ({}) });
    assert.equal(tun.active, true);
    assert.equal(tun.routeInterface, 'tun0');
    assert.match(enAll(tun.evidence).join('\n'), /table 2022/);
  });

  test("wg-quick (wg0, table 51820) is a VPN, not a proxy app's TUN", async () => {
    const tun = await detectTun({ platform: 'linux', run: linuxRun('wireguard'), networkInterfaces: () => ({}) });
    assert.equal(tun.active, false);
    assert.deepEqual(tun.interfaces, []);
  });

  test('OpenVPN tun0 in the main table stays not active', async () => {
    const run = fakeRun({
      'ip -o link': fixture('tun/linux-ip-link-openvpn.txt'),
      'ip -o addr': fixture('tun/linux-ip-addr-openvpn.txt'),
      'ip route get 1.1.1.1': fixture('tun/linux-ip-route-get-openvpn.txt'),
    });
    const tun = await detectTun({ platform: 'linux', run, networkInterfaces: () => ({}) });
    assert.equal(tun.active, false);
  });
});
