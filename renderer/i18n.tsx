// The renderer's languages: one i18next instance (shared/i18n/translate.ts) handed to
// react-i18next, so a switch in the header re-renders every component in the new language.
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { i18n } from 'i18next';
import { isLocale, type Locale } from '../shared/i18n/locale.ts';
import type { Message, MessageId, MessageParams } from '../shared/i18n/message.ts';
import { createI18n, translatorFor, type Translator } from '../shared/i18n/translate.ts';
import { initialLang, markDocument, rememberLang, richNodes } from './logic/language.ts';

export function I18nProvider({ children, lang }: { children: ReactNode; lang?: Locale }) {
  const [instance] = useState<i18n>(() => createI18n(lang ?? initialLang()));
  useEffect(() => markDocument(instance.language as Locale), [instance]);
  return <I18nextProvider i18n={instance}>{children}</I18nextProvider>;
}

export interface Text extends Translator {
  setLang(lang: Locale): void;
}

/** The current language's `t` (catalog ids) and `tm` (engine messages); re-renders on a switch. */
export function useText(): Text {
  const { i18n: instance } = useTranslation();
  const lang = instance.language as Locale;
  // A new translator per language: translatorFor reads the instance's language once.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const tr = useMemo(() => translatorFor(instance), [instance, lang]);
  const setLang = useCallback(
    (next: Locale) => {
      rememberLang(next);
      void instance.changeLanguage(next);
    },
    [instance],
  );
  return useMemo(() => ({ ...tr, setLang }), [tr, setLang]);
}

/**
 * A catalog text that holds <strong>, <code> or <q> around some words, as elements (see
 * richNodes): the text is translated first, params included.
 */
export function Rich({ id, params }: { id: MessageId; params?: MessageParams }) {
  const { t } = useText();
  return <>{richNodes(t(id, params))}</>;
}

/** A message from the engine, as text in the current language. */
export function M({ message }: { message: Message }) {
  const { tm } = useText();
  return <>{tm(message)}</>;
}

export function LanguageSwitch() {
  const { t, lang, setLang } = useText();
  return (
    <div className="language-switch">
      <label htmlFor="language-select" className="visually-hidden">
        {t('app.language.label')}
      </label>
      <select id="language-select" value={lang} onChange={(e) => isLocale(e.target.value) && setLang(e.target.value)}>
        <option value="en" lang="en">
          {t('app.language.en')}
        </option>
        <option value="zh-CN" lang="zh-CN">
          {t('app.language.zh-CN')}
        </option>
      </select>
    </div>
  );
}
