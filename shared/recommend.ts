// The recommendation: a pure function of what the diagnosis measured. One row per rule, tried in
// order; the first that matches decides. docs/recommendation-rules.md is the same table in words,
// and tests/unit/recommend.test.ts has a test per row.
import type { Alternative, CredentialInfo, FailureKind, FixKind, ProxyProtocol, Recommendation } from './types.ts';
import type { Message } from './i18n/message.ts';
import { codexCanLogIn, proxyUrlWithoutLogin, type ProxyAuthScheme } from './proxy-login.ts';

/**
 * `unsupported`: the step works, but not for Codex (HTTPS through a SOCKS proxy: Codex's HTTP client has no SOCKS).
 * `unproven`: the WebSocket got the service's 401/403 without a credential to send, on a path
 * where a gateway could have answered in its name (ws://, a private CA): neither works nor fails.
 */
export type StepState = 'ok' | FailureKind | 'not-tested' | 'unsupported' | 'unproven';

/** What one route (direct, or one proxy) achieved against the provider's endpoint. */
export interface RouteFacts {
  label: Message;
  /** For proxies: the URL to give Codex (may hold a password; the caller redacts for display). */
  proxyUrl?: string;
  /** For proxies: what the port speaks. */
  speaks?: ProxyProtocol;
  https: StepState;
  websocket: StepState;
  /**
   * What proves a working WebSocket: an authenticated upgrade and a ping's pong (`authenticated`),
   * an anonymous upgrade and pong (`frames`), or the service's own 401 over wss:// with a public
   * certificate (`service-reached`).
   */
  websocketProof?: 'authenticated' | 'frames' | 'service-reached';
  /** The HTTPS request went without a credential and the service answered 401: it wants one. */
  serviceWantsCredential?: boolean;
  /** An HTTP proxy answered 407: the logins it offers (Proxy-Authenticate), and whether the URL's login was refused. */
  proxyLogin?: { schemes: ProxyAuthScheme[]; rejected: boolean };
}

/** Codex's own `codex doctor --network-only` WebSocket check, when it ran with a login. */
export interface CodexDoctorWebsocket {
  ok: boolean;
  /** Its one-line summary, e.g. `Responses WebSocket handshake succeeded`. */
  summary: string;
}

/** A base URL on this machine where nothing listens: a local gateway that has stopped. */
export interface StaleGateway {
  /** `openai_base_url` (removable by repair-config) or a provider's `base_url`. */
  key: 'openai_base_url' | 'base_url';
  /** `config.toml:3:1` */
  where: string;
  /** The URL, redacted. */
  url: string;
  /** The comment next to the line that says which tool wrote it, quoted. */
  writtenBy?: string;
}

/** The search for the CA behind an untrusted certificate on Codex's route (electron/core/trust). */
export interface UntrustedCaFacts {
  /** The issuer the presented chain names: the CA to look for. */
  lookingFor: string;
  /** A CA found on this machine that verifies the presented chain. */
  proven: { subject: string; fingerprint256: string; validTo: string; foundIn: string[] } | null;
  /** Why Codex's TLS library (rustls) refuses the chain or the CA whatever it is told to trust. */
  refusals: Message[];
  /** The sources read, one line each. */
  searched: Message[];
}

export interface RecommendationFacts {
  /** Problems that stop Codex from starting or from picking the intended provider. */
  configProblems: Message[];
  providerSupportsWebsockets: boolean;
  providerBuiltIn: boolean;
  direct: RouteFacts;
  /** The proxy Codex is told about (process env or $CODEX_HOME/.env), when the endpoint is not in NO_PROXY. */
  configured: RouteFacts | null;
  /** Every local proxy port that was tested (system proxy included). */
  localProxies: RouteFacts[];
  /** A proxy app (Clash, v2rayN, …) was found by its config, its API or its usual port. */
  proxyAppFound: boolean;
  tunActive: boolean;
  /** The credential the probes sent for Codex (described; never the secret). */
  credential?: CredentialInfo;
  /** Codex's own authenticated WebSocket check, when it ran. */
  codexDoctorWebsocket?: CodexDoctorWebsocket | null;
  staleGateway?: StaleGateway | null;
  /** Present when Codex's route fails on an untrusted certificate: what the CA search found. */
  untrustedCa?: UntrustedCaFacts | null;
  /**
   * Windows and macOS: with no proxy variable, Codex's HTTPS requests take the OS's static system
   * proxy (reqwest's default) while its WebSocket goes direct. This is that proxy, probed.
   */
  systemProxyHttps?: RouteFacts | null;
}

const CONNECTION_FAILURES: ReadonlySet<StepState> = new Set<StepState>([
  'dns-error',
  'tcp-refused',
  'tcp-timeout',
  'proxy-unreachable',
  'proxy-protocol-mismatch',
  'proxy-auth-required',
]);

const WEBSOCKET_BLOCKED: ReadonlySet<StepState> = new Set<StepState>([
  'refused',
  'connect-denied',
  'stalled',
  'reset',
  'proxy-error-page',
  'frames-dropped',
]);

/** An unproven WebSocket reached something answering in the service's name: the path is open for it. */
const carriesBoth = (r: RouteFacts) => r.https === 'ok' && (r.websocket === 'ok' || r.websocket === 'unproven');
const speaksHttp = (r: RouteFacts) => r.speaks === 'http' || r.speaks === 'mixed';

/** The route Codex will take: its configured proxy when there is one, else direct. */
export function codexRoute(f: RecommendationFacts): RouteFacts {
  if (f.configured) return f.configured;
  const sys = f.systemProxyHttps;
  if (!sys) return f.direct;
  // The WebSocket goes direct; HTTPS goes through the system proxy.
  return { ...f.direct, label: `${f.direct.label} (HTTPS through the ${sys.label})`, https: sys.https };
}

/** The OS proxy Codex's HTTPS takes, when it does not work. */
function deadSystemProxy(f: RecommendationFacts): RouteFacts | undefined {
  const sys = f.systemProxyHttps;
  return sys && sys.https !== 'ok' && (CONNECTION_FAILURES.has(sys.https) || sys.https === 'connect-denied') ? sys : undefined;
}

/** Local proxies that carry both the WebSocket and HTTPS, HTTP-speaking ports first. */
export function provenProxies(f: RecommendationFacts): RouteFacts[] {
  return f.localProxies
    .filter((p) => p.proxyUrl && carriesBoth(p))
    .sort((a, b) => Number(speaksHttp(b)) - Number(speaksHttp(a)));
}

/** Proxies that carry the WebSocket but whose HTTPS leg failed or was not provable (SOCKS-only ports). */
function websocketOnlyProxies(f: RecommendationFacts): RouteFacts[] {
  return f.localProxies.filter((p) => p.proxyUrl && p.websocket === 'ok' && !carriesBoth(p));
}

function configuredProxyIsDead(f: RecommendationFacts): boolean {
  const c = f.configured;
  return !!c && (CONNECTION_FAILURES.has(c.https) || CONNECTION_FAILURES.has(c.websocket)) && c.https !== 'ok';
}

/** The proxy that wants a Basic login: Codex's own first, else the one found on the machine (a company system proxy). */
function loginProxy(f: RecommendationFacts): RouteFacts | undefined {
  const wants = (r: RouteFacts | null | undefined) => !!r?.proxyUrl && !!r.proxyLogin && codexCanLogIn(r.proxyLogin.schemes);
  if (wants(f.configured)) return f.configured!;
  // Another proxy that wants a login is the way only when nothing else gets through.
  if (codexRoute(f).https === 'ok' || provenProxies(f).length > 0) return undefined;
  return f.localProxies.find(wants);
}

function unsupportedLoginProxy(f: RecommendationFacts): RouteFacts | undefined {
  const cannot = (r: RouteFacts | null | undefined) => !!r?.proxyUrl && !!r.proxyLogin && !codexCanLogIn(r.proxyLogin.schemes);
  if (cannot(f.configured)) return f.configured!;
  if (codexRoute(f).https === 'ok' || provenProxies(f).length > 0) return undefined;
  return f.localProxies.find(cannot);
}

const socksWarning =
  'This port speaks only SOCKS5. Codex uses it for the WebSocket, but its HTTPS client cannot use SOCKS: ' +
  'if the WebSocket ever falls back to HTTPS, requests will fail. An HTTP or mixed port of your proxy app is better.';

interface Rule {
  id: string;
  when: (f: RecommendationFacts) => boolean;
  decide: (f: RecommendationFacts) => Omit<Recommendation, 'rule' | 'evidence'>;
}

function describe(state: StepState): string {
  switch (state) {
    case 'ok':
      return 'works';
    case 'not-tested':
      return 'was not tested';
    case 'unsupported':
      return "reaches the service, but Codex's HTTPS client cannot use a SOCKS proxy";
    case 'refused':
      return 'is refused';
    case 'connect-denied':
      return 'is denied by the proxy (CONNECT refused)';
    case 'stalled':
      return 'is never answered';
    case 'reset':
      return 'is reset';
    case 'dns-error':
      return 'fails: the name does not resolve';
    case 'tcp-refused':
      return 'fails: the connection is refused';
    case 'tcp-timeout':
      return 'fails: the connection times out';
    case 'proxy-unreachable':
      return 'fails: nothing listens on the proxy port';
    case 'proxy-protocol-mismatch':
      return 'fails: the proxy port speaks another protocol';
    case 'proxy-auth-required':
      return 'fails: the proxy wants a login (407)';
    case 'untrusted-ca':
      return 'fails: the certificate is signed by a CA this machine does not trust';
    case 'tls-error':
      return 'fails during TLS';
    case 'proxy-error-page':
      return "gets the proxy's own error page";
    case 'frames-dropped':
      return 'is accepted, then its first frame is dropped';
    case 'unauthenticated':
      return 'reaches the service, which asks for credentials';
    case 'unproven':
      return 'gets a 401/403 that may come from the service or from a gateway in between: not proven without Codex\'s credential';
    case 'login-rejected':
      return "is rejected: the service does not accept Codex's credential (401)";
    default:
      return `fails (${state})`;
  }
}

export function routeSummary(r: RouteFacts): string {
  return `${r.label}: HTTPS ${describe(r.https)}, WebSocket ${describe(r.websocket)}`;
}

const disableAlt = (why: string): Alternative => ({ fix: 'disable-websockets', reason: why });
const tunAlt = (why: string): Alternative => ({ fix: 'enable-tun', reason: why });

const untrustedCertificate = (f: RecommendationFacts) => codexRoute(f).https === 'untrusted-ca' || codexRoute(f).websocket === 'untrusted-ca';

const loginRejected = (f: RecommendationFacts) => {
  const r = codexRoute(f);
  return r.https === 'login-rejected' || r.websocket === 'login-rejected';
};

/** Codex sends nothing (its config names no credential), and the service asks for one. */
const noCredentialSent = (f: RecommendationFacts) => f.credential?.status === 'none' && !!codexRoute(f).serviceWantsCredential;

/** What to do about a rejected login, naming where Codex takes the credential from. */
function loginSteps(f: RecommendationFacts): string[] {
  const c = f.credential;
  if (c?.status === 'none') {
    return f.providerBuiltIn
      ? ['Run `codex login` (with an API key or your ChatGPT account).']
      : ['Give the provider a credential: `env_key = "VARIABLE"` with that variable set, or `requires_openai_auth = true` to use your `codex login`.'];
  }
  if (c?.envKey) return [`Set ${c.envKey} (named by env_key) to a valid key where you run Codex, or in $CODEX_HOME/.env; Codex sends it as a bearer token.`];
  if (c?.kind === 'chatgpt') return ['Sign in again: run `codex logout`, then `codex login` (your ChatGPT session was not accepted).'];
  if (c?.source.includes('CODEX_API_KEY')) return ['CODEX_API_KEY holds a key the service rejects: correct it, or unset it to use your saved login.'];
  return ['Run `codex login` again with a valid API key (or sign in with ChatGPT).'];
}

export const RULES: readonly Rule[] = [
  {
    id: 'R1-config-broken',
    when: (f) => f.configProblems.length > 0,
    decide: (f) => ({
      fix: 'repair-config',
      headline: 'Your Codex configuration has a problem that stops Codex before it connects.',
      reasons: [...f.configProblems, 'Repair the configuration first; then run the diagnosis again.'],
      warnings: [],
      alternatives: [],
    }),
  },
  {
    id: 'R1b-stale-local-gateway',
    when: (f) => !!f.staleGateway && !carriesBoth(codexRoute(f)),
    decide: (f) => {
      const g = f.staleGateway!;
      const removable = g.key === 'openai_base_url';
      return {
        fix: removable ? 'repair-config' : 'no-network',
        headline: `Codex is sent to a local gateway that is not running: ${g.key} = "${g.url}" (${g.where}). Codex waits for the network forever there.`,
        reasons: [
          routeSummary(codexRoute(f)),
          ...(g.writtenBy ? [`The line was written by another tool: ${g.writtenBy}`] : []),
          removable
            ? 'Start that tool again, or remove the line (repair-config does it, journaled and revertible) so Codex talks to OpenAI directly.'
            : `Start that tool again, or choose another provider than the one whose base_url points there.`,
        ],
        warnings: [],
        alternatives: [],
      };
    },
  },
  {
    id: 'R1c-login-rejected',
    when: (f) => loginRejected(f) || noCredentialSent(f),
    decide: (f) => ({
      fix: 'login',
      headline: loginRejected(f)
        ? "Codex's login is rejected by the service: this is not a network problem."
        : 'Codex sends no credential to this provider, and the service asks for one: this is not a network problem.',
      reasons: [
        routeSummary(codexRoute(f)),
        ...(f.credential ? [loginRejected(f) ? `Codex sends ${f.credential.source}.` : `${f.credential.source}.`] : []),
        'Codex retries, is refused with 401 every time and never answers; no transport change helps.',
        ...loginSteps(f),
      ],
      warnings: [],
      alternatives: [],
    }),
  },
  {
    id: 'R1d-dead-system-proxy',
    when: (f) => !!deadSystemProxy(f),
    decide: (f) => {
      const sys = deadSystemProxy(f)!;
      const best = provenProxies(f)[0];
      const directHttps = f.direct.https === 'ok';
      return {
        fix: 'fix-proxy',
        ...(best ? { proxyUrl: best.proxyUrl } : {}),
        headline: `The system proxy does not work, and Codex's HTTPS requests go through it (Codex reads the OS proxy setting for HTTPS, not for its WebSocket).`,
        reasons: [
          routeSummary(sys),
          routeSummary(f.direct),
          'Turn the system proxy off in your proxy app (Clash, v2rayN: "System Proxy") or start the app it belongs to; ' +
            (best
              ? `or point Codex at ${best.label} in $CODEX_HOME/.env, which takes precedence over the OS setting.`
              : directHttps
                ? 'this machine reaches the endpoint directly without it.'
                : 'or name a working proxy in $CODEX_HOME/.env, which takes precedence over the OS setting.'),
        ],
        warnings: [],
        alternatives: [],
      };
    },
  },
  {
    id: 'R2-healthy',
    when: (f) => {
      const r = codexRoute(f);
      if (r.https === 'unsupported') return f.providerSupportsWebsockets && r.websocket === 'ok';
      return r.https === 'ok' && (r.websocket === 'ok' || !f.providerSupportsWebsockets);
    },
    decide: (f) => {
      const r = codexRoute(f);
      const overSocks = r.https === 'unsupported';
      const better = overSocks ? provenProxies(f)[0] : undefined;
      return {
        fix: 'none',
        headline: overSocks
          ? `Codex works through its SOCKS proxy over the WebSocket (${r.label}).`
          : f.providerSupportsWebsockets
            ? `Codex's connection is healthy: the WebSocket and HTTPS both work (${r.label}).`
            : `Codex's connection is healthy: WebSockets are off for this provider and HTTPS works (${r.label}).`,
        reasons: [routeSummary(r), ...proofReason(r)],
        warnings: overSocks ? [socksWarning] : [],
        alternatives: better ? [{ fix: 'use-proxy', reason: `${better.label} carries HTTPS as well.` }] : [],
      };
    },
  },
  {
    id: 'R3-configured-proxy-dead-working-one-found',
    when: (f) => configuredProxyIsDead(f) && provenProxies(f).length > 0,
    decide: (f) => {
      const best = provenProxies(f)[0]!;
      return {
        fix: 'fix-proxy',
        proxyUrl: best.proxyUrl,
        headline: `The proxy Codex is told to use does not work, but ${best.label} does.`,
        reasons: [
          routeSummary(f.configured!),
          routeSummary(best),
          'Pointing Codex at the working proxy in $CODEX_HOME/.env lets both the WebSocket and HTTPS through.',
        ],
        warnings: [],
        alternatives: f.proxyAppFound ? [tunAlt('Route everything through your proxy app instead.')] : [],
      };
    },
  },
  {
    id: 'R4-configured-proxy-dead-direct-works',
    when: (f) => configuredProxyIsDead(f) && carriesBoth(f.direct),
    decide: (f) => ({
      fix: 'fix-proxy',
      headline: 'The proxy Codex is told to use does not work, and this machine reaches the endpoint directly.',
      reasons: [
        routeSummary(f.configured!),
        routeSummary(f.direct),
        'Remove the dead proxy from where it is set (the process environment or $CODEX_HOME/.env), or start the proxy app it belongs to.',
      ],
      warnings: [],
      alternatives: [],
    }),
  },
  {
    id: 'R4b-proxy-wants-login',
    when: (f) => !!loginProxy(f),
    decide: (f) => {
      const p = loginProxy(f)!;
      const login = p.proxyLogin!;
      const isCodexProxy = p === f.configured;
      return {
        fix: 'use-proxy',
        proxyUrl: proxyUrlWithoutLogin(p.proxyUrl!),
        proxyLogin: { schemes: login.schemes, rejected: login.rejected },
        headline: login.rejected
          ? `The proxy ${isCodexProxy ? 'Codex is told to use' : `${p.label}`} refuses the user name and password in its URL (407).`
          : `The proxy ${isCodexProxy ? 'Codex is told to use' : `${p.label}`} wants a user name and password (407), and Codex has none for it.`,
        reasons: [
          routeSummary(p),
          ...(login.schemes.length ? [`It offers: ${login.schemes.join(', ')}. Codex logs in to a proxy with Basic, from the user:password in the proxy URL.`] : []),
          'Give the login to Fix #2: it is checked against the proxy before anything is written, and saved percent-encoded in $CODEX_HOME/.env (readable by you alone).',
        ],
        warnings: ['The password is stored in $CODEX_HOME/.env, as Codex needs it there; the doctor never shows or keeps it elsewhere.'],
        alternatives: f.proxyAppFound && !f.tunActive ? [tunAlt('A proxy app in TUN mode can do the login for every program.')] : [],
      };
    },
  },
  {
    id: 'R4c-proxy-login-codex-cannot-do',
    when: (f) => !!unsupportedLoginProxy(f),
    decide: (f) => {
      const p = unsupportedLoginProxy(f)!;
      const schemes = p.proxyLogin!.schemes.join(', ');
      return {
        fix: 'proxy-login-unsupported',
        headline: `The proxy wants a ${schemes} login, which Codex cannot do: it logs in to proxies only with a user name and password (Basic).`,
        reasons: [
          routeSummary(p),
          'Run a local relay that does this login for you — px (github.com/genotrance/px) or cntlm — and point Codex at it: `fix use-proxy --proxy http://127.0.0.1:3128` (the relay\'s port).',
          ...(f.proxyAppFound ? ['Or turn on TUN mode in your proxy app, if it can reach this proxy with the login.'] : []),
        ],
        warnings: [],
        alternatives: f.proxyAppFound && !f.tunActive ? [tunAlt('Route everything through your proxy app instead.')] : [],
      };
    },
  },
  {
    id: 'R5-configured-proxy-dead-nothing-works',
    when: (f) => configuredProxyIsDead(f),
    decide: (f) => ({
      fix: 'no-network',
      headline: 'The proxy Codex is told to use does not work, and no other way to the endpoint was found.',
      reasons: [
        routeSummary(f.configured!),
        routeSummary(f.direct),
        'Start the proxy app that should listen there (or correct the port), then run the diagnosis again.',
      ],
      warnings: [],
      alternatives: [],
    }),
  },
  {
    id: 'R5b-websocket-unproven',
    when: (f) => f.providerSupportsWebsockets && codexRoute(f).https === 'ok' && codexRoute(f).websocket === 'unproven',
    decide: (f) => ({
      fix: 'unproven',
      headline:
        "HTTPS works. The WebSocket got a 401/403 that asks for credentials, and without Codex's credential the doctor cannot tell whether the service or a gateway in between sent it.",
      reasons: [
        routeSummary(codexRoute(f)),
        ...(f.credential ? [`The probes went without a credential: Codex's is ${f.credential.source}.`] : []),
        'To confirm, run `codex doctor --network-only` (it authenticates its WebSocket check), or watch whether Codex prints "Reconnecting… 2/5".',
      ],
      warnings: [],
      alternatives: [disableAlt('If Codex does show Reconnecting, this makes it use HTTPS at once.')],
    }),
  },
  {
    id: 'R6-https-works-websocket-blocked-proxy-carries-both',
    when: (f) =>
      codexRoute(f).https === 'ok' &&
      WEBSOCKET_BLOCKED.has(codexRoute(f).websocket) &&
      provenProxies(f).some((p) => p.proxyUrl !== f.configured?.proxyUrl),
    decide: (f) => {
      const best = provenProxies(f).find((p) => p.proxyUrl !== f.configured?.proxyUrl)!;
      return {
        fix: 'use-proxy',
        proxyUrl: best.proxyUrl,
        headline: `Codex's WebSocket ${describe(codexRoute(f).websocket)} on its current path, but ${best.label} carries it.`,
        reasons: [
          routeSummary(codexRoute(f)),
          routeSummary(best),
          'Codex would retry the WebSocket five times on every start before falling back to HTTPS.',
        ],
        warnings: speaksHttp(best) ? [] : [socksWarning],
        alternatives: [
          disableAlt('Works at once without a proxy: Codex uses HTTPS only.'),
          ...(f.proxyAppFound ? [tunAlt('Send all traffic through your proxy app.')] : []),
        ],
      };
    },
  },
  {
    id: 'R7-https-works-websocket-blocked',
    when: (f) => codexRoute(f).https === 'ok' && codexRoute(f).websocket !== 'ok',
    decide: (f) => ({
      fix: 'disable-websockets',
      headline: `HTTPS to the endpoint works, but the WebSocket ${describe(codexRoute(f).websocket)} (${codexRoute(f).label}): Codex retries it five times before it falls back to HTTPS.`,
      reasons: [
        routeSummary(codexRoute(f)),
        'Codex retries the WebSocket five times, then falls back to HTTPS; turning WebSockets off makes it use HTTPS at once.',
      ],
      warnings: [],
      alternatives: f.proxyAppFound && !f.tunActive ? [tunAlt('TUN mode may carry the WebSocket as well.')] : [],
    }),
  },
  {
    id: 'R8-only-a-local-proxy-works',
    when: (f) => provenProxies(f).length > 0,
    decide: (f) => {
      const best = provenProxies(f)[0]!;
      return {
        fix: 'use-proxy',
        proxyUrl: best.proxyUrl,
        headline: `Codex cannot reach its endpoint directly, but ${best.label} carries both HTTPS and the WebSocket: Codex is just not told to use it.`,
        reasons: [
          routeSummary(codexRoute(f)),
          routeSummary(best),
          'Without a proxy setting Codex keeps "Reconnecting… waiting for network" and never answers.',
        ],
        warnings: speaksHttp(best) ? [] : [socksWarning],
        alternatives: f.proxyAppFound ? [tunAlt('Send all traffic through your proxy app instead of telling Codex.')] : [],
      };
    },
  },
  {
    id: 'R9-only-socks-carries-websocket',
    when: (f) => websocketOnlyProxies(f).length > 0,
    decide: (f) => {
      const best = websocketOnlyProxies(f)[0]!;
      return {
        fix: 'use-proxy',
        proxyUrl: best.proxyUrl,
        headline: `Only ${best.label} reaches the endpoint, and only for the WebSocket.`,
        reasons: [routeSummary(codexRoute(f)), routeSummary(best)],
        warnings: [socksWarning],
        alternatives: f.proxyAppFound ? [tunAlt('TUN mode carries HTTPS as well, without a proxy setting.')] : [],
      };
    },
  },
  {
    id: 'R10a-certificate-codex-refuses',
    when: (f) => untrustedCertificate(f) && (f.untrustedCa?.refusals.length ?? 0) > 0,
    decide: (f) => {
      const ca = f.untrustedCa!;
      return {
        fix: 'weak-ca',
        headline: ca.proven
          ? `Codex's connection is intercepted with certificates from "${ca.proven.subject}", which Codex's TLS library refuses even when told to trust it: no setting fixes this.`
          : `Codex's connection is intercepted with a certificate Codex's TLS library refuses whatever CA it is given: no setting fixes this.`,
        reasons: [
          routeSummary(codexRoute(f)),
          ...ca.refusals,
          'Codex uses rustls, which refuses SHA-1 signatures, RSA keys under 2048 bits and certificates outside their validity (openai/codex #24167); SSL_CERT_FILE or the OS trust store cannot change that.',
          'Ask your IT department to re-issue the inspection CA (SHA-256, RSA 2048+ or ECDSA, valid dates), or to exempt the OpenAI endpoints from TLS inspection.',
        ],
        warnings: [],
        alternatives: [],
      };
    },
  },
  {
    id: 'R10-untrusted-certificate',
    when: (f) => untrustedCertificate(f),
    decide: (f) => {
      const ca = f.untrustedCa;
      if (ca?.proven) {
        return {
          fix: 'trust-ca',
          headline: `Not a WebSocket problem: Codex's connection is intercepted with certificates from "${ca.proven.subject}", a CA Codex does not trust — and this machine has it (${ca.proven.foundIn.join(', ')}).`,
          reasons: [
            routeSummary(codexRoute(f)),
            `The CA "${ca.proven.subject}" (SHA-256 ${ca.proven.fingerprint256}, valid until ${ca.proven.validTo.slice(0, 10)}) was found in ${ca.proven.foundIn.join(', ')}, and the presented chain verifies with it.`,
            'Check that it is your company\'s CA (IT can confirm the fingerprint): trust-ca writes a PEM bundle (the public roots plus this CA) under $CODEX_HOME and sets SSL_CERT_FILE to it in $CODEX_HOME/.env.',
          ],
          warnings: [],
          alternatives: [],
        };
      }
      return {
        fix: 'no-network',
        headline:
          'Not a WebSocket problem: the connection is intercepted with a certificate this machine does not trust (a TLS-inspecting proxy or private CA).',
        reasons: [
          routeSummary(codexRoute(f)),
          ...(ca
            ? [`No CA named "${ca.lookingFor}" that verifies the presented chain was found (searched: ${ca.searched.length ? ca.searched.join('; ') : 'nothing readable'}).`]
            : []),
          'Ask your IT department for the CA certificate (PEM or CRT), then run `fix trust-ca --ca-file PATH`: the file is checked against the certificate Codex is shown before anything is written.',
        ],
        warnings: [],
        alternatives: [],
      };
    },
  },
  {
    id: 'R11-proxy-app-without-usable-port',
    when: (f) => f.proxyAppFound && !f.tunActive,
    decide: (f) => ({
      fix: 'enable-tun',
      headline: 'Codex cannot reach its endpoint, and no proxy port of your proxy app could carry it.',
      reasons: [
        routeSummary(codexRoute(f)),
        ...f.localProxies.map(routeSummary),
        'TUN mode routes every connection through the proxy app, so Codex needs no proxy setting.',
      ],
      warnings: ['TUN mode changes the whole system\'s networking (corporate networks, local services, VPNs).'],
      alternatives: [],
    }),
  },
  {
    id: 'R12-no-network',
    when: () => true,
    decide: (f) => ({
      fix: 'no-network',
      headline: 'Not a WebSocket problem: this machine cannot reach the endpoint at all, directly or through any proxy found.',
      reasons: [
        routeSummary(codexRoute(f)),
        ...(f.configured ? [routeSummary(f.direct)] : []),
        ...f.localProxies.map(routeSummary),
        f.tunActive
          ? 'TUN mode is on, yet nothing gets through: check the proxy app\'s node and rules.'
          : 'Check the network connection, VPN or proxy app, then run the diagnosis again.',
      ],
      warnings: [],
      alternatives: [],
    }),
  },
];

function proofReason(r: RouteFacts): string[] {
  if (r.websocketProof === 'service-reached') {
    return ["The WebSocket upgrade reached the service over wss:// with a publicly trusted certificate (it asked for credentials the doctor could not send): nothing in between could have answered for it."];
  }
  return [];
}

/**
 * Codex's own doctor authenticates its WebSocket check; the probes may not have been able to. Where
 * the two disagree, the authenticated evidence wins and the disagreement is said.
 */
export function reconcileWithCodexDoctor(f: RecommendationFacts): { facts: RecommendationFacts; notes: string[] } {
  const doctor = f.codexDoctorWebsocket;
  if (!doctor || !f.providerSupportsWebsockets) return { facts: f, notes: [] };
  const route = codexRoute(f);
  const theirs = `Codex's own doctor (authenticated): "${doctor.summary}".`;
  let websocket = route.websocket;
  const notes: string[] = [];
  if (route.websocket === 'unproven' || (route.websocket === 'ok' && route.websocketProof === 'service-reached')) {
    websocket = doctor.ok ? 'ok' : 'refused';
    notes.push(`${theirs} Without Codex's credential the probes could not prove the WebSocket; Codex's own check decides.`);
  } else if (route.websocket === 'frames-dropped' && doctor.ok) {
    notes.push(`${theirs} It checks only the handshake, which passes here too; the first frame after it is dropped, which is what makes Codex reconnect.`);
  } else if (route.websocket === 'ok' && !doctor.ok) {
    notes.push(`${theirs} The probes, with the same credential, completed the handshake and a frame round trip; Codex's check may have taken another route or timed out.`);
  } else if (WEBSOCKET_BLOCKED.has(route.websocket) && doctor.ok && route.websocket !== 'frames-dropped') {
    websocket = 'ok';
    notes.push(`${theirs} The probes saw the upgrade ${describe(route.websocket)}; Codex's own authenticated check is taken as the truth, as it runs Codex's own network stack.`);
  }
  if (websocket === route.websocket) return { facts: f, notes };
  const adjusted: RouteFacts = { ...route, websocket, websocketProof: websocket === 'ok' ? 'authenticated' : undefined };
  return {
    facts: f.configured ? { ...f, configured: adjusted } : { ...f, direct: adjusted },
    notes,
  };
}

export function recommend(input: RecommendationFacts, evidence: string[] = []): Recommendation {
  const { facts, notes } = reconcileWithCodexDoctor(input);
  for (const rule of RULES) {
    if (rule.when(facts)) {
      const decided = rule.decide(facts);
      return { rule: rule.id, evidence, ...decided, reasons: [...decided.reasons, ...notes] };
    }
  }
  // Unreachable: the last rule always matches.
  throw new Error('no recommendation rule matched');
}

export const FIX_TITLES: Record<FixKind, string> = {
  none: 'No fix needed',
  unproven: 'Not proven: the WebSocket needs Codex\'s own check',
  login: 'Not a network problem: Codex\'s login is rejected',
  'proxy-login-unsupported': 'Your proxy wants a login Codex cannot do',
  'disable-websockets': 'Fix #1 — turn off WebSockets for this provider',
  'use-proxy': 'Fix #2 — point Codex at a working proxy',
  'enable-tun': 'Fix #3 — turn on TUN mode in your proxy app',
  'repair-config': 'Repair the Codex configuration',
  'fix-proxy': 'Fix the proxy Codex is told to use',
  'trust-ca': "Trust your company's CA for Codex",
  'weak-ca': 'Not fixable by a setting: Codex refuses this certificate',
  'no-network': 'Not a WebSocket problem',
};
