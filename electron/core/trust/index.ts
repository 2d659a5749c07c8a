// The CA search as the diagnosis and the trust-ca fix use it.
import type { X509Certificate } from 'node:crypto';
import type { CaSearchResult, VerifyWithCa } from './find-ca.ts';
import { findCompanyCa } from './find-ca.ts';
import { collectCaCertificates, countLine, type CaSourceOptions, type CollectedCertificates } from './sources.ts';
import { parseDerCertificate, parsePemCertificates } from './certificates.ts';
import { msg, type Message } from '../../../shared/i18n/message.ts';
import { english } from '../../../shared/i18n/translate.ts';
import fs from 'node:fs';

export {
  findCompanyCa,
  caRefusals,
  describeSource,
  wantedIssuer,
  type CaSearchResult,
  type ProvenCa,
  type VerifyWithCa,
} from './find-ca.ts';
export {
  collectCaCertificates,
  CA_ENV_VARS,
  LINUX_ANCHOR_DIRS,
  LINUX_BUNDLES,
  type CaSourceOptions,
} from './sources.ts';
export { summarizeCertificate, commonName, refusalReasons, pemBlocks, type CertificateRole } from './certificates.ts';
export { codexTlsTarget, presentedChain, verifierFor, type RouteTlsTarget } from './route-tls.ts';

/**
 * A file the user named that cannot be used: `userMessage` says why, and what to do (an
 * ExplainedError, shared/fix-errors.ts); the Error's own message is its English text, for logs.
 */
export class CaFileError extends Error {
  constructor(readonly userMessage: Message) {
    super(english(userMessage));
    this.name = 'CaFileError';
  }
}

/** A file the user names (`--ca-file`): its certificates as the only candidates. Throws a CaFileError. */
export function userCaFile(file: string): CollectedCertificates {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CaFileError(
      code === 'ENOENT'
        ? msg('diagnosis.user-ca-file.missing', { file })
        : code === 'EACCES'
          ? msg('diagnosis.user-ca-file.permission-denied', { file })
          : msg('diagnosis.user-ca-file.unreadable', { file, code: String(code) }),
    );
  }
  const parsed = parsePemCertificates(bytes.toString('latin1'));
  const certs = parsed.certs.length
    ? parsed.certs
    : (() => {
        const der = parseDerCertificate(bytes);
        return der ? [{ cert: der, pem: der.toString().trim() + '\n' }] : [];
      })();
  if (certs.length === 0) throw new CaFileError(msg('diagnosis.user-ca-file.no-certificate', { file }));
  const label = msg('diagnosis.ca-source.file');
  return {
    certificates: certs.map((c) => ({ ...c, source: { kind: 'file' as const, label, path: file, codexReads: false } })),
    searched: [countLine(label, file, certs.length)],
  };
}

export async function searchCompanyCa(opts: {
  chain: X509Certificate[];
  sources?: CaSourceOptions;
  caFile?: string;
  verify?: VerifyWithCa;
  now?: Date;
}): Promise<CaSearchResult> {
  const collected = opts.caFile
    ? userCaFile(opts.caFile)
    : opts.sources
      ? await collectCaCertificates(opts.sources)
      : undefined;
  return findCompanyCa({
    chain: opts.chain,
    ...(collected ? { collected } : {}),
    ...(opts.verify ? { verify: opts.verify } : {}),
    ...(opts.now ? { now: opts.now } : {}),
  });
}
