// Windows readers for TUN detection: `ipconfig /all` (adapter names and addresses) and
// `route print -4` (the IPv4 routing table; printing it sends nothing).
import { isGenericTunName, isKnownTunName, type InterfaceInfo, type RouteInfo } from './tun-names.ts';

export interface WindowsAdapter extends InterfaceInfo {
  description?: string;
}

/**
 * Adapter blocks start at an unindented line ending with `:` (`Unknown adapter Mihomo:`,
 * localized `未知适配器 Mihomo:`). Only IPv4 lines are read, so labels in other languages work
 * as long as they contain "IPv4".
 */
export function parseIpconfigAll(text: string): WindowsAdapter[] {
  const out: WindowsAdapter[] = [];
  let current: WindowsAdapter | null = null;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\s+$/, '');
    if (!line) continue;
    if (!/^\s/.test(line) && line.endsWith(':')) {
      const title = line.slice(0, -1).trim();
      const name = /adapter\s+(.+)$/i.exec(title)?.[1] ?? /适配器\s*(.+)$/.exec(title)?.[1] ?? otherLanguageName(title);
      current = name ? { name: name.trim(), up: true, addresses: [] } : null;
      if (current) out.push(current);
      continue;
    }
    if (!current) continue;
    const m = /^\s+([^:]*?)[ .]*:\s*(.*)$/.exec(line);
    if (!m) continue;
    const label = m[1]!;
    const value = m[2]!;
    if (/disconnected|已断开/i.test(value) && /media|媒体/i.test(label)) current.up = false;
    else if (/^(description|描述)/i.test(label)) current.description = value;
    else if (/IPv4|^IP Address/i.test(label)) {
      const ip = /(\d{1,3}(?:\.\d{1,3}){3})/.exec(value)?.[1];
      if (ip) current.addresses.push(ip);
    }
  }
  return out;
}

/**
 * Other languages put the adapter's type words around its name (`Carte inconnue Mihomo :`): the last
 * word when it is a TUN name, else the whole title, so its addresses still count.
 */
function otherLanguageName(title: string): string | undefined {
  if (/configuration|konfiguration|configuración|конфигурация/i.test(title)) return undefined;
  const last = title.split(/\s+/).pop() ?? '';
  return isKnownTunName(last) || isGenericTunName(last) ? last : title || undefined;
}

export interface WindowsRoute {
  destination: string;
  mask: string;
  gateway: string;
  interfaceAddress: string;
  metric: number;
}

const IPV4 = String.raw`\d{1,3}(?:\.\d{1,3}){3}`;

/**
 * Rows of the active routes table. Its title and the gateway word are localized (`Aktive Routen:`,
 * `Auf Verbindung`), so rows are known by their shape: destination, mask, gateway, interface
 * address, metric. Persistent routes (4 columns, after the table's closing `===` line) are skipped.
 */
export function parseRoutePrint(text: string): WindowsRoute[] {
  const routes: WindowsRoute[] = [];
  const row = new RegExp(`^\\s*(${IPV4})\\s+(${IPV4})\\s+(\\S(?:.*?\\S)?)\\s+(${IPV4})\\s+(\\d+)\\s*$`);
  for (const line of text.split(/\r?\n/)) {
    if (/^=+$/.test(line.trim()) && routes.length) break;
    const m = row.exec(line);
    if (m)
      routes.push({ destination: m[1]!, mask: m[2]!, gateway: m[3]!, interfaceAddress: m[4]!, metric: Number(m[5]) });
  }
  return routes;
}

function toInt(ip: string): number {
  return ip.split('.').reduce((acc, part) => acc * 256 + Number(part), 0);
}

/** Longest prefix wins, then the lowest metric: how Windows picks the route for `target`. */
export function routeFor(routes: WindowsRoute[], target: string): WindowsRoute | undefined {
  const t = toInt(target);
  let best: WindowsRoute | undefined;
  for (const r of routes) {
    const mask = toInt(r.mask);
    if ((t & mask) >>> 0 !== (toInt(r.destination) & mask) >>> 0) continue;
    if (!best) best = r;
    else {
      const bestMask = toInt(best.mask);
      if (mask > bestMask || (mask === bestMask && r.metric < best.metric)) best = r;
    }
  }
  return best;
}

export function windowsRouteInfo(route: WindowsRoute | undefined, adapters: WindowsAdapter[]): RouteInfo {
  if (!route) return {};
  const adapter = adapters.find((a) => a.addresses.includes(route.interfaceAddress));
  const info: RouteInfo = { interface: adapter?.name ?? route.interfaceAddress, source: route.interfaceAddress };
  if (/^\d/.test(route.gateway)) info.gateway = route.gateway;
  return info;
}
