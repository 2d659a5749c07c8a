// Terminal output: marks, colours (only on a TTY and without NO_COLOR) and plain-words layout.
import type { CheckEvent, DiagnosisReport, Finding } from '../../shared/types.ts';
import { isApplicableFix } from '../../shared/types.ts';
import { FIX_TITLES } from '../../shared/recommend.ts';
import { formatLocation } from '../../shared/format.ts';

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

export function formatCheck(out: Out, e: CheckEvent): string {
  const time = e.durationMs !== undefined ? paint(out, 'dim', ` (${e.durationMs} ms)`) : '';
  const detail = e.detail ? `\n      ${paint(out, 'dim', e.detail)}` : '';
  return `  ${mark(out, e.status)} ${e.title}${time}${detail}\n`;
}

function formatFinding(out: Out, f: Finding): string {
  const where = f.location
    ? paint(out, 'dim', ` [${formatLocation(f.location)}]`)
    : '';
  return `  ${mark(out, f.severity === 'ok' ? 'ok' : f.severity)} ${f.summary}${where}\n`;
}

export function formatVerdict(out: Out, report: DiagnosisReport, command: string): string {
  const r = report.recommendation;
  const lines: string[] = [];
  const problems = report.findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
  if (problems.length) {
    lines.push('', paint(out, 'bold', 'Findings'));
    for (const f of problems) lines.push(formatFinding(out, f).trimEnd());
  }
  lines.push('', paint(out, 'bold', `Verdict: ${FIX_TITLES[r.fix]}`) + paint(out, 'dim', `  (rule ${r.rule})`));
  lines.push(`  ${r.headline}`);
  if (r.proxyUrl) lines.push(`  Proxy: ${r.proxyUrl}`);
  lines.push('  Why:');
  for (const reason of r.reasons) lines.push(`    - ${reason}`);
  for (const w of r.warnings) lines.push(`  ${paint(out, 'yellow', '⚠')} ${w}`);
  const fixName = r.fix === 'fix-proxy' ? (r.proxyUrl ? 'use-proxy' : null) : isApplicableFix(r.fix) ? r.fix : null;
  if (fixName) {
    const proxyArg = r.proxyUrl && fixName === 'use-proxy' ? ` --proxy ${r.proxyUrl}` : '';
    const loginArg = r.proxyLogin ? ' --proxy-user NAME' : '';
    const asks = r.proxyLogin ? 'asks for the password, checks the login, shows the diff, asks before writing' : 'shows the diff, asks before writing';
    lines.push(`  Preview the change: ${command} fix ${fixName}${proxyArg}${loginArg}  (${asks})`);
  }
  if (r.rule === 'R10-untrusted-certificate' && r.fix === 'no-network') {
    lines.push(`  With the CA file from IT: ${command} fix trust-ca --ca-file PATH  (checks it against the certificate, shows the diff, asks before writing)`);
  }
  if (r.alternatives.length) {
    lines.push('  Alternatives:');
    for (const a of r.alternatives) lines.push(`    - ${FIX_TITLES[a.fix]}: ${a.reason}`);
  }
  lines.push(paint(out, 'dim', `\nDone in ${(report.durationMs / 1000).toFixed(1)} s.${report.cancelled ? ' Cancelled: results are partial.' : ''}`));
  return lines.join('\n') + '\n';
}
