// Real nginx (Debian's /usr/sbin/nginx) in the foreground as a company gateway in front of the
// fake API, on a run-time port with its own prefix, pid, logs and temp paths. By default it does
// not forward the WebSocket upgrade (no `Upgrade`/`Connection` headers to the upstream): the
// upgrade reaches the service as a plain GET, as behind a gateway that does not pass WebSockets.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { freePort } from './ports.ts';
import { readLog, startDaemon, stopTracked } from './processes.ts';
import { makeTempDir } from './temp-dirs.ts';

export const NGINX_BINARY = '/usr/sbin/nginx';

export interface NginxOptions {
  /** The upstream on 127.0.0.1 (e.g. the fake API's port). */
  upstreamPort: number;
  /** Forward `Upgrade`/`Connection` so WebSockets pass (a gateway that works). Default false. */
  passUpgrade?: boolean;
}

export interface Nginx {
  port: number;
  /** http://127.0.0.1:PORT */
  url: string;
  /** http://127.0.0.1:PORT/v1: a provider base_url through the gateway. */
  baseUrl: string;
  /** One line per request: `"GET /v1/responses HTTP/1.1" 404 upgrade=websocket`. */
  accessLog(): string;
  errorLog(): string;
  stop(): Promise<void>;
}

export function nginxConfig(opts: NginxOptions & { port: number; dir: string; runAsRoot: boolean }): string {
  const file = (name: string) => path.join(opts.dir, name);
  const upgradeHeaders = opts.passUpgrade
    ? ['      proxy_set_header Upgrade $http_upgrade;', '      proxy_set_header Connection $lab_connection_upgrade;']
    : // A keep-alive gateway config that never thought of WebSockets: Upgrade is hop-by-hop, so it is dropped.
      ['      proxy_set_header Connection "";'];
  const lines = [
    ...(opts.runAsRoot ? ['user root;'] : []),
    'worker_processes 1;',
    `pid ${file('nginx.pid')};`,
    `error_log ${file('error.log')} info;`,
    'events { worker_connections 256; }',
    'http {',
    `  client_body_temp_path ${file('tmp/client_body')};`,
    `  proxy_temp_path ${file('tmp/proxy')};`,
    `  fastcgi_temp_path ${file('tmp/fastcgi')};`,
    `  uwsgi_temp_path ${file('tmp/uwsgi')};`,
    `  scgi_temp_path ${file('tmp/scgi')};`,
    '  log_format lab \'"$request" $status upgrade=$http_upgrade\';',
    `  access_log ${file('access.log')} lab;`,
    '  map $http_upgrade $lab_connection_upgrade { default upgrade; "" close; }',
    '  server {',
    `    listen 127.0.0.1:${opts.port};`,
    '    location / {',
    `      proxy_pass http://127.0.0.1:${opts.upstreamPort};`,
    '      proxy_http_version 1.1;',
    '      proxy_buffering off;',
    '      proxy_read_timeout 120s;',
    ...upgradeHeaders,
    '    }',
    '  }',
    '}',
  ];
  return `${lines.join('\n')}\n`;
}

export async function startNginx(opts: NginxOptions): Promise<Nginx> {
  if (!existsSync(NGINX_BINARY)) throw new Error(`${NGINX_BINARY} is missing: run scripts/install-system-deps.sh`);
  const dir = makeTempDir('lab-nginx');
  mkdirSync(path.join(dir, 'tmp'));
  const port = await freePort();
  const configPath = path.join(dir, 'nginx.conf');
  writeFileSync(configPath, nginxConfig({ ...opts, port, dir, runAsRoot: process.getuid?.() === 0 }));
  for (const log of ['access.log', 'error.log']) writeFileSync(path.join(dir, log), '');

  const logFile = (name: string) => path.join(dir, name);
  // -e: the error log before the config is read (Debian's default is /var/log/nginx/error.log).
  const { child } = await startDaemon({
    name: 'nginx',
    command: NGINX_BINARY,
    args: ['-p', dir, '-c', configPath, '-e', logFile('error.log'), '-g', 'daemon off;'],
    port,
    timeoutMs: 10_000,
    spawn: { cwd: dir },
    failureDetails: () => readLog(logFile('error.log')),
  });
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    baseUrl: `http://127.0.0.1:${port}/v1`,
    accessLog: () => readLog(logFile('access.log')),
    errorLog: () => readLog(logFile('error.log')),
    // SIGTERM is nginx's fast shutdown: the master stops its worker and removes its pid file.
    stop: () => stopTracked(child, 2000),
  };
}
