import type { enApp } from '../en/app.ts';
import type { ZhOf } from '../types.ts';

export const zhApp = {
  // ---- main's native dialogs (electron/dialogs.ts) and the browser mode's client (electron/web/doctor-client.dom.ts)
  'app.native.save-report-title': '保存脱敏后的报告',
  'app.native.save-button': '保存',
  'app.native.pick-ca-title': '选择公司的 CA 根证书',
  'app.native.pick-ca-button': '选择',
  'app.native.certificates-filter': '证书',
  'app.native.link-not-allowed': '该链接不在允许列表中。',
  'app.web.gone': 'Codex Connection Doctor 已停止运行（关闭它所在的终端后，或关闭页面一分钟后，它会自动退出）。',
  'app.web.gone-hint': '请重新运行 `codex-connection-doctor app`（或 `npm start`），然后打开它输出的链接。',
  'app.web.clipboard-refused': '浏览器不允许此页面使用剪贴板。',
  'app.web.clipboard-refused-hint': '请改为保存报告，或把页面切到前台后再复制一次。',
  'app.web.report-downloaded': '脱敏后的报告已下载为 {{name}}（见浏览器的下载列表）。',
  // ---- end of the native dialogs and browser-mode client block
} satisfies ZhOf<typeof enApp>;
