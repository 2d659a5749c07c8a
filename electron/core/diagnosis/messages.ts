// Small helpers for the diagnosis's messages: lists that are not joined with the list separator,
// and equality (two probes that failed with the same words).
import { msg, type Message } from '../../../shared/i18n/message.ts';

/** `A. B. C.`: sentences in a row (`diagnosis.sentences`, built pairwise). Null for none. */
export function sentences(list: readonly Message[]): Message | null {
  return joinPairwise(list, 'sentences');
}

/** `a; b; c`: the parts of a progress line (`diagnosis.parts`, built pairwise). Null for none. */
export function parts(list: readonly Message[]): Message | null {
  return joinPairwise(list, 'parts');
}

function joinPairwise(list: readonly Message[], how: 'sentences' | 'parts'): Message | null {
  if (list.length === 0) return null;
  return list.reduceRight((tail, head) =>
    how === 'sentences' ? msg('diagnosis.sentences', { head, tail }) : msg('diagnosis.parts', { head, tail }),
  );
}

/** The same id with the same parameters. */
export function sameMessage(a: Message, b: Message): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
