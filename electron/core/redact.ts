// The one place that decides what is shown in place of a secret: URLs with their password masked,
// text scrubbed of known secret values and of anything shaped like a credential, config lines with
// the values of secret-looking keys masked, and messages whose parameters went through all that.
import { isMessage, type Message, type MessageParam } from '../../shared/i18n/message.ts';

const SECRET_QUERY_NAME = /key|token|secret|password|passwd|auth|sig/i;
const MASK = '****';

/**
 * A URL as it may be shown: `scheme://user:****@host:port/path`, with the values of query
 * parameters whose names look secret (key, token, secret, password…) masked. A string that does
 * not parse as a URL is masked wherever it looks like `user:password@`.
 */
export function redactUrl(url: string): string {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  // A password may hold `/`, `?`, `#`, `@` or spaces unencoded: the URL then does not parse, or
  // parses with part of the password as port or path. Only trust the parse when the last `@` is
  // the one that ends the parsed user info.
  if (!parsed || !userInfoParsedWhole(url, parsed)) return maskRawUrl(url);
  // Built by hand: URL.toString() would percent-encode the mask and normalise what the user wrote.
  const userInfo = parsed.username
    ? `${parsed.username}${parsed.password ? `:${MASK}` : ''}@`
    : parsed.password
      ? `:${MASK}@`
      : '';
  const authority = parsed.host ? `//${userInfo}${parsed.host}` : '';
  const query = redactQuery(parsed.search);
  const path =
    parsed.host && parsed.pathname === '/' && !/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*\//i.test(url) ? '' : parsed.pathname;
  return `${parsed.protocol}${authority}${path}${query}${parsed.hash ? '#…' : ''}`;
}

/** True when nothing after the parsed authority holds an `@`, so the parse saw the whole user info. */
function userInfoParsedWhole(url: string, parsed: URL): boolean {
  const at = url.lastIndexOf('@');
  if (at < 0) return true;
  const slashes = url.indexOf('//');
  if (slashes < 0 || at < slashes) return true; // mailto:a@b and the like: no authority
  const authority = /^[^/?#]*/.exec(url.slice(slashes + 2))![0];
  // `https://host/p@x`: no `user:` before the path, so the `@` is in the path.
  if (!parsed.username && !parsed.password && !authority.includes(':') && !authority.includes('@')) return true;
  return !!(parsed.username || parsed.password) && !`${parsed.pathname}${parsed.search}${parsed.hash}`.includes('@');
}

/**
 * Masks a URL that does not parse (or parses wrongly): everything between `//user:` and the last
 * `@` is the password. With an `@` but no `user:` before it, the whole user info is masked; a value
 * with neither a `//` nor an `@` holds no login.
 */
function maskRawUrl(url: string): string {
  const slashes = url.indexOf('//');
  const at = url.lastIndexOf('@');
  if (slashes < 0 || at < slashes) return at >= 0 ? MASK : url;
  const userInfo = url.slice(slashes + 2, at);
  const colon = userInfo.indexOf(':');
  const user = colon >= 0 ? userInfo.slice(0, colon) : '';
  const rest = url.slice(at + 1);
  const q = rest.indexOf('?');
  const tail = q >= 0 ? rest.slice(0, q) + redactQuery(rest.slice(q)) : rest;
  return `${url.slice(0, slashes + 2)}${colon >= 0 ? `${user}:` : ''}${MASK}@${tail}`;
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

/**
 * The password of a URL, as written and decoded (text may hold either), to be masked wherever it
 * appears. A password may hold `/`, `?`, `#`, `@` or spaces unencoded; then the URL does not parse
 * and, as in redactUrl, the password is everything between `//user:` and the last `@`.
 */
export function urlPasswords(url: string): string[] {
  const text = url.trim();
  let password: string | undefined;
  try {
    const parsed = new URL(text);
    if (userInfoParsedWhole(text, parsed)) password = parsed.password;
  } catch {
    password = undefined;
  }
  password ??= /^[a-z][a-z0-9+.-]*:\/\/[^:@/]*:(.*)@[^@]*$/i.exec(text)?.[1];
  if (!password) return [];
  let decoded = password;
  try {
    decoded = decodeURIComponent(password);
  } catch {
    // keep the raw form
  }
  return [...new Set([password, decoded])];
}

/** Replaces every occurrence of each secret (and its URL-encoded form) with `****`. */
export function redactKnownSecrets(text: string, secrets: string[]): string {
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
  return (
    text
      // The password runs to the last `@` of the word: it may hold `/`, `:` or `@` unencoded.
      // with or without a scheme; then one with a space in it runs to the next `@` of the line.
      .replace(/((?:\b[a-z][a-z0-9+.-]*:)?\/\/[^\s:/@"']*):[^\s"']*@/gi, `$1:${MASK}@`)
      .replace(/((?:\b[a-z][a-z0-9+.-]*:)?\/\/[^\s:/@"']*):(?!\*\*\*\*@)[^\n"'@]*@/gi, `$1:${MASK}@`)
      .replace(/\b(sk-[A-Za-z0-9_-]{4})[A-Za-z0-9_-]+/g, `$1${MASK}`)
      .replace(/\b(Bearer\s+)[A-Za-z0-9._~+/=-]+/gi, `$1${MASK}`)
  );
}

/**
 * Text another program wrote (codex doctor's output): the known secrets of 4 characters or more,
 * then anything shaped like a credential, masked.
 */
export function redactOutput(text: string, secrets: string[] = []): string {
  return redactCredentials(
    redactKnownSecrets(
      text,
      secrets.filter((s) => s.length >= 4),
    ),
  );
}

/** A message with every text parameter (nested ones included) passed through redactCredentials. */
export function redactMessage(message: Message): Message {
  if (!message.params) return message;
  const redact = (p: MessageParam): MessageParam =>
    typeof p === 'string'
      ? redactCredentials(p)
      : typeof p === 'number'
        ? p
        : isMessage(p)
          ? redactMessage(p)
          : (p as readonly (string | number | Message)[]).map((x) => redact(x) as string | number | Message);
  return { id: message.id, params: Object.fromEntries(Object.entries(message.params).map(([k, v]) => [k, redact(v)])) };
}

const SECRET_KEY =
  /(api[_-]?key|(^|[_-])key$|token|secret|passw(or)?d|bearer|cookie|authorization|credential|auth|signature)/i;
const NOT_SECRET =
  /^(env_key|env_key_instructions|requires_openai_auth|cli_auth_credentials_store|preferred_auth_method|forced_login_method)$/;

function isSecretName(name: string): boolean {
  return SECRET_KEY.test(name) && !NOT_SECRET.test(name);
}

/** A TOML/.env key (bare, "quoted" or 'literal'), `=`, and a string or bare value. */
const PAIR = /(^|[{,]\s*)("(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_.-]+)(\s*=\s*)("(?:[^"\\]|\\.)*"|'[^']*'|[^,{}\s]+)/g;

function unquoteKey(key: string): string {
  return /^["']/.test(key) ? key.slice(1, -1) : key;
}

/** Masks values under secret-looking keys inside inline tables: `{ "api-key" = "…", "X-Auth-Key" = "…" }`. */
function redactInlineTables(value: string): string {
  const brace = value.indexOf('{');
  if (brace < 0) return value;
  const head = value.slice(0, brace);
  const body = value.slice(brace).replace(PAIR, (all, lead: string, key: string, eq: string, v: string) => {
    // Inner dotted keys (`p.http_headers.X-Key`): judge by the last part.
    const name = unquoteKey(key.split('.').pop() ?? key);
    return isSecretName(unquoteKey(key)) || isSecretName(name)
      ? `${lead}${key}${eq}${/^["']/.test(v) ? `${v[0]}****${v[0]}` : '****'}`
      : all;
  });
  return head + body;
}

/**
 * Masks a URL's password in an assignment's value, to the last `@` of the value: a password with a
 * space or a quote in it ends at no word boundary a free-text scan could find.
 */
function redactValueUrls(value: string): string {
  return value.replace(/(\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@"']*):.*@/gi, '$1:****@');
}

/** Masks what could be a secret in one line of a config or .env file. */
export function redactLine(line: string): string {
  const m = /^(\s*(?:export\s+)?)(["']?)([A-Za-z0-9_.-]+|[^"'=]*)\2(\s*=\s*)(.*)$/.exec(line);
  if (!m) return redactCredentials(line);
  if (isSecretName(m[3]!) && m[5]!.trim() !== '') return `${m[1]}${m[2]}${m[3]}${m[2]}${m[4]}****`;
  return `${m[1]}${m[2]}${m[3]}${m[2]}${m[4]}${redactCredentials(redactInlineTables(redactValueUrls(m[5]!)))}`;
}
