import { useEffect, useState } from 'react';
import type { ApplicableFix } from '../../../shared/types.ts';
import { ErrorNotice } from '../../components/common.tsx';
import { useText } from '../../i18n.tsx';
import { fixCards, fixOutcome, suggestedProxyUrl, type FixCard } from '../../logic/fix-options.ts';
import { useSlice, useStores } from '../../store-context.tsx';

export function ChooseFixStep() {
  const stores = useStores();
  const { t, tm, lang } = useText();
  const report = useSlice(
    (s) => s.diagnosis,
    (s) => s.report,
  );
  const fix = useSlice(
    (s) => s.fix,
    (s) => s,
  );
  const profile = useSlice(
    (s) => s.setup,
    (s) => s.profile,
  );
  const [showAnyway, setShowAnyway] = useState(false);
  // A proxy password lives only here, for the one preview request that checks it; never in a store.
  const [proxyPassword, setProxyPassword] = useState('');

  useEffect(() => {
    if (report && !stores.fix.getState().proxyUrl) stores.fix.getState().setProxyUrl(suggestedProxyUrl(report));
  }, [report, stores]);

  if (!report) return <p>{t('app.run-diagnosis-first')}</p>;
  const outcome = fixOutcome(report.recommendation, report.codex.provider);
  const busy = fix.status === 'previewing';

  const needsLogin = chosenNeedsLogin(report.recommendation);
  const preview = async (chosen: ApplicableFix, opts?: { pickCaFile?: boolean }) => {
    stores.fix.getState().select(chosen);
    const password = chosen === 'use-proxy' && needsLogin ? proxyPassword : undefined;
    const ok = await stores.fix.getState().preview(profile, password, opts && { ...opts, lang });
    if (ok) {
      setProxyPassword('');
      stores.wizard.getState().goTo('preview');
    }
  };

  const cards = outcome.kind === 'choose' ? outcome.cards : null;
  return (
    <>
      {outcome.kind === 'no-fix-needed' && (
        <section className="notice notice-ok" aria-labelledby="verdict-title">
          <h2 id="verdict-title">{t('app.choose.no-fix-needed')}</h2>
          <p>{tm(outcome.headline)}</p>
          <ul>
            {outcome.reasons.map((r, i) => (
              <li key={i}>{tm(r)}</li>
            ))}
          </ul>
          {!showAnyway && (
            <button type="button" onClick={() => setShowAnyway(true)}>
              {t('app.choose.show-anyway')}
            </button>
          )}
        </section>
      )}
      {outcome.kind === 'not-websocket' && (
        <section className="notice notice-warning" aria-labelledby="verdict-title">
          <h2 id="verdict-title">{tm(outcome.title)}</h2>
          <p>{tm(outcome.headline)}</p>
          <p className="muted">{t('app.choose.not-websocket-note')}</p>
          <h3>{t('app.choose.why')}</h3>
          <ul>
            {outcome.reasons.map((r, i) => (
              <li key={i}>{tm(r)}</li>
            ))}
          </ul>
          {outcome.nextSteps.length > 0 && (
            <>
              <h3>{t('app.choose.what-next')}</h3>
              <ol>
                {outcome.nextSteps.map((s, i) => (
                  <li key={i}>{tm(s)}</li>
                ))}
              </ol>
            </>
          )}
          {outcome.applicable && (
            <button
              type="button"
              className="primary"
              disabled={busy}
              onClick={() => void preview(outcome.applicable!, outcome.pickCaFile ? { pickCaFile: true } : undefined)}
            >
              {t(
                outcome.pickCaFile
                  ? 'app.choose.pick-ca'
                  : outcome.applicable === 'trust-ca'
                    ? 'app.choose.preview-trust-ca'
                    : 'app.choose.preview-repair',
              )}
            </button>
          )}
        </section>
      )}
      {outcome.kind === 'choose' && <p className="headline">{tm(outcome.headline)}</p>}
      {(cards || showAnyway) && (
        <div className="fix-cards" role="list">
          {(cards ?? fixCards(report.recommendation)).map((card) => (
            <FixCardView
              key={card.fix}
              card={card}
              busy={busy}
              onPreview={() => void preview(card.fix)}
              password={proxyPassword}
              onPassword={setProxyPassword}
            />
          ))}
        </div>
      )}
      {fix.error && <ErrorNotice error={fix.error} />}
      <div className="button-row step-actions">
        <button type="button" onClick={() => stores.wizard.getState().goTo('findings')}>
          {t('app.back')}
        </button>
      </div>
    </>
  );
}

function chosenNeedsLogin(rec: { proxyLogin?: unknown }): boolean {
  return !!rec.proxyLogin;
}

interface FixCardProps {
  card: FixCard;
  busy: boolean;
  onPreview(): void;
  password: string;
  onPassword(value: string): void;
}

function FixCardView({ card, busy, onPreview, password, onPassword }: FixCardProps) {
  const stores = useStores();
  const { t, tm } = useText();
  const proxyUrl = useSlice(
    (s) => s.fix,
    (s) => s.proxyUrl,
  );
  const proxyUser = useSlice(
    (s) => s.fix,
    (s) => s.proxyUser,
  );
  const proxyUrlError = useSlice(
    (s) => s.fix,
    (s) => (s.selected === 'use-proxy' ? s.proxyUrlError : null),
  );
  const titleId = `fix-${card.fix}-title`;
  return (
    <article className={`fix-card${card.recommended ? ' recommended' : ''}`} role="listitem" aria-labelledby={titleId}>
      {card.recommended && <p className="ribbon">{t('app.card.recommended')}</p>}
      <h2 id={titleId} className="h3">
        <span className="fix-number">{t('app.card.number', { number: card.number })}</span> {tm(card.title)}
      </h2>
      {card.reason && (
        <p className={card.recommended ? 'reason' : 'muted'}>
          {card.recommended ? <strong>{t('app.card.why')}</strong> : null}
          {tm(card.reason)}
        </p>
      )}
      <h3 className="h4">{t('app.card.best-for')}</h3>
      <p>{tm(card.bestFor)}</p>
      <h3 className="h4">{t('app.card.cost')}</h3>
      <p>{tm(card.cost)}</p>
      {card.warnings.map((w, i) => (
        <p key={i} className="warn-text">
          {tm(w)}
        </p>
      ))}
      {card.fix === 'use-proxy' && (
        <div className="field">
          <label htmlFor="proxy-url">{t('app.card.proxy-url')}</label>
          <input
            id="proxy-url"
            type="text"
            inputMode="url"
            spellCheck={false}
            autoComplete="off"
            placeholder={t('app.card.proxy-url-placeholder')}
            value={proxyUrl}
            aria-invalid={proxyUrlError ? true : undefined}
            aria-describedby={proxyUrlError ? 'proxy-url-error' : 'proxy-url-help'}
            onChange={(e) => stores.fix.getState().setProxyUrl(e.target.value)}
          />
          {proxyUrlError ? (
            <p id="proxy-url-error" className="field-error" role="alert">
              {tm(proxyUrlError)}
            </p>
          ) : (
            <p id="proxy-url-help" className="muted">
              {t('app.card.proxy-url-help')}
            </p>
          )}
        </div>
      )}
      {card.fix === 'use-proxy' && card.proxyLogin && (
        <fieldset className="field proxy-login">
          <legend>{t(card.proxyLogin.rejected ? 'app.card.login-rejected' : 'app.card.login-wanted')}</legend>
          <label htmlFor="proxy-user">{t('app.card.user')}</label>
          <input
            id="proxy-user"
            type="text"
            spellCheck={false}
            autoComplete="username"
            value={proxyUser}
            onChange={(e) => stores.fix.getState().setProxyUser(e.target.value)}
          />
          <label htmlFor="proxy-password">{t('app.card.password')}</label>
          <input
            id="proxy-password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => onPassword(e.target.value)}
          />
          <p className="muted">{t('app.card.password-note')}</p>
        </fieldset>
      )}
      <button type="button" className={card.recommended ? 'primary' : ''} disabled={busy} onClick={onPreview}>
        {t('app.card.preview', { number: card.number })}
      </button>
    </article>
  );
}
