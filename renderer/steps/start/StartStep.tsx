import { useEffect } from 'react';
import type { MessageId } from '../../../shared/i18n/message.ts';
import { ErrorNotice } from '../../components/common.tsx';
import { Rich, useText } from '../../i18n.tsx';
import { authModeLabel, credentialLabel } from '../../logic/format.ts';
import { useSlice, useStores } from '../../store-context.tsx';

const CHECKS: MessageId[] = [
  'app.start.check.config',
  'app.start.check.proxy-env',
  'app.start.check.network',
  'app.start.check.websocket',
  'app.start.check.proxy-apps',
];

export function StartStep() {
  const stores = useStores();
  const { t, tm } = useText();
  const { status, setup, profile, error } = useSlice(
    (s) => s.setup,
    (s) => s,
  );
  useEffect(() => {
    if (stores.setup.getState().status === 'idle') void stores.setup.getState().load();
  }, [stores]);

  const start = () => {
    stores.fix.getState().reset();
    stores.wizard.getState().goTo('diagnose');
    void stores.diagnosis.getState().run(profile);
  };

  return (
    <>
      <p className="lead">
        <Rich id="app.start.lead" />
      </p>
      <section aria-labelledby="what-title">
        <h2 id="what-title">{t('app.start.what-title')}</h2>
        <ul className="checklist">
          {CHECKS.map((c) => (
            <li key={c}>{t(c)}</li>
          ))}
        </ul>
        <p className="consent">
          <Rich id="app.start.consent" />
        </p>
      </section>
      <section aria-labelledby="setup-title" aria-busy={status === 'loading'}>
        <h2 id="setup-title">{t('app.start.setup-title')}</h2>
        {status === 'loading' && <p className="muted">{t('app.start.reading')}</p>}
        {error && (
          <ErrorNotice
            error={error}
            action={
              <button type="button" onClick={() => void stores.setup.getState().load()}>
                {t('app.start.read-again')}
              </button>
            }
          />
        )}
        {setup && (
          <>
            <dl className="facts">
              <dt>{t('app.start.codex-home')}</dt>
              <dd>
                <code>{setup.home}</code>
                {!setup.homeExists && <span className="warn-text">{t('app.start.home-missing')}</span>}
              </dd>
              <dt>
                <label htmlFor="profile-select">{t('app.start.profile')}</label>
              </dt>
              <dd>
                <select
                  id="profile-select"
                  value={profile ?? ''}
                  onChange={(e) => void stores.setup.getState().chooseProfile(e.target.value || null)}
                >
                  <option value="">{t('app.start.profile-default')}</option>
                  {setup.profiles.map((p) => (
                    <option key={p} value={p}>
                      {t('app.start.profile-option', { profile: p })}
                    </option>
                  ))}
                </select>
              </dd>
              <dt>{t('app.start.provider')}</dt>
              <dd>
                {setup.providerId ? (
                  <>
                    <code>{setup.providerId}</code>{' '}
                    {t(setup.providerBuiltIn ? 'app.start.built-in' : 'app.start.custom')}
                  </>
                ) : (
                  t('app.start.provider-unknown')
                )}
              </dd>
              <dt>{t('app.start.endpoint')}</dt>
              <dd>{setup.baseUrl ? <code>{setup.baseUrl}</code> : t('app.start.endpoint-default')}</dd>
              <dt>{t('app.start.websockets')}</dt>
              <dd>
                {t(setup.supportsWebsockets === null ? 'app.unknown' : setup.supportsWebsockets ? 'app.on' : 'app.off')}
              </dd>
              <dt>{t('app.start.login')}</dt>
              <dd>{t(authModeLabel(setup.authMode))}</dd>
              <dt>{t('app.start.credential')}</dt>
              <dd>{tm(credentialLabel(setup.credential))}</dd>
              <dt>{t('app.start.version')}</dt>
              <dd>{setup.codexVersion ?? t('app.start.version-missing')}</dd>
            </dl>
            {setup.problems.length > 0 && (
              <div className="notice notice-error" role="alert">
                <p className="notice-title">{t('app.start.problem-title')}</p>
                <ul>
                  {setup.problems.map((p, i) => (
                    <li key={i}>
                      {tm(p.summary)}
                      {p.location && (
                        <>
                          {' '}
                          <code>{p.location}</code>
                        </>
                      )}
                    </li>
                  ))}
                </ul>
                <p>
                  <strong>{t('app.what-next')}</strong> {t('app.start.problem-next')}
                </p>
                <button type="button" onClick={() => void stores.setup.getState().load()}>
                  {t('app.start.read-again')}
                </button>
              </div>
            )}
          </>
        )}
      </section>
      <div className="button-row step-actions">
        <button type="button" className="primary" onClick={start} disabled={status === 'loading'}>
          {t('app.start.run')}
        </button>
      </div>
    </>
  );
}
