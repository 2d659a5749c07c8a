// The headers Codex 0.169 and 0.171 send with its WebSocket upgrade, recorded by running the real
// `codex exec` against a local server (tests/integration/probes.test.ts checks them again).
// Middleboxes may filter on them, so the probe sends the same ones. Credentials go only through
// ProbeAuth (the credential Codex itself would send); per-session ids are never imitated.

export const CODEX_VERSION = '0.171.0';

export const CODEX_WEBSOCKET_HEADERS: Readonly<Record<string, string>> = {
  // Codex's form is `codex_exec/<version> (<OS>; <arch>) <terminal> (codex_exec; <version>)`; the same
  // prefix, then who really asks.
  'User-Agent': `codex_exec/${CODEX_VERSION} (codex-connection-doctor probe)`,
  originator: 'codex_exec',
  'OpenAI-Beta': 'responses_websockets=2026-02-06',
  'Sec-WebSocket-Extensions': 'permessage-deflate; client_max_window_bits',
};

/** Header names a probe never sends, whatever the caller passes. */
export const NEVER_SENT = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'openai-organization',
  'openai-project',
  'chatgpt-account-id',
]);

/** Merges caller headers over Codex's, dropping credentials and the handshake's own headers. */
export function websocketHeaders(extra: Record<string, string> = {}): Record<string, string> {
  const reserved = new Set(['host', 'upgrade', 'connection', 'sec-websocket-key', 'sec-websocket-version']);
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries({ ...CODEX_WEBSOCKET_HEADERS, ...extra })) {
    const lower = name.toLowerCase();
    if (
      NEVER_SENT.has(lower) ||
      reserved.has(lower) ||
      /[\r\n]/.test(value) ||
      !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)
    )
      continue;
    for (const key of Object.keys(out)) if (key.toLowerCase() === lower) delete out[key];
    out[name] = value;
  }
  return out;
}

/**
 * What Codex would authenticate with: the headers (Authorization, ChatGPT-Account-ID, the
 * provider's http_headers), and whether they hold a credential, so that a 401 means "rejected".
 */
export interface ProbeAuth {
  headers: Record<string, string>;
  usable: boolean;
}

/** Credential headers as they may go on the wire: names that are tokens, values without line breaks. */
export function authHeaderLines(auth: ProbeAuth | undefined): string[] {
  if (!auth) return [];
  return Object.entries(auth.headers)
    .filter(([name, value]) => /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name) && !/[\r\n]/.test(value))
    .map(([name, value]) => `${name}: ${value}`);
}
