import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PROXY_PORTS_ENV, parseProxyPorts } from '../../../electron/app-options.ts';

test('the proxy-ports variable has the documented name', () => {
  assert.equal(PROXY_PORTS_ENV, 'CODEX_CONNECTION_DOCTOR_PROXY_PORTS');
});

test('a comma-separated list of ports is read in order, spaces allowed', () => {
  assert.deepEqual(parseProxyPorts('7890, 3128,1080'), [7890, 3128, 1080]);
  assert.deepEqual(parseProxyPorts('1,65535'), [1, 65535]);
});

test('no variable, or an empty one, gives no ports', () => {
  assert.deepEqual(parseProxyPorts(undefined), []);
  assert.deepEqual(parseProxyPorts(''), []);
  assert.deepEqual(parseProxyPorts(' , ,'), []);
});

test('anything that is not a port number 1–65535 is ignored', () => {
  assert.deepEqual(
    parseProxyPorts('0,65536,99999,-1,3.5,1e3,0x50,abc,127.0.0.1:8080,http://127.0.0.1:3128,7890'),
    [7890],
  );
});

test('a port listed twice is probed once', () => {
  assert.deepEqual(parseProxyPorts('3128,7890,3128'), [3128, 7890]);
});
