// Undoing a change, as the wizard's last step and the History page both ask for it: one request,
// and its three endings (refused, a conflict for the user to settle, reverted).
import type { DoctorApi, IpcError } from '../../shared/ipc.ts';
import type { RevertMode } from '../../shared/service.ts';
import type { RevertOutcome } from '../../shared/types.ts';
import { call } from './call.ts';

export type RevertEnding =
  | { status: 'error'; error: IpcError }
  | { status: 'conflict'; outcome: Extract<RevertOutcome, { status: 'conflict' }> }
  | { status: 'reverted'; outcome: Extract<RevertOutcome, { status: 'reverted' }> };

/** `mode`: strict (the default, left out of the request), remove the fix's lines, or keep the file as it is. */
export async function requestRevert(api: DoctorApi, changeId: string, mode?: RevertMode): Promise<RevertEnding> {
  const result = await call(() => api.revertChange({ changeId, ...(mode ? { mode } : {}) }));
  if (!result.ok) return { status: 'error', error: result.error };
  return result.data.status === 'conflict'
    ? { status: 'conflict', outcome: result.data }
    : { status: 'reverted', outcome: result.data };
}
