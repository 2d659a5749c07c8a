// Before/after rows for the Apply and verify step, matched by check id.
import type { Message, MessageId } from '../../shared/i18n/message.ts';
import type { CheckEvent, DiagnosisReport } from '../../shared/types.ts';

export interface CompareRow {
  id: string;
  title: Message;
  before: CheckEvent['status'] | null;
  after: CheckEvent['status'] | null;
  /** True when the check went from a problem to OK. */
  improved: boolean;
  /** True when the check went from OK to a problem. */
  worsened: boolean;
}

const GOOD = new Set<CheckEvent['status']>(['ok']);
const BAD = new Set<CheckEvent['status']>(['warning', 'error']);

export function compareChecks(before: DiagnosisReport | null, after: DiagnosisReport): CompareRow[] {
  const rows = new Map<string, CompareRow>();
  for (const check of before?.checks ?? []) {
    rows.set(check.id, {
      id: check.id,
      title: check.title,
      before: check.status,
      after: null,
      improved: false,
      worsened: false,
    });
  }
  for (const check of after.checks) {
    const row = rows.get(check.id) ?? {
      id: check.id,
      title: check.title,
      before: null,
      after: null,
      improved: false,
      worsened: false,
    };
    row.after = check.status;
    rows.set(check.id, row);
  }
  for (const row of rows.values()) {
    row.improved = row.before !== null && BAD.has(row.before) && row.after !== null && GOOD.has(row.after);
    row.worsened = row.before !== null && GOOD.has(row.before) && row.after !== null && BAD.has(row.after);
  }
  return [...rows.values()];
}

export type VerifyVerdict = 'healthy' | 'improved' | 'still-failing';

/** Healthy when the diagnosis after the fix recommends nothing more. */
export function verifyVerdict(before: DiagnosisReport | null, after: DiagnosisReport): VerifyVerdict {
  if (after.recommendation.fix === 'none') return 'healthy';
  const rows = compareChecks(before, after);
  return rows.some((r) => r.improved) && !rows.some((r) => r.worsened) ? 'improved' : 'still-failing';
}

export const VERDICT_TEXT: Record<VerifyVerdict, MessageId> = {
  healthy: 'app.verify.healthy',
  improved: 'app.verify.improved',
  'still-failing': 'app.verify.still-failing',
};
