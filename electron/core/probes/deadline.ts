// One budget per probe: a timer and the caller's AbortSignal folded into one signal, and the
// error type the probe steps throw so that each probe can turn it into a ProbeResult.
import dns from 'node:dns';
import type { FailureKind } from '../../../shared/types.ts';
import { msg, type Message } from '../../../shared/i18n/message.ts';

/** Resolves a name to addresses, as getaddrinfo does. */
export type LookupFn = (host: string) => Promise<Array<{ address: string; family: number }>>;

export interface ProbeOptions {
  /** The whole probe's budget: when it runs out the probe returns what it knows, classified. */
  timeoutMs: number;
  signal?: AbortSignal;
  /** How names are resolved locally; default the system resolver (as Codex). Tests pass a lab hosts table. */
  lookup?: LookupFn;
  /** DNS servers for the direct A/AAAA queries of resolveHost; default the system's. */
  dnsServers?: string[];
}

export const systemLookup: LookupFn = (host) => dns.promises.lookup(host, { all: true, verbatim: true });

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
  return msg('probes.raw', { text: error instanceof Error ? error.message : String(error) });
}

class DeadlineReached extends Error {
  constructor() {
    super('time is up');
    this.name = 'DeadlineReached';
  }
}

class Cancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'Cancelled';
  }
}

export class Deadline {
  readonly signal: AbortSignal;
  readonly startedAt = performance.now();
  private readonly controller = new AbortController();
  private readonly timer: NodeJS.Timeout;
  private readonly outer: AbortSignal | undefined;
  private readonly onOuterAbort = () => this.controller.abort(new Cancelled());

  constructor(
    readonly timeoutMs: number,
    outer?: AbortSignal,
    /** The resolver the probe's steps use. */
    readonly lookup: LookupFn = systemLookup,
  ) {
    this.signal = this.controller.signal;
    this.outer = outer;
    this.timer = setTimeout(() => this.controller.abort(new DeadlineReached()), Math.max(0, timeoutMs));
    if (outer?.aborted) this.onOuterAbort();
    else outer?.addEventListener('abort', this.onOuterAbort, { once: true });
  }

  elapsed(): number {
    return performance.now() - this.startedAt;
  }

  get timedOut(): boolean {
    return this.signal.reason instanceof DeadlineReached;
  }

  get cancelled(): boolean {
    return this.signal.reason instanceof Cancelled;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.outer?.removeEventListener('abort', this.onOuterAbort);
  }
}

export function isDeadlineReason(error: unknown): boolean {
  return error instanceof DeadlineReached || error instanceof Cancelled;
}

export function isCancelled(error: unknown): boolean {
  return error instanceof Cancelled;
}

/** Milliseconds, rounded to 0.1. */
export function ms(value: number): number {
  return Math.round(value * 10) / 10;
}
