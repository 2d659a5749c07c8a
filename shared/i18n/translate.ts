// Turns messages into text with i18next: one instance per language, plurals by the locale's rules
// (a `count` parameter picks `_one`/`_other`), numbers and durations formatted for the locale.
import i18next, { type i18n } from 'i18next';
import { resources } from './catalog/index.ts';
import { DEFAULT_LOCALE, type Locale } from './locale.ts';
import { isMessage, type Message, type MessageId, type MessageParam, type MessageParams } from './message.ts';

export interface Translator {
  readonly lang: Locale;
  /** A catalog text by id. */
  t(id: MessageId, params?: MessageParams): string;
  /** A message the engine produced. */
  tm(message: Message): string;
}

/** An i18next instance set up for the catalog; the renderer hands the same one to react-i18next. */
export function createI18n(lang: Locale): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: lang,
    fallbackLng: DEFAULT_LOCALE,
    resources,
    initAsync: false,
    // Ids are flat strings with dots and colons in them.
    keySeparator: false,
    nsSeparator: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  instance.services.formatter?.add('duration', formatDuration);
  return instance;
}

/**
 * Milliseconds as the locale writes them: `850 ms`, `7 s`, `16.2 s`, `2.1 min` in English (the
 * symbols engineers read, which Intl's English lacks: it writes `7 sec`), `850毫秒`, `16.2秒`,
 * `2.1分钟` in Chinese.
 */
function formatDuration(value: unknown, lng: string | undefined): string {
  const ms = Number(value);
  if (!Number.isFinite(ms)) return String(value);
  const [amount, unit, symbol] =
    ms < 1000
      ? [Math.round(ms), 'millisecond', 'ms']
      : ms < 120_000
        ? [ms / 1000, 'second', 's']
        : [ms / 60_000, 'minute', 'min'];
  const options: Intl.NumberFormatOptions = { maximumFractionDigits: 1 };
  if (lng?.startsWith('en')) return `${new Intl.NumberFormat(lng, options).format(amount)} ${symbol}`;
  return new Intl.NumberFormat(lng, { ...options, style: 'unit', unit, unitDisplay: 'short' }).format(amount);
}

export function translatorFor(instance: i18n): Translator {
  const lang = (instance.language as Locale) ?? DEFAULT_LOCALE;
  const render = (param: MessageParam): string | number => {
    if (typeof param === 'string' || typeof param === 'number') return param;
    if (isMessage(param)) return tm(param);
    return (param as readonly (string | number | Message)[])
      .map((p) => String(render(p)))
      .join(instance.t('common.list-separator'));
  };
  const t = (id: MessageId, params?: MessageParams): string => {
    if (!params) return instance.t(id);
    const values: Record<string, string | number> = {};
    for (const [k, v] of Object.entries(params)) values[k] = render(v);
    return instance.t(id, values);
  };
  const tm = (message: Message): string => t(message.id, message.params);
  return { lang, t, tm };
}

const cache = new Map<Locale, Translator>();

/** The translator for a language (made once). */
export function translator(lang: Locale): Translator {
  let found = cache.get(lang);
  if (!found) {
    found = translatorFor(createI18n(lang));
    cache.set(lang, found);
  }
  return found;
}

/**
 * A copy of a value (a report, a plan, an error) in which every message carries its text in the
 * given language beside its id: what `--json` prints.
 */
export function withText<T>(value: T, tr: Translator): T {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (isMessage(v)) return { ...v, text: tr.tm(v) };
    if (typeof v === 'object' && v !== null) {
      return Object.fromEntries(Object.entries(v).map(([k, inner]) => [k, walk(inner)]));
    }
    return v;
  };
  return walk(value) as T;
}

/** A message's English text: for `Error.message` (logs, stack traces), never for what a person reads. */
export function english(message: Message): string {
  return translator('en').tm(message);
}
