// A connected byte stream to host:port along a route: direct TCP, an HTTP proxy's CONNECT tunnel,
// or a SOCKS5 tunnel.
import type net from 'node:net';
import type { Message, ProbeResult, Route } from '../../../shared/types.ts';
import { msg } from '../../../shared/i18n/message.ts';
import { Deadline } from '../deadline.ts';
import { type ProbeOptions } from './failure.ts';
import { httpConnect } from './http-connect.ts';
import { routeProxy, type ProxyEndpoint } from './proxy-url.ts';
import { failedResult, okResult } from './result.ts';
import { socks5Connect } from './socks5.ts';
import { tcpConnect } from './tcp.ts';
import { formatHostPort } from '../environment/host-port.ts';

export interface TunnelTimings {
  /** Name lookup of the target (direct) or of the proxy. */
  dnsMs: number;
  /** TCP connect to the target (direct) or to the proxy. */
  tcpMs: number;
  /** The proxy handshake (CONNECT or SOCKS5), when there is a proxy. */
  proxyMs?: number;
}

export interface Tunnel {
  socket: net.Socket;
  timings: TunnelTimings;
  /** `direct`, `http-connect` or `socks5`. */
  via: 'direct' | 'http-connect' | 'socks5';
  detail: Message;
}

export interface TunnelResult {
  /** Phase `tcp`: ok with the timings, or the classified failure. */
  result: ProbeResult;
  /** The connected stream, when result.ok; the caller owns it and must destroy it. */
  socket?: net.Socket;
  timings?: TunnelTimings;
}

/** Opens the tunnel within the deadline; throws ProbeFailure. */
export async function establishTunnel(route: Route, host: string, port: number, deadline: Deadline): Promise<Tunnel> {
  const proxy = routeProxy(route);
  if (!proxy) {
    const tcp = await tcpConnect(host, port, deadline, 'target');
    return {
      socket: tcp.socket,
      timings: { dnsMs: tcp.dnsMs, tcpMs: tcp.tcpMs },
      via: 'direct',
      detail: msg('probes.tunnel.direct', { target: formatHostPort({ host, port }), address: tcp.address }),
    };
  }
  return proxiedTunnel(proxy, host, port, deadline);
}

async function proxiedTunnel(proxy: ProxyEndpoint, host: string, port: number, deadline: Deadline): Promise<Tunnel> {
  const tcp = await tcpConnect(proxy.host, proxy.port, deadline, 'proxy');
  try {
    if (proxy.scheme === 'http') {
      const connect = await httpConnect(tcp.socket, proxy, host, port, deadline);
      return {
        socket: tcp.socket,
        timings: { dnsMs: tcp.dnsMs, tcpMs: tcp.tcpMs, proxyMs: connect.proxyMs },
        via: 'http-connect',
        detail: msg('probes.tunnel.http-connect', {
          target: formatHostPort({ host, port }),
          proxy: proxy.display,
          status: connect.statusLine,
        }),
      };
    }
    const socks = await socks5Connect(tcp.socket, proxy, host, port, deadline);
    return {
      socket: tcp.socket,
      timings: { dnsMs: tcp.dnsMs, tcpMs: tcp.tcpMs, proxyMs: socks.proxyMs },
      via: 'socks5',
      detail: msg('probes.tunnel.socks5', {
        target: formatHostPort({ host: socks.requested, port }),
        proxy: proxy.display,
      }),
    };
  } catch (error) {
    tcp.socket.destroy();
    throw error;
  }
}

/** Opens a tunnel to host:port along the route. Never throws for network failures. */
export async function openTunnel(route: Route, host: string, port: number, opts: ProbeOptions): Promise<TunnelResult> {
  const deadline = new Deadline(opts.timeoutMs, opts.signal, opts.lookup);
  try {
    const tunnel = await establishTunnel(route, host, port, deadline);
    return {
      result: okResult('tcp', route, deadline, tunnel.detail, { via: tunnel.via, timings: tunnel.timings }),
      socket: tunnel.socket,
      timings: tunnel.timings,
    };
  } catch (error) {
    return { result: failedResult('tcp', route, deadline, error) };
  } finally {
    deadline.dispose();
  }
}
