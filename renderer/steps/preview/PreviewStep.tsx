import { ErrorNotice } from '../../components/common.tsx';
import { DiffView } from '../../components/DiffView.tsx';
import { Rich, useText } from '../../i18n.tsx';
import { REVERT_LAST_COMMAND } from '../../logic/undo.ts';
import { useSlice, useStores } from '../../store-context.tsx';

export function PreviewStep() {
  const stores = useStores();
  const { t, tm } = useText();
  const { plan, status, error } = useSlice(
    (s) => s.fix,
    (s) => s,
  );
  const profile = useSlice(
    (s) => s.setup,
    (s) => s.profile,
  );
  if (!plan) return <p>{t('app.preview.no-plan')}</p>;
  const applying = status === 'applying';
  /** Nothing the app can write or call: the user follows the steps by hand. */
  const manualOnly = plan.diffs.length === 0 && !plan.apiAction;
  const diagnoseAgain = () => {
    stores.wizard.getState().goTo('diagnose');
    void stores.diagnosis.getState().run(profile);
  };
  const apply = async () => {
    stores.wizard.getState().goTo('apply');
    await stores.fix.getState().apply();
  };
  return (
    <>
      <p className="lead">{tm(plan.title)}</p>
      {manualOnly ? (
        <div className="notice notice-warning" role="status">
          <p className="notice-title">{t('app.preview.manual-title')}</p>
          <p>
            <strong>{t('app.what-next')}</strong> {t('app.preview.manual-next')}
          </p>
        </div>
      ) : (
        <p>{t('app.preview.nothing-written')}</p>
      )}
      {plan.diffs.length === 0 && !manualOnly && <p className="muted">{t('app.preview.no-files')}</p>}
      {plan.manualSteps && plan.manualSteps.length > 0 && (
        <section aria-labelledby="manual-title">
          <h2 id="manual-title">{t('app.preview.steps')}</h2>
          <ol>
            {plan.manualSteps.map((s, i) => (
              <li key={i}>{tm(s)}</li>
            ))}
          </ol>
        </section>
      )}
      {plan.diffs.map((d) => (
        <DiffView key={d.path} {...d} />
      ))}
      {plan.apiAction && (
        <p>
          <Rich
            id="app.preview.api-action"
            params={{ controller: plan.apiAction.controller, description: plan.apiAction.description }}
          />
        </p>
      )}
      {plan.sideEffects.length > 0 && (
        <section aria-labelledby="effects-title">
          <h2 id="effects-title">{t('app.preview.side-effects')}</h2>
          <ul>
            {plan.sideEffects.map((s, i) => (
              <li key={i}>{tm(s)}</li>
            ))}
          </ul>
        </section>
      )}
      {plan.warnings.length > 0 && (
        <div className="notice notice-warning">
          <ul>
            {plan.warnings.map((w, i) => (
              <li key={i}>{tm(w)}</li>
            ))}
          </ul>
        </div>
      )}
      {!manualOnly && (
        <p className="muted" id="undo-note">
          <Rich
            id={plan.diffs.length > 0 ? 'app.preview.undo-files' : 'app.preview.undo'}
            params={{ command: REVERT_LAST_COMMAND }}
          />
        </p>
      )}
      {error && <ErrorNotice error={error} />}
      <div className="button-row step-actions">
        <button type="button" onClick={() => stores.wizard.getState().goTo('choose')}>
          {t('app.back')}
        </button>
        {manualOnly ? (
          <button type="button" className="primary" onClick={diagnoseAgain}>
            {t('app.run-diagnosis-again')}
          </button>
        ) : (
          <button
            type="button"
            className="primary"
            onClick={() => void apply()}
            disabled={applying}
            aria-describedby="undo-note"
          >
            {t('app.preview.apply')}
          </button>
        )}
      </div>
    </>
  );
}
