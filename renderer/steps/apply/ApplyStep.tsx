import { ErrorNotice, StatusBadge } from '../../components/common.tsx';
import { compareChecks, verifyVerdict, VERDICT_TEXT } from '../../logic/compare.ts';
import { useSlice, useStores } from '../../store-context.tsx';
import { isStalePlan } from '../../stores/stores.ts';

export function ApplyStep() {
  const stores = useStores();
  const { status, applied, error } = useSlice((s) => s.fix, (s) => s);
  const profile = useSlice((s) => s.setup, (s) => s.profile);
  const previewAgain = async () => {
    if (await stores.fix.getState().preview(profile)) stores.wizard.getState().goTo('preview');
  };
  if (status === 'applying' || status === 'previewing') {
    return (
      <p className="lead" role="status" aria-live="polite">
        {status === 'previewing' ? 'Making a new preview…' : 'Applying the change, then running the diagnosis again…'}
      </p>
    );
  }
  if (error && !applied) {
    return (
      <>
        <ErrorNotice error={error} />
        <div className="button-row step-actions">
          {isStalePlan(error) ? (
            <button type="button" className="primary" onClick={() => void previewAgain()}>
              Preview the fix again
            </button>
          ) : (
            <button type="button" onClick={() => stores.wizard.getState().goTo('preview')}>
              Back to the preview
            </button>
          )}
          <button type="button" onClick={() => stores.wizard.getState().goTo('choose')}>
            Choose another fix
          </button>
        </div>
      </>
    );
  }
  if (!applied) return <p>Preview a fix first.</p>;
  const verdict = verifyVerdict(applied.before, applied.after);
  const rows = compareChecks(applied.before, applied.after);
  return (
    <>
      <div className={`notice ${verdict === 'healthy' ? 'notice-ok' : 'notice-warning'}`} role="status">
        <p className="notice-title">{VERDICT_TEXT[verdict]}</p>
        <p>{applied.after.recommendation.headline}</p>
      </div>
      <div className="before-after">
        <section aria-labelledby="before-title">
          <h2 id="before-title" className="h3">Before</h2>
          <p>{applied.before?.recommendation.headline ?? 'No earlier diagnosis.'}</p>
        </section>
        <section aria-labelledby="after-title">
          <h2 id="after-title" className="h3">After</h2>
          <p>{applied.after.recommendation.headline}</p>
        </section>
      </div>
      <table className="compare">
        <caption className="visually-hidden">Each check before and after the change</caption>
        <thead>
          <tr>
            <th scope="col">Check</th>
            <th scope="col">Before</th>
            <th scope="col">After</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className={r.improved ? 'improved' : r.worsened ? 'worsened' : ''}>
              <th scope="row">{r.title}</th>
              <td>{r.before ? <StatusBadge status={r.before} /> : '—'}</td>
              <td>{r.after ? <StatusBadge status={r.after} /> : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="button-row step-actions">
        <button type="button" className="primary" onClick={() => stores.wizard.getState().goTo('done')}>
          Continue
        </button>
      </div>
    </>
  );
}
