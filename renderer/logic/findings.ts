// What the Findings step shows: the cause in plain words first, then the evidence, then details.
import { msg, type Message, type MessageId } from '../../shared/i18n/message.ts';
import type { DiagnosisReport, Finding, ProbeResult, Recommendation } from '../../shared/types.ts';
import { fixOutcome, type ProviderKind, type WebSocketFix } from './fix-options.ts';
import { SEVERITY_ORDER } from './format.ts';

export interface FindingsView {
  headline: Message;
  evidence: Message[];
  /**
   * Findings that matter (warnings and problems first) and that the cause's evidence does not
   * already say; "ok" ones are left for the details.
   */
  findings: Finding[];
  okFindings: Finding[];
  probes: ProbeResult[];
  partial: boolean;
  /** One sentence that says what the next step will offer. */
  nextStep: Message;
}

/** A finding whose every evidence line is already listed under the cause would say the same failure twice. */
function repeatsCause(finding: Finding, causeEvidence: readonly Message[]): boolean {
  const cause = new Set(causeEvidence.map(messageKey));
  return finding.evidence.length > 0 && finding.evidence.every((line) => cause.has(messageKey(line)));
}

/** Two messages say the same when their id and parameters are the same. */
function messageKey(m: Message): string {
  return JSON.stringify(m);
}

const RECOMMENDED_NEXT: Record<WebSocketFix, MessageId> = {
  'disable-websockets': 'app.next.recommended.disable-websockets',
  'use-proxy': 'app.next.recommended.use-proxy',
  'enable-tun': 'app.next.recommended.enable-tun',
};

export function findingsView(report: DiagnosisReport): FindingsView {
  const sorted = [...report.findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  const evidence =
    report.recommendation.evidence.length > 0 ? report.recommendation.evidence : report.recommendation.reasons;
  return {
    headline: report.recommendation.headline,
    evidence,
    findings: sorted.filter((f) => f.severity !== 'ok' && !repeatsCause(f, report.recommendation.evidence)),
    okFindings: sorted.filter((f) => f.severity === 'ok'),
    probes: report.probes,
    partial: report.cancelled,
    nextStep: nextStepText(report.recommendation, report.codex.provider),
  };
}

/** Names the fix the next step will recommend, so the user knows where the wizard is heading. */
export function nextStepText(rec: Recommendation, provider?: ProviderKind): Message {
  const outcome = fixOutcome(rec, provider);
  switch (outcome.kind) {
    case 'no-fix-needed':
      return msg('app.next.no-fix');
    case 'not-websocket':
      return msg('app.next.not-websocket', { title: outcome.title });
    case 'choose': {
      const card = outcome.cards.find((c) => c.recommended);
      return msg(card ? RECOMMENDED_NEXT[card.fix] : 'app.next.compare');
    }
  }
}

export function locationText(finding: Finding): string | null {
  const loc = finding.location;
  if (!loc) return null;
  return [loc.file, loc.line, loc.column].filter((part) => part !== undefined).join(':');
}
