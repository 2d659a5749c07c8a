import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseClashConfig, clashPorts } from '../../../electron/core/environment/apps/clash-config.ts';
import { parseVergeConfig, vergePorts } from '../../../electron/core/environment/apps/clash-verge.ts';
import { parseV2raynConfig } from '../../../electron/core/environment/apps/v2rayn.ts';
import { parseV2rayCoreConfig } from '../../../electron/core/environment/apps/v2ray-config.ts';
import { parseSingBoxConfig } from '../../../electron/core/environment/apps/sing-box.ts';
import { fixture } from './helpers.ts';

describe('Clash / mihomo config.yaml', () => {
  test('mihomo profile: mixed port, wildcard controller, secret, TUN on, anchors', () => {
    const config = parseClashConfig(fixture('apps/mihomo-config.yaml'));
    assert.equal(config.error, undefined);
    assert.equal(config.mixedPort, 7890);
    assert.equal(config.port, undefined);
    assert.equal(config.externalController, '0.0.0.0:9090');
    assert.equal(config.secret, 'mihomo-test-secret-1');
    assert.equal(config.tunEnabled, true);
    assert.equal(config.tunDevice, 'Meta');
    assert.deepEqual(clashPorts(config), [7890]);
  });

  test('Clash for Windows: separate HTTP and SOCKS ports, empty secret', () => {
    const config = parseClashConfig(fixture('apps/clash-for-windows-config.yaml'));
    assert.deepEqual(clashPorts(config), [7890, 7891]);
    assert.equal(config.secret, undefined);
    assert.equal(config.tunEnabled, undefined);
  });

  test('a broken file is an error, not a throw', () => {
    const config = parseClashConfig(fixture('apps/broken-config.yaml'));
    assert.match(config.error ?? '', /^YAML: /);
    assert.equal(parseClashConfig('').error, undefined);
    assert.match(parseClashConfig('- just\n- a list\n').error ?? '', /mapping/);
  });

  test('the secret is taken as mihomo reads it into a string: leading zeros, quotes with spaces, # inside', () => {
    assert.equal(parseClashConfig('secret: 0123\n').secret, '0123');
    assert.equal(parseClashConfig('secret: 1e3\n').secret, '1e3');
    assert.equal(parseClashConfig('secret: " a b "\n').secret, ' a b ');
    assert.equal(parseClashConfig("secret: 'it''s#1' # note\n").secret, "it's#1");
    assert.equal(parseClashConfig('secret: p@ss#w0rd # note\n').secret, 'p@ss#w0rd');
    assert.equal(parseClashConfig('secret:\n').secret, undefined);
    assert.equal(parseClashConfig('secret: ""\n').secret, undefined);
  });

  test('port 0 means off; string ports are accepted', () => {
    const config = parseClashConfig('port: 0\nsocks-port: "7891"\nmixed-port: 70000\n');
    assert.deepEqual(clashPorts(config), [7891]);
  });
});

describe('Clash Verge Rev verge.yaml', () => {
  test('mixed always, SOCKS when enabled, HTTP when enabled', () => {
    const config = parseVergeConfig(fixture('apps/clash-verge-rev/verge.yaml'));
    assert.equal(config.mixedPort, 7897);
    assert.equal(config.socksEnabled, true);
    assert.equal(config.httpEnabled, false);
    assert.equal(config.tunEnabled, false);
    assert.equal(config.systemProxyEnabled, true);
    assert.deepEqual(vergePorts(config), [7897, 7898]);
  });

  test('defaults when keys are missing; custom ports', () => {
    assert.deepEqual(vergePorts(parseVergeConfig('theme_mode: dark\n')), [7897]);
    const custom = parseVergeConfig(
      'verge_mixed_port: 17890\nverge_port: 17891\nverge_http_enabled: true\nenable_tun_mode: true\n',
    );
    assert.deepEqual(vergePorts(custom), [17890, 17891]);
    assert.equal(custom.tunEnabled, true);
  });
});

describe('v2rayN guiNConfig.json', () => {
  test('6.x: camelCase keys behind a BOM; SOCKS port and the HTTP port after it', () => {
    const config = parseV2raynConfig(fixture('apps/v2rayn-6-guiNConfig.json'));
    assert.equal(config.error, undefined);
    assert.equal(config.localPort, 10808);
    assert.deepEqual(config.ports, [10808, 10809]);
    assert.equal(config.tunEnabled, false);
    assert.equal(config.allowLan, false);
  });

  test('7.x: PascalCase keys, TUN on', () => {
    const config = parseV2raynConfig(fixture('apps/v2rayn-7-guiNConfig.json'));
    assert.equal(config.localPort, 10808);
    assert.equal(config.tunEnabled, true);
  });

  test('not JSON', () => {
    const config = parseV2raynConfig('{ "inbound": [');
    assert.match(config.error ?? '', /^JSON: /);
    assert.deepEqual(config.ports, []);
  });
});

describe('v2ray core config (v2rayA)', () => {
  test('http/socks inbounds only, with their listen address', () => {
    const config = parseV2rayCoreConfig(fixture('apps/v2raya-config.json'));
    assert.deepEqual(
      config.inbounds.map((i) => `${i.protocol}:${i.port}@${i.listen}`),
      [
        'socks:20170@0.0.0.0',
        'http:20171@0.0.0.0',
        'socks:20172@0.0.0.0',
        'http:20173@0.0.0.0',
        'http:20174@192.168.1.20',
      ],
    );
  });
});

describe('sing-box config.json', () => {
  test('mixed/http inbounds, tun inbound, Clash API (comments and trailing commas tolerated)', () => {
    const config = parseSingBoxConfig(fixture('apps/sing-box-config.json'));
    assert.equal(config.error, undefined);
    assert.deepEqual(
      config.inbounds.map((i) => [i.protocol, i.port, i.listen]),
      [
        ['mixed', 2080, '127.0.0.1'],
        ['http', 2081, '::'],
      ],
    );
    assert.equal(config.tunConfigured, true);
    assert.equal(config.tunInterface, 'singbox_tun');
    assert.deepEqual(config.clashApi, { controller: '127.0.0.1:9090', secret: 'singbox-test-secret-3' });
  });

  test('a comma before } inside a string is kept when comments are stripped', () => {
    const text = [
      '{',
      '  // a comment makes the strict parse fail',
      '  "inbounds": [{ "type": "mixed", "listen": "127.0.0.1", "listen_port": 2080, "tag": "a, }" },],',
      '  "experimental": { "clash_api": { "external_controller": "127.0.0.1:9090", "secret": "s, ]" } }',
      '}',
    ].join('\n');
    const config = parseSingBoxConfig(text);
    assert.equal(config.error, undefined);
    assert.deepEqual(config.clashApi, { controller: '127.0.0.1:9090', secret: 's, ]' });
  });

  test('no tun, no API', () => {
    const config = parseSingBoxConfig('{"inbounds":[{"type":"socks","listen_port":1080}]}');
    assert.equal(config.tunConfigured, false);
    assert.equal(config.clashApi, undefined);
    assert.deepEqual(config.inbounds, [{ protocol: 'socks', port: 1080 }]);
  });
});
