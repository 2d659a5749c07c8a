// The reasons a fix is refused or fails (FixError.code), and what the user can do next for each —
// one table for the app (the IPC error's hint) and the command line (its "Next:" line). A new code
// without a hint does not compile. Pure: no Node, no Electron.
import { isMessage, msg, type Message, type MessageId } from './i18n/message.ts';

export type FixErrorCode =
  | 'codex-home-missing'
  | 'config-unparseable'
  | 'read-only'
  | 'changed-since-plan'
  | 'plan-expired'
  | 'not-applicable'
  | 'invalid-proxy'
  | 'proxy-failed'
  | 'proxy-login'
  | 'edit-refused'
  | 'not-found'
  | 'already-reverted'
  | 'api-failed';

/** What to do next, by code: catalog ids (`errors.hint.*`), turned into text by whoever shows the error. */
export const FIX_ERROR_HINTS: Readonly<Record<FixErrorCode, MessageId>> = {
  'changed-since-plan': 'errors.hint.changed-since-plan',
  'plan-expired': 'errors.hint.plan-expired',
  'read-only': 'errors.hint.read-only',
  'codex-home-missing': 'errors.hint.codex-home-missing',
  'config-unparseable': 'errors.hint.config-unparseable',
  'invalid-proxy': 'errors.hint.invalid-proxy',
  'proxy-failed': 'errors.hint.proxy-failed',
  'proxy-login': 'errors.hint.proxy-login',
  'edit-refused': 'errors.hint.edit-refused',
  'not-applicable': 'errors.hint.not-applicable',
  'not-found': 'errors.hint.not-found',
  'already-reverted': 'errors.hint.already-reverted',
  'api-failed': 'errors.hint.api-failed',
};

export function isFixErrorCode(code: unknown): code is FixErrorCode {
  return typeof code === 'string' && code in FIX_ERROR_HINTS;
}

/**
 * An error the user reads: besides its English `message` (for logs) it carries `userMessage`, and
 * may carry a `hint`, as catalog messages. FixError is one; others set the fields with Object.assign.
 */
export interface ExplainedError {
  userMessage: Message;
  hint?: Message;
}

/** Text we only have as a string (from a library, the OS, an older module) shown as it is. */
export function textMessage(text: string): Message {
  return msg('common.text', { text });
}

/** What an error says to the user: its `userMessage` when it has one, else its text as it is. */
export function errorMessageOf(error: unknown): Message {
  if (
    error &&
    typeof error === 'object' &&
    'userMessage' in error &&
    isMessage((error as ExplainedError).userMessage)
  ) {
    return (error as ExplainedError).userMessage;
  }
  if (error instanceof Error) return textMessage(error.message);
  return typeof error === 'string' ? textMessage(error) : msg('errors.something-wrong');
}
