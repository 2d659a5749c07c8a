import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { runCommand } from '../../electron/core/run-command.ts';

describe('runCommand (real processes)', () => {
  test('a character split across two pipe reads comes back whole', async () => {
    // 100000 three-byte characters: the 64 KiB pipe reads cut some of them in two.
    const script = "process.stdout.write('中'.repeat(100000))";
    const result = await runCommand(process.execPath, ['-e', script], { timeoutMs: 10000 });
    assert.equal(result.exitCode, 0);
    assert.equal(result.stdout.length, 100000);
    assert.equal(result.stdout, '中'.repeat(100000));
  });

  test('output past maxBytes is cut there and marked truncated', async () => {
    const script = "process.stdout.write('x'.repeat(5000)); process.stderr.write('e')";
    const result = await runCommand(process.execPath, ['-e', script], { timeoutMs: 10000, maxBytes: 1000 });
    assert.equal(result.stdout, 'x'.repeat(1000));
    assert.equal(result.stderr, 'e');
    assert.equal(result.truncated, true);
    const small = await runCommand(process.execPath, ['-e', script], { timeoutMs: 10000 });
    assert.equal(small.stdout.length, 5000);
    assert.equal(small.truncated, undefined);
  });

  test('no env given: the program sees this process environment', async () => {
    process.env.RUN_COMMAND_TEST_VAR = 'seen';
    try {
      const script = 'process.stdout.write(process.env.RUN_COMMAND_TEST_VAR ?? "")';
      const result = await runCommand(process.execPath, ['-e', script], { timeoutMs: 10000 });
      assert.equal(result.stdout, 'seen');
    } finally {
      delete process.env.RUN_COMMAND_TEST_VAR;
    }
  });

  test('a timeout and an abort stop the program and say which', async () => {
    const hang = ['-e', 'setTimeout(() => {}, 10000)'];
    const slow = await runCommand(process.execPath, hang, { timeoutMs: 200 });
    assert.deepEqual([slow.timedOut, slow.aborted, slow.exitCode], [true, false, null]);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const stopped = await runCommand(process.execPath, hang, { timeoutMs: 10000, signal: controller.signal });
    assert.deepEqual([stopped.timedOut, stopped.aborted, stopped.exitCode], [false, true, null]);
    const missing = await runCommand('definitely-not-a-command-xyz', [], { timeoutMs: 1000 });
    assert.equal(missing.spawnError, 'ENOENT');
  });
});
