import { useEffect, useRef } from 'react';
import { ErrorNotice, ReportActions } from '../../components/common.tsx';
import { ConflictChoice } from '../../components/DiffView.tsx';
import { Rich, useText } from '../../i18n.tsx';
import { revertCommand } from '../../logic/undo.ts';
import { useSlice, useStores } from '../../store-context.tsx';

export function DoneStep() {
  const stores = useStores();
  const { t } = useText();
  const { status, applied, revertOutcome, error } = useSlice(
    (s) => s.fix,
    (s) => s,
  );
  const profile = useSlice(
    (s) => s.setup,
    (s) => s.profile,
  );
  const revertedNotice = useRef<HTMLDivElement>(null);
  // The Revert button goes away once it worked: focus the result so keyboard users hear it.
  useEffect(() => {
    if (status === 'reverted') revertedNotice.current?.focus();
  }, [status]);
  if (!applied) return <p>{t('app.done.none')}</p>;
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
          <p className="notice-title">{t('app.done.reverted')}</p>
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
            <Rich id="app.done.in-place" params={{ title: applied.history.title }} />
          </p>
          <p>{t('app.done.changed-files', { count: applied.history.files.length })}</p>
          <ul>
            {applied.history.files.map((f) => (
              <li key={f}>
                <code>{f}</code>
              </li>
            ))}
          </ul>
          <section aria-labelledby="undo-title">
            <h2 id="undo-title" className="h3">
              {t('app.done.undo-title')}
            </h2>
            <p>
              <Rich id="app.done.undo-text" />
            </p>
            <code className="command">{revertCommand(applied.changeId)}</code>
            <p className="muted">
              <Rich id="app.done.change-id" params={{ id: applied.changeId }} />
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
            {t('app.done.revert-now')}
          </button>
        )}
        <button
          type="button"
          onClick={() => {
            stores.wizard.getState().showPage('history');
            void stores.history.getState().load();
          }}
        >
          {t('app.nav.history')}
        </button>
        <button type="button" onClick={startOver}>
          {t('app.done.start-over')}
        </button>
      </div>
    </>
  );
}
