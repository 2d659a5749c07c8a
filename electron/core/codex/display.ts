// Display helpers for this module. URLs go through the project's redactUrl (../redact.ts);
// redactText also masks known secret values and key-shaped strings in codex doctor's output.
import { redactText as redactKnownSecrets, redactUrl } from '../redact.ts';

export function displayUrl(raw: string): string {
  return redactUrl(raw);
}

/** Removes secret-looking substrings from free text (tokens, keys, URL credentials). */
export function redactText(text: string, secrets: string[] = []): string {
  return redactKnownSecrets(text, secrets.filter((s) => s.length >= 4))
    .replace(/\b(sk-[A-Za-z0-9_-]{4})[A-Za-z0-9_-]+/g, '$1****')
    .replace(/\b(Bearer\s+)[A-Za-z0-9._~+/=-]+/gi, '$1****')
    .replace(/(\/\/[^/@\s:]+):[^/@\s]+@/g, '$1:****@');
}
