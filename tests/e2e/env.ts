// Paths and the clean environment the e2e tests give the doctor.
import { fileURLToPath } from 'node:url';
import { makeTempDir } from '../lab/temp-dirs.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A clean environment: no proxy variables or HOME of the machine leak into the diagnosis. */
export function labEnv(codexHome: string, doctorHome: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: makeTempDir('e2e-home'),
    CODEX_HOME: codexHome,
    CODEX_CONNECTION_DOCTOR_HOME: doctorHome,
    ...extra,
  };
}

