import { useEffect, useRef } from 'react';
import type { HistoryItem } from '../../../shared/types.ts';
import { ErrorNotice } from '../../components/common.tsx';
import { ConflictChoice } from '../../components/DiffView.tsx';
import { formatDateTime } from '../../logic/format.ts';
import { useSlice, useStores } from '../../store-context.tsx';

export function HistoryPage() {
  const stores = useStores();
  const { status, items, error, revertingId, conflict, message } = useSlice((s) => s.history, (s) => s);
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
      <p className="lead">Every change this app or the command line made, newest first. Each can be reverted on its own.</p>
      <div aria-live="polite">{message && (
          <p className="notice notice-ok" tabIndex={-1} ref={messageRef}>
            {message}
          </p>
        )}</div>
      {error && (
        <ErrorNotice
          error={error}
          action={
            <button type="button" onClick={() => void history.load()}>
              Reload the history
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
      {status === 'loading' && items.length === 0 && <p className="muted">Loading…</p>}
      {status === 'ready' && items.length === 0 && <p>No changes yet.</p>}
      {items.length > 0 && (
        <table className="history">
          <caption className="visually-hidden">Changes</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Fix</th>
              <th scope="col">Files</th>
              <th scope="col">State</th>
              <th scope="col">
                <span className="visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id}>
                <td>{formatDateTime(item.createdAt)}</td>
                <td>{item.title}</td>
                <td>
                  {item.files.map((f) => (
                    <code key={f} className="block">
                      {f}
                    </code>
                  ))}
                </td>
                <td>
                  {historyState(item)}
                  {item.sinceChange && <span className="muted block">{sinceChangeLabel(item.sinceChange)}</span>}
                </td>
                <td>
                  {!item.reverted && (
                    <button
                      type="button"
                      disabled={revertingId !== null}
                      aria-label={`Revert ${item.title} from ${formatDateTime(item.createdAt)}`}
                      onClick={() => void history.revert(item.id)}
                    >
                      Revert
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
          Back to the wizard
        </button>
      </div>
    </>
  );
}

/** What became of a change, in words: reverted, in place, edited since, or written over by another tool. */
function historyState(item: HistoryItem): string {
  if (item.reverted) return `Reverted ${item.revertedAt ? formatDateTime(item.revertedAt) : ''}`;
  if (item.state === 'overwritten') return 'Overwritten since: its lines are gone (another tool may have rewritten the file)';
  if (item.state === 'changed-since') return 'In place, files edited since';
  return 'In place';
}

/** What Codex's own log recorded since the change: the proof that it helped, or that it did not. */
function sinceChangeLabel(c: NonNullable<HistoryItem['sinceChange']>): string {
  if (c.retries + c.fallbacks + c.waitingForNetwork === 0) return 'Since then, Codex recorded no retries and no fallbacks.';
  return `Since then, Codex recorded ${c.retries} retries, ${c.fallbacks} fallbacks to HTTPS and ${c.waitingForNetwork} waits for the network.`;
}
