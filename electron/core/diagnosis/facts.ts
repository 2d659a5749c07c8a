// Turns probe results into the facts the recommendation rules read, and into findings.
import type { Finding, ProbePhase, ProbeResult, Route, Severity, TlsInfo } from '../../../shared/types.ts';
import { msg, type Message } from '../../../shared/i18n/message.ts';
import { sameMessage } from './messages.ts';
import { PROBE_PHASE_NAMES } from '../../../shared/format.ts';
import type { RouteFacts, StepState } from '../../../shared/recommend.ts';
import { proxyAuthSchemes } from '../../../shared/proxy-login.ts';
import { proxyUrlWithoutLogin } from '../../../shared/proxy-url.ts';

export interface RouteOutcome {
  route: Route;
  results: ProbeResult[];
  /** What the proxy port speaks (local proxies only). */
  speaks?: RouteFacts['speaks'];
}

/** The state of one step: its own result, else the failure of the connection it needed. */
function stepState(results: ProbeResult[], phase: 'https' | 'websocket'): StepState {
  const own = results.find((r) => r.phase === phase);
  if (own) return own.ok ? 'ok' : (own.failure ?? 'error');
  const blocking = results.find((r) => !r.ok && (r.phase === 'dns' || r.phase === 'tcp' || r.phase === 'tls'));
  return blocking ? (blocking.failure ?? 'error') : 'not-tested';
}

/**
 * What an upgrade the service answered with 401/403 (no credential to send) proves. Over wss:// with
 * a certificate that chains to a public root, nothing between could have answered or altered it:
 * the WebSocket reaches the service, which is what Codex needs. Anywhere else (ws://, a private or
 * inspecting CA) a gateway could have answered in the service's name: not proven.
 */
export function unauthenticatedWebsocketState(result: ProbeResult): StepState {
  const tls = result.data?.tls as TlsInfo | undefined;
  return tls && tls.publicRoot && tls.authorized ? 'ok' : 'unproven';
}

/** An HTTP proxy that answered 407: which logins it offers, and whether the URL's own login was refused. */
function proxyLoginFacts(outcome: RouteOutcome): RouteFacts['proxyLogin'] {
  const url = outcome.route.proxyUrl;
  if (!url || !/^http:/i.test(url)) return undefined;
  const asked = outcome.results.find((r) => r.failure === 'proxy-auth-required');
  if (!asked) return undefined;
  const headers = (asked.data?.headers ?? {}) as Record<string, string>;
  return {
    schemes: proxyAuthSchemes(headers['proxy-authenticate']),
    rejected: proxyUrlWithoutLogin(url) !== url.trim(),
  };
}

export function routeFacts(outcome: RouteOutcome): RouteFacts {
  const https = stepState(outcome.results, 'https');
  const viaSocks = /^socks5h?:/i.test(outcome.route.proxyUrl ?? '');
  const ws = outcome.results.find((r) => r.phase === 'websocket');
  let websocket = stepState(outcome.results, 'websocket');
  let websocketProof: RouteFacts['websocketProof'] =
    websocket === 'ok' ? (ws?.data?.authenticated ? 'authenticated' : 'frames') : undefined;
  if (websocket === 'unauthenticated' && ws) {
    websocket = unauthenticatedWebsocketState(ws);
    websocketProof = websocket === 'ok' ? 'service-reached' : undefined;
  }
  const proxyLogin = proxyLoginFacts(outcome);
  const httpsResult = outcome.results.find((r) => r.phase === 'https');
  const serviceWantsCredential =
    !!httpsResult?.ok && httpsResult.data?.status === 401 && httpsResult.data?.authenticated === false;
  return {
    label: outcome.route.label,
    proxyUrl: outcome.route.proxyUrl,
    speaks: outcome.speaks,
    ...(serviceWantsCredential ? { serviceWantsCredential } : {}),
    ...(proxyLogin ? { proxyLogin } : {}),
    // The probe can speak SOCKS for HTTPS; Codex cannot (FACTS.md), so that success does not count.
    https: viaSocks && https === 'ok' ? 'unsupported' : https,
    websocket,
    ...(websocketProof ? { websocketProof } : {}),
  };
}

/** `✗ WebSocket handshake via direct: <what happened> (31 ms)`; the failure kind is in the report's probes. */
export function evidenceLine(r: ProbeResult): Message {
  const params = { phase: phaseName(r.phase), route: r.route.label, detail: r.detail, ms: Math.round(r.durationMs) };
  return r.ok ? msg('diagnosis.evidence.ok', params) : msg('diagnosis.evidence.failed', params);
}

/** Failed steps that repeat the failure of an earlier step of the same route (a connection that never opened). */
function isRepeatedFailure(r: ProbeResult, earlier: ProbeResult[]): boolean {
  return !r.ok && earlier.some((e) => !e.ok && sameMessage(e.detail, r.detail));
}

/** One evidence line per probe, a failed connection said once per route. */
export function evidenceLines(outcomes: RouteOutcome[]): Message[] {
  return outcomes.flatMap(({ results }) =>
    results.filter((r, i) => !isRepeatedFailure(r, results.slice(0, i))).map(evidenceLine),
  );
}

/** A step of a probe in words (`DNS lookup`, `WebSocket handshake`). */
export function phaseName(phase: ProbePhase): Message {
  return msg(PROBE_PHASE_NAMES[phase]);
}

/**
 * One finding per failed step on the route Codex uses, plus a short "works" finding for the steps
 * that passed there; on other routes only what matters for the choice of fix.
 */
export function probeFindings(
  outcomes: RouteOutcome[],
  codexRouteKind: Route['kind'],
  websocketsUsed = true,
): Finding[] {
  const findings: Finding[] = [];
  for (const { route, results } of outcomes) {
    const isCodexRoute = route.kind === codexRouteKind;
    for (const [i, r] of results.entries()) {
      if (r.ok && !(isCodexRoute && (r.phase === 'https' || r.phase === 'websocket'))) continue;
      // A failed connection fails every later step with the same words: say it once.
      if (isRepeatedFailure(r, results.slice(0, i))) continue;
      const unused = r.phase === 'websocket' && !websocketsUsed;
      const severity: Severity = r.ok ? 'ok' : isCodexRoute && !unused ? 'error' : 'info';
      const routeId = route.kind === 'direct' ? 'direct' : route.kind;
      findings.push({
        id: `${r.phase}.${routeId}.${r.ok ? 'ok' : (r.failure ?? 'error')}`,
        severity,
        summary: msg(
          r.ok ? 'diagnosis.probe.works' : unused ? 'diagnosis.probe.fails-websockets-off' : 'diagnosis.probe.fails',
          { phase: phaseName(r.phase), route: route.label, detail: r.detail },
        ),
        evidence: [evidenceLine(r)],
      });
    }
  }
  return findings;
}
