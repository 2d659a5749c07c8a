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
import { joinMessages, type Message, msg } from '../../../shared/i18n/message.ts';

type Timed = <T>(
  id: string,
  title: Message,
  work: () => Promise<T>,
  judge: (v: T) => { status: 'ok' | 'warning' | 'error' | 'skipped'; detail?: Message },
) => Promise<T>;

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
  const target = codexTlsTarget(input.setup, input.baseUrl, {
    timeoutMs: input.timeoutMs,
    signal: input.signal,
    extraCa: input.probeOpts.ca,
  });
  const search = await input.timed(
    'trust:ca-search',
    msg('diagnosis.check.ca-search'),
    async () =>
      findCompanyCa({
        chain,
        collected: await collectCaCertificates({
          env: input.env,
          homedir: input.homedir,
          platform: input.platform,
          ...input.sources,
        }),
        verify: verifierFor(target),
      }),
    (r) =>
      r.proven
        ? {
            status: r.report.refusals.length ? 'error' : 'warning',
            detail: msg('diagnosis.check.ca-search.found', {
              name: commonName(r.proven.summary),
              sources: r.proven.sources.map(describeSource),
            }),
          }
        : { status: 'error', detail: msg('diagnosis.check.ca-search.not-found', { name: r.report.lookingFor }) },
  );
  const { report, proven } = search;
  const facts: UntrustedCaFacts = {
    lookingFor: report.lookingFor,
    proven: proven
      ? {
          subject: proven.summary.subject,
          fingerprint256: proven.summary.fingerprint256,
          validTo: proven.summary.validTo,
          foundIn: proven.sources.map(describeSource),
        }
      : null,
    refusals: report.refusals,
    searched: report.searched,
  };
  const readByCodex = proven?.sources.filter((s) => s.codexReads) ?? [];
  const caFacts = (p: NonNullable<typeof proven>): Message[] => [
    msg('diagnosis.ca.fingerprint', { fingerprint: p.summary.fingerprint256 }),
    msg('diagnosis.ca.valid-until', { date: p.summary.validTo.slice(0, 10) }),
  ];
  if (proven && readByCodex.length > 0 && report.refusals.length === 0) {
    // Codex reads this store: it trusts the CA already. Probe its route as Codex would.
    const results = await input.probeOne(input.outcome.route, [
      ...(input.probeOpts.ca ? [input.probeOpts.ca] : []),
      proven.pem,
    ]);
    return {
      report,
      facts: null,
      reprobed: { ...input.outcome, results },
      finding: {
        id: 'tls.ca-in-os-store',
        severity: 'info',
        summary: msg('diagnosis.ca.in-os-store', {
          subject: proven.summary.subject,
          sources: readByCodex.map(describeSource),
        }),
        evidence: caFacts(proven),
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
            ? msg('diagnosis.ca.refused-by-codex', {
                subject: proven.summary.subject,
                sources: facts.proven!.foundIn,
                refusals: joinMessages(report.refusals, 'sentences')!,
              })
            : msg('diagnosis.ca.found', { subject: proven.summary.subject, sources: facts.proven!.foundIn }),
          evidence: [...caFacts(proven), ...report.rejected],
        }
      : {
          id: 'tls.ca-not-found',
          severity: 'error',
          summary: msg('diagnosis.ca.not-found', { name: report.lookingFor }),
          evidence: [...report.searched, ...report.rejected],
        },
  };
}
