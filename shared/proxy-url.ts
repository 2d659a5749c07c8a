// The one parser of proxy URLs, with Codex's rules (../shared/FACTS.md "Proxies", docs/codex-routes.md):
// its WebSocket client accepts http://, socks5:// (name resolved locally) and socks5h:// (name passed
// to the proxy), not https://; a bare host:port is read as http:// (reqwest and curl do the same);
// a missing port is the scheme's default (http 80, SOCKS 1080); a login is user:password@, percent-
// encoded, and Codex sends it only as HTTP Basic. What each caller then requires (the app and the
// fixes write only scheme://host:port, the diagnosis only warns) is decided by the caller.
// Pure: no node imports (the renderer, the IPC validation and the engine use it).

export const PROXY_SCHEMES = ['http', 'socks5', 'socks5h'] as const;
export type ProxyScheme = (typeof PROXY_SCHEMES)[number];

export const DEFAULT_PROXY_PORTS: Record<ProxyScheme, number> = { http: 80, socks5: 1080, socks5h: 1080 };

export interface ProxyUrl {
  scheme: ProxyScheme;
  /** IPv6 literals without their brackets. */
  host: string;
  /** As written, else the scheme's default. */
  port: number;
  /** False for a bare `host:port`, read as http://. */
  explicitScheme: boolean;
  /** True when the text names the port, the scheme's default included (`http://proxy:80`). */
  explicitPort: boolean;
  /** Decoded; the user's proxy login, sent only to that proxy. */
  username?: string;
  password?: string;
  /** A user or a password (or both) is in the URL. */
  hasLogin: boolean;
  /** Something after the port: a path other than `/`, and a query or fragment. */
  hasPath: boolean;
  hasQueryOrFragment: boolean;
}

export type ProxyUrlParse =
  | { ok: true; proxy: ProxyUrl }
  /** `scheme` (without `:`) is set for 'scheme': https, or one Codex does not know. */
  | { ok: false; problem: 'not-url' | 'no-host' | 'port-range' }
  | { ok: false; problem: 'scheme'; scheme: string };

const SCHEME_PREFIX = /^[a-z][a-z0-9+.-]*:\/\//i;

export function parseProxyUrl(raw: string): ProxyUrlParse {
  const text = raw.trim();
  const explicitScheme = SCHEME_PREFIX.test(text);
  let url: URL;
  try {
    url = new URL(explicitScheme ? text : `http://${text}`);
  } catch {
    return { ok: false, problem: 'not-url' };
  }
  const scheme = url.protocol.slice(0, -1).toLowerCase();
  if (!isProxyScheme(scheme)) return { ok: false, problem: 'scheme', scheme };
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (!host) return { ok: false, problem: 'no-host' };
  // The URL parser drops a port that is the scheme's default (`http://proxy:80` has port ''), so
  // whether one was written is read from the text: the authority after the login ends in `:digits`.
  const authority = /^[^/?#]*/.exec(text.replace(SCHEME_PREFIX, ''))![0];
  const explicitPort = /:\d+$/.test(authority.slice(authority.lastIndexOf('@') + 1));
  const port = url.port ? Number(url.port) : DEFAULT_PROXY_PORTS[scheme];
  if (explicitPort && port === 0) return { ok: false, problem: 'port-range' };
  const proxy: ProxyUrl = {
    scheme,
    host,
    port,
    explicitScheme,
    explicitPort,
    hasLogin: url.username !== '' || url.password !== '',
    hasPath: url.pathname !== '' && url.pathname !== '/',
    hasQueryOrFragment: url.search !== '' || url.hash !== '',
  };
  if (url.username) proxy.username = safeDecode(url.username);
  if (url.password) proxy.password = safeDecode(url.password);
  return { ok: true, proxy };
}

function isProxyScheme(scheme: string): scheme is ProxyScheme {
  return (PROXY_SCHEMES as readonly string[]).includes(scheme);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** A proxy URL with a login, user and password percent-encoded (what `.env` must hold). */
export function proxyUrlWithLogin(url: string, user: string, password: string): string {
  const bare = proxyUrlWithoutLogin(url);
  const m = /^([a-z][a-z0-9+.-]*:\/\/)(.*)$/i.exec(bare);
  if (!m) throw new Error('not a proxy URL');
  return `${m[1]}${encodeURIComponent(user)}:${encodeURIComponent(password)}@${m[2]}`;
}

/** The proxy URL without any login in it; a login may hold unencoded `@` or `/`, so up to the last `@`. */
export function proxyUrlWithoutLogin(url: string): string {
  return url.trim().replace(/^([a-z][a-z0-9+.-]*:\/\/).*@(?=[^@]*$)/i, '$1');
}
