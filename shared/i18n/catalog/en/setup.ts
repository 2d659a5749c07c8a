// Reading the user's Codex setup (electron/core/codex/) and the machine scan
// (electron/core/environment/): the findings about config.toml, .env and auth.json, where the
// credential comes from, Codex's own log database, and the TUN evidence.
// Keys start with `setup.`.
export const enSetup = {
  // A value shown as it is: a path, a config line, Codex's own error text, the TOML parser's message.
  'setup.none': 'none',
  'setup.assignment': '{{key}}={{value}}',
  // Codex's own error text, word for word (in English: Codex prints it so).
  'setup.codex-error': '{{text}}',

  // CODEX_HOME
  'setup.home.not-a-directory': 'CODEX_HOME {{home}} is not a directory.',
  'setup.home.missing': 'CODEX_HOME {{home}} does not exist: Codex has not been set up here yet.',
  'setup.home.from-flag': 'CODEX_HOME from --codex-home',
  'setup.home.from-env': 'CODEX_HOME from the CODEX_HOME variable',
  'setup.home.from-default': 'CODEX_HOME from the default location',

  // A file that exists but cannot be read.
  'setup.file.unreadable': '{{name}} exists but cannot be read ({{reason}}).',
  'setup.file.not-utf8': 'not valid UTF-8 at line {{line}}, column {{column}}: save it as UTF-8',
  'setup.file.not-a-file': 'not a regular file',
  'setup.file.too-large': 'too large',
  'setup.file.permission-denied': 'permission denied: make it readable by you',
  'setup.file.symlink-loop': 'a symlink loop: point the link at a real file',
  // ConfigFileError (electron/core/config-file.ts)
  'setup.config-file.not-a-file': '{{file}} is not a regular file; Codex reads only regular files there',
  'setup.config-file.too-large': '{{file}} is larger than {{mib}} MiB; that is not a config file',
  'setup.config-file.unreadable':
    '{{file}} cannot be read by you: make it readable (`chmod u+r {{file}}`, or run as its owner)',
  'setup.config-file.symlink-loop': '{{file}} is a symlink loop: point the link at a real file (or remove it)',

  // Profiles and TOML syntax.
  'setup.profile.missing': '--profile {{profile}}: {{file}} does not exist, so Codex runs with config.toml alone.',
  'setup.profile.found': 'profiles found: {{names}}',
  'setup.config.duplicate-key': '`{{key}}` is defined twice in {{file}}: Codex refuses to load it.',
  'setup.config.syntax-error':
    '{{file}} is not valid TOML (line {{line}}, column {{column}}): Codex refuses to load it.',
  // The TOML parser's problem, where it is.
  'setup.toml.at': '{{file}}:{{line}}:{{column}}: {{problem}}',
  'setup.toml.in-file': '{{file}}: {{problem}}',
  'setup.toml.second-bom': 'a second byte order mark (BOM) at the start of the file',
  'setup.toml.integer-range': 'integer does not fit in 64 bits',
  'setup.toml.no-such-date': '{{date}} is not a date that exists',
  'setup.toml.defined-twice': '`{{key}}` is defined twice (first defined on line {{first}}, again on line {{line}})',
  'setup.toml.defined-twice-at': '`{{key}}` is defined twice (line {{line}})',

  // Provider tables.
  'setup.provider.ignored-openai-table':
    '[model_providers.{{id}}] holds only {{keys}}: Codex loads it and ignores it, so WebSockets stay on for the built-in provider.',
  'setup.provider.ignored-openai-table-empty':
    '[model_providers.{{id}}] holds only nothing: Codex loads it and ignores it, so WebSockets stay on for the built-in provider.',
  'setup.provider.ignored-openai-table.no-settings':
    'Codex applies no settings to its built-in providers from this table (it refuses to start when the table sets name, base_url or similar keys).',
  'setup.provider.ignored-openai-table.fix':
    'Fix #1 (disable-websockets) removes this table and turns WebSockets off the way Codex honours.',
  'setup.provider.reserved':
    '[model_providers.{{id}}] overrides a built-in provider: Codex refuses to start with this config.',
  'setup.provider.reserved.codex-says':
    'Codex: "Built-in providers cannot be overridden. Rename your custom provider."',
  'setup.provider.builtin-override':
    '[model_providers.{{id}}] sets fields Codex does not allow for this built-in provider: Codex refuses to start.',
  'setup.provider.not-allowed': 'not allowed: {{keys}}',
  'setup.provider.allowed': 'allowed: {{keys}}',
  'setup.provider.invalid-value': '`model_provider` must be a string naming a provider.',
  'setup.provider.unknown':
    'model_provider = "{{id}}" names no [model_providers.{{id}}] table: Codex stops with "Model provider `{{id}}` not found".',
  'setup.provider.defined': 'defined providers: {{ids}}',

  // Legacy profiles.
  'setup.legacy-profile':
    'The legacy `profile = "{{name}}"` setting makes Codex refuse to start (0.169 and later); move that profile to {{name}}.config.toml.',
  'setup.legacy-profile-table.blocks':
    '`--profile {{name}}` cannot be used while [profiles.{{name}}] is in this file: Codex refuses to start.',
  'setup.legacy-profile-table.ignored':
    '[profiles.{{name}}] is the legacy profile form: Codex (0.169 and later) ignores it; move it to {{name}}.config.toml.',
  'setup.legacy-profile-table.where': '[profiles.{{name}}] in {{file}}',

  // auth.json and env_key.
  'setup.auth.unreadable': 'auth.json is not valid JSON, so the login mode is unknown.',
  'setup.auth.env-key-missing':
    '{{envKey}}, the variable env_key names for provider "{{provider}}", is not set here nor in $CODEX_HOME/.env: where it is not set either, Codex stops with "Missing environment variable".',
  'setup.auth.env-key-line': 'env_key = "{{envKey}}"',

  // .env
  'setup.dotenv.odd-line': '.env line {{line}} is skipped by Codex: {{problem}}.',
  'setup.dotenv.codex-ca':
    'CODEX_CA_CERTIFICATE in .env is ignored by Codex; use SSL_CERT_FILE there, or set CODEX_CA_CERTIFICATE in the environment.',
  'setup.dotenv.codex-key-ignored': '{{key}} in .env is ignored: Codex skips keys that start with CODEX_.',
  'setup.dotenv.key-on-line': '{{key}} on line {{line}}',
  // Why dotenvy (and so Codex) skips a line.
  'setup.dotenv.unclosed-quote-rest': 'unclosed quote: Codex ignores this line and everything after it',
  'setup.dotenv.unclosed-quote-rest-lines':
    'unclosed quote: Codex ignores this line and everything after it (lines {{from}}–{{to}} are ignored)',
  'setup.dotenv.not-key-value': 'not a KEY=value line: {{start}}',
  'setup.dotenv.starts-with-bom': 'the line starts with a byte order mark (BOM)',
  'setup.dotenv.unexpected-character': 'unexpected character {{character}}',
  'setup.dotenv.expected-equals': 'expected "=" after {{key}}',
  'setup.dotenv.unquoted-whitespace': 'unquoted value contains whitespace (quote the value)',
  'setup.dotenv.unsupported-escape': 'unsupported escape \\{{character}}',
  'setup.dotenv.unclosed-substitution': 'unclosed ${…}',
  'setup.dotenv.name-before-quote': 'a $NAME right before the closing " makes Codex reject the line (write ${NAME})',
  'setup.dotenv.unclosed-quote': 'unclosed quote',

  // Proxy variables.
  'setup.proxy.overridden-by-dotenv':
    '{{key}} is set in both the environment and .env; Codex uses the value from .env.',
  'setup.proxy.in-environment': 'environment: {{value}}',
  'setup.proxy.in-dotenv': '.env: {{value}}',
  'setup.proxy.from-dotenv-line': '.env line {{line}}',
  'setup.proxy.from-process': 'process environment',
  'setup.proxy.variable-from': '{{key}}={{value}} ({{origin}})',
  'setup.proxy.missing-scheme': '{{key}} has no scheme; write it as http://host:port (or socks5h://host:port).',
  'setup.proxy.unparseable': '{{key}} is not a valid proxy URL.',
  'setup.proxy.https-scheme':
    "{{key}} uses https://, which Codex's WebSocket cannot use as a proxy; use http:// for the same port.",
  'setup.proxy.unsupported-scheme':
    '{{key}} uses {{scheme}}//; Codex accepts http://, socks5:// and socks5h:// proxies.',
  'setup.ca.file-missing': '{{key}} names a file that does not exist, so Codex cannot load that CA bundle.',

  // Where the credential Codex would send comes from (CredentialInfo.source).
  'setup.credential.variable-dotenv': '{{name}} from $CODEX_HOME/.env',
  'setup.credential.variable-env': '{{name}} from the environment',
  'setup.credential.codex-api-key': '{{variable}} (read by codex exec, not by the interactive Codex)',
  'setup.credential.keyring':
    'the OS keyring (cli_auth_credentials_store = "{{store}}"), which the doctor does not read',
  'setup.credential.no-auth-json': 'no login: $CODEX_HOME/auth.json does not exist',
  'setup.credential.auth-json-invalid': 'auth.json is not valid JSON',
  'setup.credential.auth-json-empty': 'auth.json holds no login',
  'setup.credential.chatgpt-no-token': 'the ChatGPT login in auth.json has no access token',
  'setup.credential.chatgpt-expired':
    'the ChatGPT login in auth.json, whose access token has expired (Codex refreshes it when it starts; the doctor never does)',
  'setup.credential.chatgpt': 'the ChatGPT login in auth.json',
  'setup.credential.saved-api-key': 'the API key saved by `codex login` in auth.json',
  'setup.credential.auth-json-nothing': 'auth.json holds no API key and no ChatGPT tokens',
  'setup.credential.no-provider': 'no usable provider in the configuration',
  'setup.credential.env-key-unset':
    '{{envKey}} (named by env_key) is set neither in this environment nor in $CODEX_HOME/.env',
  'setup.credential.bearer-token': 'experimental_bearer_token of [model_providers.{{id}}]',
  'setup.credential.auth-command':
    'the token printed by the auth command of [model_providers.{{id}}], which the doctor does not run',
  'setup.credential.http-headers': 'the http_headers of [model_providers.{{id}}]',
  'setup.credential.none': 'provider "{{id}}" sends no credential',

  // Codex's own log database (CodexHistory.note) and what it says (the history finding).
  'setup.history.not-a-file': '{{file}} is not a regular file.',
  'setup.history.none':
    'Codex has kept no log database here (the interactive Codex writes one; `codex exec` does not).',
  'setup.history.cannot-read': '{{file}} cannot be read ({{code}}).',
  'setup.history.wrong-shape': '{{file}} has no logs table of the shape Codex 0.169–0.171 writes.',
  'setup.history.partial':
    'Stopped after {{ms}} ms in a {{mb}} MB database: the counts cover the most recent rows only.',
  'setup.history.locked': '{{file}} is locked; the history was skipped (run the diagnosis again later).',
  'setup.history.not-sqlite': '{{file}} could not be read as a SQLite database.',
  'setup.history.summary': 'In the last 7 days Codex {{parts}}.',
  'setup.history.summary-waited': 'In the last 7 days Codex {{parts}}; about {{wait}} spent waiting between retries.',
  'setup.history.fell-back_one': 'fell back from WebSockets to HTTPS {{count}} time',
  'setup.history.fell-back_other': 'fell back from WebSockets to HTTPS {{count}} times',
  'setup.history.retried_one': 'retried {{count}} time',
  'setup.history.retried_other': 'retried {{count}} times',
  'setup.history.waited-for-network_one': 'waited for the network {{count}} time',
  'setup.history.waited-for-network_other': 'waited for the network {{count}} times',
  'setup.history.refused-401_one': 'was refused with 401 {{count}} time',
  'setup.history.refused-401_other': 'was refused with 401 {{count}} times',
  'setup.history.minutes_one': '{{count}} minute',
  'setup.history.minutes_other': '{{count}} minutes',
  'setup.history.seconds': '{{seconds}} s',

  // TUN mode (TunInfo.evidence).
  'setup.tun.interface-up': "interface {{name}} is up: a proxy app's TUN device",
  'setup.tun.interface-up-fake-ip': "interface {{name}} is up ({{address}}): a proxy app's TUN device",
  'setup.tun.route-through': 'the route to {{target}} goes through {{interface}}{{via}}{{table}}{{fakeIp}}',
  'setup.tun.route-via': ' via {{gateway}}',
  'setup.tun.route-table': ' in routing table {{table}}, the one mihomo and sing-box auto-route use',
  'setup.tun.route-fake-ip': ' ({{address}} is in 198.18.0.0/15)',
  'setup.tun.route-other-tunnel':
    'the route to {{target}} goes through {{interface}}, a tunnel that is not a known proxy TUN (a VPN or iCloud Private Relay use these too)',
  'setup.tun.fake-ip-unused':
    'interface {{name}} has {{address}} (198.18.0.0/15) but the route to {{target}} does not use it',
  'setup.tun.dns-fake-ip': 'DNS answered {{address}}, a fake-ip address (198.18.0.0/15)',
  'setup.tun.dns-fake-ip-tun-off':
    "DNS answered {{address}}, a fake-ip address (198.18.0.0/15): the proxy app's DNS is in use while its TUN is off, so connections to that address go nowhere",
  'setup.tun.failed': 'TUN check failed: {{error}}',
  'setup.tun.timed-out': 'the TUN check did not finish within {{ms}} ms',
  'setup.codex-doctor.not-started': 'could not start {{binary}}: {{error}}',
  'setup.codex-doctor.timed-out': 'codex doctor did not finish within {{ms}} ms and was stopped',
  'setup.codex-doctor.cancelled': 'codex doctor was cancelled',
  'setup.codex-doctor.no-json': 'codex doctor printed no JSON (exit {{exit}})',
  'setup.codex-doctor.no-json-said': 'codex doctor printed no JSON (exit {{exit}}): {{line}}',
  'setup.clash-api.controller-refused': 'the Clash API was not called: {{reason}}',
  'setup.clash-api.secret-rejected': 'the controller rejected the secret (401)',
  'setup.clash-api.patch-refused': 'PATCH /configs answered {{status}}',
  'setup.clash-api.patch-refused-said': 'PATCH /configs answered {{status}}: {{said}}',
  'setup.clash-api.tun-unreadable': 'could not read TUN state back from /configs',
  'setup.clash-api.tun-still-on':
    "the controller accepted the change but TUN is still on (TUN usually needs administrator rights or the app's service mode)",
  'setup.clash-api.tun-still-off':
    "the controller accepted the change but TUN is still off (TUN usually needs administrator rights or the app's service mode)",
  'setup.clash-api.request-failed': 'the Clash API did not answer: {{reason}}',
};
