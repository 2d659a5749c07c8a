// The language the app starts in, and catalog texts with a few inline tags as React elements.
// No JSX here, so the unit tests (plain tsx, no DOM) can load it.
import { createElement, type ReactNode } from 'react';
import { isLocale, localeFromTag, type Locale } from '../../shared/i18n/locale.ts';

/** Where the language chosen in the header is remembered. */
export const LANG_STORAGE_KEY = 'codex-connection-doctor.lang';
/**
 * Browser mode listens on a new port each run, and localStorage is per origin (port included);
 * cookies are per host, so this one carries the choice from one run to the next.
 */
export const LANG_COOKIE = 'codex-connection-doctor-lang';
const YEAR_S = 365 * 24 * 3600;

/** What this file uses of the page (typed here: the unit tests load it without the DOM types). */
interface Page {
  localStorage?: { getItem(key: string): string | null; setItem(key: string, value: string): void };
  navigator?: { language?: string };
  document?: { documentElement: { lang: string }; cookie?: string };
}
const page = globalThis as Page;

function cookies(): string {
  try {
    return page.document?.cookie ?? '';
  } catch {
    return '';
  }
}

function storage(): Page['localStorage'] | null {
  try {
    return page.localStorage ?? null;
  } catch {
    return null;
  }
}

/**
 * The language to start in: the one chosen before, else the OS language (in Electron
 * `navigator.language` is the app's locale; in browser mode it is the browser's).
 */
export function initialLang(): Locale {
  const stored = storage()?.getItem(LANG_STORAGE_KEY);
  if (isLocale(stored)) return stored;
  const fromCookie = new RegExp(`(?:^|;\\s*)${LANG_COOKIE}=([^;]*)`).exec(cookies())?.[1];
  if (isLocale(fromCookie)) return fromCookie;
  return localeFromTag(page.navigator?.language);
}

/** Remembers the language chosen in the header and tells the page (`<html lang>`). */
export function rememberLang(lang: Locale): void {
  try {
    storage()?.setItem(LANG_STORAGE_KEY, lang);
    if (page.document) page.document.cookie = `${LANG_COOKIE}=${lang}; Path=/; Max-Age=${YEAR_S}; SameSite=Strict`;
  } catch {
    // A page without storage (private mode) still switches; it just does not remember.
  }
  markDocument(lang);
}

export function markDocument(lang: Locale): void {
  if (page.document) page.document.documentElement.lang = lang;
}

const TAG = /<(strong|code|q)>(.*?)<\/\1>/g;

/**
 * A translated catalog text that holds <strong>, <code> or <q> around some words, as elements:
 * only these three tags become elements, everything else stays text (never HTML).
 */
export function richNodes(text: string): ReactNode[] {
  const nodes: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(TAG)) {
    if (match.index > last) nodes.push(text.slice(last, match.index));
    nodes.push(createElement(match[1]!, { key: nodes.length }, match[2]));
    last = match.index + match[0].length;
  }
  if (last < text.length) nodes.push(text.slice(last));
  return nodes;
}
