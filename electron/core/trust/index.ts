// The CA search as the diagnosis and the trust-ca fix use it.
import type { X509Certificate } from 'node:crypto';
import type { CaSearchResult, VerifyWithCa } from './find-ca.ts';
import { findCompanyCa } from './find-ca.ts';
import { collectCaCertificates, type CaSourceOptions, type CollectedCertificates } from './sources.ts';
import { parseDerCertificate, parsePemCertificates } from './certificates.ts';
import fs from 'node:fs';

export { findCompanyCa, caRefusals, describeSource, wantedIssuer, type CaSearchResult, type ProvenCa, type VerifyWithCa } from './find-ca.ts';
export { collectCaCertificates, CA_ENV_VARS, LINUX_ANCHOR_DIRS, LINUX_BUNDLES, type CaSourceOptions, type CommandRunner } from './sources.ts';
export { summarizeCertificate, commonName, refusalReasons, pemBlocks } from './certificates.ts';
export { codexTlsTarget, presentedChain, verifierFor, type RouteTlsTarget } from './route-tls.ts';

/** A file the user names (`--ca-file`): its certificates as the only candidates. Throws a plain message. */
export function userCaFile(file: string): CollectedCertificates {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(
      code === 'ENOENT' ? `${file} does not exist: check the path` : code === 'EACCES' ? `${file} is not readable: check its permissions` : `${file} cannot be read (${code})`,
    );
  }
  const parsed = parsePemCertificates(bytes.toString('latin1'));
  const certs = parsed.certs.length ? parsed.certs : (() => {
    const der = parseDerCertificate(bytes);
    return der ? [{ cert: der, pem: der.toString().trim() + '\n' }] : [];
  })();
  if (certs.length === 0) throw new Error(`${file} holds no certificate (PEM or DER): ask your IT department for the CA certificate as a .pem or .crt file`);
  return {
    certificates: certs.map((c) => ({ ...c, source: { kind: 'file' as const, label: 'the file you named', path: file, codexReads: false } })),
    searched: [`the file you named (${file}): ${certs.length} certificate${certs.length === 1 ? '' : 's'}`],
  };
}

export async function searchCompanyCa(opts: {
  chain: X509Certificate[];
  sources?: CaSourceOptions;
  caFile?: string;
  verify?: VerifyWithCa;
  now?: Date;
}): Promise<CaSearchResult> {
  const collected = opts.caFile ? userCaFile(opts.caFile) : opts.sources ? await collectCaCertificates(opts.sources) : undefined;
  return findCompanyCa({ chain: opts.chain, ...(collected ? { collected } : {}), ...(opts.verify ? { verify: opts.verify } : {}), ...(opts.now ? { now: opts.now } : {}) });
}
