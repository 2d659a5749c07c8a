import { ReportActions, SeverityBadge } from '../../components/common.tsx';
import { findingsView, locationText } from '../../logic/findings.ts';
import type { MessageId } from '../../../shared/i18n/message.ts';
import type { FailureKind } from '../../../shared/types.ts';
import { PROBE_PHASE_NAMES } from '../../../shared/format.ts';
import { useText } from '../../i18n.tsx';
import { durationMessage } from '../../logic/format.ts';
import { useSlice, useStores } from '../../store-context.tsx';

/** Why a probe failed: the report's code in English, a word in Chinese. */
const FAILURE: Record<FailureKind, MessageId> = {
  'dns-error': 'app.failure.dns-error',
  'tcp-refused': 'app.failure.tcp-refused',
  'tcp-timeout': 'app.failure.tcp-timeout',
  'tls-error': 'app.failure.tls-error',
  'untrusted-ca': 'app.failure.untrusted-ca',
  'connect-denied': 'app.failure.connect-denied',
  'proxy-auth-required': 'app.failure.proxy-auth-required',
  'proxy-unreachable': 'app.failure.proxy-unreachable',
  'proxy-protocol-mismatch': 'app.failure.proxy-protocol-mismatch',
  refused: 'app.failure.refused',
  stalled: 'app.failure.stalled',
  reset: 'app.failure.reset',
  'proxy-error-page': 'app.failure.proxy-error-page',
  'frames-dropped': 'app.failure.frames-dropped',
  unauthenticated: 'app.failure.unauthenticated',
  'login-rejected': 'app.failure.login-rejected',
  error: 'app.failure.error',
};

export function FindingsStep() {
  const stores = useStores();
  const { t, tm } = useText();
  const report = useSlice(
    (s) => s.diagnosis,
    (s) => s.report,
  );
  if (!report) return <p>{t('app.run-diagnosis-first')}</p>;
  const view = findingsView(report);
  const durationText = (ms: number | undefined) => {
    const m = durationMessage(ms);
    return m ? tm(m) : '';
  };
  return (
    <>
      {view.partial && <p className="notice notice-warning">{t('app.findings.partial')}</p>}
      <section aria-labelledby="cause-title">
        <h2 id="cause-title">{t('app.findings.cause')}</h2>
        <p className="headline">{tm(view.headline)}</p>
        {view.evidence.length > 0 && (
          <>
            <h3>{t('app.findings.evidence')}</h3>
            <ul className="evidence">
              {view.evidence.map((e, i) => (
                <li key={i}>{tm(e)}</li>
              ))}
            </ul>
          </>
        )}
        <p className="notice notice-next" id="next-step">
          <strong>{t('app.findings.next')}</strong>
          {tm(view.nextStep)}
        </p>
      </section>
      {view.findings.length > 0 && (
        <section aria-labelledby="findings-title">
          <h2 id="findings-title">{t('app.findings.else')}</h2>
          <ul className="findings">
            {view.findings.map((f) => (
              <li key={f.id}>
                <SeverityBadge severity={f.severity} /> {tm(f.summary)}
                {locationText(f) && (
                  <>
                    {' '}
                    <code>{locationText(f)}</code>
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      <details className="technical">
        <summary>{t('app.findings.technical')}</summary>
        <table className="probes">
          <caption className="visually-hidden">{t('app.findings.probes-caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('app.findings.col.step')}</th>
              <th scope="col">{t('app.findings.col.route')}</th>
              <th scope="col">{t('app.findings.col.result')}</th>
              <th scope="col">{t('app.findings.col.time')}</th>
              <th scope="col">{t('app.findings.col.detail')}</th>
            </tr>
          </thead>
          <tbody>
            {view.probes.map((p, i) => (
              <tr key={i}>
                <td>{t(PROBE_PHASE_NAMES[p.phase])}</td>
                <td>{p.route.display ?? tm(p.route.label)}</td>
                <td>{t(p.ok ? 'app.status.ok' : p.failure ? FAILURE[p.failure] : 'app.findings.probe-failed')}</td>
                <td>{durationText(p.durationMs)}</td>
                <td>{tm(p.detail)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {view.okFindings.length > 0 && (
          <ul className="findings">
            {view.okFindings.map((f) => (
              <li key={f.id}>
                <SeverityBadge severity={f.severity} /> {tm(f.summary)}
              </li>
            ))}
          </ul>
        )}
        <p className="muted">{t('app.findings.rule', { rule: report.recommendation.rule })}</p>
      </details>
      <ReportActions />
      <div className="button-row step-actions">
        <button type="button" onClick={() => stores.wizard.getState().goTo('diagnose')}>
          {t('app.back')}
        </button>
        <button
          type="button"
          className="primary"
          aria-describedby="next-step"
          onClick={() => stores.wizard.getState().goTo('choose')}
        >
          {t('app.findings.choose')}
        </button>
      </div>
    </>
  );
}
