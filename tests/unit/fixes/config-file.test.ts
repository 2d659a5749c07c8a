// A named pipe (FIFO) or a huge file where config.toml or .env should be: the setup reader and
// the fix engine say so and go on, instead of blocking forever on the read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadCodexSetup } from '../../../electron/core/codex/index.ts';
import { planFix } from '../../../electron/core/fixes/index.ts';
import { readConfigFileSync, ConfigFileError } from '../../../electron/core/config-file.ts';
import { en } from '../../i18n.ts';

test(
  'a FIFO as config.toml: a finding, and the fix refuses without hanging',
  { skip: process.platform === 'win32', timeout: 10_000 },
  async () => {
    const home = mkdtempSync(path.join(os.tmpdir(), 'ccd-fifo-'));
    execFileSync('mkfifo', [path.join(home, 'config.toml')]);
    const setup = await loadCodexSetup({ codexHome: home, profile: null, env: {}, findInstalls: false });
    const finding = setup.findings.find((f) => f.id === 'codex.file.unreadable');
    assert.ok(finding, JSON.stringify(setup.findings));
    assert.match(en(finding.summary), /not a regular file/);
    await assert.rejects(
      planFix('disable-websockets', { codexHome: home, profile: null, setup }),
      /not a regular file/,
    );
  },
);

test('a huge .env is refused by size, before it is read', () => {
  const home = mkdtempSync(path.join(os.tmpdir(), 'ccd-huge-'));
  const file = path.join(home, '.env');
  writeFileSync(file, '');
  truncateSync(file, 64 * 2 ** 20); // sparse: no disk used
  assert.throws(
    () => readConfigFileSync(file),
    (e: unknown) => e instanceof ConfigFileError && e.code === 'too-large',
  );
  assert.equal(readConfigFileSync(path.join(home, 'missing')), null);
});
