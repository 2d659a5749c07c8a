// The English catalog: one file per area, each owned by the code that speaks it (see docs/i18n.md).
import { enApp } from './app.ts';
import { enCli } from './cli.ts';
import { enCommon } from './common.ts';
import { enDiagnosis } from './diagnosis.ts';
import { enFixes } from './fixes.ts';
import { enProbes } from './probes.ts';
import { enSetup } from './setup.ts';
import { enVerdict } from './verdict.ts';

export const en = {
  ...enCommon,
  ...enVerdict,
  ...enSetup,
  ...enProbes,
  ...enDiagnosis,
  ...enFixes,
  ...enApp,
  ...enCli,
};
