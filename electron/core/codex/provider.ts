import type { AuthMode, BaseUrlSource, Finding, ProviderInfo } from '../../../shared/types.ts';
import { msg } from '../../../shared/i18n/message.ts';
import { makeFinding } from './findings.ts';
import { locateKey } from '../toml/index.ts';

/** Ids Codex 0.169 and 0.171 refuse as `[model_providers.<id>]` tables (checked against the real binary). */
export const RESERVED_PROVIDER_IDS = ['openai', 'ollama', 'lmstudio'] as const;
/** A built-in id whose table Codex accepts, but only with these keys. */
export const BEDROCK_PROVIDER_ID = 'amazon-bedrock';
export const BEDROCK_OVERRIDABLE_KEYS = ['base_url', 'auth', 'http_headers', 'aws'];
export const BUILT_IN_PROVIDER_IDS = [...RESERVED_PROVIDER_IDS, BEDROCK_PROVIDER_ID];
/** The fields of a provider table Codex knows (ModelProviderInfo). */
const PROVIDER_FIELDS = [
  'name',
  'base_url',
  'env_key',
  'env_key_instructions',
  'experimental_bearer_token',
  'auth',
  'aws',
  'wire_api',
  'query_params',
  'http_headers',
  'env_http_headers',
  'request_max_retries',
  'stream_max_retries',
  'stream_idle_timeout_ms',
  'websocket_connect_timeout_ms',
  'requires_openai_auth',
  'supports_websockets',
  'model_catalog_url',
];
/** Values Codex treats as "not set" in a `[model_providers.openai]` table. */
const OPENAI_TABLE_DEFAULTS: Readonly<Record<string, unknown>> = {
  name: '',
  wire_api: 'responses',
  requires_openai_auth: false,
  supports_websockets: false,
};

/**
 * A `[model_providers.openai]` table Codex loads and ignores: every key unknown or at its default
 * (verified with the real binary: tests/fixtures/codex/openai-table-keys.json). Any other value of
 * a known field makes Codex refuse to start. `supports_websockets = false` there is the
 * community's advice, and does nothing.
 */
export function isIgnoredBuiltInTable(id: string, table: unknown): boolean {
  if (id !== 'openai' || !isRecord(table)) return false;
  return Object.entries(table).every(([key, value]) =>
    key in OPENAI_TABLE_DEFAULTS ? OPENAI_TABLE_DEFAULTS[key] === value : !PROVIDER_FIELDS.includes(key),
  );
}

export const OPENAI_API_BASE_URL = 'https://api.openai.com/v1';
export const CHATGPT_BASE_URL = 'https://chatgpt.com/backend-api/codex';
export const DEFAULT_WEBSOCKET_CONNECT_TIMEOUT_MS = 15000;
export const DEFAULT_PROVIDER_ID = 'openai';

/** One parsed TOML file in the order Codex layers them (config.toml first, the profile file last). */
export interface ConfigLayer {
  file: string;
  text: string;
  value: Record<string, unknown>;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

/** Deep merge of tables, later layers winning key by key (how `--profile` files layer). */
export function mergeLayers(layers: Record<string, unknown>[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const layer of layers) mergeInto(out, layer);
  return out;
}

function mergeInto(target: Record<string, unknown>, source: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (isRecord(existing) && isRecord(value)) {
      const copy = { ...existing };
      mergeInto(copy, value);
      target[key] = copy;
    } else {
      target[key] = isRecord(value) ? mergeLayers([value]) : value;
    }
  }
}

/** A list of keys, or `none` when it is empty. */
const keysOrNone = (keys: string[]) => (keys.length ? keys : msg('setup.none'));

/** Reserved built-in provider tables, which make Codex refuse to start. */
export function findReservedProviderTables(layer: ConfigLayer): Finding[] {
  const findings: Finding[] = [];
  const providers = layer.value.model_providers;
  if (!isRecord(providers)) return findings;
  for (const [id, table] of Object.entries(providers)) {
    const location = { file: layer.file, ...locateKey(layer.text, ['model_providers', id]) };
    if (isIgnoredBuiltInTable(id, table)) {
      findings.push(
        makeFinding(
          'config.ignored-openai-table',
          'warning',
          Object.keys(table as object).length
            ? msg('setup.provider.ignored-openai-table', { id, keys: Object.keys(table as object) })
            : msg('setup.provider.ignored-openai-table-empty', { id }),
          [msg('setup.provider.ignored-openai-table.no-settings'), msg('setup.provider.ignored-openai-table.fix')],
          location,
        ),
      );
    } else if ((RESERVED_PROVIDER_IDS as readonly string[]).includes(id)) {
      findings.push(
        makeFinding(
          'config.reserved-provider-id',
          'error',
          msg('setup.provider.reserved', { id }),
          [
            msg('setup.codex-error', { text: `model_providers contains reserved built-in provider ID \`${id}\`` }),
            msg('setup.provider.reserved.codex-says'),
          ],
          location,
        ),
      );
    } else if (id === BEDROCK_PROVIDER_ID && isRecord(table)) {
      const extra = Object.keys(table).filter((k) => !BEDROCK_OVERRIDABLE_KEYS.includes(k));
      if (extra.length > 0) {
        findings.push(
          makeFinding(
            'config.builtin-provider-override',
            'error',
            msg('setup.provider.builtin-override', { id }),
            [
              msg('setup.provider.not-allowed', { keys: extra }),
              msg('setup.provider.allowed', { keys: BEDROCK_OVERRIDABLE_KEYS }),
            ],
            location,
          ),
        );
      }
    }
  }
  return findings;
}

/** The legacy `profile = "…"` key and `[profiles.*]` tables. */
export function findLegacyProfiles(layer: ConfigLayer, activeProfile: string | null): Finding[] {
  const findings: Finding[] = [];
  const legacy = layer.value.profile;
  if (legacy !== undefined) {
    const name = typeof legacy === 'string' ? legacy : JSON.stringify(legacy);
    findings.push(
      makeFinding(
        'config.legacy-profile',
        'error',
        msg('setup.legacy-profile', { name }),
        [
          msg('setup.codex-error', {
            text: `legacy \`profile = "${name}"\` config is no longer supported; use \`--profile ${name}\` with \`${name}.config.toml\` instead`,
          }),
        ],
        { file: layer.file, ...locateKey(layer.text, ['profile']) },
      ),
    );
  }
  const profiles = layer.value.profiles;
  if (isRecord(profiles)) {
    for (const name of Object.keys(profiles)) {
      const blocksActive = activeProfile === name;
      findings.push(
        makeFinding(
          'config.legacy-profile-table',
          blocksActive ? 'error' : 'warning',
          msg(blocksActive ? 'setup.legacy-profile-table.blocks' : 'setup.legacy-profile-table.ignored', { name }),
          [msg('setup.legacy-profile-table.where', { name, file: layer.file })],
          { file: layer.file, ...locateKey(layer.text, ['profiles', name]) },
        ),
      );
    }
  }
  return findings;
}

export interface ProviderResolution {
  provider: ProviderInfo | null;
  findings: Finding[];
}

/** The provider Codex would use, from the layered config (reserved tables are ignored). */
export function resolveEffectiveProvider(
  layers: ConfigLayer[],
  authMode: AuthMode,
  env: NodeJS.ProcessEnv = {},
): ProviderResolution {
  const findings: Finding[] = [];
  const merged = mergeLayers(layers.map((l) => l.value));
  const selecting = [...layers].reverse().find((l) => l.value.model_provider !== undefined);
  const rawId = merged.model_provider;
  if (rawId !== undefined && typeof rawId !== 'string') {
    findings.push(
      makeFinding(
        'config.invalid-value',
        'error',
        msg('setup.provider.invalid-value'),
        [msg('common.text', { text: `model_provider = ${JSON.stringify(rawId)}` })],
        selecting ? { file: selecting.file, ...locateKey(selecting.text, ['model_provider']) } : undefined,
      ),
    );
    return { provider: null, findings };
  }
  const id = rawId ?? DEFAULT_PROVIDER_ID;
  const selectedIn = selecting?.file;
  const tables = isRecord(merged.model_providers) ? merged.model_providers : {};
  const table = isRecord(tables[id]) ? tables[id] : undefined;

  if ((BUILT_IN_PROVIDER_IDS as string[]).includes(id)) {
    return { provider: builtInProvider(id, merged, table, authMode, env, selectedIn, layers), findings };
  }
  if (!table) {
    findings.push(
      makeFinding(
        'config.unknown-provider',
        'error',
        msg('setup.provider.unknown', { id }),
        [msg('setup.provider.defined', { ids: keysOrNone(Object.keys(tables)) })],
        selecting ? { file: selecting.file, ...locateKey(selecting.text, ['model_provider']) } : undefined,
      ),
    );
    return { provider: null, findings };
  }

  const definedIn = [...layers]
    .reverse()
    .find((l) => isRecord(l.value.model_providers) && l.value.model_providers[id] !== undefined)?.file;
  const explicitBase = stringField(table, 'base_url');
  const base = explicitBase ? { url: explicitBase, source: 'provider' as BaseUrlSource } : defaultOpenAiBase(authMode);
  const provider: ProviderInfo = {
    id,
    builtIn: false,
    baseUrl: base.url,
    baseUrlSource: base.source,
    supportsWebsockets: boolField(table, 'supports_websockets') ?? false,
    websocketConnectTimeoutMs:
      numberField(table, 'websocket_connect_timeout_ms') ?? DEFAULT_WEBSOCKET_CONNECT_TIMEOUT_MS,
    requiresOpenaiAuth: boolField(table, 'requires_openai_auth') ?? false,
  };
  const name = stringField(table, 'name');
  if (name !== undefined) provider.name = name;
  const envKey = stringField(table, 'env_key');
  if (envKey !== undefined) provider.envKey = envKey;
  if (definedIn) provider.definedIn = definedIn;
  if (selectedIn) provider.selectedIn = selectedIn;
  return { provider, findings };
}

function builtInProvider(
  id: string,
  merged: Record<string, unknown>,
  table: Record<string, unknown> | undefined,
  authMode: AuthMode,
  env: NodeJS.ProcessEnv,
  selectedIn: string | undefined,
  layers: ConfigLayer[],
): ProviderInfo {
  const common = { id, builtIn: true, websocketConnectTimeoutMs: DEFAULT_WEBSOCKET_CONNECT_TIMEOUT_MS };
  let info: ProviderInfo;
  if (id === 'openai') {
    const override = stringField(merged, 'openai_base_url');
    const base = override ? { url: override, source: 'openai_base_url' as BaseUrlSource } : defaultOpenAiBase(authMode);
    info = {
      ...common,
      name: 'OpenAI',
      baseUrl: base.url,
      baseUrlSource: base.source,
      supportsWebsockets: true,
      requiresOpenaiAuth: true,
    };
  } else if (id === 'ollama' || id === 'lmstudio') {
    const port = id === 'ollama' ? 11434 : 1234;
    info = {
      ...common,
      name: id === 'ollama' ? 'Ollama' : 'LM Studio',
      baseUrl: `http://localhost:${port}/v1`,
      baseUrlSource: 'default-apikey',
      supportsWebsockets: false,
      requiresOpenaiAuth: false,
    };
  } else {
    const aws = table && isRecord(table.aws) ? table.aws : {};
    const region = stringField(aws, 'region') ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'us-east-1';
    const explicit = table ? stringField(table, 'base_url') : undefined;
    info = {
      ...common,
      name: 'Amazon Bedrock',
      baseUrl: explicit ?? `https://bedrock-mantle.${region}.api.aws/openai/v1`,
      baseUrlSource: explicit ? 'provider' : 'default-apikey',
      supportsWebsockets: false,
      requiresOpenaiAuth: false,
    };
    const definedIn = [...layers]
      .reverse()
      .find((l) => isRecord(l.value.model_providers) && l.value.model_providers[id] !== undefined)?.file;
    if (definedIn) info.definedIn = definedIn;
  }
  if (selectedIn) info.selectedIn = selectedIn;
  return info;
}

function defaultOpenAiBase(authMode: AuthMode): { url: string; source: BaseUrlSource } {
  return authMode === 'chatgpt'
    ? { url: CHATGPT_BASE_URL, source: 'default-chatgpt' }
    : { url: OPENAI_API_BASE_URL, source: 'default-apikey' };
}

function stringField(table: Record<string, unknown>, key: string): string | undefined {
  const v = table[key];
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
}

function boolField(table: Record<string, unknown>, key: string): boolean | undefined {
  const v = table[key];
  return typeof v === 'boolean' ? v : undefined;
}

function numberField(table: Record<string, unknown>, key: string): number | undefined {
  const v = table[key];
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'bigint') return Number(v);
  return undefined;
}
