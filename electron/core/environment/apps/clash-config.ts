// Clash / mihomo `config.yaml` (also Clash Verge Rev's `config.yaml` and generated `clash-verge.yaml`).
import { asBool, asPort, asRecord, asString, loadYamlObject } from './config-text.ts';

export interface ClashConfig {
  /** HTTP proxy port (`port`). */
  port?: number;
  socksPort?: number;
  mixedPort?: number;
  /** `external-controller` as written, e.g. `127.0.0.1:9090` or `:9090`. */
  externalController?: string;
  /** The controller secret. Never print it. */
  secret?: string;
  tunEnabled?: boolean;
  /** `tun.device` when set, e.g. `Meta`, `Mihomo`. */
  tunDevice?: string;
  /** `bind-address` for the proxy ports when not `*`. */
  bindAddress?: string;
  error?: string;
}

export function parseClashConfig(text: string): ClashConfig {
  const loaded = loadYamlObject(text);
  if (!loaded.ok) return { error: loaded.error };
  const doc = loaded.value;
  const config: ClashConfig = {};
  const port = asPort(doc['port']);
  const socksPort = asPort(doc['socks-port']);
  const mixedPort = asPort(doc['mixed-port']);
  const controller = asString(doc['external-controller']);
  const secret = loaded.scalarText('secret');
  const bind = asString(doc['bind-address']);
  const tun = asRecord(doc['tun']);
  if (port) config.port = port;
  if (socksPort) config.socksPort = socksPort;
  if (mixedPort) config.mixedPort = mixedPort;
  if (controller) config.externalController = controller;
  if (secret) config.secret = secret; // as written: spaces and leading zeros are part of it
  if (bind && bind !== '*') config.bindAddress = bind;
  if (tun) {
    const enabled = asBool(tun['enable']);
    if (enabled !== undefined) config.tunEnabled = enabled;
    const device = asString(tun['device']);
    if (device) config.tunDevice = device;
  }
  return config;
}

/** The proxy ports a Clash config opens, mixed first. */
export function clashPorts(config: ClashConfig): number[] {
  return [config.mixedPort, config.port, config.socksPort].filter((p): p is number => p !== undefined);
}
