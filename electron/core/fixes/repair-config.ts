// repair-config: the config forms that stop Codex before it connects.
// 1. A table under a reserved built-in id ([model_providers.openai]) is renamed to a free id
//    (`openai_custom`), and `model_provider` follows it.
// 2. The legacy `profile = "NAME"` + `[profiles.NAME]` form: every [profiles.X] table becomes
//    X.config.toml (what `codex --profile X` reads), and the keys of the default profile are merged
//    into config.toml's top level, the profile's value winning on a conflict (as Codex applied it),
//    so that plain `codex` keeps the settings it used to start with.
// 3. `openai_base_url` on this machine where nothing listens (a local gateway that stopped and
//    left its line behind): the line is removed, so the built-in provider talks to OpenAI again.
import net from 'node:net';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { msg, type Message } from '../../../shared/i18n/message.ts';
import {
  assertCodexHome,
  editOf,
  FixError,
  makePlan,
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
import { detectEol } from '../toml/index.ts';
import { isIgnoredBuiltInTable } from '../codex/provider.ts';
import { isLoopbackHost } from '../environment/host-port.ts';
import { redactUrl } from '../redact.ts';
import {
  extractTableText,
  formatKeyPath,
  formatValue,
  hasTable,
  parseTomlText,
  removeTable,
  removeTopLevelKey,
  renameTable,
  setKeyInTable,
  setTopLevelKey,
  upsertTable,
  type ExpectedChange,
  type TomlWritable,
} from '../toml/index.ts';

function isTable(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

/** A fresh document for a table held in a form that cannot be cut out as text. */
export function serializeTable(table: Record<string, unknown>, eol: string, prefix: string[] = []): string {
  const lines: string[] = [];
  const subTables: [string, Record<string, unknown>][] = [];
  for (const [k, v] of Object.entries(table)) {
    if (isTable(v)) subTables.push([k, v]);
    else lines.push(`${formatKeyPath([k])} = ${formatValue(v as TomlWritable)}`);
  }
  let out = lines.map((l) => l + eol).join('');
  for (const [k, v] of subTables) {
    const p = [...prefix, k];
    out += `${out === '' ? '' : eol}[${formatKeyPath(p)}]${eol}${serializeTable(v, eol, p)}`;
  }
  return out;
}

function leaves(table: Record<string, unknown>, prefix: string[] = []): [string[], unknown][] {
  const out: [string[], unknown][] = [];
  for (const [k, v] of Object.entries(table)) {
    if (isTable(v) && Object.keys(v).length > 0) out.push(...leaves(v, [...prefix, k]));
    else out.push([[...prefix, k], v]);
  }
  return out;
}

export async function planRepairConfig(ctx: FixContext): Promise<PlannedFix> {
  assertCodexHome(ctx.codexHome);
  const config: TomlFile = readTomlFile(path.join(ctx.codexHome, 'config.toml'), 'config.toml');
  const eol = config.text.includes('\n') ? detectEol(config.text) : '\n';
  let text = config.text;
  const expected: ExpectedChange[] = [];
  const sideEffects: Message[] = [];
  const warnings: Message[] = [];
  const created: PlannedEdit[] = [];
  const providers = isTable(config.data.model_providers) ? config.data.model_providers : {};

  for (const id of RESERVED_PROVIDER_IDS) {
    const table = providers[id];
    // A table Codex loads and ignores is not a reason to refuse; Fix #1 removes it.
    if (!isTable(table) || isIgnoredBuiltInTable(id, table)) continue;
    let newId = `${id}_custom`;
    for (let n = 2; providers[newId] !== undefined; n += 1) newId = `${id}_custom_${n}`;
    const value: Record<string, unknown> = { ...table };
    text = tomlEdit(() => renameTable(text, ['model_providers', id], newId));
    const ownCredential = ['env_key', 'experimental_bearer_token', 'auth', 'requires_openai_auth'].some(
      (k) => value[k] !== undefined,
    );
    if (id === 'openai' && !ownCredential) {
      // A table under OpenAI's id that names no credential of its own meant "OpenAI with my login",
      // at its own base_url or not: keep the login working (without it Codex sends nothing: 401).
      text = tomlEdit(() => setKeyInTable(text, ['model_providers', newId], 'requires_openai_auth', true));
      text = tomlEdit(() => setKeyInTable(text, ['model_providers', newId], 'name', 'OpenAI'));
      value.requires_openai_auth = true;
      value.name = 'OpenAI';
    }
    expected.push(
      { op: 'delete', path: ['model_providers', id] },
      { op: 'set', path: ['model_providers', newId], value },
    );
    let selectsIt = false;
    if (config.data.model_provider === id) {
      text = tomlEdit(() => setTopLevelKey(text, 'model_provider', newId));
      expected.push({ op: 'set', path: ['model_provider'], value: newId });
      selectsIt = true;
    }
    sideEffects.push(
      selectsIt
        ? msg('fixes.effect.reserved-renamed-selected', { id, newId })
        : msg('fixes.effect.reserved-renamed', { id, newId }),
    );
    if (selectsIt) sideEffects.push(msg('fixes.effect.resume-list', { newId }));
  }

  const gateway = config.data.openai_base_url;
  if (typeof gateway === 'string' && (await isDeadLocalGateway(gateway))) {
    text = removeTopLevelKey(text, 'openai_base_url');
    expected.push({ op: 'delete', path: ['openai_base_url'] });
    sideEffects.push(msg('fixes.effect.dead-gateway-removed', { url: redactUrl(gateway) }));
  }

  const profiles = isTable(config.data.profiles) ? config.data.profiles : undefined;
  const defaultProfile = typeof config.data.profile === 'string' ? config.data.profile : undefined;
  if (profiles || config.data.profile !== undefined) {
    for (const [name, value] of Object.entries(profiles ?? {})) {
      if (!isTable(value)) throw new FixError(msg('fixes.error.profile-not-table', { name }), 'edit-refused');
      const file = profileFilePath(ctx.codexHome, name);
      const existing = readTomlFile(file, path.basename(file));
      if (existing.bytes !== null) {
        if (isDeepStrictEqual(existing.data, parseTomlText(serializeTable(value, '\n')))) continue;
        throw new FixError(msg('fixes.error.profile-file-exists', { file: path.basename(file), name }), 'edit-refused');
      }
      let content = extractTableText(text, ['profiles', name], eol);
      const means = (t: string | null): boolean => {
        try {
          return t !== null && isDeepStrictEqual(parseTomlText(t), parseTomlText(serializeTable(value, '\n')));
        } catch {
          return false;
        }
      };
      if (!means(content)) content = serializeTable(value, eol);
      if (!means(content))
        throw new FixError(msg('fixes.error.profile-write', { name, file: path.basename(file) }), 'edit-refused');
      created.push({ path: file, before: null, after: Buffer.from(content!, 'utf8'), newFileMode: 0o600 });
      sideEffects.push(msg('fixes.effect.profile-moved', { name, file: path.basename(file) }));
    }
    if (profiles) {
      text = tomlEdit(() => removeTable(text, ['profiles']));
      expected.push({ op: 'delete', path: ['profiles'] });
    }
    if (config.data.profile !== undefined) {
      text = removeTopLevelKey(text, 'profile');
      expected.push({ op: 'delete', path: ['profile'] });
    }
    const chosen = defaultProfile !== undefined ? profiles?.[defaultProfile] : undefined;
    if (defaultProfile !== undefined && isTable(chosen)) {
      for (const [keyPath, value] of leaves(chosen)) {
        const key = keyPath[keyPath.length - 1]!;
        if (keyPath.length === 1) text = tomlEdit(() => setTopLevelKey(text, key, value as TomlWritable));
        else if (hasTable(text, keyPath.slice(0, -1))) {
          text = tomlEdit(() => setKeyInTable(text, keyPath.slice(0, -1), key, value as TomlWritable));
        } else text = tomlEdit(() => upsertTable(text, keyPath.slice(0, -1), [[key, value as TomlWritable]]));
        expected.push({ op: 'set', path: keyPath, value });
      }
      sideEffects.push(msg('fixes.effect.default-profile-merged', { profile: defaultProfile }));
      warnings.push(msg('fixes.warning.profiles-layer', { profile: defaultProfile }));
    } else if (defaultProfile !== undefined) {
      warnings.push(msg('fixes.warning.profile-without-table', { profile: defaultProfile }));
    }
  }

  if (expected.length === 0) {
    return makePlan(ctx, 'repair-config', msg('fixes.title.repair-none'), [], {
      warnings: [msg('fixes.warning.repair-none')],
    });
  }
  verifyOrRefuse(config.text, text, expected, 'config.toml');
  return makePlan(ctx, 'repair-config', msg('fixes.title.repair'), [editOf(config, text), ...created], {
    sideEffects,
    warnings,
  });
}

/** A base URL on this machine whose port refuses connections (checked now, not taken from a diagnosis). */
export async function isDeadLocalGateway(baseUrl: string, timeoutMs = 1000): Promise<boolean> {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return false;
  }
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (!isLoopbackHost(host)) return false;
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  return new Promise<boolean>((resolve) => {
    const socket = net.connect({ host, port });
    const done = (dead: boolean) => {
      socket.destroy();
      resolve(dead);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(false));
    socket.once('error', (error: NodeJS.ErrnoException) => done(error.code === 'ECONNREFUSED'));
  });
}
