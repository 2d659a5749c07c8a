import type { enFixes } from '../en/fixes.ts';
import type { ZhOf } from '../types.ts';

export const zhFixes = {} satisfies ZhOf<typeof enFixes>;
