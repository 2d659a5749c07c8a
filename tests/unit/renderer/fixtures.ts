// Realistic diagnosis data for the renderer's unit tests (shapes from shared/types.ts). Every text
// is a Message with a real catalog id; `raw` wraps a line the engine would quote as it is.
import { msg, type Message } from '../../../shared/i18n/message.ts';
import type { CheckEvent, DiagnosisReport, Recommendation } from '../../../shared/types.ts';

/** A line shown as it is (the probes' `probes.raw`). */
export const raw = (text: string): Message => msg('common.text', { text });

export function recommendation(overrides: Partial<Recommendation> = {}): Recommendation {
  return {
    fix: 'disable-websockets',
    rule: 'R4 websocket-refused-https-ok',
    headline: raw('The server at 127.0.0.1:18080 refuses WebSocket upgrades (HTTP 403); HTTPS to it works.'),
    reasons: [msg('verdict.alt.disable-websockets-at-once')],
    evidence: [
      raw('GET /v1/responses with Upgrade: websocket → HTTP 403'),
      raw('POST /v1/responses → 200 text/event-stream'),
    ],
    warnings: [],
    alternatives: [
      { fix: 'use-proxy', reason: msg('verdict.alt.http-port-carries-https', { proxy: 'http://127.0.0.1:7890' }) },
      { fix: 'enable-tun', reason: msg('verdict.alt.tun-route-everything') },
    ],
    ...overrides,
  };
}

export function check(id: string, status: CheckEvent['status'], durationMs?: number): CheckEvent {
  return {
    id,
    title: msg('diagnosis.check.route', { route: id }),
    status,
    ...(durationMs !== undefined ? { durationMs } : {}),
  };
}

export function report(overrides: Partial<DiagnosisReport> = {}): DiagnosisReport {
  return {
    schemaVersion: 3,
    startedAt: '2025-01-01T10:00:00.000Z',
    durationMs: 1234,
    cancelled: false,
    codex: {
      home: '/home/u/.codex',
      homeExists: true,
      profile: null,
      profiles: [],
      provider: {
        id: 'lab',
        builtIn: false,
        baseUrl: 'http://127.0.0.1:18080/v1',
        baseUrlSource: 'provider',
        supportsWebsockets: true,
        websocketConnectTimeoutMs: 15000,
      },
      authMode: 'apikey',
      credential: { status: 'usable', kind: 'api-key', source: raw('LAB_KEY from the environment'), envKey: 'LAB_KEY' },
      version: '0.171.0',
      installs: [],
      effectiveProxy: null,
      noProxy: null,
    },
    environment: {
      systemProxy: null,
      localProxies: [],
      proxyApps: [],
      clashApi: [],
      tun: { active: false, interfaces: [], evidence: [] },
    },
    probes: [
      {
        phase: 'websocket',
        route: { kind: 'direct', label: msg('probes.route.direct') },
        ok: false,
        durationMs: 12,
        failure: 'refused',
        detail: raw('HTTP 403 to the upgrade'),
      },
    ],
    checks: [check('config', 'ok', 3), check('websocket:direct', 'error', 12)],
    findings: [
      { id: 'ws.direct.refused', severity: 'error', summary: raw('The WebSocket upgrade is refused.'), evidence: [] },
      { id: 'config.ok', severity: 'ok', summary: raw('config.toml parses.'), evidence: [] },
      { id: 'proxy.none', severity: 'info', summary: raw('No proxy is configured.'), evidence: [] },
    ],
    recommendation: recommendation(),
    ...overrides,
  };
}
