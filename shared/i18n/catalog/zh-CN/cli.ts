import type { enCli } from '../en/cli.ts';
import type { ZhOf } from '../types.ts';

export const zhCli = {} satisfies ZhOf<typeof enCli>;
