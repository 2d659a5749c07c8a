// main's native dialogs (save the report, pick the CA file), titled and labelled in the language
// the page asked for: the header's switch, sent with each request that opens one. Without it, the
// OS language (Electron's locale: `zh-*` → 简体中文).
import { basename } from 'node:path';
import { writeFile } from 'node:fs/promises';
import { app, dialog, type BrowserWindow } from 'electron';
import { localeFromTag, type Locale } from '../shared/i18n/locale.ts';
import { translator } from '../shared/i18n/translate.ts';

const textsIn = (lang: Locale | undefined) => translator(lang ?? localeFromTag(app.getLocale()));

/** Asks where to save the report, writes it (readable by the user alone); the file's name, or null when cancelled. */
export async function saveTextDialog(
  win: BrowserWindow | null,
  suggestedName: string,
  text: string,
  lang?: Locale,
): Promise<string | null> {
  const { t } = textsIn(lang);
  const options = {
    title: t('app.native.save-report-title'),
    buttonLabel: t('app.native.save-button'),
    defaultPath: suggestedName,
    properties: ['createDirectory' as const],
  };
  const choice = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return null;
  await writeFile(choice.filePath, text, { encoding: 'utf8', mode: 0o600 });
  return basename(choice.filePath);
}

/** trust-ca without a CA found: the user picks the file their IT gave them; the path stays in main. */
export async function pickCaFileDialog(win: BrowserWindow | null, lang?: Locale): Promise<string | null> {
  const { t } = textsIn(lang);
  const options = {
    title: t('app.native.pick-ca-title'),
    buttonLabel: t('app.native.pick-ca-button'),
    properties: ['openFile' as const],
    filters: [{ name: t('app.native.certificates-filter'), extensions: ['pem', 'crt', 'cer'] }],
  };
  const choice = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  return choice.canceled ? null : (choice.filePaths[0] ?? null);
}
