// What the machine scan found, as one progress line and as findings.
import type { EnvironmentReport, Finding } from '../../../shared/types.ts';
import { joinMessages, type Message, msg } from '../../../shared/i18n/message.ts';

/**
 * TUN is on when a TUN device carries the traffic, or when the proxy app's own API says so (its
 * device may not be up yet right after the switch, or may have a name the scan does not know).
 */
export function tunIsOn(e: EnvironmentReport): boolean {
  return e.tun.active || e.clashApi.some((c) => c.reachable && c.tunEnabled === true);
}

/** The progress line of the machine scan: `proxy ports: 7897 (mixed); apps: Clash Verge Rev; TUN off`. */
export function environmentSummary(e: EnvironmentReport): Message {
  const listening = e.localProxies.filter((c) => c.speaks !== 'closed');
  const system = e.systemProxy?.enabled
    ? (e.systemProxy.http ?? e.systemProxy.https ?? e.systemProxy.socks ?? e.systemProxy.pacUrl ?? '')
    : null;
  const list: Message[] = [
    listening.length
      ? msg('diagnosis.environment.ports', {
          ports: listening.map((c) => msg('diagnosis.environment.port', { port: c.port, speaks: c.speaks })),
        })
      : msg('diagnosis.environment.no-ports'),
    ...(e.proxyApps.length ? [msg('diagnosis.environment.apps', { apps: e.proxyApps.map((a) => a.name) })] : []),
    ...(system !== null ? [msg('diagnosis.environment.system-proxy', { address: system })] : []),
    tunIsOn(e) ? msg('diagnosis.environment.tun-on') : msg('diagnosis.environment.tun-off'),
  ];
  return joinMessages(list, 'clauses')!;
}

export function environmentFindings(e: EnvironmentReport): Finding[] {
  const findings: Finding[] = [];
  for (const c of e.localProxies.filter((p) => p.speaks !== 'closed')) {
    findings.push({
      id: 'environment.local-proxy',
      severity: 'info',
      summary: c.apps.length
        ? msg('diagnosis.environment.local-proxy-apps', {
            host: c.host,
            port: c.port,
            speaks: c.speaks,
            apps: c.apps.join(' / '),
          })
        : msg('diagnosis.environment.local-proxy', { host: c.host, port: c.port, speaks: c.speaks }),
      evidence: [msg('diagnosis.environment.found-by', { sources: c.sources })],
    });
  }
  if (e.systemProxy?.enabled) {
    const sp = e.systemProxy;
    const entries = [
      sp.http && `http ${sp.http}`,
      sp.https && `https ${sp.https}`,
      sp.socks && `socks ${sp.socks}`,
      sp.pacUrl && `PAC ${sp.pacUrl}`,
    ].filter((x): x is string => !!x);
    findings.push({
      id: 'environment.system-proxy',
      severity: 'info',
      summary: msg('diagnosis.environment.system-proxy-on'),
      evidence: [msg('diagnosis.environment.system-proxy-settings', { source: sp.source, entries })],
    });
  }
  if (tunIsOn(e)) {
    const byApi = e.clashApi
      .filter((c) => c.tunEnabled)
      .map((c) => msg('diagnosis.environment.clash-api-tun', { controller: c.controller }));
    findings.push({
      id: 'environment.tun-active',
      severity: 'info',
      summary: msg('diagnosis.environment.tun-active'),
      evidence: [...e.tun.evidence, ...byApi],
    });
  }
  return findings;
}
