// Fix #2 (and fix-proxy): name the proxy in $CODEX_HOME/.env, keeping loopback direct.
import { redactUrl } from '../redact.ts';
import path from 'node:path';
import { msg, type Message } from '../../../shared/i18n/message.ts';
import {
  assertCodexHome,
  decodeText,
  fileMode,
  FixError,
  makePlan,
  readBytes,
  type FixContext,
  type PlannedFix,
} from './plan.ts';
import { appendToDotenvValue, DotenvEditError, parseDotenvLines, setDotenvKeys } from './dotenv-edit.ts';
import { parseDotenv } from '../codex/dotenv.ts';
import { parseProxyUrl, type ProxyUrl } from '../../../shared/proxy-url.ts';

export const LOOPBACK_NO_PROXY = ['localhost', '127.0.0.1', '::1'];

/**
 * The proxy a fix may write to .env: one Codex accepts (shared/proxy-url.ts), written in full as
 * scheme://host:port with an optional login, so that the file says what it does.
 */
export function proxyToWrite(url: string): ProxyUrl {
  const parsed = parseProxyUrl(url);
  if (!parsed.ok) {
    if (parsed.problem === 'scheme' && parsed.scheme === 'https')
      throw new FixError(msg('fixes.error.proxy-https'), 'invalid-proxy');
    if (parsed.problem === 'scheme')
      throw new FixError(msg('fixes.error.proxy-scheme', { scheme: parsed.scheme }), 'invalid-proxy');
    if (parsed.problem === 'no-host') throw new FixError(msg('fixes.error.proxy-no-host'), 'invalid-proxy');
    if (parsed.problem === 'port-range') throw new FixError(msg('fixes.error.proxy-port-range'), 'invalid-proxy');
    throw new FixError(msg('fixes.error.proxy-not-url', { url: redactUrl(url) }), 'invalid-proxy');
  }
  const proxy = parsed.proxy;
  if (!proxy.explicitScheme)
    throw new FixError(msg('fixes.error.proxy-not-url', { url: redactUrl(url) }), 'invalid-proxy');
  if (!proxy.explicitPort)
    throw new FixError(msg('fixes.error.proxy-no-port', { url: redactUrl(url) }), 'invalid-proxy');
  if (proxy.hasPath || proxy.hasQueryOrFragment) throw new FixError(msg('fixes.error.proxy-extra'), 'invalid-proxy');
  return proxy;
}

/** NO_PROXY entries with loopback added (existing entries first, no duplicates). */
export function mergeNoProxy(existing: string | undefined): string {
  const entries = (existing ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '');
  for (const lb of LOOPBACK_NO_PROXY) if (!entries.some((e) => e.toLowerCase() === lb)) entries.push(lb);
  return entries.join(',');
}

/** A NO_PROXY list compared as entries (spaces around commas do not matter). */
function normaliseList(value: string | undefined): string | undefined {
  return value === undefined
    ? undefined
    : value
        .split(',')
        .map((e) => e.trim())
        .filter((e) => e !== '')
        .join(',');
}

export async function planUseProxy(ctx: FixContext): Promise<PlannedFix> {
  assertCodexHome(ctx.codexHome);
  const url = ctx.proxyUrl?.trim();
  if (!url) {
    throw new FixError(msg('fixes.error.no-proxy-url'), 'invalid-proxy');
  }
  const proxy = proxyToWrite(url);
  const display = redactUrl(url);
  const warnings: Message[] = [];
  const sideEffects: Message[] = [];
  if (proxy.scheme !== 'http') warnings.push(msg('fixes.warning.socks', { proxy: display }));
  if (ctx.probeProxy) {
    const probe = await ctx.probeProxy(url);
    if (probe.loginRequired) {
      throw new FixError(
        proxy.hasLogin
          ? msg('fixes.error.proxy-login-refused', { proxy: display })
          : msg('fixes.error.proxy-login-needed', { proxy: display }),
        'proxy-login',
      );
    }
    if (!probe.carriesWebSocket) {
      throw new FixError(
        msg('fixes.error.proxy-no-websocket', { proxy: display, detail: probe.detail }),
        'proxy-failed',
      );
    }
    if (!probe.carriesHttps && proxy.scheme === 'http') {
      warnings.push(msg('fixes.warning.proxy-no-https', { detail: probe.detail }));
    }
  } else if (ctx.proxyUrlFromUser) {
    warnings.push(msg('fixes.warning.proxy-not-probed', { proxy: display }));
  }

  const envPath = path.join(ctx.codexHome, '.env');
  const before = readBytes(envPath);
  const text = before === null ? null : decodeText(envPath, before);
  // The values as Codex reads them (dotenvy: substitution, a later line wins, a BOM line ignored).
  const substitutionEnv = process.env;
  const codexReading = text === null ? [] : parseDotenv(text, substitutionEnv).entries;
  const current = new Map(codexReading.map((e) => [e.key, e.value]));
  const lineInEffect = new Map(codexReading.map((e) => [e.key, e.line]));
  const noProxyKey = current.has('NO_PROXY') ? 'NO_PROXY' : current.has('no_proxy') ? 'no_proxy' : 'NO_PROXY';
  const noProxy = mergeNoProxy(current.get(noProxyKey));
  const updates: [string, string][] = [
    ['HTTPS_PROXY', url],
    ['HTTP_PROXY', url],
  ];
  // Lower-case twins already in the file would otherwise keep the old proxy for some clients.
  for (const key of ['https_proxy', 'http_proxy']) if (current.has(key)) updates.push([key, url]);
  const noProxyKeys = [
    noProxyKey,
    ...(['NO_PROXY', 'no_proxy'] as const).filter((k) => k !== noProxyKey && current.has(k)),
  ];

  let after: string;
  try {
    after = setDotenvKeys(text, updates);
    for (const key of noProxyKeys) {
      const value = current.get(key);
      const line = lineInEffect.get(key);
      if (value === undefined || line === undefined) {
        after = setDotenvKeys(after, [[key, noProxy]]);
        continue;
      }
      // Append what is missing to the line Codex uses, as written: `$CORP` / `${CORP}` stay
      // substitutions (a rewrite in single quotes would make them literal text).
      const have = value
        .split(',')
        .map((e) => e.trim())
        .filter((e) => e !== '');
      const add = LOOPBACK_NO_PROXY.filter((lb) => !have.some((e) => e.toLowerCase() === lb));
      if (add.length === 0) continue;
      const sep = have.length === 0 || /,\s*$/.test(value) ? '' : ',';
      after = appendToDotenvValue(after, line, key, sep + add.join(','));
    }
  } catch (error) {
    if (error instanceof DotenvEditError)
      throw new FixError(msg('fixes.error.nothing-written', { problem: error.userMessage }), 'edit-refused');
    throw error;
  }
  // Check the result reads back as intended, the way Codex reads it, before anything is written.
  const check = new Map(parseDotenv(after, substitutionEnv).entries.map((e) => [e.key, e.value]));
  const intended = new Map<string, string>(current);
  for (const [key, value] of updates) intended.set(key, value);
  for (const key of noProxyKeys) intended.set(key, current.has(key) ? mergeNoProxy(current.get(key)) : noProxy);
  for (const key of new Set([...intended.keys(), ...check.keys()])) {
    const want = key.toUpperCase() === 'NO_PROXY' ? normaliseList(intended.get(key)) : intended.get(key);
    const got = key.toUpperCase() === 'NO_PROXY' ? normaliseList(check.get(key)) : check.get(key);
    if (want !== got) throw new FixError(msg('fixes.error.env-readback', { key }), 'edit-refused');
  }
  if (text !== null) {
    if (parseDotenvLines(text)[0]?.bomIgnored) {
      warnings.push(msg('fixes.warning.env-bom'));
    }
    const odd = parseDotenvLines(text).filter((l) => l.kind === 'odd' && !l.bomIgnored);
    if (odd.length > 0) {
      warnings.push(msg('fixes.warning.env-odd-lines', { n: odd.length, lines: odd.map((l) => l.lineNumber) }));
    }
  }
  // Codex applies .env over its process environment, and upper case beats lower case, so the
  // HTTPS_PROXY/HTTP_PROXY written here win over whatever the shell sets.
  const fromProcess = ctx.setup.proxyVars.filter(
    (v) => v.source === 'process' && /^(https?_proxy|all_proxy)$/i.test(v.key),
  );
  const overridden =
    fromProcess.length > 0 ? [msg('fixes.effect.shell-proxy-overridden', { keys: fromProcess.map((v) => v.key) })] : [];
  // A password in .env: nobody else may read the file (its other bits are kept; revert restores them).
  const currentMode = before === null ? undefined : fileMode(envPath);
  const tighten =
    proxy.hasLogin && currentMode !== undefined && (currentMode & 0o077) !== 0 && process.platform !== 'win32';
  const edit = {
    path: envPath,
    before,
    after: Buffer.from(after, 'utf8'),
    ...(before === null ? { newFileMode: 0o600 } : {}),
    ...(tighten ? { mode: currentMode! & ~0o077 } : {}),
  };
  if (tighten) sideEffects.push(msg('fixes.effect.env-private'));
  return makePlan(ctx, 'use-proxy', msg('fixes.title.use-proxy', { proxy: display }), [edit], {
    sideEffects: [
      msg('fixes.effect.through-proxy', { proxy: display, loopback: LOOPBACK_NO_PROXY }),
      msg('fixes.effect.restart-sessions'),
      ...overridden,
      ...sideEffects,
    ],
    warnings,
  });
}
