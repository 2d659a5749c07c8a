// The fix the user chose: its preview, applying it, and undoing it from the wizard.
import type { Locale } from '../../shared/i18n/locale.ts';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DoctorApi, IpcError } from '../../shared/ipc.ts';
import { proxyUrlProblem } from '../../shared/ipc.ts';
import { msg, type Message } from '../../shared/i18n/message.ts';
import type { ApplyResult, RevertMode } from '../../shared/service.ts';
import type { ApplicableFix, FixPlan, RevertOutcome } from '../../shared/types.ts';
import { call } from './call.ts';
import { requestRevert } from './revert.ts';

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
  /** `lang`: the language of the CA-file dialog main may open (trust-ca). */
  preview(
    profile: string | null,
    proxyPassword?: string,
    opts?: { pickCaFile?: boolean; lang?: Locale },
  ): Promise<boolean>;
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
        ...(selected === 'trust-ca' && opts?.pickCaFile
          ? { pickCaFile: true, ...(opts.lang ? { lang: opts.lang } : {}) }
          : {}),
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
      const ending = await requestRevert(api, applied.changeId, mode);
      if (ending.status === 'error') set({ status: 'error', error: ending.error });
      else set({ status: ending.status, revertOutcome: ending.outcome });
    },
    reset: () => set({ ...initial }),
  }));
}
