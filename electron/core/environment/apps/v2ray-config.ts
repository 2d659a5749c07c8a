// A v2ray / Xray core `config.json` (v2rayA writes one for the core it runs): its local inbounds.
import { asPort, asRecord, asString, loadJsonObject } from './config-text.ts';

export interface CoreInbound {
  protocol: 'http' | 'socks' | 'mixed';
  port: number;
  listen?: string;
  tag?: string;
}

export interface V2rayCoreConfig {
  inbounds: CoreInbound[];
  error?: string;
}

export function parseV2rayCoreConfig(text: string): V2rayCoreConfig {
  const loaded = loadJsonObject(text);
  if (!loaded.ok) return { inbounds: [], error: loaded.error };
  const list = loaded.value['inbounds'];
  const inbounds: CoreInbound[] = [];
  for (const item of Array.isArray(list) ? list : []) {
    const inbound = asRecord(item);
    const protocol = asString(inbound?.['protocol'])?.toLowerCase();
    const port = asPort(inbound?.['port']);
    if (!port || (protocol !== 'http' && protocol !== 'socks' && protocol !== 'mixed')) continue;
    const entry: CoreInbound = { protocol, port };
    const listen = asString(inbound?.['listen']);
    const tag = asString(inbound?.['tag']);
    if (listen) entry.listen = listen;
    if (tag) entry.tag = tag;
    inbounds.push(entry);
  }
  return { inbounds };
}
