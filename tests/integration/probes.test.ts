// The probes against real things on 127.0.0.1: the lab's fake Responses API (http and https with a
// private CA), squid (open, denying CONNECT, with basic auth), v2ray as a SOCKS-only proxy, a
// closed port, and the pinned Codex CLI as the reference for the WebSocket headers.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import type { Message, ProbeResult, Route } from '../../shared/types.ts';
import { msg } from '../../shared/i18n/message.ts';
import { en, zh } from '../i18n.ts';
import {
  CODEX_WEBSOCKET_HEADERS,
  type LookupFn,
  openTunnel,
  probeHttps,
  probeRoute,
  probeTls,
  probeWebSocket,
  resolveHost,
  sniffProxyPort,
} from '../../electron/core/probes/index.ts';
import {
  LAB_API_KEY,
  LAB_HOST,
  LAB_OTHER_API_KEY,
  closedPort,
  makeCodexHome,
  makeTestCa,
  runCodex,
  startFakeResponsesApi,
  startSquid,
  startV2raySocks,
  type FakeResponsesApi,
  type Squid,
  type TestCa,
  type V2raySocks,
} from '../lab/index.ts';

const direct: Route = { kind: 'direct', label: msg('probes.route.direct') };
const proxied = (proxyUrl: string): Route => ({
  kind: 'local-proxy',
  label: msg('common.text', { text: 'lab proxy' }),
  proxyUrl,
});
/**
 * The lab's stand-in for getaddrinfo: the system resolver would ask this machine's DNS server,
 * which is not on loopback, and the tests never send traffic off loopback. Names outside the table
 * fail as an unresolvable name does (api.lab.test is only known to the proxies).
 */
const LAB_NAMES: Record<string, string[]> = { localhost: ['127.0.0.1', '::1'], 'fake-ip.lab.test': ['198.18.0.5'] };
const labLookup: LookupFn = async (host) => {
  const addresses = LAB_NAMES[host];
  if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
  return addresses.map((address) => ({ address, family: net.isIPv6(address) ? 6 : 4 }));
};
/** The credential Codex would send to the lab's service (the fake wants it, as OpenAI's does). */
const AUTH = { headers: { Authorization: `Bearer ${LAB_API_KEY}` }, usable: true };
const T = { timeoutMs: 1500, lookup: labLookup, auth: AUTH };
/** The same probes without a credential, where a test is about what a 401 proves. */
const ANON = { timeoutMs: 1500, lookup: labLookup };
const PROXY_PASSWORD = 'lab-Pr0xy-pw';

let api: FakeResponsesApi;
let tlsApi: FakeResponsesApi;
let ca: TestCa;
let squid: Squid;
let squidDenyConnect: Squid;
let squidAuth: Squid;
let v2ray: V2raySocks;
let closed: number;

/** The lab's base URL under the name only the proxies can resolve. */
const labUrl = (server: FakeResponsesApi, scheme = 'http') => `${scheme}://${LAB_HOST}:${server.port}/v1`;
/** squid writes a tunnel's log line when the tunnel closes: wait for it. */
async function waitForLog(proxy: Squid, pattern: RegExp, timeoutMs = 3000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const log = proxy.accessLog();
    if (pattern.test(log) || Date.now() > deadline) return log;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const wsUrl = (server: FakeResponsesApi) => `ws://127.0.0.1:${server.port}/v1/responses`;

before(async () => {
  ca = await makeTestCa();
  [api, tlsApi, squid, squidDenyConnect, squidAuth, v2ray, closed] = await Promise.all([
    startFakeResponsesApi({ mode: 'ok' }),
    startFakeResponsesApi({ mode: 'ok', tls: { cert: ca.cert, key: ca.key } }),
    startSquid(),
    startSquid({ denyConnect: true }),
    startSquid({ basicAuth: { user: 'labuser', password: PROXY_PASSWORD } }),
    startV2raySocks(),
    closedPort(),
  ]);
});

after(async () => {
  await Promise.all([
    api?.close(),
    tlsApi?.close(),
    squid?.stop(),
    squidDenyConnect?.stop(),
    squidAuth?.stop(),
    v2ray?.stop(),
  ]);
});

describe('WebSocket upgrade, direct', () => {
  test('101 from a working server', async () => {
    api.setMode('ok');
    const r = await probeWebSocket(wsUrl(api), direct, T);
    assert.equal(r.ok, true, en(r.detail));
    assert.equal(r.phase, 'websocket');
    assert.equal(r.data?.status, 101);
  });

  test('403 is refused, by the server', async () => {
    api.setMode('refuse');
    const r = await probeWebSocket(wsUrl(api), direct, T);
    assert.equal(r.failure, 'refused', en(r.detail));
    assert.equal(r.data?.status, 403);
    assert.equal(r.data?.refusedBy, 'server');
  });

  test('no answer is stalled, within the timeout', async () => {
    api.setMode('stall');
    const started = performance.now();
    const r = await probeWebSocket(wsUrl(api), direct, { timeoutMs: 1500, auth: AUTH });
    const elapsed = performance.now() - started;
    assert.equal(r.failure, 'stalled', en(r.detail));
    assert.ok(elapsed < 2000, `took ${elapsed} ms`);
    assert.ok(elapsed >= 1400, `gave up early, after ${elapsed} ms`);
  });

  test('a dropped connection is reset', async () => {
    api.setMode('reset');
    const r = await probeWebSocket(wsUrl(api), direct, T);
    assert.equal(r.failure, 'reset', en(r.detail));
  });

  test('a closed port is tcp-refused', async () => {
    const r = await probeWebSocket(`ws://127.0.0.1:${closed}/v1/responses`, direct, T);
    assert.equal(r.failure, 'tcp-refused', en(r.detail));
  });

  test('cancelling ends a stalled probe at once', async () => {
    api.setMode('stall');
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = performance.now();
    const r = await probeWebSocket(wsUrl(api), direct, { timeoutMs: 5000, signal: controller.signal });
    assert.ok(performance.now() - started < 600);
    assert.equal(r.ok, false);
    assert.equal(r.data?.cancelled, true);
  });
});

describe("credentials: Codex's own, to the service only", () => {
  test('an authenticated upgrade gets 101 and a ping its pong; the Authorization is the one given', async () => {
    api.setMode('ok');
    const r = await probeWebSocket(wsUrl(api), direct, {
      ...T,
      headers: { Authorization: 'Bearer sk-should-not-leave' },
    });
    assert.equal(r.ok, true, en(r.detail));
    assert.equal(r.data?.authenticated, true);
    assert.equal(typeof r.data?.pongMs, 'number');
    const h = api.lastHeaders!;
    assert.equal(h.upgrade, 'websocket');
    assert.equal(
      h.authorization,
      `Bearer ${LAB_API_KEY}`,
      'credentials come only from the credential, never from extra headers',
    );
    assert.equal(h.originator, 'codex_exec');
    assert.equal(h['openai-beta'], CODEX_WEBSOCKET_HEADERS['OpenAI-Beta']);
    assert.doesNotMatch(en(r.detail), new RegExp(LAB_API_KEY));
  });

  test("without a credential the service's 401 is 'unauthenticated': reached, not refused", async () => {
    api.setMode('ok');
    const r = await probeWebSocket(wsUrl(api), direct, ANON);
    assert.equal(r.failure, 'unauthenticated', en(r.detail));
    assert.equal(r.data?.status, 401);
    const https = await probeHttps(`${api.baseUrl}/models`, direct, ANON);
    assert.equal(https.ok, true, en(https.detail));
    assert.equal(https.data?.status, 401);
  });

  test('a wrong key is login-rejected on both the upgrade and HTTPS', async () => {
    api.setMode('ok');
    const wrong = { headers: { Authorization: `Bearer ${LAB_OTHER_API_KEY}` }, usable: true };
    const ws = await probeWebSocket(wsUrl(api), direct, { ...T, auth: wrong });
    assert.equal(ws.failure, 'login-rejected', en(ws.detail));
    const https = await probeHttps(`${api.baseUrl}/models`, direct, { ...T, auth: wrong });
    assert.equal(https.failure, 'login-rejected', en(https.detail));
    assert.doesNotMatch(JSON.stringify([ws, https]), new RegExp(LAB_OTHER_API_KEY));
  });

  test('frames dropped after 101 (the connection closed or reset at the first frame) is frames-dropped', async () => {
    for (const dropWith of ['close', 'rst'] as const) {
      const dropping = await startFakeResponsesApi({ mode: 'drop-frames', dropWith });
      try {
        const r = await probeWebSocket(wsUrl(dropping), direct, T);
        assert.equal(r.failure, 'frames-dropped', `${dropWith}: ${en(r.detail)}`);
        assert.equal(r.data?.status, 101);
      } finally {
        await dropping.close();
      }
    }
  });

  test('plain http through a forwarding proxy: the credential is not sent to the proxy', async () => {
    const before = api.requests.length;
    const r = await probeHttps(`${labUrl(api)}/models`, proxied(squid.url), T);
    assert.equal(r.ok, true, en(r.detail));
    assert.equal(r.data?.authenticated, false);
    const seen = api.requests.slice(before);
    assert.ok(seen.length > 0 && seen.every((q) => !q.authorized), 'the service saw the request without the key');
  });

  test('through a CONNECT tunnel the credential reaches the service (the proxy sees only CONNECT)', async () => {
    const r = await probeWebSocket(`ws://${LAB_HOST}:${api.port}/v1/responses`, proxied(squid.url), T);
    assert.equal(r.ok, true, en(r.detail));
    assert.equal(api.lastHeaders?.authorization, `Bearer ${LAB_API_KEY}`);
  });

  test('the headers match what the pinned Codex sends, Authorization included', async () => {
    api.setMode('stall');
    const home = makeCodexHome({ baseUrl: api.baseUrl });
    // Codex waits on the stalled upgrade; its first request is the upgrade, then we stop it.
    await runCodex({ codexHome: home, timeoutMs: 4000 });
    const codex = api.lastHeaders!;
    assert.equal(codex.upgrade, 'websocket', 'Codex should have tried the WebSocket');
    assert.equal(
      codex.authorization,
      `Bearer ${LAB_API_KEY}`,
      'Codex sends the key named by env_key as a bearer token, as the probe does',
    );
    assert.equal(codex.originator, CODEX_WEBSOCKET_HEADERS.originator);
    assert.equal(codex['openai-beta'], CODEX_WEBSOCKET_HEADERS['OpenAI-Beta']);
    assert.equal(codex['sec-websocket-extensions'], CODEX_WEBSOCKET_HEADERS['Sec-WebSocket-Extensions']);
    const version = /^codex_exec\/([\d.]+)/.exec(String(codex['user-agent']))?.[1];
    assert.ok(CODEX_WEBSOCKET_HEADERS['User-Agent']!.startsWith(`codex_exec/${version} `));
    api.setMode('ok');
  });
});

describe('HTTPS', () => {
  test("a squid error page is the proxy's, not the service's", async () => {
    const r = await probeHttps(`http://127.0.0.1:${closed}/v1/models`, proxied(squid.url), T);
    assert.equal(r.failure, 'proxy-error-page', en(r.detail));
    assert.match(String((r.data?.headers as Record<string, string>)['x-squid-error']), /ERR_CONNECT_FAIL/);
  });

  test('plain http through an HTTP proxy is forwarded, not tunnelled', async () => {
    const r = await probeHttps(`${labUrl(api)}/models`, proxied(squid.url), T);
    assert.equal(r.ok, true, en(r.detail));
    assert.equal(r.data?.via, 'http-forward');
    const pattern = new RegExp(`GET http://${LAB_HOST}:${api.port}/v1/models`);
    assert.match(await waitForLog(squid, pattern), pattern);
  });

  test('https through squid: CONNECT, TLS with the extra CA, the service answers', async () => {
    const results = await probeRoute({ baseUrl: labUrl(tlsApi, 'https') }, proxied(squid.url), { ...T, ca: ca.caCert });
    const byPhase = Object.fromEntries(results.map((r) => [r.phase, r]));
    assert.deepEqual(
      results.map((r) => r.phase),
      ['tcp', 'tls', 'https', 'websocket'],
    );
    for (const r of results) assert.equal(r.ok, true, `${r.phase}: ${en(r.detail)}`);
    assert.equal(byPhase.https!.data?.status, 200);
    const timings = byPhase.https!.data?.timings as Record<string, number>;
    for (const key of ['tcpMs', 'proxyMs', 'tlsMs', 'firstByteMs']) assert.equal(typeof timings[key], 'number', key);
  });
});

describe('TLS', () => {
  const connect = async () => {
    const tunnel = await openTunnel(direct, '127.0.0.1', tlsApi.port, T);
    assert.ok(tunnel.socket, en(tunnel.result.detail));
    return tunnel.socket!;
  };

  test('a private CA is untrusted-ca, with the chain still reported', async () => {
    const r = await probeTls(await connect(), { servername: '127.0.0.1', ...T });
    assert.equal(r.failure, 'untrusted-ca', en(r.detail));
    assert.equal(r.data?.publicRoot, false);
    assert.equal(r.data?.authorized, false);
    assert.deepEqual(r.data?.chain, ['127.0.0.1']);
  });

  test('the CA from SSL_CERT_FILE is accepted; the root is still not public', async () => {
    const r = await probeTls(await connect(), { servername: '127.0.0.1', ca: ca.caCert, ...T });
    assert.equal(r.ok, true, en(r.detail));
    assert.equal(r.data?.authorized, true);
    assert.equal(r.data?.publicRoot, false);
    assert.match(String(r.data?.protocol), /^TLSv1\.[23]$/);
    assert.deepEqual(r.data?.chain, ['127.0.0.1', 'Codex Connection Doctor Lab CA']);
  });

  test('wss without the CA fails as Codex does; with it, 101', async () => {
    const url = `wss://127.0.0.1:${tlsApi.port}/v1/responses`;
    tlsApi.setMode('ok');
    assert.equal((await probeWebSocket(url, direct, T)).failure, 'untrusted-ca');
    const r = await probeWebSocket(url, direct, { ...T, ca: ca.caCert });
    assert.equal(r.ok, true, en(r.detail));
  });

  test('TLS to a plain-HTTP port is a tls-error', async () => {
    const r = await probeHttps(`https://127.0.0.1:${api.port}/v1/models`, direct, T);
    assert.equal(r.failure, 'tls-error', en(r.detail));
  });
});

describe('through squid', () => {
  test('an open squid carries the WebSocket (CONNECT)', async () => {
    api.setMode('ok');
    const r = await probeWebSocket(`ws://${LAB_HOST}:${api.port}/v1/responses`, proxied(squid.url), T);
    assert.equal(r.ok, true, en(r.detail));
    assert.equal(r.data?.via, 'http-connect');
    const pattern = new RegExp(`TCP_TUNNEL/200 .*CONNECT ${LAB_HOST}:${api.port}`);
    assert.match(await waitForLog(squid, pattern), pattern);
  });

  test('a server refusal behind the tunnel is still the server’s', async () => {
    api.setMode('refuse');
    const r = await probeWebSocket(`ws://${LAB_HOST}:${api.port}/v1/responses`, proxied(squid.url), T);
    assert.equal(r.failure, 'refused', en(r.detail));
    assert.equal(r.data?.refusedBy, 'server');
  });

  test('a stall behind the tunnel is stalled, within the timeout', async () => {
    api.setMode('stall');
    const started = performance.now();
    const r = await probeWebSocket(`ws://${LAB_HOST}:${api.port}/v1/responses`, proxied(squid.url), {
      timeoutMs: 1500,
      auth: AUTH,
    });
    assert.equal(r.failure, 'stalled', en(r.detail));
    assert.ok(performance.now() - started < 2000);
  });

  test('squid denying CONNECT: HTTPS works (forwarded), the WebSocket is connect-denied by the proxy', async () => {
    api.setMode('ok');
    const results = await probeRoute({ baseUrl: labUrl(api) }, proxied(squidDenyConnect.url), T);
    const https = results.find((r) => r.phase === 'https')!;
    const ws = results.find((r) => r.phase === 'websocket')!;
    assert.equal(
      results.some((r) => r.phase === 'dns'),
      false,
      'no local DNS through a proxy',
    );
    assert.equal(https.ok, true, en(https.detail));
    assert.equal(ws.failure, 'connect-denied', en(ws.detail));
    assert.equal(ws.data?.refusedBy, 'proxy');
    assert.equal(ws.data?.status, 403);
    assert.match(en(ws.detail), /squid/);
  });

  test('squid with basic auth: 407 without a login, works with the one in the proxy URL, never shows it', async () => {
    api.setMode('ok');
    const without = await probeRoute({ baseUrl: labUrl(api) }, proxied(squidAuth.url), T);
    assert.equal(without.find((r) => r.phase === 'websocket')?.failure, 'proxy-auth-required');
    assert.equal(without.find((r) => r.phase === 'https')?.failure, 'proxy-auth-required');

    const url = squidAuth.url.replace('http://', `http://labuser:${PROXY_PASSWORD}@`);
    const route: Route = {
      kind: 'configured-proxy',
      label: msg('common.text', { text: 'HTTPS_PROXY' }),
      proxyUrl: url,
      display: 'http://labuser:****@…',
    };
    const withLogin = await probeRoute({ baseUrl: labUrl(api) }, route, T);
    for (const r of withLogin) assert.equal(r.ok, true, `${r.phase}: ${en(r.detail)}`);
    const shown = JSON.stringify(withLogin.map(({ route: _route, ...rest }) => rest));
    assert.ok(!shown.includes(PROXY_PASSWORD), 'the proxy password leaked into a result');
  });
});

describe('through v2ray (SOCKS only)', () => {
  test('socks5h:// carries the WebSocket and reaches the service; the name is resolved by the proxy', async () => {
    api.setMode('ok');
    // The lab's v2ray sometimes resolves the lab name to ::1 (where the fake API does not listen)
    // and gives up after its dial retries; the probe reports that faithfully, so allow a retry.
    let results: ProbeResult[] = [];
    for (let attempt = 0; attempt < 3; attempt += 1) {
      results = await probeRoute({ baseUrl: labUrl(api) }, proxied(v2ray.url), { timeoutMs: 2500, auth: AUTH });
      if (results.every((r) => r.ok)) break;
    }
    for (const r of results) assert.equal(r.ok, true, `${r.phase}: ${en(r.detail)}`);
    const https = results.find((r) => r.phase === 'https')!;
    assert.equal(https.data?.via, 'socks5');
    assert.match(en(https.data?.note as Message), /cannot use a SOCKS proxy/);
  });

  test('socks5:// resolves locally, where the lab name does not resolve', async () => {
    const r = await probeWebSocket(
      `ws://${LAB_HOST}:${api.port}/v1/responses`,
      proxied(v2ray.url.replace('socks5h', 'socks5')),
      T,
    );
    assert.equal(r.failure, 'dns-error', en(r.detail));
  });

  test('socks5:// to an address works', async () => {
    const r = await probeWebSocket(wsUrl(api), proxied(v2ray.url.replace('socks5h', 'socks5')), T);
    assert.equal(r.ok, true, en(r.detail));
  });

  test('http:// at the SOCKS port is a protocol mismatch, quickly', async () => {
    const started = performance.now();
    const r = await probeWebSocket(
      `ws://${LAB_HOST}:${api.port}/v1/responses`,
      proxied(`http://127.0.0.1:${v2ray.port}`),
      T,
    );
    assert.equal(r.failure, 'proxy-protocol-mismatch', en(r.detail));
    assert.ok(performance.now() - started < 1000);
  });

  test('socks5h:// at the HTTP port fails within the timeout', async () => {
    const started = performance.now();
    const r = await probeWebSocket(
      `ws://${LAB_HOST}:${api.port}/v1/responses`,
      proxied(`socks5h://127.0.0.1:${squid.port}`),
      T,
    );
    assert.ok(r.failure === 'stalled' || r.failure === 'proxy-protocol-mismatch', `${r.failure}: ${en(r.detail)}`);
    assert.ok(performance.now() - started < 2000);
  });

  test('a far end that refuses: the tunnel dies (v2ray confirms before it connects)', async () => {
    const r = await probeWebSocket(`ws://127.0.0.1:${closed}/v1/responses`, proxied(v2ray.url), T);
    assert.ok(r.failure === 'reset' || r.failure === 'tcp-refused', `${r.failure}: ${en(r.detail)}`);
  });
});

describe('dead proxies', () => {
  test('nothing listening on the proxy port is proxy-unreachable, for every step', async () => {
    const results = await probeRoute({ baseUrl: labUrl(api) }, proxied(`http://127.0.0.1:${closed}`), T);
    assert.deepEqual(
      results.map((r) => r.failure),
      ['proxy-unreachable', 'proxy-unreachable', 'proxy-unreachable'],
    );
  });

  test('an https:// proxy URL is not something Codex accepts', async () => {
    const r = await probeWebSocket(wsUrl(api), proxied(`https://127.0.0.1:${squid.port}`), T);
    assert.equal(r.failure, 'error');
    assert.match(en(r.detail), /does not accept https:\/\//);
  });
});

describe('DNS', () => {
  // DNS servers on loopback where nothing listens: the direct A/AAAA queries stay on this machine.
  const dnsOpts = () => ({ ...T, dnsServers: [`127.0.0.1:${closed}`] });

  test('names resolve through the given resolver (the system one by default)', async () => {
    const r = await resolveHost('localhost', dnsOpts());
    assert.equal(r.ok, true, en(r.detail));
    assert.deepEqual(r.data?.a, ['127.0.0.1']);
    assert.deepEqual(r.data?.aaaa, ['::1']);
    assert.equal(r.data?.fakeIp, undefined);
  });

  test('a fake-ip answer (198.18.0.0/15) is flagged', async () => {
    const r = await resolveHost('fake-ip.lab.test', dnsOpts());
    assert.equal(r.ok, true, en(r.detail));
    assert.equal(r.data?.fakeIp, '198.18.0.5');
    assert.match(en(r.detail), /fake-ip/);
    assert.match(zh(r.detail), /fake-ip/);
  });

  test('an IP literal skips the lookup', async () => {
    const r = await resolveHost('::1', dnsOpts());
    assert.equal(r.ok, true);
    assert.equal(r.durationMs, 0);
    assert.deepEqual(r.data?.aaaa, ['::1']);
  });

  test('a name that does not resolve is dns-error, within the timeout', async () => {
    const started = performance.now();
    const r = await resolveHost('no-such-host.invalid', { ...dnsOpts(), timeoutMs: 800 });
    assert.equal(r.failure, 'dns-error', en(r.detail));
    assert.ok(performance.now() - started < 1300);
  });
});

describe('proxy port sniffing', () => {
  let mixed: net.Server;
  before(async () => {
    // A mixed port as Clash and v2rayN offer: SOCKS5 and HTTP on one port, told apart by the first byte.
    mixed = net.createServer((socket) => {
      socket.on('error', () => {});
      socket.once('data', (chunk) => {
        if (chunk[0] === 0x05) socket.end(Buffer.from([0x05, 0x00]));
        else socket.end('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n');
      });
    });
    await new Promise<void>((resolve) => mixed.listen(0, '127.0.0.1', resolve));
  });
  after(() => new Promise<void>((resolve) => mixed.close(() => resolve())));

  const sniff = async (port: number) => {
    const started = performance.now();
    const result = await sniffProxyPort('127.0.0.1', port, { timeoutMs: 1000 });
    const elapsed = performance.now() - started;
    assert.ok(elapsed < 300, `sniffing ${port} took ${elapsed} ms`);
    return result;
  };

  test('squid speaks http', async () => assert.equal((await sniff(squid.port)).speaks, 'http'));
  test('v2ray speaks socks5', async () => assert.equal((await sniff(v2ray.port)).speaks, 'socks5'));
  test('a mixed port speaks both', async () =>
    assert.equal((await sniff((mixed.address() as net.AddressInfo).port)).speaks, 'mixed'));
  test('a closed port is closed', async () => assert.equal((await sniff(closed)).speaks, 'closed'));
  test('the HTTP test never leaves the proxy: squid answers OPTIONS * itself', async () => {
    const fresh = await startSquid();
    try {
      await sniff(fresh.port);
      const log = await waitForLog(fresh, /OPTIONS/);
      const lines = log.split('\n').filter(Boolean);
      assert.ok(
        lines.some((line) => /OPTIONS .*HIER_NONE/.test(line)),
        log,
      );
      assert.ok(
        lines.every((line) => !/HIER_DIRECT|CONNECT/.test(line)),
        log,
      );
    } finally {
      await fresh.stop();
    }
  });
});

describe('probeRoute', () => {
  test('direct to the lab: dns, tcp, https, websocket, in that order, with a refusal classified', async () => {
    api.setMode('refuse');
    const results: ProbeResult[] = await probeRoute({ baseUrl: api.baseUrl }, direct, T);
    assert.deepEqual(
      results.map((r) => r.phase),
      ['dns', 'tcp', 'https', 'websocket'],
    );
    assert.deepEqual(
      results.map((r) => r.ok),
      [true, true, true, false],
    );
    assert.equal(results[3]!.failure, 'refused');
  });

  test('a stalled WebSocket does not hold up the other steps beyond the budget', async () => {
    api.setMode('stall');
    const started = performance.now();
    const results = await probeRoute({ baseUrl: api.baseUrl }, direct, { timeoutMs: 1500, auth: AUTH });
    assert.ok(performance.now() - started < 2000);
    assert.equal(results.find((r) => r.phase === 'https')?.ok, true);
    assert.ok(results.find((r) => r.phase === 'https')!.durationMs < 500);
    assert.equal(results.find((r) => r.phase === 'websocket')?.failure, 'stalled');
  });
});
