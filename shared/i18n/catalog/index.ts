import { en } from './en/index.ts';
import { zhCN } from './zh-CN/index.ts';

/** i18next's resources: one namespace (`translation`) per language. */
export const resources = {
  en: { translation: en },
  'zh-CN': { translation: zhCN },
} as const;
