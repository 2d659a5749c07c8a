import type { enVerdict } from '../en/verdict.ts';
import type { ZhOf } from '../types.ts';

export const zhVerdict = {} satisfies ZhOf<typeof enVerdict>;
