// Reading certificates: PEM blocks, the facts a report may show (never the bytes), the fields Node's
// X509Certificate does not expose (signature algorithm, key identifiers: read from the DER), and
// what makes Codex's TLS stack (rustls) refuse a certificate whatever it is told to trust.
import { X509Certificate } from 'node:crypto';
import type { CertificateSummary } from '../../../shared/types.ts';
import { msg, type Message, type MessageId } from '../../../shared/i18n/message.ts';

const PEM_BLOCK = /-----BEGIN (?:TRUSTED )?CERTIFICATE-----[\s\S]*?-----END (?:TRUSTED )?CERTIFICATE-----/g;

/** The certificate PEM blocks in a text (a bundle, a single .crt, `security -p` output…). */
export function pemBlocks(text: string): string[] {
  return (text.match(PEM_BLOCK) ?? []).map((b) => b.replace(/\r\n/g, '\n'));
}

/** Parses every certificate of a PEM text; blocks that do not parse are skipped (and counted). */
export function parsePemCertificates(text: string): {
  certs: { cert: X509Certificate; pem: string }[];
  unparsable: number;
} {
  const certs: { cert: X509Certificate; pem: string }[] = [];
  let unparsable = 0;
  for (const pem of pemBlocks(text)) {
    try {
      const cert = new X509Certificate(pem);
      certs.push({ cert, pem: cert.toString().trim() + '\n' });
    } catch {
      unparsable += 1;
    }
  }
  return { certs, unparsable };
}

/** A DER file (.cer/.crt in binary form) as a certificate, or null. */
export function parseDerCertificate(bytes: Buffer): X509Certificate | null {
  if (bytes.length < 16 || bytes[0] !== 0x30) return null;
  try {
    return new X509Certificate(bytes);
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------- minimal DER reading

interface Tlv {
  tag: number;
  /** Offset of the content. */
  start: number;
  /** Offset after the content. */
  end: number;
}

function readTlv(buf: Buffer, offset: number): Tlv {
  const tag = buf[offset];
  let len = buf[offset + 1];
  if (tag === undefined || len === undefined) throw new Error('truncated DER');
  let start = offset + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4) throw new Error('unsupported DER length');
    len = 0;
    for (let i = 0; i < n; i += 1) len = len * 256 + buf[start + i]!;
    start += n;
  }
  const end = start + len;
  if (end > buf.length) throw new Error('truncated DER');
  return { tag, start, end };
}

function children(buf: Buffer, parent: Tlv): Tlv[] {
  const out: Tlv[] = [];
  for (let at = parent.start; at < parent.end;) {
    const t = readTlv(buf, at);
    out.push(t);
    at = t.end;
  }
  return out;
}

function oidString(buf: Buffer, t: Tlv): string {
  const bytes = buf.subarray(t.start, t.end);
  const parts: number[] = [];
  let value = 0;
  for (const b of bytes) {
    value = value * 128 + (b & 0x7f);
    if (!(b & 0x80)) {
      if (parts.length === 0) parts.push(value < 80 ? Math.floor(value / 40) : 2, value < 80 ? value % 40 : value - 80);
      else parts.push(value);
      value = 0;
    }
  }
  return parts.join('.');
}

const SIGNATURE_ALGORITHMS: Record<string, string> = {
  '1.2.840.113549.1.1.4': 'md5WithRSAEncryption',
  '1.2.840.113549.1.1.5': 'sha1WithRSAEncryption',
  '1.2.840.113549.1.1.10': 'rsassaPss',
  '1.2.840.113549.1.1.11': 'sha256WithRSAEncryption',
  '1.2.840.113549.1.1.12': 'sha384WithRSAEncryption',
  '1.2.840.113549.1.1.13': 'sha512WithRSAEncryption',
  '1.2.840.10045.4.1': 'ecdsa-with-SHA1',
  '1.2.840.10045.4.3.2': 'ecdsa-with-SHA256',
  '1.2.840.10045.4.3.3': 'ecdsa-with-SHA384',
  '1.2.840.10045.4.3.4': 'ecdsa-with-SHA512',
  '1.2.840.10040.4.3': 'dsa-with-SHA1',
  '1.3.101.112': 'Ed25519',
  '1.3.101.113': 'Ed448',
};

interface DerFacts {
  signatureAlgorithm: string;
  subjectKeyId?: string;
  authorityKeyId?: string;
}

const derCache = new WeakMap<X509Certificate, DerFacts>();

/** The outer signature algorithm and the key identifiers, read from the certificate's DER. */
export function derFacts(cert: X509Certificate): DerFacts {
  const cached = derCache.get(cert);
  if (cached) return cached;
  const facts: DerFacts = { signatureAlgorithm: 'unknown' };
  try {
    const der = cert.raw;
    const top = readTlv(der, 0);
    const [tbs, sigAlg] = children(der, top);
    if (sigAlg) {
      const oid = children(der, sigAlg)[0];
      if (oid?.tag === 0x06) {
        const dotted = oidString(der, oid);
        facts.signatureAlgorithm = SIGNATURE_ALGORITHMS[dotted] ?? dotted;
      }
    }
    const extensions = tbs ? children(der, tbs).find((t) => t.tag === 0xa3) : undefined;
    const list = extensions ? children(der, extensions)[0] : undefined;
    for (const ext of list ? children(der, list) : []) {
      const parts = children(der, ext);
      const id = parts[0] && parts[0].tag === 0x06 ? oidString(der, parts[0]) : '';
      const value = parts.find((p) => p.tag === 0x04);
      if (!value) continue;
      if (id === '2.5.29.14') {
        const inner = readTlv(der, value.start);
        facts.subjectKeyId = der.subarray(inner.start, inner.end).toString('hex');
      } else if (id === '2.5.29.35') {
        const seq = readTlv(der, value.start);
        const keyId = children(der, seq).find((t) => t.tag === 0x80);
        if (keyId) facts.authorityKeyId = der.subarray(keyId.start, keyId.end).toString('hex');
      }
    }
  } catch {
    // a certificate Node parsed but this reader does not: the facts stay unknown
  }
  derCache.set(cert, facts);
  return facts;
}

/** `CN=mitmproxy, O=mitmproxy` from Node's multi-line distinguished name. */
export function displayName(dn: string): string {
  return dn
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join(', ');
}

/** `AB:CD:…` as Node prints it. */
export function fingerprintOf(cert: X509Certificate): string {
  return cert.fingerprint256;
}

export function isSelfSigned(cert: X509Certificate): boolean {
  try {
    return cert.subject === cert.issuer && cert.checkIssued(cert) && cert.verify(cert.publicKey);
  } catch {
    return false;
  }
}

function keyFacts(cert: X509Certificate): { keyType: string; keyBits?: number; curve?: string } {
  try {
    const key = cert.publicKey;
    const details = key.asymmetricKeyDetails ?? {};
    return {
      keyType: key.asymmetricKeyType ?? 'unknown',
      ...(details.modulusLength ? { keyBits: details.modulusLength } : {}),
      ...(details.namedCurve ? { curve: details.namedCurve } : {}),
    };
  } catch {
    return { keyType: 'unknown' };
  }
}

/** What a report may say about a certificate: names, fingerprint, validity, algorithms. Never its bytes. */
export function summarizeCertificate(cert: X509Certificate): CertificateSummary {
  const der = derFacts(cert);
  const key = keyFacts(cert);
  return {
    subject: displayName(cert.subject),
    issuer: displayName(cert.issuer),
    fingerprint256: cert.fingerprint256,
    validFrom: new Date(cert.validFrom).toISOString(),
    validTo: new Date(cert.validTo).toISOString(),
    signatureAlgorithm: der.signatureAlgorithm,
    keyType: key.keyType,
    ...(key.keyBits ? { keyBits: key.keyBits } : {}),
    ...(key.curve ? { curve: key.curve } : {}),
    isCa: cert.ca,
    selfSigned: isSelfSigned(cert),
  };
}

/** The short name a sentence uses: the CN, else the whole subject. */
export function commonName(summary: Pick<CertificateSummary, 'subject'>): string {
  const cn = /(?:^|, )CN=([^,]+)/.exec(summary.subject)?.[1];
  return cn ?? summary.subject;
}

/** Whose certificate a refusal is about: the server's, a CA it presented, or the CA found. */
export type CertificateRole = 'server' | 'presented-ca' | 'ca';

const ROLES: Record<CertificateRole, MessageId> = {
  server: 'diagnosis.refusal.role.server',
  'presented-ca': 'diagnosis.refusal.role.presented-ca',
  ca: 'diagnosis.refusal.role.ca',
};

/** A refusal about a weak signature (a self-signed root's own signature is not checked, so it is dropped there). */
export function isSignatureRefusal(m: Message): boolean {
  return m.id === 'diagnosis.refusal.weak-signature';
}

/**
 * Why Codex's TLS stack (rustls with webpki) refuses this certificate whatever CA it is given:
 * SHA-1 or MD5 signatures, RSA keys under 2048 bits, outside its validity (openai/codex #24167).
 * `role` only words the reason.
 */
export function refusalReasons(cert: X509Certificate, role: CertificateRole, now: Date = new Date()): Message[] {
  const s = summarizeCertificate(cert);
  const who = msg(ROLES[role]);
  const name = commonName(s);
  const reasons: Message[] = [];
  if (/sha1|md5|SHA1/i.test(s.signatureAlgorithm)) {
    reasons.push(msg('diagnosis.refusal.weak-signature', { who, name, algorithm: s.signatureAlgorithm }));
  }
  if (s.keyType === 'rsa' && s.keyBits !== undefined && s.keyBits < 2048) {
    reasons.push(msg('diagnosis.refusal.small-rsa-key', { who, name, bits: s.keyBits }));
  }
  if (s.keyType === 'dsa') reasons.push(msg('diagnosis.refusal.dsa-key', { who, name }));
  if (now.getTime() > Date.parse(s.validTo))
    reasons.push(msg('diagnosis.refusal.expired', { who, name, date: s.validTo.slice(0, 10) }));
  if (now.getTime() < Date.parse(s.validFrom))
    reasons.push(msg('diagnosis.refusal.not-yet-valid', { who, name, date: s.validFrom.slice(0, 10) }));
  return reasons;
}

/** True when `cert` was issued and signed by `issuer` (checked with the issuer's public key). */
export function signedBy(cert: X509Certificate, issuer: X509Certificate): boolean {
  try {
    return cert.checkIssued(issuer) && cert.verify(issuer.publicKey);
  } catch {
    return false;
  }
}
