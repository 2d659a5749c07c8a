// The CA search for Codex's route: read the chain the endpoint presents there (unless the diagnosis
// already has it), collect candidates from the user's sources (or the file they named), and prove
// each with a TLS handshake on the same route.
import os from 'node:os';
import type { X509Certificate } from 'node:crypto';
import type { CodexSetup } from '../../../shared/types.ts';
import { failureDetail } from '../probes/failure.ts';
import type { CaSearchResult } from './find-ca.ts';
import { codexTlsTarget, presentedChain, verifierFor } from './route-tls.ts';
import type { CaSourceOptions } from './sources.ts';
import { searchCompanyCa } from './index.ts';
import { msg, type Message } from '../../../shared/i18n/message.ts';
import { redactUrl } from '../redact.ts';

export interface RouteCaSearchOptions {
  baseUrl: string;
  env: NodeJS.ProcessEnv;
  homedir?: string;
  platform?: NodeJS.Platform;
  timeoutMs: number;
  signal?: AbortSignal;
  /** What Codex trusts already besides the public roots (SSL_CERT_FILE's contents). */
  extraCa?: string;
  /** The chain the diagnosis saw; read again when absent. */
  chain?: X509Certificate[];
  /** A file the user named: the only candidate source then. */
  caFile?: string;
  /** Overrides of the sources (tests point them at temp folders and recorded outputs). */
  sources?: Partial<CaSourceOptions>;
}

export type RouteCaSearch =
  | { status: 'searched'; result: CaSearchResult }
  /** Codex's route already verifies: nothing to trust. */
  | { status: 'trusted' }
  /** The endpoint could not be reached on Codex's route; `detail` says why. */
  | { status: 'unreachable'; detail: Message };

export async function searchCaOnCodexRoute(setup: CodexSetup, opts: RouteCaSearchOptions): Promise<RouteCaSearch> {
  const target = codexTlsTarget(setup, opts.baseUrl, {
    timeoutMs: opts.timeoutMs,
    signal: opts.signal,
    extraCa: opts.extraCa,
  });
  if (!target.endpoint.secure)
    return { status: 'unreachable', detail: msg('diagnosis.ca-route.not-https', { url: redactUrl(opts.baseUrl) }) };
  let chain = opts.chain;
  if (!chain || chain.length === 0) {
    try {
      const seen = await presentedChain(target);
      if (seen.authorized) return { status: 'trusted' };
      chain = seen.chain;
    } catch (error) {
      return { status: 'unreachable', detail: failureDetail(error) };
    }
  }
  const sources: CaSourceOptions = {
    env: opts.env,
    homedir: opts.homedir ?? os.homedir(),
    platform: opts.platform ?? process.platform,
    ...opts.sources,
  };
  const result = await searchCompanyCa({
    chain,
    ...(opts.caFile ? { caFile: opts.caFile } : { sources }),
    verify: verifierFor(target),
  });
  return { status: 'searched', result };
}
