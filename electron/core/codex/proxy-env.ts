// Which proxy and CA variables Codex ends up with. Verified with the real codex binary (0.169, re-verified with 0.171)
// (tests/fixtures/codex/proxy-precedence-observed.json):
// - $CODEX_HOME/.env is applied over the process environment: a key in .env REPLACES the
//   process's value (Codex calls set_var for every line), except keys starting with CODEX_
//   (any case), which are skipped. A later line replaces an earlier one.
// - Upper case beats lower case (HTTPS_PROXY over https_proxy), as in Rust's reqwest.
// - An https:// endpoint (wss://) uses HTTPS_PROXY, then HTTP_PROXY (WebSocket only), then
//   ALL_PROXY. An http:// endpoint (ws://) uses HTTP_PROXY, then ALL_PROXY; HTTPS_PROXY is ignored.
// - An empty value counts as unset, so `HTTPS_PROXY=` in .env switches off the process's proxy.

import { existsSync } from 'node:fs';
import type { Finding, ProxyVar, ProxyVarSource } from '../../../shared/types.ts';
import { redactUrl } from '../redact.ts';
import { parseProxyUrl } from '../../../shared/proxy-url.ts';
import type { DotenvEntry } from './dotenv.ts';
import { msg } from '../../../shared/i18n/message.ts';
import { makeFinding } from './findings.ts';

const HTTPS_ORDER = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'ALL_PROXY', 'all_proxy'];
const HTTP_ORDER = ['HTTP_PROXY', 'http_proxy', 'ALL_PROXY', 'all_proxy'];
const NO_PROXY_KEYS = ['NO_PROXY', 'no_proxy'];
const PROXY_KEYS = [...HTTPS_ORDER, ...NO_PROXY_KEYS];
export interface ProxyEnvResult {
  proxyVars: ProxyVar[];
  effectiveProxy: ProxyVar | null;
  noProxy: string | null;
  caFile: { key: string; path: string; source: ProxyVarSource } | null;
  findings: Finding[];
}

interface SeenVar {
  value: string;
  source: ProxyVarSource;
  line?: number;
  /** The process value a .env line replaced. */
  replaced?: string;
}

export function isIgnoredDotenvKey(key: string): boolean {
  return key.toUpperCase().startsWith('CODEX_');
}

/**
 * @param endpointScheme the scheme of the provider's base_url ('https:' when unknown).
 * @param dotenvFile path shown in finding locations.
 */
export function resolveProxyEnv(
  processEnv: NodeJS.ProcessEnv,
  dotenv: DotenvEntry[],
  endpointScheme: string,
  dotenvFile: string,
): ProxyEnvResult {
  const findings: Finding[] = [];
  const seen = new Map<string, SeenVar>();
  const watched = new Set([...PROXY_KEYS, 'SSL_CERT_FILE']);
  for (const key of watched) {
    const value = processEnv[key];
    if (value !== undefined) seen.set(key, { value, source: 'process' });
  }
  for (const entry of dotenv) {
    if (isIgnoredDotenvKey(entry.key) || !watched.has(entry.key)) continue;
    const before = seen.get(entry.key);
    const replaced = before?.source === 'process' ? before.value : before?.replaced;
    seen.set(entry.key, { value: entry.value, source: 'dotenv', line: entry.line, replaced });
  }

  const order = endpointScheme === 'http:' ? [...HTTP_ORDER, 'HTTPS_PROXY', 'https_proxy'] : HTTPS_ORDER;
  const proxyVars: ProxyVar[] = [];
  for (const key of [...order, ...NO_PROXY_KEYS]) {
    const v = seen.get(key);
    if (!v || v.value.trim() === '') continue;
    const isNoProxy = NO_PROXY_KEYS.includes(key);
    const pv: ProxyVar = { key, value: v.value, display: isNoProxy ? v.value : redactUrl(v.value), source: v.source };
    if (v.line !== undefined) pv.line = v.line;
    proxyVars.push(pv);
    if (v.replaced !== undefined && v.replaced !== v.value) {
      findings.push(
        makeFinding(
          'proxy.overridden-by-dotenv',
          'info',
          msg('setup.proxy.overridden-by-dotenv', { key }),
          [
            msg('setup.proxy.in-environment', { value: isNoProxy ? v.replaced : redactUrl(v.replaced) }),
            msg('setup.proxy.in-dotenv', { value: pv.display }),
          ],
          { file: dotenvFile, line: v.line },
        ),
      );
    }
    if (!isNoProxy) findings.push(...checkProxyUrl(pv, dotenvFile));
  }

  const usable = new Set(endpointScheme === 'http:' ? HTTP_ORDER : HTTPS_ORDER);
  const effectiveProxy = proxyVars.find((p) => usable.has(p.key)) ?? null;
  const noProxyVar = proxyVars.find((p) => NO_PROXY_KEYS.includes(p.key));

  return {
    proxyVars,
    effectiveProxy,
    noProxy: noProxyVar ? noProxyVar.value : null,
    caFile: resolveCaFile(processEnv, seen, dotenvFile, findings),
    findings,
  };
}

function checkProxyUrl(pv: ProxyVar, dotenvFile: string): Finding[] {
  const location = pv.source === 'dotenv' ? { file: dotenvFile, line: pv.line } : undefined;
  const origin =
    pv.source === 'dotenv'
      ? msg('setup.proxy.from-dotenv-line', { line: pv.line ?? 0 })
      : msg('setup.proxy.from-process');
  const evidence = [msg('setup.proxy.variable-from', { key: pv.key, value: pv.display, origin })];
  const parsed = parseProxyUrl(pv.value);
  if (parsed.ok && !parsed.proxy.explicitScheme) {
    // Codex reads it as http://, which is only right for an HTTP or mixed port.
    return [
      makeFinding(
        'proxy.missing-scheme',
        'warning',
        msg('setup.proxy.missing-scheme', { key: pv.key }),
        evidence,
        location,
      ),
    ];
  }
  if (parsed.ok) return [];
  if (parsed.problem === 'scheme' && parsed.scheme === 'https') {
    return [
      makeFinding('proxy.https-scheme', 'error', msg('setup.proxy.https-scheme', { key: pv.key }), evidence, location),
    ];
  }
  if (parsed.problem === 'scheme') {
    return [
      makeFinding(
        'proxy.unsupported-scheme',
        'error',
        msg('setup.proxy.unsupported-scheme', { key: pv.key, scheme: `${parsed.scheme}:` }),
        evidence,
        location,
      ),
    ];
  }
  return [
    makeFinding('proxy.unparseable', 'error', msg('setup.proxy.unparseable', { key: pv.key }), evidence, location),
  ];
}

function resolveCaFile(
  processEnv: NodeJS.ProcessEnv,
  seen: Map<string, SeenVar>,
  dotenvFile: string,
  findings: Finding[],
): ProxyEnvResult['caFile'] {
  let ca: ProxyEnvResult['caFile'] = null;
  // Codex reads CODEX_CA_CERTIFICATE first (process only: .env cannot set CODEX_ keys), then SSL_CERT_FILE.
  const codexCa = processEnv.CODEX_CA_CERTIFICATE;
  const sslCertFile = seen.get('SSL_CERT_FILE');
  if (codexCa && codexCa.trim() !== '') ca = { key: 'CODEX_CA_CERTIFICATE', path: codexCa, source: 'process' };
  else if (sslCertFile && sslCertFile.value.trim() !== '') {
    ca = { key: 'SSL_CERT_FILE', path: sslCertFile.value, source: sslCertFile.source };
  }
  if (ca && !existsSync(ca.path)) {
    findings.push(
      makeFinding(
        'ca.file-missing',
        'warning',
        msg('setup.ca.file-missing', { key: ca.key }),
        [msg('setup.assignment', { key: ca.key, value: ca.path })],
        ca.source === 'dotenv' ? { file: dotenvFile, line: sslCertFile?.line } : undefined,
      ),
    );
  }
  return ca;
}
