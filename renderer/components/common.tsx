// Small building blocks shared by the steps.
import type { ReactNode } from 'react';
import type { IpcError, ReportFormat } from '../../shared/ipc.ts';
import type { CheckEvent, Severity } from '../../shared/types.ts';
import { SEVERITY_LABEL, STATUS_LABEL } from '../logic/format.ts';
import { useSlice, useStores } from '../store-context.tsx';

export function ErrorNotice({ error, action }: { error: IpcError; action?: ReactNode }) {
  return (
    <div className="notice notice-error" role="alert">
      <p className="notice-title">{error.message}</p>
      <p>
        <strong>What to do next:</strong> {error.hint}
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
  return (
    <span className={`badge badge-${status}`}>
      <span aria-hidden="true">{STATUS_ICON[status]}</span> {STATUS_LABEL[status]}
    </span>
  );
}

const SEVERITY_STATUS: Record<Severity, CheckEvent['status']> = { ok: 'ok', info: 'skipped', warning: 'warning', error: 'error' };

export function SeverityBadge({ severity }: { severity: Severity }) {
  return (
    <span className={`badge badge-${SEVERITY_STATUS[severity]}`}>
      <span aria-hidden="true">{STATUS_ICON[SEVERITY_STATUS[severity]]}</span> {SEVERITY_LABEL[severity]}
    </span>
  );
}

export function ReportActions() {
  const stores = useStores();
  const { status, message, error } = useSlice((s) => s.report, (s) => s);
  const busy = status === 'busy';
  const act = (kind: 'copy' | 'save', format: ReportFormat) => () => void stores.report.getState()[kind](format);
  return (
    <section className="report-actions" aria-labelledby="report-actions-title">
      <h2 id="report-actions-title" className="h3">Share a redacted report</h2>
      <p className="muted">For a support thread. Keys, tokens and proxy passwords are removed.</p>
      <div className="button-row">
        <button type="button" onClick={act('copy', 'markdown')} disabled={busy}>Copy as Markdown</button>
        <button type="button" onClick={act('copy', 'json')} disabled={busy}>Copy as JSON</button>
        <button type="button" onClick={act('save', 'markdown')} disabled={busy}>Save Markdown…</button>
        <button type="button" onClick={act('save', 'json')} disabled={busy}>Save JSON…</button>
      </div>
      <div aria-live="polite">{message && <p className="muted">{message}</p>}</div>
      {error && <ErrorNotice error={error} />}
    </section>
  );
}

export function ExternalLink({ url, children }: { url: string; children: ReactNode }) {
  const open = useSlice((s) => s.links, (s) => s.open);
  return (
    <button type="button" className="link-button" onClick={() => void open(url)}>
      {children}
      <span className="visually-hidden"> (opens in your browser)</span>
    </button>
  );
}
