import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { toIpcError } from '../../../electron/ipc-handlers.ts';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDoctorService } from '../../../electron/core/service.ts';
import { en, zh } from '../../i18n.ts';
import { msg } from '../../../shared/i18n/message.ts';
import { FIX_ERROR_HINTS } from '../../../shared/fix-errors.ts';
import { FixError } from '../../../electron/core/fixes/plan.ts';

describe('errors say what to do next', () => {
  test("the core's error codes get their own next step and travel as code", () => {
    const changed = toIpcError(
      'fix:apply',
      Object.assign(new Error('/x/config.toml changed since the preview was made'), { code: 'changed-since-plan' }),
    );
    assert.equal(changed.code, 'changed-since-plan');
    assert.match(en(changed.hint), /Nothing was written.*preview the fix again/s);
    const readOnly = toIpcError('fix:apply', Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }));
    assert.equal(readOnly.code, 'read-only');
    assert.match(en(readOnly.hint), /writable/);
    const home = toIpcError(
      'fix:preview',
      Object.assign(new Error('CODEX_HOME /nope does not exist'), { code: 'codex-home-missing' }),
    );
    assert.match(en(home.hint), /CODEX_HOME/);
  });

  test('a forgotten preview is reported as expired; unknown codes fall back to the channel hint', async () => {
    // The real service's refusal of a plan it no longer holds.
    const service = createDoctorService({ codexHome: mkdtempSync(path.join(os.tmpdir(), 'ccd-hints-')), env: {} });
    const refusal = await service.applyFix({ planId: 'plan-that-was-never-made' }).then(
      () => assert.fail('applying an unknown plan must fail'),
      (e: unknown) => e,
    );
    const expired = toIpcError('fix:apply', refusal);
    assert.equal(expired.code, 'plan-expired');
    assert.match(en(expired.hint), /Preview the fix again/);
    const other = toIpcError('history:list', Object.assign(new Error('odd'), { code: 'ESOMETHING' }));
    assert.equal(other.code, undefined);
    assert.match(en(other.hint), /journal/);
  });

  test('a FixError travels as its message; an unexpected error as its own text, redacted; both in Chinese too', () => {
    const refusal = new FixError(msg('fixes.error.lock-busy', { home: '/home/u/.codex' }), 'changed-since-plan');
    const e = toIpcError('fix:apply', refusal);
    assert.deepEqual(e.message, refusal.userMessage);
    assert.equal(en(e.message), refusal.message);
    assert.match(zh(e.message), /另一项对 \/home\/u\/\.codex 的修改正在进行/);
    assert.match(zh(e.hint), /未写入任何内容/);
    const odd = toIpcError('fix:apply', new Error('proxy http://alice:s3cret@127.0.0.1:3128 refused'));
    assert.equal(en(odd.message), 'proxy http://alice:****@127.0.0.1:3128 refused');
    assert.equal(zh(odd.message), '意外错误：proxy http://alice:****@127.0.0.1:3128 refused');
    const secretInParam = toIpcError(
      'fix:preview',
      new FixError(msg('fixes.error.proxy-no-port', { url: 'http://bob:hunter2@proxy' }), 'invalid-proxy'),
    );
    assert.ok(!JSON.stringify(secretInParam).includes('hunter2'));
  });

  test('every code has a hint in both languages', () => {
    for (const [code, id] of Object.entries(FIX_ERROR_HINTS)) {
      assert.ok(en(msg(id)).length > 10, code);
      assert.ok(zh(msg(id)) !== en(msg(id)), code);
    }
  });
});
