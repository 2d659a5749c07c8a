import net from 'node:net';

/** True for 127.0.0.0/8 and ::1: the only addresses the lab may send traffic to. */
export function isLoopbackAddress(address: string): boolean {
  if (net.isIPv4(address)) return address.startsWith('127.');
  if (net.isIPv6(address)) return address === '::1' || address === '0:0:0:0:0:0:0:1';
  return false;
}

/** The lab's fake host name, resolvable only through the proxies' own host tables. */
export const LAB_HOST = 'api.lab.test';

/** Merges the caller's host table over the default (api.lab.test → 127.0.0.1), loopback only. */
export function labHosts(hosts: Record<string, string> | undefined): Record<string, string> {
  const merged: Record<string, string> = { [LAB_HOST]: '127.0.0.1', ...hosts };
  for (const [name, address] of Object.entries(merged)) {
    if (!isLoopbackAddress(address)) throw new Error(`lab host ${name} must map to a loopback address, not ${address}`);
    if (!/^[A-Za-z0-9.-]+$/.test(name)) throw new Error(`not a host name: ${name}`);
  }
  return merged;
}
