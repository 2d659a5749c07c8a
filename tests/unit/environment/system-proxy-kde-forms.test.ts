import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseKioslaverc } from '../../../electron/core/environment/system-proxy-kde.ts';
import { fixture } from './helpers.ts';

describe('kioslaverc forms', () => {
  const proxy = parseKioslaverc(fixture('system-proxy/kioslaverc-reversed-ipv6-immutable.txt'));

  test('an immutable group header [Proxy Settings][$i] is the same group', () => {
    assert.equal(proxy.enabled, true);
  });

  test("KDE's spaced form with a bracketed IPv6 host", () => {
    assert.equal(proxy.http, '[::1]:7890');
    assert.equal(proxy.https, '[::1]:7890');
  });

  test('ReversedException=true: NoProxyFor lists the only hosts that use the proxy, not a bypass list', () => {
    assert.equal(proxy.bypass, undefined);
  });

  test('ReversedException=false keeps NoProxyFor as the bypass list', () => {
    const normal = parseKioslaverc(fixture('system-proxy/kioslaverc-manual-v2raya.txt'));
    assert.deepEqual(normal.bypass, ['localhost', '127.0.0.1', '::1']);
  });
});
