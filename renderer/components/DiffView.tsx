// One file's diff: line numbers on both sides, additions and removals marked in text, not colour alone.
import { useEffect, useMemo, useRef } from 'react';
import type { MessageId } from '../../shared/i18n/message.ts';
import type { FileDiff, RevertConflict } from '../../shared/types.ts';
import { Rich, useText } from '../i18n.tsx';
import { diffRows, rowMarker } from '../logic/diff.ts';

const ACTION_LABEL: Record<FileDiff['action'], MessageId> = {
  create: 'app.diff.action.create',
  modify: 'app.diff.action.modify',
  delete: 'app.diff.action.delete',
};

export function DiffView({
  path,
  hunks,
  summary,
  action,
  added,
  removed,
}: Pick<FileDiff, 'path' | 'hunks' | 'summary'> & Partial<Pick<FileDiff, 'action' | 'added' | 'removed'>>) {
  const { t } = useText();
  const rows = useMemo(() => diffRows({ hunks, summary }), [hunks, summary]);
  return (
    <figure className="diff">
      <figcaption>
        <code className="diff-path">{path}</code>
        {action && <span className="muted"> — {t(ACTION_LABEL[action])}</span>}
        {added !== undefined && removed !== undefined && (
          <span className="diff-counts">
            <span className="added-count">+{added}</span> <span className="removed-count">−{removed}</span>
            <span className="visually-hidden"> {t('app.diff.counts', { count: added, removed })}</span>
          </span>
        )}
      </figcaption>
      <div className="diff-scroll" tabIndex={0} aria-label={t('app.diff.label', { path })}>
        <table>
          <thead className="visually-hidden">
            <tr>
              <th scope="col">{t('app.diff.col.old')}</th>
              <th scope="col">{t('app.diff.col.new')}</th>
              <th scope="col">{t('app.diff.col.change')}</th>
              <th scope="col">{t('app.diff.col.text')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => {
              const marker = rowMarker(row.kind);
              return (
                <tr key={i} className={`diff-row diff-${row.kind}`}>
                  <td className="ln">{row.oldLine ?? ''}</td>
                  <td className="ln">{row.newLine ?? ''}</td>
                  <td className="marker">
                    {row.kind === 'add' || row.kind === 'remove' ? (
                      <>
                        <span aria-hidden="true">{marker.symbol}</span>
                        <span className="visually-hidden">{t(marker.label)}</span>
                      </>
                    ) : null}
                  </td>
                  <td className="code">
                    <code>{row.text || (row.eol ? '' : ' ')}</code>
                    {row.eol && (
                      <span className="diff-eol">
                        <span aria-hidden="true">{row.eol.symbol}</span> {t(row.eol.label)}
                      </span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

export function ConflictChoice({
  conflicts,
  busy,
  onRemoveFixLines,
  onKeep,
  onCancel,
}: {
  conflicts: RevertConflict[];
  busy: boolean;
  onRemoveFixLines(): void;
  onKeep(): void;
  onCancel(): void;
}) {
  const { t } = useText();
  const title = useRef<HTMLHeadingElement>(null);
  // The choice replaces the button that asked for it: move focus to it so keyboard users land on it.
  useEffect(() => title.current?.focus(), []);
  return (
    <section
      className="notice notice-warning"
      role="alertdialog"
      aria-labelledby="conflict-title"
      aria-describedby="conflict-desc"
    >
      <h2 id="conflict-title" className="h3" tabIndex={-1} ref={title}>
        {t('app.conflict.title')}
      </h2>
      <p id="conflict-desc">{t('app.conflict.desc')}</p>
      <ul className="choice-help">
        <li>
          <Rich id="app.conflict.remove-help" />
        </li>
        <li>
          <Rich id="app.conflict.keep-help" />
        </li>
      </ul>
      {conflicts.map((c) => (
        <DiffView key={c.path} path={c.path} hunks={c.hunks} />
      ))}
      <div className="button-row">
        <button type="button" className="primary" onClick={onRemoveFixLines} disabled={busy}>
          {t('app.conflict.remove')}
        </button>
        <button type="button" onClick={onKeep} disabled={busy}>
          {t('app.conflict.keep')}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          {t('app.cancel')}
        </button>
      </div>
    </section>
  );
}
