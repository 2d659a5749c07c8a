import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { discoverProxyApps } from '../../../electron/core/environment/apps/discover-apps.ts';
import { plant, tempRoot } from './helpers.ts';

const VERGE_REV = 'io.github.clash-verge-rev.clash-verge-rev';

describe('discoverProxyApps', () => {
  test('macOS: Clash Verge Rev and mihomo under the home folder', async () => {
    const root = tempRoot('apps-mac');
    const dir = `/Users/ann/Library/Application Support/${VERGE_REV}`;
    plant(root, `${dir}/verge.yaml`, 'apps/clash-verge-rev/verge.yaml');
    plant(root, `${dir}/clash-verge.yaml`, 'apps/clash-verge-rev/clash-verge.yaml');
    plant(root, `${dir}/config.yaml`, 'apps/clash-verge-rev/config.yaml');
    plant(root, '/Users/ann/.config/mihomo/config.yaml', 'apps/mihomo-config.yaml');
    const apps = await discoverProxyApps({ platform: 'darwin', homedir: '/Users/ann', env: {}, fsRoot: root });
    assert.deepEqual(
      apps.map((a) => a.id),
      ['clash-verge-rev', 'mihomo'],
    );

    const verge = apps[0]!;
    assert.deepEqual(verge.ports, [7897, 7898, 7899]);
    assert.deepEqual(
      verge.controller,
      { address: '127.0.0.1:9097', secret: 'verge-test-secret-2' },
      'the generated config wins',
    );
    assert.equal(verge.tunEnabled, false);
    assert.deepEqual(verge.configFiles, [`${dir}/verge.yaml`, `${dir}/clash-verge.yaml`, `${dir}/config.yaml`]);

    const mihomo = apps[1]!;
    assert.deepEqual(mihomo.ports, [7890]);
    assert.equal(mihomo.controller?.address, '127.0.0.1:9090', '0.0.0.0 is reached through loopback');
    assert.equal(mihomo.tunEnabled, true);
  });

  test('Windows: Clash Verge Rev in %APPDATA%, Clash for Windows, portable v2rayN in Downloads', async () => {
    const root = tempRoot('apps-win');
    const home = 'C:\\Users\\Bob';
    const appData = 'C:\\Users\\Bob\\AppData\\Roaming';
    plant(root, `${appData}\\${VERGE_REV}\\verge.yaml`, 'apps/clash-verge-rev/verge.yaml');
    plant(root, `${home}\\.config\\clash\\config.yaml`, 'apps/clash-for-windows-config.yaml');
    plant(
      root,
      `${home}\\Downloads\\v2rayN-windows-64\\v2rayN\\guiConfigs\\guiNConfig.json`,
      'apps/v2rayn-7-guiNConfig.json',
    );
    plant(root, 'D:\\Tools\\ignored\\guiNConfig.json', 'apps/v2rayn-6-guiNConfig.json');
    plant(root, 'D:\\v2rayN\\guiNConfig.json', 'apps/v2rayn-6-guiNConfig.json');
    const apps = await discoverProxyApps({ platform: 'win32', homedir: home, env: { APPDATA: appData }, fsRoot: root });
    const byId = (id: string) => apps.filter((a) => a.id === id);

    assert.equal(byId('clash-verge-rev').length, 1);
    assert.deepEqual(byId('clash-verge-rev')[0]!.configFiles, [`${appData}\\${VERGE_REV}\\verge.yaml`]);
    assert.deepEqual(byId('clash')[0]!.ports, [7890, 7891]);
    assert.deepEqual(byId('clash')[0]!.controller, { address: '127.0.0.1:9090' });

    const v2rayn = byId('v2rayn');
    assert.deepEqual(v2rayn.map((a) => a.configFiles[0]).sort(), [
      'C:\\Users\\Bob\\Downloads\\v2rayN-windows-64\\v2rayN\\guiConfigs\\guiNConfig.json',
      'D:\\v2rayN\\guiNConfig.json',
    ]);
    assert.ok(v2rayn.every((a) => a.ports.join() === '10808,10809'));
    assert.ok(v2rayn.some((a) => a.tunEnabled === true));
  });

  test('Linux: v2rayA core config and sing-box; LAN-only inbounds are not loopback ports', async () => {
    const root = tempRoot('apps-linux');
    plant(root, '/etc/v2raya/config.json', 'apps/v2raya-config.json');
    plant(root, '/etc/sing-box/config.json', 'apps/sing-box-config.json');
    plant(root, '/home/cy/.local/share/v2rayN/guiConfigs/guiNConfig.json', 'apps/v2rayn-7-guiNConfig.json');
    const apps = await discoverProxyApps({ platform: 'linux', homedir: '/home/cy', env: {}, fsRoot: root });
    assert.deepEqual(
      apps.map((a) => a.id),
      ['v2rayn', 'v2raya', 'sing-box'],
    );
    assert.deepEqual(apps[1]!.ports, [20170, 20171, 20172, 20173]);
    assert.deepEqual(apps[2]!.ports, [2080, 2081]);
    assert.equal(apps[2]!.tunEnabled, true);
    assert.deepEqual(apps[2]!.controller, { address: '127.0.0.1:9090', secret: 'singbox-test-secret-3' });
  });

  test('a broken config is reported on the app, and an empty home finds nothing', async () => {
    const root = tempRoot('apps-broken');
    plant(root, '/home/d/.config/clash/config.yaml', 'apps/broken-config.yaml');
    const apps = await discoverProxyApps({ platform: 'linux', homedir: '/home/d', env: {}, fsRoot: root });
    assert.equal(apps.length, 1);
    assert.match(apps[0]!.error ?? '', /config\.yaml: YAML: /);
    assert.deepEqual(
      await discoverProxyApps({ platform: 'linux', homedir: '/none', env: {}, fsRoot: tempRoot('empty') }),
      [],
    );
  });
});
