import type { enDiagnosis } from '../en/diagnosis.ts';
import type { ZhOf } from '../types.ts';

export const zhDiagnosis = {
  'diagnosis.route.direct': '直连',
  'diagnosis.route.configured-proxy': '环境变量 {{variable}}（{{url}}）',
  'diagnosis.route.configured-proxy-dotenv': '$CODEX_HOME/.env 中的 {{variable}}（{{url}}）',
  'diagnosis.route.local-proxy': '代理 {{url}}（{{speaks}}）',
  'diagnosis.route.local-proxy-apps': '代理 {{url}}（{{speaks}}，{{apps}}）',
  'diagnosis.route.system-proxy': '系统代理 {{url}}',
  'diagnosis.route.os-proxy-windows': '系统代理 {{url}}（Windows Internet 设置），Codex 的 HTTPS 请求会走它',
  'diagnosis.route.os-proxy-macos': '系统代理 {{url}}（macOS 网络设置），Codex 的 HTTPS 请求会走它',

  'diagnosis.check.setup': 'Codex 配置（CODEX_HOME、config.toml、.env、登录）',
  'diagnosis.check.setup.detail': '提供方 {{provider}} → {{url}}，{{websockets}}；{{credential}}',
  'diagnosis.check.setup.built-in': '{{id}}（内置）',
  'diagnosis.check.setup.websockets-on': 'WebSocket 已开启',
  'diagnosis.check.setup.websockets-off': 'WebSocket 已关闭',
  'diagnosis.check.setup.authenticated': '探测请求使用 {{source}} 认证',
  'diagnosis.check.setup.anonymous': '探测请求不带凭据：{{source}}',
  'diagnosis.check.setup.no-provider': '配置中没有可用的提供方',
  'diagnosis.check.history': 'Codex 自己的连接记录（logs_2.sqlite）',
  'diagnosis.check.history.clean': '最近 7 天没有重试、回退或 401 的记录',
  'diagnosis.check.route': '访问端点：{{route}}',
  'diagnosis.check.route.steps': '{{steps}}',
  'diagnosis.check.route.steps-websockets-off': '{{steps}}（该提供方关闭了 WebSocket：Codex 不会用到它）',
  'diagnosis.check.route.step-ok': '{{phase}} 正常',
  'diagnosis.check.route.step-failed': '{{phase}} 失败（{{failure}}）',
  'diagnosis.check.route.step-failed-unknown': '{{phase}} 失败',
  'diagnosis.check.environment': '本机上的代理（系统代理、代理软件、TUN）',
  'diagnosis.check.codex-doctor': 'codex doctor --network-only（{{install}}）',
  'diagnosis.check.codex-doctor.output': '{{output}}',
  'diagnosis.check.codex-doctor.problem-and-output': '{{problem}}；{{output}}',
  'diagnosis.check.codex-doctor.late': '结论出来时仍在运行（遇到无响应的 WebSocket，Codex 会等 15 秒）',
  'diagnosis.check.ca-search': '不受信任的证书背后的 CA（你的 CA 文件、各工具的设置、系统信任库）',
  'diagnosis.check.ca-search.found': '在 {{sources}} 中找到“{{name}}”，它能验证服务器出示的证书链',
  'diagnosis.check.ca-search.not-found': '没有找到名为“{{name}}”且能验证该证书链的 CA',

  'diagnosis.phase.dns': 'DNS 解析',
  'diagnosis.phase.tcp': '连接',
  'diagnosis.phase.tls': 'TLS 握手',
  'diagnosis.phase.https': 'HTTPS 请求',
  'diagnosis.phase.websocket': 'WebSocket 握手',
  'diagnosis.phase.proxy-sniff': '代理端口检查',

  'diagnosis.evidence.ok': '✓ {{phase}}（{{route}}）：{{detail}}（{{ms, duration}}）',
  'diagnosis.evidence.failed': '✗ {{phase}}（{{route}}）：{{detail}}（{{ms, duration}}）',
  'diagnosis.probe.works': '{{phase}}正常（{{route}}）：{{detail}}',
  'diagnosis.probe.fails': '{{phase}}失败（{{route}}）：{{detail}}',
  'diagnosis.probe.fails-websockets-off':
    '{{phase}}失败（{{route}}）：{{detail}}。这不是问题：该提供方关闭了 WebSocket，Codex 使用 HTTPS',

  'diagnosis.config-problem.at': '{{location}}：{{problem}}',

  'diagnosis.environment.ports': '代理端口：{{ports}}',
  'diagnosis.environment.port': '{{port}}（{{speaks}}）',
  'diagnosis.environment.no-ports': '本机没有在监听的代理端口',
  'diagnosis.environment.apps': '代理软件：{{apps}}',
  'diagnosis.environment.system-proxy': '系统代理 {{address}}',
  'diagnosis.environment.tun-on': 'TUN 模式已开启',
  'diagnosis.environment.tun-off': 'TUN 模式未开启',
  'diagnosis.environment.local-proxy': '{{host}}:{{port}} 上有代理在监听，协议为 {{speaks}}。',
  'diagnosis.environment.local-proxy-apps': '{{host}}:{{port}} 上有代理在监听，协议为 {{speaks}}（通常是 {{apps}}）。',
  'diagnosis.environment.found-by': '发现途径：{{sources}}',
  'diagnosis.environment.system-proxy-on':
    '系统代理已开启；Codex 不读取系统代理，只读取 HTTPS_PROXY/HTTP_PROXY/ALL_PROXY。',
  'diagnosis.environment.system-proxy-settings': '{{source}}：{{entries}}',
  'diagnosis.environment.tun-active': 'TUN 模式已开启。',
  'diagnosis.environment.clash-api-tun': '{{controller}} 上的 Clash API 报告 tun.enable = true',

  'diagnosis.history.cause': '{{n}} × {{cause}}',
  'diagnosis.history.last-30-days': '最近 30 天：重试 {{retries}} 次，回退到 HTTPS {{fallbacks}} 次',
  'diagnosis.history.unreadable': 'Codex 的日志数据库无法读取。',
  'diagnosis.history.locked': 'Codex 的日志数据库被锁定。',
  'diagnosis.history.partial': 'Codex 的日志数据库只读到了一部分。',

  'diagnosis.stale-gateway.summary':
    '{{key}} = "{{url}}" 把 Codex 指向了一个没有程序监听的本地网关：Codex 会一直显示“Reconnecting… waiting for network”。',
  'diagnosis.stale-gateway.comment': '旁边的注释：{{comment}}',
  'diagnosis.stale-gateway.nothing-listens': '{{host}}:{{port}} 上没有程序接受连接',

  'diagnosis.ca.fingerprint': 'SHA-256 {{fingerprint}}',
  'diagnosis.ca.valid-until': '有效期至 {{date}}',
  'diagnosis.ca.in-os-store':
    'Codex 路径上的证书由“{{subject}}”签发，而该 CA 位于 {{sources}}，Codex 本来就信任它（已按信任它的方式重新检查）。',
  'diagnosis.ca.refused-by-codex': 'CA“{{subject}}”（位于 {{sources}}）能补全证书链，但 Codex 拒绝接受它：{{refusals}}',
  'diagnosis.ca.found': '为 Codex 路径上的证书签名的 CA“{{subject}}”就在本机（{{sources}}），但没有配置 Codex 信任它。',
  'diagnosis.ca.not-found': '本机上没有找到名为“{{name}}”、能验证 Codex 路径上证书的 CA。',

  'diagnosis.ca.rejected.other-key':
    '{{sources}} 中的“{{name}}”名称相符，但并未签发服务器出示的证书（密钥不同）：不是这个 CA。',
  'diagnosis.ca.rejected.not-a-ca':
    '{{sources}} 中的“{{name}}”签发了该证书，但没有被标记为 CA（basicConstraints）：TLS 库不接受它作为签发者。',
  'diagnosis.ca.rejected.handshake':
    '{{sources}} 中的“{{name}}”签发了该证书，但信任它之后 TLS 握手仍然失败：{{detail}}',
  'diagnosis.ca.not-verified': '未通过验证',

  'diagnosis.refusal.role.server': '服务器证书',
  'diagnosis.refusal.role.presented-ca': '服务器出示的 CA 证书',
  'diagnosis.refusal.role.ca': 'CA',
  'diagnosis.refusal.weak-signature':
    '{{who}}“{{name}}”使用 {{algorithm}} 签名：Codex 的 TLS 库（rustls）不接受 SHA-1 或 MD5 签名。',
  'diagnosis.refusal.small-rsa-key':
    '{{who}}“{{name}}”的 RSA 密钥只有 {{bits}} 位：Codex 的 TLS 库（rustls）只接受 2048 位及以上的 RSA 密钥。',
  'diagnosis.refusal.dsa-key': '{{who}}“{{name}}”使用 DSA 密钥，Codex 的 TLS 库（rustls）不接受。',
  'diagnosis.refusal.expired': '{{who}}“{{name}}”已于 {{date}} 过期。',
  'diagnosis.refusal.not-yet-valid': '{{who}}“{{name}}”在 {{date}} 之前无效。',

  'diagnosis.ca-source.variable': '{{variable}}',
  'diagnosis.ca-source.npm': '{{file}} 中的 npm cafile',
  'diagnosis.ca-source.pip': '{{file}} 中的 pip cert',
  'diagnosis.ca-source.os-bundle': '系统信任证书包',
  'diagnosis.ca-source.os-anchor': '系统 CA 锚点目录',
  'diagnosis.ca-source.os-anchor-dir': '系统 CA 锚点目录 {{dir}}',
  'diagnosis.ca-source.keychain': 'macOS 钥匙串',
  'diagnosis.ca-source.windows-store': 'Windows 证书存储',
  'diagnosis.ca-source.file': '你指定的文件',
  'diagnosis.ca-source.with-path': '{{source}}（{{path}}）',
  'diagnosis.ca-source.at-path': '{{source}}：{{path}}',

  'diagnosis.ca-searched.count_other': '{{source}}：{{count}} 个证书',
  'diagnosis.ca-searched.error': '{{source}}：{{error}}',
  'diagnosis.ca-file.not-a-file': '不是文件',
  'diagnosis.ca-file.too-large': '大于 16 MB，已跳过',
  'diagnosis.ca-file.missing': '不存在',
  'diagnosis.ca-file.permission-denied': '无法读取（权限不足）',
  'diagnosis.ca-file.error-code': '{{code}}',
  'diagnosis.ca-file.no-certificate': '不含证书（PEM 或 DER）',
  'diagnosis.ca-file.unreadable': '无法读取',
  'diagnosis.ca-file.security-failed': '`security` 无法读取',
  'diagnosis.ca-file.powershell-failed': 'PowerShell 无法列出其中的证书',

  'diagnosis.user-ca-file.missing': '{{file}} 不存在：请检查路径',
  'diagnosis.user-ca-file.permission-denied': '{{file}} 无法读取：请检查文件权限',
  'diagnosis.user-ca-file.unreadable': '无法读取 {{file}}（{{code}}）',
  'diagnosis.user-ca-file.no-certificate':
    '{{file}} 中没有证书（PEM 或 DER）：请向 IT 部门索取 .pem 或 .crt 格式的 CA 证书',

  'diagnosis.ca-route.not-https': '{{url}} 不是 https 地址：没有需要信任的证书',
} satisfies ZhOf<typeof enDiagnosis>;
