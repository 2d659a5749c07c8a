// Finding ids produced while reading the user's Codex setup. They are stable: the recommendation
// rules, the CLI's --json output and the tests refer to them.
//
//   codex.home.missing            CODEX_HOME does not exist (error)
//   codex.file.unreadable         a config, profile, .env or auth.json file exists but cannot be read (error)
//   config.syntax-error           a TOML file does not parse; location has line and column (error)
//   config.duplicate-key          a key or table is defined twice in one TOML file (error)
//   config.reserved-provider-id   [model_providers.<built-in id>] — Codex refuses to start (error)
//   config.builtin-provider-override  [model_providers.amazon-bedrock] sets fields Codex does not allow (error)
//   config.legacy-profile         top-level `profile = "…"` — Codex 0.169+ refuses to start (error)
//   config.legacy-profile-table   [profiles.*] tables: ignored by plain `codex`, and `--profile NAME`
//                                 refuses to start when [profiles.NAME] exists (warning, or error then)
//   config.unknown-provider       model_provider names no table and no built-in id (error)
//   config.invalid-value          a known key has a value of the wrong type, e.g. model_provider = 1 (error)
//   profile.missing               --profile NAME but NAME.config.toml does not exist; Codex runs
//                                 with config.toml alone (warning)
//   auth.unreadable               auth.json is not valid JSON (warning)
//   dotenv.odd-line               a .env line Codex skips (info)
//   dotenv.codex-key-ignored      a CODEX_* key in .env, which Codex ignores (warning)
//   proxy.missing-scheme          a proxy variable without scheme, e.g. 127.0.0.1:7890 (warning)
//   proxy.unparseable             a proxy variable that is not a URL (error)
//   proxy.https-scheme            an https:// proxy URL: Codex's WebSocket cannot use it (error)
//   proxy.unsupported-scheme      a proxy URL with a scheme other than http, socks5, socks5h (error)
//   proxy.overridden-by-dotenv    a proxy variable set in both places: .env wins (info)
//   ca.codex-ca-in-dotenv         CODEX_CA_CERTIFICATE in .env, which Codex ignores (warning)
//   ca.file-missing               SSL_CERT_FILE / CODEX_CA_CERTIFICATE names a file that does not exist (warning)

import type { Finding, Message, Severity, SourceLocation } from '../../../shared/types.ts';

export function makeFinding(
  id: string,
  severity: Severity,
  summary: Message,
  evidence: Message[] = [],
  location?: SourceLocation,
): Finding {
  const finding: Finding = { id, severity, summary, evidence };
  if (location) finding.location = location;
  return finding;
}
