// The extra CA bundle Codex trusts (SSL_CERT_FILE, or CODEX_CA_CERTIFICATE from the process), read
// so that probes trust exactly what Codex would.
import { readFileSync } from 'node:fs';
import type { CodexSetup } from '../../../shared/types.ts';

export function readCaBundle(setup: Pick<CodexSetup, 'caFile'>): string | undefined {
  if (!setup.caFile) return undefined;
  try {
    return readFileSync(setup.caFile.path, 'utf8');
  } catch {
    return undefined; // the setup reader already reports a CA file it cannot read
  }
}
