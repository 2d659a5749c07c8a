// A base_url that carries a credential (user:password@ or a key in the query) never shows it in
// what the probes report: the details end up in the CLI output, the app and exported reports.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Route } from '../../shared/types.ts';
import { probeRoute } from '../../electron/core/probes/index.ts';
import { startFakeResponsesApi, type FakeResponsesApi } from '../lab/index.ts';
import { LAB_API_KEY } from '../lab/fake-responses-api.ts';

/** The credential Codex would send: the probes carry it; no result may show it. */
const auth = { headers: { Authorization: `Bearer ${LAB_API_KEY}` }, usable: true };

const direct: Route = { kind: 'direct', label: 'direct' };
const SECRET = 's3cr3t-gateway-pw';

describe('probe details never show a credential from base_url', () => {
  let api: FakeResponsesApi;
  before(async () => {
    api = await startFakeResponsesApi({ mode: 'ok' });
  });
  after(() => api.close());

  const withUser = () => api.baseUrl.replace('://', `://gateway:${SECRET}@`);

  for (const mode of ['ok', 'refuse', 'stall'] as const) {
    test(`WebSocket ${mode}`, async () => {
      api.setMode(mode);
      const results = await probeRoute({ baseUrl: withUser() }, direct, { timeoutMs: 400, auth });
      const ws = results.find((r) => r.phase === 'websocket');
      assert.ok(ws, 'a websocket result');
      assert.equal(ws.ok, mode === 'ok', ws.detail);
      for (const r of results) {
        assert.ok(!JSON.stringify(r).includes(SECRET), `${r.phase}: ${r.detail}`);
        assert.ok(!JSON.stringify(r).includes(LAB_API_KEY), `${r.phase}: ${r.detail}`);
      }
    });
  }

  test('a base_url that is not a URL', async () => {
    const results = await probeRoute({ baseUrl: `http://gateway:${SECRET}@[bad/v1` }, direct, { timeoutMs: 400 });
    for (const r of results) assert.ok(!JSON.stringify(r).includes(SECRET), `${r.phase}: ${r.detail}`);
  });
});
