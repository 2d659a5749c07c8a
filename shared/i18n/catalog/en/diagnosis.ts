// The diagnosis (electron/core/diagnosis/) and the CA search (electron/core/trust/): the progress
// lines of each check, the findings made from the probes and the machine scan, the routes, and what
// the CA search read, rejected and found Codex would refuse.
// Keys start with `diagnosis.`.
export const enDiagnosis = {
  // Two sentences in a row (`A. B.`), built pairwise for a list of sentences.
  // Two parts of a progress line (`a; b`), built pairwise.

  // The routes a probe takes.
  'diagnosis.route.direct': 'direct',
  'diagnosis.route.configured-proxy': '{{variable}} from the environment ({{url}})',
  'diagnosis.route.configured-proxy-dotenv': '{{variable}} from $CODEX_HOME/.env ({{url}})',
  'diagnosis.route.local-proxy': 'proxy {{url}} ({{speaks}})',
  'diagnosis.route.local-proxy-apps': 'proxy {{url}} ({{speaks}} — {{apps}})',
  'diagnosis.route.system-proxy': 'system proxy {{url}}',
  'diagnosis.route.os-proxy-windows':
    "system proxy {{url}} (Windows Internet Settings), which Codex's HTTPS requests use",
  'diagnosis.route.os-proxy-macos': "system proxy {{url}} (macOS network settings), which Codex's HTTPS requests use",

  // The checks shown while the diagnosis runs: titles and details.
  'diagnosis.check.setup': 'Codex setup (CODEX_HOME, config.toml, .env, login)',
  'diagnosis.check.setup.detail': 'provider {{provider}} → {{url}}, {{websockets}}; {{credential}}',
  'diagnosis.check.setup.built-in': '{{id}} (built-in)',
  'diagnosis.check.setup.websockets-on': 'WebSockets on',
  'diagnosis.check.setup.websockets-off': 'WebSockets off',
  'diagnosis.check.setup.authenticated': 'probes authenticate with {{source}}',
  'diagnosis.check.setup.anonymous': 'probes go without a credential: {{source}}',
  'diagnosis.check.setup.no-provider': 'the configuration does not name a usable provider',
  'diagnosis.check.history': "Codex's own record of its connection (logs_2.sqlite)",
  'diagnosis.check.history.clean': 'no retries, fallbacks or 401s recorded in the last 7 days',
  'diagnosis.check.route': 'Endpoint via {{route}}',
  'diagnosis.check.route.steps': '{{steps}}',
  'diagnosis.check.route.steps-websockets-off':
    '{{steps}} (WebSockets are off for this provider: Codex does not use them)',
  'diagnosis.check.route.step-ok': '{{phase}} ok',
  'diagnosis.check.route.step-failed': '{{phase}} {{failure}}',
  'diagnosis.check.route.step-failed-unknown': '{{phase}} failed',
  'diagnosis.check.environment': 'Proxies on this machine (system proxy, proxy apps, TUN)',
  'diagnosis.check.codex-doctor': 'codex doctor --network-only ({{install}})',
  'diagnosis.check.codex-doctor.output': '{{output}}',
  'diagnosis.check.codex-doctor.problem-and-output': '{{problem}}; {{output}}',
  'diagnosis.check.codex-doctor.late':
    'still running when the verdict was ready (Codex waits 15 s on a stalled WebSocket)',
  'diagnosis.check.ca-search':
    'The CA behind the untrusted certificate (your CA files, tool settings, the OS trust store)',
  'diagnosis.check.ca-search.found': 'found "{{name}}" in {{sources}}; it verifies the presented chain',
  'diagnosis.check.ca-search.not-found': 'no CA named "{{name}}" that verifies the chain was found',

  // The steps of a probe.
  'diagnosis.phase.dns': 'DNS lookup',
  'diagnosis.phase.tcp': 'Connection',
  'diagnosis.phase.tls': 'TLS handshake',
  'diagnosis.phase.https': 'HTTPS request',
  'diagnosis.phase.websocket': 'WebSocket handshake',
  'diagnosis.phase.proxy-sniff': 'Proxy port check',

  // One line of evidence per probe, and the findings made from the probes.
  'diagnosis.evidence.ok': '✓ {{phase}} via {{route}}: {{detail}} ({{ms, duration}})',
  'diagnosis.evidence.failed': '✗ {{phase}} via {{route}}: {{detail}} ({{ms, duration}})',
  'diagnosis.probe.works': '{{phase}} works via {{route}}: {{detail}}',
  'diagnosis.probe.fails': '{{phase}} fails via {{route}}: {{detail}}',
  'diagnosis.probe.fails-websockets-off':
    '{{phase}} fails via {{route}}: {{detail}} — not a problem: WebSockets are off for this provider, Codex uses HTTPS',

  // A problem of the configuration at a place in a file.
  'diagnosis.config-problem.at': '{{location}}: {{problem}}',

  // What the machine scan found.
  'diagnosis.environment.ports': 'proxy ports: {{ports}}',
  'diagnosis.environment.port': '{{port}} ({{speaks}})',
  'diagnosis.environment.no-ports': 'no local proxy ports listening',
  'diagnosis.environment.apps': 'apps: {{apps}}',
  'diagnosis.environment.system-proxy': 'system proxy {{address}}',
  'diagnosis.environment.tun-on': 'TUN on',
  'diagnosis.environment.tun-off': 'TUN off',
  'diagnosis.environment.local-proxy': 'A proxy listens on {{host}}:{{port}} and speaks {{speaks}}.',
  'diagnosis.environment.local-proxy-apps':
    'A proxy listens on {{host}}:{{port}} and speaks {{speaks}} (usually {{apps}}).',
  'diagnosis.environment.found-by': 'found by: {{sources}}',
  'diagnosis.environment.system-proxy-on':
    'The system proxy is on; Codex does not read it, only HTTPS_PROXY/HTTP_PROXY/ALL_PROXY.',
  'diagnosis.environment.system-proxy-settings': '{{source}}: {{entries}}',
  'diagnosis.environment.tun-active': 'TUN mode is on.',
  'diagnosis.environment.clash-api-tun': 'the Clash API at {{controller}} reports tun.enable = true',

  // Codex's own log database.
  'diagnosis.history.cause': '{{n}} × {{cause}}',
  'diagnosis.history.last-30-days': 'last 30 days: {{retries}} retries, {{fallbacks}} fallbacks to HTTPS',
  'diagnosis.history.unreadable': "Codex's log database: unreadable.",
  'diagnosis.history.locked': "Codex's log database: locked.",
  'diagnosis.history.partial': "Codex's log database: partial.",

  // A base URL on this machine where nothing listens.
  'diagnosis.stale-gateway.summary':
    '{{key}} = "{{url}}" sends Codex to a local gateway where nothing listens: Codex keeps "Reconnecting… waiting for network".',
  'diagnosis.stale-gateway.comment': 'comment next to it: {{comment}}',
  'diagnosis.stale-gateway.nothing-listens': 'nothing accepts connections on {{host}}:{{port}}',

  // The CA behind an untrusted certificate: the findings.
  'diagnosis.ca.fingerprint': 'SHA-256 {{fingerprint}}',
  'diagnosis.ca.valid-until': 'valid until {{date}}',
  'diagnosis.ca.in-os-store':
    'The certificate on Codex\'s route is signed by "{{subject}}", which is in {{sources}}: Codex trusts it there (the checks were run again trusting it).',
  'diagnosis.ca.refused-by-codex':
    'The CA "{{subject}}" (found in {{sources}}) completes the chain, but Codex refuses it: {{refusals}}',
  'diagnosis.ca.found':
    'The CA "{{subject}}" that signs the certificate on Codex\'s route is on this machine ({{sources}}), but Codex is not told to trust it.',
  'diagnosis.ca.not-found':
    'No CA named "{{name}}" that verifies the certificate on Codex\'s route was found on this machine.',

  // Candidates that matched by name but were not the CA.
  'diagnosis.ca.rejected.other-key':
    '"{{name}}" in {{sources}} has the right name but did not sign the presented certificate (another key): not this CA.',
  'diagnosis.ca.rejected.not-a-ca':
    '"{{name}}" in {{sources}} signed the certificate but is not marked as a CA (basicConstraints): TLS libraries refuse it as an issuer.',
  'diagnosis.ca.rejected.handshake':
    '"{{name}}" in {{sources}} signed the certificate, but a TLS handshake trusting it still failed: {{detail}}',
  'diagnosis.ca.not-verified': 'not verified',

  // What Codex's TLS library refuses whatever it is told to trust. `who` is one of the roles below.
  'diagnosis.refusal.role.server': 'the server certificate',
  'diagnosis.refusal.role.presented-ca': 'the presented CA certificate',
  'diagnosis.refusal.role.ca': 'the CA',
  'diagnosis.refusal.weak-signature':
    '{{who}} "{{name}}" is signed with {{algorithm}}: Codex\'s TLS library (rustls) accepts no SHA-1 or MD5 signatures.',
  'diagnosis.refusal.small-rsa-key':
    '{{who}} "{{name}}" has a {{bits}}-bit RSA key: Codex\'s TLS library (rustls) accepts RSA keys of 2048 bits or more only.',
  'diagnosis.refusal.dsa-key': '{{who}} "{{name}}" has a DSA key, which Codex\'s TLS library (rustls) does not accept.',
  'diagnosis.refusal.expired': '{{who}} "{{name}}" expired on {{date}}.',
  'diagnosis.refusal.not-yet-valid': '{{who}} "{{name}}" is not valid before {{date}}.',

  // Where the CA search looks.
  'diagnosis.ca-source.variable': '{{variable}}',
  'diagnosis.ca-source.npm': 'npm cafile in {{file}}',
  'diagnosis.ca-source.pip': 'pip cert in {{file}}',
  'diagnosis.ca-source.os-bundle': 'the OS trust bundle',
  'diagnosis.ca-source.os-anchor': 'the OS anchor folder',
  'diagnosis.ca-source.os-anchor-dir': 'the OS anchor folder {{dir}}',
  'diagnosis.ca-source.keychain': 'the macOS keychain',
  'diagnosis.ca-source.windows-store': 'the Windows certificate store',
  'diagnosis.ca-source.file': 'the file you named',
  'diagnosis.ca-source.with-path': '{{source}} ({{path}})',
  'diagnosis.ca-source.at-path': '{{source}}: {{path}}',

  // One line per source read: what it held, or why it could not be read.
  'diagnosis.ca-searched.count_one': '{{source}}: {{count}} certificate',
  'diagnosis.ca-searched.count_other': '{{source}}: {{count}} certificates',
  'diagnosis.ca-searched.error': '{{source}}: {{error}}',
  'diagnosis.ca-file.not-a-file': 'not a file',
  'diagnosis.ca-file.too-large': 'larger than 16 MB, skipped',
  'diagnosis.ca-file.missing': 'does not exist',
  'diagnosis.ca-file.permission-denied': 'not readable (permission denied)',
  'diagnosis.ca-file.error-code': '{{code}}',
  'diagnosis.ca-file.no-certificate': 'holds no certificate (PEM or DER)',
  'diagnosis.ca-file.unreadable': 'unreadable',
  'diagnosis.ca-file.security-failed': '`security` could not read it',
  'diagnosis.ca-file.powershell-failed': 'PowerShell could not list it',

  // The file the user named (`--ca-file`, the file picker) cannot be used.
  'diagnosis.user-ca-file.missing': '{{file}} does not exist: check the path',
  'diagnosis.user-ca-file.permission-denied': '{{file}} is not readable: check its permissions',
  'diagnosis.user-ca-file.unreadable': '{{file}} cannot be read ({{code}})',
  'diagnosis.user-ca-file.no-certificate':
    '{{file}} holds no certificate (PEM or DER): ask your IT department for the CA certificate as a .pem or .crt file',

  // The CA search on Codex's route could not read the certificate.
  'diagnosis.ca-route.not-https': '{{url}} is not https: there is no certificate to trust',
};
