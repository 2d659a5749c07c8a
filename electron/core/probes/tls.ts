// The TLS handshake over an open stream: protocol, the certificate chain, and whether the chain
// ends in a public root (Node's bundled store) or in a private / TLS-inspecting CA.
import net from 'node:net';
import tls from 'node:tls';
import { X509Certificate } from 'node:crypto';
import type { ProbeResult, Route, TlsInfo } from '../../../shared/types.ts';
import { msg, type Message } from '../../../shared/i18n/message.ts';
import { Deadline, isCancelled, ms } from '../deadline.ts';
import { ProbeFailure, type ProbeOptions } from './failure.ts';
import { failedResult, okResult } from './result.ts';
import { cancelledFailure } from './tcp.ts';
import { summarizeCertificate } from '../trust/certificates.ts';

/**
 * The certificates behind a TlsInfo, kept in memory only (the report carries their summaries):
 * the CA search needs them to know which CA to look for and to prove a candidate.
 */
const presented = new WeakMap<TlsInfo, X509Certificate[]>();

/** The certificates the server presented for this handshake, leaf first (in memory, never reported). */
export function presentedCertificates(info: TlsInfo | undefined): X509Certificate[] {
  return (info && presented.get(info)) ?? [];
}

export interface TlsOptions {
  /** The name the client asks for (SNI) and checks the certificate against. */
  servername: string;
  /** Extra trusted CA certificates (the contents of SSL_CERT_FILE), on top of the public roots. */
  ca?: string | Buffer | Array<string | Buffer>;
}

export interface TlsHandshake {
  socket: tls.TLSSocket;
  info: TlsInfo;
  tlsMs: number;
}

/** Verification errors that mean "signed by a CA this client does not trust". */
const UNTRUSTED_CHAIN = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
]);

export function isUntrustedChainError(code: string | undefined): boolean {
  return !!code && UNTRUSTED_CHAIN.has(code);
}

let publicRoots: X509Certificate[] | undefined;
function publicRootCertificates(): X509Certificate[] {
  publicRoots ??= tls.rootCertificates.map((pem) => new X509Certificate(pem));
  return publicRoots;
}

/** True when a certificate of the chain is a public root or was issued (and signed) by one. */
export function chainEndsInPublicRoot(chain: X509Certificate[], roots = publicRootCertificates()): boolean {
  const fingerprints = new Set(roots.map((r) => r.fingerprint256));
  for (const cert of chain) {
    if (fingerprints.has(cert.fingerprint256)) return true;
    for (const root of roots) {
      if (cert.checkIssued(root) && cert.verify(root.publicKey)) return true;
    }
  }
  return false;
}

function describeName(name: Record<string, string | string[]> | undefined): string {
  if (!name) return '?';
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const cn = first(name['CN']);
  const o = first(name['O']);
  if (cn && o) return `${cn} (${o})`;
  return cn ?? o ?? '?';
}

function peerChain(socket: tls.TLSSocket): { subjects: string[]; certs: X509Certificate[] } {
  const subjects: string[] = [];
  const certs: X509Certificate[] = [];
  let cert: tls.DetailedPeerCertificate | undefined = socket.getPeerCertificate(true);
  const seen = new Set<string>();
  while (cert && cert.raw && !seen.has(cert.fingerprint256)) {
    seen.add(cert.fingerprint256);
    subjects.push(describeName(cert.subject as unknown as Record<string, string | string[]>));
    try {
      certs.push(new X509Certificate(cert.raw));
    } catch {
      // an unparsable certificate still appears by subject
    }
    cert = cert.issuerCertificate;
  }
  return { subjects, certs };
}

const contexts = new Map<string, tls.SecureContext>();

/**
 * What the probes trust: Node's bundled public roots plus the extra CA (as SSL_CERT_FILE adds for
 * Codex). Always explicit: Node's default store also holds NODE_EXTRA_CA_CERTS, which Codex (a
 * native binary) ignores — trusting it would call a connection healthy that Codex refuses.
 */
function secureContextFor(extra: TlsOptions['ca']): tls.SecureContext {
  const list = extra ? (Array.isArray(extra) ? extra : [extra]) : [];
  const key = list.map((c) => (typeof c === 'string' ? c : c.toString('latin1'))).join('\n');
  let context = contexts.get(key);
  if (!context) {
    context = tls.createSecureContext({ ca: [...tls.rootCertificates, ...list] });
    if (contexts.size > 16) contexts.clear();
    contexts.set(key, context);
  }
  return context;
}

/** Runs the handshake; resolves even for an untrusted chain (info.authorized false). Throws ProbeFailure. */
export async function tlsHandshake(socket: net.Socket, opts: TlsOptions, deadline: Deadline): Promise<TlsHandshake> {
  const t0 = performance.now();
  const secure = tls.connect({
    socket,
    // SNI must be a name, never an IP literal.
    ...(net.isIP(opts.servername) ? {} : { servername: opts.servername }),
    host: opts.servername,
    secureContext: secureContextFor(opts.ca),
    rejectUnauthorized: false,
    ALPNProtocols: ['http/1.1'],
  });
  try {
    await deadline.untilEvent(secure, 'secureConnect', () =>
      Object.assign(new Error('closed during the TLS handshake'), { code: 'ECONNRESET' }),
    );
  } catch (error) {
    secure.destroy();
    socket.destroy();
    if (isCancelled(error)) throw cancelledFailure();
    if (deadline.timedOut)
      throw new ProbeFailure('stalled', msg('probes.tls.stalled', { host: opts.servername, ms: deadline.timeoutMs }));
    const e = error as NodeJS.ErrnoException;
    if (e.code === 'ECONNRESET' || e.code === 'EPIPE') {
      throw new ProbeFailure('reset', msg('probes.tls.reset', { host: opts.servername }), { code: e.code });
    }
    const text = `${e.code ?? ''} ${e.message}`.replace(/\s+/g, ' ').trim();
    throw new ProbeFailure('tls-error', msg('probes.tls.failed', { host: opts.servername, error: text }), {
      code: e.code,
    });
  }
  secure.on('error', () => {});
  const chain = peerChain(secure);
  const authorizationError = secure.authorizationError ? String(secure.authorizationError) : undefined;
  const info: TlsInfo = {
    protocol: secure.getProtocol() ?? 'unknown',
    chain: chain.subjects,
    certificates: chain.certs.map(summarizeCertificate),
    publicRoot: chainEndsInPublicRoot(chain.certs),
    authorized: secure.authorized,
    ...(authorizationError ? { authorizationError } : {}),
  };
  presented.set(info, chain.certs);
  return { socket: secure, info, tlsMs: ms(performance.now() - t0) };
}

/** The detail of a verified handshake: protocol and chain. */
export function tlsOkDetail(info: TlsInfo): Message {
  return msg('probes.tls.ok', { protocol: info.protocol, chain: info.chain.join(' → ') });
}

/** The failure an unverified handshake stands for, or null when the chain is trusted. */
export function tlsTrustFailure(info: TlsInfo, servername: string): ProbeFailure | null {
  if (info.authorized) return null;
  const chain = info.chain.join(' → ');
  if (isUntrustedChainError(info.authorizationError)) {
    return new ProbeFailure(
      'untrusted-ca',
      msg('probes.tls.untrusted-ca', { host: servername, error: info.authorizationError!, chain }),
      { tls: info },
    );
  }
  return new ProbeFailure(
    'tls-error',
    msg('probes.tls.invalid', {
      host: servername,
      error: info.authorizationError ?? msg('probes.tls.unverified'),
      chain,
    }),
    {
      tls: info,
    },
  );
}

const DIRECT: Route = { kind: 'direct', label: msg('probes.route.direct') };

/**
 * TLS over an open stream (a direct socket or a tunnel). The socket is consumed: it is closed when
 * the probe ends. An untrusted chain is the failure `untrusted-ca`, with the chain still reported.
 */
export async function probeTls(
  socket: net.Socket,
  opts: TlsOptions & ProbeOptions & { route?: Route },
): Promise<ProbeResult> {
  const route = opts.route ?? DIRECT;
  const deadline = new Deadline(opts.timeoutMs, opts.signal);
  try {
    const handshake = await tlsHandshake(socket, opts, deadline);
    handshake.socket.destroy();
    const data = { ...handshake.info, tlsMs: handshake.tlsMs };
    const failure = tlsTrustFailure(handshake.info, opts.servername);
    if (failure) return failedResult('tls', route, deadline, new ProbeFailure(failure.kind, failure.detail), data);
    return okResult('tls', route, deadline, tlsOkDetail(handshake.info), data);
  } catch (error) {
    socket.destroy();
    return failedResult('tls', route, deadline, error);
  } finally {
    deadline.dispose();
  }
}
