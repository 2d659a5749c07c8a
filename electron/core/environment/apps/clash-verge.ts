// Clash Verge Rev `verge.yaml`: the app's own settings, which override the ports in its clash config.
import { asBool, asPort, loadYamlObject } from './config-text.ts';

/** Clash Verge Rev's shipped defaults (its source: IVerge::template). */
export const VERGE_DEFAULTS = { mixedPort: 7897, socksPort: 7898, httpPort: 7899 } as const;

export interface VergeConfig {
  mixedPort: number;
  socksPort: number;
  socksEnabled: boolean;
  httpPort: number;
  httpEnabled: boolean;
  tunEnabled?: boolean;
  systemProxyEnabled?: boolean;
  error?: string;
}

export function parseVergeConfig(text: string): VergeConfig {
  const base: VergeConfig = {
    mixedPort: VERGE_DEFAULTS.mixedPort,
    socksPort: VERGE_DEFAULTS.socksPort,
    socksEnabled: false,
    httpPort: VERGE_DEFAULTS.httpPort,
    httpEnabled: false,
  };
  const loaded = loadYamlObject(text);
  if (!loaded.ok) return { ...base, error: loaded.error };
  const doc = loaded.value;
  const config: VergeConfig = {
    mixedPort: asPort(doc['verge_mixed_port']) ?? base.mixedPort,
    socksPort: asPort(doc['verge_socks_port']) ?? base.socksPort,
    socksEnabled: asBool(doc['verge_socks_enabled']) ?? false,
    // `verge_port` is the HTTP port (named before the SOCKS/mixed ones existed).
    httpPort: asPort(doc['verge_port']) ?? asPort(doc['verge_http_port']) ?? base.httpPort,
    httpEnabled: asBool(doc['verge_http_enabled']) ?? false,
  };
  const tun = asBool(doc['enable_tun_mode']);
  if (tun !== undefined) config.tunEnabled = tun;
  const sys = asBool(doc['enable_system_proxy']);
  if (sys !== undefined) config.systemProxyEnabled = sys;
  return config;
}

/** The ports Clash Verge Rev opens with these settings, mixed first. */
export function vergePorts(config: VergeConfig): number[] {
  const ports = [config.mixedPort];
  if (config.httpEnabled) ports.push(config.httpPort);
  if (config.socksEnabled) ports.push(config.socksPort);
  return ports;
}
