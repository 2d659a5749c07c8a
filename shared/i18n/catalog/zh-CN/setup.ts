import type { enSetup } from '../en/setup.ts';
import type { ZhOf } from '../types.ts';

export const zhSetup = {} satisfies ZhOf<typeof enSetup>;
