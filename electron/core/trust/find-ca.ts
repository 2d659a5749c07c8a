// Finds the CA that completes an untrusted chain among certificates the user already has, and
// proves it. The presented chain is never trusted: it only says which CA to look for (the issuer
// name and authority key id of its topmost certificate). A candidate counts only when the chain's
// signature verifies with its key, it is a CA, and a TLS handshake with public roots + it succeeds.
import type { X509Certificate } from 'node:crypto';
import type { CaSourceInfo, CaTrustReport, CertificateSummary } from '../../../shared/types.ts';
import {
  derFacts,
  displayName,
  isSelfSigned,
  isSignatureRefusal,
  refusalReasons,
  signedBy,
  summarizeCertificate,
} from './certificates.ts';
import { msg, type Message } from '../../../shared/i18n/message.ts';
import { sameMessage } from '../diagnosis/messages.ts';
import { failureDetail } from '../probes/failure.ts';
import { collectCaCertificates, type CaSourceOptions, type FoundCertificate } from './sources.ts';

/**
 * A TLS handshake to the endpoint on Codex's route, trusting the public roots plus `caPem`; when it
 * fails, `detail` says why (Node's TLS error, as is, or a message).
 */
export type VerifyWithCa = (caPem: string) => Promise<{ ok: boolean; detail?: string | Message }>;

export interface ProvenCa {
  cert: X509Certificate;
  /** The CA alone, as PEM. */
  pem: string;
  summary: CertificateSummary;
  sources: CaSourceInfo[];
}

export interface CaSearchResult {
  report: CaTrustReport;
  /** The best proven CA (with its PEM, in memory), if any. */
  proven: ProvenCa | null;
}

/** What to look for: the issuer of the topmost presented certificate no other presented one signed. */
export function wantedIssuer(
  chain: X509Certificate[],
): { issuer: string; authorityKeyId?: string; from: X509Certificate } | null {
  if (chain.length === 0) return null;
  // Walk up from the leaf while the next presented certificate really signed the current one.
  let top = chain[0]!;
  for (const next of chain.slice(1)) {
    if (!signedBy(top, next)) break;
    top = next;
  }
  const aki = derFacts(top).authorityKeyId;
  return { issuer: top.issuer, ...(aki ? { authorityKeyId: aki } : {}), from: top };
}

/**
 * What Codex refuses in a CA it is told to trust: a small RSA key (it must verify signatures with
 * it), a validity that does not cover now, and a SHA-1 signature unless the CA is a self-signed root
 * (a trust anchor's own signature is never checked by webpki).
 */
export function caRefusals(cert: X509Certificate, now: Date = new Date()): Message[] {
  const selfSigned = isSelfSigned(cert);
  return refusalReasons(cert, 'ca', now).filter((r) => !(selfSigned && isSignatureRefusal(r)));
}

/** True when the candidate signed a certificate of the presented chain (checked with its key). */
function completesChain(candidate: X509Certificate, chain: X509Certificate[]): boolean {
  return chain.some((c) => signedBy(c, candidate));
}

const SOURCE_ORDER: Record<CaSourceInfo['kind'], number> = {
  file: 0,
  env: 1,
  npm: 2,
  pip: 3,
  'os-anchor': 4,
  'os-bundle': 5,
  keychain: 6,
  'windows-store': 7,
};

/** `NODE_EXTRA_CA_CERTS (/etc/company/ca.pem)`, `the OS anchor folder /usr/local/share/ca-certificates: …/corp.crt`. */
export function describeSource(s: CaSourceInfo): Message {
  if (s.kind === 'env' || s.kind === 'file')
    return s.path ? msg('diagnosis.ca-source.with-path', { source: s.label, path: s.path }) : s.label;
  const named = Object.values(s.label.params ?? {}).some(
    (p) => typeof p === 'string' && s.path !== undefined && p.includes(s.path),
  );
  return s.path && !named ? msg('diagnosis.ca-source.at-path', { source: s.label, path: s.path }) : s.label;
}

export interface FindCaOptions {
  /** The certificates the endpoint presented on Codex's route, leaf first (in memory). */
  chain: X509Certificate[];
  /** Where to look; `extraFiles` are files the user named (`--ca-file`). */
  sources?: CaSourceOptions;
  /** Certificates already collected (tests, or a file the user picked). */
  collected?: { certificates: FoundCertificate[]; searched: Message[] };
  verify?: VerifyWithCa;
  now?: Date;
}

/** Searches, proves, and says what Codex will refuse anyway. Never throws. */
export async function findCompanyCa(opts: FindCaOptions): Promise<CaSearchResult> {
  const now = opts.now ?? new Date();
  const chain = opts.chain;
  const wanted = wantedIssuer(chain);
  const presented = chain.map(summarizeCertificate);
  const collected =
    opts.collected ?? (opts.sources ? await collectCaCertificates(opts.sources) : { certificates: [], searched: [] });
  const report: CaTrustReport = {
    lookingFor: wanted ? displayName(wanted.issuer) : 'unknown (no certificate was presented)',
    ...(wanted?.authorityKeyId ? { authorityKeyId: wanted.authorityKeyId } : {}),
    presented,
    searched: collected.searched,
    proven: null,
    rejected: [],
    refusals: [],
  };
  // What Codex's TLS library refuses in what the server presented (a self-signed root there is
  // only information: a trust anchor's own signature is not checked).
  chain.forEach((cert, i) => {
    const role = i === 0 ? 'server' : 'presented-ca';
    for (const reason of refusalReasons(cert, role, now)) {
      if (isSelfSigned(cert) && isSignatureRefusal(reason)) continue;
      report.refusals.push(reason);
    }
  });
  if (!wanted) return { report, proven: null };

  // Group the matching candidates by fingerprint: one CA found in several places is one CA.
  const byFingerprint = new Map<string, { cert: X509Certificate; pem: string; sources: CaSourceInfo[] }>();
  for (const found of collected.certificates) {
    const { cert } = found;
    const ski = derFacts(cert).subjectKeyId;
    const nameMatch = cert.subject === wanted.issuer;
    const keyIdMatch = !!ski && !!wanted.authorityKeyId && ski === wanted.authorityKeyId;
    if (!nameMatch && !keyIdMatch) continue;
    const entry = byFingerprint.get(cert.fingerprint256);
    if (entry) {
      if (!entry.sources.some((s) => sameMessage(s.label, found.source.label) && s.path === found.source.path))
        entry.sources.push(found.source);
    } else {
      byFingerprint.set(cert.fingerprint256, { cert, pem: found.pem, sources: [found.source] });
    }
  }

  const proven: ProvenCa[] = [];
  for (const { cert, pem, sources } of byFingerprint.values()) {
    const params = { name: displayName(cert.subject), sources: sources.map(describeSource) };
    if (!completesChain(cert, chain)) {
      report.rejected.push(msg('diagnosis.ca.rejected.other-key', params));
      continue;
    }
    if (!cert.ca) {
      report.rejected.push(msg('diagnosis.ca.rejected.not-a-ca', params));
      continue;
    }
    if (opts.verify) {
      const tls = await opts.verify(pem).catch((error: unknown) => ({ ok: false, detail: failureDetail(error) }));
      if (!tls.ok) {
        report.rejected.push(
          msg('diagnosis.ca.rejected.handshake', { ...params, detail: tls.detail ?? msg('diagnosis.ca.not-verified') }),
        );
        continue;
      }
    }
    sources.sort((a, b) => SOURCE_ORDER[a.kind] - SOURCE_ORDER[b.kind]);
    proven.push({ cert, pem, summary: summarizeCertificate(cert), sources });
  }
  // Prefer a CA that Codex will accept, then the one valid longest.
  proven.sort(
    (a, b) =>
      caRefusals(a.cert, now).length - caRefusals(b.cert, now).length ||
      Date.parse(b.summary.validTo) - Date.parse(a.summary.validTo),
  );
  const best = proven[0] ?? null;
  if (best) {
    report.proven = { ca: best.summary, sources: best.sources };
    for (const reason of caRefusals(best.cert, now))
      if (!report.refusals.some((r) => sameMessage(r, reason))) report.refusals.push(reason);
  }
  return { report, proven: best };
}
