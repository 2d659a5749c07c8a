// Every secret the diagnosis may come across, so the report can be scrubbed of them before it
// leaves: passwords in proxy URLs and proxy-app controller secrets. (auth.json is never read for
// its secret, so it is not here.)
import type { CodexSetup, EnvironmentReport } from '../../../shared/types.ts';

export function collectSecrets(setup: CodexSetup, environment?: EnvironmentReport): string[] {
  const secrets = new Set<string>();
  for (const v of setup.proxyVars) {
    for (const s of urlSecrets(v.value)) secrets.add(s);
  }
  for (const app of environment?.proxyApps ?? []) {
    if (app.controller?.secret) secrets.add(app.controller.secret);
  }
  // Very short strings would redact ordinary words; they cannot be told apart from text.
  return [...secrets].filter((s) => s.length >= 4);
}

function urlSecrets(value: string): string[] {
  try {
    const url = new URL(value);
    return [url.password, decodeURIComponent(url.password)].filter(Boolean);
  } catch {
    const m = /:\/\/[^:@/]*:([^@/]+)@/.exec(value);
    return m ? [m[1]!] : [];
  }
}
