// Local stand-in for electron/core/redact.ts (owned elsewhere): shows a URL with its password
// replaced, so proxy URLs can be printed. Replace with redactUrl from ../redact.ts once it exists.

export function displayUrl(raw: string): string {
  try {
    const url = new URL(raw);
    if (url.password) url.password = '****';
    if (url.username && !url.password) url.username = '****';
    return url.toString().replace(/\/$/, raw.endsWith('/') ? '/' : '');
  } catch {
    // Not a URL: hide anything between "//" and "@" that could be a credential.
    return raw.replace(/\/\/([^/@\s]*)@/, (_m, cred: string) => `//${cred.split(':')[0]}:****@`);
  }
}

/** Removes secret-looking substrings from free text (tokens, keys, URL credentials). */
export function redactText(text: string, secrets: string[] = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 4) out = out.split(secret).join('****');
  }
  return out
    .replace(/\b(sk-[A-Za-z0-9_-]{4})[A-Za-z0-9_-]+/g, '$1****')
    .replace(/\b(Bearer\s+)[A-Za-z0-9._~+/=-]+/gi, '$1****')
    .replace(/(\/\/[^/@\s:]+):[^/@\s]+@/g, '$1:****@');
}
