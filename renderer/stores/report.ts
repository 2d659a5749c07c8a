// Copying or saving the redacted report, in the app's language.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DoctorApi, IpcError, ReportFormat } from '../../shared/ipc.ts';
import type { Locale } from '../../shared/i18n/locale.ts';
import { msg, type Message, type MessageId } from '../../shared/i18n/message.ts';
import { call } from './call.ts';

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
