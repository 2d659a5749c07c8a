// Opening an allow-listed link in the user's browser.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DoctorApi, IpcError } from '../../shared/ipc.ts';
import { call } from './call.ts';

export interface LinkState {
  error: IpcError | null;
  open(url: string): Promise<void>;
}

export function createLinkStore(api: DoctorApi): StoreApi<LinkState> {
  return createStore<LinkState>((set) => ({
    error: null,
    async open(url) {
      const result = await call(() => api.openLink({ url }));
      set({ error: result.ok ? null : result.error });
    },
  }));
}
