// The English text of a message, for Error.message (logs, stack traces): what a person reads is
// the message itself, rendered in their language by the app or the command line.
import { translator } from '../../../shared/i18n/translate.ts';
import type { Message } from '../../../shared/i18n/message.ts';

export function english(message: Message): string {
  return translator('en').tm(message);
}
