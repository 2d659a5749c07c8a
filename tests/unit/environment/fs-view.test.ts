import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fsView } from '../../../electron/core/environment/apps/fs-view.ts';

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'fs-view-'));
}

describe('fsView.readText', () => {
  test(
    'a FIFO where a config should be is skipped, not waited on forever',
    { skip: process.platform === 'win32' },
    async () => {
      const dir = tempDir();
      const fifo = path.join(dir, 'config.yaml');
      execFileSync('mkfifo', [fifo]);
      const outcome = await Promise.race([
        fsView().readText(fifo),
        new Promise<string>((resolve) => setTimeout(() => resolve('still waiting'), 2000).unref()),
      ]);
      assert.equal(outcome, undefined);
      // Unblock a reader left behind by a failing implementation so the test process can exit.
      if (outcome === 'still waiting') fs.writeFileSync(fifo, '');
    },
  );

  test('a file over the size limit is refused without reading it; a directory, a loop and a missing file are undefined', async () => {
    const dir = tempDir();
    const big = path.join(dir, 'big.yaml');
    fs.writeFileSync(big, '');
    fs.truncateSync(big, 64 * 1024 * 1024 * 1024); // sparse: reading it would take 64 GiB of memory
    assert.equal(await fsView().readText(big), undefined);
    fs.mkdirSync(path.join(dir, 'adir'));
    assert.equal(await fsView().readText(path.join(dir, 'adir')), undefined);
    fs.symlinkSync(path.join(dir, 'loop-b'), path.join(dir, 'loop-a'));
    fs.symlinkSync(path.join(dir, 'loop-a'), path.join(dir, 'loop-b'));
    assert.equal(await fsView().readText(path.join(dir, 'loop-a')), undefined);
    assert.equal(await fsView().readText(path.join(dir, 'missing.yaml')), undefined);
    fs.writeFileSync(path.join(dir, 'ok.yaml'), 'port: 1\n');
    assert.equal(await fsView().readText(path.join(dir, 'ok.yaml')), 'port: 1\n');
  });
});
