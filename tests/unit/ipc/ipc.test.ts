import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CHANNELS,
  DOCTOR_API_METHODS,
  VALIDATORS,
  isAllowedExternalUrl,
  proxyUrlProblem,
} from '../../../shared/ipc.ts';
import type { DoctorService } from '../../../shared/service.ts';
import {
  createHandlers,
  dispatch,
  guardedHandler,
  isTrustedSender,
  redactCredentials,
} from '../../../electron/ipc-handlers.ts';
import { en, zh } from '../../i18n.ts';

/** A service that records what reaches it; any call it gets is a call validation let through. */
function recordingService() {
  const calls: { method: string; req: unknown }[] = [];
  const record = (method: string) => async (req: unknown) => {
    calls.push({ method, req });
    if (method === 'exportReport') return { text: 'REPORT', suggestedName: 'report.md' };
    return {} as never;
  };
  const service: DoctorService = {
    setup: record('setup') as never,
    diagnose: (async (req: unknown, onProgress: (e: unknown) => void, signal: AbortSignal) => {
      calls.push({ method: 'diagnose', req });
      onProgress({ id: 'config', title: 'Config', status: 'ok' });
      await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
      return { cancelled: signal.aborted } as never;
    }) as never,
    previewFix: record('previewFix') as never,
    applyFix: record('applyFix') as never,
    revert: record('revert') as never,
    history: record('history') as never,
    exportReport: record('exportReport') as never,
  };
  return { service, calls };
}

function handlersWith(service: DoctorService, extra: Partial<Parameters<typeof createHandlers>[0]> = {}) {
  return createHandlers({
    service,
    emitProgress: () => {},
    saveText: async () => 'report.md',
    copyText: () => {},
    openExternal: async () => {},
    ...extra,
  });
}

describe('payload validation', () => {
  const malformed: [string, unknown][] = [
    ['fix:preview', { fix: 'rm -rf' }],
    ['fix:preview', { fix: 'use-proxy', proxyUrl: 'https://127.0.0.1:3128' }],
    ['fix:preview', { fix: 'disable-websockets', profile: '../../etc/passwd' }],
    ['fix:preview', { fix: 'disable-websockets', path: '/home/u/.codex/config.toml' }],
    ['fix:apply', { planId: '../plan' }],
    ['fix:apply', { planId: '/tmp/x' }],
    ['fix:apply', { planId: 42 }],
    ['fix:apply', 'plan-1'],
    ['fix:apply', null],
    ['fix:revert', { changeId: 'c1', mode: 'force' }],
    ['fix:revert', { changeId: 'a/b' }],
    ['setup:get', { profile: 'a.b' }],
    ['diagnose:run', { runId: '' }],
    ['history:list', { all: true }],
    ['report:export', { format: 'html' }],
    ['report:save', { format: 'markdown', path: '/tmp/r.md' }],
    ['link:open', { url: 'https://evil.example/codex' }],
    ['link:open', { url: 'http://developers.openai.com/codex' }],
    ['link:open', { url: 'file:///etc/passwd' }],
  ];
  for (const [channel, payload] of malformed) {
    test(`${channel} refuses ${JSON.stringify(payload)} before the service sees it`, async () => {
      const { service, calls } = recordingService();
      const result = await dispatch(handlersWith(service), channel, payload);
      assert.equal(result.ok, false);
      if (!result.ok) assert.ok(en(result.error.hint).length > 0 && en(result.error.message).length > 0);
      assert.deepEqual(calls, []);
    });
  }

  test('well-formed payloads pass through unchanged', () => {
    assert.deepEqual(
      VALIDATORS['fix:preview']({ fix: 'use-proxy', proxyUrl: ' http://u:p@127.0.0.1:3128 ', profile: 'work' }),
      {
        fix: 'use-proxy',
        profile: 'work',
        proxyUrl: 'http://u:p@127.0.0.1:3128',
      },
    );
    assert.deepEqual(VALIDATORS['fix:revert']({ changeId: '2025-01-01T10-00-00Z-ab12', mode: 'keep' }), {
      changeId: '2025-01-01T10-00-00Z-ab12',
      mode: 'keep',
    });
    assert.deepEqual(VALIDATORS['history:list'](undefined), {});
  });

  test('unknown channels are refused', async () => {
    const { service } = recordingService();
    const result = await dispatch(handlersWith(service), 'fs:write', {});
    assert.equal(result.ok, false);
  });

  test('proxyUrlProblem explains what to change', () => {
    assert.equal(proxyUrlProblem('socks5h://127.0.0.1:1080'), null);
    assert.match(en(proxyUrlProblem('127.0.0.1:7890')!), /full proxy URL/);
    assert.match(en(proxyUrlProblem('http://127.0.0.1')!), /port/);
    assert.match(en(proxyUrlProblem('http://127.0.0.1:7890/path')!), /no path/);
    assert.match(zh(proxyUrlProblem('http://127.0.0.1:7890/path')!), /不能带路径/);
  });

  test('external links: only https into the allow-list', () => {
    assert.ok(isAllowedExternalUrl('https://developers.openai.com/codex/config-reference'));
    assert.ok(isAllowedExternalUrl('https://github.com/openai/codex/issues'));
    assert.ok(!isAllowedExternalUrl('https://github.com/openai/codex-evil'));
    assert.ok(!isAllowedExternalUrl('https://developers.openai.com.evil.example/codex'));
    assert.ok(!isAllowedExternalUrl('https://user@developers.openai.com/codex'));
    assert.ok(!isAllowedExternalUrl('javascript:alert(1)'));
  });

  test('every API method maps to a channel with a validator', () => {
    for (const channel of Object.values(DOCTOR_API_METHODS)) assert.ok(channel in VALIDATORS);
    assert.equal(new Set(CHANNELS).size, CHANNELS.length);
  });
});

describe('sender check', () => {
  const mainFrame = { name: 'main frame' };
  test('only the main frame of the app window is trusted', () => {
    assert.equal(isTrustedSender({ senderFrame: mainFrame }, mainFrame), true);
    assert.equal(isTrustedSender({ senderFrame: { name: 'iframe' } }, mainFrame), false);
    assert.equal(isTrustedSender({ senderFrame: null }, null), false);
    assert.equal(isTrustedSender({ senderFrame: undefined }, undefined), false);
  });

  test('the wrapper refuses other frames without calling the service', async () => {
    const { service, calls } = recordingService();
    const handle = guardedHandler(handlersWith(service), 'history:list', () => mainFrame);
    const refused = await handle({ senderFrame: { name: 'iframe' } }, {});
    assert.equal(refused.ok, false);
    assert.deepEqual(calls, []);
    const accepted = await handle({ senderFrame: mainFrame }, {});
    assert.equal(accepted.ok, true);
    assert.deepEqual(calls, [{ method: 'history', req: undefined }]);
  });

  test('after the window is gone nothing is trusted', async () => {
    const { service, calls } = recordingService();
    const handle = guardedHandler(handlersWith(service), 'history:list', () => null);
    assert.equal((await handle({ senderFrame: null }, {})).ok, false);
    assert.deepEqual(calls, []);
  });
});

describe('handlers', () => {
  test('diagnose streams progress with its run id and cancels by run id', async () => {
    const { service } = recordingService();
    const events: unknown[] = [];
    const handlers = handlersWith(service, { emitProgress: (p) => events.push(p) });
    const running = dispatch(handlers, 'diagnose:run', { runId: 'run-1', profile: null });
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(events, [{ runId: 'run-1', event: { id: 'config', title: 'Config', status: 'ok' } }]);
    assert.deepEqual(await dispatch(handlers, 'diagnose:cancel', { runId: 'run-1' }), {
      ok: true,
      data: { cancelled: true },
    });
    assert.deepEqual(await running, { ok: true, data: { cancelled: true } });
    assert.deepEqual(await dispatch(handlers, 'diagnose:cancel', { runId: 'run-1' }), {
      ok: true,
      data: { cancelled: false },
    });
  });

  test('service errors become a Result with a hint, and passwords are masked', async () => {
    const { service } = recordingService();
    service.applyFix = async () => {
      throw Object.assign(new Error('proxy http://alice:s3cret@127.0.0.1:3128 refused'), { hint: 'Start the proxy.' });
    };
    const result = await dispatch(handlersWith(service), 'fix:apply', { planId: 'plan-1' });
    assert.equal(result.ok, false);
    if (!result.ok) {
      assert.equal(en(result.error.message), 'proxy http://alice:****@127.0.0.1:3128 refused');
      assert.equal(en(result.error.hint), 'Start the proxy.');
      assert.ok(!JSON.stringify(result).includes('s3cret'));
    }
    service.history = async () => {
      throw new Error('EACCES');
    };
    const history = await dispatch(handlersWith(service), 'history:list', {});
    assert.equal(history.ok, false);
    if (!history.ok) assert.match(en(history.error.hint), /journal/);
  });

  test('report:save and report:copy go through main, link:open only for allowed links', async () => {
    const { service } = recordingService();
    const copied: string[] = [];
    const opened: string[] = [];
    const handlers = handlersWith(service, {
      copyText: (t) => copied.push(t),
      openExternal: async (u) => void opened.push(u),
    });
    assert.deepEqual(await dispatch(handlers, 'report:copy', { format: 'json' }), { ok: true, data: { copied: true } });
    assert.deepEqual(copied, ['REPORT']);
    assert.deepEqual(await dispatch(handlers, 'report:save', { format: 'markdown' }), {
      ok: true,
      data: { saved: true, fileName: 'report.md' },
    });
    await dispatch(handlers, 'link:open', { url: 'https://evil.example' });
    await dispatch(handlers, 'link:open', { url: 'https://github.com/openai/codex' });
    assert.deepEqual(opened, ['https://github.com/openai/codex']);
  });

  test('redactCredentials masks any scheme', () => {
    assert.equal(
      redactCredentials('socks5h://bob:pw@h:1 and http://x:y@z:2'),
      'socks5h://bob:****@h:1 and http://x:****@z:2',
    );
  });
});
