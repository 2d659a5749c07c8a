import { useEffect } from 'react';
import { ErrorNotice } from '../../components/common.tsx';
import { authModeLabel, credentialLabel } from '../../logic/format.ts';
import { useSlice, useStores } from '../../store-context.tsx';

const CHECKS = [
  'Your Codex configuration: CODEX_HOME, config.toml and profiles, the provider and its WebSocket setting',
  'Proxy settings Codex sees: HTTPS_PROXY and friends from your environment and $CODEX_HOME/.env',
  'Name lookup, TCP, TLS and HTTPS to the provider’s endpoint',
  'A real WebSocket handshake, directly and through each proxy found',
  'Proxy apps on this computer (Clash, v2rayN, …), the system proxy, and TUN mode',
];

export function StartStep() {
  const stores = useStores();
  const { status, setup, profile, error } = useSlice((s) => s.setup, (s) => s);
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
        Codex keeps printing <q>Reconnecting…</q>? This app finds out why and offers a fix you can undo.
      </p>
      <section aria-labelledby="what-title">
        <h2 id="what-title">What will be checked</h2>
        <ul className="checklist">
          {CHECKS.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
        <p className="consent">
          <strong>Nothing changes without your consent.</strong> The diagnosis only reads and tests. Any fix is shown as a
          diff first, is written only when you press Apply, and can be reverted.
        </p>
      </section>
      <section aria-labelledby="setup-title" aria-busy={status === 'loading'}>
        <h2 id="setup-title">The Codex setup found</h2>
        {status === 'loading' && <p className="muted">Reading your Codex setup…</p>}
        {error && (
          <ErrorNotice
            error={error}
            action={
              <button type="button" onClick={() => void stores.setup.getState().load()}>
                Read the setup again
              </button>
            }
          />
        )}
        {setup && (
          <>
            <dl className="facts">
              <dt>CODEX_HOME</dt>
              <dd>
                <code>{setup.home}</code>
                {!setup.homeExists && <span className="warn-text"> (does not exist yet)</span>}
              </dd>
              <dt>
                <label htmlFor="profile-select">Profile</label>
              </dt>
              <dd>
                <select
                  id="profile-select"
                  value={profile ?? ''}
                  onChange={(e) => void stores.setup.getState().chooseProfile(e.target.value || null)}
                >
                  <option value="">Default (config.toml)</option>
                  {setup.profiles.map((p) => (
                    <option key={p} value={p}>
                      {p} ({p}.config.toml)
                    </option>
                  ))}
                </select>
              </dd>
              <dt>Provider</dt>
              <dd>
                {setup.providerId ? (
                  <>
                    <code>{setup.providerId}</code> {setup.providerBuiltIn ? '(built-in)' : '(custom)'}
                  </>
                ) : (
                  'Could not tell'
                )}
              </dd>
              <dt>Endpoint</dt>
              <dd>{setup.baseUrl ? <code>{setup.baseUrl}</code> : 'Default'}</dd>
              <dt>WebSockets</dt>
              <dd>{setup.supportsWebsockets === null ? 'Unknown' : setup.supportsWebsockets ? 'On' : 'Off'}</dd>
              <dt>Login</dt>
              <dd>{authModeLabel(setup.authMode)}</dd>
              <dt>Checks sign in with</dt>
              <dd>{credentialLabel(setup.credential)}</dd>
              <dt>Codex version</dt>
              <dd>{setup.codexVersion ?? 'Not found'}</dd>
            </dl>
            {setup.problems.length > 0 && (
              <div className="notice notice-error" role="alert">
                <p className="notice-title">Your Codex configuration has a problem</p>
                <ul>
                  {setup.problems.map((p, i) => (
                    <li key={i}>
                      {p.summary}
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
                  <strong>What to do next:</strong> fix the line shown in your editor, then read the setup again. The
                  diagnosis can still run and will say what it can.
                </p>
                <button type="button" onClick={() => void stores.setup.getState().load()}>
                  Read the setup again
                </button>
              </div>
            )}
          </>
        )}
      </section>
      <div className="button-row step-actions">
        <button type="button" className="primary" onClick={start} disabled={status === 'loading'}>
          Start the diagnosis
        </button>
      </div>
    </>
  );
}
