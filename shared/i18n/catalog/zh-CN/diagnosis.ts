import type { enDiagnosis } from '../en/diagnosis.ts';
import type { ZhOf } from '../types.ts';

export const zhDiagnosis = {} satisfies ZhOf<typeof enDiagnosis>;
