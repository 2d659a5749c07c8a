// Small formatting helpers shared by the steps: catalog ids and messages, never sentences.
import { msg, type Message, type MessageId } from '../../shared/i18n/message.ts';
import type { CheckEvent, CredentialInfo, Severity } from '../../shared/types.ts';

/** A duration as the locale writes it (`12 ms`, `6.5 s` / `12毫秒`); nothing for no duration. */
export function durationMessage(ms: number | undefined): Message | null {
  if (ms === undefined || !Number.isFinite(ms)) return null;
  return msg('app.duration', { ms });
}

export const STATUS_LABEL: Record<CheckEvent['status'], MessageId> = {
  running: 'app.status.running',
  ok: 'app.status.ok',
  warning: 'app.status.warning',
  error: 'app.status.error',
  skipped: 'app.status.skipped',
};

export const SEVERITY_LABEL: Record<Severity, MessageId> = {
  ok: 'app.status.ok',
  info: 'app.severity.info',
  warning: 'app.status.warning',
  error: 'app.status.error',
};

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2, ok: 3 };

/** A timestamp the same way in every language: `2026-01-01 10:00 UTC`. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
}

const AUTH_MODE: Record<string, MessageId> = {
  apikey: 'app.auth.apikey',
  chatgpt: 'app.auth.chatgpt',
  none: 'app.auth.none',
};

/** Codex's login mode, in words; the secret itself never reaches the renderer. */
export function authModeLabel(mode: string): MessageId {
  return AUTH_MODE[mode] ?? 'app.unknown';
}

/**
 * A check detail made of many "name: status — words" parts (codex doctor's report) is cut down to
 * the parts that are not ok, so the one warning is not lost among the passes. `null`: show the
 * detail as it is.
 */
export function shortCheckDetail(detail: string): Message | null {
  // Split only before `id: status` parts: Codex's own summaries hold "; " too.
  const parts = detail.split(/; (?=[\w.-]+: \w)/);
  const isStatusPart = (p: string) => /^[\w.-]+: \w+/.test(p);
  if (parts.length < 3 || !parts.every(isStatusPart)) return null;
  const notOk = parts.filter((p) => !/^[\w.-]+: ok\b/.test(p));
  const okCount = parts.length - notOk.length;
  if (okCount === 0) return null;
  if (notOk.length === 0) return msg('app.check-detail.all-ok', { count: okCount });
  return msg('app.check-detail.others-ok', { parts: notOk.join('; '), count: okCount });
}

/** What the probes authenticate with, in words: where Codex takes its credential from, or why they go without. */
export function credentialLabel(c: CredentialInfo | undefined): Message {
  if (!c) return msg('app.unknown');
  if (c.status === 'usable') return msg('app.credential.usable', { source: c.source });
  return msg('app.credential.missing', { source: c.source });
}
