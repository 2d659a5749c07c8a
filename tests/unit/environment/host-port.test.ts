import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  isFakeIpRange,
  isLoopbackHost,
  loopbackAddressFor,
  parseHostPort,
} from '../../../electron/core/environment/host-port.ts';
import { runOsCommand } from '../../../electron/core/environment/run-command.ts';
import { knownProxyPorts, appsForPort, KNOWN_PROXY_PORTS } from '../../../electron/core/environment/known-ports.ts';

describe('host:port helpers', () => {
  test('forms seen in system proxies, configs and controllers', () => {
    assert.deepEqual(parseHostPort('127.0.0.1:7890'), { host: '127.0.0.1', port: 7890 });
    assert.deepEqual(parseHostPort('http://user:pw@127.0.0.1:7890/'), { host: '127.0.0.1', port: 7890 });
    assert.deepEqual(parseHostPort('http://127.0.0.1 20171'), { host: '127.0.0.1', port: 20171 });
    assert.deepEqual(parseHostPort(':9090'), { host: '127.0.0.1', port: 9090 });
    assert.deepEqual(parseHostPort('[::1]:9097'), { host: '::1', port: 9097 });
    assert.equal(parseHostPort('127.0.0.1'), null);
    assert.equal(parseHostPort('::1'), null);
    assert.equal(parseHostPort('host:70000'), null);
    assert.equal(parseHostPort('host:0'), null);
  });

  test('loopback and fake-ip ranges', () => {
    assert.ok(
      isLoopbackHost('127.0.0.1') &&
        isLoopbackHost('127.8.9.1') &&
        isLoopbackHost('localhost') &&
        isLoopbackHost('[::1]'),
    );
    assert.ok(!isLoopbackHost('192.168.1.1') && !isLoopbackHost('128.0.0.1') && !isLoopbackHost('localhost.evil.com'));
    assert.equal(loopbackAddressFor('0.0.0.0'), '127.0.0.1');
    assert.equal(loopbackAddressFor('localhost'), '127.0.0.1');
    assert.equal(loopbackAddressFor('10.0.0.1'), null);
    assert.ok(isFakeIpRange('198.18.0.1') && isFakeIpRange('198.19.255.254'));
    assert.ok(!isFakeIpRange('198.20.0.1') && !isFakeIpRange('198.17.0.1') && !isFakeIpRange('fd00::1'));
  });
});

describe('known proxy ports table', () => {
  test('covers the apps FACTS.md lists', () => {
    const ports = knownProxyPorts();
    for (const port of [
      7890, 7897, 7898, 7899, 10808, 10809, 20170, 20171, 2080, 12334, 1080, 1086, 1087, 1089, 8889,
    ]) {
      assert.ok(ports.includes(port), `port ${port}`);
    }
    assert.deepEqual(appsForPort(7890), ['Clash for Windows / ClashX', 'mihomo']);
    assert.equal(KNOWN_PROXY_PORTS.find((p) => p.port === 7897)?.kind, 'mixed');
  });
});

describe('runOsCommand (real processes)', () => {
  test('output and exit code', async () => {
    assert.deepEqual(await runOsCommand(process.execPath, ['-e', 'process.stdout.write("hi")'], { timeoutMs: 5000 }), {
      stdout: 'hi',
      stderr: '',
      code: 0,
    });
    const failed = await runOsCommand(process.execPath, ['-e', 'process.exit(3)'], { timeoutMs: 5000 });
    assert.equal(failed.code, 3);
  });
  test('output past maxBytes is a failure to run, as with execFile and its maxBuffer', async () => {
    const script = "process.stdout.write('x'.repeat(5000))";
    const cut = await runOsCommand(process.execPath, ['-e', script], { timeoutMs: 5000, maxBytes: 1000 });
    assert.equal(cut.code, null);
    assert.match(cut.stderr, /output limit/);
    const whole = await runOsCommand(process.execPath, ['-e', script], { timeoutMs: 5000 });
    assert.deepEqual([whole.code, whole.stdout.length], [0, 5000]);
  });
  test('a missing command and a timeout resolve with code null', async () => {
    const missing = await runOsCommand('definitely-not-a-command-xyz', [], { timeoutMs: 1000 });
    assert.equal(missing.code, null);
    assert.match(missing.stderr, /not found/);
    const slow = await runOsCommand(process.execPath, ['-e', 'setTimeout(() => {}, 5000)'], { timeoutMs: 200 });
    assert.equal(slow.code, null);
    assert.match(slow.stderr, /timed out after 200 ms/);
  });
});
