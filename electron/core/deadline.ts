// Bounding work by time: one budget (a timer and the caller's AbortSignal folded into one signal) for
// the probes, the trust search and the environment scan, and a race that never rejects.
import dns from 'node:dns';
import { setMaxListeners, type EventEmitter } from 'node:events';

/** Resolves a name to addresses, as getaddrinfo does. */
export type LookupFn = (host: string) => Promise<Array<{ address: string; family: number }>>;

export const systemLookup: LookupFn = (host) => dns.promises.lookup(host, { all: true, verbatim: true });

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

/** Aborts its signal when `timeoutMs` runs out or `outer` aborts; call `dispose` when done. */
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
    /** The resolver the steps under this budget use. */
    readonly lookup: LookupFn = systemLookup,
  ) {
    this.signal = this.controller.signal;
    // Every concurrent sniff and API call of an environment scan listens on it.
    setMaxListeners(200, this.signal);
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

  /** The work's result, or a rejection with this deadline's reason when it aborts first (the work itself goes on). */
  race<T>(work: Promise<T>): Promise<T> {
    if (this.signal.aborted) return Promise.reject(this.signal.reason as Error);
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => reject(this.signal.reason as Error);
      this.signal.addEventListener('abort', onAbort, { once: true });
      work.then(
        (value) => {
          this.signal.removeEventListener('abort', onAbort);
          resolve(value);
        },
        (error: unknown) => {
          this.signal.removeEventListener('abort', onAbort);
          reject(error as Error);
        },
      );
    });
  }

  /**
   * Resolves when `emitter` emits `event`; rejects with its 'error', with `closed()` when it emits
   * 'close' first (if given), or with this deadline's reason when it aborts first.
   */
  untilEvent(emitter: EventEmitter, event: string, closed?: () => Error): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => finish(() => reject(this.signal.reason as Error));
      const onEvent = () => finish(resolve);
      const onError = (error: Error) => finish(() => reject(error));
      const onClose = () => finish(() => reject(closed!()));
      const finish = (settle: () => void) => {
        this.signal.removeEventListener('abort', onAbort);
        emitter.off(event, onEvent);
        emitter.off('error', onError);
        if (closed) emitter.off('close', onClose);
        settle();
      };
      emitter.once(event, onEvent);
      emitter.once('error', onError);
      if (closed) emitter.once('close', onClose);
      this.signal.addEventListener('abort', onAbort, { once: true });
      if (this.signal.aborted) onAbort();
    });
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.outer?.removeEventListener('abort', this.onOuterAbort);
  }
}

export function isCancelled(error: unknown): boolean {
  return error instanceof Cancelled;
}

/** Resolves to the promise's value, or to `fallback` after `ms` or when it rejects. */
export function withDeadline<T>(promise: Promise<T>, ms: number, fallback: () => T): Promise<T> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(fallback()), Math.max(0, ms));
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      () => {
        clearTimeout(timer);
        resolve(fallback());
      },
    );
  });
}

/** Milliseconds, rounded to 0.1. */
export function ms(value: number): number {
  return Math.round(value * 10) / 10;
}
