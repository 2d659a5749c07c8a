// What the Findings step shows: the cause in plain words first, then the evidence, then details.
import type { DiagnosisReport, Finding, ProbeResult } from '../../shared/types.ts';
import { SEVERITY_ORDER } from './format.ts';

export interface FindingsView {
  headline: string;
  evidence: string[];
  /** Findings that matter (warnings and problems first); "ok" ones are left for the details. */
  findings: Finding[];
  okFindings: Finding[];
  probes: ProbeResult[];
  partial: boolean;
}

export function findingsView(report: DiagnosisReport): FindingsView {
  const sorted = [...report.findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  return {
    headline: report.recommendation.headline,
    evidence: report.recommendation.evidence.length > 0 ? report.recommendation.evidence : report.recommendation.reasons,
    findings: sorted.filter((f) => f.severity !== 'ok'),
    okFindings: sorted.filter((f) => f.severity === 'ok'),
    probes: report.probes,
    partial: report.cancelled,
  };
}

export function locationText(finding: Finding): string | null {
  const loc = finding.location;
  if (!loc) return null;
  return [loc.file, loc.line, loc.column].filter((part) => part !== undefined).join(':');
}
