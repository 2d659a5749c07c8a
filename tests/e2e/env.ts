// Paths and the clean environment the e2e tests give the doctor.
import { fileURLToPath } from 'node:url';
import { makeTempDir } from '../lab/temp-dirs.ts';
import type { Scenario } from '../lab/scenarios.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * A clean environment: no proxy variables or HOME of the machine leak into the diagnosis. The
 * scenario's own environment (`scenario.env`: the provider's env_key such as LAB_KEY, or a proxy
 * set in the shell) is added, as the user's shell would export it for Codex — the lab's API wants
 * the credential Codex would send.
 */
export function labEnv(
  scenario: Pick<Scenario, 'codexHome' | 'env'>,
  doctorHome: string,
  extra: Record<string, string> = {},
): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: makeTempDir('e2e-home'),
    ...scenario.env,
    CODEX_HOME: scenario.codexHome,
    CODEX_CONNECTION_DOCTOR_HOME: doctorHome,
    ...extra,
  };
}
