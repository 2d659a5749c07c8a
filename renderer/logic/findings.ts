// What the Findings step shows: the cause in plain words first, then the evidence, then details.
import type { DiagnosisReport, Finding, ProbeResult, Recommendation } from '../../shared/types.ts';
import { fixOutcome, type ProviderKind } from './fix-options.ts';
import { SEVERITY_ORDER } from './format.ts';

export interface FindingsView {
  headline: string;
  evidence: string[];
  /**
   * Findings that matter (warnings and problems first) and that the cause's evidence does not
   * already say; "ok" ones are left for the details.
   */
  findings: Finding[];
  okFindings: Finding[];
  probes: ProbeResult[];
  partial: boolean;
  /** One sentence that says what the next step will offer. */
  nextStep: string;
}

/** A finding whose every evidence line is already listed under the cause would say the same failure twice. */
function repeatsCause(finding: Finding, causeEvidence: string[]): boolean {
  return finding.evidence.length > 0 && finding.evidence.every((line) => causeEvidence.includes(line));
}

export function findingsView(report: DiagnosisReport): FindingsView {
  const sorted = [...report.findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  const evidence = report.recommendation.evidence.length > 0 ? report.recommendation.evidence : report.recommendation.reasons;
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
export function nextStepText(rec: Recommendation, provider?: ProviderKind): string {
  const outcome = fixOutcome(rec, provider);
  switch (outcome.kind) {
    case 'no-fix-needed':
      return 'No fix is needed: Codex can already connect. The next step confirms it and still lets you look at the fixes.';
    case 'not-websocket':
      return `${outcome.title}. The next step says what to do; nothing is written without your consent.`;
    case 'choose': {
      const card = outcome.cards.find((c) => c.recommended);
      return card
        ? `Recommended: Fix #${card.number}, ${lowerFirst(card.title)}. The next step compares it with the other fixes; nothing is written until you preview and apply one.`
        : 'The next step compares the three fixes; nothing is written until you preview and apply one.';
    }
  }
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

export function locationText(finding: Finding): string | null {
  const loc = finding.location;
  if (!loc) return null;
  return [loc.file, loc.line, loc.column].filter((part) => part !== undefined).join(':');
}
