// The recommendation: a pure function of what the diagnosis measured. One row per rule, tried in
// order; the first that matches decides. docs/recommendation-rules.md is the same table in words,
// and tests/unit/recommend.test.ts has a test per row. It speaks only in messages: every text it
// returns is a `verdict.*` id of shared/i18n/catalog/{en,zh-CN}/verdict.ts with its parameters.
import type { Alternative, CredentialInfo, FailureKind, FixKind, ProxyProtocol, Recommendation } from './types.ts';
import { joinMessages, type Message, type MessageId, msg } from './i18n/message.ts';
import { codexCanLogIn, type ProxyAuthScheme } from './proxy-login.ts';
import { proxyUrlWithoutLogin } from './proxy-url.ts';

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
  /** Its one-line summary, e.g. `Responses WebSocket handshake succeeded` (Codex's own words, quoted as they are). */
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
  proven: { subject: string; fingerprint256: string; validTo: string; foundIn: Message[] } | null;
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
  return {
    ...f.direct,
    label: msg('verdict.route.https-through-system-proxy', { direct: f.direct.label, systemProxy: sys.label }),
    https: sys.https,
  };
}

/** The OS proxy Codex's HTTPS takes, when it does not work. */
function deadSystemProxy(f: RecommendationFacts): RouteFacts | undefined {
  const sys = f.systemProxyHttps;
  return sys && sys.https !== 'ok' && (CONNECTION_FAILURES.has(sys.https) || sys.https === 'connect-denied')
    ? sys
    : undefined;
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
  const wants = (r: RouteFacts | null | undefined) =>
    !!r?.proxyUrl && !!r.proxyLogin && codexCanLogIn(r.proxyLogin.schemes);
  if (wants(f.configured)) return f.configured!;
  // Another proxy that wants a login is the way only when nothing else gets through.
  if (codexRoute(f).https === 'ok' || provenProxies(f).length > 0) return undefined;
  return f.localProxies.find(wants);
}

function unsupportedLoginProxy(f: RecommendationFacts): RouteFacts | undefined {
  const cannot = (r: RouteFacts | null | undefined) =>
    !!r?.proxyUrl && !!r.proxyLogin && !codexCanLogIn(r.proxyLogin.schemes);
  if (cannot(f.configured)) return f.configured!;
  if (codexRoute(f).https === 'ok' || provenProxies(f).length > 0) return undefined;
  return f.localProxies.find(cannot);
}

const socksWarning = msg('verdict.socks-warning');

interface Rule {
  id: string;
  when: (f: RecommendationFacts) => boolean;
  decide: (f: RecommendationFacts) => Omit<Recommendation, 'rule' | 'evidence'>;
}

/** What a step did, as the predicate of "HTTPS …" / "the WebSocket …". */
const STATE_TEXT: Record<StepState, MessageId> = {
  ok: 'verdict.state.ok',
  'not-tested': 'verdict.state.not-tested',
  unsupported: 'verdict.state.unsupported',
  unproven: 'verdict.state.unproven',
  refused: 'verdict.state.refused',
  'connect-denied': 'verdict.state.connect-denied',
  stalled: 'verdict.state.stalled',
  reset: 'verdict.state.reset',
  'dns-error': 'verdict.state.dns-error',
  'tcp-refused': 'verdict.state.tcp-refused',
  'tcp-timeout': 'verdict.state.tcp-timeout',
  'proxy-unreachable': 'verdict.state.proxy-unreachable',
  'proxy-protocol-mismatch': 'verdict.state.proxy-protocol-mismatch',
  'proxy-auth-required': 'verdict.state.proxy-auth-required',
  'untrusted-ca': 'verdict.state.untrusted-ca',
  'tls-error': 'verdict.state.tls-error',
  'proxy-error-page': 'verdict.state.proxy-error-page',
  'frames-dropped': 'verdict.state.frames-dropped',
  unauthenticated: 'verdict.state.unauthenticated',
  'login-rejected': 'verdict.state.login-rejected',
  error: 'verdict.state.error',
};

function describe(state: StepState): Message {
  return msg(STATE_TEXT[state] ?? 'verdict.state.error');
}

export function routeSummary(r: RouteFacts): Message {
  return msg('verdict.route.summary', { route: r.label, https: describe(r.https), websocket: describe(r.websocket) });
}

/** Whether a message names `text` in one of its parameters, nested messages included. */
function mentions(m: Message, text: string): boolean {
  const inParam = (p: unknown): boolean =>
    typeof p === 'string'
      ? p.includes(text)
      : Array.isArray(p)
        ? p.some(inParam)
        : typeof p === 'object' && p !== null && 'id' in p
          ? mentions(p as Message, text)
          : false;
  return Object.values(m.params ?? {}).some(inParam);
}

const disableAlt = (why: MessageId): Alternative => ({ fix: 'disable-websockets', reason: msg(why) });
const tunAlt = (why: MessageId): Alternative => ({ fix: 'enable-tun', reason: msg(why) });

const untrustedCertificate = (f: RecommendationFacts) =>
  codexRoute(f).https === 'untrusted-ca' || codexRoute(f).websocket === 'untrusted-ca';

const loginRejected = (f: RecommendationFacts) => {
  const r = codexRoute(f);
  return r.https === 'login-rejected' || r.websocket === 'login-rejected';
};

/** Codex sends nothing (its config names no credential), and the service asks for one. */
const noCredentialSent = (f: RecommendationFacts) =>
  f.credential?.status === 'none' && !!codexRoute(f).serviceWantsCredential;

/** What to do about a rejected login, naming where Codex takes the credential from. */
function loginSteps(f: RecommendationFacts): Message[] {
  const c = f.credential;
  if (c?.status === 'none') {
    return f.providerBuiltIn
      ? [msg('verdict.login.step.codex-login')]
      : [msg('verdict.login.step.provider-credential')];
  }
  if (c?.envKey) return [msg('verdict.login.step.env-key', { variable: c.envKey })];
  if (c?.kind === 'chatgpt') return [msg('verdict.login.step.chatgpt')];
  if (c && (c.source.id === 'setup.credential.codex-api-key' || mentions(c.source, 'CODEX_API_KEY'))) {
    return [msg('verdict.login.step.codex-api-key')];
  }
  return [msg('verdict.login.step.login-again')];
}

export const RULES: readonly Rule[] = [
  {
    id: 'R1-config-broken',
    when: (f) => f.configProblems.length > 0,
    decide: (f) => ({
      fix: 'repair-config',
      headline: msg('verdict.config-broken.headline'),
      reasons: [...f.configProblems, msg('verdict.config-broken.repair-first')],
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
        headline: msg('verdict.stale-gateway.headline', { setting: g.key, url: g.url, where: g.where }),
        reasons: [
          routeSummary(codexRoute(f)),
          ...(g.writtenBy ? [msg('verdict.stale-gateway.written-by', { comment: g.writtenBy })] : []),
          removable ? msg('verdict.stale-gateway.remove-line') : msg('verdict.stale-gateway.choose-provider'),
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
      headline: loginRejected(f) ? msg('verdict.login.headline-rejected') : msg('verdict.login.headline-none'),
      reasons: [
        routeSummary(codexRoute(f)),
        ...(f.credential
          ? [
              loginRejected(f)
                ? msg('verdict.login.sends', { credential: f.credential.source })
                : msg('verdict.login.credential', { credential: f.credential.source }),
            ]
          : []),
        msg('verdict.login.retries'),
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
        headline: msg('verdict.dead-system-proxy.headline'),
        reasons: [
          routeSummary(sys),
          routeSummary(f.direct),
          best
            ? msg('verdict.dead-system-proxy.or-use-proxy', { proxy: best.label })
            : directHttps
              ? msg('verdict.dead-system-proxy.direct-works')
              : msg('verdict.dead-system-proxy.or-name-proxy'),
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
          ? msg('verdict.healthy.over-socks', { route: r.label })
          : f.providerSupportsWebsockets
            ? msg('verdict.healthy.both', { route: r.label })
            : msg('verdict.healthy.https-only', { route: r.label }),
        reasons: [routeSummary(r), ...proofReason(r)],
        warnings: overSocks ? [socksWarning] : [],
        alternatives: better
          ? [{ fix: 'use-proxy', reason: msg('verdict.alt.http-port-carries-https', { proxy: better.label }) }]
          : [],
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
        headline: msg('verdict.proxy-dead.other-works', { proxy: best.label }),
        reasons: [routeSummary(f.configured!), routeSummary(best), msg('verdict.proxy-dead.point-codex')],
        warnings: [],
        alternatives: f.proxyAppFound ? [tunAlt('verdict.alt.tun-route-everything')] : [],
      };
    },
  },
  {
    id: 'R4-configured-proxy-dead-direct-works',
    when: (f) => configuredProxyIsDead(f) && carriesBoth(f.direct),
    decide: (f) => ({
      fix: 'fix-proxy',
      headline: msg('verdict.proxy-dead.direct-works'),
      reasons: [routeSummary(f.configured!), routeSummary(f.direct), msg('verdict.proxy-dead.remove')],
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
          ? isCodexProxy
            ? msg('verdict.proxy-login.codex-proxy-rejected')
            : msg('verdict.proxy-login.other-proxy-rejected', { proxy: p.label })
          : isCodexProxy
            ? msg('verdict.proxy-login.codex-proxy-wants')
            : msg('verdict.proxy-login.other-proxy-wants', { proxy: p.label }),
        reasons: [
          routeSummary(p),
          ...(login.schemes.length ? [msg('verdict.proxy-login.offers', { schemes: login.schemes })] : []),
          msg('verdict.proxy-login.give-login'),
        ],
        warnings: [msg('verdict.proxy-login.password-stored')],
        alternatives: f.proxyAppFound && !f.tunActive ? [tunAlt('verdict.alt.tun-proxy-login')] : [],
      };
    },
  },
  {
    id: 'R4c-proxy-login-codex-cannot-do',
    when: (f) => !!unsupportedLoginProxy(f),
    decide: (f) => {
      const p = unsupportedLoginProxy(f)!;
      return {
        fix: 'proxy-login-unsupported',
        headline: msg('verdict.proxy-login-unsupported.headline', { schemes: p.proxyLogin!.schemes }),
        reasons: [
          routeSummary(p),
          msg('verdict.proxy-login-unsupported.relay'),
          ...(f.proxyAppFound ? [msg('verdict.proxy-login-unsupported.tun')] : []),
        ],
        warnings: [],
        alternatives: f.proxyAppFound && !f.tunActive ? [tunAlt('verdict.alt.tun-route-everything')] : [],
      };
    },
  },
  {
    id: 'R5-configured-proxy-dead-nothing-works',
    when: (f) => configuredProxyIsDead(f),
    decide: (f) => ({
      fix: 'no-network',
      headline: msg('verdict.proxy-dead.nothing-works'),
      reasons: [routeSummary(f.configured!), routeSummary(f.direct), msg('verdict.proxy-dead.start-app')],
      warnings: [],
      alternatives: [],
    }),
  },
  {
    id: 'R5b-websocket-unproven',
    when: (f) => f.providerSupportsWebsockets && codexRoute(f).https === 'ok' && codexRoute(f).websocket === 'unproven',
    decide: (f) => ({
      fix: 'unproven',
      headline: msg('verdict.unproven.headline'),
      reasons: [
        routeSummary(codexRoute(f)),
        ...(f.credential ? [msg('verdict.unproven.no-credential', { credential: f.credential.source })] : []),
        msg('verdict.unproven.confirm'),
      ],
      warnings: [],
      alternatives: [disableAlt('verdict.alt.disable-websockets-if-reconnecting')],
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
        headline: msg('verdict.websocket-blocked.proxy-carries.headline', {
          websocket: describe(codexRoute(f).websocket),
          proxy: best.label,
        }),
        reasons: [
          routeSummary(codexRoute(f)),
          routeSummary(best),
          msg('verdict.websocket-blocked.proxy-carries.retries'),
        ],
        warnings: speaksHttp(best) ? [] : [socksWarning],
        alternatives: [
          disableAlt('verdict.alt.disable-websockets-at-once'),
          ...(f.proxyAppFound ? [tunAlt('verdict.alt.tun-send-all')] : []),
        ],
      };
    },
  },
  {
    id: 'R7-https-works-websocket-blocked',
    when: (f) => codexRoute(f).https === 'ok' && codexRoute(f).websocket !== 'ok',
    decide: (f) => ({
      fix: 'disable-websockets',
      headline: msg('verdict.websocket-blocked.headline', {
        websocket: describe(codexRoute(f).websocket),
        route: codexRoute(f).label,
      }),
      reasons: [routeSummary(codexRoute(f)), msg('verdict.websocket-blocked.retries')],
      warnings: [],
      alternatives: f.proxyAppFound && !f.tunActive ? [tunAlt('verdict.alt.tun-may-carry-websocket')] : [],
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
        headline: msg('verdict.local-proxy-works.headline', { proxy: best.label }),
        reasons: [routeSummary(codexRoute(f)), routeSummary(best), msg('verdict.local-proxy-works.never-answers')],
        warnings: speaksHttp(best) ? [] : [socksWarning],
        alternatives: f.proxyAppFound ? [tunAlt('verdict.alt.tun-instead-of-telling-codex')] : [],
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
        headline: msg('verdict.only-socks.headline', { proxy: best.label }),
        reasons: [routeSummary(codexRoute(f)), routeSummary(best)],
        warnings: [socksWarning],
        alternatives: f.proxyAppFound ? [tunAlt('verdict.alt.tun-carries-https')] : [],
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
          ? msg('verdict.weak-ca.headline-found', { subject: ca.proven.subject })
          : msg('verdict.weak-ca.headline'),
        reasons: [
          routeSummary(codexRoute(f)),
          ...ca.refusals,
          msg('verdict.weak-ca.rustls'),
          msg('verdict.weak-ca.ask-it'),
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
          headline: msg('verdict.untrusted-ca.headline-found', {
            subject: ca.proven.subject,
            foundIn: ca.proven.foundIn,
          }),
          reasons: [
            routeSummary(codexRoute(f)),
            msg('verdict.untrusted-ca.found', {
              subject: ca.proven.subject,
              fingerprint: ca.proven.fingerprint256,
              validUntil: ca.proven.validTo.slice(0, 10),
              foundIn: ca.proven.foundIn,
            }),
            msg('verdict.untrusted-ca.check-it'),
          ],
          warnings: [],
          alternatives: [],
        };
      }
      return {
        fix: 'no-network',
        headline: msg('verdict.untrusted-ca.headline'),
        reasons: [
          routeSummary(codexRoute(f)),
          ...(ca
            ? [
                ca.searched.length
                  ? msg('verdict.untrusted-ca.not-found', {
                      issuer: ca.lookingFor,
                      searched: joinMessages(ca.searched, 'clauses')!,
                    })
                  : msg('verdict.untrusted-ca.not-found-nothing-readable', { issuer: ca.lookingFor }),
              ]
            : []),
          msg('verdict.untrusted-ca.ask-it'),
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
      headline: msg('verdict.no-usable-port.headline'),
      reasons: [routeSummary(codexRoute(f)), ...f.localProxies.map(routeSummary), msg('verdict.no-usable-port.tun')],
      warnings: [msg('verdict.no-usable-port.tun-warning')],
      alternatives: [],
    }),
  },
  {
    id: 'R12-no-network',
    when: () => true,
    decide: (f) => ({
      fix: 'no-network',
      headline: msg('verdict.no-network.headline'),
      reasons: [
        routeSummary(codexRoute(f)),
        ...(f.configured ? [routeSummary(f.direct)] : []),
        ...f.localProxies.map(routeSummary),
        f.tunActive ? msg('verdict.no-network.tun-on') : msg('verdict.no-network.check'),
      ],
      warnings: [],
      alternatives: [],
    }),
  },
];

function proofReason(r: RouteFacts): Message[] {
  return r.websocketProof === 'service-reached' ? [msg('verdict.healthy.service-reached')] : [];
}

/**
 * Codex's own doctor authenticates its WebSocket check; the probes may not have been able to. Where
 * the two disagree, the authenticated evidence wins and the disagreement is said.
 */
export function reconcileWithCodexDoctor(f: RecommendationFacts): { facts: RecommendationFacts; notes: Message[] } {
  const doctor = f.codexDoctorWebsocket;
  if (!doctor || !f.providerSupportsWebsockets) return { facts: f, notes: [] };
  const route = codexRoute(f);
  const summary = doctor.summary;
  let websocket = route.websocket;
  const notes: Message[] = [];
  if (route.websocket === 'unproven' || (route.websocket === 'ok' && route.websocketProof === 'service-reached')) {
    websocket = doctor.ok ? 'ok' : 'refused';
    notes.push(msg('verdict.doctor.decides', { summary }));
  } else if (route.websocket === 'frames-dropped' && doctor.ok) {
    notes.push(msg('verdict.doctor.handshake-only', { summary }));
  } else if (route.websocket === 'ok' && !doctor.ok) {
    notes.push(msg('verdict.doctor.probes-disagree', { summary }));
  } else if (WEBSOCKET_BLOCKED.has(route.websocket) && doctor.ok && route.websocket !== 'frames-dropped') {
    websocket = 'ok';
    notes.push(msg('verdict.doctor.taken-as-truth', { summary, websocket: describe(route.websocket) }));
  }
  if (websocket === route.websocket) return { facts: f, notes };
  const adjusted: RouteFacts = {
    ...route,
    websocket,
    websocketProof: websocket === 'ok' ? 'authenticated' : undefined,
  };
  return {
    facts: f.configured ? { ...f, configured: adjusted } : { ...f, direct: adjusted },
    notes,
  };
}

export function recommend(input: RecommendationFacts, evidence: Message[] = []): Recommendation {
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

/** The title of each verdict: `t(FIX_TITLES[fix])`. */
export const FIX_TITLES: Record<FixKind, MessageId> = {
  none: 'verdict.fix.none',
  unproven: 'verdict.fix.unproven',
  login: 'verdict.fix.login',
  'proxy-login-unsupported': 'verdict.fix.proxy-login-unsupported',
  'disable-websockets': 'verdict.fix.disable-websockets',
  'use-proxy': 'verdict.fix.use-proxy',
  'enable-tun': 'verdict.fix.enable-tun',
  'repair-config': 'verdict.fix.repair-config',
  'fix-proxy': 'verdict.fix.fix-proxy',
  'trust-ca': 'verdict.fix.trust-ca',
  'weak-ca': 'verdict.fix.weak-ca',
  'no-network': 'verdict.fix.no-network',
};
