import type { enCommon } from '../en/common.ts';
import type { ZhOf } from '../types.ts';

export const zhCommon = {
  // A value shown as it is: a path, a config line, an OS or a library's own words.
  'common.text': '{{text}}',
  // Messages in a row (joinMessages): clauses, sentences.
  'common.join.clauses': '{{head}}；{{tail}}',
  'common.join.sentences': '{{head}}{{tail}}',
  'common.list-separator': '、',
} satisfies ZhOf<typeof enCommon>;
