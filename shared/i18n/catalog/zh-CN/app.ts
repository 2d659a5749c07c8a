import type { enApp } from '../en/app.ts';
import type { ZhOf } from '../types.ts';

export const zhApp = {} satisfies ZhOf<typeof enApp>;
