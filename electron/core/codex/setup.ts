import { readdir, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { AuthMode, CodexSetup, Finding } from '../../../shared/types.ts';
import { authModeFromAuthJson } from './auth.ts';
import { parseDotenv, type DotenvEntry } from './dotenv.ts';
import { makeFinding } from './findings.ts';
import { resolveCodexHome } from './home.ts';
import { findCodexInstalls } from './installs.ts';
import { findLegacyProfiles, findReservedProviderTables, resolveEffectiveProvider, type ConfigLayer } from './provider.ts';
import { isIgnoredDotenvKey, resolveProxyEnv } from './proxy-env.ts';
import { parseTomlDocument } from './toml.ts';
import { ConfigFileError, readConfigFile } from '../config-file.ts';

export interface LoadCodexSetupOptions {
  codexHome?: string;
  profile?: string | null;
  env: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  homedir?: string;
  findInstalls?: boolean;
}

const PROFILE_SUFFIX = '.config.toml';

type ReadOutcome = { kind: 'ok'; text: string } | { kind: 'missing' } | { kind: 'unreadable'; reason: string };

async function readTextFile(file: string): Promise<ReadOutcome> {
  try {
    const bytes = await readConfigFile(file);
    return bytes === null ? { kind: 'missing' } : { kind: 'ok', text: bytes.toString('utf8') };
  } catch (err) {
    if (err instanceof ConfigFileError) return { kind: 'unreadable', reason: err.code === 'not-a-file' ? 'not a regular file' : 'too large' };
    const code = (err as NodeJS.ErrnoException).code;
    return { kind: 'unreadable', reason: code ?? (err instanceof Error ? err.message : String(err)) };
  }
}

function unreadableFinding(file: string, reason: string): Finding {
  return makeFinding('codex.file.unreadable', 'error', `${path.basename(file)} exists but cannot be read (${reason}).`, [file], { file });
}

/** Reads the user's Codex setup as Codex 0.169 would. Never throws: problems become findings. */
export async function loadCodexSetup(opts: LoadCodexSetupOptions): Promise<CodexSetup> {
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
        homeStat ? `CODEX_HOME ${home} is not a directory.` : `CODEX_HOME ${home} does not exist: Codex has not been set up here yet.`,
        [`CODEX_HOME from ${source === 'flag' ? '--codex-home' : source === 'env' ? 'the CODEX_HOME variable' : 'the default location'}`],
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
            `--profile ${profile}: ${pathApi.basename(file)} does not exist, so Codex runs with config.toml alone.`,
            [`profiles found: ${profiles.join(', ') || 'none'}`],
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
              `\`${error.duplicate.key}\` is defined twice in ${pathApi.basename(file)}: Codex refuses to load it.`,
              [error.message],
              { file, line: error.line, column: error.column },
            )
          : makeFinding(
              'config.syntax-error',
              'error',
              `${pathApi.basename(file)} is not valid TOML (line ${error.line}, column ${error.column}): Codex refuses to load it.`,
              [error.message],
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

  const authMode = await readAuthMode(pathApi.join(home, 'auth.json'), findings);

  const resolution = broken ? { provider: null, findings: [] } : resolveEffectiveProvider(layers, authMode, opts.env);
  findings.push(...resolution.findings);

  const dotenvFile = pathApi.join(home, '.env');
  const dotenvEntries = await readDotenv(dotenvFile, opts.env, findings);
  const scheme = resolution.provider ? schemeOf(resolution.provider.baseUrl) : 'https:';
  const proxy = resolveProxyEnv(opts.env, dotenvEntries, scheme, dotenvFile);
  findings.push(...proxy.findings);

  const installs = opts.findInstalls ? await findCodexInstalls(opts.env, platform, { homedir }).catch(() => []) : [];

  return {
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
    findings,
  };
}

function schemeOf(url: string): string {
  try {
    return new URL(url).protocol;
  } catch {
    return 'https:';
  }
}

async function readAuthMode(file: string, findings: Finding[]): Promise<AuthMode> {
  const read = await readTextFile(file);
  if (read.kind === 'missing') return 'none';
  if (read.kind === 'unreadable') {
    findings.push(unreadableFinding(file, read.reason));
    return 'unknown';
  }
  const { mode, valid } = authModeFromAuthJson(read.text);
  if (!valid) {
    findings.push(makeFinding('auth.unreadable', 'warning', 'auth.json is not valid JSON, so the login mode is unknown.', [], { file }));
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
      makeFinding('dotenv.odd-line', 'info', `.env line ${problem.line} is skipped by Codex: ${problem.message}.`, [], {
        file,
        line: problem.line,
      }),
    );
  }
  for (const entry of entries) {
    if (!isIgnoredDotenvKey(entry.key)) continue;
    const isCa = entry.key.toUpperCase() === 'CODEX_CA_CERTIFICATE';
    findings.push(
      makeFinding(
        isCa ? 'ca.codex-ca-in-dotenv' : 'dotenv.codex-key-ignored',
        'warning',
        isCa
          ? 'CODEX_CA_CERTIFICATE in .env is ignored by Codex; use SSL_CERT_FILE there, or set CODEX_CA_CERTIFICATE in the environment.'
          : `${entry.key} in .env is ignored: Codex skips keys that start with CODEX_.`,
        [`${entry.key} on line ${entry.line}`],
        { file, line: entry.line },
      ),
    );
  }
  return entries;
}
