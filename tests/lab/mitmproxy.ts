// Real mitmproxy (Debian's /usr/bin/mitmdump) as a company's TLS-inspecting proxy: an explicit
// (regular) proxy that re-signs every site with its own CA, generated in a temp confdir, and sends
// everything on to an egress proxy (squid, `--mode upstream:`). It accepts the lab API's private-CA
// certificate (`ssl_insecure`), as inspection products trust what IT tells them to.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { freePort } from './ports.ts';
import { startDaemon, stopTracked } from './processes.ts';
import { makeTempDir } from './temp-dirs.ts';

export const MITMDUMP_BINARY = '/usr/bin/mitmdump';

export interface MitmProxyOptions {
  /** The egress proxy mitmproxy forwards to, e.g. a lab squid's http://127.0.0.1:PORT. */
  upstream: string;
}

export interface MitmProxy {
  port: number;
  /** http://127.0.0.1:PORT */
  url: string;
  /** The CA mitmproxy signs with: the certificate alone (PEM) and its file in the confdir. */
  caCert: string;
  caCertPath: string;
  /** What mitmdump printed (its flows at the lowest detail). */
  output(): string;
  stop(): Promise<void>;
}

export async function startMitmProxy(opts: MitmProxyOptions): Promise<MitmProxy> {
  if (!existsSync(MITMDUMP_BINARY))
    throw new Error(`${MITMDUMP_BINARY} is missing: run scripts/install-system-deps.sh (Debian package mitmproxy)`);
  const confdir = makeTempDir('lab-mitmproxy');
  const port = await freePort();
  const { child, output } = await startDaemon({
    name: 'mitmdump',
    command: MITMDUMP_BINARY,
    // prettier-ignore
    args: [
      '--listen-host', '127.0.0.1',
      '--listen-port', String(port),
      '--mode', `upstream:${opts.upstream}`,
      '--set', `confdir=${confdir}`,
      '--set', 'ssl_insecure=true',
      '--set', 'flow_detail=1',
      '--set', 'termlog_verbosity=warn',
    ],
    port,
    timeoutMs: 30_000,
    spawn: { cwd: confdir, env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: confdir, LANG: 'C.UTF-8' } },
    maxOutput: 256_000,
  });
  const caCertPath = path.join(confdir, 'mitmproxy-ca-cert.pem');
  if (!existsSync(caCertPath)) {
    await stopTracked(child, 500);
    throw new Error(`mitmdump listens but wrote no CA in ${confdir}`);
  }
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    caCert: readFileSync(caCertPath, 'utf8'),
    caCertPath,
    output,
    stop: () => stopTracked(child, 2000),
  };
}
