// Self-test of the lab: each lab setup makes the real Codex 0.171 behave as FACTS.md says, and
// each test says what Codex did. The fake API wants credentials like api.openai.com (401 without
// the right `Authorization: Bearer …`); runCodex sends LAB_API_KEY as LAB_KEY by default.
// Cases run concurrently: Codex spends most of its time waiting between retries, not computing.
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import { after, describe, test } from 'node:test';
import WebSocket from 'ws';
import {
  closedPort,
  LAB_API_KEY,
  LAB_CHATGPT,
  LAB_CHATGPT_LOGIN,
  LAB_HOST,
  LAB_OTHER_API_KEY,
  LAB_QUIET_TOML,
  makeCodexHome,
  makeTestCa,
  maskKey,
  runCodex,
  runningChildren,
  startFakeResponsesApi,
  startNginx,
  startSquid,
  startV2raySocks,
  type CodexRun,
  type FakeApiAuth,
  type FakeApiMode,
  type FakeResponsesApi,
  type FakeResponsesApiOptions,
} from '../lab/index.ts';
import { setupScenario, type ScenarioName } from '../lab/scenarios.ts';

const durations: Record<string, number> = {};
after(() => {
  // Observed timings, for the report and for spotting a Codex that changed.
  console.log(`[lab] codex durations (ms): ${JSON.stringify(durations)}`);
});

function describeRun(run: CodexRun): string {
  const tail = `${run.stdout}\n${run.stderr}`.split('\n').slice(-12).join('\n');
  return `answered=${run.answered} reconnecting=${run.reconnectingLines} fellBack=${run.fellBack} waiting=${run.waitingForNetwork} exit=${run.exitCode} timedOut=${run.timedOut} ${run.durationMs} ms\n${tail}`;
}

async function withApi<T>(
  mode: FakeApiMode,
  use: (api: FakeResponsesApi) => Promise<T>,
  opts: Omit<FakeResponsesApiOptions, 'mode'> = {},
): Promise<T> {
  const api = await startFakeResponsesApi({ mode, ...opts });
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

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
const CHATGPT_AUTH: FakeApiAuth = {
  kind: 'chatgpt',
  accessToken: LAB_CHATGPT_LOGIN.accessToken,
  accountId: LAB_CHATGPT_LOGIN.accountId,
};

function wsUrlOf(api: FakeResponsesApi | { baseUrl: string }): string {
  return `${api.baseUrl.replace(/^http/, 'ws')}/responses`;
}

/** The status of a WebSocket upgrade that does not open, with the response's headers and body. */
function refusedUpgrade(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.on('unexpected-response', (_req, res: http.IncomingMessage) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      res.on('error', reject);
    });
    ws.on('open', () => {
      ws.close();
      reject(new Error('the upgrade was accepted'));
    });
    ws.on('error', () => undefined);
  });
}

/** Opens a WebSocket, sends response.create, returns the event types up to response.completed. */
function askOverWebSocket(url: string, headers: Record<string, string>): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    const types: string[] = [];
    ws.on('open', () => ws.send(JSON.stringify({ type: 'response.create', model: 'lab-model', input: [] })));
    ws.on('message', (data) => {
      const type = (JSON.parse(String(data as Buffer)) as { type: string }).type;
      types.push(type);
      if (type === 'response.completed') {
        ws.close();
        resolve(types);
      }
    });
    ws.on('error', reject);
  });
}

const THREE_EVENTS = ['response.created', 'response.output_item.done', 'response.completed'];

/** nginx logs a WebSocket when its connection ends: wait a moment for the line. */
async function logMatches(read: () => string, pattern: RegExp, timeoutMs = 3000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let log = read();
  while (!pattern.test(log) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    log = read();
  }
  return log;
}

describe('fake Responses API, without Codex', () => {
  test('answers like OpenAI: 401 with a JSON error and a request id without a key, SSE and /models with it', async () => {
    await withApi('ok', async (api) => {
      const anonymous = await fetch(`${api.baseUrl}/models`);
      assert.equal(anonymous.status, 401);
      assert.equal(anonymous.headers.get('content-type'), 'application/json');
      assert.match(anonymous.headers.get('x-request-id') ?? '', /^req_[0-9a-f]{32}$/);
      const noKey = (await anonymous.json()) as { error: Record<string, unknown> };
      assert.match(String(noKey.error.message), /^You didn't provide an API key\./);
      assert.equal(noKey.error.type, 'invalid_request_error');
      assert.equal(noKey.error.param, null);
      assert.equal(noKey.error.code, null);

      const anonymousSse = await fetch(`${api.baseUrl}/responses`, { method: 'POST', body: '{}' });
      assert.equal(anonymousSse.status, 401);

      const wrong = await fetch(`${api.baseUrl}/responses`, {
        method: 'POST',
        body: '{}',
        headers: bearer(LAB_OTHER_API_KEY),
      });
      assert.equal(wrong.status, 401);
      const wrongText = await wrong.text();
      const wrongKey = JSON.parse(wrongText) as { error: Record<string, unknown> };
      assert.equal(wrongKey.error.code, 'invalid_api_key');
      assert.equal(
        wrongKey.error.message,
        `Incorrect API key provided: ${maskKey(LAB_OTHER_API_KEY)}. You can find your API key at https://platform.openai.com/account/api-keys.`,
      );
      assert.match(maskKey(LAB_OTHER_API_KEY), /^sk-la\*+x9Pa$/);
      assert.ok(!wrongText.includes(LAB_OTHER_API_KEY), 'the key sent is never echoed whole');

      const models = await fetch(`${api.baseUrl}/models`, { headers: bearer(LAB_API_KEY) });
      assert.equal(models.status, 200);
      assert.deepEqual(await models.json(), { object: 'list', data: [] });

      const sse = await fetch(`${api.baseUrl}/responses`, { method: 'POST', body: '{}', headers: bearer(LAB_API_KEY) });
      assert.equal(sse.status, 200);
      assert.match(sse.headers.get('content-type') ?? '', /text\/event-stream/);
      const events = [...(await sse.text()).matchAll(/^event: (.+)$/gm)].map((match) => match[1]);
      assert.deepEqual(events, THREE_EVENTS);

      assert.equal(api.stats.httpRequests, 5);
      assert.equal(api.stats.unauthorized, 3);
      assert.deepEqual(
        api.requests.map((r) => [r.method, r.path, r.authorized, r.status]),
        [
          ['GET', '/v1/models', false, 401],
          ['POST', '/v1/responses', false, 401],
          ['POST', '/v1/responses', false, 401],
          ['GET', '/v1/models', true, 200],
          ['POST', '/v1/responses', true, 200],
        ],
      );
    });
  });

  test('setAuth: a rotated key turns the old one away; ChatGPT auth also wants chatgpt-account-id; anonymous lets anyone in', async () => {
    await withApi('ok', async (api) => {
      assert.equal((await fetch(`${api.baseUrl}/models`, { headers: bearer(LAB_API_KEY) })).status, 200);
      api.setAuth({ kind: 'api-key', key: LAB_OTHER_API_KEY });
      assert.equal((await fetch(`${api.baseUrl}/models`, { headers: bearer(LAB_API_KEY) })).status, 401);
      assert.equal((await fetch(`${api.baseUrl}/models`, { headers: bearer(LAB_OTHER_API_KEY) })).status, 200);

      api.setAuth(CHATGPT_AUTH);
      assert.equal(
        (await fetch(`${api.baseUrl}/models`, { headers: bearer(LAB_CHATGPT_LOGIN.accessToken) })).status,
        401,
        'no account id',
      );
      const chatgptHeaders = {
        ...bearer(LAB_CHATGPT_LOGIN.accessToken),
        'chatgpt-account-id': LAB_CHATGPT_LOGIN.accountId,
      };
      assert.equal((await fetch(`${api.baseUrl}/models`, { headers: chatgptHeaders })).status, 200);
      assert.deepEqual(await askOverWebSocket(wsUrlOf(api), chatgptHeaders), THREE_EVENTS);

      api.setAuth({ kind: 'anonymous', why: 'self-test' });
      assert.equal((await fetch(`${api.baseUrl}/models`)).status, 200);
      assert.equal(api.auth.kind, 'anonymous');
    });
  });

  test('WebSocket upgrade per mode: ok answers response.create (401 without a key), refuse 403, reset, stall', async () => {
    await withApi('ok', async (api) => {
      const wsUrl = wsUrlOf(api);
      assert.deepEqual(await askOverWebSocket(wsUrl, bearer(LAB_API_KEY)), THREE_EVENTS);

      const anonymous = await refusedUpgrade(wsUrl);
      assert.equal(anonymous.status, 401);
      assert.equal(anonymous.headers['content-type'], 'application/json');
      assert.match(String(anonymous.headers['x-request-id']), /^req_[0-9a-f]{32}$/);
      assert.match(anonymous.body, /"message":"You didn't provide an API key\./);
      const wrong = await refusedUpgrade(wsUrl, bearer(LAB_OTHER_API_KEY));
      assert.equal(wrong.status, 401);
      assert.match(wrong.body, /"code":"invalid_api_key"/);
      assert.ok(!wrong.body.includes(LAB_OTHER_API_KEY));

      api.setMode('refuse');
      assert.equal((await refusedUpgrade(wsUrl, bearer(LAB_API_KEY))).status, 403);

      api.setMode('reset');
      const resetError = await new Promise<Error>((resolve) =>
        new WebSocket(wsUrl, { headers: bearer(LAB_API_KEY) }).on('error', resolve),
      );
      assert.match(resetError.message, /socket hang up|ECONNRESET/);

      api.setMode('stall');
      const stalled = new WebSocket(wsUrl, { handshakeTimeout: 400, headers: bearer(LAB_API_KEY) });
      const stallError = await new Promise<Error>((resolve) => stalled.on('error', resolve));
      assert.match(stallError.message, /timed out/i);
      assert.equal(api.stats.wsUpgrades, 6);
      assert.equal(api.stats.unauthorized, 2);
      assert.deepEqual(
        api.requests.map((r) => [r.upgrade, r.authorized, r.status]),
        [
          [true, true, 101],
          [true, false, 401],
          [true, false, 401],
          [true, true, 403],
          [true, true, null],
          [true, true, null],
        ],
      );
    });
  });

  test('the WebSocket answers a ping with a pong', async () => {
    await withApi('ok', async (api) => {
      const ws = new WebSocket(wsUrlOf(api), { headers: bearer(LAB_API_KEY) });
      await new Promise<void>((resolve, reject) => {
        ws.on('open', () => resolve());
        ws.on('error', reject);
      });
      const pong = await new Promise<string>((resolve) => {
        ws.on('pong', (data) => resolve(data.toString()));
        ws.ping('lab-ping');
      });
      assert.equal(pong, 'lab-ping');
      ws.close();
    });
  });

  for (const dropWith of ['close', 'rst'] as const) {
    test(`drop-frames (${dropWith}): the upgrade completes (101), the connection dies at the first frame`, async () => {
      await withApi(
        'drop-frames',
        async (api) => {
          assert.equal((await refusedUpgrade(wsUrlOf(api))).status, 401, 'the service still wants credentials');
          const ws = new WebSocket(wsUrlOf(api), { headers: bearer(LAB_API_KEY) });
          await new Promise<void>((resolve, reject) => {
            ws.on('open', () => resolve());
            ws.on('error', reject);
          });
          const closeCode = await new Promise<number>((resolve) => {
            ws.on('error', () => undefined);
            ws.on('close', (code) => resolve(code));
            ws.send(JSON.stringify({ type: 'response.create' }));
          });
          assert.equal(closeCode, 1006, 'closed without a closing handshake');
          assert.equal(api.stats.framesDropped, 1);
          assert.equal(api.stats.wsMessages, 0);
          assert.deepEqual(
            api.requests.map((r) => r.status),
            [401, 101],
          );
        },
        { dropWith },
      );
    });
  }

  test('nginx without upgrade forwarding: the upgrade reaches the API as a plain GET (404); with passUpgrade it works', async () => {
    await withApi('ok', async (api) => {
      const [plain, passing] = await Promise.all([
        startNginx({ upstreamPort: api.port }),
        startNginx({ upstreamPort: api.port, passUpgrade: true }),
      ]);
      try {
        const refused = await refusedUpgrade(wsUrlOf(plain), bearer(LAB_API_KEY));
        assert.equal(refused.status, 404);
        const seen = api.requests.at(-1);
        assert.equal(seen?.upgrade, false, 'no Upgrade header reached the API');
        assert.equal(seen?.headers.upgrade, undefined);
        assert.equal(seen?.authorized, true, 'the gateway passes Authorization');
        assert.match(plain.accessLog(), /"GET \/v1\/responses HTTP\/1\.1" 404 upgrade=websocket/);

        const sse = await fetch(`${plain.baseUrl}/responses`, {
          method: 'POST',
          body: '{}',
          headers: bearer(LAB_API_KEY),
        });
        assert.equal(sse.status, 200);
        assert.equal([...(await sse.text()).matchAll(/^event: /gm)].length, 3);

        assert.deepEqual(await askOverWebSocket(wsUrlOf(passing), bearer(LAB_API_KEY)), THREE_EVENTS);
        assert.equal(api.requests.at(-1)?.status, 101);
        const upgraded = /"GET \/v1\/responses HTTP\/1\.1" 101 upgrade=websocket/;
        assert.match(await logMatches(passing.accessLog, upgraded), upgraded);
        assert.equal((await refusedUpgrade(wsUrlOf(passing))).status, 401, 'the 401 comes through the gateway');
      } finally {
        await plain.stop();
        await passing.stop();
      }
    });
  });
});

describe('real Codex 0.171 against the lab', { concurrency: true }, () => {
  // Codex 0.171: answered over the WebSocket in ~1 s, no Reconnecting line; the upgrade carried LAB_KEY.
  test(
    'WebSocket works (custom provider, env_key = LAB_KEY with the right key): answers, no Reconnecting line',
    { timeout: 60_000 },
    async () => {
      await withApi('ok', async (api) => {
        const run = await runCodex({ codexHome: makeCodexHome({ baseUrl: api.baseUrl }), timeoutMs: 45_000 });
        durations.ok = run.durationMs;
        assert.ok(run.answered, describeRun(run));
        assert.equal(run.reconnectingLines, 0, describeRun(run));
        assert.equal(run.fellBack, false);
        assert.ok(api.stats.wsMessages >= 1, 'the answer came over the WebSocket');
        assert.equal(api.stats.httpRequests, 0);
        assert.equal(api.stats.unauthorized, 0);
        assert.equal(api.requests[0]?.headers.authorization, `Bearer ${LAB_API_KEY}`);
      });
    },
  );

  // Codex 0.171: 7 upgrades answered 401 (`Reconnecting... 2/5`..`5/5`), then `Falling back from WebSockets
  // to HTTPS transport. unexpected status 401 Unauthorized: Incorrect API key provided: sk-la***…`, then
  // 6 POSTs answered 401 (`Reconnecting... 1/5`..`5/5` again), exit 1 without an answer after ~14 s.
  test(
    'wrong key (env_key): reconnects, falls back on 401 Unauthorized, retries HTTPS, never answers',
    { timeout: 60_000 },
    async () => {
      await withApi('ok', async (api) => {
        const run = await runCodex({
          codexHome: makeCodexHome({ baseUrl: api.baseUrl }),
          timeoutMs: 40_000,
          labKey: LAB_OTHER_API_KEY,
        });
        durations.wrongKey = run.durationMs;
        assert.equal(run.answered, false, describeRun(run));
        assert.equal(run.timedOut, false, 'Codex gives up by itself');
        assert.equal(run.exitCode, 1, describeRun(run));
        assert.ok(run.fellBack, describeRun(run));
        assert.match(
          run.stderr,
          /Falling back from WebSockets to HTTPS transport\. unexpected status 401 Unauthorized: Incorrect API key provided: sk-la\*+x9Pa\./,
        );
        assert.equal(run.reconnectingLines, 9, `4 on the WebSocket, 5 on HTTPS\n${describeRun(run)}`);
        assert.ok(!`${run.stdout}${run.stderr}`.includes(LAB_OTHER_API_KEY), 'the whole key appears nowhere');
        assert.ok(api.stats.wsUpgrades >= 5 && api.stats.httpRequests >= 5, JSON.stringify(api.stats));
        assert.equal(api.stats.unauthorized, api.requests.length, 'every request got 401');
      });
    },
  );

  // Codex 0.171: answered over the WebSocket in ~1 s with the key from auth.json.
  test(
    'built-in openai provider (openai_base_url) with an API-key login in auth.json: answers at once',
    { timeout: 60_000 },
    async () => {
      await withApi('ok', async (api) => {
        const codexHome = makeCodexHome({
          provider: 'builtin-openai',
          baseUrl: api.baseUrl,
          login: { kind: 'api-key', key: LAB_API_KEY },
        });
        const run = await runCodex({ codexHome, timeoutMs: 45_000, labKey: null });
        durations.builtinAuthJson = run.durationMs;
        assert.ok(run.answered, describeRun(run));
        assert.equal(run.reconnectingLines, 0, describeRun(run));
        assert.match(run.stderr, /provider: openai/);
        assert.equal(api.requests[0]?.headers.authorization, `Bearer ${LAB_API_KEY}`);
        assert.equal(api.stats.unauthorized, 0);
      });
    },
  );

  // Codex 0.171: answered over the WebSocket in ~1 s with CODEX_API_KEY (no auth.json).
  test(
    'built-in openai provider with CODEX_API_KEY in the environment: answers at once',
    { timeout: 60_000 },
    async () => {
      await withApi('ok', async (api) => {
        const codexHome = makeCodexHome({ provider: 'builtin-openai', baseUrl: api.baseUrl });
        const run = await runCodex({ codexHome, timeoutMs: 45_000, labKey: null, env: { CODEX_API_KEY: LAB_API_KEY } });
        durations.builtinCodexApiKey = run.durationMs;
        assert.ok(run.answered, describeRun(run));
        assert.equal(run.reconnectingLines, 0, describeRun(run));
        assert.equal(api.requests[0]?.headers.authorization, `Bearer ${LAB_API_KEY}`);
      });
    },
  );

  // Codex 0.171 (as FACTS says for 0.169): OPENAI_API_KEY alone is not sent — no Authorization header on
  // any request; 401 "You didn't provide an API key", falls back, 401 on HTTPS, exit 1 after ~14 s.
  test(
    'built-in openai provider with only OPENAI_API_KEY in the environment: the key is not sent, never answers',
    { timeout: 60_000 },
    async () => {
      await withApi('ok', async (api) => {
        const codexHome = makeCodexHome({ provider: 'builtin-openai', baseUrl: api.baseUrl });
        const run = await runCodex({
          codexHome,
          timeoutMs: 40_000,
          labKey: null,
          env: { OPENAI_API_KEY: LAB_API_KEY },
        });
        durations.builtinOpenaiApiKeyOnly = run.durationMs;
        assert.equal(run.answered, false, describeRun(run));
        assert.equal(run.timedOut, false);
        assert.ok(run.fellBack, describeRun(run));
        assert.match(run.stderr, /unexpected status 401 Unauthorized: You didn't provide an API key\./);
        assert.ok(api.requests.length >= 10);
        assert.ok(
          api.requests.every((r) => r.headers.authorization === undefined && r.status === 401),
          'no request carried a key',
        );
      });
    },
  );

  // Codex 0.171: answered over the WebSocket in ~1 s; the upgrade carried `Authorization: Bearer <access_token>`
  // and `chatgpt-account-id`. Codex also called the ChatGPT backend (chatgpt_base_url, kept on the fake:
  // /backend-api/wham/accounts/check, /wham/settings/user, /ps/mcp) and GET /v1/models; none of that blocks the turn.
  test(
    'ChatGPT login through a custom provider with requires_openai_auth = true: answers at once',
    { timeout: 60_000 },
    async () => {
      await withApi(
        'ok',
        async (api) => {
          const codexHome = makeCodexHome({ provider: 'openai-auth', baseUrl: api.baseUrl, login: LAB_CHATGPT });
          const run = await runCodex({ codexHome, timeoutMs: 45_000, labKey: null });
          durations.chatgptLogin = run.durationMs;
          assert.ok(run.answered, describeRun(run));
          assert.equal(run.reconnectingLines, 0, describeRun(run));
          const upgrade = api.requests.find((r) => r.upgrade);
          assert.equal(upgrade?.headers.authorization, `Bearer ${LAB_CHATGPT_LOGIN.accessToken}`);
          assert.equal(upgrade?.headers['chatgpt-account-id'], LAB_CHATGPT_LOGIN.accountId);
          assert.equal(upgrade?.status, 101);
          assert.ok(
            api.requests.every((r) => !r.path.startsWith('/v1/') || r.authorized),
            'every /v1 request was authorized',
          );
        },
        { auth: CHATGPT_AUTH },
      );
    },
  );

  // Codex 0.171: refuse — 403 on 7 upgrades, 2/5..5/5, falls back, answers over HTTPS in ~7 s;
  // reset — the same in ~7 s.
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

  // Codex 0.171: every upgrade completes (101) and dies at Codex's first frame; 2/5..5/5, then
  // `Falling back … stream disconnected before completion: WebSocket protocol error: Connection reset
  // without closing handshake` (with a TCP RST instead: `IO error: Connection reset by peer (os error 104)`),
  // answers over HTTPS in ~6–7 s. A handshake-only check calls this endpoint healthy.
  for (const dropWith of ['close', 'rst'] as const) {
    test(
      `drop-frames (${dropWith}): upgrade accepted, killed at the first frame: reconnects, falls back, answers`,
      { timeout: 60_000 },
      async () => {
        await withApi(
          'drop-frames',
          async (api) => {
            const run = await runCodex({ codexHome: makeCodexHome({ baseUrl: api.baseUrl }), timeoutMs: 45_000 });
            durations[`dropFrames_${dropWith}`] = run.durationMs;
            assert.ok(run.answered, describeRun(run));
            assert.equal(run.reconnectingLines, 4, describeRun(run));
            assert.ok(run.fellBack, describeRun(run));
            assert.match(
              run.stderr,
              dropWith === 'close'
                ? /Falling back from WebSockets to HTTPS transport\. stream disconnected before completion: WebSocket protocol error: Connection reset without closing handshake/
                : /Falling back from WebSockets to HTTPS transport\. stream disconnected before completion: IO error: Connection reset by peer/,
            );
            assert.ok(api.stats.framesDropped >= 5, JSON.stringify(api.stats));
            assert.ok(api.requests.filter((r) => r.upgrade).every((r) => r.status === 101 && r.authorized));
            assert.ok(
              api.requests.some((r) => !r.upgrade && r.method === 'POST' && r.status === 200),
              'answered over HTTPS',
            );
          },
          { dropWith },
        );
      },
    );
  }

  // Codex 0.171: through nginx without Upgrade forwarding every upgrade reached the API as a plain GET,
  // answered 404: 2/5..5/5, `Falling back … unexpected status 404 Not Found`, answer over HTTPS in ~6.5 s.
  // Through nginx that forwards Upgrade/Connection: answered over the WebSocket in ~1 s.
  test(
    'nginx gateway: without upgrade forwarding 404 ×N, falls back, answers; with it answers at once',
    { timeout: 60_000 },
    async () => {
      await withApi('ok', async (api) => {
        const [plain, passing] = await Promise.all([
          startNginx({ upstreamPort: api.port }),
          startNginx({ upstreamPort: api.port, passUpgrade: true }),
        ]);
        try {
          const [blocked, open] = await Promise.all([
            runCodex({ codexHome: makeCodexHome({ baseUrl: plain.baseUrl }), timeoutMs: 45_000 }),
            runCodex({ codexHome: makeCodexHome({ baseUrl: passing.baseUrl }), timeoutMs: 45_000 }),
          ]);
          durations.nginxNoUpgrade = blocked.durationMs;
          durations.nginxUpgrade = open.durationMs;
          assert.ok(blocked.answered, describeRun(blocked));
          assert.equal(blocked.reconnectingLines, 4, describeRun(blocked));
          assert.match(
            blocked.stderr,
            /Falling back from WebSockets to HTTPS transport\. unexpected status 404 Not Found/,
          );
          const plainLog = plain.accessLog();
          assert.ok(
            (plainLog.match(/"GET \/v1\/responses HTTP\/1\.1" 404 upgrade=websocket/g) ?? []).length >= 5,
            plainLog,
          );
          assert.match(plainLog, /"POST \/v1\/responses HTTP\/1\.1" 200/);

          assert.ok(open.answered, describeRun(open));
          assert.equal(open.reconnectingLines, 0, describeRun(open));
          const upgraded = /"GET \/v1\/responses HTTP\/1\.1" 101 upgrade=websocket/;
          assert.match(await logMatches(passing.accessLog, upgraded), upgraded);
        } finally {
          await plain.stop();
          await passing.stop();
        }
      });
    },
  );

  // Codex 0.171: each attempt waited the 1 s connect timeout (`request timed out`), 2/5..5/5, fell back,
  // answered over HTTPS in ~10 s.
  test(
    'upgrade stalls (websocket_connect_timeout_ms = 1000): reconnects, falls back, answers',
    { timeout: 60_000 },
    async () => {
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
    },
  );

  // Codex 0.171: answered over wss:// at once once SSL_CERT_FILE in .env named the private CA.
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

  // Codex 0.171: tunnelled the WebSocket through squid with CONNECT and answered at once.
  test(
    'squid carries the WebSocket (HTTPS_PROXY in .env, api.lab.test only squid can resolve)',
    { timeout: 60_000 },
    async () => {
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
    },
  );

  // Codex 0.171: CONNECT denied (403) on every attempt, fell back to plain HTTP through squid, answered.
  test(
    'squid denying CONNECT to non-443: reconnects, falls back to plain HTTP through squid, answers',
    { timeout: 60_000 },
    async () => {
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
    },
  );

  // Codex 0.171: without proxy credentials 407 on everything, no answer in 20 s; with them in .env, at once.
  test(
    'squid with basic auth: never answers without credentials, answers with them in .env',
    { timeout: 60_000 },
    async () => {
      await withApi('ok', async (api) => {
        const credentials = { user: 'labuser', password: 'p@ss:w0rd/lab' };
        const squid = await startSquid({ basicAuth: credentials });
        try {
          const withCredentials = `http://${credentials.user}:${encodeURIComponent(credentials.password)}@127.0.0.1:${squid.port}`;
          const [anonymous, authenticated] = await Promise.all([
            runCodex({
              codexHome: makeCodexHome({ baseUrl: labBaseUrl(api), dotenv: proxyDotenv(squid.url) }),
              timeoutMs: 20_000,
            }),
            runCodex({
              codexHome: makeCodexHome({ baseUrl: labBaseUrl(api), dotenv: proxyDotenv(withCredentials) }),
              timeoutMs: 20_000,
            }),
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
    },
  );

  // Codex 0.171: the WebSocket went through v2ray's SOCKS port and answered at once.
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

  // Codex 0.171: 2/5..5/5, `Falling back … Connection refused`, then `Reconnecting... waiting for network`
  // until stopped; nothing reached the API.
  test('.env names a proxy port where nothing listens: never answers', { timeout: 60_000 }, async () => {
    await withApi('ok', async (api) => {
      const port = await closedPort();
      const codexHome = makeCodexHome({ baseUrl: api.baseUrl, dotenv: proxyDotenv(`http://127.0.0.1:${port}`) });
      const run = await runCodex({ codexHome, timeoutMs: 20_000 });
      durations.closedProxyPort = run.durationMs;
      assert.equal(run.answered, false, describeRun(run));
      assert.ok(run.timedOut, describeRun(run));
      assert.ok(run.waitingForNetwork, describeRun(run));
      assert.equal(api.stats.wsUpgrades + api.stats.httpRequests, 0, 'nothing reached the API');
    });
  });

  // Codex 0.171: the same with the dead proxy exported by the shell instead of .env: 2/5..5/5,
  // `Falling back … Connection refused (os error 111)`, `Reconnecting... waiting for network` forever.
  test(
    'a dead proxy in the shell environment (HTTPS_PROXY, not .env): never answers, waiting for network',
    { timeout: 60_000 },
    async () => {
      await withApi('ok', async (api) => {
        const dead = `http://127.0.0.1:${await closedPort()}`;
        const run = await runCodex({
          codexHome: makeCodexHome({ baseUrl: labBaseUrl(api) }),
          timeoutMs: 20_000,
          env: { HTTPS_PROXY: dead, HTTP_PROXY: dead },
        });
        durations.deadProxyInShell = run.durationMs;
        assert.equal(run.answered, false, describeRun(run));
        assert.ok(run.timedOut, describeRun(run));
        assert.ok(run.waitingForNetwork, describeRun(run));
        assert.match(run.stderr, /Falling back from WebSockets to HTTPS transport\. .*Connection refused/);
        assert.equal(api.stats.wsUpgrades + api.stats.httpRequests, 0, 'nothing reached the API');
      });
    },
  );

  // Codex 0.171: the built-in provider sent to a closed local port: 2/5..5/5, `Falling back …
  // Connection refused (os error 111)`, then `Reconnecting... waiting for network` until stopped.
  test(
    'stale local gateway (openai_base_url on a closed port under a "managed" comment): never answers',
    { timeout: 60_000 },
    async () => {
      const dead = await closedPort();
      const codexHome = makeCodexHome({
        provider: 'builtin-openai',
        baseUrl: `http://127.0.0.1:${dead}/v1`,
        preamble: '# Auto-injected by some-bridge — managed, do not edit',
        login: { kind: 'api-key', key: LAB_API_KEY },
      });
      const run = await runCodex({ codexHome, timeoutMs: 20_000, labKey: null });
      durations.staleLocalGateway = run.durationMs;
      assert.equal(run.answered, false, describeRun(run));
      assert.ok(run.timedOut, describeRun(run));
      assert.ok(run.waitingForNetwork, describeRun(run));
      assert.match(run.stderr, /Connection refused/);
    },
  );

  // Codex 0.171: `[model_providers.openai]` with only `supports_websockets = false` loads and is ignored:
  // 7 upgrades refused (403), 2/5..5/5, falls back, answers over HTTPS in ~7 s — as with no table at all.
  test(
    'the ignored [model_providers.openai] supports_websockets = false table: still reconnects, then answers',
    { timeout: 60_000 },
    async () => {
      await withApi('refuse', async (api) => {
        const configToml = `model = "lab-model"\nopenai_base_url = "${api.baseUrl}"\n\n[model_providers.openai]\nsupports_websockets = false\n\n${LAB_QUIET_TOML}`;
        const codexHome = makeCodexHome({ configToml, login: { kind: 'api-key', key: LAB_API_KEY } });
        const run = await runCodex({ codexHome, timeoutMs: 45_000, labKey: null });
        durations.ignoredOpenaiTable = run.durationMs;
        assert.ok(run.answered, describeRun(run));
        assert.equal(run.reconnectingLines, 4, describeRun(run));
        assert.ok(run.fellBack, describeRun(run));
        assert.ok(api.stats.wsUpgrades >= 5, 'the table did not stop the WebSocket attempts');
      });
    },
  );
});

/** The scenarios added for issue 7: Codex, given scenario.env, does what scenario.codex says. */
const NEW_SCENARIOS: ScenarioName[] = [
  'auth-ok-env-key',
  'auth-ok-builtin-apikey',
  'auth-ok-chatgpt',
  'wrong-key',
  'ws-frames-dropped',
  'gateway-no-upgrade',
  'dead-proxy-in-shell',
  'stale-local-gateway',
  'ignored-openai-table',
];

describe('lab scenarios: the real Codex does what each says', { concurrency: true }, () => {
  for (const name of NEW_SCENARIOS) {
    test(name, { timeout: 60_000 }, async () => {
      const scenario = await setupScenario(name);
      try {
        const run = await runCodex({
          codexHome: scenario.codexHome,
          env: scenario.env,
          labKey: null, // only what the scenario provides
          timeoutMs: scenario.codex === 'never-answers' ? 15_000 : 45_000,
        });
        durations[`scenario_${name}`] = run.durationMs;
        switch (scenario.codex) {
          case 'answers-at-once':
            assert.ok(run.answered, describeRun(run));
            assert.equal(run.reconnectingLines, 0, describeRun(run));
            break;
          case 'reconnects-then-answers':
            assert.ok(run.answered, describeRun(run));
            assert.ok(run.reconnectingLines >= 1 && run.fellBack, describeRun(run));
            break;
          case 'never-answers':
            assert.equal(run.answered, false, describeRun(run));
            break;
        }
      } finally {
        await scenario.stop();
      }
    });
  }
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
