// TLS handshakes on Codex's route (direct, or through the proxy Codex is told about) for the CA
// search: one to read the presented chain, one per candidate with public roots + that candidate.
import type { X509Certificate } from 'node:crypto';
import type { CodexSetup, Route } from '../../../shared/types.ts';
import { Deadline } from '../deadline.ts';
import { establishTunnel } from '../probes/tunnel.ts';
import { presentedCertificates, tlsHandshake } from '../probes/tls.ts';
import { configuredRoute, directRoute, endpointFor, type Endpoint } from '../diagnosis/routes.ts';
import type { VerifyWithCa } from './find-ca.ts';

export interface RouteTlsTarget {
  route: Route;
  endpoint: Endpoint;
  /** What Codex already trusts besides the public roots (SSL_CERT_FILE's contents). */
  extraCa?: string;
  timeoutMs: number;
  signal?: AbortSignal;
}

/** Codex's route to its provider's endpoint, as the diagnosis probes it. */
export function codexTlsTarget(
  setup: CodexSetup,
  baseUrl: string,
  opts: { timeoutMs: number; signal?: AbortSignal; extraCa?: string },
): RouteTlsTarget {
  const endpoint = endpointFor(baseUrl);
  return { route: configuredRoute(setup, endpoint) ?? directRoute, endpoint, ...opts };
}

async function handshake(target: RouteTlsTarget, ca: string[] | undefined) {
  const deadline = new Deadline(target.timeoutMs, target.signal);
  try {
    const tunnel = await establishTunnel(target.route, target.endpoint.host, target.endpoint.port, deadline);
    const result = await tlsHandshake(
      tunnel.socket,
      { servername: target.endpoint.host, ...(ca ? { ca } : {}) },
      deadline,
    );
    result.socket.destroy();
    return result.info;
  } finally {
    deadline.dispose();
  }
}

/** The certificates the endpoint presents on this route (in memory), with the handshake's verdict. */
export async function presentedChain(
  target: RouteTlsTarget,
): Promise<{ chain: X509Certificate[]; authorized: boolean; error?: string }> {
  const info = await handshake(target, target.extraCa ? [target.extraCa] : undefined);
  return {
    chain: presentedCertificates(info),
    authorized: info.authorized,
    ...(info.authorizationError ? { error: info.authorizationError } : {}),
  };
}

/** A handshake that trusts the public roots, what Codex already trusts, and the candidate. */
export function verifierFor(target: RouteTlsTarget): VerifyWithCa {
  return async (caPem) => {
    const info = await handshake(target, [...(target.extraCa ? [target.extraCa] : []), caPem]);
    return info.authorized
      ? { ok: true }
      : { ok: false, ...(info.authorizationError ? { detail: info.authorizationError } : {}) };
  };
}
