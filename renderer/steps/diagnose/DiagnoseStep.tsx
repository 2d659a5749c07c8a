import { useEffect, useRef } from 'react';
import { ErrorNotice, StatusBadge } from '../../components/common.tsx';
import { formatDuration, shortCheckDetail } from '../../logic/format.ts';
import { useSlice, useStores } from '../../store-context.tsx';

export function DiagnoseStep() {
  const stores = useStores();
  const { status, checks, error, report } = useSlice((s) => s.diagnosis, (s) => s);
  const profile = useSlice((s) => s.setup, (s) => s.profile);
  const running = status === 'running';
  const runAgain = () => void stores.diagnosis.getState().run(profile);
  const nextAction = useRef<HTMLButtonElement>(null);
  // The Cancel button disappears when the run ends; keyboard focus must not fall back to the page.
  useEffect(() => {
    if (!running && (document.activeElement === document.body || document.activeElement === null)) {
      nextAction.current?.focus();
    }
  }, [running]);
  return (
    <>
      <div aria-live="polite" role="status">
        {running && <p className="lead">Checking… each check appears as it runs.</p>}
        {status === 'done' && <p className="lead">Finished in {formatDuration(report?.durationMs)}.</p>}
      </div>
      {status === 'cancelled' && (
        <div className="notice notice-warning" role="alert">
          <p className="notice-title">Diagnosis cancelled after {formatDuration(report?.durationMs)}: the results below are partial.</p>
          <p>
            <strong>What to do next:</strong> run the diagnosis again and let it finish (a check waits up to its time-out
            when the network stalls), or look at what was found so far.
          </p>
        </div>
      )}
      <ol className="checks" aria-label="Checks" aria-live="polite" aria-relevant="additions text">
        {checks.map((c) => (
          <li key={c.id} className={`check check-${c.status}`}>
            <StatusBadge status={c.status} />
            <span className="check-title">{c.title}</span>
            <span className="check-time">{formatDuration(c.durationMs)}</span>
            {c.detail && <span className="check-detail">{shortCheckDetail(c.detail)}</span>}
          </li>
        ))}
      </ol>
      {error && (
        <ErrorNotice
          error={error}
          action={
            <button type="button" onClick={runAgain}>
              Run the diagnosis again
            </button>
          }
        />
      )}
      <div className="button-row step-actions">
        {running ? (
          <button type="button" onClick={() => void stores.diagnosis.getState().cancel()}>
            Cancel
          </button>
        ) : (
          <>
            <button type="button" onClick={() => stores.wizard.getState().goTo('start')}>
              Back
            </button>
            {status !== 'error' && (
              <button type="button" onClick={runAgain} ref={report ? undefined : nextAction} className={status === 'cancelled' ? 'primary' : ''}>
                Run again
              </button>
            )}
            {report && (
              <button
                type="button"
                ref={nextAction}
                className={status === 'cancelled' ? '' : 'primary'}
                onClick={() => stores.wizard.getState().goTo('findings')}
              >
                {status === 'cancelled' ? 'See the partial findings' : 'See what was found'}
              </button>
            )}
          </>
        )}
      </div>
    </>
  );
}
