// Finds installed proxy apps by their config files and reads the ports, controller and TUN setting.
import type { ProxyAppInfo } from '../../../../shared/types.ts';
import { formatHostPort, isLoopbackHost, isWildcardHost, parseHostPort } from '../host-port.ts';
import { clashPorts, parseClashConfig, type ClashConfig } from './clash-config.ts';
import { parseVergeConfig, vergePorts } from './clash-verge.ts';
import { fsView, type FsView } from './fs-view.ts';
import { appConfigLocations, pathModule, type AppLocation, type LocationOptions } from './locations.ts';
import { parseSingBoxConfig } from './sing-box.ts';
import type { CoreInbound } from './v2ray-config.ts';
import { parseV2rayCoreConfig } from './v2ray-config.ts';
import { parseV2raynConfig } from './v2rayn.ts';
import { findV2raynConfigs } from './v2rayn-search.ts';

export interface DiscoverAppsOptions extends LocationOptions {
  /** Prefix for every path read, for tests. */
  fsRoot?: string;
}

/** Never rejects; apps whose files are absent are simply not listed. */
export async function discoverProxyApps(opts: DiscoverAppsOptions): Promise<ProxyAppInfo[]> {
  const fs = fsView(opts.fsRoot);
  try {
    const fromLocations = Promise.all(appConfigLocations(opts).map((loc) => readLocation(fs, loc, opts.platform)));
    const v2rayn = opts.platform === 'win32' ? findV2raynConfigs(fs, opts.homedir, opts.env) : Promise.resolve([]);
    const [found, portable] = await Promise.all([fromLocations, v2rayn]);
    const apps = found.filter((a): a is ProxyAppInfo => a !== null);
    for (const file of portable) apps.push(v2raynApp(file.path, file.text));
    return apps;
  } catch {
    return [];
  }
}

async function readLocation(fs: FsView, loc: AppLocation, platform: string): Promise<ProxyAppInfo | null> {
  if (loc.kind === 'clash-verge') return readVergeDir(fs, loc, platform);
  const text = await fs.readText(loc.path);
  if (text === undefined) return null;
  switch (loc.kind) {
    case 'clash':
      return clashApp(loc, [loc.path], parseClashConfig(text));
    case 'v2rayn':
      return v2raynApp(loc.path, text);
    case 'v2ray-core': {
      const core = parseV2rayCoreConfig(text);
      return withError(app(loc, [loc.path], inboundPorts(core.inbounds)), loc.path, core.error);
    }
    case 'sing-box': {
      const box = parseSingBoxConfig(text);
      const info = app(loc, [loc.path], inboundPorts(box.inbounds));
      if (box.clashApi) info.controller = controllerOf(box.clashApi.controller, box.clashApi.secret);
      if (!box.error) info.tunEnabled = box.tunConfigured;
      return withError(info, loc.path, box.error);
    }
  }
}

/** verge.yaml holds the app's port settings; clash-verge.yaml is the config it last generated for mihomo. */
async function readVergeDir(fs: FsView, loc: AppLocation, platform: string): Promise<ProxyAppInfo | null> {
  const p = pathModule(platform);
  const files = ['verge.yaml', 'clash-verge.yaml', 'config.yaml'].map((f) => p.join(loc.path, f));
  const [vergeText, runtimeText, baseText] = await Promise.all(files.map((f) => fs.readText(f)));
  if (vergeText === undefined && runtimeText === undefined && baseText === undefined) return null;
  const present = files.filter((_, i) => [vergeText, runtimeText, baseText][i] !== undefined);
  const verge = vergeText === undefined ? undefined : parseVergeConfig(vergeText);
  const runtime = runtimeText === undefined ? undefined : parseClashConfig(runtimeText);
  const base = baseText === undefined ? undefined : parseClashConfig(baseText);
  const ports = [
    ...(verge && !verge.error ? vergePorts(verge) : []),
    ...(runtime ? clashPorts(runtime) : []),
    ...(!verge && !runtime && base ? clashPorts(base) : []),
  ];
  const info = app(loc, present, ports);
  const controller = runtime?.externalController ?? base?.externalController;
  if (controller) info.controller = controllerOf(controller, runtime?.secret ?? base?.secret);
  const tun = verge?.tunEnabled ?? runtime?.tunEnabled;
  if (tun !== undefined) info.tunEnabled = tun;
  const errors = [
    verge?.error && `${files[0]}: ${verge.error}`,
    runtime?.error && `${files[1]}: ${runtime.error}`,
    base?.error && `${files[2]}: ${base.error}`,
  ].filter(Boolean);
  if (errors.length) info.error = errors.join('; ');
  return info;
}

function clashApp(loc: AppLocation, files: string[], config: ClashConfig): ProxyAppInfo {
  const info = app(loc, files, clashPorts(config));
  if (config.externalController) info.controller = controllerOf(config.externalController, config.secret);
  if (config.tunEnabled !== undefined) info.tunEnabled = config.tunEnabled;
  return withError(info, files[0]!, config.error);
}

function v2raynApp(file: string, text: string): ProxyAppInfo {
  const config = parseV2raynConfig(text);
  const info: ProxyAppInfo = { id: 'v2rayn', name: 'v2rayN', configFiles: [file], ports: config.ports };
  if (config.tunEnabled !== undefined) info.tunEnabled = config.tunEnabled;
  return withError(info, file, config.error);
}

function app(loc: AppLocation, files: string[], ports: number[]): ProxyAppInfo {
  return { id: loc.appId, name: loc.name, configFiles: files, ports: [...new Set(ports)] };
}

function withError(info: ProxyAppInfo, file: string, error: string | undefined): ProxyAppInfo {
  if (error) info.error = `${file}: ${error}`;
  return info;
}

/** Ports reachable on loopback: inbounds bound to loopback, to all interfaces, or with no address. */
function inboundPorts(inbounds: CoreInbound[]): number[] {
  return inbounds.filter((i) => !i.listen || isLoopbackHost(i.listen) || isWildcardHost(i.listen)).map((i) => i.port);
}

/** `:9090` and `0.0.0.0:9090` are reached through 127.0.0.1. */
export function controllerOf(address: string, secret: string | undefined): { address: string; secret?: string } {
  const parsed = parseHostPort(address);
  let normalised = address.trim();
  if (parsed)
    normalised = formatHostPort(isWildcardHost(parsed.host) ? { host: '127.0.0.1', port: parsed.port } : parsed);
  return secret ? { address: normalised, secret } : { address: normalised };
}
