// The network probes (electron/core/probes/): one line per step (ProbeResult.detail), what a proxy
// port speaks, and why an answer looks like a proxy's own page.
// Keys start with `probes.`.
export const enProbes = {
  // An error text shown as it is (the operating system's or a library's).
  'probes.cancelled': 'cancelled',
  'probes.route.direct': 'direct',

  // Names and addresses.
  'probes.dns.is-address': '{{host}} is an address: no lookup',
  'probes.dns.no-resolve': '{{host}} does not resolve ({{code}})',
  'probes.dns.no-resolve-server-answered':
    '{{host}} does not resolve ({{code}}) (the DNS server answered {{addresses}}, but the system resolver did not)',
  'probes.dns.no-addresses': 'no addresses',
  'probes.dns.resolved': '{{host}} → {{addresses}}',
  'probes.dns.resolved-fake-ip': "{{host}} → {{addresses}}; {{fakeIp}} is a fake-ip answer (a TUN proxy's DNS)",
  'probes.dns.proxy-name': "the proxy's name {{host}} does not resolve ({{code}})",

  // The TCP connection.
  'probes.tcp.proxy': 'proxy {{address}}',
  'probes.tcp.proxy-unreachable': 'cannot connect to the {{who}}: {{why}}',
  'probes.tcp.nothing-listens': 'nothing listens there',
  'probes.tcp.no-answer-in': 'no answer in {{ms}} ms',
  'probes.tcp.refused': '{{who}} refused the connection',
  'probes.tcp.timeout': 'no answer from {{who}} in {{ms}} ms',
  'probes.tcp.unreachable': '{{who}} is unreachable ({{code}})',
  'probes.tcp.reset': '{{who}} reset the connection',
  'probes.tcp.failed': 'cannot connect to {{who}} ({{code}})',

  // Tunnels.
  'probes.tunnel.direct': 'connected to {{target}} ({{address}})',
  'probes.tunnel.http-connect': 'tunnel to {{target}} through {{proxy}}: {{status}}',
  'probes.tunnel.socks5': 'SOCKS5 tunnel to {{target}} through {{proxy}}',
  'probes.tunnel.forward': 'connected to the proxy {{proxy}}',
  'probes.connect.login-rejected': 'the proxy rejected the login in the proxy URL: {{status}}{{headers}}',
  'probes.connect.login-wanted': 'the proxy wants a login and the proxy URL carries none: {{status}}{{headers}}',
  'probes.connect.denied': 'the proxy refused the tunnel: {{status}}{{headers}}',
  'probes.connect.not-http': 'the proxy answered CONNECT with something that is not an HTTP status line',

  // SOCKS5.
  'probes.socks.reply': 'the SOCKS5 proxy answered 0x{{code}}: {{meaning}}',
  'probes.socks.reply-01': 'general SOCKS server failure',
  'probes.socks.reply-02': 'connection not allowed by the proxy’s rules',
  'probes.socks.reply-03': 'network unreachable from the proxy',
  'probes.socks.reply-04': 'host unreachable from the proxy',
  'probes.socks.reply-05': 'connection refused at the far end',
  'probes.socks.reply-06': 'TTL expired',
  'probes.socks.reply-07': 'command not supported',
  'probes.socks.reply-08': 'address type not supported',
  'probes.socks.reply-unknown': 'unknown reply code 0x{{code}}',
  'probes.socks.name-too-long': 'host name too long for SOCKS5',
  'probes.socks.no-local-resolve':
    '{{host}} does not resolve here ({{code}}); socks5:// resolves names locally, socks5h:// would let the proxy do it',
  'probes.socks.not-socks': 'the port does not speak SOCKS5: it answered {{bytes}}',
  'probes.socks.no-method': 'the SOCKS5 proxy accepts none of the offered login methods',
  'probes.socks.login-wanted': 'the SOCKS5 proxy wants a login and the proxy URL carries none',
  'probes.socks.login-rejected': 'the SOCKS5 proxy rejected the login in the proxy URL',
  'probes.socks.unknown-method': 'the SOCKS5 proxy chose an unknown method 0x{{method}}',
  'probes.socks.unknown-address-type': 'the SOCKS5 reply has an unknown address type 0x{{type}}',
  'probes.socks.waiting-greeting': 'the answer to the SOCKS5 greeting',
  'probes.socks.waiting-login': 'the answer to the SOCKS5 login',
  'probes.socks.waiting-connect': 'the SOCKS5 answer to CONNECT {{target}}',

  // URLs.
  'probes.url.not-proxy-url': 'not a proxy URL: {{url}}',
  'probes.url.proxy-scheme':
    'Codex does not accept {{scheme}}:// proxy URLs (only http://, socks5://, socks5h://): {{url}}',
  'probes.url.proxy-no-host': 'the proxy URL names no host: {{url}}',
  'probes.url.not-url': 'not a URL: {{url}}',
  'probes.url.scheme': 'unsupported scheme {{scheme}}',

  // Waiting for a handshake answer: what was awaited, and what came instead.
  'probes.handshake.not-http': '{{what}} is not HTTP: it began {{bytes}}',
  'probes.handshake.not-http-socks': '{{what}} is not HTTP: it began {{bytes}} (a SOCKS5 reply)',
  'probes.handshake.http-not-socks': '{{what}}: the port answered HTTP, not SOCKS5 ({{bytes}})',
  'probes.handshake.stalled': '{{what}} did not come within {{ms}} ms',
  'probes.handshake.stalled-partial_one': '{{what}} did not come within {{ms}} ms ({{count}} byte of a partial answer)',
  'probes.handshake.stalled-partial_other':
    '{{what}} did not come within {{ms}} ms ({{count}} bytes of a partial answer)',
  'probes.handshake.reset-before': 'the connection was reset before {{what}} came',
  'probes.handshake.closed-before': 'the connection was closed before {{what}} came',
  'probes.handshake.closed-during': 'the connection was closed in the middle of {{what}}',
  'probes.handshake.head-too-long': '{{what}}: no end of the HTTP head within {{bytes}} bytes',
  'probes.handshake.other': '{{what}}: {{error}}',
  'probes.connect.waiting': "the proxy's answer to CONNECT {{target}}",

  // TLS.
  'probes.tls.stalled': 'the TLS handshake with {{host}} got no answer within {{ms}} ms',
  'probes.tls.reset': 'the connection was closed during the TLS handshake with {{host}}',
  'probes.tls.failed': 'TLS handshake with {{host}} failed: {{error}}',
  'probes.tls.untrusted-ca':
    'the certificate of {{host}} is signed by a CA this machine does not trust ({{error}}; chain: {{chain}}) — a TLS-inspecting proxy or a private CA',
  'probes.tls.invalid': 'the certificate of {{host}} is not valid: {{error}} (chain: {{chain}})',
  'probes.tls.unverified': 'unverified',
  'probes.tls.ok': '{{protocol}}, chain {{chain}}',

  // The HTTPS request.
  'probes.https.waiting': 'the HTTP answer from {{host}}',
  'probes.https.proxy-login': 'the proxy wants a login: {{status}}',
  'probes.https.proxy-page':
    "the answer is a proxy's or firewall's own page, not the service's: {{status}} ({{fingerprint}})",
  'probes.login-rejected': "the service rejected Codex's credential: {{status}}",
  'probes.https.unexpected': 'unexpected answer {{status}}',
  'probes.https.no-status-line': 'the answer has no HTTP status line',
  'probes.https.socks-note':
    "Codex's HTTP client cannot use a SOCKS proxy: this shows the service is reachable through it, not that Codex's HTTPS requests will be",
  'probes.https.answers': '{{scheme}} {{status}} from {{host}}: the service answers',
  'probes.https.answers-through': '{{scheme}} {{status}} from {{host}} through {{route}}: the service answers',

  // Why an answer is a proxy's or firewall's own page.
  'probes.fingerprint.407': '407 from the proxy',
  'probes.fingerprint.407-authenticate': '407 from the proxy (Proxy-Authenticate: {{value}})',
  'probes.fingerprint.header': '{{name}}: {{value}}',
  'probes.fingerprint.via': "{{status}} with Via: {{value}} and none of the service's headers",
  'probes.fingerprint.server': '{{status}} from Server: {{value}}',
  'probes.fingerprint.x-cache': '{{status}} with X-Cache: {{value}}',

  // The WebSocket upgrade and its first frames.
  'probes.ws.waiting': 'the answer to the WebSocket upgrade of {{url}}',
  'probes.ws.bad-accept': '101 Switching Protocols, but with a wrong Sec-WebSocket-Accept or Upgrade header',
  'probes.ws.unauthenticated':
    'the upgrade reached the service, which wants credentials the probe could not send: {{status}}',
  'probes.ws.refused-by-server': 'the upgrade was refused by the server: {{status}}',
  'probes.ws.refused-by-proxy': 'the upgrade was refused by the proxy: {{status}} ({{fingerprint}})',
  'probes.ws.no-status-line': 'the answer to the upgrade has no HTTP status line',
  'probes.ws.ok': '101 Switching Protocols from {{url}}; a ping got its pong in {{ms}} ms',
  'probes.ws.ok-authenticated':
    '101 Switching Protocols from {{url}}, authenticated as Codex would be; a ping got its pong in {{ms}} ms',
  'probes.ws.ok-through': '101 Switching Protocols from {{url}} through {{route}}; a ping got its pong in {{ms}} ms',
  'probes.ws.ok-through-authenticated':
    '101 Switching Protocols from {{url}} through {{route}}, authenticated as Codex would be; a ping got its pong in {{ms}} ms',
  'probes.ws.frame-too-large': 'a WebSocket frame of {{bytes}} bytes arrived before the pong',
  'probes.ws.closed-at-first-frame':
    'the upgrade was accepted, then the server closed the WebSocket at the first frame',
  'probes.ws.closed-at-first-frame-code':
    'the upgrade was accepted, then the server closed the WebSocket at the first frame (close code {{code}})',
  'probes.ws.ping-stalled': 'the upgrade was accepted, but a ping got no answer within {{ms}} ms: frames do not pass',
  'probes.ws.frames-reset':
    'the upgrade was accepted, then the connection was reset at the first frame: frames do not pass',
  'probes.ws.frames-closed':
    'the upgrade was accepted, then the connection was closed at the first frame: frames do not pass',

  // What a local proxy port speaks.
  'probes.sniff.closed': 'nothing listens on {{where}}',
  'probes.sniff.speaks': '{{where}} speaks {{speaks}}: SOCKS test: {{socks}}; HTTP test: {{http}}',
  'probes.sniff.speaks-cancelled':
    '{{where}} speaks {{speaks}}: SOCKS test: {{socks}}; HTTP test: {{http}} (cancelled)',
  'probes.sniff.socks5-no-login': 'SOCKS5 (no login)',
  'probes.sniff.socks5-login': 'SOCKS5 (username/password login)',
  'probes.sniff.socks5-no-method': 'SOCKS5 (no acceptable method)',
  'probes.sniff.http-to-socks': 'HTTP answer to a SOCKS greeting: {{bytes}}',
  'probes.sniff.socks-other': 'SOCKS5 greeting answered with {{bytes}}',
  'probes.sniff.http': 'HTTP ({{status}})',
  'probes.sniff.http-server': 'HTTP ({{status}}, Server: {{server}})',
  'probes.sniff.socks-to-http': 'SOCKS5-looking answer to HTTP: {{bytes}}',
  'probes.sniff.http-other': 'HTTP request answered with {{bytes}}',
  'probes.sniff.socks-no-answer': 'no answer to the SOCKS5 greeting',
  'probes.sniff.http-no-answer': 'no answer to the HTTP request',
  'probes.sniff.socks-closed': 'closed without answering the SOCKS5 greeting',
  'probes.sniff.http-closed': 'closed without answering the HTTP request',
};
