// Linux readers for TUN detection: `ip -o link`, `ip -o addr`, `ip route get 1.1.1.1`
// (the last asks the kernel's routing table; it sends no packet).
import type { InterfaceInfo, RouteInfo } from './tun-names.ts';

/** `7: Meta: <POINTOPOINT,MULTICAST,NOARP,UP,LOWER_UP> mtu 9000 …` per line. */
export function parseIpLink(text: string): InterfaceInfo[] {
  const out: InterfaceInfo[] = [];
  for (const line of text.split(/\r?\n/)) {
    const m = /^\d+:\s+([^:\s]+?)(?:@\S+)?:\s+<([^>]*)>/.exec(line);
    if (m) out.push({ name: m[1]!, up: m[2]!.split(',').includes('UP'), addresses: [] });
  }
  return out;
}

/** `7: Meta    inet 198.18.0.1/30 brd …` → name → IPv4/IPv6 addresses (without prefix length). */
export function parseIpAddr(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const line of text.split(/\r?\n/)) {
    const m = /^\d+:\s+(\S+?)(?:@\S+)?\s+inet6?\s+([0-9a-fA-F.:]+)(?:\/\d+)?/.exec(line);
    if (!m) continue;
    const list = out.get(m[1]!) ?? [];
    list.push(m[2]!);
    out.set(m[1]!, list);
  }
  return out;
}

/** `1.1.1.1 via 192.168.1.1 dev enp3s0 src 192.168.1.23 uid 1000`, `1.1.1.1 dev Meta table 2022 src …`. */
export function parseIpRouteGet(text: string): RouteInfo {
  const line = text.split(/\r?\n/).find((l) => /\bdev\s/.test(l)) ?? '';
  const field = (name: string): string | undefined => new RegExp(`\\b${name}\\s+(\\S+)`).exec(line)?.[1];
  const route: RouteInfo = {};
  const dev = field('dev');
  const via = field('via');
  const src = field('src');
  const table = field('table');
  if (table) route.table = table;
  if (dev) route.interface = dev;
  if (via) route.gateway = via;
  if (src) route.source = src;
  return route;
}

export function mergeLinuxInterfaces(links: InterfaceInfo[], addresses: Map<string, string[]>): InterfaceInfo[] {
  const byName = new Map(links.map((l) => [l.name, { ...l, addresses: [...l.addresses] }]));
  for (const [name, list] of addresses) {
    const entry = byName.get(name) ?? { name, up: true, addresses: [] };
    entry.addresses.push(...list.filter((a) => !entry.addresses.includes(a)));
    byName.set(name, entry);
  }
  return [...byName.values()];
}
