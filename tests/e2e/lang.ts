// The page's text in either language, for the e2e flows: a flow names what the user sees by its
// English text (as the English run asserts it), and in the zh-CN run the same words are found in the
// catalog and turned into their Chinese. Nothing Chinese is written in the tests: the catalog is the
// one source. `{{params}}` are read back from the English (a number, a host, a nested message's
// English text, which is translated in turn), so "Preview fix #1" becomes the Chinese of
// `Preview fix #{{n}}` with n = 1.
import { en as EN_CATALOG } from '../../shared/i18n/catalog/en/index.ts';
import { LOCALES, type Locale } from '../../shared/i18n/locale.ts';
import type { MessageId, MessageParams } from '../../shared/i18n/message.ts';
import { translator } from '../../shared/i18n/translate.ts';

export { LOCALES, type Locale };

const PLURAL = /_(zero|one|two|few|many|other)$/;
const PARAM = /\{\{-?\s*(\w+)(?:\s*,\s*[\w-]+)?\s*\}\}/g;
/** react-i18next's <Trans> markers (`<0>…</0>`, `<strong>…</strong>`): the page shows their text only. */
const TAGS = /<\/?(\d+|[a-z]+)\s*\/?>/g;

const stripTags = (s: string) => s.replace(TAGS, '');
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Entry {
  /** The catalog key (`x_one`, `x_other` for a plural). */
  key: string;
  /** The id to translate (plural forms folded). */
  id: MessageId;
  /** The English text as the page shows it (tags stripped). */
  text: string;
  /** Its parameters' names, in order; none for a plain text. */
  params: string[];
  /** The English as a pattern capturing the parameters (templates only). */
  pattern?: RegExp;
  /** How much of the text is literal: the better match wins. */
  literal: number;
}

let entries: Entry[] | undefined;
function catalog(): Entry[] {
  if (entries) return entries;
  entries = Object.entries(EN_CATALOG as Record<string, string>).map(([key, raw]) => {
    const id = key.replace(PLURAL, '') as MessageId;
    const text = stripTags(raw);
    const params = [...text.matchAll(PARAM)].map((m) => m[1]!);
    if (params.length === 0) return { key, id, text, params, literal: text.length };
    const parts = text.split(PARAM).filter((_, i) => i % 2 === 0); // split keeps the captured names at odd places
    const pattern = new RegExp(`^${parts.map(escapeRegExp).join('([\\s\\S]+?)')}$`);
    return { key, id, text, params, pattern, literal: parts.join('').length };
  });
  return entries;
}

/** The catalog's rendering of an English page text in `lang`, or undefined when no catalog text reads so. */
function translate(lang: Locale, english: string, depth = 0): string[] | undefined {
  const tr = translator(lang);
  const exact = catalog().filter((e) => e.params.length === 0 && e.text === english);
  if (exact.length > 0)
    return unique(
      exact.map((e) => stripTags(tr.t(e.id, e.key !== e.id ? { count: e.key.endsWith('_one') ? 1 : 2 } : undefined))),
    );
  if (depth > 3) return undefined;
  let best: { literal: number; texts: string[] } | undefined;
  for (const e of catalog()) {
    // A template that is only its parameters would read as anything.
    if (!e.pattern || e.literal < 3) continue;
    const m = e.pattern.exec(english);
    if (!m) continue;
    const params: Record<string, string | number> = {};
    e.params.forEach((name, i) => {
      const value = m[i + 1]!;
      if (name === 'count' || /^\d+$/.test(value)) params[name] = Number(value);
      else params[name] = translate(lang, value, depth + 1)?.[0] ?? value;
    });
    if (!e.params.includes('count') && e.key !== e.id) params.count = e.key.endsWith('_one') ? 1 : 2;
    const text = stripTags(tr.t(e.id, params as MessageParams));
    if (!best || e.literal > best.literal) best = { literal: e.literal, texts: [text] };
    else if (e.literal === best.literal) best.texts = unique([...best.texts, text]);
  }
  return best?.texts;
}

const COUNT_MARK = 987654;
const hasPlural = (id: string) => `${id}_other` in (EN_CATALOG as Record<string, string>);
const unique = (xs: string[]) => [...new Set(xs)];

/**
 * What the page shows in `lang` where the English page shows `english` (a whole catalog text, or a
 * template filled in): a string, or a pattern of the choices when two catalog texts read the same in
 * English but not in `lang`. English is returned as it is.
 */
export function ui(lang: Locale, english: string): string | RegExp {
  if (lang === 'en') return english;
  const found = translate(lang, english);
  if (!found) throw new Error(`no catalog text reads "${english}" in English (for the ${lang} run)`);
  return found.length === 1 ? found[0]! : new RegExp(found.map(escapeRegExp).join('|'));
}

/** `ui()` as a string: for the calls that take no pattern. */
export function uiString(lang: Locale, english: string): string {
  const found = ui(lang, english);
  if (typeof found !== 'string') throw new Error(`"${english}" reads several ways in ${lang}: ${found}`);
  return found;
}

/**
 * A pattern for a part of a page text, written as its English: in English the words themselves;
 * in `lang`, the whole catalog text(s) that hold them, their parameters matched by anything. For
 * `assert.match(text, …)` and `getByText(…)`.
 */
export function uiPattern(lang: Locale, englishPart: string, flags = ''): RegExp {
  if (lang === 'en') return new RegExp(escapeRegExp(englishPart), flags);
  const tr = translator(lang);
  // The words as a whole catalog text, and every catalog text that holds them.
  const found = new Set<string>((translate(lang, englishPart) ?? []).map(escapeRegExp));
  for (const e of catalog()) {
    const literals = e.text.split(PARAM).filter((_, i) => i % 2 === 0);
    if (!literals.some((l) => l.includes(englishPart))) continue;
    // The text in `lang` with placeholders, then every placeholder as "anything".
    const marked: Record<string, string | number> = {};
    for (const name of e.params) marked[name] = `⟦${name}⟧`;
    // A plural needs a number to choose its form; an unlikely one, then read as "anything" too.
    if (hasPlural(e.id)) marked.count = COUNT_MARK;
    const text = stripTags(tr.t(e.id, marked)).replace(
      new RegExp(`${COUNT_MARK}|${COUNT_MARK.toLocaleString('en')}`, 'g'),
      '⟦count⟧',
    );
    found.add(text.split(/⟦\w+⟧/).map(escapeRegExp).join('[\\s\\S]*?'));
  }
  if (found.size === 0) throw new Error(`no catalog text holds "${englishPart}" in English (for the ${lang} run)`);
  return new RegExp([...found].map((p) => `(?:${p})`).join('|'), flags);
}

/** A catalog text by id, in `lang` (tags stripped), for the words a flow cannot name by their English. */
export function uiT(lang: Locale, id: MessageId, params?: MessageParams): string {
  return stripTags(translator(lang).t(id, params));
}

/** True when a text holds Chinese characters. */
export const hasHan = (text: string): boolean => /\p{Script=Han}/u.test(text);
