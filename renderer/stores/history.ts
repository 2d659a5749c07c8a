// The History page: the journaled changes, and undoing one of them.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DoctorApi, IpcError } from '../../shared/ipc.ts';
import { msg, type Message } from '../../shared/i18n/message.ts';
import type { RevertMode } from '../../shared/service.ts';
import type { HistoryItem, RevertConflict } from '../../shared/types.ts';
import { call } from './call.ts';
import { requestRevert } from './revert.ts';

export interface HistoryState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  items: HistoryItem[];
  error: IpcError | null;
  revertingId: string | null;
  /** A revert that found the file changed since the fix: the user chooses what to do. */
  conflict: { changeId: string; conflicts: RevertConflict[] } | null;
  message: Message | null;
  load(): Promise<void>;
  revert(changeId: string, mode?: RevertMode): Promise<void>;
  dismissConflict(): void;
}

export function createHistoryStore(api: DoctorApi): StoreApi<HistoryState> {
  return createStore<HistoryState>((set, get) => ({
    status: 'idle',
    items: [],
    error: null,
    revertingId: null,
    conflict: null,
    message: null,
    async load() {
      set({ status: 'loading', error: null });
      const result = await call(() => api.listHistory({}));
      if (result.ok) set({ status: 'ready', items: result.data });
      else set({ status: 'error', error: result.error });
    },
    async revert(changeId, mode) {
      set({ revertingId: changeId, error: null, message: null });
      const ending = await requestRevert(api, changeId, mode);
      set({ revertingId: null });
      if (ending.status === 'error') {
        set({ error: ending.error });
        return;
      }
      if (ending.status === 'conflict') {
        set({ conflict: { changeId, conflicts: ending.outcome.conflicts } });
        return;
      }
      const { files } = ending.outcome;
      set({
        conflict: null,
        message:
          mode === 'keep'
            ? msg('app.history.kept')
            : files.length > 0
              ? msg('app.history.reverted-files', { files })
              : msg('app.history.reverted-nothing'),
      });
      await get().load();
    },
    dismissConflict: () => set({ conflict: null }),
  }));
}
