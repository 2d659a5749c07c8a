// The renderer's state: one zustand store per concern. Every call to window.doctor happens in
// an action here; components only read state and call actions.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DoctorApi, IpcError, ReportFormat, Result } from '../../shared/ipc.ts';
import { proxyUrlProblem } from '../../shared/ipc.ts';
import type { Locale } from '../../shared/i18n/locale.ts';
import { msg, type Message, type MessageId } from '../../shared/i18n/message.ts';
import type { ApplyResult, RevertMode, SetupSummary } from '../../shared/service.ts';
import type {
  ApplicableFix,
  CheckEvent,
  DiagnosisReport,
  FixPlan,
  HistoryItem,
  RevertConflict,
  RevertOutcome,
} from '../../shared/types.ts';

export type WizardStep = 'start' | 'diagnose' | 'findings' | 'choose' | 'preview' | 'apply' | 'done';
export const WIZARD_STEPS: { id: WizardStep; label: MessageId }[] = [
  { id: 'start', label: 'app.step.start' },
  { id: 'diagnose', label: 'app.step.diagnose' },
  { id: 'findings', label: 'app.step.findings' },
  { id: 'choose', label: 'app.step.choose' },
  { id: 'preview', label: 'app.step.preview' },
  { id: 'apply', label: 'app.step.apply' },
  { id: 'done', label: 'app.step.done' },
];

const NO_API: IpcError = {
  message: msg('app.error.no-main'),
  hint: msg('app.error.no-main-hint'),
};

async function call<T>(promise: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await promise();
  } catch {
    return { ok: false, error: NO_API };
  }
}

// ---------------------------------------------------------------- wizard

export interface WizardState {
  page: 'wizard' | 'history';
  step: WizardStep;
  goTo(step: WizardStep): void;
  showPage(page: 'wizard' | 'history'): void;
}

export function createWizardStore(): StoreApi<WizardState> {
  return createStore<WizardState>((set) => ({
    page: 'wizard',
    step: 'start',
    goTo: (step) => set({ step, page: 'wizard' }),
    showPage: (page) => set({ page }),
  }));
}

// ---------------------------------------------------------------- setup

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

// ---------------------------------------------------------------- diagnosis

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

// ---------------------------------------------------------------- fix

export interface FixState {
  status:
    'idle' | 'previewing' | 'previewed' | 'applying' | 'applied' | 'reverting' | 'reverted' | 'conflict' | 'error';
  selected: ApplicableFix | null;
  proxyUrl: string;
  proxyUrlError: Message | null;
  /** The proxy's user name, when it wants a login. (The password is never kept here: the step passes it to preview.) */
  proxyUser: string;
  plan: FixPlan | null;
  applied: ApplyResult | null;
  revertOutcome: RevertOutcome | null;
  error: IpcError | null;
  select(fix: ApplicableFix, proxyUrl?: string): void;
  setProxyUrl(text: string): void;
  setProxyUser(text: string): void;
  /** `proxyPassword`: for a proxy that wants a login; sent with this one request and not kept. */
  preview(profile: string | null, proxyPassword?: string, opts?: { pickCaFile?: boolean }): Promise<boolean>;
  apply(): Promise<boolean>;
  revert(mode?: RevertMode): Promise<void>;
  reset(): void;
}

/** Errors after which the preview must be made again before anything can be applied. */
export function isStalePlan(error: IpcError | null): boolean {
  return error?.code === 'changed-since-plan' || error?.code === 'plan-expired';
}

export function createFixStore(api: DoctorApi): StoreApi<FixState> {
  const initial = {
    status: 'idle' as const,
    selected: null,
    proxyUrl: '',
    proxyUrlError: null,
    proxyUser: '',
    plan: null,
    applied: null,
    revertOutcome: null,
    error: null,
  };
  return createStore<FixState>((set, get) => ({
    ...initial,
    select: (fix, proxyUrl) =>
      set({
        selected: fix,
        proxyUrl: proxyUrl ?? get().proxyUrl,
        proxyUrlError: null,
        plan: null,
        error: null,
        status: 'idle',
      }),
    setProxyUrl: (text) => set({ proxyUrl: text, proxyUrlError: null }),
    setProxyUser: (text) => set({ proxyUser: text, proxyUrlError: null }),
    async preview(profile, proxyPassword, opts) {
      const { selected, proxyUrl, proxyUser } = get();
      if (!selected) return false;
      let request: Parameters<DoctorApi['previewFix']>[0] = {
        fix: selected,
        profile,
        ...(selected === 'trust-ca' && opts?.pickCaFile ? { pickCaFile: true } : {}),
      };
      if (selected === 'use-proxy') {
        const problem = proxyUrl.trim() ? proxyUrlProblem(proxyUrl) : msg('app.proxy.url-missing');
        if (problem) {
          set({ proxyUrlError: problem });
          return false;
        }
        request = { ...request, proxyUrl: proxyUrl.trim() };
        if (proxyPassword !== undefined) {
          if (!proxyUser.trim()) {
            set({ proxyUrlError: msg('app.proxy.user-missing') });
            return false;
          }
          request = { ...request, proxyLogin: { user: proxyUser.trim(), password: proxyPassword } };
        }
      }
      set({ status: 'previewing', error: null, plan: null });
      const result = await call(() => api.previewFix(request));
      if (result.ok) set({ status: 'previewed', plan: result.data });
      else set({ status: 'error', error: result.error });
      return result.ok;
    },
    async apply() {
      const { plan } = get();
      if (!plan) return false;
      set({ status: 'applying', error: null });
      const result = await call(() => api.applyFix({ planId: plan.planId }));
      if (result.ok) set({ status: 'applied', applied: result.data });
      // A stale or forgotten preview cannot be applied again: only a fresh preview can.
      else set({ status: 'error', error: result.error, plan: isStalePlan(result.error) ? null : plan });
      return result.ok;
    },
    async revert(mode) {
      const { applied } = get();
      if (!applied) return;
      set({ status: 'reverting', error: null });
      const result = await call(() => api.revertChange({ changeId: applied.changeId, ...(mode ? { mode } : {}) }));
      if (!result.ok) set({ status: 'error', error: result.error });
      else if (result.data.status === 'conflict') set({ status: 'conflict', revertOutcome: result.data });
      else set({ status: 'reverted', revertOutcome: result.data });
    },
    reset: () => set({ ...initial }),
  }));
}

// ---------------------------------------------------------------- history

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
      const result = await call(() => api.revertChange({ changeId, ...(mode ? { mode } : {}) }));
      set({ revertingId: null });
      if (!result.ok) {
        set({ error: result.error });
        return;
      }
      if (result.data.status === 'conflict') {
        set({ conflict: { changeId, conflicts: result.data.conflicts } });
        return;
      }
      set({
        conflict: null,
        message:
          mode === 'keep'
            ? msg('app.history.kept')
            : result.data.files.length > 0
              ? msg('app.history.reverted-files', { files: result.data.files })
              : msg('app.history.reverted-nothing'),
      });
      await get().load();
    },
    dismissConflict: () => set({ conflict: null }),
  }));
}

// ---------------------------------------------------------------- report

export interface ReportState {
  status: 'idle' | 'busy' | 'done' | 'error';
  message: Message | null;
  error: IpcError | null;
  /** `lang`: the language the Markdown report is written in (the app's current one). */
  copy(format: ReportFormat, lang?: Locale): Promise<void>;
  save(format: ReportFormat, lang?: Locale): Promise<void>;
}

const COPIED: Record<ReportFormat, MessageId> = {
  markdown: 'app.report.copied-markdown',
  json: 'app.report.copied-json',
};

export function createReportStore(api: DoctorApi): StoreApi<ReportState> {
  return createStore<ReportState>((set) => ({
    status: 'idle',
    message: null,
    error: null,
    async copy(format, lang) {
      set({ status: 'busy', message: null, error: null });
      const result = await call(() => api.copyReport({ format, ...(lang ? { lang } : {}) }));
      if (result.ok) set({ status: 'done', message: msg(COPIED[format]) });
      else set({ status: 'error', error: result.error });
    },
    async save(format, lang) {
      set({ status: 'busy', message: null, error: null });
      const result = await call(() => api.saveReport({ format, ...(lang ? { lang } : {}) }));
      if (!result.ok) set({ status: 'error', error: result.error });
      else if (!result.data.saved) set({ status: 'idle', message: msg('app.report.not-saved') });
      // Browser mode: the page downloaded it, and the browser chose where it went.
      else if (result.data.downloaded)
        set({ status: 'done', message: msg('app.web.report-downloaded', { name: result.data.fileName ?? '' }) });
      else set({ status: 'done', message: msg('app.report.saved', { fileName: result.data.fileName ?? '' }) });
    },
  }));
}

// ---------------------------------------------------------------- links

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

// ---------------------------------------------------------------- all

export interface AppStores {
  wizard: StoreApi<WizardState>;
  setup: StoreApi<SetupState>;
  diagnosis: StoreApi<DiagnosisState>;
  fix: StoreApi<FixState>;
  history: StoreApi<HistoryState>;
  report: StoreApi<ReportState>;
  links: StoreApi<LinkState>;
}

export function createAppStores(api: DoctorApi): AppStores {
  return {
    wizard: createWizardStore(),
    setup: createSetupStore(api),
    diagnosis: createDiagnosisStore(api),
    fix: createFixStore(api),
    history: createHistoryStore(api),
    report: createReportStore(api),
    links: createLinkStore(api),
  };
}
