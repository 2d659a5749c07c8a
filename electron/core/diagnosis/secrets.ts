// Every secret the diagnosis may come across, so the report can be scrubbed of them before it
// leaves: passwords in proxy URLs and proxy-app controller secrets. (auth.json is never read for
// its secret, so it is not here.)
import type { CodexSetup, EnvironmentReport } from '../../../shared/types.ts';
import { urlPasswords } from '../redact.ts';

export function collectSecrets(setup: CodexSetup, environment?: EnvironmentReport): string[] {
  const secrets = new Set<string>();
  for (const v of setup.proxyVars) {
    for (const s of urlPasswords(v.value)) secrets.add(s);
  }
  for (const app of environment?.proxyApps ?? []) {
    if (app.controller?.secret) secrets.add(app.controller.secret);
  }
  // Very short strings would redact ordinary words; they cannot be told apart from text.
  return [...secrets].filter((s) => s.length >= 4);
}
