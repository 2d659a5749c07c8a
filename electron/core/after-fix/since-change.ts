// After a fix, later: did the Codex sessions since then still retry or fall back? Codex's own log
// database answers it, for the active changes of History.
import type { HistoryItem, JournalEntry } from '../../../shared/types.ts';
import { readCodexHistory } from '../codex/history.ts';
import { msg, type Message } from '../../../shared/i18n/message.ts';

const MAX_LOOKED_AT = 5;

/** Adds `sinceChange` to the newest active changes whose CODEX_HOME has a log database. */
export async function withRecordSinceChange(
  items: HistoryItem[],
  entries: JournalEntry[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<HistoryItem[]> {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const active = items.filter((i) => !i.reverted && byId.has(i.id)).slice(0, MAX_LOOKED_AT);
  const out = new Map<string, HistoryItem>();
  for (const item of active) {
    const entry = byId.get(item.id)!;
    const h = await readCodexHistory({
      codexHome: entry.codexHome,
      sqliteHome: env.CODEX_SQLITE_HOME,
      since: Date.parse(entry.createdAt),
      budgetMs: 500,
    });
    if (h.since && (h.status === 'ok' || h.status === 'partial'))
      out.set(item.id, { ...item, sinceChange: h.since.counts });
  }
  return items.map((i) => out.get(i.id) ?? i);
}

/** One line for `history`: what Codex recorded since the change. */
export function sinceChangeText(item: HistoryItem): Message | null {
  const c = item.sinceChange;
  if (!c) return null;
  if (c.retries + c.fallbacks + c.waitingForNetwork === 0) return msg('fixes.after.since-none');
  return msg('fixes.after.since-counts', { retries: c.retries, fallbacks: c.fallbacks, waits: c.waitingForNetwork });
}
