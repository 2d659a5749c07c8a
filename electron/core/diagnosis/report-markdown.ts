// A report for a support thread. It is built from the already-scrubbed DiagnosisReport and only
// shows display forms, so it holds no secrets.
import type { DiagnosisReport } from '../../../shared/types.ts';
import { FIX_TITLES } from '../../../shared/recommend.ts';
import { formatLocation } from '../../../shared/format.ts';

const MARK: Record<string, string> = { ok: '✓', info: '·', warning: '⚠', error: '✗', running: '…', skipped: '–' };

export function reportToMarkdown(report: DiagnosisReport): string {
  const c = report.codex;
  const r = report.recommendation;
  const lines: string[] = [
    '# Codex Connection Doctor report',
    '',
    `- Date: ${report.startedAt}`,
    `- Duration: ${(report.durationMs / 1000).toFixed(2)} s${report.cancelled ? ' (cancelled, partial)' : ''}`,
    `- Codex: ${c.version ?? 'not found'}; CODEX_HOME ${c.home}${c.profile ? `; profile ${c.profile}` : ''}`,
    `- Provider: ${c.provider ? `${c.provider.id}${c.provider.builtIn ? ' (built-in)' : ''} → ${c.provider.baseUrl}; WebSockets ${c.provider.supportsWebsockets ? 'on' : 'off'}` : 'unknown (config problem)'}`,
    `- Login: ${c.authMode}`,
    `- Proxy Codex uses: ${c.effectiveProxy ?? 'none'}${c.noProxy ? ` (NO_PROXY ${c.noProxy})` : ''}`,
    '',
    `## Verdict: ${FIX_TITLES[r.fix]}`,
    '',
    r.headline,
    '',
    ...r.reasons.map((x) => `- ${x}`),
    ...(r.proxyUrl ? ['', `Proxy: \`${r.proxyUrl}\``] : []),
    ...r.warnings.map((w) => `\n> ⚠ ${w}`),
    ...(r.alternatives.length ? ['', 'Alternatives:', ...r.alternatives.map((a) => `- ${FIX_TITLES[a.fix]}: ${a.reason}`)] : []),
    '',
    '## Checks',
    '',
    ...report.checks.map((e) => `- ${MARK[e.status] ?? '·'} ${e.title}${e.durationMs !== undefined ? ` (${e.durationMs} ms)` : ''}${e.detail ? ` — ${e.detail}` : ''}`),
    '',
    '## Findings',
    '',
    ...report.findings.map((f) => {
      const loc = f.location ? ` (${formatLocation(f.location)})` : '';
      return `- ${MARK[f.severity] ?? '·'} \`${f.id}\` ${f.summary}${loc}`;
    }),
    '',
    '## Evidence',
    '',
    '```',
    ...r.evidence,
    '```',
    '',
  ];
  return lines.join('\n');
}
