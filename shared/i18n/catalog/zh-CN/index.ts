// The Simplified Chinese catalog, file for file beside the English one.
import { zhApp } from './app.ts';
import { zhCli } from './cli.ts';
import { zhCommon } from './common.ts';
import { zhDiagnosis } from './diagnosis.ts';
import { zhFixes } from './fixes.ts';
import { zhProbes } from './probes.ts';
import { zhSetup } from './setup.ts';
import { zhVerdict } from './verdict.ts';

export const zhCN = {
  ...zhCommon,
  ...zhVerdict,
  ...zhSetup,
  ...zhProbes,
  ...zhDiagnosis,
  ...zhFixes,
  ...zhApp,
  ...zhCli,
};
