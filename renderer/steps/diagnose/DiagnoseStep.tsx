import { ErrorNotice, StatusBadge } from '../../components/common.tsx';
import { formatDuration } from '../../logic/format.ts';
import { useSlice, useStores } from '../../store-context.tsx';

export function DiagnoseStep() {
  const stores = useStores();
  const { status, checks, error, report } = useSlice((s) => s.diagnosis, (s) => s);
  const profile = useSlice((s) => s.setup, (s) => s.profile);
  const running = status === 'running';
  const runAgain = () => void stores.diagnosis.getState().run(profile);
  return (
    <>
      <p className="lead" aria-live="polite">
        {running && 'Checking… each check appears as it runs.'}
        {status === 'done' && `Finished in ${formatDuration(report?.durationMs)}.`}
        {status === 'cancelled' && 'Cancelled. The results below are partial.'}
      </p>
      <ol className="checks" aria-label="Checks" aria-live="polite" aria-busy={running}>
        {checks.map((c) => (
          <li key={c.id} className={`check check-${c.status}`}>
            <StatusBadge status={c.status} />
            <span className="check-title">{c.title}</span>
            <span className="check-time">{formatDuration(c.durationMs)}</span>
            {c.detail && <span className="check-detail">{c.detail}</span>}
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
              <button type="button" onClick={runAgain}>
                Run again
              </button>
            )}
            {report && (
              <button type="button" className="primary" onClick={() => stores.wizard.getState().goTo('findings')}>
                See what was found
              </button>
            )}
          </>
        )}
      </div>
    </>
  );
}
