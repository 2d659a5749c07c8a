import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { RULES, recommend, type RecommendationFacts, type RouteFacts } from '../../../shared/recommend.ts';

const direct = (https: RouteFacts['https'], websocket: RouteFacts['websocket']): RouteFacts => ({
  label: 'direct',
  https,
  websocket,
});
const proxy = (
  url: string,
  speaks: RouteFacts['speaks'],
  https: RouteFacts['https'],
  websocket: RouteFacts['websocket'],
): RouteFacts => ({ label: `proxy ${url}`, proxyUrl: url, speaks, https, websocket });

function facts(over: Partial<RecommendationFacts>): RecommendationFacts {
  return {
    configProblems: [],
    providerSupportsWebsockets: true,
    providerBuiltIn: true,
    direct: direct('ok', 'ok'),
    configured: null,
    localProxies: [],
    proxyAppFound: false,
    tunActive: false,
    ...over,
  };
}

// One row per rule: the facts that must select it, and what it must say.
const rows: { rule: string; facts: RecommendationFacts; fix: string; proxyUrl?: string; warns?: RegExp }[] = [
  {
    rule: 'R1-config-broken',
    facts: facts({ configProblems: ['config.toml line 3, column 1: reserved provider id `openai`'] }),
    fix: 'repair-config',
  },
  {
    rule: 'R1b-stale-local-gateway',
    facts: facts({
      providerBuiltIn: true,
      direct: direct('tcp-refused', 'tcp-refused'),
      staleGateway: { key: 'openai_base_url', where: 'config.toml:2:1', url: 'http://127.0.0.1:15721/v1', writtenBy: '"Auto-injected by bridge"' },
    }),
    fix: 'repair-config',
  },
  {
    rule: 'R1b-stale-local-gateway',
    facts: facts({
      providerBuiltIn: false,
      direct: direct('tcp-refused', 'tcp-refused'),
      staleGateway: { key: 'base_url', where: 'config.toml:7:1', url: 'http://127.0.0.1:15721/v1' },
    }),
    fix: 'no-network',
  },
  {
    rule: 'R1c-login-rejected',
    facts: facts({
      direct: direct('login-rejected', 'login-rejected'),
      credential: { status: 'usable', kind: 'api-key', source: 'LAB_KEY from the environment', envKey: 'LAB_KEY' },
    }),
    fix: 'login',
  },
  {
    // Windows/macOS: HTTPS takes the OS proxy, which is dead; the WebSocket goes direct.
    rule: 'R1d-dead-system-proxy',
    facts: facts({ systemProxyHttps: proxy('http://127.0.0.1:7890', undefined, 'proxy-unreachable', 'proxy-unreachable') }),
    fix: 'fix-proxy',
  },
  {
    rule: 'R1d-dead-system-proxy',
    facts: facts({
      direct: direct('dns-error', 'dns-error'),
      systemProxyHttps: proxy('http://127.0.0.1:7890', undefined, 'proxy-unreachable', 'proxy-unreachable'),
      localProxies: [proxy('http://127.0.0.1:7897', 'mixed', 'ok', 'ok')],
    }),
    fix: 'fix-proxy',
    proxyUrl: 'http://127.0.0.1:7897',
  },
  { rule: 'R2-healthy', facts: facts({}), fix: 'none' },
  {
    // A working system proxy for HTTPS and a direct WebSocket is healthy.
    rule: 'R2-healthy',
    facts: facts({ systemProxyHttps: proxy('http://127.0.0.1:7890', 'mixed', 'ok', 'ok') }),
    fix: 'none',
  },
  {
    rule: 'R4b-proxy-wants-login',
    facts: facts({
      direct: direct('dns-error', 'dns-error'),
      configured: { ...proxy('http://127.0.0.1:3128', 'http', 'proxy-auth-required', 'proxy-auth-required'), proxyLogin: { schemes: ['Basic'], rejected: false } },
    }),
    fix: 'use-proxy',
    proxyUrl: 'http://127.0.0.1:3128',
    warns: /password is stored/,
  },
  {
    rule: 'R4c-proxy-login-codex-cannot-do',
    facts: facts({
      direct: direct('dns-error', 'dns-error'),
      configured: { ...proxy('http://127.0.0.1:3128', 'http', 'proxy-auth-required', 'proxy-auth-required'), proxyLogin: { schemes: ['NTLM', 'Negotiate'], rejected: false } },
    }),
    fix: 'proxy-login-unsupported',
  },
  {
    rule: 'R5b-websocket-unproven',
    facts: facts({ direct: direct('ok', 'unproven'), credential: { status: 'keyring', source: 'the OS keyring' } }),
    fix: 'unproven',
  },
  {
    rule: 'R2-healthy',
    facts: facts({ providerSupportsWebsockets: false, direct: direct('ok', 'refused') }),
    fix: 'none',
  },
  {
    // Codex's own SOCKS proxy: the WebSocket works, an HTTPS fallback would not.
    rule: 'R2-healthy',
    facts: facts({
      direct: direct('dns-error', 'dns-error'),
      configured: proxy('socks5h://127.0.0.1:10808', 'socks5', 'unsupported', 'ok'),
    }),
    fix: 'none',
    warns: /SOCKS/,
  },
  {
    rule: 'R9-only-socks-carries-websocket',
    facts: facts({
      direct: direct('dns-error', 'dns-error'),
      localProxies: [proxy('socks5h://127.0.0.1:1080', 'socks5', 'unsupported', 'ok')],
    }),
    fix: 'use-proxy',
    proxyUrl: 'socks5h://127.0.0.1:1080',
    warns: /SOCKS/,
  },
  {
    rule: 'R3-configured-proxy-dead-working-one-found',
    facts: facts({
      direct: direct('dns-error', 'dns-error'),
      configured: proxy('http://127.0.0.1:10809', 'closed', 'proxy-unreachable', 'proxy-unreachable'),
      localProxies: [
        proxy('socks5h://127.0.0.1:7898', 'socks5', 'proxy-protocol-mismatch', 'ok'),
        proxy('http://127.0.0.1:7897', 'mixed', 'ok', 'ok'),
      ],
    }),
    fix: 'fix-proxy',
    proxyUrl: 'http://127.0.0.1:7897',
  },
  {
    rule: 'R4-configured-proxy-dead-direct-works',
    facts: facts({ configured: proxy('http://127.0.0.1:1', 'closed', 'proxy-unreachable', 'proxy-unreachable') }),
    fix: 'fix-proxy',
  },
  {
    rule: 'R5-configured-proxy-dead-nothing-works',
    facts: facts({
      direct: direct('dns-error', 'dns-error'),
      configured: proxy('http://127.0.0.1:10808', 'socks5', 'proxy-protocol-mismatch', 'proxy-protocol-mismatch'),
    }),
    fix: 'no-network',
  },
  {
    rule: 'R6-https-works-websocket-blocked-proxy-carries-both',
    facts: facts({
      configured: proxy('http://127.0.0.1:3128', 'http', 'ok', 'connect-denied'),
      localProxies: [proxy('http://127.0.0.1:7890', 'mixed', 'ok', 'ok')],
      proxyAppFound: true,
    }),
    fix: 'use-proxy',
    proxyUrl: 'http://127.0.0.1:7890',
  },
  {
    rule: 'R7-https-works-websocket-blocked',
    facts: facts({ direct: direct('ok', 'refused') }),
    fix: 'disable-websockets',
  },
  {
    rule: 'R7-https-works-websocket-blocked',
    facts: facts({ direct: direct('ok', 'stalled') }),
    fix: 'disable-websockets',
  },
  {
    rule: 'R8-only-a-local-proxy-works',
    facts: facts({
      direct: direct('dns-error', 'dns-error'),
      localProxies: [proxy('http://127.0.0.1:3128', 'http', 'ok', 'ok')],
    }),
    fix: 'use-proxy',
    proxyUrl: 'http://127.0.0.1:3128',
  },
  {
    rule: 'R8-only-a-local-proxy-works',
    facts: facts({
      direct: direct('tcp-timeout', 'tcp-timeout'),
      localProxies: [proxy('socks5h://127.0.0.1:1080', 'socks5', 'ok', 'ok')],
    }),
    fix: 'use-proxy',
    proxyUrl: 'socks5h://127.0.0.1:1080',
    warns: /SOCKS/,
  },
  {
    rule: 'R9-only-socks-carries-websocket',
    facts: facts({
      direct: direct('dns-error', 'dns-error'),
      localProxies: [proxy('socks5h://127.0.0.1:10808', 'socks5', 'not-tested', 'ok')],
      proxyAppFound: true,
    }),
    fix: 'use-proxy',
    proxyUrl: 'socks5h://127.0.0.1:10808',
    warns: /SOCKS/,
  },
  {
    rule: 'R11-proxy-app-without-usable-port',
    facts: facts({ direct: direct('dns-error', 'dns-error'), proxyAppFound: true }),
    fix: 'enable-tun',
    warns: /whole system/,
  },
  {
    rule: 'R10-untrusted-certificate',
    facts: facts({ direct: direct('untrusted-ca', 'untrusted-ca') }),
    fix: 'no-network',
  },
  {
    // An inspecting proxy's certificate is the cause even where a proxy app is installed.
    rule: 'R10-untrusted-certificate',
    facts: facts({ direct: direct('untrusted-ca', 'untrusted-ca'), proxyAppFound: true }),
    fix: 'no-network',
  },
  {
    // The CA was found on this machine and verifies the chain: trust it.
    rule: 'R10-untrusted-certificate',
    facts: facts({
      configured: { ...direct('untrusted-ca', 'untrusted-ca'), label: 'HTTPS_PROXY from $CODEX_HOME/.env', proxyUrl: 'http://127.0.0.1:8080' },
      untrustedCa: {
        lookingFor: 'CN=mitmproxy, O=mitmproxy',
        proven: { subject: 'CN=mitmproxy, O=mitmproxy', fingerprint256: 'AB:CD', validTo: '2036-01-01T00:00:00.000Z', foundIn: ['NODE_EXTRA_CA_CERTS (/etc/corp/ca.pem)'] },
        refusals: [],
        searched: ['NODE_EXTRA_CA_CERTS (/etc/corp/ca.pem): 1 certificate'],
      },
    }),
    fix: 'trust-ca',
  },
  {
    // Searched, nothing found: the steps, with --ca-file.
    rule: 'R10-untrusted-certificate',
    facts: facts({
      direct: direct('untrusted-ca', 'untrusted-ca'),
      untrustedCa: { lookingFor: 'CN=Corp CA', proven: null, refusals: [], searched: ['the OS trust bundle (/etc/ssl/certs/ca-certificates.crt): 140 certificates'] },
    }),
    fix: 'no-network',
  },
  {
    // What rustls refuses (SHA-1, RSA < 2048, expired): its own verdict, no trust-ca.
    rule: 'R10a-certificate-codex-refuses',
    facts: facts({
      direct: direct('untrusted-ca', 'untrusted-ca'),
      untrustedCa: {
        lookingFor: 'CN=Old Corp CA',
        proven: { subject: 'CN=Old Corp CA', fingerprint256: 'AB:CD', validTo: '2036-01-01T00:00:00.000Z', foundIn: ['the OS anchor folder /usr/local/share/ca-certificates'] },
        refusals: ['the CA "Old Corp CA" has a 1024-bit RSA key: Codex\'s TLS library (rustls) accepts RSA keys of 2048 bits or more only.'],
        searched: [],
      },
    }),
    fix: 'weak-ca',
  },
  {
    rule: 'R12-no-network',
    facts: facts({ direct: direct('dns-error', 'dns-error'), proxyAppFound: true, tunActive: true }),
    fix: 'no-network',
  },
  { rule: 'R12-no-network', facts: facts({ direct: direct('tcp-refused', 'tcp-refused') }), fix: 'no-network' },
];

describe('recommendation rules', () => {
  for (const row of rows) {
    test(`${row.rule} → ${row.fix}${row.proxyUrl ? ` ${row.proxyUrl}` : ''}`, () => {
      const r = recommend(row.facts, ['evidence line']);
      assert.equal(r.rule, row.rule);
      assert.equal(r.fix, row.fix);
      assert.equal(r.proxyUrl, row.proxyUrl);
      assert.ok(r.headline.length > 10);
      assert.ok(r.reasons.length > 0);
      assert.deepEqual(r.evidence, ['evidence line']);
      if (row.warns) assert.match(r.warnings.join(' '), row.warns);
      else assert.equal(r.warnings.length, 0, r.warnings.join(' '));
    });
  }

  test('every rule has at least one row', () => {
    const covered = new Set(rows.map((r) => r.rule));
    for (const rule of RULES) assert.ok(covered.has(rule.id), `no test row for ${rule.id}`);
  });

  test('R10 names the CA, where it was found and its fingerprint; without one, the --ca-file step', () => {
    const found = rows.find((r) => r.fix === 'trust-ca')!;
    const r = recommend(found.facts);
    assert.match(r.headline, /"CN=mitmproxy, O=mitmproxy"/);
    assert.match(r.headline, /NODE_EXTRA_CA_CERTS \(\/etc\/corp\/ca\.pem\)/);
    assert.match(r.reasons.join('\n'), /SHA-256 AB:CD, valid until 2036-01-01/);
    const none = recommend(facts({ direct: direct('untrusted-ca', 'untrusted-ca'), untrustedCa: { lookingFor: 'CN=Corp CA', proven: null, refusals: [], searched: ['x: 0 certificates'] } }));
    assert.match(none.reasons.join('\n'), /No CA named "CN=Corp CA"/);
    assert.match(none.reasons.join('\n'), /fix trust-ca --ca-file PATH/);
    const weak = recommend(rows.find((r) => r.fix === 'weak-ca')!.facts);
    assert.match(weak.headline, /no setting fixes this/);
    assert.match(weak.reasons.join('\n'), /1024-bit RSA key/);
  });

  test('an HTTP-speaking port is preferred over a SOCKS one that also works', () => {
    const r = recommend(
      facts({
        direct: direct('dns-error', 'dns-error'),
        localProxies: [
          proxy('socks5h://127.0.0.1:7898', 'socks5', 'ok', 'ok'),
          proxy('http://127.0.0.1:7899', 'http', 'ok', 'ok'),
        ],
      }),
    );
    assert.equal(r.proxyUrl, 'http://127.0.0.1:7899');
    assert.equal(r.warnings.length, 0);
  });

  test('alternatives are listed in order, recommended fix excluded', () => {
    const r = recommend(
      facts({
        direct: direct('ok', 'connect-denied'),
        localProxies: [proxy('http://127.0.0.1:7890', 'mixed', 'ok', 'ok')],
        proxyAppFound: true,
      }),
    );
    assert.equal(r.fix, 'use-proxy');
    assert.deepEqual(
      r.alternatives.map((a) => a.fix),
      ['disable-websockets', 'enable-tun'],
    );
  });
});

test('docs/recommendation-rules.md lists every rule, in the order they are tried', async () => {
  const { readFileSync } = await import('node:fs');
  const doc = readFileSync(new URL('../../../docs/recommendation-rules.md', import.meta.url), 'utf8');
  const documented = [...doc.matchAll(/^\| (R\d+[a-z]?-[a-z0-9-]+) \|/gm)].map((m) => m[1]);
  assert.deepEqual(documented, RULES.map((r) => r.id));
});
