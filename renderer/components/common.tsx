// Small building blocks shared by the steps.
import type { ReactNode } from 'react';
import type { IpcError, ReportFormat } from '../../shared/ipc.ts';
import type { CheckEvent, Severity } from '../../shared/types.ts';
import { useText } from '../i18n.tsx';
import { SEVERITY_LABEL, STATUS_LABEL } from '../logic/format.ts';
import { useSlice, useStores } from '../store-context.tsx';

export function ErrorNotice({ error, action }: { error: IpcError; action?: ReactNode }) {
  const { t, tm } = useText();
  return (
    <div className="notice notice-error" role="alert">
      <p className="notice-title">{tm(error.message)}</p>
      <p>
        <strong>{t('app.what-next')}</strong> {tm(error.hint)}
      </p>
      {action}
    </div>
  );
}

const STATUS_ICON: Record<CheckEvent['status'], string> = {
  running: '…',
  ok: '✓',
  warning: '!',
  error: '✕',
  skipped: '–',
};

export function StatusBadge({ status }: { status: CheckEvent['status'] }) {
  const { t } = useText();
  return (
    <span className={`badge badge-${status}`}>
      <span aria-hidden="true">{STATUS_ICON[status]}</span> {t(STATUS_LABEL[status])}
    </span>
  );
}

const SEVERITY_STATUS: Record<Severity, CheckEvent['status']> = {
  ok: 'ok',
  info: 'skipped',
  warning: 'warning',
  error: 'error',
};

export function SeverityBadge({ severity }: { severity: Severity }) {
  const { t } = useText();
  return (
    <span className={`badge badge-${SEVERITY_STATUS[severity]}`}>
      <span aria-hidden="true">{STATUS_ICON[SEVERITY_STATUS[severity]]}</span> {t(SEVERITY_LABEL[severity])}
    </span>
  );
}

export function ReportActions() {
  const stores = useStores();
  const { t, tm, lang } = useText();
  const { status, message, error } = useSlice(
    (s) => s.report,
    (s) => s,
  );
  const busy = status === 'busy';
  // The Markdown report is written in the language the app speaks now.
  const act = (kind: 'copy' | 'save', format: ReportFormat) => () => void stores.report.getState()[kind](format, lang);
  return (
    <section className="report-actions" aria-labelledby="report-actions-title">
      <h2 id="report-actions-title" className="h3">
        {t('app.report.title')}
      </h2>
      <p className="muted">{t('app.report.intro')}</p>
      <div className="button-row">
        <button type="button" onClick={act('copy', 'markdown')} disabled={busy}>
          {t('app.report.copy-markdown')}
        </button>
        <button type="button" onClick={act('copy', 'json')} disabled={busy}>
          {t('app.report.copy-json')}
        </button>
        <button type="button" onClick={act('save', 'markdown')} disabled={busy}>
          {t('app.report.save-markdown')}
        </button>
        <button type="button" onClick={act('save', 'json')} disabled={busy}>
          {t('app.report.save-json')}
        </button>
      </div>
      <div aria-live="polite">{message && <p className="muted">{tm(message)}</p>}</div>
      {error && <ErrorNotice error={error} />}
    </section>
  );
}

export function ExternalLink({ url, children }: { url: string; children: ReactNode }) {
  const { t } = useText();
  const open = useSlice(
    (s) => s.links,
    (s) => s.open,
  );
  return (
    <button type="button" className="link-button" onClick={() => void open(url)}>
      {children}
      <span className="visually-hidden">{t('app.link.opens-in-browser')}</span>
    </button>
  );
}
