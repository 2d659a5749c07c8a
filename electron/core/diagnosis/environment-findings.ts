// What the machine scan found, as one progress line and as findings.
import type { EnvironmentReport, Finding } from '../../../shared/types.ts';

/**
 * TUN is on when a TUN device carries the traffic, or when the proxy app's own API says so (its
 * device may not be up yet right after the switch, or may have a name the scan does not know).
 */
export function tunIsOn(e: EnvironmentReport): boolean {
  return e.tun.active || e.clashApi.some((c) => c.reachable && c.tunEnabled === true);
}

export function environmentSummary(e: EnvironmentReport): string {
  const listening = e.localProxies.filter((c) => c.speaks !== 'closed');
  const parts = [
    listening.length ? `proxy ports: ${listening.map((c) => `${c.port} (${c.speaks})`).join(', ')}` : 'no local proxy ports listening',
    e.proxyApps.length ? `apps: ${e.proxyApps.map((a) => a.name).join(', ')}` : null,
    e.systemProxy?.enabled ? `system proxy ${e.systemProxy.http ?? e.systemProxy.https ?? e.systemProxy.socks ?? e.systemProxy.pacUrl ?? ''}` : null,
    `TUN ${tunIsOn(e) ? 'on' : 'off'}`,
  ];
  return parts.filter(Boolean).join('; ');
}

export function environmentFindings(e: EnvironmentReport): Finding[] {
  const findings: Finding[] = [];
  for (const c of e.localProxies.filter((p) => p.speaks !== 'closed')) {
    findings.push({
      id: 'environment.local-proxy',
      severity: 'info',
      summary: `A proxy listens on ${c.host}:${c.port} and speaks ${c.speaks}${c.apps.length ? ` (usually ${c.apps.join(' / ')})` : ''}.`,
      evidence: [`found by: ${c.sources.join(', ')}`],
    });
  }
  if (e.systemProxy?.enabled) {
    findings.push({
      id: 'environment.system-proxy',
      severity: 'info',
      summary: 'The system proxy is on; Codex does not read it, only HTTPS_PROXY/HTTP_PROXY/ALL_PROXY.',
      evidence: [
        `${e.systemProxy.source}: ${[e.systemProxy.http && `http ${e.systemProxy.http}`, e.systemProxy.https && `https ${e.systemProxy.https}`, e.systemProxy.socks && `socks ${e.systemProxy.socks}`, e.systemProxy.pacUrl && `PAC ${e.systemProxy.pacUrl}`].filter(Boolean).join(', ')}`,
      ],
    });
  }
  if (tunIsOn(e)) {
    const byApi = e.clashApi.filter((c) => c.tunEnabled).map((c) => `the Clash API at ${c.controller} reports tun.enable = true`);
    findings.push({ id: 'environment.tun-active', severity: 'info', summary: 'TUN mode is on.', evidence: [...e.tun.evidence, ...byApi] });
  }
  return findings;
}
