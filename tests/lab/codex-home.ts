// A throwaway CODEX_HOME pointing Codex at the fake API, with the login it needs:
// - provider 'env-key' (default): a custom provider `lab` whose key comes from the LAB_KEY variable;
// - provider 'builtin-openai': the built-in `openai` provider moved with `openai_base_url`, the
//   credential from auth.json (or CODEX_API_KEY);
// - provider 'openai-auth': a custom provider `lab` with `requires_openai_auth = true` (no env_key),
//   which uses the `codex login` credential (auth.json) — the only way to test a ChatGPT login
//   against a fake, since `chatgpt_base_url` does not move the built-in provider's Responses endpoint.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { LAB_API_KEY, LAB_CHATGPT_LOGIN } from './fake-responses-api.ts';
import { makeTempDir } from './temp-dirs.ts';

export type LabProviderKind = 'env-key' | 'builtin-openai' | 'openai-auth';

/** A login as `codex login` writes it to $CODEX_HOME/auth.json. */
export type LabLogin =
  | { kind: 'api-key'; key: string }
  | { kind: 'chatgpt'; idToken: string; accessToken: string; refreshToken: string; accountId: string };

export interface CodexHomeOptions {
  /** The provider's base_url (or openai_base_url for the built-in provider), e.g. the fake API's baseUrl. */
  baseUrl?: string;
  /** Which provider Codex uses. Default 'env-key'. */
  provider?: LabProviderKind;
  /** Default true: the lab is about the WebSocket (custom providers only; the built-in one always tries it). */
  supportsWebsockets?: boolean;
  /** The env var that holds the provider's key ('env-key' only). Default LAB_KEY (what runCodex sets). */
  envKey?: string;
  /** Writes $CODEX_HOME/auth.json. */
  login?: LabLogin;
  /** Written verbatim to $CODEX_HOME/.env. */
  dotenv?: string;
  /** Written verbatim as config.toml instead of the generated one. */
  configToml?: string;
  /** Lines put at the top of the generated config.toml (e.g. a tool's "managed" comment). */
  preamble?: string;
  /** Custom providers only (the built-in provider's table cannot be written). */
  websocketConnectTimeoutMs?: number;
}

export const LAB_PROVIDER_ID = 'lab';

/**
 * Tables that keep Codex 0.169/0.171 from calling github.com, chatgpt.com and ab.chatgpt.com
 * (plugin sync and analytics; seen in squid's log). Append them to a verbatim configToml too.
 */
export const LAB_QUIET_TOML = ['[analytics]', 'enabled = false', '', '[features]', 'plugins = false', ''].join('\n');
export const LAB_KEY_VAR = 'LAB_KEY';

function tomlString(value: string): string {
  return JSON.stringify(value); // a JSON string is a valid TOML basic string
}

/** auth.json after `codex login --with-api-key`. */
export function apiKeyAuthJson(key: string = LAB_API_KEY): Record<string, unknown> {
  return { auth_mode: 'apikey', OPENAI_API_KEY: key };
}

/**
 * auth.json after a ChatGPT login (codex-rs/login/src/auth/storage.rs AuthDotJson, token_data.rs
 * TokenData). `last_refresh` is now and the tokens' `exp` far ahead, so Codex does not refresh.
 */
export function chatgptAuthJson(
  login: Extract<LabLogin, { kind: 'chatgpt' }> = { kind: 'chatgpt', ...LAB_CHATGPT_LOGIN },
): Record<string, unknown> {
  return {
    auth_mode: 'chatgpt',
    OPENAI_API_KEY: null,
    tokens: {
      id_token: login.idToken,
      access_token: login.accessToken,
      refresh_token: login.refreshToken,
      account_id: login.accountId,
    },
    last_refresh: new Date().toISOString(),
  };
}

/** The lab's ChatGPT login fixture as a LabLogin. */
export const LAB_CHATGPT: LabLogin = {
  kind: 'chatgpt',
  idToken: LAB_CHATGPT_LOGIN.idToken,
  accessToken: LAB_CHATGPT_LOGIN.accessToken,
  refreshToken: LAB_CHATGPT_LOGIN.refreshToken,
  accountId: LAB_CHATGPT_LOGIN.accountId,
};

export function authJsonFor(login: LabLogin): Record<string, unknown> {
  return login.kind === 'api-key' ? apiKeyAuthJson(login.key) : chatgptAuthJson(login);
}

/** Writes $CODEX_HOME/auth.json (mode 0600, as Codex does). */
export function writeAuthJson(codexHome: string, login: LabLogin): void {
  writeFileSync(path.join(codexHome, 'auth.json'), `${JSON.stringify(authJsonFor(login), null, 2)}\n`, { mode: 0o600 });
}

export function labConfigToml(opts: CodexHomeOptions): string {
  const baseUrl = opts.baseUrl ?? 'http://127.0.0.1:9/v1';
  const provider = opts.provider ?? 'env-key';
  const lines = opts.preamble ? [opts.preamble.trimEnd()] : [];
  if (provider === 'builtin-openai') {
    // No model_provider: the built-in `openai` is the default; openai_base_url moves it.
    lines.push(`model = "lab-model"`, `openai_base_url = ${tomlString(baseUrl)}`);
    // Keep Codex's other ChatGPT backend calls (account, plugins) on the machine too.
    lines.push(`chatgpt_base_url = ${tomlString(baseUrl.replace(/\/v1\/?$/, '/backend-api/'))}`);
    return `${lines.join('\n')}\n\n${LAB_QUIET_TOML}`;
  }
  lines.push(`model_provider = ${tomlString(LAB_PROVIDER_ID)}`, `model = "lab-model"`);
  // A login from auth.json may make Codex call its ChatGPT backend (account, usage): keep those local.
  if (provider === 'openai-auth')
    lines.push(`chatgpt_base_url = ${tomlString(baseUrl.replace(/\/v1\/?$/, '/backend-api/'))}`);
  lines.push(
    '',
    `[model_providers.${LAB_PROVIDER_ID}]`,
    `name = "Lab"`,
    `base_url = ${tomlString(baseUrl)}`,
    `wire_api = "responses"`,
  );
  if (provider === 'env-key') lines.push(`env_key = ${tomlString(opts.envKey ?? LAB_KEY_VAR)}`);
  else lines.push('requires_openai_auth = true');
  lines.push(`supports_websockets = ${opts.supportsWebsockets ?? true}`);
  if (opts.websocketConnectTimeoutMs !== undefined) {
    lines.push(`websocket_connect_timeout_ms = ${Math.trunc(opts.websocketConnectTimeoutMs)}`);
  }
  return `${lines.join('\n')}\n\n${LAB_QUIET_TOML}`;
}

/** Creates a temporary CODEX_HOME and returns its path. */
export function makeCodexHome(opts: CodexHomeOptions = {}): string {
  const dir = makeTempDir('lab-codex-home');
  writeFileSync(path.join(dir, 'config.toml'), opts.configToml ?? labConfigToml(opts));
  if (opts.dotenv !== undefined) writeFileSync(path.join(dir, '.env'), opts.dotenv);
  if (opts.login) writeAuthJson(dir, opts.login);
  return dir;
}
