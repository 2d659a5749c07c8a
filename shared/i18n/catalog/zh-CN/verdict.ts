import type { enVerdict } from '../en/verdict.ts';
import type { ZhOf } from '../types.ts';

export const zhVerdict = {
  'verdict.fix.none': '无需修复',
  'verdict.fix.unproven': '无法证明：WebSocket 需要 Codex 自己的检查来确认',
  'verdict.fix.login': '不是网络问题：Codex 的登录被拒绝',
  'verdict.fix.proxy-login-unsupported': '代理要求的登录方式 Codex 不支持',
  'verdict.fix.disable-websockets': '修复方案 1：为这个提供方关闭 WebSocket',
  'verdict.fix.use-proxy': '修复方案 2：让 Codex 使用一个可用的代理',
  'verdict.fix.enable-tun': '修复方案 3：在代理软件中开启 TUN 模式',
  'verdict.fix.repair-config': '修复 Codex 配置',
  'verdict.fix.fix-proxy': '修复 Codex 所用的代理',
  'verdict.fix.trust-ca': '让 Codex 信任公司的 CA',
  'verdict.fix.weak-ca': '无法通过设置解决：Codex 拒绝这个证书',
  'verdict.fix.no-network': '不是 WebSocket 的问题',

  'verdict.state.ok': '正常',
  'verdict.state.not-tested': '未测试',
  'verdict.state.unsupported': '能到达服务，但 Codex 的 HTTPS 客户端无法使用 SOCKS 代理',
  'verdict.state.refused': '被拒绝',
  'verdict.state.connect-denied': '被代理拒绝（CONNECT 被拒）',
  'verdict.state.stalled': '始终没有响应',
  'verdict.state.reset': '被重置',
  'verdict.state.dns-error': '失败（域名无法解析）',
  'verdict.state.tcp-refused': '失败（连接被拒绝）',
  'verdict.state.tcp-timeout': '失败（连接超时）',
  'verdict.state.proxy-unreachable': '失败（代理端口上没有程序在监听）',
  'verdict.state.proxy-protocol-mismatch': '失败（代理端口使用的是另一种协议）',
  'verdict.state.proxy-auth-required': '失败（代理要求登录，407）',
  'verdict.state.untrusted-ca': '失败（证书由本机不信任的 CA 签发）',
  'verdict.state.tls-error': '在 TLS 阶段失败',
  'verdict.state.proxy-error-page': '收到的是代理自己的错误页面',
  'verdict.state.frames-dropped': '升级被接受后，第一帧随即被丢弃',
  'verdict.state.unauthenticated': '能到达服务，服务要求提供凭据',
  'verdict.state.unproven': '收到 401/403，可能来自服务，也可能来自中间的网关（没有 Codex 的凭据就无法证明）',
  'verdict.state.login-rejected': '被拒绝（服务不接受 Codex 的凭据，401）',
  'verdict.state.error': '失败（error）',

  'verdict.route.summary': '{{route}}：HTTPS {{https}}，WebSocket {{websocket}}',
  'verdict.route.https-through-system-proxy': '{{direct}}（HTTPS 经由{{systemProxy}}）',

  'verdict.socks-warning':
    '这个端口只支持 SOCKS5。Codex 的 WebSocket 可以走它，但 Codex 的 HTTPS 客户端不支持 SOCKS：' +
    '一旦 WebSocket 回退到 HTTPS，请求就会失败。最好改用代理软件的 HTTP 端口或混合（mixed）端口。',

  'verdict.alt.tun-route-everything': '改为让所有流量都经过代理软件。',
  'verdict.alt.tun-send-all': '让所有流量都经过代理软件。',
  'verdict.alt.tun-instead-of-telling-codex': '让所有流量都经过代理软件，而不是单独给 Codex 设置代理。',
  'verdict.alt.tun-proxy-login': '开启 TUN 模式的代理软件可以替所有程序完成代理登录。',
  'verdict.alt.tun-may-carry-websocket': 'TUN 模式或许也能承载 WebSocket。',
  'verdict.alt.tun-carries-https': 'TUN 模式同样能承载 HTTPS，而且不需要设置代理。',
  'verdict.alt.disable-websockets-at-once': '不用代理也能立刻生效：Codex 只使用 HTTPS。',
  'verdict.alt.disable-websockets-if-reconnecting': '如果 Codex 确实显示 Reconnecting，这样可以让它立刻改用 HTTPS。',
  'verdict.alt.http-port-carries-https': '{{proxy}}也能承载 HTTPS。',

  'verdict.config-broken.headline': 'Codex 的配置有问题，Codex 在连接之前就会停下。',
  'verdict.config-broken.repair-first': '请先修复配置，然后重新诊断。',

  'verdict.stale-gateway.headline':
    'Codex 被指向一个没有运行的本地网关：{{setting}} = "{{url}}"（{{where}}）。Codex 会在那里一直等待网络。',
  'verdict.stale-gateway.written-by': '这一行是其他工具写入的：{{comment}}',
  'verdict.stale-gateway.remove-line':
    '重新启动那个工具，或者删除这一行（repair-config 会替你删除，并记入变更记录，可以撤销），让 Codex 直接连接 OpenAI。',
  'verdict.stale-gateway.choose-provider': '重新启动那个工具，或者改用另一个提供方（当前提供方的 base_url 指向那里）。',

  'verdict.login.headline-rejected': '服务拒绝了 Codex 的登录：这不是网络问题。',
  'verdict.login.headline-none': 'Codex 没有向这个提供方发送任何凭据，而服务要求提供凭据：这不是网络问题。',
  'verdict.login.sends': 'Codex 发送的凭据：{{credential}}。',
  'verdict.login.credential': '{{credential}}。',
  'verdict.login.retries': 'Codex 会不断重试，每次都被 401 拒绝，始终没有响应；换用哪种传输方式都无济于事。',
  'verdict.login.step.codex-login': '运行 `codex login`（使用 API 密钥或 ChatGPT 账号）。',
  'verdict.login.step.provider-credential':
    '为这个提供方配置凭据：设置 `env_key = "VARIABLE"` 并设置该变量，或者设置 `requires_openai_auth = true` 来使用 `codex login` 的登录。',
  'verdict.login.step.env-key':
    '在运行 Codex 的环境中或 $CODEX_HOME/.env 里把 {{variable}}（env_key 指定的变量）设为有效的密钥；Codex 会把它作为 bearer token 发送。',
  'verdict.login.step.chatgpt': '重新登录：先运行 `codex logout`，再运行 `codex login`（你的 ChatGPT 会话未被接受）。',
  'verdict.login.step.codex-api-key':
    'CODEX_API_KEY 中的密钥被服务拒绝：请改正它，或者删除这个变量以使用已保存的登录。',
  'verdict.login.step.login-again': '用有效的 API 密钥重新运行 `codex login`（或者用 ChatGPT 登录）。',

  'verdict.dead-system-proxy.headline':
    '系统代理不可用，而 Codex 的 HTTPS 请求会经过它（Codex 的 HTTPS 会读取操作系统的代理设置，WebSocket 则不会）。',
  'verdict.dead-system-proxy.or-use-proxy':
    '在代理软件中关闭系统代理（Clash、v2rayN 中的“系统代理”），或者启动它所属的软件；' +
    '也可以在 $CODEX_HOME/.env 中让 Codex 使用{{proxy}}，它优先于操作系统的设置。',
  'verdict.dead-system-proxy.direct-works':
    '在代理软件中关闭系统代理（Clash、v2rayN 中的“系统代理”），或者启动它所属的软件；' +
    '不用系统代理，本机也能直连到端点。',
  'verdict.dead-system-proxy.or-name-proxy':
    '在代理软件中关闭系统代理（Clash、v2rayN 中的“系统代理”），或者启动它所属的软件；' +
    '也可以在 $CODEX_HOME/.env 中指定一个可用的代理，它优先于操作系统的设置。',

  'verdict.healthy.over-socks': 'Codex 通过它的 SOCKS 代理使用 WebSocket，可以正常工作（{{route}}）。',
  'verdict.healthy.both': 'Codex 的连接正常：WebSocket 和 HTTPS 都可用（{{route}}）。',
  'verdict.healthy.https-only': 'Codex 的连接正常：这个提供方已关闭 WebSocket，HTTPS 可用（{{route}}）。',
  'verdict.healthy.service-reached':
    'WebSocket 升级请求通过 wss:// 到达了服务，证书受公共根证书信任（服务要求提供凭据，而诊断无法发送）：中间不可能有其他程序冒充服务应答。',

  'verdict.proxy-dead.other-works': 'Codex 所用的代理不可用，但{{proxy}}可用。',
  'verdict.proxy-dead.point-codex':
    '在 $CODEX_HOME/.env 中让 Codex 使用这个可用的代理，WebSocket 和 HTTPS 就都能通过。',
  'verdict.proxy-dead.direct-works': 'Codex 所用的代理不可用，而本机可以直连到端点。',
  'verdict.proxy-dead.remove':
    '从设置它的地方（进程环境变量或 $CODEX_HOME/.env）删除这个失效的代理，或者启动它所属的代理软件。',
  'verdict.proxy-dead.nothing-works': 'Codex 所用的代理不可用，也没有找到其他能到达端点的途径。',
  'verdict.proxy-dead.start-app': '启动本应在那里监听的代理软件（或改正端口），然后重新诊断。',

  'verdict.proxy-login.codex-proxy-rejected': 'Codex 所用的代理拒绝了其 URL 中的用户名和密码（407）。',
  'verdict.proxy-login.other-proxy-rejected': '{{proxy}}拒绝了其 URL 中的用户名和密码（407）。',
  'verdict.proxy-login.codex-proxy-wants': 'Codex 所用的代理要求用户名和密码（407），而 Codex 没有。',
  'verdict.proxy-login.other-proxy-wants': '{{proxy}}要求用户名和密码（407），而 Codex 没有。',
  'verdict.proxy-login.offers':
    '它支持的登录方式：{{schemes}}。Codex 登录代理只用 Basic，取自代理 URL 中的 user:password。',
  'verdict.proxy-login.give-login':
    '在修复方案 2 中填写登录信息：写入之前会先用代理验证，然后以百分号编码保存在 $CODEX_HOME/.env 中（只有你能读取）。',
  'verdict.proxy-login.password-stored':
    '密码保存在 $CODEX_HOME/.env 中，因为 Codex 需要从那里读取；诊断工具不会显示它，也不会在别处保存它。',

  'verdict.proxy-login-unsupported.headline':
    '代理要求 {{schemes}} 登录，Codex 做不到：它登录代理只支持用户名和密码（Basic）。',
  'verdict.proxy-login-unsupported.relay':
    '运行一个替你完成这种登录的本地中转程序（px（github.com/genotrance/px）或 cntlm），再让 Codex 使用它：`fix use-proxy --proxy http://127.0.0.1:3128`（中转程序的端口）。',
  'verdict.proxy-login-unsupported.tun': '或者在代理软件中开启 TUN 模式，前提是它能带着登录信息连上这个代理。',

  'verdict.unproven.headline':
    'HTTPS 正常。WebSocket 收到了要求提供凭据的 401/403，而没有 Codex 的凭据，诊断无法判断这是服务发出的，还是中间的网关发出的。',
  'verdict.unproven.no-credential': '探测没有携带凭据。Codex 的凭据：{{credential}}。',
  'verdict.unproven.confirm':
    '要确认，请运行 `codex doctor --network-only`（它的 WebSocket 检查会带上认证），或者观察 Codex 是否显示 "Reconnecting… 2/5"。',

  'verdict.websocket-blocked.proxy-carries.headline':
    'Codex 的 WebSocket 在当前路径上{{websocket}}，但{{proxy}}可以承载它。',
  'verdict.websocket-blocked.proxy-carries.retries': 'Codex 每次启动都会先把 WebSocket 重试 5 次，然后才回退到 HTTPS。',

  'verdict.websocket-blocked.headline':
    '到端点的 HTTPS 正常，但 WebSocket {{websocket}}（{{route}}）：Codex 会重试 5 次，然后才回退到 HTTPS。',
  'verdict.websocket-blocked.retries':
    'Codex 会把 WebSocket 重试 5 次，然后回退到 HTTPS；关闭 WebSocket 可以让它立刻使用 HTTPS。',

  'verdict.local-proxy-works.headline':
    'Codex 无法直连到它的端点，但{{proxy}}能同时承载 HTTPS 和 WebSocket：只是没有告诉 Codex 去用它。',
  'verdict.local-proxy-works.never-answers':
    '没有设置代理时，Codex 会一直显示 "Reconnecting… waiting for network"，始终没有响应。',

  'verdict.only-socks.headline': '只有{{proxy}}能到达端点，而且只能用于 WebSocket。',

  'verdict.weak-ca.headline-found':
    'Codex 的连接被拦截，使用的是“{{subject}}”签发的证书；即使让 Codex 信任它，Codex 的 TLS 库也会拒绝：任何设置都无法解决。',
  'verdict.weak-ca.headline':
    'Codex 的连接被拦截，使用的证书无论提供哪个 CA，Codex 的 TLS 库都会拒绝：任何设置都无法解决。',
  'verdict.weak-ca.rustls':
    'Codex 使用 rustls，它拒绝 SHA-1 签名、小于 2048 位的 RSA 密钥以及不在有效期内的证书（openai/codex #24167）；SSL_CERT_FILE 和操作系统的信任存储都改变不了这一点。',
  'verdict.weak-ca.ask-it':
    '请 IT 部门重新签发用于 HTTPS 检查的 CA（SHA-256、RSA 2048 位以上或 ECDSA、有效的日期），或者让 OpenAI 的端点免于 TLS 解密。',

  'verdict.untrusted-ca.headline-found':
    '不是 WebSocket 的问题：Codex 的连接被拦截，使用的是“{{subject}}”签发的证书，Codex 不信任这个 CA，而本机上有它（{{foundIn}}）。',
  'verdict.untrusted-ca.found':
    '找到了 CA“{{subject}}”（SHA-256 {{fingerprint}}，有效期至 {{validUntil}}），位于：{{foundIn}}；服务出示的证书链可以用它验证通过。',
  'verdict.untrusted-ca.check-it':
    '请确认这是公司的 CA（IT 部门可以核对指纹）：trust-ca 会在 $CODEX_HOME 下写入一个 PEM 证书包（公共根证书加上这个 CA），并在 $CODEX_HOME/.env 中把 SSL_CERT_FILE 指向它。',
  'verdict.untrusted-ca.headline':
    '不是 WebSocket 的问题：连接被拦截，使用的证书本机不信任（来自做 TLS 解密的代理或私有 CA）。',
  'verdict.untrusted-ca.not-found': '没有找到名为“{{issuer}}”且能验证所出示证书链的 CA（已查找：{{searched}}）。',
  'verdict.untrusted-ca.not-found-nothing-readable':
    '没有找到名为“{{issuer}}”且能验证所出示证书链的 CA（已查找：没有可读取的来源）。',
  'verdict.untrusted-ca.ask-it':
    '向 IT 部门索取 CA 证书（PEM 或 CRT），然后运行 `fix trust-ca --ca-file PATH`：写入之前会先用 Codex 收到的证书核对这个文件。',

  'verdict.no-usable-port.headline': 'Codex 无法到达它的端点，代理软件也没有哪个端口能承载这个连接。',
  'verdict.no-usable-port.tun': 'TUN 模式会让所有连接都经过代理软件，Codex 就不需要设置代理了。',
  'verdict.no-usable-port.tun-warning': 'TUN 模式会改变整个系统的网络（公司网络、本地服务、VPN）。',

  'verdict.no-network.headline': '不是 WebSocket 的问题：本机完全无法到达端点，无论是直连还是经过找到的任何代理。',
  'verdict.no-network.tun-on': 'TUN 模式已开启，但什么都连不上：请检查代理软件的节点和规则。',
  'verdict.no-network.check': '请检查网络连接、VPN 或代理软件，然后重新诊断。',

  'verdict.doctor.decides':
    'Codex 自己的诊断（带认证）：“{{summary}}”。没有 Codex 的凭据，探测无法证明 WebSocket 可用；以 Codex 自己的检查为准。',
  'verdict.doctor.handshake-only':
    'Codex 自己的诊断（带认证）：“{{summary}}”。它只检查握手，而握手在这里同样成功；问题在于握手之后的第一帧被丢弃，这正是 Codex 不断重连的原因。',
  'verdict.doctor.probes-disagree':
    'Codex 自己的诊断（带认证）：“{{summary}}”。探测使用同样的凭据完成了握手和一次帧往返；Codex 的检查可能走了另一条路径，或者超时了。',
  'verdict.doctor.taken-as-truth':
    'Codex 自己的诊断（带认证）：“{{summary}}”。探测看到升级请求{{websocket}}；以 Codex 自己带认证的检查为准，因为它使用的是 Codex 自己的网络栈。',
} satisfies ZhOf<typeof enVerdict>;
