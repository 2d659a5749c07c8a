// Self-test of the lab: each lab setup makes the real Codex 0.169 behave as FACTS.md says.
// Cases run concurrently: Codex spends most of its time waiting between retries, not computing.
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import { after, describe, test } from 'node:test';
import WebSocket from 'ws';
import {
  closedPort,
  LAB_HOST,
  makeCodexHome,
  makeTestCa,
  runCodex,
  runningChildren,
  startFakeResponsesApi,
  startSquid,
  startV2raySocks,
  type CodexRun,
  type FakeApiMode,
  type FakeResponsesApi,
} from '../lab/index.ts';

const durations: Record<string, number> = {};
after(() => {
  // Observed timings, for the report and for spotting a Codex that changed.
  console.log(`[lab] codex durations (ms): ${JSON.stringify(durations)}`);
});

function describeRun(run: CodexRun): string {
  const tail = `${run.stdout}\n${run.stderr}`.split('\n').slice(-12).join('\n');
  return `answered=${run.answered} reconnecting=${run.reconnectingLines} fellBack=${run.fellBack} waiting=${run.waitingForNetwork} exit=${run.exitCode} timedOut=${run.timedOut} ${run.durationMs} ms\n${tail}`;
}

async function withApi<T>(mode: FakeApiMode, use: (api: FakeResponsesApi) => Promise<T>): Promise<T> {
  const api = await startFakeResponsesApi({ mode });
  try {
    return await use(api);
  } finally {
    await api.close();
  }
}

function proxyDotenv(url: string): string {
  return `HTTPS_PROXY=${url}\nHTTP_PROXY=${url}\n`;
}

function labBaseUrl(api: FakeResponsesApi): string {
  return `http://${LAB_HOST}:${api.port}/v1`;
}

describe('fake Responses API, without Codex', () => {
  test('answers like OpenAI: SSE on POST /v1/responses, 401 elsewhere without a key', async () => {
    await withApi('ok', async (api) => {
      const models = await fetch(`${api.baseUrl}/models`);
      assert.equal(models.status, 401);
      assert.match(JSON.stringify(await models.json()), /API key/);

      const sse = await fetch(`${api.baseUrl}/responses`, { method: 'POST', body: '{}' });
      assert.equal(sse.status, 200);
      assert.match(sse.headers.get('content-type') ?? '', /text\/event-stream/);
      const events = [...(await sse.text()).matchAll(/^event: (.+)$/gm)].map((match) => match[1]);
      assert.deepEqual(events, ['response.created', 'response.output_item.done', 'response.completed']);
      assert.equal(api.stats.httpRequests, 2);
    });
  });

  test('WebSocket upgrade per mode: ok answers response.create, refuse 403, reset, stall', async () => {
    await withApi('ok', async (api) => {
      const wsUrl = `${api.baseUrl.replace(/^http/, 'ws')}/responses`;
      const ws = new WebSocket(wsUrl);
      const types: string[] = [];
      await new Promise<void>((resolve, reject) => {
        ws.on('open', () => ws.send(JSON.stringify({ type: 'response.create', model: 'lab-model', input: [] })));
        ws.on('message', (data) => {
          const type = (JSON.parse(data.toString()) as { type: string }).type;
          types.push(type);
          if (type === 'response.completed') resolve();
        });
        ws.on('error', reject);
      });
      ws.close();
      assert.deepEqual(types, ['response.created', 'response.output_item.done', 'response.completed']);

      api.setMode('refuse');
      const refusedStatus = await new Promise<number>((resolve, reject) => {
        const refused = new WebSocket(wsUrl);
        refused.on('unexpected-response', (_req, res: http.IncomingMessage) => resolve(res.statusCode ?? 0));
        refused.on('open', () => reject(new Error('refuse mode accepted the upgrade')));
        refused.on('error', () => undefined);
      });
      assert.equal(refusedStatus, 403);

      api.setMode('reset');
      const resetError = await new Promise<Error>((resolve) => {
        const reset = new WebSocket(wsUrl);
        reset.on('error', resolve);
      });
      assert.match(resetError.message, /socket hang up|ECONNRESET/);

      api.setMode('stall');
      const stalled = new WebSocket(wsUrl, { handshakeTimeout: 400 });
      const stallError = await new Promise<Error>((resolve) => stalled.on('error', resolve));
      assert.match(stallError.message, /timed out/i);
      assert.equal(api.stats.wsUpgrades, 4);
    });
  });
});

describe('real Codex 0.169 against the lab', { concurrency: true }, () => {
  test('WebSocket works: answers with no Reconnecting line', { timeout: 60_000 }, async () => {
    await withApi('ok', async (api) => {
      const run = await runCodex({ codexHome: makeCodexHome({ baseUrl: api.baseUrl }), timeoutMs: 45_000 });
      durations.ok = run.durationMs;
      assert.ok(run.answered, describeRun(run));
      assert.equal(run.reconnectingLines, 0, describeRun(run));
      assert.equal(run.fellBack, false);
      assert.ok(api.stats.wsMessages >= 1, 'the answer came over the WebSocket');
      assert.equal(api.stats.httpRequests, 0);
    });
  });

  for (const mode of ['refuse', 'reset'] as const) {
    test(`upgrade ${mode}: Reconnecting 2/5..5/5, falls back to HTTPS, answers`, { timeout: 60_000 }, async () => {
      await withApi(mode, async (api) => {
        const run = await runCodex({ codexHome: makeCodexHome({ baseUrl: api.baseUrl }), timeoutMs: 45_000 });
        durations[mode] = run.durationMs;
        assert.ok(run.answered, describeRun(run));
        assert.equal(run.reconnectingLines, 4, describeRun(run));
        assert.ok(run.fellBack, describeRun(run));
        assert.ok(api.stats.wsUpgrades >= 5);
        assert.ok(api.stats.httpRequests >= 1, 'the answer came over HTTPS');
      });
    });
  }

  test('upgrade stalls (websocket_connect_timeout_ms = 1000): reconnects, falls back, answers', { timeout: 60_000 }, async () => {
    await withApi('stall', async (api) => {
      const codexHome = makeCodexHome({ baseUrl: api.baseUrl, websocketConnectTimeoutMs: 1000 });
      const run = await runCodex({ codexHome, timeoutMs: 45_000 });
      durations.stall1000 = run.durationMs;
      assert.ok(run.answered, describeRun(run));
      assert.equal(run.reconnectingLines, 4, describeRun(run));
      assert.ok(run.fellBack, describeRun(run));
      assert.match(run.stderr, /request timed out/);
      assert.ok(run.durationMs > 5 * 1000, 'each attempt waited for the connect timeout');
    });
  });

  test('wss:// with a private CA: answers once SSL_CERT_FILE in .env names the CA', { timeout: 60_000 }, async () => {
    const ca = await makeTestCa();
    const api = await startFakeResponsesApi({ mode: 'ok', tls: { cert: ca.cert, key: ca.key } });
    try {
      assert.match(api.baseUrl, /^https:\/\/127\.0\.0\.1:\d+\/v1$/);
      const codexHome = makeCodexHome({ baseUrl: api.baseUrl, dotenv: `SSL_CERT_FILE=${ca.caCertPath}\n` });
      const run = await runCodex({ codexHome, timeoutMs: 30_000 });
      durations.wssTrusted = run.durationMs;
      assert.ok(run.answered, describeRun(run));
      assert.equal(run.reconnectingLines, 0, describeRun(run));
      assert.ok(api.stats.wsMessages >= 1);
    } finally {
      await api.close();
    }
  });

  test('squid carries the WebSocket (HTTPS_PROXY in .env, api.lab.test only squid can resolve)', { timeout: 60_000 }, async () => {
    await withApi('ok', async (api) => {
      const squid = await startSquid({});
      try {
        const codexHome = makeCodexHome({ baseUrl: labBaseUrl(api), dotenv: proxyDotenv(squid.url) });
        const run = await runCodex({ codexHome, timeoutMs: 45_000 });
        durations.squidAllow = run.durationMs;
        assert.ok(run.answered, describeRun(run));
        assert.equal(run.reconnectingLines, 0, describeRun(run));
        assert.match(squid.accessLog(), new RegExp(`TCP_TUNNEL/200 .*CONNECT ${LAB_HOST}:${api.port}`));
      } finally {
        await squid.stop();
      }
    });
  });

  test('squid denying CONNECT to non-443: reconnects, falls back to plain HTTP through squid, answers', { timeout: 60_000 }, async () => {
    await withApi('ok', async (api) => {
      const squid = await startSquid({ denyConnect: true });
      try {
        const codexHome = makeCodexHome({ baseUrl: labBaseUrl(api), dotenv: proxyDotenv(squid.url) });
        const run = await runCodex({ codexHome, timeoutMs: 45_000 });
        durations.squidDenyConnect = run.durationMs;
        assert.ok(run.answered, describeRun(run));
        assert.ok(run.reconnectingLines >= 1, describeRun(run));
        assert.ok(run.fellBack, describeRun(run));
        assert.equal(api.stats.wsUpgrades, 0, 'no upgrade got through squid');
        const log = squid.accessLog();
        assert.match(log, new RegExp(`TCP_DENIED/403 .*CONNECT ${LAB_HOST}:${api.port}`));
        assert.match(log, new RegExp(`TCP_MISS/200 .*POST http://${LAB_HOST}:${api.port}/v1/responses`));
      } finally {
        await squid.stop();
      }
    });
  });

  test('squid with basic auth: never answers without credentials, answers with them in .env', { timeout: 60_000 }, async () => {
    await withApi('ok', async (api) => {
      const credentials = { user: 'labuser', password: 'p@ss:w0rd/lab' };
      const squid = await startSquid({ basicAuth: credentials });
      try {
        const withCredentials = `http://${credentials.user}:${encodeURIComponent(credentials.password)}@127.0.0.1:${squid.port}`;
        const [anonymous, authenticated] = await Promise.all([
          runCodex({ codexHome: makeCodexHome({ baseUrl: labBaseUrl(api), dotenv: proxyDotenv(squid.url) }), timeoutMs: 20_000 }),
          runCodex({ codexHome: makeCodexHome({ baseUrl: labBaseUrl(api), dotenv: proxyDotenv(withCredentials) }), timeoutMs: 20_000 }),
        ]);
        durations.squidAuthAnonymous = anonymous.durationMs;
        durations.squidAuthWithCredentials = authenticated.durationMs;
        assert.equal(anonymous.answered, false, describeRun(anonymous));
        assert.ok(authenticated.answered, describeRun(authenticated));
        assert.equal(authenticated.reconnectingLines, 0, describeRun(authenticated));
        const log = squid.accessLog();
        assert.match(log, /TCP_DENIED\/407/);
        assert.match(log, new RegExp(`TCP_TUNNEL/200 .*CONNECT ${LAB_HOST}:${api.port} ${credentials.user} `));
      } finally {
        await squid.stop();
      }
    });
  });

  test('v2ray SOCKS-only port as socks5h:// in .env: the WebSocket works', { timeout: 60_000 }, async () => {
    await withApi('ok', async (api) => {
      const socks = await startV2raySocks({});
      try {
        assert.match(socks.url, /^socks5h:\/\/127\.0\.0\.1:\d+$/);
        const codexHome = makeCodexHome({ baseUrl: labBaseUrl(api), dotenv: proxyDotenv(socks.url) });
        const run = await runCodex({ codexHome, timeoutMs: 45_000 });
        durations.v2raySocks = run.durationMs;
        assert.ok(run.answered, describeRun(run));
        assert.equal(run.reconnectingLines, 0, describeRun(run));
        assert.ok(api.stats.wsMessages >= 1);
        assert.equal(api.stats.httpRequests, 0);
      } finally {
        await socks.stop();
      }
    });
  });

  test('.env names a proxy port where nothing listens: never answers', { timeout: 60_000 }, async () => {
    await withApi('ok', async (api) => {
      const port = await closedPort();
      const codexHome = makeCodexHome({ baseUrl: api.baseUrl, dotenv: proxyDotenv(`http://127.0.0.1:${port}`) });
      const run = await runCodex({ codexHome, timeoutMs: 12_000 });
      durations.closedProxyPort = run.durationMs;
      assert.equal(run.answered, false, describeRun(run));
      assert.ok(run.timedOut, describeRun(run));
      assert.ok(run.waitingForNetwork, describeRun(run));
      assert.equal(api.stats.wsUpgrades + api.stats.httpRequests, 0, 'nothing reached the API');
    });
  });
});

describe('lab hygiene', () => {
  test('closedPort refuses connections', async () => {
    const port = await closedPort();
    const refused = await new Promise<boolean>((resolve) => {
      const socket = net.connect({ host: '127.0.0.1', port });
      socket.once('connect', () => resolve(false));
      socket.once('error', () => resolve(true));
    });
    assert.ok(refused);
  });

  test('no lab child process is left running', () => {
    assert.equal(runningChildren(), 0);
  });
});
