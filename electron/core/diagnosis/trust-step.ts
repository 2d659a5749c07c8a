// The diagnosis step after an untrusted certificate on Codex's route: look for the CA among the
// user's sources, prove it against the presented chain, and say what Codex will refuse anyway.
// A CA found in a store Codex itself reads (the OS bundle, a keychain, the Windows store) means
// Codex trusts it already while the probes (Node's roots) did not: the route is probed again
// trusting it, so the verdict is about what Codex meets.
import type { CaTrustReport, CodexSetup, Finding, ProbeResult, Route, TlsInfo } from '../../../shared/types.ts';
import type { UntrustedCaFacts } from '../../../shared/recommend.ts';
import { presentedCertificates } from '../probes/tls.ts';
import { codexTlsTarget, verifierFor } from '../trust/route-tls.ts';
import { findCompanyCa, describeSource } from '../trust/find-ca.ts';
import { collectCaCertificates, type CaSourceOptions } from '../trust/sources.ts';
import { commonName } from '../trust/certificates.ts';
import type { RouteOutcome } from './facts.ts';

type Timed = <T>(id: string, title: string, work: () => Promise<T>, judge: (v: T) => { status: 'ok' | 'warning' | 'error' | 'skipped'; detail?: string }) => Promise<T>;

export interface TrustStepInput {
  setup: CodexSetup;
  /** Codex's route (its configured proxy, else direct) as probed. */
  outcome: RouteOutcome;
  baseUrl: string;
  probeOpts: { ca?: string | undefined };
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  homedir: string;
  timeoutMs: number;
  signal: AbortSignal;
  sources?: Partial<CaSourceOptions>;
  timed: Timed;
  probeOne: (route: Route, ca: string[]) => Promise<ProbeResult[]>;
}

export interface TrustStepResult {
  report: CaTrustReport;
  facts: UntrustedCaFacts | null;
  finding?: Finding;
  /** Codex's route probed again trusting a CA Codex already reads. */
  reprobed?: RouteOutcome;
}

function untrustedTls(results: ProbeResult[]): TlsInfo | undefined {
  for (const r of results) {
    if (r.failure !== 'untrusted-ca') continue;
    const tls = r.data?.tls as TlsInfo | undefined;
    if (tls && presentedCertificates(tls).length > 0) return tls;
  }
  return undefined;
}

export async function untrustedCaStep(input: TrustStepInput): Promise<TrustStepResult | null> {
  const tls = untrustedTls(input.outcome.results);
  if (!tls) return null;
  const chain = presentedCertificates(tls);
  const target = codexTlsTarget(input.setup, input.baseUrl, { timeoutMs: input.timeoutMs, signal: input.signal, extraCa: input.probeOpts.ca });
  const search = await input.timed(
    'trust:ca-search',
    'The CA behind the untrusted certificate (your CA files, tool settings, the OS trust store)',
    async () =>
      findCompanyCa({
        chain,
        collected: await collectCaCertificates({ env: input.env, homedir: input.homedir, platform: input.platform, ...input.sources }),
        verify: verifierFor(target),
      }),
    (r) =>
      r.proven
        ? { status: r.report.refusals.length ? 'error' : 'warning', detail: `found "${commonName(r.proven.summary)}" in ${r.proven.sources.map(describeSource).join(', ')}; it verifies the presented chain` }
        : { status: 'error', detail: `no CA named "${r.report.lookingFor}" that verifies the chain was found` },
  );
  const { report, proven } = search;
  const facts: UntrustedCaFacts = {
    lookingFor: report.lookingFor,
    proven: proven ? { subject: proven.summary.subject, fingerprint256: proven.summary.fingerprint256, validTo: proven.summary.validTo, foundIn: proven.sources.map(describeSource) } : null,
    refusals: report.refusals,
    searched: report.searched,
  };
  const readByCodex = proven?.sources.filter((s) => s.codexReads) ?? [];
  if (proven && readByCodex.length > 0 && report.refusals.length === 0) {
    // Codex reads this store: it trusts the CA already. Probe its route as Codex would.
    const results = await input.probeOne(input.outcome.route, [...(input.probeOpts.ca ? [input.probeOpts.ca] : []), proven.pem]);
    return {
      report,
      facts: null,
      reprobed: { ...input.outcome, results },
      finding: {
        id: 'tls.ca-in-os-store',
        severity: 'info',
        summary: `The certificate on Codex's route is signed by "${proven.summary.subject}", which is in ${readByCodex.map(describeSource).join(', ')}: Codex trusts it there (the checks were run again trusting it).`,
        evidence: [`SHA-256 ${proven.summary.fingerprint256}`, `valid until ${proven.summary.validTo.slice(0, 10)}`],
      },
    };
  }
  return {
    report,
    facts,
    finding: proven
      ? {
          id: report.refusals.length ? 'tls.ca-refused-by-codex' : 'tls.ca-found',
          severity: report.refusals.length ? 'error' : 'warning',
          summary: report.refusals.length
            ? `The CA "${proven.summary.subject}" (found in ${facts.proven!.foundIn.join(', ')}) completes the chain, but Codex refuses it: ${report.refusals.join(' ')}`
            : `The CA "${proven.summary.subject}" that signs the certificate on Codex's route is on this machine (${facts.proven!.foundIn.join(', ')}), but Codex is not told to trust it.`,
          evidence: [`SHA-256 ${proven.summary.fingerprint256}`, `valid until ${proven.summary.validTo.slice(0, 10)}`, ...report.rejected],
        }
      : {
          id: 'tls.ca-not-found',
          severity: 'error',
          summary: `No CA named "${report.lookingFor}" that verifies the certificate on Codex's route was found on this machine.`,
          evidence: [...report.searched, ...report.rejected],
        },
  };
}
