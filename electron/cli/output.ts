// Terminal output: marks, colours (only on a TTY and without NO_COLOR) and plain-words layout.
// Every word comes from the catalog (shared/i18n/catalog/*/cli.ts) through the command's Translator.
import type { CheckEvent, DiagnosisReport, Finding, FixKind } from '../../shared/types.ts';
import { isApplicableFix } from '../../shared/types.ts';
import { FIX_TITLES } from '../../shared/recommend.ts';
import { formatLocation } from '../../shared/format.ts';
import type { Message } from '../../shared/i18n/message.ts';
import type { Translator } from '../../shared/i18n/translate.ts';

export interface Out {
  write(text: string): void;
  color: boolean;
}

export function terminalOut(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv): Out {
  const color = !!stream.isTTY && env.NO_COLOR === undefined && env.TERM !== 'dumb';
  return { write: (t) => void stream.write(t), color };
}

const CODES = { red: 31, green: 32, yellow: 33, dim: 2, bold: 1 } as const;
export function paint(out: Out, style: keyof typeof CODES, text: string): string {
  return out.color ? `\x1b[${CODES[style]}m${text}\x1b[0m` : text;
}

const MARKS: Record<string, [string, keyof typeof CODES]> = {
  ok: ['✓', 'green'],
  warning: ['⚠', 'yellow'],
  error: ['✗', 'red'],
  skipped: ['–', 'dim'],
  info: ['·', 'dim'],
};

export function mark(out: Out, status: string): string {
  const [symbol, style] = MARKS[status] ?? ['·', 'dim'];
  return paint(out, style, symbol);
}

/** The title of a fix (or of a verdict that is no fix), in the reader's language. */
export function fixTitle(tr: Translator, fix: FixKind): string {
  return tr.t(FIX_TITLES[fix]);
}

/** A warning line: the yellow mark and the message. */
export function warningLine(out: Out, tr: Translator, message: Message): string {
  return `${paint(out, 'yellow', '⚠')} ${tr.tm(message)}`;
}

export function formatCheck(out: Out, tr: Translator, e: CheckEvent): string {
  const time =
    e.durationMs !== undefined ? ' ' + paint(out, 'dim', tr.t('cli.check.duration', { ms: e.durationMs })) : '';
  const detailText = e.detail ? tr.tm(e.detail) : '';
  const detail = detailText ? `\n      ${paint(out, 'dim', detailText)}` : '';
  return `  ${mark(out, e.status)} ${tr.tm(e.title)}${time}${detail}\n`;
}

function formatFinding(out: Out, tr: Translator, f: Finding): string {
  const where = f.location ? paint(out, 'dim', ` [${formatLocation(f.location)}]`) : '';
  return `  ${mark(out, f.severity === 'ok' ? 'ok' : f.severity)} ${tr.tm(f.summary)}${where}\n`;
}

export function formatVerdict(out: Out, tr: Translator, report: DiagnosisReport, command: string): string {
  const r = report.recommendation;
  const lines: string[] = [];
  const problems = report.findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
  if (problems.length) {
    lines.push('', paint(out, 'bold', tr.t('cli.verdict.findings')));
    for (const f of problems) lines.push(formatFinding(out, tr, f).trimEnd());
  }
  lines.push(
    '',
    paint(out, 'bold', tr.t('cli.verdict.title', { fix: fixTitle(tr, r.fix) })) +
      paint(out, 'dim', '  ' + tr.t('cli.verdict.rule', { rule: r.rule })),
  );
  lines.push(`  ${tr.tm(r.headline)}`);
  if (r.proxyUrl) lines.push(`  ${tr.t('cli.verdict.proxy', { url: r.proxyUrl })}`);
  lines.push(`  ${tr.t('cli.verdict.why')}`);
  for (const reason of r.reasons) lines.push(`    - ${tr.tm(reason)}`);
  for (const w of r.warnings) lines.push(`  ${warningLine(out, tr, w)}`);
  const fixName = r.fix === 'fix-proxy' ? (r.proxyUrl ? 'use-proxy' : null) : isApplicableFix(r.fix) ? r.fix : null;
  if (fixName) {
    const proxyArg = r.proxyUrl && fixName === 'use-proxy' ? ` --proxy ${r.proxyUrl}` : '';
    const loginArg = r.proxyLogin ? ' --proxy-user NAME' : '';
    const commandLine = `${command} fix ${fixName}${proxyArg}${loginArg}`;
    lines.push(`  ${tr.t(r.proxyLogin ? 'cli.verdict.preview-login' : 'cli.verdict.preview', { commandLine })}`);
  }
  if (r.rule === 'R10-untrusted-certificate' && r.fix === 'no-network') {
    lines.push(`  ${tr.t('cli.verdict.trust-ca', { commandLine: `${command} fix trust-ca --ca-file PATH` })}`);
  }
  if (r.alternatives.length) {
    lines.push(`  ${tr.t('cli.verdict.alternatives')}`);
    for (const a of r.alternatives)
      lines.push(`    - ${tr.t('cli.verdict.alternative', { fix: fixTitle(tr, a.fix), reason: a.reason })}`);
  }
  const done = { seconds: (report.durationMs / 1000).toFixed(1) };
  lines.push(paint(out, 'dim', '\n' + tr.t(report.cancelled ? 'cli.done-cancelled' : 'cli.done', done)));
  return lines.join('\n') + '\n';
}
