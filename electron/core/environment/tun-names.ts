// Names TUN stacks of proxy apps give their devices (see ../shared/FACTS.md), and shared shapes.

export interface InterfaceInfo {
  name: string;
  up: boolean;
  addresses: string[];
}

export interface RouteInfo {
  interface?: string;
  gateway?: string;
  source?: string;
  /** Linux policy-routing table the route was found in (`ip route get` prints it when not main). */
  table?: string;
}

/**
 * The routing table mihomo (`iproute2-table-index`) and sing-box (`iproute2_table_index`) put
 * their auto-route in by default; wg-quick uses 51820 and Tailscale 52, so it does not clash.
 */
export const AUTO_ROUTE_TABLE = '2022';

/**
 * Devices only proxy apps create: mihomo `Meta`, Clash Verge Rev `Mihomo` / `utun1024`, v2rayN
 * `singbox_tun` / `xray_tun`, Clash for Windows `Clash` / `cfw-tun`.
 */
const KNOWN_TUN = [/^meta$/i, /^mihomo$/i, /^utun1024$/, /^singbox_tun$/i, /^xray_tun$/i, /^clash/i, /^cfw-/i];

/**
 * Generic TUN names, also used by system VPNs (macOS utunN for iCloud Private Relay and VPN apps,
 * Linux tunN for OpenVPN, WireGuard's wintun): these need more evidence.
 */
const GENERIC_TUN = [/^utun\d+$/, /^tun\d+$/, /wintun/i];

export function isKnownTunName(name: string): boolean {
  return KNOWN_TUN.some((re) => re.test(name));
}

export function isGenericTunName(name: string): boolean {
  return GENERIC_TUN.some((re) => re.test(name));
}
