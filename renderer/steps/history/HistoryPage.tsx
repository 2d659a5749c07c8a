import { useEffect, useRef } from 'react';
import { msg, type Message } from '../../../shared/i18n/message.ts';
import type { HistoryItem } from '../../../shared/types.ts';
import { ErrorNotice } from '../../components/common.tsx';
import { ConflictChoice } from '../../components/DiffView.tsx';
import { useText } from '../../i18n.tsx';
import { formatDateTime } from '../../logic/format.ts';
import { useSlice, useStores } from '../../store-context.tsx';

export function HistoryPage() {
  const stores = useStores();
  const { t, tm } = useText();
  const { status, items, error, revertingId, conflict, message } = useSlice(
    (s) => s.history,
    (s) => s,
  );
  useEffect(() => {
    void stores.history.getState().load();
  }, [stores]);
  const history = stores.history.getState();
  const messageRef = useRef<HTMLParagraphElement>(null);
  // The conflict choice (and its buttons) goes away after the revert: focus the result instead.
  useEffect(() => {
    if (message) messageRef.current?.focus();
  }, [message]);
  return (
    <>
      <p className="lead">{t('app.history.intro')}</p>
      <div aria-live="polite">
        {message && (
          <p className="notice notice-ok" tabIndex={-1} ref={messageRef}>
            {tm(message)}
          </p>
        )}
      </div>
      {error && (
        <ErrorNotice
          error={error}
          action={
            <button type="button" onClick={() => void history.load()}>
              {t('app.history.reload')}
            </button>
          }
        />
      )}
      {conflict && (
        <ConflictChoice
          conflicts={conflict.conflicts}
          busy={revertingId !== null}
          onRemoveFixLines={() => void history.revert(conflict.changeId, 'remove-fix-lines')}
          onKeep={() => void history.revert(conflict.changeId, 'keep')}
          onCancel={() => history.dismissConflict()}
        />
      )}
      {status === 'loading' && items.length === 0 && <p className="muted">{t('app.loading')}</p>}
      {status === 'ready' && items.length === 0 && <p>{t('app.history.empty')}</p>}
      {items.length > 0 && (
        <table className="history">
          <caption className="visually-hidden">{t('app.history.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('app.history.col.when')}</th>
              <th scope="col">{t('app.history.col.fix')}</th>
              <th scope="col">{t('app.history.col.files')}</th>
              <th scope="col">{t('app.history.col.state')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('app.history.col.action')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id}>
                <td>{formatDateTime(item.createdAt)}</td>
                <td>{tm(item.title)}</td>
                <td>
                  {item.files.map((f) => (
                    <code key={f} className="block">
                      {f}
                    </code>
                  ))}
                </td>
                <td>
                  {tm(historyState(item))}
                  {item.sinceChange && <span className="muted block">{tm(sinceChangeLabel(item.sinceChange))}</span>}
                </td>
                <td>
                  {!item.reverted && (
                    <button
                      type="button"
                      disabled={revertingId !== null}
                      aria-label={t('app.history.revert-label', {
                        title: item.title,
                        when: formatDateTime(item.createdAt),
                      })}
                      onClick={() => void history.revert(item.id)}
                    >
                      {t('app.history.revert')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="button-row step-actions">
        <button type="button" onClick={() => stores.wizard.getState().showPage('wizard')}>
          {t('app.history.back')}
        </button>
      </div>
    </>
  );
}

/** What became of a change, in words: reverted, in place, edited since, or written over by another tool. */
function historyState(item: HistoryItem): Message {
  if (item.reverted) {
    return item.revertedAt
      ? msg('app.history.state.reverted', { when: formatDateTime(item.revertedAt) })
      : msg('app.history.state.reverted-undated');
  }
  if (item.state === 'overwritten') return msg('app.history.state.overwritten');
  if (item.state === 'changed-since') return msg('app.history.state.changed-since');
  return msg('app.history.state.in-place');
}

/** What Codex's own log recorded since the change: the proof that it helped, or that it did not. */
function sinceChangeLabel(c: NonNullable<HistoryItem['sinceChange']>): Message {
  if (c.retries + c.fallbacks + c.waitingForNetwork === 0) return msg('app.history.since.none');
  return msg('app.history.since.counts', { retries: c.retries, fallbacks: c.fallbacks, waits: c.waitingForNetwork });
}
