// The options every probe takes, and the error type the probe steps throw so that each probe can
// turn it into a ProbeResult. The probe's time budget is a Deadline (../deadline.ts).
import type { FailureKind } from '../../../shared/types.ts';
import { msg, type Message } from '../../../shared/i18n/message.ts';
import type { LookupFn } from '../deadline.ts';

export interface ProbeOptions {
  /** The whole probe's budget: when it runs out the probe returns what it knows, classified. */
  timeoutMs: number;
  signal?: AbortSignal;
  /** How names are resolved locally; default the system resolver (as Codex). Tests pass a lab hosts table. */
  lookup?: LookupFn;
  /** DNS servers for the direct A/AAAA queries of resolveHost; default the system's. */
  dnsServers?: string[];
}

/**
 * A step failed in a way the diagnosis can name. Internal: probes return it as a ProbeResult, whose
 * detail is `detail` (the Error's own message is only the id, for logs).
 */
export class ProbeFailure extends Error {
  constructor(
    readonly kind: FailureKind,
    readonly detail: Message,
    readonly data: Record<string, unknown> = {},
  ) {
    super(detail.id);
    this.name = 'ProbeFailure';
  }
}

/** What an error says, as a message: a ProbeFailure's detail, or any other error's own text as it is. */
export function failureDetail(error: unknown): Message {
  if (error instanceof ProbeFailure) return error.detail;
  return msg('common.text', { text: error instanceof Error ? error.message : String(error) });
}
