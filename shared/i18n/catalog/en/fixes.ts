// The fixes (plans, refusals, the journal, what to do after a fix) and the errors the app and the
// command line show, with their hints. Keys start with `fixes.` or `errors.`.
export const enFixes = {
  // ------------------------------------------------------------ titles
  'fixes.title.ws-already-off': 'WebSockets are already off for provider "{{provider}}"',
  'fixes.title.ws-off-custom': 'Turn off WebSockets for provider "{{provider}}"',
  'fixes.title.ws-off-http-provider': 'Use provider "{{provider}}": the built-in OpenAI provider without WebSockets',
  'fixes.title.tun-already-on': 'TUN mode is already on',
  'fixes.title.tun-api': 'Turn on TUN mode through the Clash API at {{controller}}',
  'fixes.title.tun-manual': 'Turn on TUN mode in {{app}}',
  'fixes.title.repair-none': 'config.toml needs no repair',
  'fixes.title.repair': 'Repair config.toml so Codex starts',
  'fixes.title.trust-ca': 'Trust the CA "{{name}}" for Codex',
  'fixes.title.use-proxy': 'Send Codex through the proxy {{proxy}}',
  'fixes.title.removed-lines': 'Removed the lines of: {{title}}',
  /** A change journaled before titles were messages, whose English title is not one we know. */
  'fixes.title.legacy': '{{title}}',

  // ------------------------------------------------------------ side effects
  'fixes.effect.ignored-table-removed':
    '[model_providers.openai] (supports_websockets = false), which Codex ignores, is removed: this change does what it meant.',
  'fixes.effect.https-only':
    'Codex talks to "{{provider}}" over HTTPS only (server-sent events); answers no longer wait for WebSocket retries.',
  'fixes.effect.selects-provider-base-url':
    '{{file}} selects "{{provider}}" instead of the built-in "openai" provider, with the same login (requires_openai_auth) and your openai_base_url copied into base_url.',
  'fixes.effect.selects-provider':
    '{{file}} selects "{{provider}}" instead of the built-in "openai" provider, with the same login (requires_openai_auth) and the endpoint Codex picks for your login mode.',
  'fixes.effect.conversations-regroup':
    'Codex lists past conversations per provider: the ones started with "openai" will not show in the resume list while "{{provider}}" is selected. Nothing is deleted; they come back when you revert this change.',
  'fixes.effect.table-reused':
    'The [model_providers.{{provider}}] table left by an earlier change already has the right settings and is reused.',
  'fixes.effect.tun-everything':
    'Every program on this computer, not only Codex, goes through the proxy app while TUN is on.',
  'fixes.effect.reserved-renamed':
    '[model_providers.{{id}}] uses a built-in id Codex refuses; it becomes [model_providers.{{newId}}] with the same settings.',
  'fixes.effect.reserved-renamed-selected':
    '[model_providers.{{id}}] uses a built-in id Codex refuses; it becomes [model_providers.{{newId}}] with the same settings, and model_provider now names "{{newId}}".',
  'fixes.effect.resume-list':
    'Past conversations are listed per provider: the resume list shows those of "{{newId}}"; revert brings the old grouping back.',
  'fixes.effect.dead-gateway-removed':
    'openai_base_url = "{{url}}" is removed: nothing listens there, so the built-in provider goes back to OpenAI\'s own endpoint. If you start that gateway again, revert this change.',
  'fixes.effect.profile-moved': '[profiles.{{name}}] moves to {{file}}: run it with `codex --profile {{name}}`.',
  'fixes.effect.default-profile-merged':
    'profile = "{{profile}}" is gone: its settings are merged into config.toml\'s top level (the profile\'s value wins where both set a key), so plain `codex` starts as before.',
  'fixes.effect.bundle-created':
    'Creates {{path}}: the CA {{subject}} (SHA-256 {{fingerprint}}, valid until {{validTo}}), found in {{foundIn}}, plus {{roots}} public roots.',
  'fixes.effect.bundle-created-kept':
    'Creates {{path}}: the CA {{subject}} (SHA-256 {{fingerprint}}, valid until {{validTo}}), found in {{foundIn}}, plus {{roots}} public roots and the {{kept}} certificate(s) your SSL_CERT_FILE held.',
  'fixes.effect.check-ca':
    "Check that this CA is your company's (its name and fingerprint are above; IT can confirm the fingerprint): Codex will trust every certificate it signs.",
  'fixes.effect.shell-ssl-cert-file':
    "Your shell's SSL_CERT_FILE ({{path}}) no longer applies to Codex: the .env value takes precedence (its certificates are in the bundle).",
  'fixes.effect.restart-sessions': 'Codex reads .env when it starts: restart running Codex sessions.',
  'fixes.effect.shell-proxy-overridden':
    "Your shell's {{keys}} no longer applies to Codex: the .env values take precedence.",
  'fixes.effect.env-private': '.env becomes readable by you alone: it now holds the proxy password.',
  'fixes.effect.through-proxy':
    'Codex (CLI, IDE extension and app) sends its traffic through {{proxy}}; {{loopback}} stay direct (NO_PROXY).',

  // ------------------------------------------------------------ warnings
  'fixes.warning.provider-changed': 'The diagnosis saw provider "{{seen}}", the files now select "{{now}}".',
  'fixes.warning.nothing-to-change-built-in':
    'Nothing to change: the built-in provider "{{provider}}" does not use WebSockets.',
  'fixes.warning.nothing-to-change-already-off':
    'Nothing to change: provider "{{provider}}" already has supports_websockets = false.',
  'fixes.warning.tun-whole-system':
    'TUN mode routes the whole system through the proxy app, not only Codex: corporate networks and intranet sites, local services and other VPN clients can stop working while it is on.',
  'fixes.warning.tun-admin':
    'Some systems ask for an administrator password or a helper service the first time TUN is turned on.',
  'fixes.warning.tun-active': 'TUN mode already looks active on this machine: nothing to turn on.',
  'fixes.warning.tun-api-on': 'The Clash API at {{controller}} says TUN is already on.',
  'fixes.warning.clash-secret-refused':
    'The Clash API at {{controller}} refused the secret, so TUN cannot be turned on from here.',
  'fixes.warning.clash-no-answer':
    'The Clash API at {{controller}} did not answer, so TUN cannot be turned on from here.',
  'fixes.warning.profiles-layer':
    'Other profiles now layer over config.toml, which includes the settings of "{{profile}}".',
  'fixes.warning.profile-without-table':
    'profile = "{{profile}}" named no [profiles.{{profile}}] table; the line is removed.',
  'fixes.warning.repair-none':
    'No reserved provider table, no legacy profile form and no dead local gateway were found.',
  'fixes.warning.env-odd-lines':
    '.env has {{n}} line(s) this tool does not understand (line {{lines}}); they were left as they are.',
  'fixes.warning.env-bom':
    '.env starts with a byte order mark (BOM), so Codex ignores its first line; that line was left as it is.',
  'fixes.warning.socks':
    "{{proxy}} is a SOCKS proxy: Codex's WebSocket can use it, but its HTTPS requests (the fallback included) cannot. Prefer an HTTP or mixed port of the same app.",
  'fixes.warning.proxy-no-https': 'The proxy carried the WebSocket but not an HTTPS request: {{detail}}',
  'fixes.warning.proxy-not-probed': '{{proxy}} was not probed before it was written.',

  // ------------------------------------------------------------ TUN by hand
  'fixes.tun.your-proxy-app': 'your proxy app',
  'fixes.tun.api-action': 'PATCH http://{{controller}}/configs with {{body}}; revert sets it back to off.',
  'fixes.tun.step.check-again': 'Come back here and run the diagnosis again to check that TUN is on.',
  'fixes.tun.step.verge-open': 'Open Clash Verge Rev and go to Settings.',
  'fixes.tun.step.verge-service':
    'Under System Settings, install the Service Mode helper if it asks (the TUN switch needs it).',
  'fixes.tun.step.verge-switch': 'Turn on "Tun Mode" (or the TUN switch on the Home page).',
  'fixes.tun.step.cfw-open': 'Open Clash for Windows and go to General.',
  'fixes.tun.step.cfw-service':
    'Click "Manage" next to Service Mode and install the service, then wait for the globe icon to turn green.',
  'fixes.tun.step.cfw-switch': 'Turn on "TUN Mode".',
  'fixes.tun.step.clashx-icon': 'Click the ClashX icon in the menu bar.',
  'fixes.tun.step.clashx-enhanced':
    'ClashX Pro / ClashX Meta: choose "Enhanced Mode" (TUN) and allow the helper if macOS asks. Plain ClashX has no TUN mode: use Clash Verge Rev or set the system proxy instead.',
  'fixes.tun.step.v2rayn-open':
    'Open v2rayN (run it as administrator on Windows; on macOS/Linux it asks for your password).',
  'fixes.tun.step.v2rayn-switch': 'At the bottom of the main window, turn on "Enable Tun".',
  'fixes.tun.step.sing-box-inbound':
    'Add a "tun" inbound to your sing-box configuration with "auto_route": true (see sing-box\'s documentation for inbound type tun).',
  'fixes.tun.step.sing-box-restart': 'Restart sing-box with administrator rights.',
  'fixes.tun.step.mihomo-config':
    'In your mihomo config.yaml, set tun: { enable: true, stack: mixed, auto-route: true, auto-detect-interface: true }.',
  'fixes.tun.step.mihomo-restart': 'Restart mihomo with administrator rights.',
  'fixes.tun.step.generic-open': 'Open {{app}} and look for "TUN mode", "Enhanced mode" or "VPN mode" in its settings.',
  'fixes.tun.step.generic-switch': 'Turn it on; allow the helper or administrator prompt it shows.',

  // ------------------------------------------------------------ probing a proxy before use-proxy
  'fixes.probe.route': 'proxy {{proxy}}',
  'fixes.probe.works': 'the WebSocket and HTTPS to {{url}} work through {{proxy}}',
  'fixes.probe.socks-port':
    "{{host}}:{{port}} speaks SOCKS5, not HTTP; use the app's HTTP or mixed port (or socks5h://{{host}}:{{port}}, which carries only the WebSocket)",

  // ------------------------------------------------------------ after a fix
  'fixes.after.cc-switch':
    'cc-switch rewrites config.toml from its own provider settings whenever you switch providers, which would undo this change: make the same change in cc-switch, in the settings of the provider you use (its WebSocket option, or supports_websockets = false in its Codex config), then switch to it again.',
  'fixes.after.marker':
    'A comment says another tool manages this file: it may write it again and undo this change. Make the change in that tool too, or check after it runs (History shows whether the change is still in place).',
  'fixes.after.state-file': '{{path}}',
  'fixes.after.marker-evidence': '{{file}} line {{line}}: "{{text}}"',
  'fixes.after.manager': '{{advice}} ({{evidence}})',
  'fixes.after.restart': 'Running now, and reading the change only when restarted: {{programs}}.',
  'fixes.after.program': '{{what}} (pid {{pids}})',
  'fixes.after.program.cli': 'Codex CLI',
  'fixes.after.program.app': 'Codex app',
  'fixes.after.program.vscode': 'VS Code (Codex extension)',
  'fixes.after.program.cursor': 'Cursor (Codex extension)',
  'fixes.after.program.windsurf': 'Windsurf (Codex extension)',
  'fixes.after.since-none': 'since then Codex recorded no retries and no fallbacks',
  'fixes.after.since-counts':
    'since then Codex recorded {{retries}} retries, {{fallbacks}} fallbacks to HTTPS, {{waits}} waits for the network',

  // ------------------------------------------------------------ joining sentences

  // ------------------------------------------------------------ refusals and failures (FixError)
  'fixes.error.codex-home-absent':
    'CODEX_HOME {{path}} does not exist: run Codex once (or create the folder), or pass --codex-home',
  'fixes.error.codex-home-not-folder': 'CODEX_HOME {{path}} is not a folder',
  'fixes.error.codex-home-gone': 'CODEX_HOME {{path}} does not exist or is not a folder',
  'fixes.error.file-not-regular':
    '{{file}} is not a regular file; Codex reads only regular files there; nothing was written',
  'fixes.error.file-too-large': '{{file}} is larger than {{mib}} MiB; that is not a config file; nothing was written',
  'fixes.error.file-unreadable':
    '{{file}} cannot be read by you: make it readable (`chmod u+r {{file}}`, or run as its owner); nothing was written',
  'fixes.error.file-symlink-loop':
    '{{file}} is a symlink loop: point the link at a real file (or remove it); nothing was written',
  'fixes.error.file-read-failed': '{{file}} cannot be read ({{reason}}); nothing was written',
  'fixes.error.not-utf8-at':
    '{{file}} is not valid UTF-8 at line {{line}}, column {{column}} (byte 0x{{byte}}), and Codex reads it as UTF-8: save it as UTF-8 in your editor (or fix that character), then try again; it was left alone',
  'fixes.error.not-utf8':
    '{{file}} is not valid UTF-8, and Codex reads it as UTF-8: save it as UTF-8 in your editor (or fix that character), then try again; it was left alone',
  'fixes.error.config-unparseable': '{{problem}}. Fix the file (or restore it) first; nothing was written.',
  'fixes.error.bad-profile-name': '"{{profile}}" is not a profile name Codex accepts',
  'fixes.error.nothing-written': '{{problem}}; nothing was written',
  'fixes.error.path-read-only':
    '{{path}} is read-only: make it writable (or run as its owner) and try again; nothing was written',
  'fixes.error.file-read-only': '{{file}} is read-only: make it writable and try again; nothing was written',
  'fixes.error.manual-fix': 'this fix is done by hand: follow the steps shown',
  'fixes.error.no-change': 'this plan changes nothing',
  'fixes.error.changed-since-preview': '{{file}} changed since the preview was made; preview the fix again',
  'fixes.error.no-clash-client': 'no Clash API client was given to turn TUN on',
  'fixes.error.no-clash-client-off': 'no Clash API client was given to turn TUN back off',
  'fixes.error.clash-refused': 'the Clash API at {{controller}} refused: {{error}}',
  'fixes.error.tun-unchanged': 'the proxy app did not change TUN mode',
  'fixes.error.write-failed': 'writing {{error}}; the files were put back as they were',
  'fixes.error.profile-file-missing': 'profile "{{profile}}" has no file {{file}} in CODEX_HOME',
  'fixes.error.legacy-profile':
    'config.toml uses the legacy profile = "…" form Codex refuses: apply repair-config first',
  'fixes.error.reserved-provider':
    'config defines a table for the built-in provider "{{provider}}", which Codex refuses: apply repair-config first',
  'fixes.error.provider-undefined':
    'model_provider = "{{provider}}" names no [model_providers.{{provider}}] table; fix the config first',
  'fixes.error.model-provider-not-string':
    '{{file}}, line {{line}}: model_provider is not a string (the name of a provider), which Codex refuses; fix the config first. Nothing was written',
  'fixes.error.model-providers-not-table':
    '{{file}}, line {{line}}: model_providers is not a table of providers, which Codex refuses; fix the config first. Nothing was written',
  'fixes.error.openai-table-refused': 'refusing to write a [model_providers.openai] table',
  'fixes.error.profile-not-table': 'profiles.{{name}} is not a table; fix it by hand',
  'fixes.error.profile-file-exists':
    '{{file}} already exists with other settings than [profiles.{{name}}]; merge them by hand',
  'fixes.error.profile-write': 'could not write [profiles.{{name}}] as {{file}}',
  'fixes.error.trust-ca-needs-search': "trust-ca needs the CA search on Codex's route; run it through the doctor",
  'fixes.error.no-ca-found':
    'no CA on this machine completes the chain presented on Codex\'s route (issued by "{{issuer}}"). Ask your IT department for the CA certificate (PEM or CRT) and run `fix trust-ca --ca-file PATH`; nothing was written',
  'fixes.error.ca-refused':
    'Codex would refuse this connection even when trusting "{{name}}": {{refusals}} No setting changes that: ask IT for a certificate with SHA-256 and a 2048-bit (or larger) key; nothing was written',
  'fixes.error.codex-ca-certificate-set':
    'CODEX_CA_CERTIFICATE is set in your environment ({{path}}) and Codex prefers it to SSL_CERT_FILE: add the CA to that file, or unset it and run the fix again; nothing was written',
  'fixes.error.ca-already-trusted':
    "the certificate of {{url}} already verifies on Codex's route: there is no CA to add; nothing was written",
  'fixes.error.ca-unreadable':
    "could not read the certificate of {{url}} on Codex's route ({{detail}}): run `diagnose` to see why; nothing was written",
  'fixes.error.no-ca-file-chosen':
    'No CA file was chosen; nothing was written. Choose the .pem or .crt file your IT department gave you.',
  'fixes.error.env-readback': '.env would not read back {{key}} as intended; nothing was written',
  'fixes.error.proxy-not-url': '"{{url}}" is not a URL; write it as http://HOST:PORT',
  'fixes.error.proxy-https': 'Codex cannot use an https:// proxy URL; most local proxies take http://HOST:PORT',
  'fixes.error.proxy-scheme': 'proxy scheme "{{scheme}}" is not supported: use http://, socks5:// or socks5h://',
  'fixes.error.proxy-no-host': 'the proxy URL has no host',
  'fixes.error.proxy-no-port': 'the proxy URL {{url}} has no port',
  'fixes.error.proxy-port-range': 'the proxy port is out of range',
  'fixes.error.proxy-extra': 'a proxy URL is only scheme://host:port (with an optional user:password@)',
  'fixes.error.no-proxy-url': 'no proxy URL: the diagnosis found no working proxy; pass one with --proxy URL',
  'fixes.error.no-proxy-found':
    "the diagnosis found no proxy that carries Codex's WebSocket ({{headline}}); pass --proxy URL with your proxy's address",
  'fixes.error.proxy-login-refused':
    'the proxy {{proxy}} refused this user name and password (407); nothing was written. Check them and try again',
  'fixes.error.proxy-login-needed':
    'the proxy {{proxy}} wants a user name and password (407); nothing was written. Give them to the fix (--proxy-user NAME; the password is asked for)',
  'fixes.error.proxy-no-websocket':
    "the proxy {{proxy}} does not carry Codex's WebSocket ({{detail}}); nothing was written",
  'fixes.error.plan-expired': 'This preview is no longer available: preview the fix again.',
  'fixes.error.nothing-to-revert': 'there is no change to revert',
  'fixes.error.no-such-change': 'no change with id {{id}} in the journal',
  'fixes.error.journal-changed': 'the journal changed while this revert waited for another change; run it again',
  'fixes.error.already-reverted': 'change {{id}} was already reverted on {{at}}',
  'fixes.error.lock-busy':
    'another change to {{home}} is being made (by the app or the command line); nothing was written — wait for it to finish, then preview the fix again',
  'fixes.error.lock-lost': 'the lock on {{home}} was lost while writing ({{error}}); run `history` to check the change',
  'fixes.error.journal-is-file':
    'the journal folder {{dir}} is a file, not a folder: move that file away, or set CODEX_CONNECTION_DOCTOR_HOME to another folder; nothing was written',
  'fixes.error.journal-no-access':
    'the journal folder {{dir}} cannot be read or written by you: make it yours and readable and writable (`chmod u+rwx`), or set CODEX_CONNECTION_DOCTOR_HOME to another folder; nothing was written',
  'fixes.error.journal-symlink-loop':
    'the journal folder {{dir}} is a symlink loop: remove the link, or set CODEX_CONNECTION_DOCTOR_HOME to another folder; nothing was written',
  'fixes.error.journal-unusable':
    'the journal folder {{dir}} cannot be used ({{error}}), or set CODEX_CONNECTION_DOCTOR_HOME to another folder; nothing was written',
  'fixes.error.journal-damaged':
    'the journal entry {{file}} is damaged ({{reason}}); it cannot be reverted from the journal — restore the file by hand, or move that entry away',

  // ------------------------------------------------------------ why a journal entry is damaged
  'fixes.damaged.not-json': 'not valid JSON: truncated or overwritten',
  'fixes.damaged.bad-name': 'not a journal entry name',
  'fixes.damaged.not-an-entry': 'not a journal entry',
  'fixes.damaged.id-mismatch': 'its id does not match its file name',
  'fixes.damaged.field-missing': '"{{field}}" is missing',
  'fixes.damaged.profile': '"profile" is not a name',
  'fixes.damaged.revert-of': '"revertOf" is not an id',
  'fixes.damaged.file-not-object': 'a file record is not an object',
  'fixes.damaged.file-path': 'a file record has no absolute path',
  'fixes.damaged.file-existed-before': 'a file record lacks "existedBefore"',
  'fixes.damaged.file-bytes': 'a file record holds bytes that are not text',
  'fixes.damaged.file-before': 'a file record lacks the bytes before',
  'fixes.damaged.file-mode': 'a file record has a mode that is not a number',
  'fixes.damaged.api': '"api" is not a Clash API record',

  // ------------------------------------------------------------ edits this tool refuses to make
  'fixes.toml.syntax': '{{where}} does not parse as TOML: {{detail}}',
  'fixes.toml.non-finite': 'cannot write a non-finite number',
  'fixes.toml.no-table-to-set': 'no table [{{table}}] to set {{key}} in',
  'fixes.toml.unexpected-table': 'unexpected table location',
  'fixes.toml.inside-inline': '[{{table}}] sits inside an inline table; edit it by hand',
  'fixes.toml.no-table-to-rename': 'no table [{{table}}] to rename',
  'fixes.toml.edited-unparseable': 'the edited {{file}} would not parse ({{problem}}); nothing was written',
  'fixes.toml.edited-differs': 'the edited {{file}} does not mean what was intended; nothing was written',
  'fixes.dotenv.cannot-edit-line':
    '.env line {{line}} sets {{key}} in a form this tool cannot edit safely; fix it by hand',
  'fixes.dotenv.cannot-append': 'cannot append this text to a .env value',
  'fixes.dotenv.line-break': 'a .env value cannot hold a line break here',

  // ------------------------------------------------------------ errors: what went wrong
  /** Text we only have as a string (a library's, the OS's), shown as it is. */
  /** An error the core did not expect: its own (redacted) text. */
  'errors.unexpected': '{{error}}',
  'errors.something-wrong': 'Something went wrong.',
  'errors.unknown-request': 'Unknown request.',
  'errors.refused-sender': 'Request refused: it did not come from the app window.',
  'errors.payload.not-object': 'The request is not an object.',
  'errors.payload.unexpected-field': 'Unexpected field "{{field}}".',
  'errors.payload.bad-id': '"{{field}}" is not a valid id.',
  'errors.payload.bad-profile': '"profile" is not a valid profile name.',
  'errors.payload.one-of': '"{{field}}" must be one of {{allowed}}.',
  'errors.payload.login-fields': '"proxyLogin" needs a user name and a password.',
  'errors.payload.login-user-length': 'The proxy user name must be 1 to 256 characters.',
  'errors.payload.login-password-length': 'The proxy password is too long.',
  'errors.payload.login-line-breaks': 'The proxy user name and password cannot hold line breaks.',
  'errors.payload.proxy-url-type': '"proxyUrl" must be a string.',
  'errors.payload.pick-ca-file-type': 'pickCaFile must be true or false.',
  'errors.payload.pick-ca-file-fix': 'Picking a CA file goes with trust-ca only.',
  'errors.payload.login-fix': 'A proxy login goes with use-proxy only.',
  'errors.payload.link-not-allowed': 'That link is not on the list of sites the app opens.',
  'errors.payload.run-busy': 'A diagnosis with that id is already running.',
  'errors.proxy-url.too-long': 'The proxy URL is too long.',
  'errors.proxy-url.not-full': 'Type a full proxy URL such as http://127.0.0.1:7890.',
  'errors.proxy-url.scheme': 'Codex accepts only http://, socks5:// or socks5h:// proxy URLs (not https://).',
  'errors.proxy-url.no-host': 'The proxy URL needs a host, e.g. 127.0.0.1.',
  'errors.proxy-url.no-port': 'The proxy URL needs a port, e.g. :7890.',
  'errors.proxy-url.path': 'A proxy URL has no path: remove what follows the port.',
  'errors.proxy-url.query': 'A proxy URL has no query or fragment.',

  // ------------------------------------------------------------ errors: what to do next
  'errors.hint.changed-since-plan':
    'Nothing was written. A file changed after the preview was made (perhaps you edited it): preview the fix again to see the change against the file as it is now.',
  'errors.hint.plan-expired': 'Nothing was written. Preview the fix again, then apply the new preview.',
  'errors.hint.read-only':
    'Nothing was written. Make the file (and its folder) writable by your user, e.g. `chmod u+w` on it, then apply again.',
  'errors.hint.codex-home-missing':
    'Run Codex once (or create the folder) so CODEX_HOME exists, or set CODEX_HOME to the folder Codex uses, then run the diagnosis again.',
  'errors.hint.config-unparseable':
    'Fix the line shown in your editor (or use the repair offered), then run the diagnosis again.',
  'errors.hint.invalid-proxy':
    'Correct the proxy URL (http://HOST:PORT, socks5://HOST:PORT or socks5h://HOST:PORT) and preview again.',
  'errors.hint.proxy-failed':
    'Nothing was written. Start your proxy app or pick its HTTP/mixed port, then preview again; or choose Fix #1, which needs no proxy.',
  'errors.hint.proxy-login':
    'Nothing was written. Give the user name and password your proxy expects (as for your browser), then preview again.',
  'errors.hint.edit-refused': 'Nothing was written. Make the change by hand using the diff, or choose another fix.',
  'errors.hint.not-applicable': 'Choose another fix, or follow the steps shown for this one.',
  'errors.hint.not-found':
    'List the changes again (the History page, or `history`): the change may have been removed from the journal.',
  'errors.hint.already-reverted':
    'Nothing to do: list the changes again (the History page, or `history`) to see its current state.',
  'errors.hint.api-failed':
    'Open your proxy app and check that its external controller (API) is on, or switch TUN on in the app by hand.',
  'errors.hint.payload': 'The app sent a request main did not accept; restart the app and try again.',
  'errors.hint.restart': 'Restart the app and try again.',
  'errors.hint.use-window': 'Use the app window.',
  'errors.hint.channel.setup': 'Check that your Codex folder (CODEX_HOME) exists and is readable, then try again.',
  'errors.hint.channel.diagnose':
    'Try the diagnosis again; if it fails the same way, copy the report and share it in a support thread.',
  'errors.hint.channel.cancel': 'Wait for the diagnosis to finish, or close the app.',
  'errors.hint.channel.preview': 'Run the diagnosis again, then choose the fix once more.',
  'errors.hint.channel.apply': 'Nothing was changed. Run the diagnosis again and preview the fix once more.',
  'errors.hint.channel.revert':
    'Open History to see the change, or restore the file by hand from the diff shown there.',
  'errors.hint.channel.history': 'Check that the journal folder is readable, then reopen History.',
  'errors.hint.channel.export': 'Run a diagnosis first, then export the report.',
  'errors.hint.channel.save': 'Choose another folder, or copy the report instead.',
  'errors.hint.channel.copy': 'Save the report to a file instead.',
  'errors.hint.channel.link': 'Open the page in your browser by hand.',
};
