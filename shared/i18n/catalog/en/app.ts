// Keys start with `app.`.
export const enApp = {
  // ---- main's native dialogs (electron/dialogs.ts) and the browser mode's client (electron/web/doctor-client.dom.ts)
  'app.native.save-report-title': 'Save the redacted report',
  'app.native.save-button': 'Save',
  'app.native.pick-ca-title': "Choose your company's CA certificate",
  'app.native.pick-ca-button': 'Choose',
  'app.native.certificates-filter': 'Certificates',
  'app.native.link-not-allowed': 'That link is not on the allow-list.',
  'app.web.gone':
    'The doctor is no longer running (it stops when its terminal is closed, or a minute after its page was closed).',
  'app.web.gone-hint': 'Run `codex-connection-doctor app` (or `npm start`) again and open the link it prints.',
  'app.web.clipboard-refused': 'The browser did not let the page use the clipboard.',
  'app.web.clipboard-refused-hint': 'Save the report instead, or click Copy again with the page in front.',
  // Shown by the renderer (the report store) instead of app.report.saved when report:save answers `downloaded: true` (the browser mode).
  'app.web.report-downloaded': 'Downloaded the redacted report as {{name}} (see your browser’s downloads).',
  // ---- end of the native dialogs and browser-mode client block

  // ---- the renderer (renderer/): texts with <strong>, <code> or <q> are rendered by Rich (renderer/i18n.tsx)
  // frame
  'app.brand': 'Codex Connection Doctor',
  'app.nav.label': 'Pages',
  'app.nav.wizard': 'Wizard',
  'app.nav.history': 'History',
  'app.language.label': 'Language',
  'app.language.en': 'English',
  'app.language.zh-CN': '简体中文',
  'app.steps.label': 'Wizard steps',
  'app.step.start': 'Start',
  'app.step.diagnose': 'Diagnose',
  'app.step.findings': 'Findings',
  'app.step.choose': 'Choose a fix',
  'app.step.preview': 'Preview',
  'app.step.apply': 'Apply and verify',
  'app.step.done': 'Done',
  'app.title.start': 'Why does Codex keep reconnecting?',
  'app.title.diagnose': 'Diagnosing the connection',
  'app.title.findings': 'What was found',
  'app.title.choose': 'Choose a fix',
  'app.title.preview': 'Preview the change',
  'app.title.apply': 'Apply and verify',
  'app.title.done': 'Done',
  'app.title.history': 'History of changes',
  'app.footer.codex-docs': 'Codex configuration docs',
  'app.footer.project': 'Project page',
  'app.link.opens-in-browser': ' (opens in your browser)',
  'app.fatal.title': 'Codex Connection Doctor could not start',
  'app.fatal.no-main': 'The app window has no connection to its main process.',
  'app.fatal.restart': 'Restart the app. If that does not help, use the command line: <code>{{command}}</code>.',

  // shared words
  'app.back': 'Back',
  'app.cancel': 'Cancel',
  'app.continue': 'Continue',
  'app.loading': 'Loading…',
  'app.unknown': 'Unknown',
  'app.on': 'On',
  'app.off': 'Off',
  'app.what-next': 'What to do next:',
  'app.run-diagnosis-first': 'Run the diagnosis first.',
  'app.run-diagnosis-again': 'Run the diagnosis again',
  'app.duration': '{{ms, duration}}',
  'app.status.running': 'Running',
  'app.status.ok': 'OK',
  'app.status.warning': 'Warning',
  'app.status.error': 'Problem',
  'app.status.skipped': 'Skipped',
  'app.severity.info': 'Info',
  'app.error.no-main': 'The app could not reach its main process.',
  'app.error.no-main-hint': 'Restart the app; if it keeps happening, use the command line: npm run doctor -- diagnose.',

  // report
  'app.report.title': 'Share a redacted report',
  'app.report.intro': 'For a support thread. Keys, tokens and proxy passwords are removed.',
  'app.report.copy-markdown': 'Copy as Markdown',
  'app.report.copy-json': 'Copy as JSON',
  'app.report.save-markdown': 'Save Markdown…',
  'app.report.save-json': 'Save JSON…',
  'app.report.copied-markdown': 'The redacted report (Markdown) is on the clipboard.',
  'app.report.copied-json': 'The redacted report (JSON) is on the clipboard.',
  'app.report.saved': 'Saved the redacted report as {{fileName}}.',
  'app.report.not-saved': 'Not saved.',

  // diff and conflict
  'app.diff.action.create': 'new file',
  'app.diff.action.modify': 'changed',
  'app.diff.action.delete': 'deleted',
  'app.diff.counts_one': '{{count}} line added, {{removed}} removed',
  'app.diff.counts_other': '{{count}} lines added, {{removed}} removed',
  'app.diff.label': 'Diff of {{path}}',
  'app.diff.col.old': 'Old line',
  'app.diff.col.new': 'New line',
  'app.diff.col.change': 'Change',
  'app.diff.col.text': 'Text',
  'app.diff.marker.added': 'added',
  'app.diff.marker.removed': 'removed',
  'app.diff.marker.unchanged': 'unchanged',
  'app.diff.eol.crlf': 'ends in CRLF (Windows line ending)',
  'app.diff.eol.lf': 'ends in LF',
  'app.diff.eol.none': 'no line ending at the end of the file',
  'app.conflict.title': 'The file changed since the fix',
  'app.conflict.desc':
    'Restoring the copy from before the fix would throw away the edits made since. Below is what differs between the file the fix left (−) and the file as it is now (+). Nothing has been written yet.',
  'app.conflict.remove-help':
    '<strong>Remove only the fix’s lines</strong>: takes out what the fix added and puts back what it removed, and keeps every other edit.',
  'app.conflict.keep-help':
    '<strong>Keep my file</strong>: leaves the file exactly as it is now and marks the change as reverted in History.',
  'app.conflict.remove': 'Remove only the fix’s lines',
  'app.conflict.keep': 'Keep my file',

  // start
  'app.start.lead': 'Codex keeps printing <q>Reconnecting…</q>? This app finds out why and offers a fix you can undo.',
  'app.start.what-title': 'What will be checked',
  'app.start.check.config':
    'Your Codex configuration: CODEX_HOME, config.toml and profiles, the provider and its WebSocket setting',
  'app.start.check.proxy-env':
    'Proxy settings Codex sees: HTTPS_PROXY and friends from your environment and $CODEX_HOME/.env',
  'app.start.check.network': 'Name lookup, TCP, TLS and HTTPS to the provider’s endpoint',
  'app.start.check.websocket': 'A real WebSocket handshake, directly and through each proxy found',
  'app.start.check.proxy-apps': 'Proxy apps on this computer (Clash, v2rayN, …), the system proxy, and TUN mode',
  'app.start.consent':
    '<strong>Nothing changes without your consent.</strong> The diagnosis only reads and tests. Any fix is shown as a diff first, is written only when you press Apply, and can be reverted.',
  'app.start.setup-title': 'The Codex setup found',
  'app.start.reading': 'Reading your Codex setup…',
  'app.start.read-again': 'Read the setup again',
  'app.start.codex-home': 'CODEX_HOME',
  'app.start.home-missing': ' (does not exist yet)',
  'app.start.profile': 'Profile',
  'app.start.profile-default': 'Default (config.toml)',
  'app.start.profile-option': '{{profile}} ({{profile}}.config.toml)',
  'app.start.provider': 'Provider',
  'app.start.built-in': '(built-in)',
  'app.start.custom': '(custom)',
  'app.start.provider-unknown': 'Could not tell',
  'app.start.endpoint': 'Endpoint',
  'app.start.endpoint-default': 'Default',
  'app.start.websockets': 'WebSockets',
  'app.start.login': 'Login',
  'app.start.credential': 'Checks sign in with',
  'app.start.version': 'Codex version',
  'app.start.version-missing': 'Not found',
  'app.start.problem-title': 'Your Codex configuration has a problem',
  'app.start.problem-next':
    'fix the line shown in your editor, then read the setup again. The diagnosis can still run and will say what it can.',
  'app.start.run': 'Start the diagnosis',
  'app.auth.apikey': 'API key (codex login --with-api-key)',
  'app.auth.chatgpt': 'ChatGPT account',
  'app.auth.none': 'Not logged in',
  'app.credential.usable': "Codex's own credential: {{source}}",
  'app.credential.missing': 'Nothing — {{source}}',

  // diagnose
  'app.diagnose.running': 'Checking… each check appears as it runs.',
  'app.diagnose.finished': 'Finished in {{ms, duration}}.',
  'app.diagnose.cancelled': 'Diagnosis cancelled after {{ms, duration}}: the results below are partial.',
  'app.diagnose.cancelled-next':
    'run the diagnosis again and let it finish (a check waits up to its time-out when the network stalls), or look at what was found so far.',
  'app.diagnose.checks': 'Checks',
  'app.diagnose.run-again': 'Run again',
  'app.diagnose.see-partial': 'See the partial findings',
  'app.diagnose.see-found': 'See what was found',
  'app.check-detail.all-ok_one': 'all {{count}} check ok',
  'app.check-detail.all-ok_other': 'all {{count}} checks ok',
  'app.check-detail.others-ok_one': '{{parts}} ({{count}} other check ok)',
  'app.check-detail.others-ok_other': '{{parts}} ({{count}} other checks ok)',

  // findings
  'app.findings.partial': 'The diagnosis was cancelled: these findings are partial. Run it again for a full picture.',
  'app.findings.cause': 'The cause',
  'app.findings.evidence': 'Evidence',
  'app.findings.next': 'Next: ',
  'app.findings.else': 'What else was found',
  'app.findings.technical': 'Technical details',
  'app.findings.probes-caption': 'Every probe, with its route and result',
  'app.findings.col.step': 'Step',
  'app.findings.col.route': 'Route',
  'app.findings.col.result': 'Result',
  'app.findings.col.time': 'Time',
  'app.findings.col.detail': 'Detail',
  'app.findings.probe-failed': 'failed',
  // The probes table's result column: the failure kind's code in English, a word in Chinese.
  'app.failure.dns-error': 'dns-error',
  'app.failure.tcp-refused': 'tcp-refused',
  'app.failure.tcp-timeout': 'tcp-timeout',
  'app.failure.tls-error': 'tls-error',
  'app.failure.untrusted-ca': 'untrusted-ca',
  'app.failure.connect-denied': 'connect-denied',
  'app.failure.proxy-auth-required': 'proxy-auth-required',
  'app.failure.proxy-unreachable': 'proxy-unreachable',
  'app.failure.proxy-protocol-mismatch': 'proxy-protocol-mismatch',
  'app.failure.refused': 'refused',
  'app.failure.stalled': 'stalled',
  'app.failure.reset': 'reset',
  'app.failure.proxy-error-page': 'proxy-error-page',
  'app.failure.frames-dropped': 'frames-dropped',
  'app.failure.unauthenticated': 'unauthenticated',
  'app.failure.login-rejected': 'login-rejected',
  'app.failure.error': 'error',
  'app.findings.rule': 'Rule: {{rule}}',
  'app.findings.choose': 'Choose a fix',
  'app.next.no-fix':
    'No fix is needed: Codex can already connect. The next step confirms it and still lets you look at the fixes.',
  'app.next.not-websocket': '{{title}}. The next step says what to do; nothing is written without your consent.',
  'app.next.recommended.disable-websockets':
    'Recommended: Fix #1, turn off WebSockets for Codex. The next step compares it with the other fixes; nothing is written until you preview and apply one.',
  'app.next.recommended.use-proxy':
    'Recommended: Fix #2, send Codex through your proxy. The next step compares it with the other fixes; nothing is written until you preview and apply one.',
  'app.next.recommended.enable-tun':
    'Recommended: Fix #3, turn on TUN mode in your proxy app. The next step compares it with the other fixes; nothing is written until you preview and apply one.',
  'app.next.compare': 'The next step compares the three fixes; nothing is written until you preview and apply one.',

  // choose a fix
  'app.choose.no-fix-needed': 'No fix needed',
  'app.choose.show-anyway': 'Show the fixes anyway',
  'app.choose.not-websocket-note':
    'This is not a WebSocket problem, so none of the three WebSocket fixes would help yet.',
  'app.choose.why': 'Why',
  'app.choose.what-next': 'What to do next',
  'app.choose.pick-ca': "Choose your company's CA file…",
  'app.choose.preview-trust-ca': 'Preview: trust this CA',
  'app.choose.preview-repair': 'Preview the repair',
  'app.card.recommended': 'Recommended',
  'app.card.number': 'Fix #{{number}}',
  'app.card.why': 'Why: ',
  'app.card.best-for': 'Best for',
  'app.card.cost': 'What it costs',
  'app.card.proxy-url': 'Proxy URL',
  'app.card.proxy-url-placeholder': 'http://127.0.0.1:7890',
  'app.card.proxy-url-help': 'An HTTP or mixed port carries both the WebSocket and HTTPS.',
  'app.card.login-rejected': 'The proxy refused the saved login: enter it again',
  'app.card.login-wanted': 'The proxy wants a login',
  'app.card.user': 'User name',
  'app.card.password': 'Password',
  'app.card.password-note':
    'Checked against the proxy before anything is written, then saved percent-encoded in $CODEX_HOME/.env (readable by you alone), where Codex reads it. The app shows it nowhere and keeps it nowhere else.',
  'app.card.preview': 'Preview fix #{{number}}',
  'app.proxy.url-missing': 'Type the proxy URL Codex should use, e.g. http://127.0.0.1:7890.',
  'app.proxy.user-missing': 'Type the user name your proxy expects.',
  'app.fix.disable-websockets.title': 'Turn off WebSockets for Codex',
  'app.fix.disable-websockets.best-for':
    'Works at once, with nothing else to install or run. Codex talks plain HTTPS from the first request.',
  'app.fix.disable-websockets.cost':
    'With the built-in OpenAI provider, Codex switches to a new provider id: past conversations regroup under it (nothing is deleted; switching back shows them again).',
  'app.fix.disable-websockets.cost-custom':
    'Codex keeps your provider "{{provider}}"; only its supports_websockets setting changes, so it stays on HTTPS until you revert.',
  'app.fix.use-proxy.title': 'Send Codex through your proxy',
  'app.fix.use-proxy.best-for':
    'The clean long-term setup: WebSocket and HTTPS both go through a proxy that carries them.',
  'app.fix.use-proxy.cost':
    'Needs a working HTTP or mixed proxy port; if that proxy app is closed, Codex cannot connect.',
  'app.fix.enable-tun.title': 'Turn on TUN mode in your proxy app',
  'app.fix.enable-tun.best-for':
    'Every protocol and every program works, Codex included, with no Codex settings changed.',
  'app.fix.enable-tun.cost':
    "Changes the whole system's networking, not just Codex's; needs a proxy app that has TUN mode.",
  'app.problem.default.title': 'This is not a WebSocket problem',
  'app.problem.repair-config.title': 'Your Codex configuration needs a repair first',
  'app.problem.fix-proxy.title': 'Your proxy itself is not working',
  'app.problem.no-network.title': 'The endpoint cannot be reached at all',
  'app.problem.login.title': "Codex's login is rejected — not a network problem",
  'app.problem.unproven.title': "The WebSocket could not be proven without Codex's own check",
  'app.problem.trust-ca.title': "Codex does not trust your company's CA",
  'app.problem.weak-ca.title': 'Codex refuses this certificate — no setting fixes it',
  'app.problem.proxy-login-unsupported.title': 'Your proxy wants a login Codex cannot do',
  'app.problem.rerun': 'Then run the diagnosis again.',
  'app.problem.repair-config.step':
    'Preview the repair below: the app shows the exact lines it would change before anything is written.',
  'app.problem.fix-proxy.step':
    'Start your proxy app, or correct the proxy address in $CODEX_HOME/.env or your environment.',
  'app.problem.no-network.step': 'Check your internet connection, VPN or firewall, then run the diagnosis again.',
  'app.problem.login.step':
    'Nothing in your files needs to change: fix the login as the reasons above say, then run the diagnosis again.',
  'app.problem.trust-ca.step-check':
    "Check the CA's name and SHA-256 fingerprint above: Codex will trust every certificate it signs (IT can confirm the fingerprint).",
  'app.problem.trust-ca.step-preview':
    'Preview the change below: a PEM bundle (the public roots plus this CA) under $CODEX_HOME and SSL_CERT_FILE in $CODEX_HOME/.env, revertible at any time.',
  'app.problem.weak-ca.step':
    'Ask your IT department to re-issue the inspection CA (SHA-256, RSA 2048+ or ECDSA, valid dates), or to exempt the OpenAI endpoints from TLS inspection.',
  'app.problem.proxy-login-unsupported.step':
    "Start a local relay that logs in for you (px or cntlm), then run the diagnosis again: the doctor finds the relay's port and offers Fix #2 for it.",
  'app.problem.unproven.step-doctor':
    'Run `codex doctor --network-only` in a terminal: it checks the WebSocket with your login.',
  'app.problem.unproven.step-fix':
    'If Codex shows "Reconnecting… 2/5", apply Fix #1 from the command line: codex-connection-doctor fix disable-websockets.',
  'app.problem.pick-ca.step':
    'Ask your IT department for the CA certificate (a .pem or .crt file), then choose it below: it is checked against the certificate Codex is shown before anything is written.',

  // preview
  'app.preview.no-plan': 'Choose a fix first.',
  'app.preview.manual-title': 'The app cannot make this change for you, so it will write nothing.',
  'app.preview.manual-next':
    'follow the steps below in your proxy app, then run the diagnosis again to check that Codex connects.',
  'app.preview.nothing-written': 'Nothing has been written yet. This is exactly what will change:',
  'app.preview.no-files': 'This fix changes no files.',
  'app.preview.steps': 'Steps for you',
  'app.preview.api-action': 'The app will also call your proxy app at <code>{{controller}}</code>: {{description}}',
  'app.preview.side-effects': 'Side effects',
  'app.preview.undo-files':
    'You can undo it afterwards with Revert on the Done step or in History (every file comes back byte for byte), or with <code>{{command}}</code> in a terminal.',
  'app.preview.undo':
    'You can undo it afterwards with Revert on the Done step or in History, or with <code>{{command}}</code> in a terminal.',
  'app.preview.apply': 'Apply this change',

  // apply and verify
  'app.apply.previewing': 'Making a new preview…',
  'app.apply.applying': 'Applying the change, then running the diagnosis again…',
  'app.apply.preview-again': 'Preview the fix again',
  'app.apply.back-to-preview': 'Back to the preview',
  'app.apply.choose-another': 'Choose another fix',
  'app.apply.no-plan': 'Preview a fix first.',
  'app.apply.before': 'Before',
  'app.apply.after': 'After',
  'app.apply.no-earlier': 'No earlier diagnosis.',
  'app.apply.caption': 'Each check before and after the change',
  'app.apply.col.check': 'Check',
  'app.verify.healthy': 'Codex can now connect without reconnecting.',
  'app.verify.improved': 'Some checks improved, but the diagnosis still finds a problem.',
  'app.verify.still-failing': 'The problem is still there after the change.',

  // done
  'app.done.none': 'No change was applied.',
  'app.done.reverted': 'Reverted. Your files are back as they were.',
  'app.done.in-place':
    '<strong>{{title}}</strong> is in place. Restart Codex (or open a new session) for it to take effect.',
  'app.done.changed-files_one': 'Changed file:',
  'app.done.changed-files_other': 'Changed files:',
  'app.done.undo-title': 'How to undo it',
  'app.done.undo-text':
    'Press <strong>Revert now</strong> below, or Revert on its row in History, at any time. From a terminal (the app and the command line share one journal):',
  'app.done.change-id': 'Change id <code>{{id}}</code>',
  'app.done.revert-now': 'Revert now',
  'app.done.start-over': 'Start over',

  // history
  'app.history.intro': 'Every change this app or the command line made, newest first. Each can be reverted on its own.',
  'app.history.reload': 'Reload the history',
  'app.history.empty': 'No changes yet.',
  'app.history.caption': 'Changes',
  'app.history.col.when': 'When',
  'app.history.col.fix': 'Fix',
  'app.history.col.files': 'Files',
  'app.history.col.state': 'State',
  'app.history.col.action': 'Action',
  'app.history.revert': 'Revert',
  'app.history.revert-label': 'Revert {{title}} from {{when}}',
  'app.history.back': 'Back to the wizard',
  'app.history.state.reverted': 'Reverted {{when}}',
  'app.history.state.reverted-undated': 'Reverted',
  'app.history.state.overwritten': 'Overwritten since: its lines are gone (another tool may have rewritten the file)',
  'app.history.state.changed-since': 'In place, files edited since',
  'app.history.state.in-place': 'In place',
  'app.history.since.none': 'Since then, Codex recorded no retries and no fallbacks.',
  'app.history.since.counts':
    'Since then, Codex recorded {{retries}} retries, {{fallbacks}} fallbacks to HTTPS and {{waits}} waits for the network.',
  'app.history.kept': 'Your file was kept as it is.',
  'app.history.reverted-files': 'Reverted: {{files}}.',
  'app.history.reverted-nothing': 'Reverted: nothing left to restore.',
  // ---- end of the renderer block
};
