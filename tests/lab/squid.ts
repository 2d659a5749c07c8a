// Real squid (Debian's /usr/sbin/squid) in the foreground, on a run-time port, with a
// generated config: no disk cache, a hosts_file for api.lab.test, no DNS beyond it.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { labHosts } from './loopback.ts';
import { freePort } from './ports.ts';
import { readLog, startDaemon, stopTracked } from './processes.ts';
import { makeTempDir } from './temp-dirs.ts';

export const SQUID_BINARY = '/usr/sbin/squid';
const NCSA_AUTH_HELPER = '/usr/lib/squid/basic_ncsa_auth';

export interface SquidOptions {
  /** Deny CONNECT to any port but 443: plain HTTP is forwarded, the WebSocket tunnel is not. */
  denyConnect?: boolean;
  /** Require proxy basic auth (407 without credentials). */
  basicAuth?: { user: string; password: string };
  /** Extra host → loopback address entries; api.lab.test → 127.0.0.1 is always there. */
  hosts?: Record<string, string>;
}

export interface Squid {
  port: number;
  /** http://127.0.0.1:PORT (no credentials in it). */
  url: string;
  /** The access log so far. */
  accessLog(): string;
  /** squid's own log (startup errors). */
  cacheLog(): string;
  stop(): Promise<void>;
}

function proxyUserIds(): { uid: number; gid: number } | undefined {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('proxy:'));
  const fields = line?.split(':');
  if (!fields || fields.length < 4) return undefined;
  return { uid: Number(fields[2]), gid: Number(fields[3]) };
}

function chownTree(dir: string, uid: number, gid: number): void {
  chownSync(dir, uid, gid);
  for (const name of readdirSync(dir)) chownSync(path.join(dir, name), uid, gid);
}

function htpasswdLine(user: string, password: string): string {
  if (!/^[A-Za-z0-9._-]+$/.test(user)) throw new Error('lab proxy user names are limited to [A-Za-z0-9._-]');
  // -stdin keeps the password off the command line.
  const hash = execFileSync('openssl', ['passwd', '-apr1', '-stdin'], { input: `${password}\n` })
    .toString()
    .trim();
  return `${user}:${hash}\n`;
}

export function squidConfig(opts: { port: number; dir: string; runAsProxyUser: boolean } & SquidOptions): string {
  const { port, dir } = opts;
  const file = (name: string) => path.join(dir, name);
  const lines = [
    `http_port 127.0.0.1:${port}`,
    `pid_filename ${file('squid.pid')}`,
    `cache_log ${file('cache.log')}`,
    `access_log stdio:${file('access.log')}`,
    'cache_store_log none',
    'logfile_rotate 0',
    `coredump_dir ${dir}`,
    `netdb_filename none`,
    'cache deny all',
    'cache_mem 1 MB',
    `hosts_file ${file('hosts')}`,
    // Names outside hosts_file go to a port where nothing answers: squid never reaches the internet.
    'dns_nameservers 127.0.0.1',
    'dns_timeout 2 seconds',
    'pinger_enable off',
    'icp_port 0',
    'htcp_port 0',
    'shutdown_lifetime 0 seconds',
    'max_filedescriptors 1024',
    'via off',
    'forwarded_for delete',
    'acl SSL_ports port 443',
    'acl CONNECT method CONNECT',
    // Matched on the name as written (-n: no DNS), so anything else is refused at once.
    `acl lab_destinations dstdomain -n ${['localhost', '127.0.0.1', '::1', ...Object.keys(opts.hosts ?? {})].join(' ')}`,
  ];
  if (opts.runAsProxyUser) lines.push('cache_effective_user proxy');
  if (opts.basicAuth) {
    lines.push(
      `auth_param basic program ${NCSA_AUTH_HELPER} ${file('htpasswd')}`,
      'auth_param basic children 2 startup=1 idle=1',
      'auth_param basic realm lab',
      'acl lab_users proxy_auth REQUIRED',
      'http_access deny !lab_users',
    );
  }
  if (opts.denyConnect) lines.push('http_access deny CONNECT !SSL_ports');
  lines.push('http_access deny !lab_destinations', 'http_access allow all');
  return `${lines.join('\n')}\n`;
}

export async function startSquid(opts: SquidOptions = {}): Promise<Squid> {
  if (!existsSync(SQUID_BINARY)) throw new Error(`${SQUID_BINARY} is missing: run scripts/install-system-deps.sh`);
  const dir = makeTempDir('lab-squid');
  const port = await freePort();
  const runAsProxyUser = process.getuid?.() === 0;
  const hosts = labHosts(opts.hosts);
  writeFileSync(
    path.join(dir, 'hosts'),
    ['127.0.0.1 localhost', ...Object.entries(hosts).map(([name, address]) => `${address} ${name}`)].join('\n') + '\n',
  );
  if (opts.basicAuth)
    writeFileSync(path.join(dir, 'htpasswd'), htpasswdLine(opts.basicAuth.user, opts.basicAuth.password));
  const configPath = path.join(dir, 'squid.conf');
  writeFileSync(configPath, squidConfig({ port, dir, runAsProxyUser, ...opts, hosts }));
  for (const log of ['access.log', 'cache.log']) writeFileSync(path.join(dir, log), '');
  if (runAsProxyUser) {
    const ids = proxyUserIds();
    if (!ids) throw new Error('running as root but there is no `proxy` user for squid');
    chownTree(dir, ids.uid, ids.gid);
  }

  const { child } = await startDaemon({
    name: 'squid',
    command: SQUID_BINARY,
    args: ['-N', '-d1', '-f', configPath],
    port,
    timeoutMs: 15_000,
    spawn: { cwd: dir },
  });
  const logFile = (name: string) => path.join(dir, name);

  return {
    port,
    url: `http://127.0.0.1:${port}`,
    accessLog: () => readLog(logFile('access.log')),
    cacheLog: () => readLog(logFile('cache.log')),
    // squid's graceful shutdown takes ~2 s even with shutdown_lifetime 0; a lab proxy has nothing to save.
    stop: () => stopTracked(child, 0),
  };
}
