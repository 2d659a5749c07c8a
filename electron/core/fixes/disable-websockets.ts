// Fix #1: stop the WebSocket attempts of the provider the user actually runs.
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { msg, type Message } from '../../../shared/i18n/message.ts';
import {
  assertCodexHome,
  editOf,
  FixError,
  layeredTopLevel,
  makePlan,
  mergedProviderTable,
  profileFilePath,
  readTomlFile,
  RESERVED_PROVIDER_IDS,
  type FixContext,
  type PlannedEdit,
  type PlannedFix,
  tomlEdit,
  verifyOrRefuse,
  type TomlFile,
} from './plan.ts';
import {
  getAt,
  hasTable,
  locateKey,
  removeTable,
  setKeyInTable,
  setTopLevelKey,
  upsertTable,
  type ExpectedChange,
} from '../toml/index.ts';
import { BUILT_IN_PROVIDER_IDS, isIgnoredBuiltInTable } from '../codex/provider.ts';

const OPENAI_TABLE = ['model_providers', 'openai'];

/** Whether this file holds the `[model_providers.openai]` table Codex loads and ignores. */
function holdsIgnoredOpenaiTable(file: TomlFile): boolean {
  const table = getAt(file.data, OPENAI_TABLE);
  return table !== undefined && isIgnoredBuiltInTable('openai', table);
}

/** The file's text without the ignored table, when it holds one; the change is added to `expected`. */
function dropIgnoredOpenaiTable(file: TomlFile, text: string, expected: ExpectedChange[]): string {
  if (!holdsIgnoredOpenaiTable(file)) return text;
  expected.push({ op: 'delete', path: OPENAI_TABLE });
  return tomlEdit(() => removeTable(text, OPENAI_TABLE));
}

const IGNORED_TABLE_EFFECT = msg('fixes.effect.ignored-table-removed');

/** Edits that remove the ignored table from files the fix does not otherwise change. */
function ignoredTableEdits(files: TomlFile[], changed: TomlFile): PlannedEdit[] {
  return files
    .filter((f) => f !== changed && holdsIgnoredOpenaiTable(f))
    .map((f) => {
      const expected: ExpectedChange[] = [];
      const after = dropIgnoredOpenaiTable(f, f.text, expected);
      verifyOrRefuse(f.text, after, expected, path.basename(f.path));
      return editOf(f, after);
    });
}

export const HTTP_PROVIDER_BASE_ID = 'openai_http';

/** config.toml, then the profile file when a profile is in use (the order Codex layers them). */
export function loadConfigLayers(codexHome: string, profile: string | null): TomlFile[] {
  assertCodexHome(codexHome);
  const files = [readTomlFile(path.join(codexHome, 'config.toml'), 'config.toml')];
  if (profile) {
    const file = profileFilePath(codexHome, profile);
    const layer = readTomlFile(file, path.basename(file));
    if (layer.bytes === null) {
      throw new FixError(
        msg('fixes.error.profile-file-missing', { profile, file: path.basename(file) }),
        'not-applicable',
      );
    }
    files.push(layer);
  }
  return files;
}

function isTable(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/**
 * The keys Fix #1 reads and writes must have the types Codex gives them (a string, a table of
 * tables); a file where they have another is the user's to correct first: nothing is guessed.
 */
function assertProviderKeyTypes(files: TomlFile[]): void {
  for (const file of files) {
    const chosen = file.data.model_provider;
    const tables = file.data.model_providers;
    const key =
      chosen !== undefined && typeof chosen !== 'string'
        ? 'model_provider'
        : tables !== undefined && !isTable(tables)
          ? 'model_providers'
          : undefined;
    if (!key) continue;
    const name = path.basename(file.path);
    const line = locateKey(file.text, [key])?.line ?? 1;
    throw new FixError(
      key === 'model_provider'
        ? msg('fixes.error.model-provider-not-string', { file: name, line })
        : msg('fixes.error.model-providers-not-table', { file: name, line }),
      'not-applicable',
      { file: file.path, line, column: 1 },
    );
  }
}

export function effectiveProviderId(files: TomlFile[]): string {
  const chosen = layeredTopLevel(files, 'model_provider');
  return typeof chosen?.value === 'string' ? chosen.value : 'openai';
}

function wantedShape(baseUrl: string | undefined): Record<string, unknown> {
  const shape: Record<string, unknown> = {
    name: 'OpenAI',
    wire_api: 'responses',
    requires_openai_auth: true,
    supports_websockets: false,
  };
  if (baseUrl !== undefined) shape.base_url = baseUrl;
  return shape;
}

export async function planDisableWebsockets(ctx: FixContext): Promise<PlannedFix> {
  const files = loadConfigLayers(ctx.codexHome, ctx.profile);
  if (files[0]!.data.profile !== undefined) {
    throw new FixError(msg('fixes.error.legacy-profile'), 'not-applicable');
  }
  assertProviderKeyTypes(files);
  const reserved = RESERVED_PROVIDER_IDS.find((id) => {
    const table = mergedProviderTable(files, id);
    return table !== undefined && !isIgnoredBuiltInTable(id, table);
  });
  const removesIgnoredTable = files.some(holdsIgnoredOpenaiTable);
  if (reserved) {
    throw new FixError(msg('fixes.error.reserved-provider', { provider: reserved }), 'not-applicable');
  }
  const providerId = effectiveProviderId(files);
  // The ignored [model_providers.openai] defines nothing: the built-in provider stays in charge.
  const table = mergedProviderTable(files, providerId);
  const definition = table !== undefined && isIgnoredBuiltInTable(providerId, table) ? undefined : table;
  const warnings: Message[] = [];
  if (ctx.setup.provider && ctx.setup.provider.id !== providerId) {
    warnings.push(msg('fixes.warning.provider-changed', { seen: ctx.setup.provider.id, now: providerId }));
  }
  // Built-in providers other than openai (amazon-bedrock, ollama, lmstudio) never use WebSockets,
  // and a table that already says supports_websockets = false needs nothing: no key is added.
  // (A custom table without the key gets it written out: harmless, and explicit.)
  const builtInWithoutWebsockets =
    providerId !== 'openai' && (BUILT_IN_PROVIDER_IDS as readonly string[]).includes(providerId);
  if (builtInWithoutWebsockets || definition?.supports_websockets === false) {
    const why = builtInWithoutWebsockets
      ? msg('fixes.warning.nothing-to-change-built-in', { provider: providerId })
      : msg('fixes.warning.nothing-to-change-already-off', { provider: providerId });
    return makePlan(ctx, 'disable-websockets', msg('fixes.title.ws-already-off', { provider: providerId }), [], {
      warnings: [...warnings, why],
    });
  }

  if (definition) {
    // A custom provider: turn WebSockets off in its own table, in the file that defines it.
    const owner = [...files].reverse().find((f) => getAt(f.data, ['model_providers', providerId]) !== undefined)!;
    const expectedOwner: ExpectedChange[] = [
      { op: 'set', path: ['model_providers', providerId, 'supports_websockets'], value: false },
    ];
    let after = tomlEdit(() =>
      setKeyInTable(owner.text, ['model_providers', providerId], 'supports_websockets', false),
    );
    after = dropIgnoredOpenaiTable(owner, after, expectedOwner);
    verifyOrRefuse(owner.text, after, expectedOwner, path.basename(owner.path));
    return makePlan(
      ctx,
      'disable-websockets',
      msg('fixes.title.ws-off-custom', { provider: providerId }),
      [editOf(owner, after), ...ignoredTableEdits(files, owner)],
      {
        sideEffects: [
          msg('fixes.effect.https-only', { provider: providerId }),
          ...(removesIgnoredTable ? [IGNORED_TABLE_EFFECT] : []),
        ],
        warnings,
      },
    );
  }

  if (providerId !== 'openai') {
    throw new FixError(msg('fixes.error.provider-undefined', { provider: providerId }), 'not-applicable');
  }

  // The built-in provider cannot be changed: select a custom provider with the same login.
  const selection = files[files.length - 1]!; // the profile file when a profile is in use
  const openaiBaseUrl = layeredTopLevel(files, 'openai_base_url')?.value;
  const baseUrl = typeof openaiBaseUrl === 'string' && openaiBaseUrl !== '' ? openaiBaseUrl : undefined;
  const shape = wantedShape(baseUrl);

  let id = HTTP_PROVIDER_BASE_ID;
  let reuse = false;
  for (let n = 1; ; n += 1) {
    id = n === 1 ? HTTP_PROVIDER_BASE_ID : `${HTTP_PROVIDER_BASE_ID}_${n}`;
    const existing = mergedProviderTable(files, id);
    if (existing === undefined) break;
    if (isDeepStrictEqual(existing, shape)) {
      reuse = true;
      break;
    }
  }

  let after = selection.text;
  const expected: ExpectedChange[] = [];
  if (!reuse) {
    const entries = Object.entries(shape) as [string, string | boolean][];
    // Keep the order a reader expects: name, base_url, wire_api, …
    entries.sort((a, b) => order(a[0]) - order(b[0]));
    after = tomlEdit(() => upsertTable(after, ['model_providers', id], entries));
    expected.push({ op: 'set', path: ['model_providers', id], value: shape });
  }
  after = tomlEdit(() => setTopLevelKey(after, 'model_provider', id));
  expected.push({ op: 'set', path: ['model_provider'], value: id });
  after = dropIgnoredOpenaiTable(selection, after, expected);
  verifyOrRefuse(selection.text, after, expected, path.basename(selection.path));
  if (hasTable(after, OPENAI_TABLE)) {
    throw new FixError(msg('fixes.error.openai-table-refused'), 'edit-refused');
  }

  const edits: PlannedEdit[] = [editOf(selection, after), ...ignoredTableEdits(files, selection)];
  const where = selection === files[0] ? 'config.toml' : path.basename(selection.path);
  return makePlan(ctx, 'disable-websockets', msg('fixes.title.ws-off-http-provider', { provider: id }), edits, {
    sideEffects: [
      baseUrl
        ? msg('fixes.effect.selects-provider-base-url', { file: where, provider: id })
        : msg('fixes.effect.selects-provider', { file: where, provider: id }),
      msg('fixes.effect.conversations-regroup', { provider: id }),
      ...(reuse ? [msg('fixes.effect.table-reused', { provider: id })] : []),
      ...(removesIgnoredTable ? [IGNORED_TABLE_EFFECT] : []),
    ],
    warnings,
  });
}

const KEY_ORDER = ['name', 'base_url', 'wire_api', 'requires_openai_auth', 'supports_websockets'];
function order(key: string): number {
  const i = KEY_ORDER.indexOf(key);
  return i < 0 ? KEY_ORDER.length : i;
}
