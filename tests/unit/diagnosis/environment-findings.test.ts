import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { EnvironmentReport } from '../../../shared/types.ts';
import { environmentFindings, environmentSummary, tunIsOn } from '../../../electron/core/diagnosis/environment-findings.ts';

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
    assert.match(environmentSummary(e), /TUN on/);
    const finding = environmentFindings(e).find((f) => f.id === 'environment.tun-active');
    assert.ok(finding);
    assert.match(finding.evidence.join(' '), /127\.0\.0\.1:9090 reports tun\.enable = true/);
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
    assert.deepEqual(findings.map((f) => f.id), ['environment.local-proxy', 'environment.system-proxy']);
    assert.match(findings[0]!.summary, /7897 and speaks mixed \(usually Clash Verge Rev\)/);
    assert.match(environmentSummary(e), /proxy ports: 7897 \(mixed\)/);
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
