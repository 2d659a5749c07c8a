import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodexSetup, ProbeResult, Route } from '../../../shared/types.ts';
import {
  configuredRoute,
  endpointFor,
  isExcludedByNoProxy,
  localProxyRoutes,
  proxyUrlFor,
  systemProxyRoute,
} from '../../../electron/core/diagnosis/routes.ts';
import { evidenceLines, probeFindings, routeFacts } from '../../../electron/core/diagnosis/facts.ts';
import { msg } from '../../../shared/i18n/message.ts';
import { en, zh } from '../../i18n.ts';

describe('endpointFor', () => {
  test('the WebSocket URL is <base_url>/responses with ws:// or wss://', () => {
    assert.equal(endpointFor('https://api.openai.com/v1').websocketUrl, 'wss://api.openai.com/v1/responses');
    assert.equal(
      endpointFor('https://chatgpt.com/backend-api/codex/').websocketUrl,
      'wss://chatgpt.com/backend-api/codex/responses',
    );
    const lab = endpointFor('http://api.lab.test:18080/v1');
    assert.deepEqual(
      [lab.host, lab.port, lab.secure, lab.websocketUrl],
      ['api.lab.test', 18080, false, 'ws://api.lab.test:18080/v1/responses'],
    );
    assert.equal(endpointFor('https://[::1]:8443/v1').host, '::1');
  });
});

describe('NO_PROXY', () => {
  const cases: [string, number, string | null, boolean][] = [
    ['api.openai.com', 443, null, false],
    ['api.openai.com', 443, '*', true],
    ['api.openai.com', 443, 'openai.com', true],
    ['api.openai.com', 443, '.openai.com', true],
    ['api.openai.com', 443, '*.openai.com', true],
    ['api.openai.com', 443, 'notopenai.com', false],
    ['api.openai.com', 443, 'localhost, 127.0.0.1 ,api.openai.com:8443', false],
    ['api.openai.com', 8443, 'api.openai.com:8443', true],
    ['127.0.0.1', 18080, 'localhost,127.0.0.1,::1', true],
    ['::1', 443, '[::1]', true],
  ];
  for (const [host, port, noProxy, excluded] of cases) {
    test(`${host}:${port} with NO_PROXY=${noProxy} → ${excluded ? 'direct' : 'proxy'}`, () => {
      assert.equal(isExcludedByNoProxy(host, port, noProxy), excluded);
    });
  }
});

function setupWith(proxy: string | null, noProxy: string | null = null): CodexSetup {
  return {
    home: '/h',
    homeSource: 'flag',
    homeExists: true,
    profile: null,
    profiles: [],
    configFiles: [],
    provider: null,
    authMode: 'none',
    proxyVars: [],
    effectiveProxy: proxy
      ? { key: 'HTTPS_PROXY', value: proxy, display: proxy.replace(/:[^:@/]+@/, ':****@'), source: 'dotenv', line: 1 }
      : null,
    noProxy,
    caFile: null,
    installs: [],
    credential: { status: 'none', source: msg('setup.credential.no-auth-json') },
    findings: [],
  };
}

describe('routes', () => {
  const endpoint = endpointFor('https://api.openai.com/v1');

  test('the configured proxy, unless NO_PROXY covers the endpoint; its label never shows the password', () => {
    const route = configuredRoute(setupWith('http://bob:pw1234@127.0.0.1:3128'), endpoint)!;
    assert.equal(route.kind, 'configured-proxy');
    assert.equal(route.proxyUrl, 'http://bob:pw1234@127.0.0.1:3128');
    assert.doesNotMatch(en(route.label), /pw1234/);
    assert.equal(en(route.label), 'HTTPS_PROXY from $CODEX_HOME/.env (http://bob:****@127.0.0.1:3128)');
    assert.equal(zh(route.label), '$CODEX_HOME/.env 中的 HTTPS_PROXY（http://bob:****@127.0.0.1:3128）');
    assert.equal(configuredRoute(setupWith('http://127.0.0.1:3128', 'openai.com'), endpoint), null);
    assert.equal(configuredRoute(setupWith(null), endpoint), null);
  });

  test('local proxy URLs: http:// where HTTP is spoken, socks5h:// for SOCKS-only, nothing for closed ports', () => {
    const c = (port: number, speaks: 'http' | 'mixed' | 'socks5' | 'closed' | 'unknown') => ({
      host: '127.0.0.1',
      port,
      apps: [],
      sources: ['well-known'],
      speaks,
    });
    assert.equal(proxyUrlFor(c(7890, 'mixed')), 'http://127.0.0.1:7890');
    assert.equal(proxyUrlFor(c(10809, 'http')), 'http://127.0.0.1:10809');
    assert.equal(proxyUrlFor(c(10808, 'socks5')), 'socks5h://127.0.0.1:10808');
    assert.equal(proxyUrlFor(c(1, 'closed')), null);
    assert.equal(proxyUrlFor(c(2, 'unknown')), null);
  });

  test('the configured proxy is not probed twice, but the same port under another scheme is', () => {
    const configured: Route = {
      kind: 'configured-proxy',
      label: msg('diagnosis.route.direct'),
      proxyUrl: 'http://127.0.0.1:10808',
    };
    const routes = localProxyRoutes(
      [
        { host: '127.0.0.1', port: 10808, apps: ['v2rayN'], sources: ['well-known'], speaks: 'socks5' },
        { host: '127.0.0.1', port: 7890, apps: ['Clash'], sources: ['well-known'], speaks: 'mixed' },
      ],
      configured,
    );
    assert.deepEqual(
      routes.map((r) => r.proxyUrl),
      ['socks5h://127.0.0.1:10808', 'http://127.0.0.1:7890'],
    );
    assert.deepEqual(
      routes.map((r) => en(r.label)),
      ['proxy socks5h://127.0.0.1:10808 (socks5 — v2rayN)', 'proxy http://127.0.0.1:7890 (mixed — Clash)'],
    );
    const again = localProxyRoutes([{ host: '127.0.0.1', port: 7890, apps: [], sources: [], speaks: 'mixed' }], {
      kind: 'configured-proxy',
      label: msg('diagnosis.route.direct'),
      proxyUrl: 'http://127.0.0.1:7890',
    });
    assert.equal(again.length, 0);
  });

  test('a company system proxy becomes a route; a loopback one is left to the local candidates', () => {
    const sp = (http: string) => ({ platform: 'win32', enabled: true, http, source: 'reg query' });
    assert.equal(systemProxyRoute(sp('proxy.corp.example:8080'), null)?.proxyUrl, 'http://proxy.corp.example:8080');
    assert.equal(
      en(systemProxyRoute(sp('proxy.corp.example:8080'), null)!.label),
      'system proxy http://proxy.corp.example:8080',
    );
    assert.equal(systemProxyRoute(sp('127.0.0.1:7890'), null), null);
    assert.equal(systemProxyRoute({ ...sp('proxy.corp.example:8080'), enabled: false }, null), null);
    assert.equal(
      systemProxyRoute(sp('proxy.corp.example:8080'), {
        kind: 'configured-proxy',
        label: msg('diagnosis.route.direct'),
        proxyUrl: 'http://proxy.corp.example:8080',
      }),
      null,
    );
  });
});

describe('facts and findings from probe results', () => {
  const route: Route = { kind: 'direct', label: msg('diagnosis.route.direct') };
  // A probe's detail as a message (the words are not the point here: equal details are one failure).
  const fail = (phase: ProbeResult['phase'], detail: string, failure: ProbeResult['failure']): ProbeResult => ({
    phase,
    route,
    ok: false,
    durationMs: 3,
    failure,
    detail: msg('common.text', { text: detail }),
  });

  test('a failed connection is reported once, not once per later step', () => {
    const results = [
      fail('dns', 'api.lab.test does not resolve', 'dns-error'),
      fail('tcp', 'api.lab.test does not resolve', 'dns-error'),
      fail('https', 'api.lab.test does not resolve', 'dns-error'),
      fail('websocket', 'api.lab.test does not resolve', 'dns-error'),
    ];
    const findings = probeFindings([{ route, results }], 'direct');
    assert.equal(findings.length, 1);
    const evidence = evidenceLines([{ route, results }]);
    assert.equal(evidence.length, 1);
    assert.equal(en(evidence[0]!), '✗ DNS lookup via direct: api.lab.test does not resolve (3 ms)');
    assert.equal(zh(evidence[0]!), '✗ DNS 解析（直连）：api.lab.test does not resolve（3毫秒）');
    assert.equal(en(findings[0]!.summary), 'DNS lookup fails via direct: api.lab.test does not resolve');
    assert.equal(findings[0]!.id, 'dns.direct.dns-error');
    assert.equal(findings[0]!.severity, 'error');
  });

  test('a step that was not run takes the failure of the connection it needed', () => {
    const facts = routeFacts({ route, results: [fail('tcp', 'refused', 'tcp-refused')] });
    assert.equal(facts.https, 'tcp-refused');
    assert.equal(facts.websocket, 'tcp-refused');
  });

  test('HTTPS through a SOCKS port does not count for Codex', () => {
    const socks: Route = {
      kind: 'local-proxy',
      label: msg('diagnosis.route.local-proxy', { url: 'socks5h://127.0.0.1:1080', speaks: 'socks5' }),
      proxyUrl: 'socks5h://127.0.0.1:1080',
    };
    const ok = (phase: ProbeResult['phase']): ProbeResult => ({
      phase,
      route: socks,
      ok: true,
      durationMs: 1,
      detail: msg('common.text', { text: 'ok' }),
    });
    const facts = routeFacts({ route: socks, results: [ok('tcp'), ok('https'), ok('websocket')], speaks: 'socks5' });
    assert.equal(facts.https, 'unsupported');
    assert.equal(facts.websocket, 'ok');
  });
});

describe('findings when WebSockets are off', () => {
  test('a refused WebSocket on Codex’s route is information, not an error, when the provider does not use WebSockets', () => {
    const route: Route = { kind: 'direct', label: msg('diagnosis.route.direct') };
    const detail = (error: string) => msg('common.text', { text: error });
    const results: ProbeResult[] = [
      { phase: 'https', route, ok: true, durationMs: 5, detail: detail('HTTP 401 from the service') },
      {
        phase: 'websocket',
        route,
        ok: false,
        durationMs: 5,
        failure: 'refused',
        detail: detail('HTTP 403 from the server'),
      },
    ];
    const on = probeFindings([{ route, results }], 'direct', true).find((f) => f.id.startsWith('websocket.'))!;
    const off = probeFindings([{ route, results }], 'direct', false).find((f) => f.id.startsWith('websocket.'))!;
    assert.equal(on.severity, 'error');
    assert.equal(off.severity, 'info');
    assert.equal(
      en(off.summary),
      'WebSocket handshake fails via direct: HTTP 403 from the server — not a problem: WebSockets are off for this provider, Codex uses HTTPS',
    );
  });
});

describe('the comment that says who wrote a stale gateway line', () => {
  test('right above, trailing, or a "managed" comment higher in the same table', async () => {
    const { commentNear } = await import('../../../electron/core/diagnosis/stale-gateway.ts');
    assert.equal(commentNear('# Auto-injected by bridge\nopenai_base_url = "x"\n', 2), '"Auto-injected by bridge"');
    assert.equal(commentNear('openai_base_url = "x" # managed by tool\n', 1), '"managed by tool"');
    assert.equal(
      commentNear('# Managed by some-bridge\nmodel = "m"\nopenai_base_url = "x"\n', 3),
      '"Managed by some-bridge"',
    );
    assert.equal(commentNear('# my notes\nmodel = "m"\nopenai_base_url = "x"\n', 3), undefined);
    assert.equal(commentNear('# managed by a\n[t]\nopenai_base_url = "x"\n', 3), undefined);
  });
});

describe("the OS proxy Codex's HTTPS client takes (reqwest's default on Windows and macOS)", () => {
  test('only on Windows and macOS, only without a proxy variable, not for bypassed hosts', async () => {
    const { codexHttpsSystemProxy, endpointFor } = await import('../../../electron/core/diagnosis/routes.ts');
    const api = endpointFor('https://api.openai.com/v1');
    const sys = {
      platform: 'win32',
      enabled: true,
      http: '127.0.0.1:7890',
      https: '127.0.0.1:7890',
      bypass: ['localhost', '127.*', '<local>'],
      source: 'reg query',
    };
    assert.equal(codexHttpsSystemProxy(sys, 'win32', false, api)?.proxyUrl, 'http://127.0.0.1:7890');
    assert.equal(
      en(codexHttpsSystemProxy(sys, 'win32', false, api)!.label),
      "system proxy http://127.0.0.1:7890 (Windows Internet Settings), which Codex's HTTPS requests use",
    );
    assert.equal(
      en(codexHttpsSystemProxy(sys, 'darwin', false, api)!.label),
      "system proxy http://127.0.0.1:7890 (macOS network settings), which Codex's HTTPS requests use",
    );
    assert.equal(codexHttpsSystemProxy(sys, 'darwin', false, api)?.proxyUrl, 'http://127.0.0.1:7890');
    assert.equal(codexHttpsSystemProxy(sys, 'linux', false, api), null);
    assert.equal(codexHttpsSystemProxy(sys, 'win32', true, api), null, 'a proxy variable wins');
    assert.equal(codexHttpsSystemProxy({ ...sys, enabled: false }, 'win32', false, api), null);
    assert.equal(
      codexHttpsSystemProxy(sys, 'win32', false, endpointFor('http://127.0.0.1:8080/v1')),
      null,
      '127.* is bypassed',
    );
    assert.equal(
      codexHttpsSystemProxy(sys, 'win32', false, endpointFor('http://gateway:8080/v1')),
      null,
      '<local>: a name without a dot',
    );
    assert.equal(
      codexHttpsSystemProxy(
        { ...sys, https: undefined, http: undefined, pacUrl: 'http://wpad/proxy.pac' },
        'win32',
        false,
        api,
      ),
      null,
      'PAC is not read by default',
    );
  });
});
