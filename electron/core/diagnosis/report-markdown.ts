// A report for a support thread, in the reader's language. It is built from the already-scrubbed
// DiagnosisReport and only shows display forms, so it holds no secrets.
import type { AuthMode, DiagnosisReport } from '../../../shared/types.ts';
import { FIX_TITLES } from '../../../shared/recommend.ts';
import { formatLocation } from '../../../shared/format.ts';
import { msg, type MessageId } from '../../../shared/i18n/message.ts';
import { translator, type Translator } from '../../../shared/i18n/translate.ts';

const MARK: Record<string, string> = { ok: '✓', info: '·', warning: '⚠', error: '✗', running: '…', skipped: '–' };

const LOGIN: Record<AuthMode, MessageId> = {
  apikey: 'report.login.apikey',
  chatgpt: 'report.login.chatgpt',
  none: 'report.login.none',
  unknown: 'report.login.unknown',
};

/** The report as Markdown, written by `tr` (English when not given). */
export function reportToMarkdown(report: DiagnosisReport, tr: Translator = translator('en')): string {
  const c = report.codex;
  const r = report.recommendation;
  const fix = (kind: keyof typeof FIX_TITLES) => tr.t(FIX_TITLES[kind]);
  const version = c.version ?? msg('report.codex-not-found');
  const seconds = { seconds: (report.durationMs / 1000).toFixed(2) };
  const websockets = (on: boolean) => msg(on ? 'report.websockets-on' : 'report.websockets-off');
  const proxy = c.effectiveProxy ?? msg('report.proxy-none');
  const lines: string[] = [
    `# ${tr.t('report.title')}`,
    '',
    `- ${tr.t('report.date', { date: report.startedAt })}`,
    `- ${tr.t(report.cancelled ? 'report.duration-cancelled' : 'report.duration', seconds)}`,
    `- ${c.profile ? tr.t('report.codex-profile', { version, home: c.home, profile: c.profile }) : tr.t('report.codex', { version, home: c.home })}`,
    `- ${
      c.provider
        ? tr.t(c.provider.builtIn ? 'report.provider-built-in' : 'report.provider', {
            id: c.provider.id,
            baseUrl: c.provider.baseUrl,
            websockets: websockets(c.provider.supportsWebsockets),
          })
        : tr.t('report.provider-unknown')
    }`,
    `- ${tr.t('report.login', { mode: msg(LOGIN[c.authMode]) })}`,
    `- ${c.noProxy ? tr.t('report.proxy-no-proxy', { proxy, noProxy: c.noProxy }) : tr.t('report.proxy', { proxy })}`,
    '',
    `## ${tr.t('report.verdict', { fix: fix(r.fix) })}`,
    '',
    tr.tm(r.headline),
    '',
    ...r.reasons.map((x) => `- ${tr.tm(x)}`),
    ...(r.proxyUrl ? ['', tr.t('report.verdict-proxy', { url: `\`${r.proxyUrl}\`` })] : []),
    ...r.warnings.map((w) => `\n> ⚠ ${tr.tm(w)}`),
    ...(r.alternatives.length
      ? [
          '',
          tr.t('report.alternatives'),
          ...r.alternatives.map((a) => `- ${tr.t('report.alternative', { fix: fix(a.fix), reason: a.reason })}`),
        ]
      : []),
    '',
    `## ${tr.t('report.checks')}`,
    '',
    ...report.checks.map((e) => {
      const time = e.durationMs !== undefined ? ` ${tr.t('report.check-duration', { ms: e.durationMs })}` : '';
      const detail = e.detail ? tr.tm(e.detail) : '';
      return `- ${MARK[e.status] ?? '·'} ${tr.tm(e.title)}${time}${detail ? ` — ${detail}` : ''}`;
    }),
    '',
    `## ${tr.t('report.findings')}`,
    '',
    ...report.findings.map((f) => {
      const loc = f.location ? ` (${formatLocation(f.location)})` : '';
      return `- ${MARK[f.severity] ?? '·'} \`${f.id}\` ${tr.tm(f.summary)}${loc}`;
    }),
    '',
    `## ${tr.t('report.evidence')}`,
    '',
    '```',
    ...r.evidence.map((line) => tr.tm(line)),
    '```',
    '',
  ];
  return lines.join('\n');
}
