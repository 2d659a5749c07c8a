// Display helpers for this module. URLs go through the project's redactUrl (../redact.ts);
// redactText also masks known secret values and key-shaped strings in codex doctor's output.
import { redactCredentials, redactText as redactKnownSecrets, redactUrl } from '../redact.ts';

export function displayUrl(raw: string): string {
  return redactUrl(raw);
}

/** Removes secret-looking substrings from free text (tokens, keys, URL credentials). */
export function redactText(text: string, secrets: string[] = []): string {
  return redactCredentials(
    redactKnownSecrets(
      text,
      secrets.filter((s) => s.length >= 4),
    ),
  );
}
