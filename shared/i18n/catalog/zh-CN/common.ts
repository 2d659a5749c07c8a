import type { enCommon } from '../en/common.ts';
import type { ZhOf } from '../types.ts';

export const zhCommon = {
  'common.list-separator': '、',
} satisfies ZhOf<typeof enCommon>;
