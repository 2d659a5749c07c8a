// Building ProbeResults: every probe ends here, with its time and, on failure, a classified kind.
import type { Message, ProbePhase, ProbeResult, Route } from '../../../shared/types.ts';
import { Deadline, ms } from '../deadline.ts';
import { ProbeFailure, failureDetail } from './failure.ts';

export function okResult(
  phase: ProbePhase,
  route: Route,
  deadline: Deadline,
  detail: Message,
  data?: Record<string, unknown>,
): ProbeResult {
  return { phase, route, ok: true, durationMs: ms(deadline.elapsed()), detail, ...(data ? { data } : {}) };
}

/** Any error becomes a result: ProbeFailures keep their kind, anything else is `error`. */
export function failedResult(
  phase: ProbePhase,
  route: Route,
  deadline: Deadline,
  error: unknown,
  data?: Record<string, unknown>,
): ProbeResult {
  const failure = error instanceof ProbeFailure ? error : new ProbeFailure('error', failureDetail(error));
  const merged = { ...failure.data, ...data };
  return {
    phase,
    route,
    ok: false,
    durationMs: ms(deadline.elapsed()),
    failure: failure.kind,
    detail: failure.detail,
    ...(Object.keys(merged).length ? { data: merged } : {}),
  };
}
