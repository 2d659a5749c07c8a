// Is a proxy app's TUN mode capturing this machine's traffic? Interface names, the route to a
// public address (looked up in the routing table, no packet sent) and fake-ip DNS answers.
import type { NetworkInterfaceInfo } from 'node:os';
import type { Message, TunInfo } from '../../../shared/types.ts';
import { msg } from '../../../shared/i18n/message.ts';
import { isFakeIpRange } from './host-port.ts';
import { runSafely, type RunCommand } from './run-command.ts';
import { mergeLinuxInterfaces, parseIpAddr, parseIpLink, parseIpRouteGet } from './tun-linux.ts';
import { parseIfconfig, parseRouteGet } from './tun-macos.ts';
import { AUTO_ROUTE_TABLE, isGenericTunName, isKnownTunName, type InterfaceInfo, type RouteInfo } from './tun-names.ts';
import { parseIpconfigAll, parseRoutePrint, routeFor, windowsRouteInfo } from './tun-windows.ts';

/** Any public address does; only the routing table is consulted. */
export const ROUTE_PROBE_ADDRESS = '1.1.1.1';

export interface DetectTunOptions {
  platform: NodeJS.Platform | string;
  run: RunCommand;
  networkInterfaces: () => NodeJS.Dict<NetworkInterfaceInfo[]>;
  /** Addresses the caller's DNS lookup returned for the API host, to spot fake-ip answers. */
  resolveFakeIp?: () => Promise<string[]>;
  timeoutMs?: number;
}

interface OsView {
  interfaces: InterfaceInfo[];
  route: RouteInfo;
}

async function readLinux(run: RunCommand, timeoutMs: number): Promise<OsView> {
  const [link, addr, route] = await Promise.all([
    runSafely(run, 'ip', ['-o', 'link'], timeoutMs),
    runSafely(run, 'ip', ['-o', 'addr'], timeoutMs),
    runSafely(run, 'ip', ['route', 'get', ROUTE_PROBE_ADDRESS], timeoutMs),
  ]);
  return {
    interfaces: mergeLinuxInterfaces(parseIpLink(link.stdout), parseIpAddr(addr.stdout)),
    route: route.code === 0 ? parseIpRouteGet(route.stdout) : {},
  };
}

async function readMacos(run: RunCommand, timeoutMs: number): Promise<OsView> {
  const [ifconfig, route] = await Promise.all([
    runSafely(run, 'ifconfig', [], timeoutMs),
    runSafely(run, 'route', ['-n', 'get', ROUTE_PROBE_ADDRESS], timeoutMs),
  ]);
  return { interfaces: parseIfconfig(ifconfig.stdout), route: route.code === 0 ? parseRouteGet(route.stdout) : {} };
}

async function readWindows(run: RunCommand, timeoutMs: number): Promise<OsView> {
  const [ipconfig, routes] = await Promise.all([
    runSafely(run, 'ipconfig', ['/all'], timeoutMs),
    runSafely(run, 'route', ['print', '-4'], timeoutMs),
  ]);
  const adapters = parseIpconfigAll(ipconfig.stdout);
  return {
    interfaces: adapters,
    route: windowsRouteInfo(routeFor(parseRoutePrint(routes.stdout), ROUTE_PROBE_ADDRESS), adapters),
  };
}

function fromNode(list: NodeJS.Dict<NetworkInterfaceInfo[]>): InterfaceInfo[] {
  return Object.entries(list).map(([name, infos]) => ({
    name,
    up: true,
    addresses: (infos ?? []).map((i) => i.address),
  }));
}

function merge(a: InterfaceInfo[], b: InterfaceInfo[]): InterfaceInfo[] {
  const byName = new Map<string, InterfaceInfo>();
  for (const iface of [...a, ...b]) {
    const seen = byName.get(iface.name);
    if (!seen) byName.set(iface.name, { ...iface, addresses: [...iface.addresses] });
    else {
      seen.up = seen.up && iface.up;
      for (const address of iface.addresses) if (!seen.addresses.includes(address)) seen.addresses.push(address);
    }
  }
  return [...byName.values()];
}

/** The pure decision, from what the OS readers saw. */
export function decideTun(interfaces: InterfaceInfo[], route: RouteInfo, dnsAnswers: string[] = []): TunInfo {
  const evidence: Message[] = [];
  const fake = (i: InterfaceInfo): string | undefined => i.addresses.find(isFakeIpRange);
  const tunLike = interfaces.filter((i) => i.up && (isKnownTunName(i.name) || isGenericTunName(i.name) || fake(i)));
  const known = tunLike.filter((i) => isKnownTunName(i.name));
  for (const i of known) {
    const address = fake(i);
    evidence.push(
      address
        ? msg('setup.tun.interface-up-fake-ip', { name: i.name, address })
        : msg('setup.tun.interface-up', { name: i.name }),
    );
  }

  let routeViaTun = false;
  const routeIface = route.interface ? interfaces.find((i) => i.name === route.interface) : undefined;
  if (route.interface) {
    const fakeHop = [route.gateway, route.source, routeIface && fake(routeIface)].find((a) => a && isFakeIpRange(a));
    const isTunDevice = isKnownTunName(route.interface) || isGenericTunName(route.interface) || !!fakeHop;
    // sing-box's documented tun address is 172.19.0.1/30 on `tunN`: its policy table tells it apart from OpenVPN.
    const autoRouteTable = route.table === AUTO_ROUTE_TABLE;
    routeViaTun = isKnownTunName(route.interface) || (isTunDevice && !!fakeHop) || autoRouteTable;
    if (routeViaTun) {
      evidence.push(
        msg('setup.tun.route-through', {
          target: ROUTE_PROBE_ADDRESS,
          interface: route.interface,
          via: route.gateway ? msg('setup.tun.route-via', { gateway: route.gateway }) : '',
          table: autoRouteTable ? msg('setup.tun.route-table', { table: AUTO_ROUTE_TABLE }) : '',
          fakeIp: fakeHop ? msg('setup.tun.route-fake-ip', { address: fakeHop }) : '',
        }),
      );
    } else if (isTunDevice) {
      evidence.push(msg('setup.tun.route-other-tunnel', { target: ROUTE_PROBE_ADDRESS, interface: route.interface }));
    }
  }
  for (const i of tunLike) {
    if (!isKnownTunName(i.name) && fake(i) && i.name !== route.interface) {
      evidence.push(msg('setup.tun.fake-ip-unused', { name: i.name, address: fake(i)!, target: ROUTE_PROBE_ADDRESS }));
    }
  }

  const info: TunInfo = { active: known.length > 0 || routeViaTun, interfaces: tunLike.map((i) => i.name), evidence };
  if (route.interface) info.routeInterface = route.interface;
  const fakeAnswer = dnsAnswers.find(isFakeIpRange);
  if (fakeAnswer) {
    info.fakeIp = fakeAnswer;
    evidence.push(
      msg(info.active ? 'setup.tun.dns-fake-ip' : 'setup.tun.dns-fake-ip-tun-off', { address: fakeAnswer }),
    );
  }
  return info;
}

/** Never rejects: commands that fail leave their part empty. */
export async function detectTun(opts: DetectTunOptions): Promise<TunInfo> {
  const timeoutMs = opts.timeoutMs ?? 1000;
  try {
    const read = opts.platform === 'win32' ? readWindows : opts.platform === 'darwin' ? readMacos : readLinux;
    const dns = opts.resolveFakeIp ? opts.resolveFakeIp().catch(() => [] as string[]) : Promise.resolve([] as string[]);
    const [view, answers] = await Promise.all([read(opts.run, timeoutMs), dns]);
    let fromOs: InterfaceInfo[] = [];
    try {
      fromOs = fromNode(opts.networkInterfaces());
    } catch {
      // os.networkInterfaces() can throw on some sandboxes; the commands still count.
    }
    return decideTun(merge(view.interfaces, fromOs), view.route, answers);
  } catch (error) {
    return {
      active: false,
      interfaces: [],
      evidence: [msg('setup.tun.failed', { error: error instanceof Error ? error.message : String(error) })],
    };
  }
}
