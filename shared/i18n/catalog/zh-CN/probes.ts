import type { enProbes } from '../en/probes.ts';
import type { ZhOf } from '../types.ts';

export const zhProbes = {} satisfies ZhOf<typeof enProbes>;
