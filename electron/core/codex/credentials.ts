// The credential Codex would send to its provider, found where Codex finds it, so the probes can
// authenticate exactly as Codex does (the real service answers 401 to anything else).
//
// Secrets live only inside a ProbeCredential: its headers are private fields (JSON.stringify,
// structuredClone and IPC drop them), and what may be shown is `info`, which never holds a secret.
import type { AuthMode, CredentialInfo, Message, ProviderInfo } from '../../../shared/types.ts';
import { msg } from '../../../shared/i18n/message.ts';
import { isRecord } from './provider.ts';

/** Where a variable's value came from: Codex loads $CODEX_HOME/.env over the process environment. */
export interface VariableSource {
  value: string;
  from: 'dotenv' | 'process';
}

export interface CredentialInputs {
  provider: ProviderInfo | null;
  /** The merged `[model_providers.<id>]` table of the active provider (absent for a built-in one without a table). */
  providerTable: Record<string, unknown> | undefined;
  /** The merged top level of config.toml (and the profile file). */
  topLevel: Record<string, unknown>;
  /** Looks a variable up as Codex would see it (.env first, then the process environment). */
  variable: (name: string) => VariableSource | undefined;
  /** The text of $CODEX_HOME/auth.json, or null when there is none. */
  authJson: string | null;
  authMode: AuthMode;
  /** Seconds since the epoch, for a token's `exp`. */
  nowSeconds?: number;
}

/** Headers Codex adds for the built-in OpenAI provider from these variables (source: its provider table). */
const OPENAI_ENV_HEADERS: Readonly<Record<string, string>> = {
  'OpenAI-Organization': 'OPENAI_ORGANIZATION',
  'OpenAI-Project': 'OPENAI_PROJECT',
};

export class ProbeCredential {
  readonly #headers: Readonly<Record<string, string>>;

  constructor(
    readonly info: CredentialInfo,
    headers: Record<string, string> = {},
  ) {
    this.#headers = Object.freeze({ ...headers });
  }

  /** True when the probes carry what Codex would send (a key, a token, or the provider's own auth headers). */
  get usable(): boolean {
    return this.info.status === 'usable';
  }

  /** The headers to send to the provider's own origin, over the route being probed. */
  headers(): Record<string, string> {
    return { ...this.#headers };
  }

  /** Every secret value, so reports can be scrubbed of them as a last line of defence. */
  secrets(): string[] {
    const out = new Set<string>();
    for (const value of Object.values(this.#headers)) {
      out.add(value);
      const bearer = /^Bearer\s+(.+)$/i.exec(value);
      if (bearer) out.add(bearer[1]!);
    }
    return [...out].filter((s) => s.length >= 4);
  }

  toJSON(): CredentialInfo {
    return this.info;
  }

  static none(info: CredentialInfo): ProbeCredential {
    return new ProbeCredential(info);
  }
}

/** Codex sets the bearer after the provider's headers: it replaces an Authorization from http_headers. */
function withAuthorization(extra: Record<string, string>, token: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(extra)) if (name.toLowerCase() !== 'authorization') out[name] = value;
  out.Authorization = `Bearer ${token}`;
  return out;
}

function stringMap(value: unknown): Record<string, string> {
  if (!isRecord(value)) return {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) if (typeof v === 'string') out[k] = v;
  return out;
}

function describeVariable(name: string, source: VariableSource): Message {
  return msg(source.from === 'dotenv' ? 'setup.credential.variable-dotenv' : 'setup.credential.variable-env', { name });
}

/** The provider's own headers: `http_headers` as written, `env_http_headers` from set variables. */
function providerHeaders(inputs: CredentialInputs): Record<string, string> {
  const table = inputs.providerTable ?? {};
  const headers: Record<string, string> = { ...stringMap(table.http_headers) };
  const fromEnv =
    inputs.provider?.builtIn && inputs.provider.id === 'openai'
      ? OPENAI_ENV_HEADERS
      : stringMap(table.env_http_headers);
  for (const [header, variable] of Object.entries(fromEnv)) {
    const found = inputs.variable(variable);
    if (found && found.value.trim() !== '') headers[header] = found.value;
  }
  return headers;
}

/** The payload of a JWT, or undefined; the signature is not checked (Codex does not check it either). */
export function jwtPayload(token: string): Record<string, unknown> | undefined {
  const part = token.split('.')[1];
  if (!part) return undefined;
  try {
    const payload: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return isRecord(payload) ? payload : undefined;
  } catch {
    return undefined;
  }
}

function storeMode(topLevel: Record<string, unknown>): string {
  const v = topLevel.cli_auth_credentials_store;
  return typeof v === 'string' ? v.toLowerCase() : 'file';
}

/**
 * The login saved by `codex login`, as Codex would send it. `CODEX_API_KEY` is read only by
 * `codex exec` (and `codex doctor`), where it beats the saved login; the interactive Codex ignores
 * it, so the saved login comes first here and the variable only stands in when there is none.
 */
function loginCredential(inputs: CredentialInputs, extra: Record<string, string>): ProbeCredential {
  const saved = savedLogin(inputs, extra);
  const codexApiKey = inputs.variable('CODEX_API_KEY');
  if (saved.usable || !codexApiKey || codexApiKey.value.trim() === '') return saved;
  return new ProbeCredential(
    {
      status: 'usable',
      kind: 'api-key',
      source: msg('setup.credential.codex-api-key', { variable: describeVariable('CODEX_API_KEY', codexApiKey) }),
    },
    withAuthorization(extra, codexApiKey.value.trim()),
  );
}

function savedLogin(inputs: CredentialInputs, extra: Record<string, string>): ProbeCredential {
  const store = storeMode(inputs.topLevel);
  if (inputs.authJson === null) {
    if (store === 'keyring' || store === 'auto') {
      return ProbeCredential.none({
        status: 'keyring',
        source: msg('setup.credential.keyring', { store }),
      });
    }
    return ProbeCredential.none({ status: 'none', source: msg('setup.credential.no-auth-json') });
  }
  if (store === 'keyring') {
    return ProbeCredential.none({
      status: 'keyring',
      source: msg('setup.credential.keyring', { store: 'keyring' }),
    });
  }
  let data: unknown;
  try {
    data = JSON.parse(inputs.authJson.replace(/^\uFEFF/, ''));
  } catch {
    return ProbeCredential.none({ status: 'unreadable', source: msg('setup.credential.auth-json-invalid') });
  }
  if (!isRecord(data))
    return ProbeCredential.none({ status: 'unreadable', source: msg('setup.credential.auth-json-empty') });
  const apiKey = typeof data.OPENAI_API_KEY === 'string' ? data.OPENAI_API_KEY.trim() : '';
  const tokens = isRecord(data.tokens) ? data.tokens : undefined;
  if (inputs.authMode === 'chatgpt' || (!apiKey && tokens)) {
    const accessToken = typeof tokens?.access_token === 'string' ? tokens.access_token : '';
    if (!accessToken)
      return ProbeCredential.none({ status: 'unreadable', source: msg('setup.credential.chatgpt-no-token') });
    const exp = jwtPayload(accessToken)?.exp;
    const now = inputs.nowSeconds ?? Date.now() / 1000;
    if (typeof exp === 'number' && exp <= now) {
      return ProbeCredential.none({
        status: 'expired',
        kind: 'chatgpt',
        source: msg('setup.credential.chatgpt-expired'),
      });
    }
    const headers = withAuthorization(extra, accessToken);
    const accountId = typeof tokens?.account_id === 'string' ? tokens.account_id : undefined;
    if (accountId) headers['ChatGPT-Account-ID'] = accountId;
    return new ProbeCredential({ status: 'usable', kind: 'chatgpt', source: msg('setup.credential.chatgpt') }, headers);
  }
  if (apiKey) {
    return new ProbeCredential(
      { status: 'usable', kind: 'api-key', source: msg('setup.credential.saved-api-key') },
      withAuthorization(extra, apiKey),
    );
  }
  return ProbeCredential.none({ status: 'none', source: msg('setup.credential.auth-json-nothing') });
}

/**
 * The credential Codex would send to the active provider. Precedence as in Codex's source
 * (`bearer_auth_provider_from_auth`, verified with the binary): the `env_key` variable, then
 * `experimental_bearer_token`, then — for the built-in provider or one with
 * `requires_openai_auth = true` — the `codex login` credential. A provider `auth` command is not
 * run. The provider's `http_headers` and `env_http_headers` go along in every case; the
 * bearer replaces an Authorization among them.
 */
export function resolveCredential(inputs: CredentialInputs): ProbeCredential {
  const provider = inputs.provider;
  if (!provider) return ProbeCredential.none({ status: 'none', source: msg('setup.credential.no-provider') });
  const extra = providerHeaders(inputs);
  const hasAuthHeader = Object.keys(extra).some(
    (h) => h.toLowerCase() === 'authorization' || h.toLowerCase() === 'api-key' || h.toLowerCase() === 'x-api-key',
  );

  if (provider.envKey) {
    const found = inputs.variable(provider.envKey);
    if (found && found.value.trim() !== '') {
      return new ProbeCredential(
        {
          status: 'usable',
          kind: 'api-key',
          source: describeVariable(provider.envKey, found),
          envKey: provider.envKey,
        },
        withAuthorization(extra, found.value.trim()),
      );
    }
    return ProbeCredential.none({
      status: 'missing',
      source: msg('setup.credential.env-key-unset', { envKey: provider.envKey }),
      envKey: provider.envKey,
    });
  }
  const bearer = inputs.providerTable?.experimental_bearer_token;
  if (typeof bearer === 'string' && bearer.trim() !== '') {
    return new ProbeCredential(
      { status: 'usable', kind: 'api-key', source: msg('setup.credential.bearer-token', { id: provider.id }) },
      withAuthorization(extra, bearer.trim()),
    );
  }
  if (isRecord(inputs.providerTable?.auth)) {
    return ProbeCredential.none({
      status: 'command',
      source: msg('setup.credential.auth-command', { id: provider.id }),
    });
  }
  if (provider.requiresOpenaiAuth || (provider.builtIn && provider.id === 'openai'))
    return loginCredential(inputs, extra);
  if (hasAuthHeader) {
    return new ProbeCredential(
      { status: 'usable', kind: 'headers', source: msg('setup.credential.http-headers', { id: provider.id }) },
      extra,
    );
  }
  return new ProbeCredential({ status: 'none', source: msg('setup.credential.none', { id: provider.id }) }, extra);
}
