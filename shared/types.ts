// The data model shared by the diagnosis engine, the fix engine, the command line and the app.
// Pure types and constants only: no node, electron or DOM imports. Everything a person reads is a
// Message (an id from the catalog and its parameters), turned into text by shared/i18n.
import type { Message } from './i18n/message.ts';

export type { Message } from './i18n/message.ts';

export const REPORT_SCHEMA_VERSION = 3;

export type Severity = 'ok' | 'info' | 'warning' | 'error';

/** Where in a file a finding points; line and column are 1-based. */
export interface SourceLocation {
  file: string;
  line?: number;
  column?: number;
}

export interface Finding {
  /** Stable, dotted id, e.g. `config.syntax-error`, `ws.direct.refused`. */
  id: string;
  severity: Severity;
  /** One sentence in plain words. */
  summary: Message;
  /** Facts the finding rests on, already redacted. */
  evidence: Message[];
  location?: SourceLocation;
}

// ---------------------------------------------------------------- Codex setup

export type AuthMode = 'apikey' | 'chatgpt' | 'none' | 'unknown';

export type BaseUrlSource =
  | 'provider' // base_url in the provider's table
  | 'openai_base_url' // top-level openai_base_url (built-in provider only)
  | 'default-chatgpt' // built-in default for a ChatGPT login
  | 'default-apikey'; // built-in default otherwise

export interface ProviderInfo {
  id: string;
  builtIn: boolean;
  name?: string;
  baseUrl: string;
  baseUrlSource: BaseUrlSource;
  supportsWebsockets: boolean;
  websocketConnectTimeoutMs: number;
  requiresOpenaiAuth: boolean;
  envKey?: string;
  /** The file whose table defines the provider (absent for the built-in one). */
  definedIn?: string;
  /** The file that selected it with `model_provider` (absent when it is the default). */
  selectedIn?: string;
}

export type ProxyVarSource = 'process' | 'dotenv';

/** A proxy variable as Codex would see it. `value` may hold a password: never print it, print `display`. */
export interface ProxyVar {
  key: string; // as written: HTTPS_PROXY, https_proxy, ALL_PROXY, NO_PROXY …
  value: string;
  display: string;
  source: ProxyVarSource;
  /** For dotenv: the line it came from. */
  line?: number;
}

export interface CodexInstall {
  path: string;
  kind: 'path' | 'npm-global' | 'desktop-app' | 'project';
  version?: string;
  /** True when `codex doctor --network-only --json` is available. */
  hasDoctor: boolean;
}

export interface CodexDoctorReport {
  binary: string;
  exitCode: number | null;
  durationMs: number;
  /** The redacted JSON Codex printed, if it printed JSON. */
  json?: unknown;
  /** One line per check Codex reported, redacted (Codex's own words). */
  summary: string[];
  /** When Codex's check did not run to its end: why (it could not start, timed out, printed no JSON). */
  problem?: Message;
}

export interface CodexSetup {
  home: string;
  homeSource: 'flag' | 'env' | 'default';
  homeExists: boolean;
  profile: string | null;
  /** Profiles that exist as `<name>.config.toml` in CODEX_HOME. */
  profiles: string[];
  configFiles: { path: string; exists: boolean; parsed: boolean }[];
  /** Null when the config is too broken to tell. */
  provider: ProviderInfo | null;
  authMode: AuthMode;
  /** The proxy variables in effect. Codex loads $CODEX_HOME/.env over the process environment, so .env wins (verified). */
  proxyVars: ProxyVar[];
  /** The proxy Codex would use for the endpoint: for https/wss HTTPS_PROXY, HTTP_PROXY, ALL_PROXY; for http/ws HTTP_PROXY, ALL_PROXY (see codex/proxy-env.ts). */
  effectiveProxy: ProxyVar | null;
  noProxy: string | null;
  /** SSL_CERT_FILE or CODEX_CA_CERTIFICATE, when set. */
  caFile: { key: string; path: string; source: ProxyVarSource } | null;
  installs: CodexInstall[];
  /** The credential Codex would send, described; the secret itself never leaves the engine. */
  credential: CredentialInfo;
  /** Where Codex keeps its SQLite files when moved (CODEX_SQLITE_HOME, or `sqlite_home` in config.toml). */
  sqliteHome?: string;
  findings: Finding[];
}

/**
 * The credential Codex would send to its provider, described without the secret. `usable` means
 * the probes sent it; anything else means they went without and why.
 */
export type CredentialStatus =
  | 'usable'
  /** Codex would send nothing (no login, no env_key, no token). */
  | 'none'
  /** `env_key` names a variable that is not set here (nor in $CODEX_HOME/.env). */
  | 'missing'
  /** A ChatGPT access token whose `exp` has passed: Codex refreshes it on start, the doctor never does. */
  | 'expired'
  /** In the OS keyring (`cli_auth_credentials_store`), which the doctor does not read. */
  | 'keyring'
  /** Printed by the provider's `auth` command, which the doctor does not run. */
  | 'command'
  /** auth.json exists but its credential cannot be read. */
  | 'unreadable';

export interface CredentialInfo {
  status: CredentialStatus;
  /** `api-key` (Authorization: Bearer), `chatgpt` (access token + account id), `headers` (http_headers only). */
  kind?: 'api-key' | 'chatgpt' | 'headers';
  /** Where Codex takes it from, e.g. `LAB_KEY from $CODEX_HOME/.env`, `the API key in auth.json`. */
  source: Message;
  /** The variable named by the provider's `env_key`. */
  envKey?: string;
}

/** What Codex recorded in its own log database about its connection (counts and error classes only). */
export type CodexHistoryStatus = 'ok' | 'partial' | 'none' | 'unreadable' | 'locked';

export interface CodexHistoryCounts {
  /** `stream disconnected - retrying sampling request (N/5 …)` rows. */
  retries: number;
  /** `falling back to HTTP` rows. */
  fallbacks: number;
  /** `Reconnecting... waiting for network` rows. */
  waitingForNetwork: number;
  /** Rows that record a 401 Unauthorized. */
  unauthorized: number;
  /** The delays between retries Codex recorded, summed. */
  retryDelayMs: number;
}

export interface CodexHistory {
  status: CodexHistoryStatus;
  /** The database read (or looked for). */
  database: string;
  last7Days: CodexHistoryCounts;
  last30Days: CodexHistoryCounts;
  /** Per UTC day with anything to count, oldest first. */
  perDay: { date: string; retries: number; fallbacks: number }[];
  /** The retries of the last 7 days by the class of their error (`connection-refused`, `timeout`, `unauthorized`, …). */
  causes: { cause: string; count: number }[];
  /** Why there is nothing, or why the counts are partial. */
  note?: Message;
  /** When asked: what was recorded since a moment (a fix), to tell whether Codex still retried. */
  since?: { at: string; counts: CodexHistoryCounts };
}

// ---------------------------------------------------------------- network

/** How a probe reaches the endpoint. */
export type RouteKind = 'direct' | 'configured-proxy' | 'local-proxy' | 'system-proxy';

export interface Route {
  kind: RouteKind;
  /** Human label, e.g. `direct`, `HTTPS_PROXY from .env (http://127.0.0.1:3128)`. */
  label: Message;
  /** Proxy URL (http://, socks5://, socks5h://). May hold a password: print `display`. */
  proxyUrl?: string;
  display?: string;
}

export type ProbePhase = 'dns' | 'tcp' | 'tls' | 'https' | 'websocket' | 'proxy-sniff';

/**
 * Why a connection step failed, in the terms the recommendation needs.
 * `refused` is an HTTP answer that declines the WebSocket upgrade; `tcp-refused` is a closed port.
 */
export type FailureKind =
  | 'dns-error'
  | 'tcp-refused'
  | 'tcp-timeout'
  | 'tls-error'
  | 'untrusted-ca'
  | 'connect-denied'
  | 'proxy-auth-required'
  | 'proxy-unreachable'
  | 'proxy-protocol-mismatch'
  | 'refused'
  | 'stalled'
  | 'reset'
  | 'proxy-error-page'
  /** The upgrade was accepted (101), then the connection died or went silent at the first frame. */
  | 'frames-dropped'
  /** The service itself answered 401/403 to a request that carried no usable credentials. */
  | 'unauthenticated'
  /** The service answered 401 to the credential Codex would send: the login is rejected. */
  | 'login-rejected'
  | 'error';

export interface ProbeResult {
  phase: ProbePhase;
  route: Route;
  ok: boolean;
  durationMs: number;
  failure?: FailureKind;
  /** One line, redacted. */
  detail: Message;
  /** Phase-specific facts: addresses, TLS version and issuer chain, HTTP status, who refused… */
  data?: Record<string, unknown>;
}

/** What the report says about one certificate: never its bytes. */
export interface CertificateSummary {
  /** `CN=…, O=…` */
  subject: string;
  issuer: string;
  /** SHA-256 of the DER, `AB:CD:…`. */
  fingerprint256: string;
  /** ISO 8601. */
  validFrom: string;
  validTo: string;
  /** e.g. `sha256WithRSAEncryption`, `ecdsa-with-SHA256`, `sha1WithRSAEncryption`. */
  signatureAlgorithm: string;
  /** `rsa`, `ec`, `ed25519`, … */
  keyType: string;
  /** RSA modulus length. */
  keyBits?: number;
  /** EC curve name. */
  curve?: string;
  isCa: boolean;
  selfSigned: boolean;
}

export interface TlsInfo {
  protocol: string;
  /** Subject CN / O of each certificate from leaf to root. */
  chain: string[];
  /** The certificates the server presented (leaf first), described; the bytes stay in memory. */
  certificates?: CertificateSummary[];
  /** Whether Node's bundled public roots trust the chain. */
  publicRoot: boolean;
  authorized: boolean;
  authorizationError?: string;
}

// ---------------------------------------------------------------- environment

export type ProxyProtocol = 'http' | 'socks5' | 'mixed' | 'unknown' | 'closed';

export interface LocalProxyCandidate {
  host: string;
  port: number;
  /** Which app usually listens there, or which config named it. */
  apps: string[];
  /** Where the port came from: `well-known`, a config file path, `clash-api`, `system-proxy`. */
  sources: string[];
  speaks: ProxyProtocol;
}

export interface SystemProxy {
  platform: string;
  enabled: boolean;
  http?: string; // host:port
  https?: string;
  socks?: string;
  pacUrl?: string;
  bypass?: string[];
  /** Which reader produced it, e.g. `scutil --proxy`, `reg query`, `gsettings`, `kioslaverc`. */
  source: string;
  error?: string;
}

export interface ClashApiInfo {
  controller: string; // host:port
  /** Where the address and secret came from. */
  source: string;
  reachable: boolean;
  version?: string;
  ports?: { port?: number; socksPort?: number; mixedPort?: number };
  tunEnabled?: boolean;
  /** True when the API answered 401 (wrong or missing secret). */
  unauthorized?: boolean;
  /** Why it could not be read (refused, timeout, not loopback…); never contains the secret. */
  error?: string;
}

export interface TunInfo {
  active: boolean;
  interfaces: string[];
  /** The interface the route to a public address uses. */
  routeInterface?: string;
  /** A DNS answer in 198.18.0.0/15 (fake-ip). */
  fakeIp?: string;
  evidence: Message[];
}

export interface ProxyAppInfo {
  /** `clash-verge-rev`, `clash`, `mihomo`, `v2rayn`, `v2raya`, `sing-box`, `nekobox`, `hiddify`, … */
  id: string;
  name: string;
  /** The config file(s) it was found from. */
  configFiles: string[];
  ports: number[];
  controller?: { address: string; secret?: string };
  /** Whether a process of that name runs (where it could be checked). */
  running?: boolean;
  /** TUN mode as the app's config says (the Clash API, when reachable, is the live truth). */
  tunEnabled?: boolean;
  /** A config file that exists but could not be parsed (path: reason). */
  error?: string;
}

export interface EnvironmentReport {
  systemProxy: SystemProxy | null;
  localProxies: LocalProxyCandidate[];
  proxyApps: ProxyAppInfo[];
  clashApi: ClashApiInfo[];
  tun: TunInfo;
}

// ---------------------------------------------------------------- recommendation

export type FixKind =
  | 'none'
  /** Not proven either way: the WebSocket reached something that wants credentials the doctor could not use. */
  | 'unproven'
  /** Codex's login (API key, token) is rejected or absent: not a network problem. */
  | 'login'
  /** The proxy wants a login Codex cannot do (NTLM, Negotiate/Kerberos, Digest). */
  | 'proxy-login-unsupported'
  | 'disable-websockets'
  | 'use-proxy'
  | 'enable-tun'
  | 'repair-config'
  | 'fix-proxy'
  /** Trust the company's TLS-inspection / private CA: a PEM bundle and SSL_CERT_FILE in $CODEX_HOME/.env. */
  | 'trust-ca'
  /** The certificate chain uses what Codex's TLS library refuses (SHA-1, small RSA keys, expired CA): no setting fixes it. */
  | 'weak-ca'
  | 'no-network';

/** The fixes the user can apply (the other kinds are verdicts): the one list the CLI, IPC and app use. */
export const APPLICABLE_FIXES = ['disable-websockets', 'use-proxy', 'enable-tun', 'repair-config', 'trust-ca'] as const;
export type ApplicableFix = (typeof APPLICABLE_FIXES)[number];

export function isApplicableFix(fix: string): fix is ApplicableFix {
  return (APPLICABLE_FIXES as readonly string[]).includes(fix);
}

export interface Alternative {
  fix: FixKind;
  reason: Message;
}

export interface Recommendation {
  fix: FixKind;
  /** The rule of docs/recommendation-rules.md that chose it. */
  rule: string;
  /** For use-proxy / fix-proxy: the proxy URL proven to carry the WebSocket (and HTTPS). */
  proxyUrl?: string;
  /**
   * For use-proxy: the proxy at proxyUrl wants a login (407) that Codex can give it (Basic): the
   * fix needs the user name and password. `rejected`: the login in the URL was refused.
   */
  proxyLogin?: { schemes: string[]; rejected: boolean };
  /** One sentence: the cause in plain words. */
  headline: Message;
  reasons: Message[];
  evidence: Message[];
  warnings: Message[];
  alternatives: Alternative[];
}

// ---------------------------------------------------------------- report

export interface CheckEvent {
  /** Stable id of the check, e.g. `websocket:direct`. */
  id: string;
  title: Message;
  status: 'running' | 'ok' | 'warning' | 'error' | 'skipped';
  durationMs?: number;
  detail?: Message;
}

export interface DiagnosisReport {
  schemaVersion: number;
  startedAt: string;
  durationMs: number;
  /** True when the caller cancelled before the end: the results are partial. */
  cancelled: boolean;
  codex: {
    home: string;
    homeExists: boolean;
    profile: string | null;
    profiles: string[];
    provider: Pick<
      ProviderInfo,
      'id' | 'builtIn' | 'baseUrl' | 'baseUrlSource' | 'supportsWebsockets' | 'websocketConnectTimeoutMs'
    > | null;
    authMode: AuthMode;
    /** Which credential the probes sent, in words; never the secret itself. */
    credential: CredentialInfo;
    version: string | null;
    installs: CodexInstall[];
    effectiveProxy: string | null; // display form
    noProxy: string | null;
  };
  environment: EnvironmentReport;
  probes: ProbeResult[];
  checks: CheckEvent[];
  findings: Finding[];
  recommendation: Recommendation;
  codexDoctor?: CodexDoctorReport;
  /** What Codex recorded about its connection in $CODEX_HOME/logs_2.sqlite. */
  codexHistory?: CodexHistory;
  /** Present when Codex's route fails on an untrusted certificate: the search for its CA. */
  trust?: CaTrustReport;
}

// ---------------------------------------------------------------- fixes

/** How a line of a file ends: `lf` (`\n`), `crlf` (`\r\n`), or `none` (a last line without a line ending). */
export type LineEnding = 'lf' | 'crlf' | 'none';

/** One line of a diff, as data: the app and the command line only render it. */
export interface DiffLine {
  kind: 'context' | 'add' | 'remove';
  /** The line's text without its line ending (and without the file's BOM); secrets masked. */
  text: string;
  eol: LineEnding;
  /**
   * On a removed line and the added line right after it that differ only in their line ending
   * (CRLF turned into LF, LF into CRLF, a final line ending added or dropped): show the endings.
   */
  eolChanged?: true;
}

/** A run of changes with up to 3 unchanged lines around it, numbered as in a unified diff. */
export interface DiffHunk {
  /** First old line shown, from 1; the line before the hunk (0 at the top) when it shows no old line. */
  oldStart: number;
  oldLines: number;
  /** First new line shown, from 1; the line before the hunk (0 at the top) when it shows no new line. */
  newStart: number;
  newLines: number;
  lines: DiffLine[];
}

export interface FileDiff {
  /** Path as shown to the user (`$CODEX_HOME/config.toml` or the absolute path). */
  path: string;
  /** `create` when the file does not exist yet. */
  action: 'create' | 'modify' | 'delete';
  /** What changes, line by line; empty when `summary` stands for it. */
  hunks: DiffHunk[];
  /**
   * For a file whose content is not shown (the CA bundle: 200 KB of PEM): what it holds, in lines
   * of English like the file, shown instead of its hunks.
   */
  summary?: string[];
  added: number;
  removed: number;
}

export interface FixPlan {
  /** Opaque id the app uses to refer to this plan (never a path). */
  planId: string;
  fix: ApplicableFix;
  title: Message;
  diffs: FileDiff[];
  /** Side effects in words, e.g. conversations regroup under the new provider. */
  sideEffects: Message[];
  warnings: Message[];
  /** For enable-tun without a reachable API: steps for the user to follow. */
  manualSteps?: Message[];
  /** For enable-tun through the Clash API: the call that will be made. */
  apiAction?: { controller: string; description: Message };
  /** For trust-ca: the PEM bundle the fix writes, described (its diff shows no PEM). */
  caBundle?: CaBundleDescription;
}

export interface CaBundleDescription {
  /** As shown: `$CODEX_HOME/codex-connection-doctor-ca-bundle.pem`. */
  path: string;
  /** The company CA that completes the presented chain. */
  ca: CertificateSummary;
  /** Where it was found, e.g. `NODE_EXTRA_CA_CERTS (/etc/company/ca.pem)`. */
  foundIn: Message[];
  /** How many public roots (Node's tls.rootCertificates) the bundle carries besides it. */
  publicRoots: number;
  bytes: number;
}

/** Where a CA certificate was found on this machine. */
export interface CaSourceInfo {
  kind: 'env' | 'npm' | 'pip' | 'os-bundle' | 'os-anchor' | 'keychain' | 'windows-store' | 'file';
  /** e.g. `NODE_EXTRA_CA_CERTS`, `npm cafile in ~/.npmrc`, `the OS bundle`. */
  label: Message;
  path?: string;
  /** True when Codex already reads this store (the OS bundle, the keychains, the Windows store). */
  codexReads: boolean;
}

/** The search for the CA behind an untrusted certificate on Codex's route. */
export interface CaTrustReport {
  /** The issuer the presented chain names (the CA to look for), and its key id when given. */
  lookingFor: string;
  authorityKeyId?: string;
  /** The chain the endpoint presented on Codex's route, leaf first. */
  presented: CertificateSummary[];
  /** Every source read, with what it held or why it could not be read. */
  searched: Message[];
  /** A CA found on this machine that verifies the presented chain (cryptographically and in a TLS handshake). */
  proven: { ca: CertificateSummary; sources: CaSourceInfo[] } | null;
  /** Certificates that matched by name but did not verify the chain, and why. */
  rejected: Message[];
  /** Why Codex's TLS library refuses the chain whatever CA it is given; empty when nothing is weak. */
  refusals: Message[];
}

export interface JournalFileEntry {
  path: string;
  /** Base64 of the exact bytes before; absent when the change created the file. */
  before?: string;
  existedBefore: boolean;
  /** Mode bits before (e.g. 0o600). */
  modeBefore?: number;
  /** sha256 of the bytes the change wrote (absent when it deleted the file). */
  hashAfter?: string;
  /** Base64 of the exact bytes the change wrote: lets a revert remove only the fix's own lines. */
  after?: string;
}

export interface JournalEntry {
  id: string;
  createdAt: string;
  fix: ApplicableFix;
  /** A Message; entries written before schema 3 hold an English string. */
  title: Message | string;
  codexHome: string;
  profile: string | null;
  files: JournalFileEntry[];
  /** For enable-tun through the Clash API: what to undo. */
  api?: { controller: string; previousTun: boolean };
  revertedAt?: string;
  /** Set on the entry that records a partial revert (`remove-fix-lines`): the change it undid. */
  revertOf?: string;
}

export interface HistoryItem {
  id: string;
  createdAt: string;
  fix: ApplicableFix;
  title: Message;
  files: string[];
  reverted: boolean;
  revertedAt?: string;
  /**
   * For an active change: whether it is still in its files — `in-place`, `changed-since` (edited,
   * its lines partly there), or `overwritten` (none of its lines left: another tool wrote over it).
   */
  state?: 'in-place' | 'changed-since' | 'overwritten';
  /** For an active change: what Codex recorded since it (from its own log database), when it has one. */
  sinceChange?: CodexHistoryCounts;
}

export type RevertOutcome =
  | {
      status: 'reverted';
      files: string[];
      /** A proxy-app setting put back through its API, e.g. TUN turned back off. */
      api?: { controller: string; tunEnabled: boolean };
    }
  | {
      status: 'conflict';
      /** Files changed since the fix, with a diff of what differs. */
      conflicts: RevertConflict[];
    };

/** A file changed since the fix: the diff from the file the fix left (old) to the file as it is (new). */
export interface RevertConflict {
  /** Path as shown to the user. */
  path: string;
  hunks: DiffHunk[];
}
