import { readdir, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { AuthMode, CodexSetup, Finding } from '../../../shared/types.ts';
import { msg, type Message, type MessageId } from '../../../shared/i18n/message.ts';
import { authModeFromAuthJson } from './auth.ts';
import { ProbeCredential, resolveCredential, type VariableSource } from './credentials.ts';
import { parseDotenv, type DotenvEntry } from './dotenv.ts';
import { makeFinding } from './findings.ts';
import { resolveCodexHome } from './home.ts';
import { findCodexInstalls } from './installs.ts';
import {
  findLegacyProfiles,
  findReservedProviderTables,
  isRecord,
  mergeLayers,
  resolveEffectiveProvider,
  type ConfigLayer,
} from './provider.ts';
import { isIgnoredDotenvKey, resolveProxyEnv } from './proxy-env.ts';
import { parseTomlDocument } from '../toml/index.ts';
import { ConfigFileError, invalidUtf8Position, readConfigFile, type ConfigFileErrorCode } from '../config-file.ts';

export interface LoadCodexSetupOptions {
  codexHome?: string;
  profile?: string | null;
  env: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  homedir?: string;
  findInstalls?: boolean;
}

const PROFILE_SUFFIX = '.config.toml';

type ReadOutcome = { kind: 'ok'; text: string } | { kind: 'missing' } | { kind: 'unreadable'; reason: Message };

/** Why a config file cannot be read, in the finding's words. */
const UNREADABLE_REASONS: Record<ConfigFileErrorCode, MessageId> = {
  'not-a-file': 'setup.file.not-a-file',
  'too-large': 'setup.file.too-large',
  unreadable: 'setup.file.permission-denied',
  'symlink-loop': 'setup.file.symlink-loop',
};

async function readTextFile(file: string): Promise<ReadOutcome> {
  try {
    const bytes = await readConfigFile(file);
    if (bytes === null) return { kind: 'missing' };
    // Codex reads its files as UTF-8 and refuses others: say where the first bad byte is.
    const bad = invalidUtf8Position(bytes);
    if (bad) return { kind: 'unreadable', reason: msg('setup.file.not-utf8', { line: bad.line, column: bad.column }) };
    return { kind: 'ok', text: bytes.toString('utf8') };
  } catch (err) {
    if (err instanceof ConfigFileError) return { kind: 'unreadable', reason: msg(UNREADABLE_REASONS[err.code]) };
    const code = (err as NodeJS.ErrnoException).code;
    return {
      kind: 'unreadable',
      reason: msg('common.text', { text: code ?? (err instanceof Error ? err.message : String(err)) }),
    };
  }
}

function unreadableFinding(file: string, reason: Message): Finding {
  return makeFinding(
    'codex.file.unreadable',
    'error',
    msg('setup.file.unreadable', { name: path.basename(file), reason }),
    [msg('common.text', { text: file })],
    {
      file,
    },
  );
}

/** Reads the user's Codex setup as Codex would. Never throws: problems become findings. */
export async function loadCodexSetup(opts: LoadCodexSetupOptions): Promise<CodexSetup> {
  return (await readCodexSetup(opts)).setup;
}

/**
 * The setup, and the credential Codex would send to its provider. The credential stays apart from
 * the setup (which is shown and sent over IPC) so that its secret cannot travel with it.
 */
export async function readCodexSetup(
  opts: LoadCodexSetupOptions,
): Promise<{ setup: CodexSetup; credential: ProbeCredential }> {
  const platform = opts.platform ?? process.platform;
  const homedir = opts.homedir ?? os.homedir();
  const { home, source } = resolveCodexHome({ flag: opts.codexHome, env: opts.env, platform, homedir });
  const pathApi = platform === 'win32' ? path.win32 : path.posix;
  const profile = opts.profile && opts.profile.trim() !== '' ? opts.profile : null;
  const findings: Finding[] = [];

  const homeStat = await stat(home).catch(() => null);
  const homeExists = homeStat?.isDirectory() ?? false;
  if (!homeExists) {
    findings.push(
      makeFinding(
        'codex.home.missing',
        'error',
        msg(homeStat ? 'setup.home.not-a-directory' : 'setup.home.missing', { home }),
        [
          msg(
            source === 'flag'
              ? 'setup.home.from-flag'
              : source === 'env'
                ? 'setup.home.from-env'
                : 'setup.home.from-default',
          ),
        ],
      ),
    );
  }

  const profiles = homeExists
    ? (await readdir(home).catch(() => [] as string[]))
        .filter((n) => n.endsWith(PROFILE_SUFFIX) && n.length > PROFILE_SUFFIX.length)
        .map((n) => n.slice(0, -PROFILE_SUFFIX.length))
        .sort()
    : [];

  // Config layers: config.toml, then <profile>.config.toml.
  const files = [pathApi.join(home, 'config.toml')];
  if (profile) files.push(pathApi.join(home, `${profile}${PROFILE_SUFFIX}`));
  const configFiles: CodexSetup['configFiles'] = [];
  const layers: ConfigLayer[] = [];
  let broken = false;
  for (const file of files) {
    const read = await readTextFile(file);
    if (read.kind === 'missing') {
      configFiles.push({ path: file, exists: false, parsed: false });
      if (file !== files[0] && homeExists) {
        findings.push(
          makeFinding(
            'profile.missing',
            'warning',
            msg('setup.profile.missing', { profile: profile ?? '', file: pathApi.basename(file) }),
            [msg('setup.profile.found', { names: profiles.length ? profiles : msg('setup.none') })],
            { file },
          ),
        );
      }
      continue;
    }
    if (read.kind === 'unreadable') {
      configFiles.push({ path: file, exists: true, parsed: false });
      findings.push(unreadableFinding(file, read.reason));
      broken = true;
      continue;
    }
    const parsed = parseTomlDocument(read.text, file);
    configFiles.push({ path: file, exists: true, parsed: parsed.ok });
    if (!parsed.ok) {
      broken = true;
      const { error } = parsed;
      findings.push(
        error.duplicate
          ? makeFinding(
              'config.duplicate-key',
              'error',
              msg('setup.config.duplicate-key', { key: error.duplicate.key, file: pathApi.basename(file) }),
              [error.text],
              { file, line: error.line, column: error.column },
            )
          : makeFinding(
              'config.syntax-error',
              'error',
              msg('setup.config.syntax-error', {
                file: pathApi.basename(file),
                line: error.line,
                column: error.column,
              }),
              [error.text],
              { file, line: error.line, column: error.column },
            ),
      );
      continue;
    }
    layers.push({ file, text: read.text, value: parsed.value });
  }

  for (const layer of layers) {
    findings.push(...findReservedProviderTables(layer), ...findLegacyProfiles(layer, profile));
  }

  const authFile = await readTextFile(pathApi.join(home, 'auth.json'));
  const authMode = readAuthMode(pathApi.join(home, 'auth.json'), authFile, findings);

  const resolution = broken ? { provider: null, findings: [] } : resolveEffectiveProvider(layers, authMode, opts.env);
  findings.push(...resolution.findings);

  const dotenvFile = pathApi.join(home, '.env');
  const dotenvEntries = await readDotenv(dotenvFile, opts.env, findings);
  const scheme = resolution.provider ? schemeOf(resolution.provider.baseUrl) : 'https:';
  const proxy = resolveProxyEnv(opts.env, dotenvEntries, scheme, dotenvFile);
  findings.push(...proxy.findings);

  const installs = opts.findInstalls ? await findCodexInstalls(opts.env, platform, { homedir }).catch(() => []) : [];

  const merged = mergeLayers(layers.map((l) => l.value));
  const tables = isRecord(merged.model_providers) ? merged.model_providers : {};
  const providerTable =
    resolution.provider && isRecord(tables[resolution.provider.id])
      ? (tables[resolution.provider.id] as Record<string, unknown>)
      : undefined;
  const credential = resolveCredential({
    provider: resolution.provider,
    // A built-in provider's table (the ignored [model_providers.openai]) adds nothing Codex sends.
    providerTable: resolution.provider?.builtIn ? undefined : providerTable,
    topLevel: merged,
    variable: variableLookup(dotenvEntries, opts.env),
    authJson: authFile.kind === 'ok' ? authFile.text : null,
    authMode,
  });
  if (credential.info.status === 'missing' && credential.info.envKey) {
    findings.push(
      makeFinding(
        'auth.env-key-missing',
        'warning',
        msg('setup.auth.env-key-missing', {
          envKey: credential.info.envKey,
          provider: String(resolution.provider?.id),
        }),
        [msg('setup.auth.env-key-line', { envKey: credential.info.envKey })],
        resolution.provider?.definedIn ? { file: resolution.provider.definedIn } : undefined,
      ),
    );
  }

  const setup: CodexSetup = {
    home,
    homeSource: source,
    homeExists,
    profile,
    profiles,
    configFiles,
    provider: resolution.provider,
    authMode,
    proxyVars: proxy.proxyVars,
    effectiveProxy: proxy.effectiveProxy,
    noProxy: proxy.noProxy,
    caFile: proxy.caFile,
    installs,
    credential: credential.info,
    ...sqliteHomeOf(opts.env, merged),
    findings,
  };
  return { setup, credential };
}

/** CODEX_SQLITE_HOME from the process environment (Codex skips CODEX_* keys in .env), else `sqlite_home`. */
function sqliteHomeOf(env: NodeJS.ProcessEnv, merged: Record<string, unknown>): { sqliteHome?: string } {
  const fromEnv = env.CODEX_SQLITE_HOME?.trim();
  if (fromEnv) return { sqliteHome: fromEnv };
  return typeof merged.sqlite_home === 'string' && merged.sqlite_home.trim() !== ''
    ? { sqliteHome: merged.sqlite_home }
    : {};
}

/** A variable as Codex sees it: $CODEX_HOME/.env over the process environment, CODEX_* keys of .env skipped. */
function variableLookup(entries: DotenvEntry[], env: NodeJS.ProcessEnv): (name: string) => VariableSource | undefined {
  return (name) => {
    const fromDotenv = [...entries].reverse().find((e) => e.key === name && !isIgnoredDotenvKey(e.key));
    if (fromDotenv) return { value: fromDotenv.value, from: 'dotenv' };
    const value = env[name];
    return value === undefined ? undefined : { value, from: 'process' };
  };
}

function schemeOf(url: string): string {
  try {
    return new URL(url).protocol;
  } catch {
    return 'https:';
  }
}

function readAuthMode(file: string, read: ReadOutcome, findings: Finding[]): AuthMode {
  if (read.kind === 'missing') return 'none';
  if (read.kind === 'unreadable') {
    findings.push(unreadableFinding(file, read.reason));
    return 'unknown';
  }
  const { mode, valid } = authModeFromAuthJson(read.text);
  if (!valid) {
    findings.push(makeFinding('auth.unreadable', 'warning', msg('setup.auth.unreadable'), [], { file }));
  }
  return mode;
}

async function readDotenv(file: string, env: NodeJS.ProcessEnv, findings: Finding[]): Promise<DotenvEntry[]> {
  const read = await readTextFile(file);
  if (read.kind === 'missing') return [];
  if (read.kind === 'unreadable') {
    findings.push(unreadableFinding(file, read.reason));
    return [];
  }
  const { entries, problems } = parseDotenv(read.text, env);
  for (const problem of problems) {
    findings.push(
      makeFinding(
        'dotenv.odd-line',
        'info',
        msg('setup.dotenv.odd-line', { line: problem.line, problem: problem.message }),
        [],
        {
          file,
          line: problem.line,
        },
      ),
    );
  }
  for (const entry of entries) {
    if (!isIgnoredDotenvKey(entry.key)) continue;
    const isCa = entry.key.toUpperCase() === 'CODEX_CA_CERTIFICATE';
    findings.push(
      makeFinding(
        isCa ? 'ca.codex-ca-in-dotenv' : 'dotenv.codex-key-ignored',
        'warning',
        isCa ? msg('setup.dotenv.codex-ca') : msg('setup.dotenv.codex-key-ignored', { key: entry.key }),
        [msg('setup.dotenv.key-on-line', { key: entry.key, line: entry.line })],
        { file, line: entry.line },
      ),
    );
  }
  return entries;
}
