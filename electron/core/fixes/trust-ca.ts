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
import { joinMessages, type Message, msg } from '../../../shared/i18n/message.ts';
import { english } from '../../../shared/i18n/translate.ts';
import {
  assertCodexHome,
  decodeText,
  displayPath,
  FixError,
  makePlan,
  readBytes,
  type FixContext,
  type PlannedEdit,
  type PlannedFix,
} from './plan.ts';
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
export function bundleText(
  caPem: string,
  caLabel: string,
  previous: string[],
  roots: readonly string[] = tls.rootCertificates,
): { text: string; publicRoots: number; kept: number } {
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
  if (!search) throw new FixError(msg('fixes.error.trust-ca-needs-search'), 'not-applicable');
  const proven = search.proven;
  if (!proven) {
    throw new FixError(msg('fixes.error.no-ca-found', { issuer: search.report.lookingFor }), 'not-applicable');
  }
  const refusals = uniqueMessages([...search.report.refusals, ...caRefusals(proven.cert)]);
  if (refusals.length > 0) {
    throw new FixError(
      msg('fixes.error.ca-refused', {
        name: commonName(proven.summary),
        refusals: joinMessages(refusals, 'sentences')!,
      }),
      'not-applicable',
    );
  }
  const caFile = ctx.setup.caFile;
  if (caFile && caFile.key === 'CODEX_CA_CERTIFICATE') {
    throw new FixError(msg('fixes.error.codex-ca-certificate-set', { path: caFile.path }), 'not-applicable');
  }

  const bundlePath = path.join(ctx.codexHome, CA_BUNDLE_NAME);
  const foundIn = proven.sources.map(describeSource);
  // The bundle's own comment (file content, in English like the rest of the file).
  const caLabel = `${proven.summary.subject} (SHA-256 ${proven.summary.fingerprint256}), found in ${foundIn.map(english).join(', ')}`;
  // What SSL_CERT_FILE named before (not our own bundle) stays trusted: other company CAs may be in it.
  const previous =
    caFile && caFile.key === 'SSL_CERT_FILE' && path.resolve(caFile.path) !== bundlePath
      ? readPemFile(caFile.path)
      : [];
  const bundle = bundleText(proven.pem, caLabel, previous);
  const bundleBefore = readBytes(bundlePath);
  const bundleEdit: PlannedEdit = {
    path: bundlePath,
    before: bundleBefore,
    after: Buffer.from(bundle.text, 'utf8'),
    newFileMode: 0o644,
  };

  const envPath = path.join(ctx.codexHome, '.env');
  const before = readBytes(envPath);
  const text = before === null ? null : decodeText(envPath, before);
  let after: string;
  try {
    after = setDotenvKeys(text, [['SSL_CERT_FILE', bundlePath]]);
  } catch (error) {
    if (error instanceof DotenvEditError)
      throw new FixError(msg('fixes.error.nothing-written', { problem: error.userMessage }), 'edit-refused');
    throw error;
  }
  if (readDotenv(after).get('SSL_CERT_FILE') !== bundlePath) {
    throw new FixError(msg('fixes.error.env-readback', { key: 'SSL_CERT_FILE' }), 'edit-refused');
  }
  const warnings: Message[] = [];
  if (text !== null) {
    const odd = parseDotenvLines(text).filter((l) => l.kind === 'odd');
    if (odd.length > 0)
      warnings.push(msg('fixes.warning.env-odd-lines', { n: odd.length, lines: odd.map((l) => l.lineNumber) }));
  }
  const envEdit: PlannedEdit = {
    path: envPath,
    before,
    after: Buffer.from(after, 'utf8'),
    ...(before === null ? { newFileMode: 0o600 } : {}),
  };

  const description: CaBundleDescription = {
    path: displayPath(ctx.codexHome, bundlePath),
    ca: proven.summary,
    foundIn,
    publicRoots: bundle.publicRoots,
    bytes: Buffer.byteLength(bundle.text),
  };
  const name = commonName(proven.summary);
  const created = {
    path: description.path,
    subject: proven.summary.subject,
    fingerprint: proven.summary.fingerprint256,
    validTo: proven.summary.validTo.slice(0, 10),
    foundIn,
    roots: bundle.publicRoots,
  };
  const planned = makePlan(ctx, 'trust-ca', msg('fixes.title.trust-ca', { name }), [bundleEdit, envEdit], {
    sideEffects: [
      bundle.kept
        ? msg('fixes.effect.bundle-created-kept', { ...created, kept: bundle.kept })
        : msg('fixes.effect.bundle-created', created),
      msg('fixes.effect.check-ca'),
      ...(caFile?.key === 'SSL_CERT_FILE' && caFile.source === 'process'
        ? [msg('fixes.effect.shell-ssl-cert-file', { path: caFile.path })]
        : []),
      msg('fixes.effect.restart-sessions'),
    ],
    warnings,
  });
  planned.plan.caBundle = description;
  planned.plan.diffs = planned.plan.diffs.map((d) =>
    d.path === description.path ? describedBundleDiff(d, description, bundle.text) : d,
  );
  return planned;
}

/** Refusals once each (the route's and the CA's may repeat one another). */
function uniqueMessages(list: Message[]): Message[] {
  const seen = new Set<string>();
  return list.filter((m) => {
    const key = JSON.stringify(m);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The bundle's entry in the preview (in English like the file): what it holds, not 200 KB of PEM. */
function describedBundleDiff(diff: FileDiff, d: CaBundleDescription, text: string): FileDiff {
  const summary = [
    `PEM bundle, ${pemBlocks(text).length} certificates, ${Math.round(d.bytes / 1024)} KB (the PEM is not shown)`,
    `CA:          ${d.ca.subject}`,
    `SHA-256:     ${d.ca.fingerprint256}`,
    `valid until: ${d.ca.validTo.slice(0, 10)}`,
    `found in:    ${d.foundIn.map(english).join(', ')}`,
    `plus ${d.publicRoots} public roots (Node's tls.rootCertificates)`,
  ];
  return { ...diff, hunks: [], summary };
}
