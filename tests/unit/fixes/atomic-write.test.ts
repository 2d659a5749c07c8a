// Atomic writes through a symlinked file (dotfile managers link ~/.codex/config.toml into a repo):
// the link stays a link and the file it points to gets the new bytes.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { atomicWriteFileSync } from '../../../electron/core/fixes/atomic-write.ts';
import { applyPlan, planFix, revertChange } from '../../../electron/core/fixes/index.ts';
import { setupFor, tempDir } from './helpers.ts';

describe('atomic write through a symlink', () => {
  test('the link is kept and its target is replaced, with its mode', () => {
    const repo = tempDir('dotfiles');
    const home = tempDir('home');
    const real = path.join(repo, 'config.toml');
    fs.writeFileSync(real, 'model = "a"\n', { mode: 0o640 });
    fs.chmodSync(real, 0o640);
    const link = path.join(home, 'config.toml');
    fs.symlinkSync(path.relative(home, real), link);

    atomicWriteFileSync(link, 'model = "b"\n');

    assert.ok(fs.lstatSync(link).isSymbolicLink(), 'config.toml is still a symlink');
    assert.equal(fs.readFileSync(real, 'utf8'), 'model = "b"\n');
    assert.equal(fs.statSync(real).mode & 0o777, 0o640);
    assert.deepEqual(fs.readdirSync(home), ['config.toml'], 'no temporary file left beside the link');
  });

  test('a dangling link gets its target created', () => {
    const repo = tempDir('dotfiles');
    const home = tempDir('home');
    const link = path.join(home, '.env');
    fs.symlinkSync(path.join(repo, 'env'), link);
    atomicWriteFileSync(link, 'A=1\n');
    assert.ok(fs.lstatSync(link).isSymbolicLink());
    assert.equal(fs.readFileSync(path.join(repo, 'env'), 'utf8'), 'A=1\n');
  });

  test('Fix #1 on a symlinked config.toml, then revert: the link and the bytes are as they were', async () => {
    const repo = tempDir('dotfiles');
    const home = tempDir('home');
    const real = path.join(repo, 'codex.toml');
    const original =
      '# mine\nmodel_provider = "lab"\n\n[model_providers.lab]\nname = "Lab"\nbase_url = "http://127.0.0.1:9/v1"\nsupports_websockets = true\n';
    fs.writeFileSync(real, original);
    fs.symlinkSync(real, path.join(home, 'config.toml'));
    const journalDir = path.join(tempDir('journal'), 'journal');

    const setup = await setupFor(home, null);
    const planned = await planFix('disable-websockets', { codexHome: home, profile: null, setup });
    await applyPlan(planned, { journalDir });
    assert.ok(fs.lstatSync(path.join(home, 'config.toml')).isSymbolicLink());
    assert.match(fs.readFileSync(real, 'utf8'), /supports_websockets = false/);

    const outcome = await revertChange('last', { journalDir });
    assert.equal(outcome.status, 'reverted');
    assert.ok(fs.lstatSync(path.join(home, 'config.toml')).isSymbolicLink());
    assert.equal(fs.readFileSync(real, 'utf8'), original);
  });
});

describe('revert of a file created through a dangling link', () => {
  test('the created target is removed and the link is left as it was', async () => {
    const repo = tempDir('dotfiles');
    const home = tempDir('home');
    const target = path.join(repo, 'codex.env');
    fs.symlinkSync(target, path.join(home, '.env'));
    const journalDir = path.join(tempDir('journal'), 'journal');
    const setup = await setupFor(home, null);
    const planned = await planFix('use-proxy', {
      codexHome: home,
      profile: null,
      setup,
      proxyUrl: 'http://127.0.0.1:3128',
    });
    await applyPlan(planned, { journalDir });
    assert.match(fs.readFileSync(target, 'utf8'), /HTTPS_PROXY=http:\/\/127\.0\.0\.1:3128/);

    assert.equal((await revertChange('last', { journalDir })).status, 'reverted');
    assert.ok(fs.lstatSync(path.join(home, '.env')).isSymbolicLink(), 'the link is still there');
    assert.equal(fs.existsSync(target), false, 'the file the fix created is gone');
  });
});
