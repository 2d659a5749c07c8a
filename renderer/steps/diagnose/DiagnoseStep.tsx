import { useEffect, useRef } from 'react';
import type { CheckEvent } from '../../../shared/types.ts';
import { ErrorNotice, StatusBadge } from '../../components/common.tsx';
import { useText } from '../../i18n.tsx';
import { durationMessage, shortCheckDetail } from '../../logic/format.ts';
import { useSlice, useStores } from '../../store-context.tsx';

export function DiagnoseStep() {
  const stores = useStores();
  const { t } = useText();
  const { status, checks, error, report } = useSlice(
    (s) => s.diagnosis,
    (s) => s,
  );
  const profile = useSlice(
    (s) => s.setup,
    (s) => s.profile,
  );
  const running = status === 'running';
  const runAgain = () => void stores.diagnosis.getState().run(profile);
  const nextAction = useRef<HTMLButtonElement>(null);
  // The Cancel button disappears when the run ends; keyboard focus must not fall back to the page.
  useEffect(() => {
    if (!running && (document.activeElement === document.body || document.activeElement === null)) {
      nextAction.current?.focus();
    }
  }, [running]);
  const ms = report?.durationMs ?? 0;
  return (
    <>
      <div aria-live="polite" role="status">
        {running && <p className="lead">{t('app.diagnose.running')}</p>}
        {status === 'done' && <p className="lead">{t('app.diagnose.finished', { ms })}</p>}
      </div>
      {status === 'cancelled' && (
        <div className="notice notice-warning" role="alert">
          <p className="notice-title">{t('app.diagnose.cancelled', { ms })}</p>
          <p>
            <strong>{t('app.what-next')}</strong> {t('app.diagnose.cancelled-next')}
          </p>
        </div>
      )}
      <ol className="checks" aria-label={t('app.diagnose.checks')} aria-live="polite" aria-relevant="additions text">
        {checks.map((c) => (
          <CheckRow key={c.id} check={c} />
        ))}
      </ol>
      {error && (
        <ErrorNotice
          error={error}
          action={
            <button type="button" onClick={runAgain}>
              {t('app.run-diagnosis-again')}
            </button>
          }
        />
      )}
      <div className="button-row step-actions">
        {running ? (
          <button type="button" onClick={() => void stores.diagnosis.getState().cancel()}>
            {t('app.cancel')}
          </button>
        ) : (
          <>
            <button type="button" onClick={() => stores.wizard.getState().goTo('start')}>
              {t('app.back')}
            </button>
            {status !== 'error' && (
              <button
                type="button"
                onClick={runAgain}
                ref={report ? undefined : nextAction}
                className={status === 'cancelled' ? 'primary' : ''}
              >
                {t('app.diagnose.run-again')}
              </button>
            )}
            {report && (
              <button
                type="button"
                ref={nextAction}
                className={status === 'cancelled' ? '' : 'primary'}
                onClick={() => stores.wizard.getState().goTo('findings')}
              >
                {t(status === 'cancelled' ? 'app.diagnose.see-partial' : 'app.diagnose.see-found')}
              </button>
            )}
          </>
        )}
      </div>
    </>
  );
}

function CheckRow({ check: c }: { check: CheckEvent }) {
  const { tm } = useText();
  const duration = durationMessage(c.durationMs);
  const detail = c.detail ? tm(c.detail) : null;
  const short = detail ? shortCheckDetail(detail) : null;
  return (
    <li className={`check check-${c.status}`}>
      <StatusBadge status={c.status} />
      <span className="check-title">{tm(c.title)}</span>
      <span className="check-time">{duration ? tm(duration) : ''}</span>
      {detail && <span className="check-detail">{short ? tm(short) : detail}</span>}
    </li>
  );
}
