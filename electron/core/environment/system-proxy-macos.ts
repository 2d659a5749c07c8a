// macOS system proxy from `scutil --proxy` (the SystemConfiguration store the network pane writes).
import type { SystemProxy } from '../../../shared/types.ts';
import { formatHostPort, parseHostPort } from './host-port.ts';
import { runFailure, runSafely, type RunCommand } from './run-command.ts';

export const SCUTIL_SOURCE = 'scutil --proxy';

/**
 * Reads the top-level keys of scutil's `<dictionary> { … }` dump. Nested dictionaries
 * (`__SCOPED__` per-interface copies) are skipped; arrays are collected as lists.
 */
export function parseScutilDictionary(text: string): Map<string, string | string[]> {
  const values = new Map<string, string | string[]>();
  let depth = 0;
  let arrayKey: string | null = null;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    if (line === '}') {
      depth -= 1;
      if (arrayKey && depth === 1) arrayKey = null;
      continue;
    }
    const m = /^(\S+)\s*:\s*(.*)$/.exec(line);
    if (!m) {
      if (line.endsWith('{')) depth += 1;
      continue;
    }
    const key = m[1]!;
    const value = m[2]!.trim();
    if (value.endsWith('{')) {
      if (depth === 1 && value.startsWith('<array>')) {
        arrayKey = key;
        values.set(key, []);
      }
      depth += 1;
      continue;
    }
    if (depth === 1) values.set(key, value);
    else if (depth === 2 && arrayKey) (values.get(arrayKey) as string[]).push(value);
  }
  return values;
}

export function parseScutilProxy(text: string): SystemProxy {
  const dict = parseScutilDictionary(text);
  const str = (key: string): string | undefined => {
    const v = dict.get(key);
    return typeof v === 'string' && v ? v : undefined;
  };
  const on = (key: string): boolean => str(key) === '1';
  const server = (prefix: 'HTTP' | 'HTTPS' | 'SOCKS'): string | undefined => {
    if (!on(`${prefix}Enable`)) return undefined;
    const host = str(`${prefix}Proxy`);
    const port = str(`${prefix}Port`);
    if (!host || !port) return undefined;
    const parsed = parseHostPort(`${host}:${port}`);
    return parsed ? formatHostPort(parsed) : undefined;
  };
  const proxy: SystemProxy = { platform: 'darwin', enabled: false, source: SCUTIL_SOURCE };
  const http = server('HTTP');
  const https = server('HTTPS');
  const socks = server('SOCKS');
  const pacUrl = on('ProxyAutoConfigEnable') ? str('ProxyAutoConfigURLString') : undefined;
  if (http) proxy.http = http;
  if (https) proxy.https = https;
  if (socks) proxy.socks = socks;
  if (pacUrl) proxy.pacUrl = pacUrl;
  const exceptions = dict.get('ExceptionsList');
  if (Array.isArray(exceptions) && exceptions.length) proxy.bypass = exceptions;
  proxy.enabled = !!(http || https || socks || pacUrl);
  if (!dict.size) proxy.error = 'scutil printed no proxy dictionary';
  return proxy;
}

export async function readMacosSystemProxy(run: RunCommand, timeoutMs: number): Promise<SystemProxy> {
  const result = await runSafely(run, 'scutil', ['--proxy'], timeoutMs);
  if (result.code !== 0) {
    return { platform: 'darwin', enabled: false, source: SCUTIL_SOURCE, error: runFailure('scutil', result) };
  }
  return parseScutilProxy(result.stdout);
}
