// The Codex setup the start page shows, for the profile the user chose.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DoctorApi, IpcError } from '../../shared/ipc.ts';
import type { SetupSummary } from '../../shared/service.ts';
import { call } from './call.ts';

export interface SetupState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  setup: SetupSummary | null;
  /** The profile the user chose; null = the default config.toml. */
  profile: string | null;
  error: IpcError | null;
  load(): Promise<void>;
  chooseProfile(profile: string | null): Promise<void>;
}

export function createSetupStore(api: DoctorApi): StoreApi<SetupState> {
  return createStore<SetupState>((set, get) => ({
    status: 'idle',
    setup: null,
    profile: null,
    error: null,
    async load() {
      set({ status: 'loading', error: null });
      const result = await call(() => api.getSetup({ profile: get().profile }));
      if (result.ok) set({ status: 'ready', setup: result.data });
      else set({ status: 'error', error: result.error });
    },
    async chooseProfile(profile) {
      set({ profile });
      await get().load();
    },
  }));
}
