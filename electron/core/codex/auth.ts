import type { AuthMode } from '../../../shared/types.ts';

/**
 * The login mode from the text of auth.json. Looks only at `auth_mode`, and when that is missing
 * only at whether an API key or tokens are present — their values are never kept or returned.
 */
export function authModeFromAuthJson(text: string): { mode: AuthMode; valid: boolean } {
  let data: unknown;
  try {
    data = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch {
    return { mode: 'unknown', valid: false };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { mode: 'unknown', valid: false };
  const record = data as Record<string, unknown>;
  const declared = record.auth_mode;
  if (typeof declared === 'string') {
    const normalized = declared.toLowerCase().replace(/[_-]/g, '');
    if (normalized === 'apikey') return { mode: 'apikey', valid: true };
    if (normalized.startsWith('chatgpt')) return { mode: 'chatgpt', valid: true };
    return { mode: 'unknown', valid: true };
  }
  if (typeof record.OPENAI_API_KEY === 'string' && record.OPENAI_API_KEY !== '') return { mode: 'apikey', valid: true };
  if (typeof record.tokens === 'object' && record.tokens !== null) return { mode: 'chatgpt', valid: true };
  return { mode: 'none', valid: true };
}
