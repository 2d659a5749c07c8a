import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { DoctorApi, IpcEvents, Result } from '../../../shared/ipc.ts';
import type { ApplyResult } from '../../../shared/service.ts';
import type { FixPlan, RevertOutcome } from '../../../shared/types.ts';
import { createAppStores, isStalePlan, upsertCheck } from '../../../renderer/stores/index.ts';
import { msg } from '../../../shared/i18n/message.ts';
import { en } from '../../i18n.ts';
import { check, raw, recommendation, report } from './fixtures.ts';

type Calls = { method: string; request: unknown }[];

/** A fake window.doctor: answers from the given table and records every call. */
function fakeApi(answers: Partial<Record<keyof DoctorApi, (req: any) => Promise<Result<any>>>>) {
  const calls: Calls = [];
  const listeners = new Set<(p: IpcEvents['diagnose:progress']) => void>();
  const api = new Proxy({} as DoctorApi, {
    get(_t, method: string) {
      if (method === 'onProgress') {
        return (l: (p: IpcEvents['diagnose:progress']) => void) => {
          listeners.add(l);
          return () => listeners.delete(l);
        };
      }
      return async (request: unknown) => {
        calls.push({ method, request });
        const answer = answers[method as keyof DoctorApi];
        if (!answer) return { ok: false, error: { message: raw(`no fake for ${method}`), hint: raw('none') } };
        return answer(request);
      };
    },
  });
  const emit = (p: IpcEvents['diagnose:progress']) => listeners.forEach((l) => l(p));
  return { api, calls, emit };
}

const ok = <T>(data: T): Result<T> => ({ ok: true, data });
const plan: FixPlan = {
  planId: 'plan-1',
  fix: 'disable-websockets',
  title: raw('Turn off WebSockets for provider lab'),
  diffs: [
    {
      path: '$CODEX_HOME/config.toml',
      action: 'modify',
      hunks: [
        {
          oldStart: 1,
          oldLines: 1,
          newStart: 1,
          newLines: 1,
          lines: [
            { kind: 'remove', text: 'a', eol: 'lf' },
            { kind: 'add', text: 'b', eol: 'lf' },
          ],
        },
      ],
      added: 1,
      removed: 1,
    },
  ],
  sideEffects: [],
  warnings: [],
};
const applied: ApplyResult = {
  changeId: 'chg-1',
  before: report(),
  after: report({ recommendation: recommendation({ fix: 'none' }) }),
  history: {
    id: 'chg-1',
    createdAt: '2025-01-01T10:00:00Z',
    fix: 'disable-websockets',
    title: plan.title,
    files: ['$CODEX_HOME/config.toml'],
    reverted: false,
  },
};

describe('diagnosis store', () => {
  test('shows each check as its progress event arrives, then the report', async () => {
    let finish!: () => void;
    const { api, calls, emit } = fakeApi({
      runDiagnosis: (req) =>
        new Promise((resolve) => {
          finish = () => resolve(ok(report()));
          queueMicrotask(() => {
            emit({ runId: req.runId, event: check('config', 'running') });
            emit({ runId: req.runId, event: check('config', 'ok', 3) });
            emit({ runId: 'other-run', event: check('stray', 'ok') });
          });
        }),
    });
    const stores = createAppStores(api);
    const running = stores.diagnosis.getState().run('work');
    assert.equal(stores.diagnosis.getState().status, 'running');
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(stores.diagnosis.getState().checks, [check('config', 'ok', 3)]);
    finish();
    await running;
    const state = stores.diagnosis.getState();
    assert.equal(state.status, 'done');
    assert.equal(state.checks.length, 2);
    assert.deepEqual(calls[0]!.request, { runId: state.runId, profile: 'work' });
  });

  test('cancel names the running run; an error keeps its hint', async () => {
    let release!: (r: Result<any>) => void;
    const { api, calls } = fakeApi({
      runDiagnosis: () => new Promise((resolve) => (release = resolve)),
      cancelDiagnosis: async () => ok({ cancelled: true }),
    });
    const stores = createAppStores(api);
    const running = stores.diagnosis.getState().run(null);
    await stores.diagnosis.getState().cancel();
    assert.deepEqual(calls[1], { method: 'cancelDiagnosis', request: { runId: stores.diagnosis.getState().runId } });
    release({ ok: false, error: { message: raw('boom'), hint: raw('try again') } });
    await running;
    assert.equal(stores.diagnosis.getState().status, 'error');
    assert.deepEqual(stores.diagnosis.getState().error?.hint, raw('try again'));
  });

  test('a thrown bridge error becomes an error with a next step', async () => {
    const { api } = fakeApi({
      runDiagnosis: async () => {
        throw new Error('ipc gone');
      },
    });
    const stores = createAppStores(api);
    await stores.diagnosis.getState().run(null);
    assert.match(en(stores.diagnosis.getState().error!.hint), /npm run doctor/);
    assert.equal(en(stores.diagnosis.getState().error!.message), 'The app could not reach its main process.');
  });

  test('upsertCheck replaces by id and keeps order', () => {
    const list = upsertCheck(upsertCheck([], check('a', 'running')), check('b', 'running'));
    assert.deepEqual(
      upsertCheck(list, check('a', 'ok')).map((c) => [c.id, c.status]),
      [
        ['a', 'ok'],
        ['b', 'running'],
      ],
    );
  });
});

describe('fix store', () => {
  test('use-proxy refuses a bad URL before calling main, then previews with the trimmed URL', async () => {
    const { api, calls } = fakeApi({ previewFix: async () => ok({ ...plan, fix: 'use-proxy' }) });
    const stores = createAppStores(api);
    const fix = stores.fix.getState();
    fix.select('use-proxy');
    fix.setProxyUrl('https://127.0.0.1:3128');
    assert.equal(await stores.fix.getState().preview(null), false);
    assert.match(en(stores.fix.getState().proxyUrlError!), /http:\/\/, socks5/);
    stores.fix.getState().setProxyUrl('  ');
    assert.equal(await stores.fix.getState().preview(null), false);
    assert.deepEqual(stores.fix.getState().proxyUrlError, msg('app.proxy.url-missing'));
    assert.equal(calls.length, 0);
    stores.fix.getState().setProxyUrl(' http://127.0.0.1:3128 ');
    assert.equal(await stores.fix.getState().preview('work'), true);
    assert.deepEqual(calls[0]!.request, { fix: 'use-proxy', profile: 'work', proxyUrl: 'http://127.0.0.1:3128' });
    assert.equal(stores.fix.getState().status, 'previewed');
  });

  test('trust-ca with a CA file to pick: main is told the language of its dialog', async () => {
    const { api, calls } = fakeApi({ previewFix: async () => ok({ ...plan, fix: 'trust-ca' }) });
    const stores = createAppStores(api);
    stores.fix.getState().select('trust-ca');
    await stores.fix.getState().preview(null, undefined, { pickCaFile: true, lang: 'zh-CN' });
    await stores.fix.getState().preview(null);
    assert.deepEqual(
      calls.map((c) => c.request),
      [
        { fix: 'trust-ca', profile: null, pickCaFile: true, lang: 'zh-CN' },
        { fix: 'trust-ca', profile: null },
      ],
    );
  });

  test('apply sends only the plan id; revert sends only the change id', async () => {
    const { api, calls } = fakeApi({
      previewFix: async () => ok(plan),
      applyFix: async () => ok(applied),
      revertChange: async () => ok({ status: 'reverted', files: ['$CODEX_HOME/config.toml'] } satisfies RevertOutcome),
    });
    const stores = createAppStores(api);
    stores.fix.getState().select('disable-websockets');
    await stores.fix.getState().preview(null);
    assert.equal(await stores.fix.getState().apply(), true);
    await stores.fix.getState().revert();
    assert.deepEqual(
      calls.map((c) => [c.method, c.request]),
      [
        ['previewFix', { fix: 'disable-websockets', profile: null }],
        ['applyFix', { planId: 'plan-1' }],
        ['revertChange', { changeId: 'chg-1' }],
      ],
    );
    assert.equal(stores.fix.getState().status, 'reverted');
  });

  test('a revert conflict is kept for the user to choose, and the choice is sent as a mode', async () => {
    const conflict: RevertOutcome = {
      status: 'conflict',
      conflicts: [
        {
          path: '$CODEX_HOME/config.toml',
          hunks: [
            {
              oldStart: 1,
              oldLines: 1,
              newStart: 1,
              newLines: 1,
              lines: [
                { kind: 'remove', text: 'x', eol: 'lf' },
                { kind: 'add', text: 'y', eol: 'lf' },
              ],
            },
          ],
        },
      ],
    };
    let answer: RevertOutcome = conflict;
    const { api, calls } = fakeApi({ applyFix: async () => ok(applied), revertChange: async () => ok(answer) });
    const stores = createAppStores(api);
    stores.fix.setState({ plan });
    await stores.fix.getState().apply();
    await stores.fix.getState().revert();
    assert.equal(stores.fix.getState().status, 'conflict');
    answer = { status: 'reverted', files: ['$CODEX_HOME/config.toml'] };
    await stores.fix.getState().revert('remove-fix-lines');
    assert.deepEqual(calls.at(-1)!.request, { changeId: 'chg-1', mode: 'remove-fix-lines' });
    assert.equal(stores.fix.getState().status, 'reverted');
  });
});

describe('history store', () => {
  test('reverts an item, then reloads the list', async () => {
    let reverted = false;
    const { api, calls } = fakeApi({
      listHistory: async () => ok([{ ...applied.history, reverted }]),
      revertChange: async () => {
        reverted = true;
        return ok({ status: 'reverted', files: ['$CODEX_HOME/config.toml'] });
      },
    });
    const stores = createAppStores(api);
    await stores.history.getState().load();
    assert.equal(stores.history.getState().items[0]!.reverted, false);
    await stores.history.getState().revert('chg-1');
    assert.equal(stores.history.getState().items[0]!.reverted, true);
    assert.equal(en(stores.history.getState().message!), 'Reverted: $CODEX_HOME/config.toml.');
    assert.deepEqual(
      calls.map((c) => c.method),
      ['listHistory', 'revertChange', 'listHistory'],
    );
  });

  test('a conflict holds the diffs until the user chooses', async () => {
    const { api } = fakeApi({
      revertChange: async () => ok({ status: 'conflict', conflicts: [{ path: 'p', hunks: [] }] }),
    });
    const stores = createAppStores(api);
    await stores.history.getState().revert('chg-1');
    assert.equal(stores.history.getState().conflict?.changeId, 'chg-1');
    stores.history.getState().dismissConflict();
    assert.equal(stores.history.getState().conflict, null);
  });
});

describe('reverting, shared by the wizard and History', () => {
  test('a main process that cannot be reached is the same error in both, and nothing is marked reverted', async () => {
    const { api } = fakeApi({
      applyFix: async () => ok(applied),
      revertChange: async () => {
        throw new Error('window.doctor is gone');
      },
    });
    const stores = createAppStores(api);
    stores.fix.setState({ plan });
    await stores.fix.getState().apply();
    await stores.fix.getState().revert();
    await stores.history.getState().revert('chg-1');
    const fix = stores.fix.getState();
    const history = stores.history.getState();
    assert.equal(fix.status, 'error');
    assert.equal(fix.revertOutcome, null);
    assert.equal(fix.error?.message.id, 'app.error.no-main');
    assert.deepEqual(history.error, fix.error);
    assert.equal(history.revertingId, null);
    assert.equal(history.message, null);
  });
});

describe('report and setup stores', () => {
  test('copy and save report their outcome in words, and ask for the report in the app language', async () => {
    const { api, calls } = fakeApi({
      copyReport: async () => ok({ copied: true }),
      saveReport: async () => ok({ saved: false }),
    });
    const stores = createAppStores(api);
    await stores.report.getState().copy('markdown', 'zh-CN');
    assert.equal(en(stores.report.getState().message!), 'The redacted report (Markdown) is on the clipboard.');
    await stores.report.getState().save('json');
    assert.equal(en(stores.report.getState().message!), 'Not saved.');
    assert.deepEqual(
      calls.map((c) => c.request),
      [{ format: 'markdown', lang: 'zh-CN' }, { format: 'json' }],
    );
  });

  test('a save says where the report went: the file chosen, or the browser download', async () => {
    let answer: { saved: boolean; fileName?: string; downloaded?: boolean } = {
      saved: true,
      fileName: '/home/u/report.md',
    };
    const { api } = fakeApi({ saveReport: async () => ok(answer) });
    const stores = createAppStores(api);
    await stores.report.getState().save('markdown');
    assert.equal(en(stores.report.getState().message!), 'Saved the redacted report as /home/u/report.md.');
    answer = { saved: true, fileName: 'codex-report.md', downloaded: true };
    await stores.report.getState().save('markdown');
    assert.match(en(stores.report.getState().message!), /^Downloaded the redacted report as codex-report\.md/);
  });

  test('choosing a profile reloads the setup for it', async () => {
    const { api, calls } = fakeApi({ getSetup: async (req) => ok({ profile: req.profile }) });
    const stores = createAppStores(api);
    await stores.setup.getState().chooseProfile('work');
    assert.deepEqual(calls[0]!.request, { profile: 'work' });
    assert.equal(stores.setup.getState().status, 'ready');
  });
});

describe('a stale preview', () => {
  test('an apply refused because the file changed drops the plan, so only a new preview can be applied', async () => {
    const { api } = fakeApi({
      previewFix: async () => ok(plan),
      applyFix: async () => ({
        ok: false,
        error: {
          message: raw('config.toml changed since the preview was made'),
          hint: raw('Preview again.'),
          code: 'changed-since-plan',
        },
      }),
    });
    const stores = createAppStores(api);
    stores.fix.getState().select('disable-websockets');
    assert.equal(await stores.fix.getState().preview(null), true);
    assert.equal(await stores.fix.getState().apply(), false);
    assert.equal(stores.fix.getState().plan, null);
    assert.equal(isStalePlan(stores.fix.getState().error), true);
  });

  test('other apply errors keep the preview to go back to', async () => {
    const { api } = fakeApi({
      previewFix: async () => ok(plan),
      applyFix: async () => ({
        ok: false,
        error: { message: raw('read-only'), hint: raw('Make it writable.'), code: 'read-only' },
      }),
    });
    const stores = createAppStores(api);
    stores.fix.getState().select('disable-websockets');
    await stores.fix.getState().preview(null);
    await stores.fix.getState().apply();
    assert.equal(stores.fix.getState().plan?.planId, 'plan-1');
    assert.equal(isStalePlan(stores.fix.getState().error), false);
  });
});
