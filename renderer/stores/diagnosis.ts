// A diagnosis run: its checks as they arrive (progress events), its report, and cancelling it.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DoctorApi, IpcError } from '../../shared/ipc.ts';
import type { CheckEvent, DiagnosisReport } from '../../shared/types.ts';
import { call } from './call.ts';

export interface DiagnosisState {
  status: 'idle' | 'running' | 'done' | 'cancelled' | 'error';
  runId: string | null;
  checks: CheckEvent[];
  report: DiagnosisReport | null;
  error: IpcError | null;
  run(profile: string | null): Promise<void>;
  cancel(): Promise<void>;
  reset(): void;
}

let runCounter = 0;
function newRunId(): string {
  runCounter += 1;
  return `run-${Date.now().toString(36)}-${runCounter}`;
}

/** Replaces the event with the same id (a check going from running to its result) or appends. */
export function upsertCheck(checks: CheckEvent[], event: CheckEvent): CheckEvent[] {
  const index = checks.findIndex((c) => c.id === event.id);
  if (index === -1) return [...checks, event];
  const next = checks.slice();
  next[index] = event;
  return next;
}

export function createDiagnosisStore(api: DoctorApi): StoreApi<DiagnosisState> {
  const store = createStore<DiagnosisState>((set, get) => ({
    status: 'idle',
    runId: null,
    checks: [],
    report: null,
    error: null,
    async run(profile) {
      if (get().status === 'running') return;
      const runId = newRunId();
      set({ status: 'running', runId, checks: [], report: null, error: null });
      const result = await call(() => api.runDiagnosis({ runId, profile }));
      if (get().runId !== runId) return; // a newer run replaced this one
      if (result.ok) {
        set({
          status: result.data.cancelled ? 'cancelled' : 'done',
          report: result.data,
          // The report's list is authoritative: it holds checks whose events may have been missed.
          checks: result.data.checks.length > 0 ? result.data.checks : get().checks,
        });
      } else {
        set({ status: 'error', error: result.error });
      }
    },
    async cancel() {
      const { runId, status } = get();
      if (!runId || status !== 'running') return;
      await call(() => api.cancelDiagnosis({ runId }));
    },
    reset: () => set({ status: 'idle', runId: null, checks: [], report: null, error: null }),
  }));
  api.onProgress(({ runId, event }) => {
    const state = store.getState();
    if (state.status === 'running' && state.runId === runId) {
      store.setState({ checks: upsertCheck(state.checks, event) });
    }
  });
  return store;
}
