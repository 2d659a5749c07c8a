// sing-box `config.json`: local inbounds, a tun inbound, and the Clash-compatible API.
import { asPort, asRecord, asString, loadJsonObject } from './config-text.ts';
import type { CoreInbound } from './v2ray-config.ts';

export interface SingBoxConfig {
  inbounds: CoreInbound[];
  /** True when a `tun` inbound is configured (sing-box then runs in TUN mode). */
  tunConfigured: boolean;
  tunInterface?: string;
  clashApi?: { controller: string; secret?: string };
  error?: string;
}

export function parseSingBoxConfig(text: string): SingBoxConfig {
  const loaded = loadJsonObject(text);
  if (!loaded.ok) return { inbounds: [], tunConfigured: false, error: loaded.error };
  const doc = loaded.value;
  const config: SingBoxConfig = { inbounds: [], tunConfigured: false };
  for (const item of Array.isArray(doc['inbounds']) ? doc['inbounds'] : []) {
    const inbound = asRecord(item);
    const type = asString(inbound?.['type'])?.toLowerCase();
    if (type === 'tun') {
      config.tunConfigured = true;
      const name = asString(inbound?.['interface_name']);
      if (name) config.tunInterface = name;
      continue;
    }
    const port = asPort(inbound?.['listen_port']);
    if (!port || (type !== 'http' && type !== 'socks' && type !== 'mixed')) continue;
    const entry: CoreInbound = { protocol: type, port };
    const listen = asString(inbound?.['listen']);
    const tag = asString(inbound?.['tag']);
    if (listen) entry.listen = listen;
    if (tag) entry.tag = tag;
    config.inbounds.push(entry);
  }
  const api = asRecord(asRecord(doc['experimental'])?.['clash_api']);
  const controller = asString(api?.['external_controller']);
  if (controller) {
    config.clashApi = { controller };
    const secret = asString(api?.['secret']);
    if (secret) config.clashApi.secret = secret;
  }
  return config;
}
