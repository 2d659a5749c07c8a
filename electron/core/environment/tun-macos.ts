// macOS readers for TUN detection: `ifconfig` and `route -n get 1.1.1.1` (a routing-table lookup,
// no packet is sent).
import type { InterfaceInfo, RouteInfo } from './tun-names.ts';

export function parseIfconfig(text: string): InterfaceInfo[] {
  const out: InterfaceInfo[] = [];
  let current: InterfaceInfo | null = null;
  for (const line of text.split(/\r?\n/)) {
    const header = /^([A-Za-z0-9_.-]+):\s+flags=\w+<([^>]*)>/.exec(line);
    if (header) {
      current = { name: header[1]!, up: header[2]!.split(',').includes('UP'), addresses: [] };
      out.push(current);
      continue;
    }
    const inet = /^\s+inet6?\s+([0-9a-fA-F.:]+)(?:%\S+)?/.exec(line);
    if (current && inet) current.addresses.push(inet[1]!);
  }
  return out;
}

export function parseRouteGet(text: string): RouteInfo {
  const route: RouteInfo = {};
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*(interface|gateway):\s*(\S+)/.exec(line);
    if (m?.[1] === 'interface') route.interface = m[2]!;
    if (m?.[1] === 'gateway') route.gateway = m[2]!;
  }
  return route;
}
