// GNOME (and most GTK desktops) system proxy from the org.gnome.system.proxy GSettings schemas.
import type { SystemProxy } from '../../../shared/types.ts';
import { formatHostPort, parseHostPort } from './host-port.ts';
import { runFailure, runSafely, type RunCommand } from './run-command.ts';

export const GSETTINGS_SOURCE = 'gsettings';
const SCHEMA = 'org.gnome.system.proxy';

/** Every `schema key` the reader needs. */
export const GSETTINGS_KEYS: readonly string[] = [
  `${SCHEMA} mode`,
  `${SCHEMA} autoconfig-url`,
  `${SCHEMA} ignore-hosts`,
  ...['http', 'https', 'socks'].flatMap((p) => [`${SCHEMA}.${p} host`, `${SCHEMA}.${p} port`]),
];

/** Decodes the GVariant text gsettings prints: `'str'`, `7890`, `uint32 7890`, `['a', 'b']`, `@as []`. */
export function parseGVariant(text: string): string | number | boolean | string[] {
  const value = text
    .trim()
    .replace(/^@\w+\s+/, '')
    .replace(/^u?int\d+\s+/, '');
  if (value === 'true' || value === 'false') return value === 'true';
  if (/^-?\d+$/.test(value)) return Number(value);
  if (value.startsWith('[')) {
    const items: string[] = [];
    const re = /'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"/g;
    for (let m = re.exec(value); m; m = re.exec(value)) items.push(unescape(m[1] ?? m[2] ?? ''));
    return items;
  }
  const quoted = /^'((?:[^'\\]|\\.)*)'$|^"((?:[^"\\]|\\.)*)"$/.exec(value);
  return quoted ? unescape(quoted[1] ?? quoted[2] ?? '') : value;
}

function unescape(s: string): string {
  return s.replace(/\\(.)/g, '$1');
}

/** `gsettings list-recursively` lines: `schema key value`. */
export function parseGsettingsList(text: string): Map<string, string | number | boolean | string[]> {
  const values = new Map<string, string | number | boolean | string[]>();
  for (const raw of text.split(/\r?\n/)) {
    const m = /^\s*(\S+)\s+(\S+)\s+(.*)$/.exec(raw);
    if (m) values.set(`${m[1]} ${m[2]}`, parseGVariant(m[3]!));
  }
  return values;
}

export function gnomeProxyFromSettings(values: Map<string, string | number | boolean | string[]>): SystemProxy {
  const str = (key: string): string => {
    const v = values.get(`${SCHEMA}${key}`);
    return typeof v === 'string' ? v : '';
  };
  const proxy: SystemProxy = { platform: 'linux', enabled: false, source: GSETTINGS_SOURCE };
  const mode = str(' mode');
  if (mode === 'manual') {
    for (const p of ['http', 'https', 'socks'] as const) {
      const host = str(`.${p} host`);
      const port = values.get(`${SCHEMA}.${p} port`);
      if (!host || typeof port !== 'number' || port <= 0) continue;
      const parsed = parseHostPort(`${host.includes(':') ? `[${host}]` : host}:${port}`);
      if (parsed) proxy[p] = formatHostPort(parsed);
    }
  } else if (mode === 'auto') {
    // An empty URL means WPAD discovery; nothing to point at then.
    const url = str(' autoconfig-url');
    if (url) proxy.pacUrl = url;
  }
  const ignore = values.get(`${SCHEMA} ignore-hosts`);
  if (mode !== 'none' && Array.isArray(ignore) && ignore.length) proxy.bypass = ignore;
  proxy.enabled = mode === 'auto' || !!(proxy.http || proxy.https || proxy.socks);
  if (!mode) proxy.error = 'gsettings did not report org.gnome.system.proxy mode';
  return proxy;
}

/**
 * One `list-recursively` call covers the schema and, on current GLib, its child schemas; any key
 * it did not print is fetched with `gsettings get`, concurrently.
 */
export async function readGnomeSystemProxy(run: RunCommand, timeoutMs: number): Promise<SystemProxy> {
  const listed = await runSafely(run, 'gsettings', ['list-recursively', SCHEMA], timeoutMs);
  if (listed.code !== 0) {
    return { platform: 'linux', enabled: false, source: GSETTINGS_SOURCE, error: runFailure('gsettings', listed) };
  }
  const values = parseGsettingsList(listed.stdout);
  const missing = GSETTINGS_KEYS.filter((k) => !values.has(k));
  await Promise.all(
    missing.map(async (key) => {
      const [schema, name] = key.split(' ') as [string, string];
      const got = await runSafely(run, 'gsettings', ['get', schema, name], timeoutMs);
      if (got.code === 0) values.set(key, parseGVariant(got.stdout));
    }),
  );
  return gnomeProxyFromSettings(values);
}
