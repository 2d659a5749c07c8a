// One file's diff: line numbers on both sides, additions and removals marked in text, not colour alone.
import { useEffect, useMemo, useRef } from 'react';
import type { FileDiff } from '../../shared/types.ts';
import { parseUnifiedDiff, rowMarker } from '../logic/diff.ts';

const ACTION_LABEL: Record<FileDiff['action'], string> = { create: 'new file', modify: 'changed', delete: 'deleted' };

export function DiffView({ path, unified, action, added, removed }: Pick<FileDiff, 'path' | 'unified'> & Partial<Pick<FileDiff, 'action' | 'added' | 'removed'>>) {
  const rows = useMemo(() => parseUnifiedDiff(unified), [unified]);
  return (
    <figure className="diff">
      <figcaption>
        <code className="diff-path">{path}</code>
        {action && <span className="muted"> — {ACTION_LABEL[action]}</span>}
        {added !== undefined && removed !== undefined && (
          <span className="diff-counts">
            <span className="added-count">+{added}</span> <span className="removed-count">−{removed}</span>
            <span className="visually-hidden">{` ${added} lines added, ${removed} removed`}</span>
          </span>
        )}
      </figcaption>
      <div className="diff-scroll" tabIndex={0} aria-label={`Diff of ${path}`}>
        <table>
          <thead className="visually-hidden">
            <tr>
              <th scope="col">Old line</th>
              <th scope="col">New line</th>
              <th scope="col">Change</th>
              <th scope="col">Text</th>
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
                        <span className="visually-hidden">{marker.label}</span>
                      </>
                    ) : null}
                  </td>
                  <td className="code">
                    <code>{row.text || ' '}</code>
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
  conflicts: { path: string; unified: string }[];
  busy: boolean;
  onRemoveFixLines(): void;
  onKeep(): void;
  onCancel(): void;
}) {
  const title = useRef<HTMLHeadingElement>(null);
  // The choice replaces the button that asked for it: move focus to it so keyboard users land on it.
  useEffect(() => title.current?.focus(), []);
  return (
    <section className="notice notice-warning" role="alertdialog" aria-labelledby="conflict-title" aria-describedby="conflict-desc">
      <h2 id="conflict-title" className="h3" tabIndex={-1} ref={title}>The file changed since the fix</h2>
      <p id="conflict-desc">
        Restoring the copy from before the fix would throw away the edits made since. Below is what differs between the
        file the fix left (−) and the file as it is now (+). Nothing has been written yet.
      </p>
      <ul className="choice-help">
        <li>
          <strong>Remove only the fix’s lines</strong>: takes out what the fix added and puts back what it removed, and keeps
          every other edit.
        </li>
        <li>
          <strong>Keep my file</strong>: leaves the file exactly as it is now and marks the change as reverted in History.
        </li>
      </ul>
      {conflicts.map((c) => (
        <DiffView key={c.path} path={c.path} unified={c.unified} />
      ))}
      <div className="button-row">
        <button type="button" className="primary" onClick={onRemoveFixLines} disabled={busy}>Remove only the fix’s lines</button>
        <button type="button" onClick={onKeep} disabled={busy}>Keep my file</button>
        <button type="button" onClick={onCancel} disabled={busy}>Cancel</button>
      </div>
    </section>
  );
}
