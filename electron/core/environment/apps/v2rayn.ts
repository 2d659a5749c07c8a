// v2rayN `guiNConfig.json` (guiConfigs/guiNConfig.json since 6.x; next to v2rayN.exe before).
import { asBool, asPort, asRecord, loadJsonObject, prop } from './config-text.ts';

export interface V2raynConfig {
  /** `inbound[0].localPort`: mixed since v2rayN 7.3, SOCKS before. */
  localPort?: number;
  /** Ports to sniff: localPort, and localPort + 1 (the HTTP port of versions before 7.3). */
  ports: number[];
  tunEnabled?: boolean;
  allowLan?: boolean;
  error?: string;
}

export function parseV2raynConfig(text: string): V2raynConfig {
  const loaded = loadJsonObject(text);
  if (!loaded.ok) return { ports: [], error: loaded.error };
  const doc = loaded.value;
  const config: V2raynConfig = { ports: [] };
  // Key case changed from camelCase (6.x) to PascalCase (7.x): read both.
  const inbounds = prop(doc, 'inbound');
  const first = Array.isArray(inbounds) ? asRecord(inbounds[0]) : undefined;
  const localPort = asPort(prop(first, 'localPort'));
  if (localPort) {
    config.localPort = localPort;
    config.ports = localPort < 65535 ? [localPort, localPort + 1] : [localPort];
  }
  const allowLan = asBool(prop(first, 'allowLANConn'));
  if (allowLan !== undefined) config.allowLan = allowLan;
  const tun = asBool(prop(asRecord(prop(doc, 'tunModeItem')), 'enableTun'));
  if (tun !== undefined) config.tunEnabled = tun;
  return config;
}
