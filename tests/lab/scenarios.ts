// The lab situations of FACTS.md, each set up for real (fake API, squid, v2ray, a temp CODEX_HOME)
// together with what the doctor must conclude and what the real Codex does there. The integration
// tests, the benchmark and the end-to-end tests all use these.
// The fake API wants credentials like OpenAI's: a scenario's CODEX_HOME holds its login (auth.json)
// where Codex reads one from there, and `scenario.env` holds the process environment Codex needs
// (LAB_KEY for the lab's env_key provider, a shell proxy…): pass it to the doctor and to Codex.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FixKind } from '../../shared/types.ts';
import {
  LAB_API_KEY,
  LAB_CHATGPT_LOGIN,
  LAB_OTHER_API_KEY,
  startFakeResponsesApi,
  type FakeApiAuth,
  type FakeApiMode,
  type FakeResponsesApi,
} from './fake-responses-api.ts';
import { LAB_CHATGPT, LAB_KEY_VAR, LAB_QUIET_TOML, makeCodexHome } from './codex-home.ts';
import { startNginx, type Nginx } from './nginx.ts';
import { closedPort } from './ports.ts';
import { startSquid, type Squid } from './squid.ts';
import { startV2raySocks, type V2raySocks } from './v2ray-socks.ts';
import { LAB_HOST } from './loopback.ts';
import { makeTestCa } from './test-ca.ts';
import { startMitmProxy, type MitmProxy } from './mitmproxy.ts';

/** What the real Codex does in a situation (measured by tests/lab/run-codex.ts). */
export type CodexBehaviour = 'answers-at-once' | 'reconnects-then-answers' | 'never-answers';

export interface Scenario {
  name: string;
  codexHome: string;
  /**
   * The process environment Codex needs here besides CODEX_HOME (e.g. LAB_KEY, the lab provider's
   * env_key, or a proxy set in the shell). Give it to the doctor and to runCodex({ env }).
   */
  env: Record<string, string>;
  /** Loopback proxy ports the doctor should test besides the machine's (the lab's proxies use random ports). */
  extraProxyPorts: number[];
  expectedFix: FixKind;
  /** For use-proxy / fix-proxy: the URL the doctor must name. */
  expectedProxyUrl?: string;
  codex: CodexBehaviour;
  api: FakeResponsesApi;
  squid?: Squid;
  socks?: V2raySocks;
  /** The gateway in front of the API (gateway-no-upgrade). */
  nginx?: Nginx;
  /** The TLS-inspecting proxy (tls-inspecting-proxy), upstream to `squid`. */
  mitm?: MitmProxy;
  stop(): Promise<void>;
}

export const SCENARIO_NAMES = [
  'ws-ok',
  'ws-refused',
  'ws-reset',
  'ws-stalled',
  'proxy-denies-connect',
  'proxy-needed',
  'dead-proxy-in-dotenv',
  'socks-only',
  'broken-config',
  'tls-untrusted-ca',
  'tls-ca-in-dotenv',
  'tls-proxy-needed',
  'proxy-login-missing',
  'proxy-login-in-dotenv',
  'socks-in-dotenv',
  'auth-ok-env-key',
  'auth-ok-builtin-apikey',
  'auth-ok-chatgpt',
  'wrong-key',
  'ws-frames-dropped',
  'gateway-no-upgrade',
  'dead-proxy-in-shell',
  'stale-local-gateway',
  'ignored-openai-table',
  'tls-inspecting-proxy',
] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

/** The lab proxy's password: tests check that it never appears in any output. */
export const LAB_PROXY_PASSWORD = 'Lab-Pr0xy-S3cret';

/** Codex waits `websocket_connect_timeout_ms` per attempt; the lab shortens it so a run stays bounded. */
const LAB_WS_TIMEOUT_MS = 1000;

/** The lab provider's key in the process environment: what the env_key scenarios need. */
const KEY_ENV: Record<string, string> = { [LAB_KEY_VAR]: LAB_API_KEY };

function apiModeFor(name: ScenarioName): FakeApiMode {
  switch (name) {
    case 'ws-refused':
    case 'ignored-openai-table':
      return 'refuse';
    case 'ws-reset':
      return 'reset';
    case 'ws-stalled':
      return 'stall';
    case 'ws-frames-dropped':
      return 'drop-frames';
    default:
      return 'ok';
  }
}

function apiAuthFor(name: ScenarioName): FakeApiAuth {
  switch (name) {
    case 'auth-ok-chatgpt':
      return { kind: 'chatgpt', accessToken: LAB_CHATGPT_LOGIN.accessToken, accountId: LAB_CHATGPT_LOGIN.accountId };
    case 'wrong-key':
      // The key Codex sends (LAB_API_KEY) was revoked: the service now expects another one.
      return { kind: 'api-key', key: LAB_OTHER_API_KEY };
    default:
      return { kind: 'api-key', key: LAB_API_KEY };
  }
}

export async function setupScenario(name: ScenarioName): Promise<Scenario> {
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const s of stops.reverse()) await s().catch(() => undefined);
  };
  /** Registers what was started so that the scenario's stop() ends it. */
  const track = <T extends { stop(): Promise<void> }>(started: T): T => {
    stops.push(() => started.stop());
    return started;
  };
  try {
    // The lab API's own private CA; behind the inspecting proxy, only mitmproxy sees (and accepts) it.
    const tlsCa = name.startsWith('tls-') ? await makeTestCa() : null;
    const api = await startFakeResponsesApi({
      mode: apiModeFor(name),
      auth: apiAuthFor(name),
      ...(tlsCa ? { tls: { cert: tlsCa.cert, key: tlsCa.key } } : {}),
    });
    stops.push(() => api.close());
    // The name only the lab's proxies can resolve: "reachable only through a proxy".
    const labBaseUrl = `http://${LAB_HOST}:${api.port}/v1`;
    // Most scenarios use the lab's env_key provider: LAB_KEY in the environment is its credential.
    const base = { name, api, stop, extraProxyPorts: [] as number[], env: { ...KEY_ENV } };

    switch (name) {
      case 'ws-ok':
        return {
          ...base,
          codexHome: makeCodexHome({ baseUrl: api.baseUrl }),
          expectedFix: 'none',
          codex: 'answers-at-once',
        };
      case 'ws-refused':
      case 'ws-reset':
      case 'ws-stalled':
        return {
          ...base,
          codexHome: makeCodexHome({ baseUrl: api.baseUrl, websocketConnectTimeoutMs: LAB_WS_TIMEOUT_MS }),
          expectedFix: 'disable-websockets',
          codex: 'reconnects-then-answers',
        };
      case 'proxy-denies-connect': {
        const squid = track(await startSquid({ denyConnect: true }));
        return {
          ...base,
          squid,
          codexHome: makeCodexHome({
            baseUrl: labBaseUrl,
            websocketConnectTimeoutMs: LAB_WS_TIMEOUT_MS,
            dotenv: `HTTPS_PROXY=${squid.url}\nHTTP_PROXY=${squid.url}\n`,
          }),
          expectedFix: 'disable-websockets',
          codex: 'reconnects-then-answers',
        };
      }
      case 'proxy-needed': {
        const squid = track(await startSquid({}));
        return {
          ...base,
          squid,
          extraProxyPorts: [squid.port],
          codexHome: makeCodexHome({ baseUrl: labBaseUrl }),
          expectedFix: 'use-proxy',
          expectedProxyUrl: `http://127.0.0.1:${squid.port}`,
          codex: 'never-answers',
        };
      }
      case 'dead-proxy-in-dotenv': {
        const squid = track(await startSquid({}));
        const dead = await closedPort();
        return {
          ...base,
          squid,
          extraProxyPorts: [squid.port],
          codexHome: makeCodexHome({
            baseUrl: labBaseUrl,
            dotenv: `HTTPS_PROXY=http://127.0.0.1:${dead}\nHTTP_PROXY=http://127.0.0.1:${dead}\n`,
          }),
          expectedFix: 'fix-proxy',
          expectedProxyUrl: `http://127.0.0.1:${squid.port}`,
          codex: 'never-answers',
        };
      }
      case 'socks-only': {
        const socks = track(await startV2raySocks({}));
        return {
          ...base,
          socks,
          extraProxyPorts: [socks.port],
          codexHome: makeCodexHome({ baseUrl: labBaseUrl }),
          expectedFix: 'use-proxy',
          expectedProxyUrl: `socks5h://127.0.0.1:${socks.port}`,
          codex: 'never-answers',
        };
      }
      case 'tls-untrusted-ca':
        // A private CA the machine does not trust, as behind a TLS-inspecting proxy.
        return {
          ...base,
          codexHome: makeCodexHome({ baseUrl: api.baseUrl }),
          expectedFix: 'no-network',
          codex: 'never-answers',
        };
      case 'tls-ca-in-dotenv':
        return {
          ...base,
          codexHome: makeCodexHome({ baseUrl: api.baseUrl, dotenv: `SSL_CERT_FILE=${tlsCa!.caCertPath}\n` }),
          expectedFix: 'none',
          codex: 'answers-at-once',
        };
      case 'tls-proxy-needed': {
        // The everyday shape of the problem: an https endpoint only a local proxy reaches, through CONNECT.
        const squid = track(await startSquid({}));
        return {
          ...base,
          squid,
          extraProxyPorts: [squid.port],
          codexHome: makeCodexHome({
            baseUrl: `https://${LAB_HOST}:${api.port}/v1`,
            dotenv: `SSL_CERT_FILE=${tlsCa!.caCertPath}\n`,
          }),
          expectedFix: 'use-proxy',
          expectedProxyUrl: `http://127.0.0.1:${squid.port}`,
          codex: 'never-answers',
        };
      }
      case 'socks-in-dotenv': {
        // Codex told about a SOCKS-only port: its WebSocket works through it (its HTTPS would not).
        const socks = track(await startV2raySocks({}));
        return {
          ...base,
          socks,
          codexHome: makeCodexHome({
            baseUrl: labBaseUrl,
            dotenv: `HTTP_PROXY=${socks.url}\nHTTPS_PROXY=${socks.url}\n`,
          }),
          expectedFix: 'none',
          codex: 'answers-at-once',
        };
      }
      case 'proxy-login-missing':
      case 'proxy-login-in-dotenv': {
        // A company proxy that wants a login (407 without one).
        const squid = track(await startSquid({ basicAuth: { user: 'alice', password: LAB_PROXY_PASSWORD } }));
        const login = name === 'proxy-login-in-dotenv' ? `alice:${LAB_PROXY_PASSWORD}@` : '';
        const proxy = `http://${login}127.0.0.1:${squid.port}`;
        return {
          ...base,
          squid,
          codexHome: makeCodexHome({ baseUrl: labBaseUrl, dotenv: `HTTPS_PROXY=${proxy}\nHTTP_PROXY=${proxy}\n` }),
          // Without a login: Fix #2 for the same proxy, with a user name and password to give.
          expectedFix: login ? 'none' : 'use-proxy',
          ...(login ? {} : { expectedProxyUrl: squid.url }),
          codex: login ? 'answers-at-once' : 'never-answers',
        };
      }
      case 'broken-config': {
        // The built-in provider with a login, behind a [model_providers.openai] table Codex refuses.
        const codexHome = makeCodexHome({ baseUrl: api.baseUrl, login: { kind: 'api-key', key: LAB_API_KEY } });
        writeFileSync(
          path.join(codexHome, 'config.toml'),
          `model_provider = "openai"\n\n[model_providers.openai]\nname = "OpenAI"\nbase_url = "${api.baseUrl}"\n\n${LAB_QUIET_TOML}`,
        );
        return { ...base, codexHome, expectedFix: 'repair-config', codex: 'never-answers' };
      }
      case 'auth-ok-env-key':
        // A custom provider with env_key = "LAB_KEY" and the key in the environment.
        return {
          ...base,
          codexHome: makeCodexHome({ baseUrl: api.baseUrl }),
          expectedFix: 'none',
          codex: 'answers-at-once',
        };
      case 'auth-ok-builtin-apikey':
        // The built-in provider moved with openai_base_url; the key from `codex login --with-api-key`.
        return {
          ...base,
          env: {},
          codexHome: makeCodexHome({
            provider: 'builtin-openai',
            baseUrl: api.baseUrl,
            login: { kind: 'api-key', key: LAB_API_KEY },
          }),
          expectedFix: 'none',
          codex: 'answers-at-once',
        };
      case 'auth-ok-chatgpt':
        // A ChatGPT login used by a custom provider with requires_openai_auth = true.
        return {
          ...base,
          env: {},
          codexHome: makeCodexHome({ provider: 'openai-auth', baseUrl: api.baseUrl, login: LAB_CHATGPT }),
          expectedFix: 'none',
          codex: 'answers-at-once',
        };
      case 'wrong-key':
        // Codex sends LAB_API_KEY, the service wants another: 401 on the upgrade and on HTTPS.
        return {
          ...base,
          codexHome: makeCodexHome({ baseUrl: api.baseUrl }),
          expectedFix: 'login',
          codex: 'never-answers',
        };
      case 'ws-frames-dropped':
        // A middlebox lets the handshake through (101) and kills the connection at the first frame.
        return {
          ...base,
          codexHome: makeCodexHome({ baseUrl: api.baseUrl, websocketConnectTimeoutMs: LAB_WS_TIMEOUT_MS }),
          expectedFix: 'disable-websockets',
          codex: 'reconnects-then-answers',
        };
      case 'gateway-no-upgrade': {
        // A company gateway (nginx) in front of the service that does not forward WebSocket upgrades.
        const nginx = track(await startNginx({ upstreamPort: api.port }));
        return {
          ...base,
          nginx,
          codexHome: makeCodexHome({ baseUrl: nginx.baseUrl, websocketConnectTimeoutMs: LAB_WS_TIMEOUT_MS }),
          expectedFix: 'disable-websockets',
          codex: 'reconnects-then-answers',
        };
      }
      case 'dead-proxy-in-shell': {
        // The shell exports a proxy where nothing listens; a working squid is there to be found.
        const squid = track(await startSquid({}));
        const dead = `http://127.0.0.1:${await closedPort()}`;
        return {
          ...base,
          squid,
          extraProxyPorts: [squid.port],
          env: { ...KEY_ENV, HTTPS_PROXY: dead, HTTP_PROXY: dead },
          codexHome: makeCodexHome({ baseUrl: labBaseUrl }),
          expectedFix: 'fix-proxy',
          expectedProxyUrl: `http://127.0.0.1:${squid.port}`,
          codex: 'never-answers',
        };
      }
      case 'stale-local-gateway': {
        // A bridge tool wrote openai_base_url for its local gateway, then stopped.
        const dead = await closedPort();
        return {
          ...base,
          env: {},
          codexHome: makeCodexHome({
            provider: 'builtin-openai',
            baseUrl: `http://127.0.0.1:${dead}/v1`,
            preamble: '# Auto-injected by some-bridge — managed, do not edit',
            login: { kind: 'api-key', key: LAB_API_KEY },
          }),
          expectedFix: 'repair-config',
          codex: 'never-answers',
        };
      }
      case 'tls-inspecting-proxy': {
        // A company's TLS-inspecting proxy (mitmproxy, upstream to the squid egress) named in .env;
        // its CA is on the machine where the developer's other tools find it (NODE_EXTRA_CA_CERTS),
        // but Codex is not told about it: every handshake fails, Codex never answers.
        const squid = track(await startSquid({}));
        const mitm = track(await startMitmProxy({ upstream: squid.url }));
        return {
          ...base,
          squid,
          mitm,
          env: { ...KEY_ENV, NODE_EXTRA_CA_CERTS: mitm.caCertPath },
          codexHome: makeCodexHome({
            baseUrl: `https://${LAB_HOST}:${api.port}/v1`,
            dotenv: `HTTPS_PROXY=${mitm.url}\nHTTP_PROXY=${mitm.url}\n`,
          }),
          expectedFix: 'trust-ca',
          codex: 'never-answers',
        };
      }
      case 'ignored-openai-table': {
        // The community advice: a [model_providers.openai] table with only supports_websockets = false.
        // Codex loads it and ignores it: the built-in provider keeps trying WebSockets.
        const codexHome = makeCodexHome({
          provider: 'builtin-openai',
          baseUrl: api.baseUrl,
          login: { kind: 'api-key', key: LAB_API_KEY },
        });
        writeFileSync(
          path.join(codexHome, 'config.toml'),
          `model = "lab-model"\nopenai_base_url = "${api.baseUrl}"\n\n[model_providers.openai]\nsupports_websockets = false\n\n${LAB_QUIET_TOML}`,
        );
        return { ...base, env: {}, codexHome, expectedFix: 'disable-websockets', codex: 'reconnects-then-answers' };
      }
    }
  } catch (e) {
    await stop();
    throw e;
  }
}
