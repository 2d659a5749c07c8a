// Windows and macOS: with no proxy variable, Codex's HTTPS requests take the OS's static system
// proxy (reqwest's default; its WebSocket reads only the variables). A system proxy left pointing
// at a closed port — a proxy app that quit without turning it off — breaks Codex's HTTPS while
// the WebSocket still goes direct. The OS settings are recorded outputs (reg query, scutil).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, test } from 'node:test';
import type { EnvironmentReport } from '../../shared/types.ts';
import { runDiagnosis } from '../../electron/core/diagnosis/diagnose.ts';
import { parseWindowsInternetSettings } from '../../electron/core/environment/system-proxy-windows.ts';
import { parseScutilProxy } from '../../electron/core/environment/system-proxy-macos.ts';
import { closedPort } from '../lab/ports.ts';
import { setupScenario, type Scenario } from '../lab/scenarios.ts';
import { en, enAll } from '../i18n.ts';

const fixtures = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  'fixtures',
  'environment',
  'system-proxy',
);
const open: Scenario[] = [];
after(async () => {
  for (const s of open) await s.stop();
});

function environmentWith(systemProxy: EnvironmentReport['systemProxy']): () => Promise<EnvironmentReport> {
  return async () => ({
    systemProxy,
    localProxies: [],
    proxyApps: [],
    clashApi: [],
    tun: { active: false, interfaces: [], evidence: [] },
  });
}

/** The recorded Clash system-proxy registry, its port moved to `port` and its bypass list narrowed to <local>. */
function windowsRegistry(port: number) {
  const text = readFileSync(path.join(fixtures, 'reg-clash-system-proxy.txt'), 'utf8')
    .replace('127.0.0.1:7890', `127.0.0.1:${port}`)
    .replace(/ProxyOverride\s+REG_SZ\s+.*/, 'ProxyOverride    REG_SZ    <local>');
  return parseWindowsInternetSettings(text);
}

function macosScutil(port: number) {
  const text = readFileSync(path.join(fixtures, 'scutil-clash-system-proxy.txt'), 'utf8')
    .replace(/Port : 7890/g, `Port : ${port}`)
    .replace(/ExceptionsList : <array> \{[^}]*\}/, 'ExceptionsList : <array> {\n  }');
  return parseScutilProxy(text);
}

describe('the system proxy Codex takes for HTTPS', () => {
  for (const platform of ['win32', 'darwin'] as const) {
    test(
      `${platform}: a system proxy on a closed port is what breaks Codex's HTTPS — its own verdict`,
      { timeout: 30_000 },
      async () => {
        const s = await setupScenario('ws-ok');
        open.push(s);
        const port = await closedPort();
        const systemProxy = platform === 'win32' ? windowsRegistry(port) : macosScutil(port);
        assert.equal(systemProxy.enabled, true);
        const report = await runDiagnosis({
          codexHome: s.codexHome,
          env: { PATH: process.env.PATH, HOME: process.env.HOME, ...s.env },
          osProxyPlatform: platform,
          codexDoctor: false,
          timeoutMs: 2000,
          readEnvironment: environmentWith(systemProxy),
        });
        const r = report.recommendation;
        assert.equal(r.rule, 'R1d-dead-system-proxy', `${r.rule}: ${en(r.headline)}`);
        assert.equal(r.fix, 'fix-proxy');
        assert.match(enAll(r.reasons).join(' '), /Turn the system proxy off/);
        assert.match(enAll(r.reasons).join(' '), /reaches the endpoint directly/);
        assert.ok(
          report.probes.some((p) => p.route.kind === 'system-proxy' && p.phase === 'https' && !p.ok),
          'the system proxy was probed as Codex would use it',
        );
      },
    );
  }

  test("linux: the OS proxy setting is not Codex's route (reqwest reads none there)", { timeout: 30_000 }, async () => {
    const s = await setupScenario('ws-ok');
    open.push(s);
    const report = await runDiagnosis({
      codexHome: s.codexHome,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...s.env },
      osProxyPlatform: 'linux',
      codexDoctor: false,
      timeoutMs: 2000,
      readEnvironment: environmentWith(windowsRegistry(await closedPort())),
    });
    assert.equal(report.recommendation.fix, 'none', en(report.recommendation.headline));
  });

  test(
    "a proxy variable takes precedence: the system proxy is not Codex's route then",
    { timeout: 30_000 },
    async () => {
      const s = await setupScenario('ws-ok');
      open.push(s);
      const report = await runDiagnosis({
        codexHome: s.codexHome,
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          ...s.env,
          NO_PROXY: '127.0.0.1',
          HTTPS_PROXY: 'http://127.0.0.1:9',
        },
        osProxyPlatform: 'win32',
        codexDoctor: false,
        timeoutMs: 2000,
        readEnvironment: environmentWith(windowsRegistry(await closedPort())),
      });
      assert.equal(
        report.recommendation.fix,
        'none',
        `${report.recommendation.rule}: ${en(report.recommendation.headline)}`,
      );
    },
  );
});
