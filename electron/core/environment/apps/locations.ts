// Where proxy apps keep their configs, per OS. Paths are "logical": Windows ones use `\`, and a
// test can map them under a fake root (see fs-view.ts).
//
// macOS
//   Clash Verge Rev  ~/Library/Application Support/io.github.clash-verge-rev.clash-verge-rev/
//                    (verge.yaml, clash-verge.yaml = the generated runtime config, config.yaml)
//   Clash Verge      ~/.config/clash-verge/ (the original, unmaintained app)
//   ClashX (Pro)     ~/.config/clash/config.yaml;  ClashX Meta ~/.config/clash.meta/config.yaml
//   mihomo           ~/.config/mihomo/config.yaml; Mihomo Party ~/Library/Application Support/mihomo-party/work/
//   v2rayN (7.x)     ~/Library/Application Support/v2rayN/guiConfigs/ or ~/.local/share/v2rayN/guiConfigs/
//   v2rayA           /usr/local/etc/v2raya/ or /opt/homebrew/etc/v2raya/ (Homebrew service)
//   sing-box         /usr/local/etc/sing-box/, /opt/homebrew/etc/sing-box/, ~/.config/sing-box/
// Windows
//   Clash Verge Rev  %APPDATA%\io.github.clash-verge-rev.clash-verge-rev\
//   Clash for Windows / mihomo  %USERPROFILE%\.config\clash\ and \.config\mihomo\
//   Mihomo Party     %APPDATA%\mihomo-party\work\
//   v2rayN           portable: guiConfigs\guiNConfig.json beside v2rayN.exe, wherever the zip was
//                    unpacked (searched in apps/v2rayn-search.ts); Scoop: %USERPROFILE%\scoop\apps\v2rayn\current\
// Linux
//   Clash Verge Rev  $XDG_DATA_HOME (~/.local/share)/io.github.clash-verge-rev.clash-verge-rev/
//   clash / mihomo   ~/.config/clash/, ~/.config/mihomo/, ~/.config/clash.meta/, /etc/mihomo/, /etc/clash/
//   Mihomo Party     ~/.config/mihomo-party/work/
//   v2rayN (7.x)     ~/.local/share/v2rayN/guiConfigs/
//   v2rayA           /etc/v2raya/ (system service), ~/.config/v2raya/ — config.json is the core config it generates
//   sing-box         /etc/sing-box/, /usr/local/etc/sing-box/, ~/.config/sing-box/
import path from 'node:path';

export type ConfigKind = 'clash' | 'clash-verge' | 'v2rayn' | 'v2ray-core' | 'sing-box';

export interface AppLocation {
  appId: string;
  name: string;
  kind: ConfigKind;
  /** The config file, or for `clash-verge` the app's data directory. */
  path: string;
}

export interface LocationOptions {
  platform: NodeJS.Platform | string;
  homedir: string;
  env: Record<string, string | undefined>;
}

export function pathModule(platform: string): path.PlatformPath {
  return platform === 'win32' ? path.win32 : path.posix;
}

const VERGE_REV_ID = 'io.github.clash-verge-rev.clash-verge-rev';

export function appConfigLocations({ platform, homedir, env }: LocationOptions): AppLocation[] {
  const p = pathModule(platform);
  const home = (...parts: string[]): string => p.join(homedir, ...parts);
  const at = (appId: string, name: string, kind: ConfigKind, file: string): AppLocation => ({
    appId,
    name,
    kind,
    path: file,
  });
  const clashDirs = (base: string): AppLocation[] => [
    at('clash', 'Clash', 'clash', p.join(base, 'clash', 'config.yaml')),
    at('mihomo', 'mihomo', 'clash', p.join(base, 'mihomo', 'config.yaml')),
  ];

  if (platform === 'win32') {
    const appData = env.APPDATA || home('AppData', 'Roaming');
    return [
      at('clash-verge-rev', 'Clash Verge Rev', 'clash-verge', p.join(appData, VERGE_REV_ID)),
      at('clash-verge', 'Clash Verge', 'clash-verge', home('.config', 'clash-verge')),
      ...clashDirs(home('.config')),
      at('mihomo-party', 'Mihomo Party', 'clash', p.join(appData, 'mihomo-party', 'work', 'config.yaml')),
    ];
  }

  if (platform === 'darwin') {
    const support = home('Library', 'Application Support');
    return [
      at('clash-verge-rev', 'Clash Verge Rev', 'clash-verge', p.join(support, VERGE_REV_ID)),
      at('clash-verge', 'Clash Verge', 'clash-verge', home('.config', 'clash-verge')),
      ...clashDirs(home('.config')),
      at('clashx-meta', 'ClashX Meta', 'clash', home('.config', 'clash.meta', 'config.yaml')),
      at('mihomo-party', 'Mihomo Party', 'clash', p.join(support, 'mihomo-party', 'work', 'config.yaml')),
      at('v2rayn', 'v2rayN', 'v2rayn', p.join(support, 'v2rayN', 'guiConfigs', 'guiNConfig.json')),
      at('v2rayn', 'v2rayN', 'v2rayn', home('.local', 'share', 'v2rayN', 'guiConfigs', 'guiNConfig.json')),
      at('v2raya', 'v2rayA', 'v2ray-core', '/usr/local/etc/v2raya/config.json'),
      at('v2raya', 'v2rayA', 'v2ray-core', '/opt/homebrew/etc/v2raya/config.json'),
      at('sing-box', 'sing-box', 'sing-box', '/usr/local/etc/sing-box/config.json'),
      at('sing-box', 'sing-box', 'sing-box', '/opt/homebrew/etc/sing-box/config.json'),
      at('sing-box', 'sing-box', 'sing-box', home('.config', 'sing-box', 'config.json')),
    ];
  }

  const config = env.XDG_CONFIG_HOME || home('.config');
  const data = env.XDG_DATA_HOME || home('.local', 'share');
  return [
    at('clash-verge-rev', 'Clash Verge Rev', 'clash-verge', p.join(data, VERGE_REV_ID)),
    at('clash-verge', 'Clash Verge', 'clash-verge', p.join(config, 'clash-verge')),
    ...clashDirs(config),
    at('clash-meta', 'Clash.Meta', 'clash', p.join(config, 'clash.meta', 'config.yaml')),
    at('mihomo', 'mihomo', 'clash', '/etc/mihomo/config.yaml'),
    at('clash', 'Clash', 'clash', '/etc/clash/config.yaml'),
    at('mihomo-party', 'Mihomo Party', 'clash', p.join(config, 'mihomo-party', 'work', 'config.yaml')),
    at('v2rayn', 'v2rayN', 'v2rayn', p.join(data, 'v2rayN', 'guiConfigs', 'guiNConfig.json')),
    at('v2raya', 'v2rayA', 'v2ray-core', '/etc/v2raya/config.json'),
    at('v2raya', 'v2rayA', 'v2ray-core', p.join(config, 'v2raya', 'config.json')),
    at('sing-box', 'sing-box', 'sing-box', '/etc/sing-box/config.json'),
    at('sing-box', 'sing-box', 'sing-box', '/usr/local/etc/sing-box/config.json'),
    at('sing-box', 'sing-box', 'sing-box', p.join(config, 'sing-box', 'config.json')),
  ];
}
