import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { EnvironmentReport } from '../../../shared/types.ts';
import {
  environmentFindings,
  environmentSummary,
  tunIsOn,
} from '../../../electron/core/diagnosis/environment-findings.ts';
import { en, enAll, zh } from '../../i18n.ts';

const base = (): EnvironmentReport => ({
  systemProxy: null,
  localProxies: [],
  proxyApps: [],
  clashApi: [],
  tun: { active: false, interfaces: [], evidence: [] },
});

describe('environment findings', () => {
  test('TUN counts as on when the proxy app’s API says so, even before its device shows up', () => {
    const e = base();
    assert.equal(tunIsOn(e), false);
    e.clashApi.push({ controller: '127.0.0.1:9090', source: 'config.yaml', reachable: true, tunEnabled: true });
    assert.equal(tunIsOn(e), true);
    assert.equal(en(environmentSummary(e)), 'no local proxy ports listening; TUN on');
    assert.equal(zh(environmentSummary(e)), '本机没有在监听的代理端口；TUN 模式已开启');
    const finding = environmentFindings(e).find((f) => f.id === 'environment.tun-active');
    assert.ok(finding);
    assert.equal(en(finding.summary), 'TUN mode is on.');
    assert.deepEqual(enAll(finding.evidence), ['the Clash API at 127.0.0.1:9090 reports tun.enable = true']);
  });

  test('an unreachable controller does not count', () => {
    const e = base();
    e.clashApi.push({ controller: '127.0.0.1:9097', source: 'well-known', reachable: false, tunEnabled: true });
    assert.equal(tunIsOn(e), false);
  });

  test('listening proxies and an enabled system proxy become info findings; closed ports do not', () => {
    const e = base();
    e.localProxies.push(
      { host: '127.0.0.1', port: 7897, apps: ['Clash Verge Rev'], sources: ['verge.yaml'], speaks: 'mixed' },
      { host: '127.0.0.1', port: 7899, apps: ['Clash Verge Rev'], sources: ['verge.yaml'], speaks: 'closed' },
    );
    e.systemProxy = { platform: 'darwin', enabled: true, http: '127.0.0.1:7897', source: 'scutil --proxy' };
    const findings = environmentFindings(e);
    assert.deepEqual(
      findings.map((f) => f.id),
      ['environment.local-proxy', 'environment.system-proxy'],
    );
    assert.equal(
      en(findings[0]!.summary),
      'A proxy listens on 127.0.0.1:7897 and speaks mixed (usually Clash Verge Rev).',
    );
    assert.deepEqual(enAll(findings[0]!.evidence), ['found by: verge.yaml']);
    assert.deepEqual(enAll(findings[1]!.evidence), ['scutil --proxy: http 127.0.0.1:7897']);
    assert.equal(en(environmentSummary(e)), 'proxy ports: 7897 (mixed); system proxy 127.0.0.1:7897; TUN off');
    assert.equal(zh(environmentSummary(e)), '代理端口：7897（mixed）；系统代理 127.0.0.1:7897；TUN 模式未开启');
  });
});

describe("Codex's own doctor", () => {
  test('its check follows Codex’s overall verdict, not only the exit code', async () => {
    const { doctorStatus } = await import('../../../electron/core/diagnosis/codex-doctor-step.ts');
    const report = (overall: string | null, exitCode = 0) => ({
      binary: 'codex',
      exitCode,
      durationMs: 90,
      summary: ['config.load: ok — config loaded', ...(overall ? [`overall: ${overall}`] : [])],
    });
    assert.equal(doctorStatus(report('ok')), 'ok');
    assert.equal(doctorStatus(report('warning')), 'warning');
    assert.equal(doctorStatus(report('fail', 1)), 'error');
    assert.equal(doctorStatus(report(null, 0)), 'ok');
    assert.equal(doctorStatus(report(null, 2)), 'warning');
  });
});
