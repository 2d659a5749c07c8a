// The ports local proxy apps listen on out of the box (from each app's source defaults, see
// ../shared/FACTS.md). Users change them, so these are only guesses to sniff; what the port
// actually speaks is found by talking to it, never assumed from this table.

export type KnownPortKind = 'mixed' | 'http' | 'socks5';

export interface KnownProxyPort {
  port: number;
  /** App ids as in ProxyAppInfo.id. */
  appId: string;
  app: string;
  kind: KnownPortKind;
  note?: string;
}

export const KNOWN_PROXY_PORTS: readonly KnownProxyPort[] = [
  { port: 7890, appId: 'clash', app: 'Clash for Windows / ClashX', kind: 'mixed' },
  { port: 7890, appId: 'mihomo', app: 'mihomo', kind: 'mixed', note: 'the port most mihomo/Clash profiles use' },
  { port: 7897, appId: 'clash-verge-rev', app: 'Clash Verge Rev', kind: 'mixed' },
  { port: 7899, appId: 'clash-verge-rev', app: 'Clash Verge Rev', kind: 'http', note: 'off by default' },
  { port: 7898, appId: 'clash-verge-rev', app: 'Clash Verge Rev', kind: 'socks5', note: 'off by default' },
  { port: 10808, appId: 'v2rayn', app: 'v2rayN', kind: 'mixed', note: 'mixed since 7.3; SOCKS only before' },
  { port: 10809, appId: 'v2rayn', app: 'v2rayN', kind: 'http', note: 'before 7.3' },
  { port: 20170, appId: 'v2raya', app: 'v2rayA', kind: 'socks5' },
  { port: 20171, appId: 'v2raya', app: 'v2rayA', kind: 'http' },
  { port: 2080, appId: 'nekobox', app: 'NekoBox', kind: 'mixed' },
  { port: 2080, appId: 'sing-box', app: 'sing-box', kind: 'mixed', note: 'common in sing-box examples' },
  { port: 12334, appId: 'hiddify', app: 'Hiddify', kind: 'mixed' },
  { port: 1080, appId: 'shadowsocks-windows', app: 'Shadowsocks-Windows', kind: 'mixed' },
  { port: 1086, appId: 'shadowsocksx-ng', app: 'ShadowsocksX-NG', kind: 'socks5' },
  { port: 1087, appId: 'shadowsocksx-ng', app: 'ShadowsocksX-NG', kind: 'http' },
  { port: 1089, appId: 'qv2ray', app: 'Qv2ray', kind: 'socks5' },
  { port: 8889, appId: 'qv2ray', app: 'Qv2ray', kind: 'http' },
];

export interface KnownClashController {
  address: string;
  appId: string;
  app: string;
  /** The app's shipped default secret, tried when no config names one. */
  defaultSecret?: string;
}

export const KNOWN_CLASH_CONTROLLERS: readonly KnownClashController[] = [
  { address: '127.0.0.1:9090', appId: 'clash', app: 'Clash / ClashX / mihomo' },
  { address: '127.0.0.1:9097', appId: 'clash-verge-rev', app: 'Clash Verge Rev', defaultSecret: 'set-your-secret' },
];

/** Distinct well-known proxy ports, ascending. */
export function knownProxyPorts(): number[] {
  return [...new Set(KNOWN_PROXY_PORTS.map((p) => p.port))].sort((a, b) => a - b);
}

/** The app names that usually listen on `port`. */
export function appsForPort(port: number): string[] {
  return [...new Set(KNOWN_PROXY_PORTS.filter((p) => p.port === port).map((p) => p.app))];
}
