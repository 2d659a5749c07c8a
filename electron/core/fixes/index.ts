// The fix engine's public API, shared by the command line and the app's main process.
// PlannedFix.edits hold file bytes and stay main-side; only PlannedFix.plan goes to a renderer.
import type { ApplicableFix, HistoryItem } from '../../../shared/types.ts';
import { planDisableWebsockets } from './disable-websockets.ts';
import { planEnableTun } from './enable-tun.ts';
import { listHistory as readHistory, getJournalDir } from './journal.ts';
import type { FixContext, PlannedFix } from './plan.ts';
import { planRepairConfig } from './repair-config.ts';
import { planUseProxy } from './use-proxy.ts';
import { planTrustCa } from './trust-ca.ts';

export { applyPlan, type ApplyOptions } from './apply.ts';
export { revertChange, type RevertMode, type RevertOptions } from './revert.ts';
export { getJournalDir } from './journal.ts';
export {
  FixError,
  type FixContext,
  type PlannedEdit,
  type PlannedFix,
  type ProbeProxy,
  type ProxyProbeResult,
  type SetClashTun,
} from './plan.ts';
export { proxyToWrite } from './use-proxy.ts';
export { CA_BUNDLE_NAME } from './trust-ca.ts';

export async function planFix(fix: ApplicableFix, ctx: FixContext): Promise<PlannedFix> {
  switch (fix) {
    case 'disable-websockets':
      return planDisableWebsockets(ctx);
    case 'use-proxy':
      return planUseProxy(ctx);
    case 'enable-tun':
      return planEnableTun(ctx);
    case 'repair-config':
      return planRepairConfig(ctx);
    case 'trust-ca':
      return planTrustCa(ctx);
    default: {
      const never: never = fix;
      throw new Error(`unknown fix ${String(never)}`);
    }
  }
}

/** Every journaled change, newest first. */
export function listHistory(journalDir: string = getJournalDir()): HistoryItem[] {
  return readHistory(journalDir);
}
