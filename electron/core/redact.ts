// Display forms that never show a secret: proxy URLs with their password masked, text scrubbed of
// known secret values.

const SECRET_QUERY_NAME = /key|token|secret|password|passwd|auth|sig/i;
const MASK = '****';

/**
 * A URL as it may be shown: `scheme://user:****@host:port/path`, with the values of query
 * parameters whose names look secret (key, token, secret, password…) masked. A string that does
 * not parse as a URL is masked wherever it looks like `user:password@`.
 */
export function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url.replace(/(\/\/[^:/@\s]*):[^@/\s]*@/g, `$1:${MASK}@`);
  }
  // Built by hand: URL.toString() would percent-encode the mask and normalise what the user wrote.
  const userInfo = parsed.username ? `${parsed.username}${parsed.password ? `:${MASK}` : ''}@` : parsed.password ? `:${MASK}@` : '';
  const authority = parsed.host ? `//${userInfo}${parsed.host}` : '';
  const query = redactQuery(parsed.search);
  const path = parsed.host && parsed.pathname === '/' && !/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*\//i.test(url) ? '' : parsed.pathname;
  return `${parsed.protocol}${authority}${path}${query}${parsed.hash ? '#…' : ''}`;
}

function redactQuery(search: string): string {
  if (!search) return '';
  const parts = search
    .slice(1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq < 0) return pair;
      const name = pair.slice(0, eq);
      let decoded = name;
      try {
        decoded = decodeURIComponent(name);
      } catch {
        // keep the raw name
      }
      return SECRET_QUERY_NAME.test(decoded) ? `${name}=${MASK}` : pair;
    });
  return `?${parts.join('&')}`;
}

/** Replaces every occurrence of each secret (and its URL-encoded form) with `****`. */
export function redactText(text: string, secrets: string[]): string {
  let out = text;
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (!secret) continue;
    forms.add(secret);
    forms.add(encodeURIComponent(secret));
  }
  // Longest first, so a secret that contains another is masked whole.
  for (const form of [...forms].sort((a, b) => b.length - a.length)) {
    out = out.split(form).join(MASK);
  }
  return out;
}

/**
 * Masks credentials inside free text: the password of every URL-shaped `scheme://user:pass@`,
 * OpenAI-style `sk-…` keys and `Bearer …` tokens. For text whose secrets are not known in advance
 * (output of other programs, error messages, lines of config files).
 */
export function redactCredentials(text: string): string {
  return text
    .replace(/(\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@"']+):[^\s@/"']+@/gi, `$1:${MASK}@`)
    .replace(/\b(sk-[A-Za-z0-9_-]{4})[A-Za-z0-9_-]+/g, `$1${MASK}`)
    .replace(/\b(Bearer\s+)[A-Za-z0-9._~+/=-]+/gi, `$1${MASK}`);
}
