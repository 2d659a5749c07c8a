// The lab situations of FACTS.md, each set up for real (fake API, squid, v2ray, a temp CODEX_HOME)
// together with what the doctor must conclude and what the real Codex does there. The integration
// tests, the benchmark and the end-to-end tests all use these.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FixKind } from '../../shared/types.ts';
import { startFakeResponsesApi, type FakeApiMode, type FakeResponsesApi } from './fake-responses-api.ts';
import { LAB_QUIET_TOML, makeCodexHome } from './codex-home.ts';
import { closedPort } from './ports.ts';
import { startSquid, type Squid } from './squid.ts';
import { startV2raySocks, type V2raySocks } from './v2ray-socks.ts';
import { LAB_HOST } from './loopback.ts';
import { makeTestCa } from './test-ca.ts';

/** What the real Codex does in a situation (measured by tests/lab/run-codex.ts). */
export type CodexBehaviour = 'answers-at-once' | 'reconnects-then-answers' | 'never-answers';

export interface Scenario {
  name: string;
  codexHome: string;
  /** Loopback proxy ports the doctor should test besides the machine's (the lab's proxies use random ports). */
  extraProxyPorts: number[];
  expectedFix: FixKind;
  /** For use-proxy / fix-proxy: the URL the doctor must name. */
  expectedProxyUrl?: string;
  codex: CodexBehaviour;
  api: FakeResponsesApi;
  squid?: Squid;
  socks?: V2raySocks;
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
] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

/** The lab proxy's password: tests check that it never appears in any output. */
export const LAB_PROXY_PASSWORD = 'Lab-Pr0xy-S3cret';

/** Codex waits `websocket_connect_timeout_ms` per attempt; the lab shortens it so a run stays bounded. */
const LAB_WS_TIMEOUT_MS = 1000;

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
    const mode: FakeApiMode =
      name === 'ws-refused' ? 'refuse' : name === 'ws-reset' ? 'reset' : name === 'ws-stalled' ? 'stall' : 'ok';
    const tlsCa = name.startsWith('tls-') ? await makeTestCa() : null;
    const api = await startFakeResponsesApi({ mode, ...(tlsCa ? { tls: { cert: tlsCa.cert, key: tlsCa.key } } : {}) });
    stops.push(() => api.close());
    // The name only the lab's proxies can resolve: "reachable only through a proxy".
    const labBaseUrl = `http://${LAB_HOST}:${api.port}/v1`;
    const base = { name, api, stop, extraProxyPorts: [] as number[] };

    switch (name) {
      case 'ws-ok':
        return { ...base, codexHome: makeCodexHome({ baseUrl: api.baseUrl }), expectedFix: 'none', codex: 'answers-at-once' };
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
          codexHome: makeCodexHome({ baseUrl: labBaseUrl, dotenv: `HTTPS_PROXY=http://127.0.0.1:${dead}\nHTTP_PROXY=http://127.0.0.1:${dead}\n` }),
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
        return { ...base, codexHome: makeCodexHome({ baseUrl: api.baseUrl }), expectedFix: 'no-network', codex: 'never-answers' };
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
          codexHome: makeCodexHome({ baseUrl: `https://${LAB_HOST}:${api.port}/v1`, dotenv: `SSL_CERT_FILE=${tlsCa!.caCertPath}\n` }),
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
          codexHome: makeCodexHome({ baseUrl: labBaseUrl, dotenv: `HTTP_PROXY=${socks.url}\nHTTPS_PROXY=${socks.url}\n` }),
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
          expectedFix: login ? 'none' : 'no-network',
          codex: login ? 'answers-at-once' : 'never-answers',
        };
      }
      case 'broken-config': {
        const codexHome = makeCodexHome({ baseUrl: api.baseUrl });
        writeFileSync(
          path.join(codexHome, 'config.toml'),
          `model_provider = "openai"\n\n[model_providers.openai]\nname = "OpenAI"\nbase_url = "${api.baseUrl}"\n\n${LAB_QUIET_TOML}`,
        );
        return { ...base, codexHome, expectedFix: 'repair-config', codex: 'never-answers' };
      }
    }
  } catch (e) {
    await stop();
    throw e;
  }
}
