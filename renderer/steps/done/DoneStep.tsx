import { useEffect, useRef } from 'react';
import { ErrorNotice, ReportActions } from '../../components/common.tsx';
import { ConflictChoice } from '../../components/DiffView.tsx';
import { revertCommand } from '../../logic/undo.ts';
import { useSlice, useStores } from '../../store-context.tsx';

export function DoneStep() {
  const stores = useStores();
  const { status, applied, revertOutcome, error } = useSlice((s) => s.fix, (s) => s);
  const profile = useSlice((s) => s.setup, (s) => s.profile);
  const revertedNotice = useRef<HTMLDivElement>(null);
  // The Revert button goes away once it worked: focus the result so keyboard users hear it.
  useEffect(() => {
    if (status === 'reverted') revertedNotice.current?.focus();
  }, [status]);
  if (!applied) return <p>No change was applied.</p>;
  const busy = status === 'reverting';
  const startOver = () => {
    stores.fix.getState().reset();
    stores.diagnosis.getState().reset();
    stores.wizard.getState().goTo('start');
    void stores.setup.getState().chooseProfile(profile);
  };
  return (
    <>
      {status === 'reverted' ? (
        <div className="notice notice-ok" role="status" tabIndex={-1} ref={revertedNotice}>
          <p className="notice-title">Reverted. Your files are back as they were.</p>
          {revertOutcome?.status === 'reverted' && revertOutcome.files.length > 0 && (
            <ul>
              {revertOutcome.files.map((f) => (
                <li key={f}>
                  <code>{f}</code>
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : (
        <>
          <p className="lead">
            <strong>{applied.history.title}</strong> is in place. Restart Codex (or open a new session) for it to take effect.
          </p>
          <p>{applied.history.files.length === 1 ? 'Changed file:' : 'Changed files:'}</p>
          <ul>
            {applied.history.files.map((f) => (
              <li key={f}>
                <code>{f}</code>
              </li>
            ))}
          </ul>
          <section aria-labelledby="undo-title">
            <h2 id="undo-title" className="h3">How to undo it</h2>
            <p>
              Press <strong>Revert now</strong> below, or Revert on its row in History, at any time. From a terminal
              (the app and the command line share one journal):
            </p>
            <code className="command">{revertCommand(applied.changeId)}</code>
            <p className="muted">
              Change id <code>{applied.changeId}</code>
            </p>
          </section>
        </>
      )}
      {status === 'conflict' && revertOutcome?.status === 'conflict' && (
        <ConflictChoice
          conflicts={revertOutcome.conflicts}
          busy={busy}
          onRemoveFixLines={() => void stores.fix.getState().revert('remove-fix-lines')}
          onKeep={() => void stores.fix.getState().revert('keep')}
          onCancel={() => stores.wizard.getState().showPage('history')}
        />
      )}
      {error && <ErrorNotice error={error} />}
      <ReportActions />
      <div className="button-row step-actions">
        {status !== 'reverted' && status !== 'conflict' && (
          <button type="button" className="danger" disabled={busy} onClick={() => void stores.fix.getState().revert()}>
            Revert now
          </button>
        )}
        <button
          type="button"
          onClick={() => {
            stores.wizard.getState().showPage('history');
            void stores.history.getState().load();
          }}
        >
          History
        </button>
        <button type="button" onClick={startOver}>
          Start over
        </button>
      </div>
    </>
  );
}
