import type { Message } from '../../shared/i18n/message.ts';
import { english } from '../../shared/i18n/translate.ts';

/** An error the user can act on: printed as one line in the user's language, exit code 2, never a stack trace. */
export class UsageError extends Error {
  constructor(
    readonly text: Message,
    readonly exitCode = 2,
  ) {
    // The English text for a stack trace or a debugger; the command line prints `text` translated.
    super(english(text));
  }
}
