// Small formatting helpers shared by the steps.
import type { CheckEvent, CredentialInfo, Severity } from '../../shared/types.ts';

export function formatDuration(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return '';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes} min ${Math.round((ms % 60_000) / 1000)} s`;
}

export const STATUS_LABEL: Record<CheckEvent['status'], string> = {
  running: 'Running',
  ok: 'OK',
  warning: 'Warning',
  error: 'Problem',
  skipped: 'Skipped',
};

export const SEVERITY_LABEL: Record<Severity, string> = {
  ok: 'OK',
  info: 'Info',
  warning: 'Warning',
  error: 'Problem',
};

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2, ok: 3 };

export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
}

/** Codex's login mode, in words; the secret itself never reaches the renderer. */
export function authModeLabel(mode: string): string {
  switch (mode) {
    case 'apikey':
      return 'API key (codex login --with-api-key)';
    case 'chatgpt':
      return 'ChatGPT account';
    case 'none':
      return 'Not logged in';
    default:
      return 'Unknown';
  }
}

/**
 * A check detail made of many "name: status — words" parts (codex doctor's report) is cut down to
 * the parts that are not ok, so the one warning is not lost among the passes.
 */
export function shortCheckDetail(detail: string): string {
  // Split only before `id: status` parts: Codex's own summaries hold "; " too.
  const parts = detail.split(/; (?=[\w.-]+: \w)/);
  const isStatusPart = (p: string) => /^[\w.-]+: \w+/.test(p);
  if (parts.length < 3 || !parts.every(isStatusPart)) return detail;
  const notOk = parts.filter((p) => !/^[\w.-]+: ok\b/.test(p));
  const okCount = parts.length - notOk.length;
  if (okCount === 0) return detail;
  if (notOk.length === 0) return `all ${okCount} checks ok`;
  return `${notOk.join('; ')} (${okCount} other ${okCount === 1 ? 'check' : 'checks'} ok)`;
}

/** What the probes authenticate with, in words: where Codex takes its credential from, or why they go without. */
export function credentialLabel(c: CredentialInfo | undefined): string {
  if (!c) return 'Unknown';
  if (c.status === 'usable') return `Codex's own credential: ${c.source}`;
  return `Nothing — ${c.source}`;
}
