import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { toIpcError } from '../../../electron/ipc-handlers.ts';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDoctorService } from '../../../electron/core/service.ts';

describe('errors say what to do next', () => {
  test("the core's error codes get their own next step and travel as code", () => {
    const changed = toIpcError('fix:apply', Object.assign(new Error('/x/config.toml changed since the preview was made'), { code: 'changed-since-plan' }));
    assert.equal(changed.code, 'changed-since-plan');
    assert.match(changed.hint, /Nothing was written.*preview the fix again/s);
    const readOnly = toIpcError('fix:apply', Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }));
    assert.equal(readOnly.code, 'read-only');
    assert.match(readOnly.hint, /writable/);
    const home = toIpcError('fix:preview', Object.assign(new Error('CODEX_HOME /nope does not exist'), { code: 'codex-home-missing' }));
    assert.match(home.hint, /CODEX_HOME/);
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
    assert.match(expired.hint, /Preview the fix again/);
    const other = toIpcError('history:list', Object.assign(new Error('odd'), { code: 'ESOMETHING' }));
    assert.equal(other.code, undefined);
    assert.match(other.hint, /journal/);
  });
});
