// A local stand-in for mihomo's external controller (GET /version, GET/PATCH /configs with a Bearer
// secret), with switches for sing-box's flavour and for a core that cannot turn TUN on.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeClashOptions {
  secret?: string;
  flavour?: 'mihomo' | 'sing-box';
  /** Accept PATCH but leave TUN as it was (no admin rights). */
  tunStuck?: boolean;
  mixedPort?: number;
  port?: number;
  socksPort?: number;
  tun?: boolean;
}

export interface FakeClash {
  address: string;
  port: number;
  requests: { method: string; url: string; authorization?: string }[];
  state: { tun: boolean };
  close(): Promise<void>;
}

export async function startFakeClashApi(opts: FakeClashOptions = {}): Promise<FakeClash> {
  const state = { tun: opts.tun ?? false };
  const requests: FakeClash['requests'] = [];
  const server = http.createServer((req, res) => {
    const entry: FakeClash['requests'][number] = { method: req.method ?? '', url: req.url ?? '' };
    // Node hands header bytes over as latin1; mihomo (Go) compares the raw bytes, i.e. UTF-8.
    const authorization =
      req.headers.authorization === undefined
        ? undefined
        : Buffer.from(req.headers.authorization, 'latin1').toString('utf8');
    if (authorization) entry.authorization = authorization;
    requests.push(entry);
    const send = (status: number, body?: unknown): void => {
      res.writeHead(status, body === undefined ? {} : { 'Content-Type': 'application/json' });
      res.end(body === undefined ? undefined : JSON.stringify(body));
    };
    if (opts.secret && authorization !== `Bearer ${opts.secret}`) return send(401, { message: 'Unauthorized' });
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
    req.on('end', () => {
      if (req.method === 'GET' && req.url === '/version') {
        return send(
          200,
          opts.flavour === 'sing-box'
            ? { meta: true, premium: true, version: 'sing-box 1.10.7' }
            : { meta: true, version: 'v1.19.1' },
        );
      }
      if (req.method === 'GET' && req.url === '/configs') {
        const sing = opts.flavour === 'sing-box';
        return send(200, {
          port: sing ? 0 : (opts.port ?? 0),
          'socks-port': sing ? 0 : (opts.socksPort ?? 0),
          'redir-port': 0,
          'tproxy-port': 0,
          'mixed-port': sing ? 0 : (opts.mixedPort ?? 7897),
          tun: { enable: state.tun, device: 'Mihomo', stack: 'gvisor', 'auto-route': true },
          'allow-lan': false,
          mode: 'rule',
          'log-level': 'info',
        });
      }
      if (req.method === 'PATCH' && req.url === '/configs') {
        try {
          const body = JSON.parse(raw) as { tun?: { enable?: boolean } };
          if (typeof body.tun?.enable === 'boolean' && !opts.tunStuck) state.tun = body.tun.enable;
          return send(204);
        } catch {
          return send(400, { message: 'Body invalid' });
        }
      }
      send(404, { message: 'not found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    address: `127.0.0.1:${port}`,
    port,
    requests,
    state,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
