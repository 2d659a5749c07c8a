// A message the engine produces: an id from the catalog and its parameters, never a sentence.
// The renderer, the command line and the Markdown report turn it into text in the reader's
// language (./translate.ts). Pure: no Node, no Electron, no DOM.
import type { en } from './catalog/en/index.ts';

/** i18next's plural suffixes: a catalog key `x_one`/`x_other` is the message `x` with a `count`. */
type PluralSuffix = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
type WithoutPlural<K> = K extends `${infer Base}_${PluralSuffix}` ? Base : K;

/** Every message id of the catalog (plural forms folded into one id). */
export type MessageId = WithoutPlural<keyof typeof en>;

/**
 * A parameter: a value shown as is (a host, a port, a path, a key name), a number (formatted for
 * the locale, or as a duration with `{{ms, duration}}` in the catalog), a nested message, or a list
 * (joined with the locale's list separator).
 */
export type MessageParam = string | number | Message | readonly (string | number | Message)[];
export type MessageParams = Readonly<Record<string, MessageParam>>;

export interface Message {
  id: MessageId;
  params?: MessageParams;
}

export function msg(id: MessageId, params?: MessageParams): Message {
  return params ? { id, params } : { id };
}

export function isMessage(value: unknown): value is Message {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  const v = value as { id?: unknown; params?: unknown };
  return (
    typeof v.id === 'string' &&
    keys.every((k) => k === 'id' || k === 'params') &&
    (v.params === undefined || (typeof v.params === 'object' && v.params !== null))
  );
}

/**
 * Messages one after another, as one: `a; b; c` (clauses, for lines whose parts hold commas
 * themselves) or `A. B. C.` (sentences). Null for an empty list.
 */
export function joinMessages(list: readonly Message[], how: 'clauses' | 'sentences'): Message | null {
  const [first, ...rest] = list;
  if (!first) return null;
  const id = how === 'clauses' ? 'common.join.clauses' : 'common.join.sentences';
  return rest.reduce((head, tail) => msg(id, { head, tail }), first);
}
