import type { enSetup } from '../en/setup.ts';
import type { ZhOf } from '../types.ts';

export const zhSetup = {
  'setup.none': '无',
  'setup.assignment': '{{key}}={{value}}',
  'setup.codex-error': 'Codex 报错：{{text}}',

  'setup.home.not-a-directory': 'CODEX_HOME {{home}} 不是文件夹。',
  'setup.home.missing': 'CODEX_HOME {{home}} 不存在：这台机器上还没有配置过 Codex。',
  'setup.home.from-flag': 'CODEX_HOME 来自 --codex-home',
  'setup.home.from-env': 'CODEX_HOME 来自环境变量 CODEX_HOME',
  'setup.home.from-default': 'CODEX_HOME 取默认位置',

  'setup.file.unreadable': '{{name}} 存在，但无法读取（{{reason}}）。',
  'setup.file.not-utf8': '第 {{line}} 行第 {{column}} 列不是有效的 UTF-8：请以 UTF-8 编码保存',
  'setup.file.not-a-file': '不是普通文件',
  'setup.file.too-large': '文件太大',
  'setup.file.permission-denied': '权限不足：请让当前用户可读',
  'setup.file.symlink-loop': '符号链接循环：请让链接指向一个真实文件',
  'setup.config-file.not-a-file': '{{file}} 不是普通文件；Codex 在这个位置只读取普通文件',
  'setup.config-file.too-large': '{{file}} 超过 {{mib}} MiB，不可能是配置文件',
  'setup.config-file.unreadable':
    '当前用户无法读取 {{file}}：请赋予读权限（`chmod u+r {{file}}`，或以文件所有者身份运行）',
  'setup.config-file.symlink-loop': '{{file}} 是循环的符号链接：请让链接指向一个真实文件（或删除它）',

  'setup.profile.missing': '--profile {{profile}}：{{file}} 不存在，因此 Codex 只使用 config.toml 运行。',
  'setup.profile.found': '已找到的 profile：{{names}}',
  'setup.config.duplicate-key': '`{{key}}` 在 {{file}} 中定义了两次：Codex 拒绝加载该文件。',
  'setup.config.syntax-error': '{{file}} 不是有效的 TOML（第 {{line}} 行第 {{column}} 列）：Codex 拒绝加载该文件。',
  'setup.toml.at': '{{file}}:{{line}}:{{column}}: {{problem}}',
  'setup.toml.in-file': '{{file}}: {{problem}}',
  'setup.toml.second-bom': '文件开头有第二个字节顺序标记（BOM）',
  'setup.toml.integer-range': '整数超出 64 位范围',
  'setup.toml.no-such-date': '{{date}} 不是一个存在的日期',
  'setup.toml.defined-twice': '`{{key}}` 定义了两次（第 {{first}} 行首次定义，第 {{line}} 行再次定义）',
  'setup.toml.defined-twice-at': '`{{key}}` 定义了两次（第 {{line}} 行）',

  'setup.provider.ignored-openai-table':
    '[model_providers.{{id}}] 只包含 {{keys}}：Codex 会加载但忽略它，因此内置提供方的 WebSocket 仍然开启。',
  'setup.provider.ignored-openai-table-empty':
    '[model_providers.{{id}}] 是一个空表：Codex 会加载但忽略它，因此内置提供方的 WebSocket 仍然开启。',
  'setup.provider.ignored-openai-table.no-settings':
    'Codex 不会从这个表为内置提供方应用任何设置（表中设置了 name、base_url 等键时，Codex 会拒绝启动）。',
  'setup.provider.ignored-openai-table.fix':
    '修复方案 #1（disable-websockets）会删除这个表，并以 Codex 认可的方式关闭 WebSocket。',
  'setup.provider.reserved': '[model_providers.{{id}}] 覆盖了内置提供方：使用这份配置时 Codex 拒绝启动。',
  'setup.provider.reserved.codex-says':
    'Codex 提示："Built-in providers cannot be overridden. Rename your custom provider."',
  'setup.provider.builtin-override':
    '[model_providers.{{id}}] 设置了 Codex 不允许内置提供方使用的字段：Codex 拒绝启动。',
  'setup.provider.not-allowed': '不允许：{{keys}}',
  'setup.provider.allowed': '允许：{{keys}}',
  'setup.provider.invalid-value': '`model_provider` 必须是一个字符串，写提供方的名称。',
  'setup.provider.unknown':
    'model_provider = "{{id}}" 找不到对应的 [model_providers.{{id}}] 表：Codex 会报错 "Model provider `{{id}}` not found" 并退出。',
  'setup.provider.defined': '已定义的提供方：{{ids}}',

  'setup.legacy-profile':
    '旧式设置 `profile = "{{name}}"` 会让 Codex（0.169 及以后）拒绝启动；请把这个 profile 移到 {{name}}.config.toml。',
  'setup.legacy-profile-table.blocks':
    '这个文件中有 [profiles.{{name}}] 时无法使用 `--profile {{name}}`：Codex 拒绝启动。',
  'setup.legacy-profile-table.ignored':
    '[profiles.{{name}}] 是旧式 profile 写法：Codex（0.169 及以后）会忽略它；请把它移到 {{name}}.config.toml。',
  'setup.legacy-profile-table.where': '{{file}} 中的 [profiles.{{name}}]',

  'setup.auth.unreadable': 'auth.json 不是有效的 JSON，因此无法确定登录方式。',
  'setup.auth.env-key-missing':
    '{{envKey}}（提供方 "{{provider}}" 的 env_key 指定的变量）在这里和 $CODEX_HOME/.env 中都没有设置：在同样没有设置它的地方，Codex 会报错 "Missing environment variable" 并退出。',
  'setup.auth.env-key-line': 'env_key = "{{envKey}}"',

  'setup.dotenv.odd-line': 'Codex 会跳过 .env 第 {{line}} 行：{{problem}}。',
  'setup.dotenv.codex-ca':
    'Codex 会忽略 .env 中的 CODEX_CA_CERTIFICATE；请在 .env 中改用 SSL_CERT_FILE，或在环境变量中设置 CODEX_CA_CERTIFICATE。',
  'setup.dotenv.codex-key-ignored': '.env 中的 {{key}} 不会生效：Codex 会跳过以 CODEX_ 开头的键。',
  'setup.dotenv.key-on-line': '第 {{line}} 行的 {{key}}',
  'setup.dotenv.unclosed-quote-rest': '引号未闭合：Codex 会忽略这一行及其后的所有内容',
  'setup.dotenv.unclosed-quote-rest-lines':
    '引号未闭合：Codex 会忽略这一行及其后的所有内容（第 {{from}}–{{to}} 行被忽略）',
  'setup.dotenv.not-key-value': '不是 KEY=value 格式的行：{{start}}',
  'setup.dotenv.starts-with-bom': '行首有字节顺序标记（BOM）',
  'setup.dotenv.unexpected-character': '意外的字符 {{character}}',
  'setup.dotenv.expected-equals': '{{key}} 后面应为 "="',
  'setup.dotenv.unquoted-whitespace': '未加引号的值中含有空白（请给值加上引号）',
  'setup.dotenv.unsupported-escape': '不支持的转义 \\{{character}}',
  'setup.dotenv.unclosed-substitution': '${…} 未闭合',
  'setup.dotenv.name-before-quote': '$NAME 紧挨着右引号 " 会让 Codex 拒绝这一行（请写成 ${NAME}）',
  'setup.dotenv.unclosed-quote': '引号未闭合',

  'setup.proxy.overridden-by-dotenv': '{{key}} 在环境变量和 .env 中都有设置；Codex 使用 .env 中的值。',
  'setup.proxy.in-environment': '环境变量：{{value}}',
  'setup.proxy.in-dotenv': '.env：{{value}}',
  'setup.proxy.from-dotenv-line': '.env 第 {{line}} 行',
  'setup.proxy.from-process': '进程环境变量',
  'setup.proxy.variable-from': '{{key}}={{value}}（{{origin}}）',
  'setup.proxy.missing-scheme': '{{key}} 缺少协议前缀；请写成 http://host:port（或 socks5h://host:port）。',
  'setup.proxy.unparseable': '{{key}} 不是有效的代理 URL。',
  'setup.proxy.https-scheme':
    '{{key}} 使用了 https://，Codex 的 WebSocket 无法把它当作代理；请对同一端口改用 http://。',
  'setup.proxy.unsupported-scheme': '{{key}} 使用了 {{scheme}}//；Codex 只接受 http://、socks5:// 和 socks5h:// 代理。',
  'setup.ca.file-missing': '{{key}} 指向的文件不存在，因此 Codex 无法加载这个 CA 证书包。',

  'setup.credential.variable-dotenv': '$CODEX_HOME/.env 中的 {{name}}',
  'setup.credential.variable-env': '环境变量 {{name}}',
  'setup.credential.codex-api-key': '{{variable}}（codex exec 会读取，交互式 Codex 不读取）',
  'setup.credential.keyring': '系统钥匙串（cli_auth_credentials_store = "{{store}}"），诊断工具不会读取',
  'setup.credential.no-auth-json': '未登录：$CODEX_HOME/auth.json 不存在',
  'setup.credential.auth-json-invalid': 'auth.json 不是有效的 JSON',
  'setup.credential.auth-json-empty': 'auth.json 中没有登录信息',
  'setup.credential.chatgpt-no-token': 'auth.json 中的 ChatGPT 登录没有 access token',
  'setup.credential.chatgpt-expired':
    'auth.json 中的 ChatGPT 登录，其 access token 已过期（Codex 启动时会刷新它，诊断工具不会）',
  'setup.credential.chatgpt': 'auth.json 中的 ChatGPT 登录',
  'setup.credential.saved-api-key': '`codex login` 保存在 auth.json 中的 API 密钥',
  'setup.credential.auth-json-nothing': 'auth.json 中既没有 API 密钥，也没有 ChatGPT token',
  'setup.credential.no-provider': '配置中没有可用的提供方',
  'setup.credential.env-key-unset': '{{envKey}}（由 env_key 指定）在当前环境和 $CODEX_HOME/.env 中都没有设置',
  'setup.credential.bearer-token': '[model_providers.{{id}}] 的 experimental_bearer_token',
  'setup.credential.auth-command': '[model_providers.{{id}}] 的 auth 命令输出的 token，诊断工具不会运行该命令',
  'setup.credential.http-headers': '[model_providers.{{id}}] 的 http_headers',
  'setup.credential.none': '提供方 "{{id}}" 不发送任何凭据',

  'setup.history.not-a-file': '{{file}} 不是普通文件。',
  'setup.history.none': 'Codex 在这里没有留下日志数据库（交互式 Codex 会写，`codex exec` 不会）。',
  'setup.history.cannot-read': '无法读取 {{file}}（{{code}}）。',
  'setup.history.wrong-shape': '{{file}} 中没有 Codex 0.169–0.171 所写格式的 logs 表。',
  'setup.history.partial': '在 {{mb}} MB 的数据库中读取 {{ms}} 毫秒后停止：统计只包含最近的记录。',
  'setup.history.locked': '{{file}} 被锁定，已跳过历史记录（请稍后重新诊断）。',
  'setup.history.not-sqlite': '无法把 {{file}} 当作 SQLite 数据库读取。',
  'setup.history.summary': '最近 7 天内，Codex {{parts}}。',
  'setup.history.summary-waited': '最近 7 天内，Codex {{parts}}；重试之间共等待了约 {{wait}}。',
  'setup.history.fell-back_other': '从 WebSocket 回退到 HTTPS {{count}} 次',
  'setup.history.retried_other': '重试 {{count}} 次',
  'setup.history.waited-for-network_other': '等待网络 {{count}} 次',
  'setup.history.refused-401_other': '因 401 被拒绝 {{count}} 次',
  'setup.history.minutes_other': '{{count}} 分钟',
  'setup.history.seconds': '{{seconds}} 秒',

  'setup.tun.interface-up': '网卡 {{name}} 已启用：这是代理软件的 TUN 设备',
  'setup.tun.interface-up-fake-ip': '网卡 {{name}} 已启用（{{address}}）：这是代理软件的 TUN 设备',
  'setup.tun.route-through': '到 {{target}} 的路由经过 {{interface}}{{via}}{{table}}{{fakeIp}}',
  'setup.tun.route-via': '，网关 {{gateway}}',
  'setup.tun.route-table': '，位于路由表 {{table}}（mihomo 和 sing-box 自动路由使用的表）',
  'setup.tun.route-fake-ip': '（{{address}} 属于 198.18.0.0/15）',
  'setup.tun.route-other-tunnel':
    '到 {{target}} 的路由经过 {{interface}}，这是一个隧道，但不是已知的代理 TUN（VPN 或 iCloud 专用代理也会用这类设备）',
  'setup.tun.fake-ip-unused': '网卡 {{name}} 的地址是 {{address}}（198.18.0.0/15），但到 {{target}} 的路由没有经过它',
  'setup.tun.dns-fake-ip': 'DNS 返回了 {{address}}，这是 fake-ip 地址（198.18.0.0/15）',
  'setup.tun.dns-fake-ip-tun-off':
    'DNS 返回了 {{address}}，这是 fake-ip 地址（198.18.0.0/15）：代理软件的 DNS 正在生效，但它的 TUN 已关闭，所以发往该地址的连接无处可去',
  'setup.tun.failed': 'TUN 检查失败：{{error}}',
  'setup.tun.timed-out': 'TUN 检查未在 {{ms}} 毫秒内完成',
  'setup.codex-doctor.not-started': '无法启动 {{binary}}：{{error}}',
  'setup.codex-doctor.timed-out': 'codex doctor 在 {{ms}} 毫秒内没有结束，已被停止',
  'setup.codex-doctor.cancelled': 'codex doctor 已取消',
  'setup.codex-doctor.no-json': 'codex doctor 没有输出 JSON（退出码 {{exit}}）',
  'setup.codex-doctor.no-json-said': 'codex doctor 没有输出 JSON（退出码 {{exit}}）：{{line}}',
  'setup.clash-api.controller-refused': '没有调用 Clash API：{{reason}}',
  'setup.clash-api.secret-rejected': '控制器拒绝了密钥（secret，401）',
  'setup.clash-api.patch-refused': 'PATCH /configs 返回 {{status}}',
  'setup.clash-api.patch-refused-said': 'PATCH /configs 返回 {{status}}：{{said}}',
  'setup.clash-api.tun-unreadable': '无法从 /configs 读回 TUN 状态',
  'setup.clash-api.tun-still-on': '控制器接受了修改，但 TUN 仍然开着（TUN 通常需要管理员权限或代理软件的服务模式）',
  'setup.clash-api.tun-still-off': '控制器接受了修改，但 TUN 仍然关着（TUN 通常需要管理员权限或代理软件的服务模式）',
  'setup.clash-api.request-failed': 'Clash API 没有应答：{{reason}}',
} satisfies ZhOf<typeof enSetup>;
