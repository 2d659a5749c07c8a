import type { enCommon } from '../en/common.ts';
import type { ZhOf } from '../types.ts';

export const zhCommon = {
  // A value shown as it is: a path, a config line, an OS or a library's own words.
  'common.text': '{{text}}',
  'common.list-separator': '、',
} satisfies ZhOf<typeof enCommon>;
