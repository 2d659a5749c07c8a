import type { enFixes } from '../en/fixes.ts';
import type { ZhOf } from '../types.ts';

export const zhFixes = {
  // ------------------------------------------------------------ titles
  'fixes.title.ws-already-off': '提供方“{{provider}}”的 WebSocket 已经关闭',
  'fixes.title.ws-off-custom': '为提供方“{{provider}}”关闭 WebSocket',
  'fixes.title.ws-off-http-provider': '改用提供方“{{provider}}”：即不使用 WebSocket 的内置 OpenAI 提供方',
  'fixes.title.tun-already-on': 'TUN 模式已经开启',
  'fixes.title.tun-api': '通过 {{controller}} 上的 Clash API 开启 TUN 模式',
  'fixes.title.tun-manual': '在{{app}}中开启 TUN 模式',
  'fixes.title.repair-none': 'config.toml 无需修复',
  'fixes.title.repair': '修复 config.toml，让 Codex 能够启动',
  'fixes.title.trust-ca': '让 Codex 信任 CA“{{name}}”',
  'fixes.title.use-proxy': '让 Codex 通过代理 {{proxy}} 连接',
  'fixes.title.removed-lines': '已移除这项修改写入的行：{{title}}',
  'fixes.title.legacy': '{{title}}',

  // ------------------------------------------------------------ side effects
  'fixes.effect.ignored-table-removed':
    '删除 Codex 会忽略的 [model_providers.openai]（supports_websockets = false）：这次修改实现了它原本想要的效果。',
  'fixes.effect.https-only':
    'Codex 与“{{provider}}”之间只走 HTTPS（server-sent events），回复不再因为 WebSocket 重试而等待。',
  'fixes.effect.selects-provider-base-url':
    '{{file}} 改为选择“{{provider}}”，不再使用内置的“openai”提供方；登录方式不变（requires_openai_auth），你的 openai_base_url 会复制到 base_url。',
  'fixes.effect.selects-provider':
    '{{file}} 改为选择“{{provider}}”，不再使用内置的“openai”提供方；登录方式不变（requires_openai_auth），端点仍由 Codex 按你的登录方式选择。',
  'fixes.effect.conversations-regroup':
    'Codex 按提供方列出历史对话：选择“{{provider}}”期间，用“openai”开始的对话不会出现在恢复（resume）列表中。对话不会被删除，撤销这项修改后就会回来。',
  'fixes.effect.table-reused': '之前的修改留下的 [model_providers.{{provider}}] 表设置已经正确，直接复用。',
  'fixes.effect.tun-everything': 'TUN 开启期间，这台电脑上的所有程序（不只是 Codex）都会经过代理软件。',
  'fixes.effect.reserved-renamed':
    '[model_providers.{{id}}] 使用了 Codex 拒绝的内置 id，将改名为 [model_providers.{{newId}}]，设置保持不变。',
  'fixes.effect.reserved-renamed-selected':
    '[model_providers.{{id}}] 使用了 Codex 拒绝的内置 id，将改名为 [model_providers.{{newId}}]，设置保持不变；model_provider 也改为“{{newId}}”。',
  'fixes.effect.resume-list': '历史对话按提供方列出：恢复列表将显示“{{newId}}”的对话；撤销后恢复原来的分组。',
  'fixes.effect.dead-gateway-removed':
    '删除 openai_base_url = "{{url}}"：那里没有程序在监听，内置提供方将重新使用 OpenAI 自己的端点。如果你重新启动那个网关，请撤销这项修改。',
  'fixes.effect.profile-moved': '[profiles.{{name}}] 移到 {{file}}：用 `codex --profile {{name}}` 运行它。',
  'fixes.effect.default-profile-merged':
    'profile = "{{profile}}" 被删除：它的设置合并到 config.toml 的顶层（两处都设置了同一个键时，以 profile 的值为准），直接运行 `codex` 时与以前一样。',
  'fixes.effect.bundle-created':
    '创建 {{path}}：包含 CA {{subject}}（SHA-256 {{fingerprint}}，有效期至 {{validTo}}，来自 {{foundIn}}），以及 {{roots}} 个公共根证书。',
  'fixes.effect.bundle-created-kept':
    '创建 {{path}}：包含 CA {{subject}}（SHA-256 {{fingerprint}}，有效期至 {{validTo}}，来自 {{foundIn}}）、{{roots}} 个公共根证书，以及你原来的 SSL_CERT_FILE 中的 {{kept}} 个证书。',
  'fixes.effect.check-ca':
    '请确认这个 CA 属于你的公司（名称和指纹见上方，可以请 IT 部门核对指纹）：Codex 将信任它签发的所有证书。',
  'fixes.effect.shell-ssl-cert-file':
    'shell 中的 SSL_CERT_FILE（{{path}}）对 Codex 不再生效：.env 中的值优先（其中的证书已包含在证书包里）。',
  'fixes.effect.restart-sessions': 'Codex 只在启动时读取 .env：请重启正在运行的 Codex 会话。',
  'fixes.effect.shell-proxy-overridden': 'shell 中的 {{keys}} 对 Codex 不再生效：.env 中的值优先。',
  'fixes.effect.env-private': '.env 改为只有你自己可读：其中保存了代理密码。',
  'fixes.effect.through-proxy':
    'Codex（CLI、IDE 扩展和桌面应用）的流量将通过 {{proxy}}；{{loopback}} 仍然直连（NO_PROXY）。',

  // ------------------------------------------------------------ warnings
  'fixes.warning.provider-changed': '诊断时看到的提供方是“{{seen}}”，而配置文件现在选择的是“{{now}}”。',
  'fixes.warning.nothing-to-change-built-in': '无需修改：内置提供方“{{provider}}”不使用 WebSocket。',
  'fixes.warning.nothing-to-change-already-off':
    '无需修改：提供方“{{provider}}”已经设置了 supports_websockets = false。',
  'fixes.warning.tun-whole-system':
    'TUN 模式会让整个系统（不只是 Codex）都经过代理软件：开启期间，公司网络和内网站点、本地服务以及其他 VPN 客户端可能无法正常工作。',
  'fixes.warning.tun-admin': '有些系统在第一次开启 TUN 时会要求输入管理员密码，或安装一个辅助服务。',
  'fixes.warning.tun-active': '这台电脑上的 TUN 模式看起来已经开启：无需再开启。',
  'fixes.warning.tun-api-on': '{{controller}} 上的 Clash API 显示 TUN 已经开启。',
  'fixes.warning.clash-secret-refused': '{{controller}} 上的 Clash API 拒绝了密钥（secret），因此无法在这里开启 TUN。',
  'fixes.warning.clash-no-answer': '{{controller}} 上的 Clash API 没有响应，因此无法在这里开启 TUN。',
  'fixes.warning.profiles-layer':
    '其他 profile 现在叠加在 config.toml 之上，而 config.toml 已包含“{{profile}}”的设置。',
  'fixes.warning.profile-without-table':
    'profile = "{{profile}}" 没有对应的 [profiles.{{profile}}] 表；这一行将被删除。',
  'fixes.warning.repair-none': '没有发现使用保留 id 的提供方表、旧式 profile 写法或已停止的本地网关。',
  'fixes.warning.env-odd-lines': '.env 中有 {{n}} 行本工具无法理解（第 {{lines}} 行）；这些行保持原样。',
  'fixes.warning.env-bom': '.env 以字节顺序标记（BOM）开头，因此 Codex 会忽略它的第一行；这一行保持原样。',
  'fixes.warning.socks':
    '{{proxy}} 是 SOCKS 代理：Codex 的 WebSocket 可以使用它，但它的 HTTPS 请求（包括回退到 HTTPS 的请求）不能。建议改用同一代理软件的 HTTP 或混合（mixed）端口。',
  'fixes.warning.proxy-no-https': '代理能转发 WebSocket，但不能转发 HTTPS 请求：{{detail}}',
  'fixes.warning.proxy-not-probed': '写入前没有检测过 {{proxy}}。',

  // ------------------------------------------------------------ TUN by hand
  'fixes.tun.your-proxy-app': '你的代理软件',
  'fixes.tun.api-action': '向 http://{{controller}}/configs 发送 PATCH 请求，内容为 {{body}}；撤销时会把它改回关闭。',
  'fixes.tun.step.check-again': '回到这里重新运行诊断，确认 TUN 已经开启。',
  'fixes.tun.step.verge-open': '打开 Clash Verge Rev，进入“设置”。',
  'fixes.tun.step.verge-service': '在“系统设置”中，如有提示，安装服务模式（Service Mode）组件（TUN 开关需要它）。',
  'fixes.tun.step.verge-switch': '打开“Tun 模式”（或首页上的 TUN 开关）。',
  'fixes.tun.step.cfw-open': '打开 Clash for Windows，进入 General。',
  'fixes.tun.step.cfw-service': '点击 Service Mode 旁的“Manage”并安装服务，等待地球图标变绿。',
  'fixes.tun.step.cfw-switch': '打开“TUN Mode”。',
  'fixes.tun.step.clashx-icon': '点击菜单栏中的 ClashX 图标。',
  'fixes.tun.step.clashx-enhanced':
    'ClashX Pro / ClashX Meta：选择“增强模式”（Enhanced Mode，即 TUN），macOS 提示时允许安装辅助程序。普通版 ClashX 没有 TUN 模式：请改用 Clash Verge Rev，或设置系统代理。',
  'fixes.tun.step.v2rayn-open': '打开 v2rayN（Windows 上请以管理员身份运行；macOS/Linux 上它会要求输入密码）。',
  'fixes.tun.step.v2rayn-switch': '在主窗口底部打开“启用 Tun”（Enable Tun）。',
  'fixes.tun.step.sing-box-inbound':
    '在 sing-box 配置中添加一个 "tun" 入站，并设置 "auto_route": true（参见 sing-box 文档中 tun 类型的入站）。',
  'fixes.tun.step.sing-box-restart': '以管理员权限重启 sing-box。',
  'fixes.tun.step.mihomo-config':
    '在 mihomo 的 config.yaml 中设置 tun: { enable: true, stack: mixed, auto-route: true, auto-detect-interface: true }。',
  'fixes.tun.step.mihomo-restart': '以管理员权限重启 mihomo。',
  'fixes.tun.step.generic-open': '打开{{app}}，在设置中找到“TUN 模式”“增强模式”或“VPN 模式”。',
  'fixes.tun.step.generic-switch': '开启它；出现辅助程序或管理员权限提示时，选择允许。',

  // ------------------------------------------------------------ probing a proxy before use-proxy
  'fixes.probe.route': '代理 {{proxy}}',
  'fixes.probe.works': '通过 {{proxy}} 访问 {{url}} 的 WebSocket 和 HTTPS 都正常',
  'fixes.probe.socks-port':
    '{{host}}:{{port}} 使用的是 SOCKS5 而不是 HTTP；请改用代理软件的 HTTP 或混合（mixed）端口（或 socks5h://{{host}}:{{port}}，但它只能转发 WebSocket）',

  // ------------------------------------------------------------ after a fix
  'fixes.after.cc-switch':
    'cc-switch 每次切换提供方时都会按它自己的提供方设置重写 config.toml，这会撤销这项修改：请在 cc-switch 中你所用提供方的设置里做同样的修改（它的 WebSocket 选项，或其 Codex 配置中的 supports_websockets = false），然后重新切换到这个提供方。',
  'fixes.after.marker':
    '有注释说明这个文件由另一个工具管理：它可能再次写入这个文件并撤销这项修改。请在那个工具中也做同样的修改，或在它运行后检查一下（“历史”页会显示修改是否仍然有效）。',
  'fixes.after.state-file': '{{path}}',
  'fixes.after.marker-evidence': '{{file}} 第 {{line}} 行：“{{text}}”',
  'fixes.after.manager': '{{advice}}（{{evidence}}）',
  'fixes.after.restart': '以下程序正在运行，只有重启后才会读取这项修改：{{programs}}。',
  'fixes.after.program': '{{what}}（pid {{pids}}）',
  'fixes.after.program.cli': 'Codex CLI',
  'fixes.after.program.app': 'Codex 桌面应用',
  'fixes.after.program.vscode': 'VS Code（Codex 扩展）',
  'fixes.after.program.cursor': 'Cursor（Codex 扩展）',
  'fixes.after.program.windsurf': 'Windsurf（Codex 扩展）',
  'fixes.after.since-none': '此后 Codex 没有记录到重试或回退',
  'fixes.after.since-counts':
    '此后 Codex 记录到 {{retries}} 次重试、{{fallbacks}} 次回退到 HTTPS、{{waits}} 次等待网络',

  // ------------------------------------------------------------ joining sentences

  // ------------------------------------------------------------ refusals and failures (FixError)
  'fixes.error.codex-home-absent':
    'CODEX_HOME {{path}} 不存在：请先运行一次 Codex（或手动创建这个文件夹），或使用 --codex-home 指定',
  'fixes.error.codex-home-not-folder': 'CODEX_HOME {{path}} 不是文件夹',
  'fixes.error.codex-home-gone': 'CODEX_HOME {{path}} 不存在或不是文件夹',
  'fixes.error.file-not-regular': '{{file}} 不是普通文件，而 Codex 在这里只读取普通文件；未写入任何内容',
  'fixes.error.file-too-large': '{{file}} 超过 {{mib}} MiB，不可能是配置文件；未写入任何内容',
  'fixes.error.file-unreadable':
    '你没有读取 {{file}} 的权限：请让它可读（`chmod u+r {{file}}`，或以文件所有者身份运行）；未写入任何内容',
  'fixes.error.file-symlink-loop': '{{file}} 是一个循环的符号链接：请让链接指向真实的文件（或删除它）；未写入任何内容',
  'fixes.error.file-read-failed': '无法读取 {{file}}（{{reason}}）；未写入任何内容',
  'fixes.error.not-utf8-at':
    '{{file}} 在第 {{line}} 行第 {{column}} 列（字节 0x{{byte}}）不是有效的 UTF-8，而 Codex 按 UTF-8 读取它：请在编辑器中另存为 UTF-8（或修正那个字符）后重试；文件未被改动',
  'fixes.error.not-utf8':
    '{{file}} 不是有效的 UTF-8，而 Codex 按 UTF-8 读取它：请在编辑器中另存为 UTF-8（或修正那个字符）后重试；文件未被改动',
  'fixes.error.config-unparseable': '{{problem}}。请先修正（或还原）这个文件；未写入任何内容。',
  'fixes.error.bad-profile-name': '“{{profile}}”不是 Codex 接受的 profile 名称',
  'fixes.error.nothing-written': '{{problem}}；未写入任何内容',
  'fixes.error.path-read-only': '{{path}} 是只读的：请让它可写（或以其所有者身份运行）后重试；未写入任何内容',
  'fixes.error.file-read-only': '{{file}} 是只读的：请让它可写后重试；未写入任何内容',
  'fixes.error.manual-fix': '这个修复方案需要手动完成：请按显示的步骤操作',
  'fixes.error.no-change': '这个方案不会做任何修改',
  'fixes.error.changed-since-preview': '生成预览后 {{file}} 被修改过；请重新预览修复方案',
  'fixes.error.no-clash-client': '没有可用于开启 TUN 的 Clash API 客户端',
  'fixes.error.no-clash-client-off': '没有可用于关闭 TUN 的 Clash API 客户端',
  'fixes.error.clash-refused': '{{controller}} 上的 Clash API 拒绝了请求：{{error}}',
  'fixes.error.tun-unchanged': '代理软件没有切换 TUN 模式',
  'fixes.error.write-failed': '写入失败：{{error}}；所有文件已恢复原样',
  'fixes.error.profile-file-missing': 'profile“{{profile}}”在 CODEX_HOME 中没有对应的文件 {{file}}',
  'fixes.error.legacy-profile': 'config.toml 使用了 Codex 拒绝的旧式 profile = "…" 写法：请先应用 repair-config',
  'fixes.error.reserved-provider':
    '配置中为内置提供方“{{provider}}”定义了一个表，Codex 会拒绝它：请先应用 repair-config',
  'fixes.error.provider-undefined':
    'model_provider = "{{provider}}" 没有对应的 [model_providers.{{provider}}] 表；请先修正配置',
  'fixes.error.model-provider-not-string':
    '{{file}} 第 {{line}} 行：model_provider 不是字符串（提供方的名称），Codex 会拒绝它；请先修正配置。未写入任何内容',
  'fixes.error.model-providers-not-table':
    '{{file}} 第 {{line}} 行：model_providers 不是由提供方组成的表，Codex 会拒绝它；请先修正配置。未写入任何内容',
  'fixes.error.openai-table-refused': '拒绝写入 [model_providers.openai] 表',
  'fixes.error.profile-not-table': 'profiles.{{name}} 不是一个表；请手动修正',
  'fixes.error.profile-file-exists': '{{file}} 已经存在，且设置与 [profiles.{{name}}] 不同；请手动合并',
  'fixes.error.profile-write': '无法把 [profiles.{{name}}] 写成 {{file}}',
  'fixes.error.trust-ca-needs-search': 'trust-ca 需要先在 Codex 的线路上查找 CA；请通过 doctor 运行它',
  'fixes.error.no-ca-found':
    '这台电脑上没有能补全 Codex 线路上所出示证书链的 CA（签发者为“{{issuer}}”）。请向 IT 部门索取 CA 证书（PEM 或 CRT），然后运行 `fix trust-ca --ca-file PATH`；未写入任何内容',
  'fixes.error.ca-refused':
    '即使信任“{{name}}”，Codex 也会拒绝这个连接：{{refusals}}任何设置都无法改变这一点：请向 IT 部门索取使用 SHA-256、密钥长度至少 2048 位的证书；未写入任何内容',
  'fixes.error.codex-ca-certificate-set':
    '你的环境中设置了 CODEX_CA_CERTIFICATE（{{path}}），Codex 会优先使用它而不是 SSL_CERT_FILE：请把 CA 添加到那个文件，或取消这个变量后重新运行修复；未写入任何内容',
  'fixes.error.ca-already-trusted': '{{url}} 的证书在 Codex 的线路上已经能通过验证：没有需要添加的 CA；未写入任何内容',
  'fixes.error.ca-unreadable':
    '无法在 Codex 的线路上读取 {{url}} 的证书（{{detail}}）：请运行 `diagnose` 查看原因；未写入任何内容',
  'fixes.error.no-ca-file-chosen': '没有选择 CA 文件；未写入任何内容。请选择 IT 部门提供的 .pem 或 .crt 文件。',
  'fixes.error.env-readback': '.env 读回的 {{key}} 与预期不符；未写入任何内容',
  'fixes.error.proxy-not-url': '“{{url}}”不是 URL；请写成 http://HOST:PORT',
  'fixes.error.proxy-https': 'Codex 不能使用 https:// 代理 URL；大多数本地代理使用 http://HOST:PORT',
  'fixes.error.proxy-scheme': '不支持代理协议“{{scheme}}”：请使用 http://、socks5:// 或 socks5h://',
  'fixes.error.proxy-no-host': '代理 URL 中没有主机',
  'fixes.error.proxy-no-port': '代理 URL {{url}} 中没有端口',
  'fixes.error.proxy-port-range': '代理端口超出范围',
  'fixes.error.proxy-extra': '代理 URL 只能是 scheme://host:port（可以带 user:password@）',
  'fixes.error.no-proxy-url': '没有代理 URL：诊断没有找到可用的代理；请用 --proxy URL 指定一个',
  'fixes.error.no-proxy-found':
    '诊断没有找到能承载 Codex WebSocket 的代理，请用 --proxy URL 传入你的代理地址。诊断结论：{{headline}}',
  'fixes.error.proxy-login-refused': '代理 {{proxy}} 拒绝了这个用户名和密码（407）；未写入任何内容。请检查后重试',
  'fixes.error.proxy-login-needed':
    '代理 {{proxy}} 要求提供用户名和密码（407）；未写入任何内容。请把它们提供给修复（--proxy-user NAME，密码会在之后询问）',
  'fixes.error.proxy-no-websocket': '代理 {{proxy}} 无法转发 Codex 的 WebSocket（{{detail}}）；未写入任何内容',
  'fixes.error.plan-expired': '这个预览已失效：请重新预览修复方案。',
  'fixes.error.nothing-to-revert': '没有可以撤销的修改',
  'fixes.error.no-such-change': '变更记录中没有 id 为 {{id}} 的修改',
  'fixes.error.journal-changed': '这次撤销在等待另一项修改期间，变更记录发生了变化；请重新运行',
  'fixes.error.already-reverted': '修改 {{id}} 已于 {{at}} 撤销',
  'fixes.error.lock-busy':
    '另一项对 {{home}} 的修改正在进行（来自应用或命令行）；未写入任何内容。请等它完成后重新预览修复方案',
  'fixes.error.lock-lost': '写入期间失去了 {{home}} 上的锁（{{error}}）；请运行 `history` 检查这项修改',
  'fixes.error.journal-is-file':
    '变更记录文件夹 {{dir}} 是一个文件而不是文件夹：请把这个文件移走，或把 CODEX_CONNECTION_DOCTOR_HOME 设为另一个文件夹；未写入任何内容',
  'fixes.error.journal-no-access':
    '你无法读写变更记录文件夹 {{dir}}：请把它改为你所有并且可读写（`chmod u+rwx`），或把 CODEX_CONNECTION_DOCTOR_HOME 设为另一个文件夹；未写入任何内容',
  'fixes.error.journal-symlink-loop':
    '变更记录文件夹 {{dir}} 是一个循环的符号链接：请删除这个链接，或把 CODEX_CONNECTION_DOCTOR_HOME 设为另一个文件夹；未写入任何内容',
  'fixes.error.journal-unusable':
    '变更记录文件夹 {{dir}} 无法使用（{{error}}）：请把 CODEX_CONNECTION_DOCTOR_HOME 设为另一个文件夹；未写入任何内容',
  'fixes.error.journal-damaged':
    '变更记录条目 {{file}} 已损坏（{{reason}}），无法据此撤销：请手动还原文件，或把这个条目移走',

  // ------------------------------------------------------------ why a journal entry is damaged
  'fixes.damaged.not-json': '不是有效的 JSON：被截断或被覆盖',
  'fixes.damaged.bad-name': '文件名不是变更记录条目的名称',
  'fixes.damaged.not-an-entry': '不是变更记录条目',
  'fixes.damaged.id-mismatch': '它的 id 与文件名不一致',
  'fixes.damaged.field-missing': '缺少“{{field}}”',
  'fixes.damaged.profile': '“profile”不是一个名称',
  'fixes.damaged.revert-of': '“revertOf”不是一个 id',
  'fixes.damaged.file-not-object': '某条文件记录不是对象',
  'fixes.damaged.file-path': '某条文件记录没有绝对路径',
  'fixes.damaged.file-existed-before': '某条文件记录缺少“existedBefore”',
  'fixes.damaged.file-bytes': '某条文件记录中的字节内容不是文本',
  'fixes.damaged.file-before': '某条文件记录缺少修改前的内容',
  'fixes.damaged.file-mode': '某条文件记录的权限模式不是数字',
  'fixes.damaged.api': '“api”不是 Clash API 记录',

  // ------------------------------------------------------------ edits this tool refuses to make
  'fixes.toml.syntax': '{{where}} 无法按 TOML 解析：{{detail}}',
  'fixes.toml.non-finite': '无法写入非有限数值',
  'fixes.toml.no-table-to-set': '没有可以设置 {{key}} 的表 [{{table}}]',
  'fixes.toml.unexpected-table': '表的位置不符合预期',
  'fixes.toml.inside-inline': '[{{table}}] 位于内联表中；请手动编辑',
  'fixes.toml.no-table-to-rename': '没有可以改名的表 [{{table}}]',
  'fixes.toml.edited-unparseable': '修改后的 {{file}} 无法解析（{{problem}}）；未写入任何内容',
  'fixes.toml.edited-differs': '修改后的 {{file}} 与预期的含义不一致；未写入任何内容',
  'fixes.dotenv.cannot-edit-line': '.env 第 {{line}} 行设置 {{key}} 的写法无法被本工具安全地修改；请手动修正',
  'fixes.dotenv.cannot-append': '无法把这段文本追加到 .env 的值中',
  'fixes.dotenv.line-break': '.env 的值在这里不能包含换行',

  // ------------------------------------------------------------ errors: what went wrong
  'errors.unexpected': '意外错误：{{error}}',
  'errors.something-wrong': '出了点问题。',
  'errors.unknown-request': '未知的请求。',
  'errors.refused-sender': '请求被拒绝：它不是来自应用窗口。',
  'errors.payload.not-object': '请求不是一个对象。',
  'errors.payload.unexpected-field': '意外的字段“{{field}}”。',
  'errors.payload.bad-id': '“{{field}}”不是有效的 id。',
  'errors.payload.bad-profile': '“profile”不是有效的 profile 名称。',
  'errors.payload.one-of': '“{{field}}”必须是以下之一：{{allowed}}。',
  'errors.payload.login-fields': '“proxyLogin”需要用户名和密码。',
  'errors.payload.login-user-length': '代理用户名必须是 1 到 256 个字符。',
  'errors.payload.login-password-length': '代理密码太长。',
  'errors.payload.login-line-breaks': '代理用户名和密码不能包含换行。',
  'errors.payload.proxy-url-type': '“proxyUrl”必须是字符串。',
  'errors.payload.pick-ca-file-type': 'pickCaFile 必须是 true 或 false。',
  'errors.payload.pick-ca-file-fix': '只有 trust-ca 才能选择 CA 文件。',
  'errors.payload.login-fix': '只有 use-proxy 才能提供代理登录信息。',
  'errors.payload.link-not-allowed': '这个链接不在应用允许打开的网站列表中。',
  'errors.payload.run-busy': '使用这个 id 的诊断已经在运行。',
  'errors.proxy-url.too-long': '代理 URL 太长。',
  'errors.proxy-url.not-full': '请输入完整的代理 URL，例如 http://127.0.0.1:7890。',
  'errors.proxy-url.scheme': 'Codex 只接受 http://、socks5:// 或 socks5h:// 开头的代理 URL（不支持 https://）。',
  'errors.proxy-url.no-host': '代理 URL 需要主机，例如 127.0.0.1。',
  'errors.proxy-url.no-port': '代理 URL 需要端口，例如 :7890。',
  'errors.proxy-url.path': '代理 URL 不能带路径：请删除端口后面的内容。',
  'errors.proxy-url.query': '代理 URL 不能带查询参数或片段（#）。',

  // ------------------------------------------------------------ errors: what to do next
  'errors.hint.changed-since-plan':
    '未写入任何内容。生成预览后有文件被修改过（也许是你编辑了它）：请重新预览修复方案，查看基于文件当前内容的修改。',
  'errors.hint.plan-expired': '未写入任何内容。请重新预览修复方案，然后应用新的预览。',
  'errors.hint.read-only':
    '未写入任何内容。请让这个文件（及其所在文件夹）对你的用户可写，例如对它执行 `chmod u+w`，然后重新应用。',
  'errors.hint.codex-home-missing':
    '请先运行一次 Codex（或手动创建文件夹）以创建 CODEX_HOME，或把 CODEX_HOME 设为 Codex 实际使用的文件夹，然后重新运行诊断。',
  'errors.hint.config-unparseable': '请在编辑器中修正显示的那一行（或使用提供的修复方案），然后重新运行诊断。',
  'errors.hint.invalid-proxy':
    '请修正代理 URL（http://HOST:PORT、socks5://HOST:PORT 或 socks5h://HOST:PORT），然后重新预览。',
  'errors.hint.proxy-failed':
    '未写入任何内容。请启动代理软件或选择它的 HTTP/混合端口，然后重新预览；也可以选择不需要代理的修复方案 1。',
  'errors.hint.proxy-login': '未写入任何内容。请提供代理要求的用户名和密码（与浏览器中使用的相同），然后重新预览。',
  'errors.hint.edit-refused': '未写入任何内容。请参照差异手动修改，或选择其他修复方案。',
  'errors.hint.not-applicable': '请选择其他修复方案，或按照这个方案显示的步骤操作。',
  'errors.hint.not-found': '请重新列出修改（“历史”页或 `history`）：这项修改可能已从变更记录中删除。',
  'errors.hint.already-reverted': '无需操作：请重新列出修改（“历史”页或 `history`）查看它的当前状态。',
  'errors.hint.api-failed': '请打开代理软件，确认它的外部控制（API）已开启；或直接在代理软件中手动开启 TUN。',
  'errors.hint.payload': '应用发出了主进程不接受的请求；请重启应用后重试。',
  'errors.hint.restart': '请重启应用后重试。',
  'errors.hint.use-window': '请使用应用窗口。',
  'errors.hint.channel.setup': '请确认 Codex 文件夹（CODEX_HOME）存在且可读，然后重试。',
  'errors.hint.channel.diagnose': '请重新运行诊断；如果仍然以同样方式失败，请复制报告并发到支持帖中。',
  'errors.hint.channel.cancel': '请等待诊断完成，或关闭应用。',
  'errors.hint.channel.preview': '请重新运行诊断，然后再次选择修复方案。',
  'errors.hint.channel.apply': '没有做任何修改。请重新运行诊断，并再次预览修复方案。',
  'errors.hint.channel.revert': '请打开“历史”页查看这项修改，或按照那里显示的差异手动还原文件。',
  'errors.hint.channel.history': '请确认变更记录文件夹可读，然后重新打开“历史”页。',
  'errors.hint.channel.export': '请先运行诊断，再导出报告。',
  'errors.hint.channel.save': '请选择其他文件夹，或改为复制报告。',
  'errors.hint.channel.copy': '请改为把报告保存到文件。',
  'errors.hint.channel.link': '请在浏览器中手动打开这个页面。',
} satisfies ZhOf<typeof enFixes>;
