import { ErrorNotice } from '../../components/common.tsx';
import { DiffView } from '../../components/DiffView.tsx';
import { REVERT_LAST_COMMAND } from '../../logic/undo.ts';
import { useSlice, useStores } from '../../store-context.tsx';

export function PreviewStep() {
  const stores = useStores();
  const { plan, status, error } = useSlice((s) => s.fix, (s) => s);
  if (!plan) return <p>Choose a fix first.</p>;
  const applying = status === 'applying';
  const profile = useSlice((s) => s.setup, (s) => s.profile);
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
      <p className="lead">{plan.title}</p>
      {manualOnly ? (
        <div className="notice notice-warning" role="status">
          <p className="notice-title">The app cannot make this change for you, so it will write nothing.</p>
          <p>
            <strong>What to do next:</strong> follow the steps below in your proxy app, then run the diagnosis again to
            check that Codex connects.
          </p>
        </div>
      ) : (
        <p>Nothing has been written yet. This is exactly what will change:</p>
      )}
      {plan.diffs.length === 0 && !manualOnly && <p className="muted">This fix changes no files.</p>}
      {plan.manualSteps && plan.manualSteps.length > 0 && (
        <section aria-labelledby="manual-title">
          <h2 id="manual-title">Steps for you</h2>
          <ol>
            {plan.manualSteps.map((s, i) => (
              <li key={i}>{s}</li>
            ))}
          </ol>
        </section>
      )}
      {plan.diffs.map((d) => (
        <DiffView key={d.path} path={d.path} unified={d.unified} action={d.action} added={d.added} removed={d.removed} />
      ))}
      {plan.apiAction && (
        <p>
          The app will also call your proxy app at <code>{plan.apiAction.controller}</code>: {plan.apiAction.description}
        </p>
      )}
      {plan.sideEffects.length > 0 && (
        <section aria-labelledby="effects-title">
          <h2 id="effects-title">Side effects</h2>
          <ul>
            {plan.sideEffects.map((s, i) => (
              <li key={i}>{s}</li>
            ))}
          </ul>
        </section>
      )}
      {plan.warnings.length > 0 && (
        <div className="notice notice-warning">
          <ul>
            {plan.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </div>
      )}
      {!manualOnly && (
        <p className="muted" id="undo-note">
          You can undo it afterwards with Revert on the Done step or in History
          {plan.diffs.length > 0 ? ' (every file comes back byte for byte)' : ''}, or with{' '}
          <code>{REVERT_LAST_COMMAND}</code> in a terminal.
        </p>
      )}
      {error && <ErrorNotice error={error} />}
      <div className="button-row step-actions">
        <button type="button" onClick={() => stores.wizard.getState().goTo('choose')}>
          Back
        </button>
        {manualOnly ? (
          <button type="button" className="primary" onClick={diagnoseAgain}>
            Run the diagnosis again
          </button>
        ) : (
          <button type="button" className="primary" onClick={() => void apply()} disabled={applying} aria-describedby="undo-note">
            Apply this change
          </button>
        )}
      </div>
    </>
  );
}
