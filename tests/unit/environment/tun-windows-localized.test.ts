import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseIpconfigAll, parseRoutePrint, routeFor } from '../../../electron/core/environment/tun-windows.ts';
import { fixture } from './helpers.ts';

describe('route print -4 in other languages', () => {
  test('German (Aktive Routen, Auf Verbindung): the routes are read and the default goes to the TUN', () => {
    const routes = parseRoutePrint(fixture('tun/windows-route-print-de-mihomo.txt'));
    const english = parseRoutePrint(fixture('tun/windows-route-print-mihomo.txt'));
    assert.equal(routes.length, english.length);
    assert.equal(routeFor(routes, '1.1.1.1')?.interfaceAddress, '198.18.0.1');
  });
});

describe('ipconfig /all in other languages', () => {
  test('French (Carte inconnue Mihomo :): the TUN adapter keeps its name', () => {
    const adapters = parseIpconfigAll(fixture('tun/windows-ipconfig-fr-mihomo.txt'));
    const tun = adapters.find((a) => a.name === 'Mihomo');
    assert.ok(tun, adapters.map((a) => a.name).join(', '));
    assert.deepEqual(tun.addresses, ['198.18.0.1']);
  });
});
