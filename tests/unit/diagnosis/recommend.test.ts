import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { FIX_TITLES, RULES, recommend, type RecommendationFacts, type RouteFacts } from '../../../shared/recommend.ts';
import { msg, type Message } from '../../../shared/i18n/message.ts';
import { translator } from '../../../shared/i18n/translate.ts';
import { en, enAll, zh } from '../../i18n.ts';
import type { Recommendation } from '../../../shared/types.ts';

// The route labels electron/core/diagnosis/routes.ts gives, and a line shown as it is.
const direct = (
  https: RouteFacts['https'],
  websocket: RouteFacts['websocket'],
  extra: Partial<RouteFacts> = {},
): RouteFacts => ({
  label: msg('diagnosis.route.direct'),
  https,
  websocket,
  ...extra,
});
const proxy = (
  url: string,
  speaks: RouteFacts['speaks'],
  https: RouteFacts['https'],
  websocket: RouteFacts['websocket'],
): RouteFacts => ({
  label: msg('diagnosis.route.local-proxy', { url, speaks: speaks ?? 'unknown' }),
  proxyUrl: url,
  speaks,
  https,
  websocket,
});
const text = (line: string): Message => msg('common.text', { text: line });

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
    facts: facts({ configProblems: [text('config.toml line 3, column 1: reserved provider id `openai`')] }),
    fix: 'repair-config',
  },
  {
    rule: 'R1b-stale-local-gateway',
    facts: facts({
      providerBuiltIn: true,
      direct: direct('tcp-refused', 'tcp-refused'),
      staleGateway: {
        key: 'openai_base_url',
        where: 'config.toml:2:1',
        url: 'http://127.0.0.1:15721/v1',
        writtenBy: '"Auto-injected by bridge"',
      },
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
      credential: {
        status: 'usable',
        kind: 'api-key',
        source: msg('setup.credential.variable-env', { name: 'LAB_KEY' }),
        envKey: 'LAB_KEY',
      },
    }),
    fix: 'login',
  },
  {
    // Windows/macOS: HTTPS takes the OS proxy, which is dead; the WebSocket goes direct.
    rule: 'R1d-dead-system-proxy',
    facts: facts({
      systemProxyHttps: proxy('http://127.0.0.1:7890', undefined, 'proxy-unreachable', 'proxy-unreachable'),
    }),
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
      configured: {
        ...proxy('http://127.0.0.1:3128', 'http', 'proxy-auth-required', 'proxy-auth-required'),
        proxyLogin: { schemes: ['Basic'], rejected: false },
      },
    }),
    fix: 'use-proxy',
    proxyUrl: 'http://127.0.0.1:3128',
    warns: /password is stored/,
  },
  {
    rule: 'R4c-proxy-login-codex-cannot-do',
    facts: facts({
      direct: direct('dns-error', 'dns-error'),
      configured: {
        ...proxy('http://127.0.0.1:3128', 'http', 'proxy-auth-required', 'proxy-auth-required'),
        proxyLogin: { schemes: ['NTLM', 'Negotiate'], rejected: false },
      },
    }),
    fix: 'proxy-login-unsupported',
  },
  {
    rule: 'R5b-websocket-unproven',
    facts: facts({
      direct: direct('ok', 'unproven'),
      credential: { status: 'keyring', source: msg('setup.credential.keyring', { store: 'keyring' }) },
    }),
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
      configured: {
        ...direct('untrusted-ca', 'untrusted-ca'),
        label: msg('diagnosis.route.configured-proxy-dotenv', {
          variable: 'HTTPS_PROXY',
          url: 'http://127.0.0.1:8080',
        }),
        proxyUrl: 'http://127.0.0.1:8080',
      },
      untrustedCa: {
        lookingFor: 'CN=mitmproxy, O=mitmproxy',
        proven: {
          subject: 'CN=mitmproxy, O=mitmproxy',
          fingerprint256: 'AB:CD',
          validTo: '2036-01-01T00:00:00.000Z',
          foundIn: [text('NODE_EXTRA_CA_CERTS (/etc/corp/ca.pem)')],
        },
        refusals: [],
        searched: [text('NODE_EXTRA_CA_CERTS (/etc/corp/ca.pem): 1 certificate')],
      },
    }),
    fix: 'trust-ca',
  },
  {
    // Searched, nothing found: the steps, with --ca-file.
    rule: 'R10-untrusted-certificate',
    facts: facts({
      direct: direct('untrusted-ca', 'untrusted-ca'),
      untrustedCa: {
        lookingFor: 'CN=Corp CA',
        proven: null,
        refusals: [],
        searched: [
          text('the OS trust bundle (/etc/ssl/certs/ca-certificates.crt): 140 certificates'),
          text('~/.npmrc: no cafile'),
        ],
      },
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
        proven: {
          subject: 'CN=Old Corp CA',
          fingerprint256: 'AB:CD',
          validTo: '2036-01-01T00:00:00.000Z',
          foundIn: [text('the OS anchor folder /usr/local/share/ca-certificates')],
        },
        refusals: [
          text(
            'the CA "Old Corp CA" has a 1024-bit RSA key: Codex\'s TLS library (rustls) accepts RSA keys of 2048 bits or more only.',
          ),
        ],
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
      const r = recommend(row.facts, [text('evidence line')]);
      assert.equal(r.rule, row.rule);
      assert.equal(r.fix, row.fix);
      assert.equal(r.proxyUrl, row.proxyUrl);
      assert.ok(en(r.headline).length > 10);
      assert.ok(r.reasons.length > 0);
      assert.deepEqual(enAll(r.evidence), ['evidence line']);
      if (row.warns) assert.match(enAll(r.warnings).join(' '), row.warns);
      else assert.equal(r.warnings.length, 0, enAll(r.warnings).join(' '));
    });
  }

  test('every rule has at least one row', () => {
    const covered = new Set(rows.map((r) => r.rule));
    for (const rule of RULES) assert.ok(covered.has(rule.id), `no test row for ${rule.id}`);
  });

  test('R10 names the CA, where it was found and its fingerprint; without one, the --ca-file step', () => {
    const found = rows.find((r) => r.fix === 'trust-ca')!;
    const r = recommend(found.facts);
    assert.match(en(r.headline), /"CN=mitmproxy, O=mitmproxy"/);
    assert.match(en(r.headline), /NODE_EXTRA_CA_CERTS \(\/etc\/corp\/ca\.pem\)/);
    assert.match(enAll(r.reasons).join('\n'), /SHA-256 AB:CD, valid until 2036-01-01/);
    const none = recommend(
      facts({
        direct: direct('untrusted-ca', 'untrusted-ca'),
        untrustedCa: { lookingFor: 'CN=Corp CA', proven: null, refusals: [], searched: [text('x: 0 certificates')] },
      }),
    );
    assert.match(enAll(none.reasons).join('\n'), /No CA named "CN=Corp CA"/);
    assert.match(enAll(none.reasons).join('\n'), /fix trust-ca --ca-file PATH/);
    const weak = recommend(rows.find((r) => r.fix === 'weak-ca')!.facts);
    assert.match(en(weak.headline), /no setting fixes this/);
    assert.match(enAll(weak.reasons).join('\n'), /1024-bit RSA key/);
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
  assert.deepEqual(
    documented,
    RULES.map((r) => r.id),
  );
});

/** Every text a verdict carries, with where it comes from. */
function texts(r: Recommendation): [string, Message][] {
  return [
    ['title', msg(FIX_TITLES[r.fix])],
    ['headline', r.headline],
    ...r.reasons.map((m, i): [string, Message] => [`reason ${i}`, m]),
    ...r.warnings.map((m, i): [string, Message] => [`warning ${i}`, m]),
    ...r.evidence.map((m, i): [string, Message] => [`evidence ${i}`, m]),
    ...r.alternatives.flatMap((a, i): [string, Message][] => [
      [`alternative ${i} title`, msg(FIX_TITLES[a.fix])],
      [`alternative ${i}`, a.reason],
    ]),
  ];
}

const systemProxy = (url: string, https: RouteFacts['https']): RouteFacts => ({
  label: msg('diagnosis.route.os-proxy-windows', { url }),
  proxyUrl: url,
  https,
  websocket: https,
});
const loginProxy = (rejected: boolean, schemes: ('Basic' | 'NTLM')[] = ['Basic']): RouteFacts => ({
  ...proxy('http://127.0.0.1:3128', 'http', 'proxy-auth-required', 'proxy-auth-required'),
  proxyLogin: { schemes, rejected },
});

// More facts than one per rule: each branch of a rule that says something else.
const variants: RecommendationFacts[] = [
  ...rows.map((r) => r.facts),
  facts({
    direct: direct('dns-error', 'dns-error'),
    systemProxyHttps: systemProxy('http://127.0.0.1:7890', 'proxy-unreachable'),
  }),
  facts({
    direct: direct('login-rejected', 'login-rejected'),
    credential: { status: 'usable', kind: 'chatgpt', source: msg('setup.credential.chatgpt') },
  }),
  facts({
    direct: direct('login-rejected', 'ok'),
    credential: { status: 'usable', kind: 'api-key', source: msg('setup.credential.saved-api-key') },
  }),
  facts({
    direct: direct('ok', 'unproven', { serviceWantsCredential: true }),
    credential: { status: 'none', source: msg('setup.credential.none', { id: 'lab' }) },
  }),
  facts({
    providerBuiltIn: false,
    direct: direct('ok', 'unproven', { serviceWantsCredential: true }),
    credential: { status: 'none', source: msg('setup.credential.none', { id: 'lab' }) },
  }),
  facts({ direct: direct('dns-error', 'dns-error'), configured: loginProxy(true), proxyAppFound: true }),
  facts({ direct: direct('dns-error', 'dns-error'), localProxies: [loginProxy(false)] }),
  facts({ direct: direct('dns-error', 'dns-error'), localProxies: [loginProxy(true)] }),
  facts({ direct: direct('dns-error', 'dns-error'), configured: loginProxy(false, ['NTLM']), proxyAppFound: true }),
  facts({ direct: direct('ok', 'frames-dropped'), proxyAppFound: true }),
  facts({
    direct: direct('ok', 'unproven'),
    codexDoctorWebsocket: { ok: true, summary: 'Responses WebSocket handshake succeeded' },
  }),
  facts({
    direct: direct('ok', 'frames-dropped'),
    codexDoctorWebsocket: { ok: true, summary: 'Responses WebSocket handshake succeeded' },
  }),
  facts({ direct: direct('ok', 'ok'), codexDoctorWebsocket: { ok: false, summary: 'Responses WebSocket failed' } }),
  facts({
    direct: direct('ok', 'reset'),
    codexDoctorWebsocket: { ok: true, summary: 'Responses WebSocket handshake succeeded' },
  }),
  facts({ direct: direct('ok', 'ok', { websocketProof: 'service-reached' }) }),
  facts({
    direct: direct('dns-error', 'dns-error'),
    configured: proxy('socks5h://127.0.0.1:1080', 'socks5', 'unsupported', 'ok'),
    localProxies: [proxy('http://127.0.0.1:7890', 'mixed', 'ok', 'ok')],
  }),
  facts({
    direct: direct('untrusted-ca', 'untrusted-ca'),
    untrustedCa: { lookingFor: 'CN=Corp CA', proven: null, refusals: [text('SHA-1')], searched: [] },
  }),
  facts({
    direct: direct('untrusted-ca', 'untrusted-ca'),
    untrustedCa: { lookingFor: 'CN=Corp CA', proven: null, refusals: [], searched: [] },
  }),
  facts({
    direct: direct('tcp-timeout', 'tcp-timeout'),
    configured: proxy('http://127.0.0.1:9', 'closed', 'proxy-unreachable', 'proxy-unreachable'),
    localProxies: [proxy('http://127.0.0.1:7891', 'http', 'tls-error', 'error')],
  }),
];

describe('the verdict in both languages', () => {
  test('every text of every verdict renders in English and Chinese: no placeholder, no object, no id left', () => {
    const seen = new Set<string>();
    for (const f of variants) {
      const r = recommend(f, [text('evidence line')]);
      seen.add(r.rule);
      for (const [where, m] of texts(r)) {
        for (const [lang, s] of [
          ['en', en(m)],
          ['zh-CN', zh(m)],
        ] as const) {
          const at = `${r.rule} ${where} (${lang}): ${s}`;
          assert.ok(s.trim().length > 0, at);
          assert.doesNotMatch(s, /\{\{|\}\}/, at);
          assert.doesNotMatch(s, /\[object Object\]|undefined/, at);
          assert.doesNotMatch(
            s,
            /\b(common|verdict|setup|probes|diagnosis|fixes|errors|app|cli|report)\.[a-z][a-z0-9-]*\.[a-z]/,
            at,
          );
        }
      }
      // The sentences the verdict itself writes are Chinese in Chinese.
      assert.match(zh(r.headline), /[\u4e00-\u9fff]/, `${r.rule} headline: ${zh(r.headline)}`);
      assert.notEqual(zh(r.headline), en(r.headline));
    }
    for (const rule of RULES) assert.ok(seen.has(rule.id), `${rule.id} not rendered`);
  });

  test('every fix title has both languages', () => {
    for (const id of Object.values(FIX_TITLES)) {
      assert.notEqual(translator('zh-CN').t(id), id);
      assert.notEqual(translator('zh-CN').t(id), translator('en').t(id));
    }
  });

  test('the route summary and the OS-proxy route are one sentence each, with the label inside', () => {
    const f = facts({ systemProxyHttps: systemProxy('http://127.0.0.1:7890', 'ok') });
    const r = recommend(f);
    assert.equal(r.rule, 'R2-healthy');
    const label = en(msg('diagnosis.route.os-proxy-windows', { url: 'http://127.0.0.1:7890' }));
    assert.equal(
      en(r.headline),
      `Codex's connection is healthy: the WebSocket and HTTPS both work (direct (HTTPS through the ${label})).`,
    );
    assert.equal(en(r.reasons[0]!), `direct (HTTPS through the ${label}): HTTPS works, WebSocket works`);
    assert.match(zh(r.reasons[0]!), /^.+（HTTPS 经由.+）：HTTPS 正常，WebSocket 正常$/);
  });

  test('R1d: the step after turning the system proxy off, one whole sentence per case', () => {
    const off =
      'Turn the system proxy off in your proxy app (Clash, v2rayN: "System Proxy") or start the app it belongs to; ';
    const last = (f: RecommendationFacts) => {
      const r = recommend(f);
      assert.equal(r.rule, 'R1d-dead-system-proxy');
      return r.reasons.at(-1)!;
    };
    const dead = systemProxy('http://127.0.0.1:7890', 'proxy-unreachable');
    assert.equal(
      en(last(facts({ systemProxyHttps: dead }))),
      `${off}this machine reaches the endpoint directly without it.`,
    );
    assert.equal(
      en(last(facts({ direct: direct('dns-error', 'dns-error'), systemProxyHttps: dead }))),
      `${off}or name a working proxy in $CODEX_HOME/.env, which takes precedence over the OS setting.`,
    );
    const withProxy = last(
      facts({
        direct: direct('dns-error', 'dns-error'),
        systemProxyHttps: dead,
        localProxies: [proxy('http://127.0.0.1:7897', 'mixed', 'ok', 'ok')],
      }),
    );
    assert.equal(
      en(withProxy),
      `${off}or point Codex at proxy http://127.0.0.1:7897 (mixed) in $CODEX_HOME/.env, which takes precedence over the OS setting.`,
    );
    assert.match(zh(withProxy), /http:\/\/127\.0\.0\.1:7897/);
  });

  test('R4b: which proxy, and whether its login was refused', () => {
    const headline = (f: RecommendationFacts) => en(recommend(f).headline);
    const dns = direct('dns-error', 'dns-error');
    assert.equal(
      headline(facts({ direct: dns, configured: loginProxy(false) })),
      'The proxy Codex is told to use wants a user name and password (407), and Codex has none for it.',
    );
    assert.equal(
      headline(facts({ direct: dns, configured: loginProxy(true) })),
      'The proxy Codex is told to use refuses the user name and password in its URL (407).',
    );
    assert.equal(
      headline(facts({ direct: dns, localProxies: [loginProxy(false)] })),
      'The proxy proxy http://127.0.0.1:3128 (http) wants a user name and password (407), and Codex has none for it.',
    );
    const r = recommend(facts({ direct: dns, configured: loginProxy(false, ['NTLM']) }));
    assert.equal(
      en(r.headline),
      'The proxy wants a NTLM login, which Codex cannot do: it logs in to proxies only with a user name and password (Basic).',
    );
  });

  test('the sources searched for a CA are joined with semicolons', () => {
    const r = recommend(
      facts({
        direct: direct('untrusted-ca', 'untrusted-ca'),
        untrustedCa: {
          lookingFor: 'CN=Corp CA',
          proven: null,
          refusals: [],
          searched: [text('a: 1 certificate'), text('b, c: none'), text('d')],
        },
      }),
    );
    assert.equal(
      en(r.reasons[1]!),
      'No CA named "CN=Corp CA" that verifies the presented chain was found (searched: a: 1 certificate; b, c: none; d).',
    );
    assert.match(zh(r.reasons[1]!), /a: 1 certificate；b, c: none；d/);
  });

  test("Codex's own doctor is quoted as it spoke, in one sentence with what it means", () => {
    const r = recommend(
      facts({
        direct: direct('ok', 'refused'),
        codexDoctorWebsocket: { ok: true, summary: 'Responses WebSocket handshake succeeded' },
      }),
    );
    assert.equal(
      en(r.reasons.at(-1)!),
      "Codex's own doctor (authenticated): \"Responses WebSocket handshake succeeded\". The probes saw the upgrade is refused; Codex's own authenticated check is taken as the truth, as it runs Codex's own network stack.",
    );
    assert.match(zh(r.reasons.at(-1)!), /Responses WebSocket handshake succeeded.*被拒绝/);
  });
});
