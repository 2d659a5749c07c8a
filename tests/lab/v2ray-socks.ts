// Real v2ray 4.34 (Debian's /usr/bin/v2ray) as a SOCKS-only local proxy app: one socks inbound
// without auth and a freedom outbound that resolves through dns.hosts (api.lab.test → 127.0.0.1).
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { labHosts } from './loopback.ts';
import { freePort } from './ports.ts';
import { startDaemon, stopTracked } from './processes.ts';
import { makeTempDir } from './temp-dirs.ts';

export const V2RAY_BINARY = '/usr/bin/v2ray';

export interface V2raySocksOptions {
  /** Extra host → loopback address entries; api.lab.test → 127.0.0.1 is always there. */
  hosts?: Record<string, string>;
}

export interface V2raySocks {
  port: number;
  /** socks5h://127.0.0.1:PORT */
  url: string;
  /** v2ray's own output so far. */
  log(): string;
  stop(): Promise<void>;
}

export function v2rayConfig(port: number, hosts: Record<string, string>): Record<string, unknown> {
  return {
    log: { loglevel: 'warning' },
    dns: { hosts, servers: ['localhost'] },
    inbounds: [
      {
        tag: 'socks-in',
        listen: '127.0.0.1',
        port,
        protocol: 'socks',
        settings: { auth: 'noauth', udp: false },
      },
    ],
    outbounds: [
      // UseIPv4 makes freedom resolve names with v2ray's own DNS, so dns.hosts applies; IPv4 only,
      // because the lab's servers listen on 127.0.0.1 and not on ::1.
      { tag: 'direct', protocol: 'freedom', settings: { domainStrategy: 'UseIPv4' } },
      { tag: 'blocked', protocol: 'blackhole', settings: {} },
    ],
    routing: {
      domainStrategy: 'IPOnDemand',
      rules: [
        { type: 'field', ip: ['127.0.0.0/8', '::1/128'], outboundTag: 'direct' },
        // Anything that is not loopback goes nowhere: the lab never reaches the internet.
        { type: 'field', network: 'tcp,udp', outboundTag: 'blocked' },
      ],
    },
  };
}

export async function startV2raySocks(opts: V2raySocksOptions = {}): Promise<V2raySocks> {
  if (!existsSync(V2RAY_BINARY)) throw new Error(`${V2RAY_BINARY} is missing: run scripts/install-system-deps.sh`);
  const dir = makeTempDir('lab-v2ray');
  const port = await freePort();
  const configPath = path.join(dir, 'config.json');
  writeFileSync(configPath, JSON.stringify(v2rayConfig(port, labHosts(opts.hosts)), null, 2));

  const { child, output } = await startDaemon({
    name: 'v2ray',
    command: V2RAY_BINARY,
    args: ['-config', configPath],
    port,
    timeoutMs: 10_000,
    spawn: { cwd: dir, env: { PATH: process.env.PATH ?? '/usr/bin:/bin' } },
    stopGraceMs: 0,
  });
  return {
    port,
    url: `socks5h://127.0.0.1:${port}`,
    log: output,
    stop: () => stopTracked(child, 1000),
  };
}
