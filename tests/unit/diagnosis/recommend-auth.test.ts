// The verdict against a service that wants credentials (as OpenAI's does): what a 401 proves, a
// rejected login, and agreement with Codex's own authenticated doctor check.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  recommend,
  reconcileWithCodexDoctor,
  type RecommendationFacts,
  type RouteFacts,
} from '../../../shared/recommend.ts';
import { msg } from '../../../shared/i18n/message.ts';
import { en, enAll } from '../../i18n.ts';

const reasons = (r: { reasons: Parameters<typeof enAll>[0] }) => enAll(r.reasons).join(' ');

const route = (
  https: RouteFacts['https'],
  websocket: RouteFacts['websocket'],
  extra: Partial<RouteFacts> = {},
): RouteFacts => ({
  label: msg('diagnosis.route.direct'),
  https,
  websocket,
  ...extra,
});

function facts(over: Partial<RecommendationFacts>): RecommendationFacts {
  return {
    configProblems: [],
    providerSupportsWebsockets: true,
    providerBuiltIn: true,
    direct: route('ok', 'ok'),
    configured: null,
    localProxies: [],
    proxyAppFound: false,
    tunActive: false,
    ...over,
  };
}

describe('a service that wants credentials', () => {
  test('an unproven WebSocket never gets Fix #1 on its own', () => {
    const r = recommend(facts({ direct: route('ok', 'unproven'), proxyAppFound: true }));
    assert.equal(r.fix, 'unproven');
    assert.match(reasons(r), /codex doctor --network-only/);
    assert.deepEqual(
      r.alternatives.map((a) => a.fix),
      ['disable-websockets'],
    );
  });

  test("the service's 401 over wss:// with a public certificate counts as a working WebSocket", () => {
    const r = recommend(facts({ direct: route('ok', 'ok', { websocketProof: 'service-reached' }) }));
    assert.equal(r.fix, 'none');
    assert.match(reasons(r), /publicly trusted certificate/);
  });

  test('a dead proxy in the environment with direct working (WebSocket unproven) is fix-proxy, not no-network', () => {
    const r = recommend(
      facts({
        direct: route('ok', 'unproven'),
        configured: {
          label: msg('diagnosis.route.configured-proxy', { variable: 'HTTPS_PROXY', url: 'http://127.0.0.1:9' }),
          proxyUrl: 'http://127.0.0.1:9',
          https: 'proxy-unreachable',
          websocket: 'proxy-unreachable',
        },
      }),
    );
    assert.equal(r.rule, 'R4-configured-proxy-dead-direct-works');
  });

  test('a rejected login is named with the variable Codex reads, and no file change is offered', () => {
    const r = recommend(
      facts({
        direct: route('login-rejected', 'login-rejected'),
        credential: {
          status: 'usable',
          kind: 'api-key',
          source: msg('setup.credential.variable-dotenv', { name: 'LAB_KEY' }),
          envKey: 'LAB_KEY',
        },
      }),
    );
    assert.equal(r.fix, 'login');
    assert.match(reasons(r), /Set LAB_KEY/);
    assert.equal(r.alternatives.length, 0);
    const chatgpt = recommend(
      facts({
        direct: route('ok', 'login-rejected'),
        credential: { status: 'usable', kind: 'chatgpt', source: msg('setup.credential.chatgpt') },
      }),
    );
    assert.match(reasons(chatgpt), /codex login/);
  });
});

describe('Codex sends no credential at all', () => {
  test('and the service asks for one: the login verdict, even with WebSockets off (found by the credentialed lab)', () => {
    const r = recommend(
      facts({
        providerSupportsWebsockets: false,
        providerBuiltIn: false,
        direct: route('ok', 'unproven', { serviceWantsCredential: true }),
        credential: { status: 'none', source: msg('setup.credential.none', { id: 'openai_custom' }) },
      }),
    );
    assert.equal(r.fix, 'login');
    assert.match(en(r.headline), /sends no credential/);
    assert.match(reasons(r), /requires_openai_auth = true/);
  });

  test('a keyring login the doctor cannot read is not called missing', () => {
    const r = recommend(
      facts({
        direct: route('ok', 'unproven', { serviceWantsCredential: true }),
        credential: { status: 'keyring', source: msg('setup.credential.keyring', { store: 'keyring' }) },
      }),
    );
    assert.equal(r.fix, 'unproven');
  });
});

describe("agreement with Codex's own doctor", () => {
  const doctorOk = { ok: true, summary: 'Responses WebSocket handshake succeeded' };
  const doctorFailed = { ok: false, summary: 'Responses WebSocket failed; HTTPS fallback may still work' };

  test('unproven + Codex says the handshake works → healthy, saying whose evidence decided', () => {
    const r = recommend(facts({ direct: route('ok', 'unproven'), codexDoctorWebsocket: doctorOk }));
    assert.equal(r.fix, 'none');
    assert.match(reasons(r), /Codex's own doctor \(authenticated\)/);
  });

  test("unproven + Codex says it fails → Fix #1, with Codex's words as the reason", () => {
    const r = recommend(facts({ direct: route('ok', 'unproven'), codexDoctorWebsocket: doctorFailed }));
    assert.equal(r.fix, 'disable-websockets');
    assert.match(reasons(r), /Responses WebSocket failed/);
  });

  test('frames dropped after a handshake Codex calls fine: Fix #1, and the disagreement is explained', () => {
    const r = recommend(facts({ direct: route('ok', 'frames-dropped'), codexDoctorWebsocket: doctorOk }));
    assert.equal(r.fix, 'disable-websockets');
    assert.match(reasons(r), /checks only the handshake/);
  });

  test("a refusal the probes saw but Codex's authenticated check contradicts is not fixed", () => {
    const r = recommend(facts({ direct: route('ok', 'refused'), codexDoctorWebsocket: doctorOk }));
    assert.equal(r.fix, 'none');
    assert.match(reasons(r), /taken as the truth/);
  });

  test('no doctor evidence: the facts are unchanged', () => {
    const f = facts({ direct: route('ok', 'refused') });
    assert.equal(reconcileWithCodexDoctor(f).facts, f);
    assert.equal(recommend(f).fix, 'disable-websockets');
  });
});

describe('what the service’s 401 proves, by route', () => {
  const ws = (tls?: Record<string, unknown>) => ({
    phase: 'websocket' as const,
    route: { kind: 'direct' as const, label: msg('diagnosis.route.direct') },
    ok: false,
    durationMs: 5,
    failure: 'unauthenticated' as const,
    detail: msg('common.text', { text: 'the upgrade reached the service' }),
    data: { status: 401, ...(tls ? { tls } : {}) },
  });
  const https = {
    phase: 'https' as const,
    route: { kind: 'direct' as const, label: msg('diagnosis.route.direct') },
    ok: true,
    durationMs: 5,
    detail: msg('common.text', { text: 'HTTP 401' }),
  };

  test('wss:// with a publicly trusted chain: the WebSocket counts as working', async () => {
    const { routeFacts } = await import('../../../electron/core/diagnosis/facts.ts');
    const f = routeFacts({
      route: { kind: 'direct', label: msg('diagnosis.route.direct') },
      results: [https, ws({ publicRoot: true, authorized: true, chain: [], protocol: 'TLSv1.3' })],
    });
    assert.equal(f.websocket, 'ok');
    assert.equal(f.websocketProof, 'service-reached');
  });

  test('a private or inspecting CA, or plain ws://: unproven', async () => {
    const { routeFacts } = await import('../../../electron/core/diagnosis/facts.ts');
    const privateCa = routeFacts({
      route: { kind: 'direct', label: msg('diagnosis.route.direct') },
      results: [https, ws({ publicRoot: false, authorized: true, chain: [], protocol: 'TLSv1.3' })],
    });
    assert.equal(privateCa.websocket, 'unproven');
    const plain = routeFacts({
      route: { kind: 'direct', label: msg('diagnosis.route.direct') },
      results: [https, ws()],
    });
    assert.equal(plain.websocket, 'unproven');
  });
});
