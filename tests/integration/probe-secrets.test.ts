// A base_url that carries a credential (user:password@ or a key in the query) never shows it in
// what the probes report: the details end up in the CLI output, the app and exported reports.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ProbeResult, Route } from '../../shared/types.ts';
import { msg } from '../../shared/i18n/message.ts';
import { translator, withText } from '../../shared/i18n/translate.ts';
import { en } from '../i18n.ts';
import { probeRoute } from '../../electron/core/probes/index.ts';
import { startFakeResponsesApi, type FakeResponsesApi } from '../lab/index.ts';
import { LAB_API_KEY } from '../lab/fake-responses-api.ts';

/** The credential Codex would send: the probes carry it; no result may show it. */
const auth = { headers: { Authorization: `Bearer ${LAB_API_KEY}` }, usable: true };

const direct: Route = { kind: 'direct', label: msg('probes.route.direct') };

/** A result as JSON and with every message rendered in English and in Chinese: all of it is searched. */
function shown(r: ProbeResult): string {
  return [
    JSON.stringify(r),
    JSON.stringify(withText(r, translator('en'))),
    JSON.stringify(withText(r, translator('zh-CN'))),
  ].join('\n');
}
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
      assert.equal(ws.ok, mode === 'ok', en(ws.detail));
      for (const r of results) {
        const text = shown(r);
        assert.ok(!text.includes(SECRET), `${r.phase}: ${en(r.detail)}`);
        assert.ok(!text.includes(LAB_API_KEY), `${r.phase}: ${en(r.detail)}`);
        // Every message has its text in both languages: no id left untranslated.
        assert.doesNotMatch(text, /"text":"(probes|setup)\./, `${r.phase}: an id without a text`);
      }
    });
  }

  test('a base_url that is not a URL', async () => {
    const results = await probeRoute({ baseUrl: `http://gateway:${SECRET}@[bad/v1` }, direct, { timeoutMs: 400 });
    for (const r of results) assert.ok(!shown(r).includes(SECRET), `${r.phase}: ${en(r.detail)}`);
  });
});
