// trust-ca: make Codex trust the company's TLS-inspection (or private) CA. Writes a PEM bundle —
// Node's public roots (what Codex trusts otherwise) plus the CA proven against the presented chain —
// under $CODEX_HOME, and points SSL_CERT_FILE at it in $CODEX_HOME/.env (Codex loads .env, and
// SSL_CERT_FILE replaces its roots; CODEX_CA_CERTIFICATE would be ignored there: Codex skips CODEX_*
// keys of .env). The preview describes the bundle instead of showing its PEM.
import fs from 'node:fs';
import path from 'node:path';
import tls from 'node:tls';
import { X509Certificate } from 'node:crypto';
import type { CaBundleDescription, FileDiff } from '../../../shared/types.ts';
import { assertCodexHome, decodeText, displayPath, FixError, makePlan, readBytes, type FixContext, type PlannedEdit, type PlannedFix } from './plan.ts';
import { DotenvEditError, parseDotenvLines, readDotenv, setDotenvKeys } from './dotenv-edit.ts';
import { caRefusals, describeSource } from '../trust/find-ca.ts';
import { commonName, pemBlocks } from '../trust/certificates.ts';

export const CA_BUNDLE_NAME = 'codex-connection-doctor-ca-bundle.pem';

function readPemFile(file: string): string[] {
  try {
    return pemBlocks(fs.readFileSync(file, 'latin1'));
  } catch {
    return [];
  }
}

function fingerprintOf(pem: string): string | null {
  try {
    return new X509Certificate(pem).fingerprint256;
  } catch {
    return null;
  }
}

/** The bundle's text: a comment, the company CA, what SSL_CERT_FILE held before, the public roots; no duplicates. */
export function bundleText(caPem: string, caLabel: string, previous: string[], roots: readonly string[] = tls.rootCertificates): { text: string; publicRoots: number; kept: number } {
  const seen = new Set<string>();
  const blocks: string[] = [];
  const add = (pem: string): boolean => {
    const fp = fingerprintOf(pem);
    if (!fp || seen.has(fp)) return false;
    seen.add(fp);
    blocks.push(pem.trim());
    return true;
  };
  add(caPem);
  let kept = 0;
  for (const pem of previous) if (add(pem)) kept += 1;
  let publicRoots = 0;
  for (const pem of roots) if (add(pem)) publicRoots += 1;
  const header = [
    '# Written by Codex Connection Doctor (fix trust-ca). Codex reads it through SSL_CERT_FILE in .env.',
    `# ${caLabel}`,
    ...(kept ? [`# plus ${kept} certificate(s) from the SSL_CERT_FILE set before`] : []),
    `# plus ${publicRoots} public roots (Node's tls.rootCertificates), so hosts that are not inspected keep working.`,
    '# Undo with: codex-connection-doctor revert (see `history`).',
  ];
  return { text: `${header.join('\n')}\n${blocks.join('\n')}\n`, publicRoots, kept };
}

export async function planTrustCa(ctx: FixContext): Promise<PlannedFix> {
  assertCodexHome(ctx.codexHome);
  const search = ctx.caSearch;
  if (!search) throw new FixError('trust-ca needs the CA search on Codex\'s route; run it through the doctor', 'not-applicable');
  const proven = search.proven;
  if (!proven) {
    throw new FixError(
      `no CA on this machine completes the chain presented on Codex's route (issued by "${search.report.lookingFor}"). ` +
        'Ask your IT department for the CA certificate (PEM or CRT) and run `fix trust-ca --ca-file PATH`; nothing was written',
      'not-applicable',
    );
  }
  const refusals = [...new Set([...search.report.refusals, ...caRefusals(proven.cert)])];
  if (refusals.length > 0) {
    throw new FixError(
      `Codex would refuse this connection even when trusting "${commonName(proven.summary)}": ${refusals.join(' ')} ` +
        'No setting changes that: ask IT for a certificate with SHA-256 and a 2048-bit (or larger) key; nothing was written',
      'not-applicable',
    );
  }
  const caFile = ctx.setup.caFile;
  if (caFile && caFile.key === 'CODEX_CA_CERTIFICATE') {
    throw new FixError(
      `CODEX_CA_CERTIFICATE is set in your environment (${caFile.path}) and Codex prefers it to SSL_CERT_FILE: add the CA to that file, or unset it and run the fix again; nothing was written`,
      'not-applicable',
    );
  }

  const bundlePath = path.join(ctx.codexHome, CA_BUNDLE_NAME);
  const caLabel = `${proven.summary.subject} (SHA-256 ${proven.summary.fingerprint256}), found in ${proven.sources.map(describeSource).join(', ')}`;
  // What SSL_CERT_FILE named before (not our own bundle) stays trusted: other company CAs may be in it.
  const previous = caFile && caFile.key === 'SSL_CERT_FILE' && path.resolve(caFile.path) !== bundlePath ? readPemFile(caFile.path) : [];
  const bundle = bundleText(proven.pem, caLabel, previous);
  const bundleBefore = readBytes(bundlePath);
  const bundleEdit: PlannedEdit = { path: bundlePath, before: bundleBefore, after: Buffer.from(bundle.text, 'utf8'), newFileMode: 0o644 };

  const envPath = path.join(ctx.codexHome, '.env');
  const before = readBytes(envPath);
  const text = before === null ? null : decodeText(envPath, before);
  let after: string;
  try {
    after = setDotenvKeys(text, [['SSL_CERT_FILE', bundlePath]]);
  } catch (error) {
    if (error instanceof DotenvEditError) throw new FixError(`${error.message}; nothing was written`, 'edit-refused');
    throw error;
  }
  if (readDotenv(after).get('SSL_CERT_FILE') !== bundlePath) {
    throw new FixError('.env would not read back SSL_CERT_FILE as intended; nothing was written', 'edit-refused');
  }
  const warnings: string[] = [];
  if (text !== null) {
    const odd = parseDotenvLines(text).filter((l) => l.kind === 'odd');
    if (odd.length > 0) warnings.push(`.env has ${odd.length} line(s) this tool does not understand (line ${odd.map((l) => l.lineNumber).join(', ')}); they were left as they are.`);
  }
  const envEdit: PlannedEdit = { path: envPath, before, after: Buffer.from(after, 'utf8'), ...(before === null ? { newFileMode: 0o600 } : {}) };

  const description: CaBundleDescription = {
    path: displayPath(ctx.codexHome, bundlePath),
    ca: proven.summary,
    foundIn: proven.sources.map(describeSource),
    publicRoots: bundle.publicRoots,
    bytes: Buffer.byteLength(bundle.text),
  };
  const name = commonName(proven.summary);
  const planned = makePlan(ctx, 'trust-ca', `Trust the CA "${name}" for Codex`, [bundleEdit, envEdit], {
    sideEffects: [
      `Creates ${description.path}: the CA ${proven.summary.subject} (SHA-256 ${proven.summary.fingerprint256}, valid until ${proven.summary.validTo.slice(0, 10)}), found in ${description.foundIn.join(', ')}, plus ${bundle.publicRoots} public roots${bundle.kept ? ` and the ${bundle.kept} certificate(s) your SSL_CERT_FILE held` : ''}.`,
      'Check that this CA is your company\'s (its name and fingerprint are above; IT can confirm the fingerprint): Codex will trust every certificate it signs.',
      ...(caFile?.key === 'SSL_CERT_FILE' && caFile.source === 'process' ? [`Your shell's SSL_CERT_FILE (${caFile.path}) no longer applies to Codex: the .env value takes precedence (its certificates are in the bundle).`] : []),
      'Codex reads .env when it starts: restart running Codex sessions.',
    ],
    warnings,
  });
  planned.plan.caBundle = description;
  planned.plan.diffs = planned.plan.diffs.map((d) => (d.path === description.path ? describedBundleDiff(d, description, bundle.text) : d));
  return planned;
}

/** The bundle's entry in the preview: what it holds, not 200 KB of PEM. */
function describedBundleDiff(diff: FileDiff, d: CaBundleDescription, text: string): FileDiff {
  const lines = [
    `--- ${diff.action === 'create' ? '/dev/null' : CA_BUNDLE_NAME}`,
    `+++ ${CA_BUNDLE_NAME}`,
    `@@ PEM bundle, ${pemBlocks(text).length} certificates, ${Math.round(d.bytes / 1024)} KB (the PEM is not shown) @@`,
    ` CA:          ${d.ca.subject}`,
    ` SHA-256:     ${d.ca.fingerprint256}`,
    ` valid until: ${d.ca.validTo.slice(0, 10)}`,
    ` found in:    ${d.foundIn.join(', ')}`,
    ` plus ${d.publicRoots} public roots (Node's tls.rootCertificates)`,
  ];
  return { ...diff, unified: `${lines.join('\n')}\n` };
}
