// The verdict (shared/recommend.ts): the headline, reasons, warnings and alternatives of each
// rule of docs/recommendation-rules.md, what a route achieved, and the fix titles.
// Keys start with `verdict.`.
export const enVerdict = {
  // The title of each verdict (FixKind).
  'verdict.fix.none': 'No fix needed',
  'verdict.fix.unproven': "Not proven: the WebSocket needs Codex's own check",
  'verdict.fix.login': "Not a network problem: Codex's login is rejected",
  'verdict.fix.proxy-login-unsupported': 'Your proxy wants a login Codex cannot do',
  'verdict.fix.disable-websockets': 'Fix #1 — turn off WebSockets for this provider',
  'verdict.fix.use-proxy': 'Fix #2 — point Codex at a working proxy',
  'verdict.fix.enable-tun': 'Fix #3 — turn on TUN mode in your proxy app',
  'verdict.fix.repair-config': 'Repair the Codex configuration',
  'verdict.fix.fix-proxy': 'Fix the proxy Codex is told to use',
  'verdict.fix.trust-ca': "Trust your company's CA for Codex",
  'verdict.fix.weak-ca': 'Not fixable by a setting: Codex refuses this certificate',
  'verdict.fix.no-network': 'Not a WebSocket problem',

  // What one step (HTTPS, WebSocket) did on a route: the predicate of "HTTPS …", "the WebSocket …".
  'verdict.state.ok': 'works',
  'verdict.state.not-tested': 'was not tested',
  'verdict.state.unsupported': "reaches the service, but Codex's HTTPS client cannot use a SOCKS proxy",
  'verdict.state.refused': 'is refused',
  'verdict.state.connect-denied': 'is denied by the proxy (CONNECT refused)',
  'verdict.state.stalled': 'is never answered',
  'verdict.state.reset': 'is reset',
  'verdict.state.dns-error': 'fails: the name does not resolve',
  'verdict.state.tcp-refused': 'fails: the connection is refused',
  'verdict.state.tcp-timeout': 'fails: the connection times out',
  'verdict.state.proxy-unreachable': 'fails: nothing listens on the proxy port',
  'verdict.state.proxy-protocol-mismatch': 'fails: the proxy port speaks another protocol',
  'verdict.state.proxy-auth-required': 'fails: the proxy wants a login (407)',
  'verdict.state.untrusted-ca': 'fails: the certificate is signed by a CA this machine does not trust',
  'verdict.state.tls-error': 'fails during TLS',
  'verdict.state.proxy-error-page': "gets the proxy's own error page",
  'verdict.state.frames-dropped': 'is accepted, then its first frame is dropped',
  'verdict.state.unauthenticated': 'reaches the service, which asks for credentials',
  'verdict.state.unproven':
    "gets a 401/403 that may come from the service or from a gateway in between: not proven without Codex's credential",
  'verdict.state.login-rejected': "is rejected: the service does not accept Codex's credential (401)",
  'verdict.state.error': 'fails (error)',

  // A route.
  'verdict.route.summary': '{{route}}: HTTPS {{https}}, WebSocket {{websocket}}',
  'verdict.route.https-through-system-proxy': '{{direct}} (HTTPS through the {{systemProxy}})',
  /** `a; b; c`: the sources the CA search read (built pairwise). */

  'verdict.socks-warning':
    'This port speaks only SOCKS5. Codex uses it for the WebSocket, but its HTTPS client cannot use SOCKS: ' +
    'if the WebSocket ever falls back to HTTPS, requests will fail. An HTTP or mixed port of your proxy app is better.',

  // Alternatives.
  'verdict.alt.tun-route-everything': 'Route everything through your proxy app instead.',
  'verdict.alt.tun-send-all': 'Send all traffic through your proxy app.',
  'verdict.alt.tun-instead-of-telling-codex': 'Send all traffic through your proxy app instead of telling Codex.',
  'verdict.alt.tun-proxy-login': 'A proxy app in TUN mode can do the login for every program.',
  'verdict.alt.tun-may-carry-websocket': 'TUN mode may carry the WebSocket as well.',
  'verdict.alt.tun-carries-https': 'TUN mode carries HTTPS as well, without a proxy setting.',
  'verdict.alt.disable-websockets-at-once': 'Works at once without a proxy: Codex uses HTTPS only.',
  'verdict.alt.disable-websockets-if-reconnecting': 'If Codex does show Reconnecting, this makes it use HTTPS at once.',
  'verdict.alt.http-port-carries-https': '{{proxy}} carries HTTPS as well.',

  // R1-config-broken
  'verdict.config-broken.headline': 'Your Codex configuration has a problem that stops Codex before it connects.',
  'verdict.config-broken.repair-first': 'Repair the configuration first; then run the diagnosis again.',

  // R1b-stale-local-gateway
  'verdict.stale-gateway.headline':
    'Codex is sent to a local gateway that is not running: {{setting}} = "{{url}}" ({{where}}). Codex waits for the network forever there.',
  'verdict.stale-gateway.written-by': 'The line was written by another tool: {{comment}}',
  'verdict.stale-gateway.remove-line':
    'Start that tool again, or remove the line (repair-config does it, journaled and revertible) so Codex talks to OpenAI directly.',
  'verdict.stale-gateway.choose-provider':
    'Start that tool again, or choose another provider than the one whose base_url points there.',

  // R1c-login-rejected
  'verdict.login.headline-rejected': "Codex's login is rejected by the service: this is not a network problem.",
  'verdict.login.headline-none':
    'Codex sends no credential to this provider, and the service asks for one: this is not a network problem.',
  'verdict.login.sends': 'Codex sends {{credential}}.',
  'verdict.login.credential': '{{credential}}.',
  'verdict.login.retries':
    'Codex retries, is refused with 401 every time and never answers; no transport change helps.',
  'verdict.login.step.codex-login': 'Run `codex login` (with an API key or your ChatGPT account).',
  'verdict.login.step.provider-credential':
    'Give the provider a credential: `env_key = "VARIABLE"` with that variable set, or `requires_openai_auth = true` to use your `codex login`.',
  'verdict.login.step.env-key':
    'Set {{variable}} (named by env_key) to a valid key where you run Codex, or in $CODEX_HOME/.env; Codex sends it as a bearer token.',
  'verdict.login.step.chatgpt':
    'Sign in again: run `codex logout`, then `codex login` (your ChatGPT session was not accepted).',
  'verdict.login.step.codex-api-key':
    'CODEX_API_KEY holds a key the service rejects: correct it, or unset it to use your saved login.',
  'verdict.login.step.login-again': 'Run `codex login` again with a valid API key (or sign in with ChatGPT).',

  // R1d-dead-system-proxy
  'verdict.dead-system-proxy.headline':
    "The system proxy does not work, and Codex's HTTPS requests go through it (Codex reads the OS proxy setting for HTTPS, not for its WebSocket).",
  'verdict.dead-system-proxy.or-use-proxy':
    'Turn the system proxy off in your proxy app (Clash, v2rayN: "System Proxy") or start the app it belongs to; ' +
    'or point Codex at {{proxy}} in $CODEX_HOME/.env, which takes precedence over the OS setting.',
  'verdict.dead-system-proxy.direct-works':
    'Turn the system proxy off in your proxy app (Clash, v2rayN: "System Proxy") or start the app it belongs to; ' +
    'this machine reaches the endpoint directly without it.',
  'verdict.dead-system-proxy.or-name-proxy':
    'Turn the system proxy off in your proxy app (Clash, v2rayN: "System Proxy") or start the app it belongs to; ' +
    'or name a working proxy in $CODEX_HOME/.env, which takes precedence over the OS setting.',

  // R2-healthy
  'verdict.healthy.over-socks': 'Codex works through its SOCKS proxy over the WebSocket ({{route}}).',
  'verdict.healthy.both': "Codex's connection is healthy: the WebSocket and HTTPS both work ({{route}}).",
  'verdict.healthy.https-only':
    "Codex's connection is healthy: WebSockets are off for this provider and HTTPS works ({{route}}).",
  'verdict.healthy.service-reached':
    'The WebSocket upgrade reached the service over wss:// with a publicly trusted certificate (it asked for credentials the doctor could not send): nothing in between could have answered for it.',

  // R3, R4, R5: the proxy Codex is told to use is dead.
  'verdict.proxy-dead.other-works': 'The proxy Codex is told to use does not work, but {{proxy}} does.',
  'verdict.proxy-dead.point-codex':
    'Pointing Codex at the working proxy in $CODEX_HOME/.env lets both the WebSocket and HTTPS through.',
  'verdict.proxy-dead.direct-works':
    'The proxy Codex is told to use does not work, and this machine reaches the endpoint directly.',
  'verdict.proxy-dead.remove':
    'Remove the dead proxy from where it is set (the process environment or $CODEX_HOME/.env), or start the proxy app it belongs to.',
  'verdict.proxy-dead.nothing-works':
    'The proxy Codex is told to use does not work, and no other way to the endpoint was found.',
  'verdict.proxy-dead.start-app':
    'Start the proxy app that should listen there (or correct the port), then run the diagnosis again.',

  // R4b-proxy-wants-login
  'verdict.proxy-login.codex-proxy-rejected':
    'The proxy Codex is told to use refuses the user name and password in its URL (407).',
  'verdict.proxy-login.other-proxy-rejected':
    'The proxy {{proxy}} refuses the user name and password in its URL (407).',
  'verdict.proxy-login.codex-proxy-wants':
    'The proxy Codex is told to use wants a user name and password (407), and Codex has none for it.',
  'verdict.proxy-login.other-proxy-wants':
    'The proxy {{proxy}} wants a user name and password (407), and Codex has none for it.',
  'verdict.proxy-login.offers':
    'It offers: {{schemes}}. Codex logs in to a proxy with Basic, from the user:password in the proxy URL.',
  'verdict.proxy-login.give-login':
    'Give the login to Fix #2: it is checked against the proxy before anything is written, and saved percent-encoded in $CODEX_HOME/.env (readable by you alone).',
  'verdict.proxy-login.password-stored':
    'The password is stored in $CODEX_HOME/.env, as Codex needs it there; the doctor never shows or keeps it elsewhere.',

  // R4c-proxy-login-codex-cannot-do
  'verdict.proxy-login-unsupported.headline':
    'The proxy wants a {{schemes}} login, which Codex cannot do: it logs in to proxies only with a user name and password (Basic).',
  'verdict.proxy-login-unsupported.relay':
    "Run a local relay that does this login for you — px (github.com/genotrance/px) or cntlm — and point Codex at it: `fix use-proxy --proxy http://127.0.0.1:3128` (the relay's port).",
  'verdict.proxy-login-unsupported.tun':
    'Or turn on TUN mode in your proxy app, if it can reach this proxy with the login.',

  // R5b-websocket-unproven
  'verdict.unproven.headline':
    "HTTPS works. The WebSocket got a 401/403 that asks for credentials, and without Codex's credential the doctor cannot tell whether the service or a gateway in between sent it.",
  'verdict.unproven.no-credential': "The probes went without a credential: Codex's is {{credential}}.",
  'verdict.unproven.confirm':
    'To confirm, run `codex doctor --network-only` (it authenticates its WebSocket check), or watch whether Codex prints "Reconnecting… 2/5".',

  // R6-https-works-websocket-blocked-proxy-carries-both
  'verdict.websocket-blocked.proxy-carries.headline':
    "Codex's WebSocket {{websocket}} on its current path, but {{proxy}} carries it.",
  'verdict.websocket-blocked.proxy-carries.retries':
    'Codex would retry the WebSocket five times on every start before falling back to HTTPS.',

  // R7-https-works-websocket-blocked
  'verdict.websocket-blocked.headline':
    'HTTPS to the endpoint works, but the WebSocket {{websocket}} ({{route}}): Codex retries it five times before it falls back to HTTPS.',
  'verdict.websocket-blocked.retries':
    'Codex retries the WebSocket five times, then falls back to HTTPS; turning WebSockets off makes it use HTTPS at once.',

  // R8-only-a-local-proxy-works
  'verdict.local-proxy-works.headline':
    'Codex cannot reach its endpoint directly, but {{proxy}} carries both HTTPS and the WebSocket: Codex is just not told to use it.',
  'verdict.local-proxy-works.never-answers':
    'Without a proxy setting Codex keeps "Reconnecting… waiting for network" and never answers.',

  // R9-only-socks-carries-websocket
  'verdict.only-socks.headline': 'Only {{proxy}} reaches the endpoint, and only for the WebSocket.',

  // R10a-certificate-codex-refuses
  'verdict.weak-ca.headline-found':
    'Codex\'s connection is intercepted with certificates from "{{subject}}", which Codex\'s TLS library refuses even when told to trust it: no setting fixes this.',
  'verdict.weak-ca.headline':
    "Codex's connection is intercepted with a certificate Codex's TLS library refuses whatever CA it is given: no setting fixes this.",
  'verdict.weak-ca.rustls':
    'Codex uses rustls, which refuses SHA-1 signatures, RSA keys under 2048 bits and certificates outside their validity (openai/codex #24167); SSL_CERT_FILE or the OS trust store cannot change that.',
  'verdict.weak-ca.ask-it':
    'Ask your IT department to re-issue the inspection CA (SHA-256, RSA 2048+ or ECDSA, valid dates), or to exempt the OpenAI endpoints from TLS inspection.',

  // R10-untrusted-certificate
  'verdict.untrusted-ca.headline-found':
    'Not a WebSocket problem: Codex\'s connection is intercepted with certificates from "{{subject}}", a CA Codex does not trust — and this machine has it ({{foundIn}}).',
  'verdict.untrusted-ca.found':
    'The CA "{{subject}}" (SHA-256 {{fingerprint}}, valid until {{validUntil}}) was found in {{foundIn}}, and the presented chain verifies with it.',
  'verdict.untrusted-ca.check-it':
    "Check that it is your company's CA (IT can confirm the fingerprint): trust-ca writes a PEM bundle (the public roots plus this CA) under $CODEX_HOME and sets SSL_CERT_FILE to it in $CODEX_HOME/.env.",
  'verdict.untrusted-ca.headline':
    'Not a WebSocket problem: the connection is intercepted with a certificate this machine does not trust (a TLS-inspecting proxy or private CA).',
  'verdict.untrusted-ca.not-found':
    'No CA named "{{issuer}}" that verifies the presented chain was found (searched: {{searched}}).',
  'verdict.untrusted-ca.not-found-nothing-readable':
    'No CA named "{{issuer}}" that verifies the presented chain was found (searched: nothing readable).',
  'verdict.untrusted-ca.ask-it':
    'Ask your IT department for the CA certificate (PEM or CRT), then run `fix trust-ca --ca-file PATH`: the file is checked against the certificate Codex is shown before anything is written.',

  // R11-proxy-app-without-usable-port
  'verdict.no-usable-port.headline':
    'Codex cannot reach its endpoint, and no proxy port of your proxy app could carry it.',
  'verdict.no-usable-port.tun':
    'TUN mode routes every connection through the proxy app, so Codex needs no proxy setting.',
  'verdict.no-usable-port.tun-warning':
    "TUN mode changes the whole system's networking (corporate networks, local services, VPNs).",

  // R12-no-network
  'verdict.no-network.headline':
    'Not a WebSocket problem: this machine cannot reach the endpoint at all, directly or through any proxy found.',
  'verdict.no-network.tun-on': "TUN mode is on, yet nothing gets through: check the proxy app's node and rules.",
  'verdict.no-network.check': 'Check the network connection, VPN or proxy app, then run the diagnosis again.',

  // Codex's own doctor (`codex doctor --network-only`) against the probes.
  'verdict.doctor.decides':
    "Codex's own doctor (authenticated): \"{{summary}}\". Without Codex's credential the probes could not prove the WebSocket; Codex's own check decides.",
  'verdict.doctor.handshake-only':
    'Codex\'s own doctor (authenticated): "{{summary}}". It checks only the handshake, which passes here too; the first frame after it is dropped, which is what makes Codex reconnect.',
  'verdict.doctor.probes-disagree':
    'Codex\'s own doctor (authenticated): "{{summary}}". The probes, with the same credential, completed the handshake and a frame round trip; Codex\'s check may have taken another route or timed out.',
  'verdict.doctor.taken-as-truth':
    "Codex's own doctor (authenticated): \"{{summary}}\". The probes saw the upgrade {{websocket}}; Codex's own authenticated check is taken as the truth, as it runs Codex's own network stack.",
};
