// The languages the app and the command line speak, and how a locale tag or the environment maps
// onto them: `zh-*` (any Chinese) → Simplified Chinese, everything else → English.
export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** `zh`, `zh-CN`, `zh_CN.UTF-8`, `zh-Hans-SG` → zh-CN; `en_US.UTF-8`, `C`, `fr` → en. */
export function localeFromTag(tag: string | null | undefined): Locale {
  const lang = (tag ?? '')
    .trim()
    .toLowerCase()
    .split(/[-_.@]/)[0];
  return lang === 'zh' ? 'zh-CN' : 'en';
}

/**
 * The locale POSIX programs use: the first non-empty of LC_ALL, LC_MESSAGES, LANG (`C` and
 * `POSIX` mean English).
 */
export function localeFromEnv(env: Readonly<Record<string, string | undefined>>): Locale {
  const tag = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '');
  return localeFromTag(tag);
}
