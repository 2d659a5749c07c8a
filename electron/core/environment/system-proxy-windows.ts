// Windows system proxy from the per-user WinINet settings in the registry.
import type { SystemProxy } from '../../../shared/types.ts';
import { formatHostPort, parseHostPort } from './host-port.ts';
import { runFailure, runSafely, type RunCommand } from './run-command.ts';

export const INTERNET_SETTINGS_KEY = 'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings';
export const REG_QUERY_SOURCE = 'reg query';

export interface RegValue {
  type: string;
  data: string;
}

/** Values of the first key in `reg query KEY` output; subkey listings after it are ignored. */
export function parseRegQuery(text: string): Map<string, RegValue> {
  const values = new Map<string, RegValue>();
  let keysSeen = 0;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\r$/, '');
    if (!line.trim()) continue;
    if (/^HKEY_/i.test(line.trim())) {
      keysSeen += 1;
      continue;
    }
    if (keysSeen > 1) break;
    const m = /^\s+(.+?)\s+(REG_[A-Z_]+)(?:\s+(.*))?$/.exec(line);
    if (m) values.set(m[1]!.toLowerCase(), { type: m[2]!, data: (m[3] ?? '').trim() });
  }
  return values;
}

function normalise(server: string): string | undefined {
  const parsed = parseHostPort(server);
  return parsed ? formatHostPort(parsed) : undefined;
}

/** `host:port` (every protocol), or `http=h:p;https=h:p;socks=h:p` (per protocol). */
export function parseProxyServer(value: string): Pick<SystemProxy, 'http' | 'https' | 'socks'> {
  const out: Pick<SystemProxy, 'http' | 'https' | 'socks'> = {};
  // A trailing or doubled `;` (seen in hand-edited settings) separates nothing.
  const text = value
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)
    .join(';');
  if (!text) return out;
  if (!text.includes('=')) {
    const all = normalise(text);
    if (all) {
      out.http = all;
      out.https = all;
    }
    return out;
  }
  for (const part of text.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const scheme = part.slice(0, eq).trim().toLowerCase();
    const server = normalise(part.slice(eq + 1));
    if (!server) continue;
    if (scheme === 'http') out.http = server;
    else if (scheme === 'https') out.https = server;
    else if (scheme === 'socks') out.socks = server;
  }
  return out;
}

function regNumber(value: RegValue | undefined): number {
  if (!value) return 0;
  return value.data.startsWith('0x') ? Number.parseInt(value.data, 16) : Number(value.data);
}

export function parseWindowsInternetSettings(text: string): SystemProxy {
  const values = parseRegQuery(text);
  const proxy: SystemProxy = { platform: 'win32', enabled: false, source: REG_QUERY_SOURCE };
  const manual = regNumber(values.get('proxyenable')) === 1;
  if (manual) Object.assign(proxy, parseProxyServer(values.get('proxyserver')?.data ?? ''));
  // WinINet uses AutoConfigURL whenever it is set, independent of ProxyEnable.
  const pac = values.get('autoconfigurl')?.data;
  if (pac) proxy.pacUrl = pac;
  const override = values.get('proxyoverride')?.data;
  if (override) {
    const bypass = override
      .split(';')
      .map((s) => s.trim())
      .filter(Boolean);
    if (bypass.length) proxy.bypass = bypass;
  }
  proxy.enabled = !!(proxy.http || proxy.https || proxy.socks || proxy.pacUrl);
  if (!values.size) proxy.error = 'reg query printed no values';
  return proxy;
}

export async function readWindowsSystemProxy(run: RunCommand, timeoutMs: number): Promise<SystemProxy> {
  const result = await runSafely(run, 'reg', ['query', INTERNET_SETTINGS_KEY], timeoutMs);
  if (result.code !== 0) {
    return { platform: 'win32', enabled: false, source: REG_QUERY_SOURCE, error: runFailure('reg query', result) };
  }
  return parseWindowsInternetSettings(result.stdout);
}
