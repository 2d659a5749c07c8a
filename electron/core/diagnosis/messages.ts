// Equality of messages: two probes that failed with the same words.
import type { Message } from '../../../shared/i18n/message.ts';

/** The same id with the same parameters. */
export function sameMessage(a: Message, b: Message): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
