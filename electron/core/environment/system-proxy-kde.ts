// KDE Plasma system proxy from `kioslaverc` ([Proxy Settings] group).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SystemProxy } from '../../../shared/types.ts';
import { formatHostPort, parseHostPort } from './host-port.ts';

export const KIOSLAVERC_SOURCE = 'kioslaverc';

/** KDE's ProxyType values. */
export const KDE_PROXY_TYPE = { none: 0, manual: 1, pac: 2, wpad: 3, env: 4 } as const;

/** Keys of one group of a KConfig ini file; `key[$e]` (shell-expanded) is read as `key`. */
export function parseKConfigGroup(text: string, group: string): Map<string, string> {
  const values = new Map<string, string>();
  let inGroup = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    // `[Group][$i]` marks an immutable (kiosk-locked) group; it is still that group.
    const header = /^\[(.*?)\](?:\[\$\w+\])*$/.exec(line);
    if (header) {
      inGroup = header[1] === group;
      continue;
    }
    if (!inGroup) continue;
    const eq = line.indexOf('=');
    if (eq < 0) continue;
    const key = line
      .slice(0, eq)
      .trim()
      .replace(/\[\$\w+\]$/, '');
    values.set(key, line.slice(eq + 1).trim());
  }
  return values;
}

/** `http://host port`, `host:port`, `http://host:port`. */
function proxyAddress(value: string): string | undefined {
  const parsed = parseHostPort(value);
  return parsed ? formatHostPort(parsed) : undefined;
}

export function parseKioslaverc(text: string, env: Record<string, string | undefined> = {}): SystemProxy {
  const values = parseKConfigGroup(text, 'Proxy Settings');
  const proxy: SystemProxy = { platform: 'linux', enabled: false, source: KIOSLAVERC_SOURCE };
  const type = Number(values.get('ProxyType') ?? '0');
  const pick = (key: string): string | undefined => {
    const raw = values.get(key) ?? '';
    // With ProxyType=4 the keys hold the names of environment variables, not addresses.
    return proxyAddress(type === KDE_PROXY_TYPE.env ? (env[raw] ?? '') : raw);
  };
  if (type === KDE_PROXY_TYPE.manual || type === KDE_PROXY_TYPE.env) {
    const http = pick('httpProxy');
    const https = pick('httpsProxy');
    const socks = pick('socksProxy');
    if (http) proxy.http = http;
    if (https) proxy.https = https;
    if (socks) proxy.socks = socks;
  } else if (type === KDE_PROXY_TYPE.pac) {
    const url = values.get('Proxy Config Script');
    if (url) proxy.pacUrl = url;
  }
  const noProxy = type === KDE_PROXY_TYPE.env ? env[values.get('NoProxyFor') ?? ''] : values.get('NoProxyFor');
  // With ReversedException=true the list names the only hosts that use the proxy: not a bypass list.
  const reversed = values.get('ReversedException')?.toLowerCase() === 'true';
  if (type !== KDE_PROXY_TYPE.none && noProxy && !reversed) {
    const bypass = noProxy.split(/[,\s]+/).filter(Boolean);
    if (bypass.length) proxy.bypass = bypass;
  }
  proxy.enabled = type === KDE_PROXY_TYPE.wpad || !!(proxy.http || proxy.https || proxy.socks || proxy.pacUrl);
  return proxy;
}

export function kioslavercPath(homedir: string, env: Record<string, string | undefined>): string {
  return path.join(env.XDG_CONFIG_HOME || path.join(homedir, '.config'), 'kioslaverc');
}

export async function readKdeSystemProxy(
  homedir: string,
  env: Record<string, string | undefined>,
  fsRoot?: string,
): Promise<SystemProxy> {
  const file = kioslavercPath(homedir, env);
  try {
    const text = await readFile(fsRoot ? path.join(fsRoot, file) : file, 'utf8');
    return parseKioslaverc(text, env);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : 'unreadable';
    return { platform: 'linux', enabled: false, source: KIOSLAVERC_SOURCE, error: `${file}: ${reason}` };
  }
}
