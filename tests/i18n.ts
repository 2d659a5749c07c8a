// Messages as text, for assertions: `en(report.recommendation.headline)`.
import { translator } from '../shared/i18n/translate.ts';
import type { Message } from '../shared/i18n/message.ts';

export const en = (m: Message): string => translator('en').tm(m);
export const zh = (m: Message): string => translator('zh-CN').tm(m);
/** Every message of a list, as English lines. */
export const enAll = (ms: readonly Message[]): string[] => ms.map(en);
