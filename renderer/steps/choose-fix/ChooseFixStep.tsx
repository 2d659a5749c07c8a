import { useEffect, useState } from 'react';
import type { ApplicableFix } from '../../../shared/types.ts';
import { ErrorNotice } from '../../components/common.tsx';
import { fixCards, fixOutcome, suggestedProxyUrl, type FixCard } from '../../logic/fix-options.ts';
import { useSlice, useStores } from '../../store-context.tsx';

export function ChooseFixStep() {
  const stores = useStores();
  const report = useSlice((s) => s.diagnosis, (s) => s.report);
  const fix = useSlice((s) => s.fix, (s) => s);
  const profile = useSlice((s) => s.setup, (s) => s.profile);
  const [showAnyway, setShowAnyway] = useState(false);
  // A proxy password lives only here, for the one preview request that checks it; never in a store.
  const [proxyPassword, setProxyPassword] = useState('');

  useEffect(() => {
    if (report && !stores.fix.getState().proxyUrl) stores.fix.getState().setProxyUrl(suggestedProxyUrl(report));
  }, [report, stores]);

  if (!report) return <p>Run the diagnosis first.</p>;
  const outcome = fixOutcome(report.recommendation, report.codex.provider);
  const busy = fix.status === 'previewing';

  const needsLogin = chosenNeedsLogin(report.recommendation);
  const preview = async (chosen: ApplicableFix, opts?: { pickCaFile?: boolean }) => {
    stores.fix.getState().select(chosen);
    const password = chosen === 'use-proxy' && needsLogin ? proxyPassword : undefined;
    const ok = await stores.fix.getState().preview(profile, password, opts);
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
          <h2 id="verdict-title">No fix needed</h2>
          <p>{outcome.headline}</p>
          <ul>
            {outcome.reasons.map((r, i) => (
              <li key={i}>{r}</li>
            ))}
          </ul>
          {!showAnyway && (
            <button type="button" onClick={() => setShowAnyway(true)}>
              Show the fixes anyway
            </button>
          )}
        </section>
      )}
      {outcome.kind === 'not-websocket' && (
        <section className="notice notice-warning" aria-labelledby="verdict-title">
          <h2 id="verdict-title">{outcome.title}</h2>
          <p>{outcome.headline}</p>
          <p className="muted">This is not a WebSocket problem, so none of the three WebSocket fixes would help yet.</p>
          <h3>Why</h3>
          <ul>
            {outcome.reasons.map((r, i) => (
              <li key={i}>{r}</li>
            ))}
          </ul>
          {outcome.nextSteps.length > 0 && (
            <>
              <h3>What to do next</h3>
              <ol>
                {outcome.nextSteps.map((s, i) => (
                  <li key={i}>{s}</li>
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
              {outcome.pickCaFile ? "Choose your company's CA file…" : outcome.applicable === 'trust-ca' ? 'Preview: trust this CA' : 'Preview the repair'}
            </button>
          )}
        </section>
      )}
      {outcome.kind === 'choose' && <p className="headline">{outcome.headline}</p>}
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
          Back
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
  const proxyUrl = useSlice((s) => s.fix, (s) => s.proxyUrl);
  const proxyUser = useSlice((s) => s.fix, (s) => s.proxyUser);
  const proxyUrlError = useSlice((s) => s.fix, (s) => (s.selected === 'use-proxy' ? s.proxyUrlError : null));
  const titleId = `fix-${card.fix}-title`;
  return (
    <article className={`fix-card${card.recommended ? ' recommended' : ''}`} role="listitem" aria-labelledby={titleId}>
      {card.recommended && <p className="ribbon">Recommended</p>}
      <h2 id={titleId} className="h3">
        <span className="fix-number">Fix #{card.number}</span> {card.title}
      </h2>
      {card.reason && (
        <p className={card.recommended ? 'reason' : 'muted'}>
          {card.recommended ? <strong>Why: </strong> : null}
          {card.reason}
        </p>
      )}
      <h3 className="h4">Best for</h3>
      <p>{card.bestFor}</p>
      <h3 className="h4">What it costs</h3>
      <p>{card.cost}</p>
      {card.warnings.map((w, i) => (
        <p key={i} className="warn-text">
          {w}
        </p>
      ))}
      {card.fix === 'use-proxy' && (
        <div className="field">
          <label htmlFor="proxy-url">Proxy URL</label>
          <input
            id="proxy-url"
            type="text"
            inputMode="url"
            spellCheck={false}
            autoComplete="off"
            placeholder="http://127.0.0.1:7890"
            value={proxyUrl}
            aria-invalid={proxyUrlError ? true : undefined}
            aria-describedby={proxyUrlError ? 'proxy-url-error' : 'proxy-url-help'}
            onChange={(e) => stores.fix.getState().setProxyUrl(e.target.value)}
          />
          {proxyUrlError ? (
            <p id="proxy-url-error" className="field-error" role="alert">
              {proxyUrlError}
            </p>
          ) : (
            <p id="proxy-url-help" className="muted">
              An HTTP or mixed port carries both the WebSocket and HTTPS.
            </p>
          )}
        </div>
      )}
      {card.fix === 'use-proxy' && card.proxyLogin && (
        <fieldset className="field proxy-login">
          <legend>{card.proxyLogin.rejected ? 'The proxy refused the saved login: enter it again' : 'The proxy wants a login'}</legend>
          <label htmlFor="proxy-user">User name</label>
          <input
            id="proxy-user"
            type="text"
            spellCheck={false}
            autoComplete="username"
            value={proxyUser}
            onChange={(e) => stores.fix.getState().setProxyUser(e.target.value)}
          />
          <label htmlFor="proxy-password">Password</label>
          <input
            id="proxy-password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => onPassword(e.target.value)}
          />
          <p className="muted">
            Checked against the proxy before anything is written, then saved percent-encoded in $CODEX_HOME/.env (readable by you
            alone), where Codex reads it. The app shows it nowhere and keeps it nowhere else.
          </p>
        </fieldset>
      )}
      <button type="button" className={card.recommended ? 'primary' : ''} disabled={busy} onClick={onPreview}>
        Preview fix #{card.number}
      </button>
    </article>
  );
}
