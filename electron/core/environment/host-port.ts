// Small helpers for the `host:port` strings that system proxies, configs and controllers use.

export interface HostPort {
  host: string;
  port: number;
}

/**
 * Parses `host:port`, `[::1]:port`, `http://host:port/`, `:9090` (all interfaces) and
 * KDE's `http://host port`. Returns null when no valid port is present.
 */
export function parseHostPort(value: string, defaultHost = '127.0.0.1'): HostPort | null {
  let text = value.trim();
  if (!text) return null;
  text = text.replace(/^[a-z][a-z0-9+.-]*:\/\//i, ''); // scheme
  text = text.replace(/^[^@/]*@/, ''); // user:password@, never kept
  text = text.replace(/\/.*$/, ''); // path
  let host: string;
  let portText: string;
  const spaced = /^(\S+)\s+(\d+)$/.exec(text);
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(text);
  if (spaced) {
    host = spaced[1]!.replace(/^\[([^\]]+)\]$/, '$1'); // KDE writes `http://[::1] 7890`
    portText = spaced[2]!;
  } else if (bracketed) {
    host = bracketed[1]!;
    portText = bracketed[2] ?? '';
  } else {
    const colon = text.lastIndexOf(':');
    if (colon < 0 || text.indexOf(':') !== colon) return null; // bare host, or a bare IPv6 address
    host = text.slice(0, colon);
    portText = text.slice(colon + 1);
  }
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || !Number.isInteger(port) || port < 1 || port > 65535) return null;
  return { host: host || defaultHost, port };
}

export function formatHostPort({ host, port }: HostPort): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h) || h === '::ffff:127.0.0.1';
}

/** A wildcard bind (`0.0.0.0`, `::`, empty) also answers on loopback. */
export function isWildcardHost(host: string): boolean {
  const h = host.trim().replace(/^\[|\]$/g, '');
  return h === '' || h === '0.0.0.0' || h === '::' || h === '*';
}

/** The loopback address to reach a listener bound to `host`, or null when it is not on this machine's loopback. */
export function loopbackAddressFor(host: string): string | null {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '');
  if (isWildcardHost(h) || h === 'localhost') return '127.0.0.1';
  if (h === '::ffff:127.0.0.1') return '127.0.0.1';
  return isLoopbackHost(h) ? h : null;
}

/** True for an IPv4 address in 198.18.0.0/15, the range fake-ip DNS and TUN stacks use. */
export function isFakeIpRange(address: string): boolean {
  const m = /^(\d{1,3})\.(\d{1,3})\.\d{1,3}\.\d{1,3}$/.exec(address.trim());
  return !!m && m[1] === '198' && (m[2] === '18' || m[2] === '19');
}
