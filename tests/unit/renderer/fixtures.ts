// Realistic diagnosis data for the renderer's unit tests (shapes from shared/types.ts).
import type { CheckEvent, DiagnosisReport, Recommendation } from '../../../shared/types.ts';

export function recommendation(overrides: Partial<Recommendation> = {}): Recommendation {
  return {
    fix: 'disable-websockets',
    rule: 'R4 websocket-refused-https-ok',
    headline: 'The server at 127.0.0.1:18080 refuses WebSocket upgrades (HTTP 403); HTTPS to it works.',
    reasons: ['HTTPS works directly, so turning off WebSockets makes Codex answer at once.'],
    evidence: ['GET /v1/responses with Upgrade: websocket → HTTP 403', 'POST /v1/responses → 200 text/event-stream'],
    warnings: [],
    alternatives: [
      { fix: 'use-proxy', reason: 'No local proxy that carries WebSockets was found.' },
      { fix: 'enable-tun', reason: 'No proxy app with TUN mode was found.' },
    ],
    ...overrides,
  };
}

export function check(id: string, status: CheckEvent['status'], durationMs?: number): CheckEvent {
  return { id, title: `Check ${id}`, status, ...(durationMs !== undefined ? { durationMs } : {}) };
}

export function report(overrides: Partial<DiagnosisReport> = {}): DiagnosisReport {
  return {
    schemaVersion: 2,
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
      credential: { status: 'usable', kind: 'api-key', source: 'LAB_KEY from the environment', envKey: 'LAB_KEY' },
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
        route: { kind: 'direct', label: 'direct' },
        ok: false,
        durationMs: 12,
        failure: 'refused',
        detail: 'HTTP 403 to the upgrade',
      },
    ],
    checks: [check('config', 'ok', 3), check('websocket:direct', 'error', 12)],
    findings: [
      { id: 'ws.direct.refused', severity: 'error', summary: 'The WebSocket upgrade is refused.', evidence: [] },
      { id: 'config.ok', severity: 'ok', summary: 'config.toml parses.', evidence: [] },
      { id: 'proxy.none', severity: 'info', summary: 'No proxy is configured.', evidence: [] },
    ],
    recommendation: recommendation(),
    ...overrides,
  };
}
