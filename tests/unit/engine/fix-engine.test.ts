// The one fix workflow the app's service and the command line both drive (electron/core/workflow.ts):
// the proxy use-proxy writes and the report "before" come from the same place in both, and the
// platform the front end names is the one the workflow follows.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { createFixEngine, FixError, journalDirFor } from '../../../electron/core/workflow.ts';
import { createDoctorService } from '../../../electron/core/service.ts';
import { APP_DIR_NAME } from '../../../electron/core/fixes/journal.ts';

function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `ccd-engine-${prefix}-`));
}

// Nothing listens for these diagnoses: they end quickly with no proxy proven.
const quick = { env: { PATH: process.env.PATH ?? '' }, timeoutMs: 300, codexDoctor: false };

function isNoProxyFound(e: unknown): boolean {
  return e instanceof FixError && e.code === 'not-applicable' && e.userMessage.id === 'fixes.error.no-proxy-found';
}

describe('one orchestration for the app and the command line', () => {
  test('a proxy the user named is used as it is, without a diagnosis', async () => {
    const engine = createFixEngine({ ...quick, codexHome: tempDir('home'), platform: process.platform });
    assert.deepEqual(await engine.proxyToUse(null, 'http://127.0.0.1:3128'), {
      url: 'http://127.0.0.1:3128',
      fromUser: true,
    });
    assert.equal(engine.lastReport, null);
  });

  test('without one, the diagnosis before proves it; that same report is the "before" of the change', async () => {
    const engine = createFixEngine({ ...quick, codexHome: tempDir('home'), platform: process.platform });
    await assert.rejects(engine.proxyToUse(null, undefined), isNoProxyFound);
    const proving = engine.lastReport;
    assert.ok(proving, 'the short diagnosis ran');
    assert.equal(await engine.reportBefore(null), proving, 'no second diagnosis for the same profile');
    const other = await engine.reportBefore('work');
    assert.notEqual(other, proving, 'another profile gets a diagnosis of its own');
    assert.equal(other.codex.profile, 'work');
  });

  test('the app takes the proxy from its last diagnosis, and refuses as the command line does when it proved none', async () => {
    const service = createDoctorService({ ...quick, codexHome: tempDir('home'), platform: process.platform });
    await service.diagnose({ profile: null }, () => {}, new AbortController().signal);
    const named = (await service.exportReport({ format: 'json' })).suggestedName;
    await assert.rejects(service.previewFix({ fix: 'use-proxy', profile: null }), isNoProxyFound);
    assert.equal(
      (await service.exportReport({ format: 'json' })).suggestedName,
      named,
      'the preview ran no diagnosis of its own: the last one is still the one exported',
    );
  });

  test('the platform the front end names decides where the journal is', () => {
    const home = tempDir('user');
    const expected = path.join(home, 'Library', 'Application Support', APP_DIR_NAME, 'journal');
    assert.equal(journalDirFor({ env: {}, homedir: home, platform: 'darwin' }), expected);
    const engine = createFixEngine({ env: {}, homedir: home, codexHome: tempDir('home'), platform: 'darwin' });
    assert.equal(engine.journalDir, expected);
    assert.equal(
      journalDirFor({ env: { XDG_CONFIG_HOME: home }, homedir: home, platform: 'linux' }),
      path.join(home, APP_DIR_NAME, 'journal'),
    );
  });
});
