import { ErrorNotice, StatusBadge } from '../../components/common.tsx';
import { useText } from '../../i18n.tsx';
import { compareChecks, verifyVerdict, VERDICT_TEXT } from '../../logic/compare.ts';
import { useSlice, useStores } from '../../store-context.tsx';
import { isStalePlan } from '../../stores/index.ts';

export function ApplyStep() {
  const stores = useStores();
  const { t, tm } = useText();
  const { status, applied, error } = useSlice(
    (s) => s.fix,
    (s) => s,
  );
  const profile = useSlice(
    (s) => s.setup,
    (s) => s.profile,
  );
  const previewAgain = async () => {
    if (await stores.fix.getState().preview(profile)) stores.wizard.getState().goTo('preview');
  };
  if (status === 'applying' || status === 'previewing') {
    return (
      <p className="lead" role="status" aria-live="polite">
        {t(status === 'previewing' ? 'app.apply.previewing' : 'app.apply.applying')}
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
              {t('app.apply.preview-again')}
            </button>
          ) : (
            <button type="button" onClick={() => stores.wizard.getState().goTo('preview')}>
              {t('app.apply.back-to-preview')}
            </button>
          )}
          <button type="button" onClick={() => stores.wizard.getState().goTo('choose')}>
            {t('app.apply.choose-another')}
          </button>
        </div>
      </>
    );
  }
  if (!applied) return <p>{t('app.apply.no-plan')}</p>;
  const verdict = verifyVerdict(applied.before, applied.after);
  const rows = compareChecks(applied.before, applied.after);
  return (
    <>
      <div className={`notice ${verdict === 'healthy' ? 'notice-ok' : 'notice-warning'}`} role="status">
        <p className="notice-title">{t(VERDICT_TEXT[verdict])}</p>
        <p>{tm(applied.after.recommendation.headline)}</p>
      </div>
      <div className="before-after">
        <section aria-labelledby="before-title">
          <h2 id="before-title" className="h3">
            {t('app.apply.before')}
          </h2>
          <p>{applied.before ? tm(applied.before.recommendation.headline) : t('app.apply.no-earlier')}</p>
        </section>
        <section aria-labelledby="after-title">
          <h2 id="after-title" className="h3">
            {t('app.apply.after')}
          </h2>
          <p>{tm(applied.after.recommendation.headline)}</p>
        </section>
      </div>
      <table className="compare">
        <caption className="visually-hidden">{t('app.apply.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('app.apply.col.check')}</th>
            <th scope="col">{t('app.apply.before')}</th>
            <th scope="col">{t('app.apply.after')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className={r.improved ? 'improved' : r.worsened ? 'worsened' : ''}>
              <th scope="row">{tm(r.title)}</th>
              <td>{r.before ? <StatusBadge status={r.before} /> : '—'}</td>
              <td>{r.after ? <StatusBadge status={r.after} /> : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="button-row step-actions">
        <button type="button" className="primary" onClick={() => stores.wizard.getState().goTo('done')}>
          {t('app.continue')}
        </button>
      </div>
    </>
  );
}
