import { ReportActions, SeverityBadge } from '../../components/common.tsx';
import { findingsView, locationText } from '../../logic/findings.ts';
import { formatDuration } from '../../logic/format.ts';
import { useSlice, useStores } from '../../store-context.tsx';

export function FindingsStep() {
  const stores = useStores();
  const report = useSlice((s) => s.diagnosis, (s) => s.report);
  if (!report) return <p>Run the diagnosis first.</p>;
  const view = findingsView(report);
  return (
    <>
      {view.partial && (
        <p className="notice notice-warning">The diagnosis was cancelled: these findings are partial. Run it again for a full picture.</p>
      )}
      <section aria-labelledby="cause-title">
        <h2 id="cause-title">The cause</h2>
        <p className="headline">{view.headline}</p>
        {view.evidence.length > 0 && (
          <>
            <h3>Evidence</h3>
            <ul className="evidence">
              {view.evidence.map((e, i) => (
                <li key={i}>{e}</li>
              ))}
            </ul>
          </>
        )}
        <p className="notice notice-next" id="next-step">
          <strong>Next: </strong>
          {view.nextStep}
        </p>
      </section>
      {view.findings.length > 0 && (
        <section aria-labelledby="findings-title">
          <h2 id="findings-title">What else was found</h2>
          <ul className="findings">
            {view.findings.map((f) => (
              <li key={f.id}>
                <SeverityBadge severity={f.severity} /> {f.summary}
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
        <summary>Technical details</summary>
        <table className="probes">
          <caption className="visually-hidden">Every probe, with its route and result</caption>
          <thead>
            <tr>
              <th scope="col">Step</th>
              <th scope="col">Route</th>
              <th scope="col">Result</th>
              <th scope="col">Time</th>
              <th scope="col">Detail</th>
            </tr>
          </thead>
          <tbody>
            {view.probes.map((p, i) => (
              <tr key={i}>
                <td>{p.phase}</td>
                <td>{p.route.display ?? p.route.label}</td>
                <td>{p.ok ? 'OK' : (p.failure ?? 'failed')}</td>
                <td>{formatDuration(p.durationMs)}</td>
                <td>{p.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {view.okFindings.length > 0 && (
          <ul className="findings">
            {view.okFindings.map((f) => (
              <li key={f.id}>
                <SeverityBadge severity={f.severity} /> {f.summary}
              </li>
            ))}
          </ul>
        )}
        <p className="muted">Rule: {report.recommendation.rule}</p>
      </details>
      <ReportActions />
      <div className="button-row step-actions">
        <button type="button" onClick={() => stores.wizard.getState().goTo('diagnose')}>
          Back
        </button>
        <button
          type="button"
          className="primary"
          aria-describedby="next-step"
          onClick={() => stores.wizard.getState().goTo('choose')}
        >
          Choose a fix
        </button>
      </div>
    </>
  );
}
