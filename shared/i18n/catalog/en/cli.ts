// The command line (`cli.`), the Markdown report (`report.`) and the browser-mode server's own
// text (`cli.server.`). Keys start with `cli.` or `report.`.
export const enCli = {
  'cli.product': 'Codex Connection Doctor',

  // ------------------------------------------------------------------ help
  'cli.help.usage': 'Usage: {{command}} <command> [options]',
  'cli.help.commands': 'Commands:',
  'cli.help.diagnose': 'Find out why Codex keeps "Reconnecting..." and which fix will work.',
  'cli.help.fix': 'Show the change as a diff, apply it after you agree, check that Codex connects.',
  'cli.help.revert': 'Put back the exact files a fix changed.',
  'cli.help.history': 'List the changes made by this tool (the app and the command line share them).',
  'cli.help.app': 'The wizard in your browser (where the desktop app cannot run, or over `ssh -L`).',
  'cli.help.options': 'Options (every command):',
  'cli.help.lang': 'The language of the output; by default the one of LC_ALL, LC_MESSAGES or LANG.',
  'cli.help.exit-codes':
    'Exit codes: 0 healthy / done, 1 a problem was found or the command failed, 2 the doctor could not run.',

  // ------------------------------------------------------------------ usage errors
  'cli.error.bad-lang': '--lang must be en or zh-CN (got "{{value}}").',
  'cli.error.unknown-command': 'Unknown command "{{name}}". Run `{{command}} --help` for the list.',
  'cli.error.unknown-option': "Unknown option '{{option}}'. Run `{{command}} --help` for the options.",
  'cli.error.missing-value': "Option '{{option}} <value>' argument missing. Run `{{command}} --help` for the options.",
  'cli.error.unexpected-argument':
    "Unexpected argument '{{argument}}'. This command does not take positional arguments. Run `{{command}} --help` for the options.",
  'cli.error.bad-arguments': '{{detail}}. Run `{{command}} --help` for the options.',
  'cli.error.internal': 'the doctor itself failed: {{detail}}. Please report this with the command you ran.',
  'cli.error.codex-home-loop':
    'CODEX_HOME {{home}} (from {{how}}) is a symlink loop: point the link at your Codex folder, or pass --codex-home DIR.',
  'cli.error.codex-home-missing':
    'CODEX_HOME {{home}} (from {{how}}) does not exist: run Codex once (`codex login`) or pass --codex-home DIR with your Codex folder.',
  'cli.error.codex-home-not-folder': 'CODEX_HOME {{home}} (from {{how}}) is not a folder: pass --codex-home DIR.',
  'cli.codex-home.from-flag': '--codex-home',
  'cli.codex-home.from-env': 'CODEX_HOME',
  'cli.codex-home.from-default': 'the default',
  'cli.error.bad-timeout':
    '--timeout-ms must be a whole number of milliseconds between 100 and 120000 (got "{{value}}").',
  'cli.error.profile-empty':
    '--profile needs a name (the NAME of $CODEX_HOME/NAME.config.toml); leave it out to use config.toml alone.',
  'cli.error.bad-profile':
    '--profile "{{value}}" is not a profile name Codex accepts: use letters, digits, "_", "-" or "." (not first), the NAME of $CODEX_HOME/NAME.config.toml.',
  'cli.error.bad-proxy-port': '--proxy-port must be a port number (got "{{value}}").',
  'cli.error.fix-needs-one': 'fix needs one of {{fixes}} (got "{{got}}").',
  'cli.error.proxy-without-use-proxy': '--proxy goes with use-proxy only.',
  'cli.error.ca-file-without-trust-ca': '--ca-file goes with trust-ca only.',
  'cli.error.ca-file-empty': '--ca-file needs the path of your CA certificate (a .pem or .crt file).',
  'cli.error.proxy-user-without-use-proxy': '--proxy-user goes with use-proxy only.',
  'cli.error.proxy-user-empty': '--proxy-user needs the user name your proxy expects.',
  'cli.error.password-on-stdin':
    '--proxy-user: give the password on standard input (one line), or run in a terminal to be asked for it.',
  'cli.error.cancelled': 'cancelled: nothing was written.',
  'cli.error.revert-needs-id': 'revert needs one CHANGE_ID or --last (see `history` for the ids).',
  'cli.error.revert-one-mode': 'choose one of --remove-fix-lines and --keep.',
  'cli.error.bad-port': '--port must be a port number 1–65535 (got "{{value}}").',
  'cli.error.not-built': 'The app is not built here: run `npm run build` (or `npm start`, which builds it) first.',
  'cli.error.port-in-use': 'Port {{port}} is in use: pick another with --port N, or leave --port out for a free one.',
  /** A refusal of the core and the file it is about, when the sentence does not name it already. */
  'cli.error.at-location': '{{message}} ({{where}})',
  'cli.error.next': 'Next: {{hint}}',

  // ------------------------------------------------------------------ diagnose
  'cli.diagnose.header': '{{product}} — checking how Codex connects (CODEX_HOME {{home}})',
  'cli.check.duration': '({{ms}} ms)',
  'cli.verdict.findings': 'Findings',
  'cli.verdict.title': 'Verdict: {{fix}}',
  'cli.verdict.rule': '(rule {{rule}})',
  'cli.verdict.proxy': 'Proxy: {{url}}',
  'cli.verdict.why': 'Why:',
  'cli.verdict.preview': 'Preview the change: {{commandLine}}  (shows the diff, asks before writing)',
  'cli.verdict.preview-login':
    'Preview the change: {{commandLine}}  (asks for the password, checks the login, shows the diff, asks before writing)',
  'cli.verdict.trust-ca':
    'With the CA file from IT: {{commandLine}}  (checks it against the certificate, shows the diff, asks before writing)',
  'cli.verdict.alternatives': 'Alternatives:',
  'cli.verdict.alternative': '{{fix}}: {{reason}}',
  'cli.done': 'Done in {{seconds}} s.',
  'cli.done-cancelled': 'Done in {{seconds}} s. Cancelled: results are partial.',

  // ------------------------------------------------------------------ fix
  'cli.plan.create': 'create {{path}}  (+{{added}} −{{removed}})',
  'cli.plan.delete': 'delete {{path}}  (+{{added}} −{{removed}})',
  'cli.plan.change': 'change {{path}}  (+{{added}} −{{removed}})',
  'cli.plan.api-action': 'Will call {{controller}}: {{description}}',
  'cli.plan.manual-steps': 'Steps (in your proxy app):',
  'cli.plan.note': 'Note: {{text}}',
  'cli.diff.no-newline': 'No newline at end of file',
  'cli.diff.eol-note':
    '␍ marks a line that ends in CRLF (Windows line ending); the same line shown without ␍ ends in LF: only its line ending differs.',
  'cli.fix.finding-proxy': 'No --proxy given: finding a proxy that carries Codex’s connection…',
  'cli.fix.using-proxy': 'Using {{url}} (proven by the diagnosis).',
  'cli.fix.password-prompt': 'Password for {{user}} at the proxy (not shown): ',
  'cli.fix.checking-ca-file': 'Checking {{file}} against the certificate Codex is shown…',
  'cli.fix.looking-for-ca':
    'Looking for the CA behind the certificate Codex is shown (your CA files, tool settings, the OS trust store)…',
  'cli.fix.nothing-to-write': 'Nothing to write for this fix; follow the steps above, then run `diagnose` again.',
  'cli.fix.dry-run': 'Dry run: nothing was written.',
  'cli.fix.needs-yes': 'nothing was written: re-run with --yes to apply this change without a prompt',
  'cli.fix.confirm': 'Apply this change? [y/N] ',
  'cli.fix.not-written': 'Nothing was written.',
  'cli.fix.applied': 'Applied as change {{id}}.',
  'cli.fix.before': 'Before the fix: {{fix}} — {{headline}}',
  'cli.fix.after': 'After the fix:  {{fix}} — {{headline}}',
  'cli.fix.codex-doctor': 'codex doctor: {{summary}}',
  'cli.fix.undo': 'Undo it at any time: {{commandLine}}',

  // ------------------------------------------------------------------ revert
  'cli.revert.change-id': '{{id}}',
  'cli.revert.the-last-change': 'the last change',
  'cli.revert.kept': 'Marked {{change}} as reverted; your files were kept as they are.',
  'cli.revert.removed-fix-lines': "took the fix's own lines out of {{files}} (your edits stay)",
  'cli.revert.restored': 'restored {{files}}',
  'cli.revert.tun-on': 'TUN mode set back on through the Clash API at {{controller}}',
  'cli.revert.tun-off': 'TUN mode set back off through the Clash API at {{controller}}',
  'cli.revert.nothing-restored': 'no file needed restoring (they were already as before, or were kept as they are)',
  'cli.revert.done-separator': '; ',
  'cli.revert.done': 'Reverted {{change}}: {{done}}.',
  'cli.revert.conflicts': 'Not reverted: these files were changed after the fix, and were left as they are:',
  'cli.revert.choose':
    'Choose: --remove-fix-lines (take out only the lines the fix added or changed) or --keep (keep the files, mark the change reverted).',
  'cli.revert.damaged-entry': 'skipped a damaged journal entry {{file}} ({{reason}})',

  // ------------------------------------------------------------------ history
  'cli.history.damaged-entry':
    'skipped a damaged journal entry {{file}} ({{reason}}); the others are listed and can be reverted — move it away to silence this',
  'cli.history.pending_one': '{{count}} change still being made by another run is not listed yet: {{ids}}',
  'cli.history.pending_other': '{{count}} changes still being made by another run are not listed yet: {{ids}}',
  'cli.history.empty': 'No changes yet.',
  'cli.history.reverted': 'reverted {{at}}',
  'cli.history.overwritten': 'overwritten since: its lines are gone (another tool rewrote the file?)',
  'cli.history.changed-since': 'active, files edited since',
  'cli.history.active': 'active',
  'cli.history.no-files': '(no files: a setting of your proxy app)',

  // ------------------------------------------------------------------ app (browser mode)
  'cli.app.running': '{{product}} is running at {{url}}',
  'cli.app.opener-failed': 'Could not start {{opener}}: open the link above in your browser.',
  'cli.app.opened': 'Opened it in your browser. The link works once; Ctrl-C stops the doctor.',
  'cli.app.open-it':
    'Open it in your browser (it works once). Over SSH: `ssh -L {{port}}:127.0.0.1:{{port}} HOST` on your machine, then open the link there. Ctrl-C stops the doctor.',
  'cli.app.stopped-idle': 'The page was closed, so the doctor stopped.',
  'cli.app.stopped': 'Stopped.',

  // ------------------------------------------------------------------ the browser-mode server
  'cli.server.not-loopback':
    'The browser mode listens on this machine\'s loopback address only (127.0.0.1 or ::1), not on "{{host}}".',
  'cli.server.not-app-page': 'dist/renderer/index.html is not the app page this server expects; run the build again.',
  'cli.server.hint-reopen':
    'Open the link that `codex-connection-doctor app` printed, in the browser on this machine (or through `ssh -L`).',
  'cli.server.only-post': 'Only POST is accepted here.',
  'cli.server.no-session': 'Request refused: this browser has no session with the doctor.',
  'cli.server.not-own-page': "Request refused: it did not come from the doctor's own page.",
  'cli.server.other-tab': 'Request refused: only the tab the link opened can use the doctor.',
  'cli.server.other-tab-hint': 'Go back to that tab, or run `codex-connection-doctor app` again and open its new link.',
  'cli.server.not-json': 'Request refused: not JSON.',
  'cli.server.too-large': 'The request is too large.',
  'cli.server.bad-json': 'The request is not valid JSON.',
  'cli.server.reload-hint': 'Reload the page and try again.',
  'cli.server.save-in-page': 'In the browser, the page downloads the report itself.',
  'cli.server.save-in-page-hint': 'Use "Save" in the page again, or copy the report.',
  'cli.server.copy-in-page': 'In the browser, the page copies the report itself.',
  'cli.server.copy-in-page-hint': 'Use "Copy" in the page again, or save the report.',
  'cli.server.no-file-picker': 'The browser cannot hand the doctor a file from your disk.',
  'cli.server.no-file-picker-hint':
    'Run `codex-connection-doctor fix trust-ca --ca-file PATH` in a terminal, with PATH the .pem or .crt file your IT department gave you.',
  'cli.server.wrong-host': 'Refused: this server answers only to its loopback address.',
  'cli.server.used-link':
    'This link is wrong or was already used. Run `codex-connection-doctor app` again for a new one.',
  'cli.server.open-the-link':
    'Open the link that `codex-connection-doctor app` printed; it works once, in one browser.',
  'cli.server.bad-request': 'Bad request',
  'cli.server.not-found': 'Not found',
  'cli.server.method-not-allowed': 'Method not allowed',
  'cli.server.internal-error': 'Internal error',

  // ------------------------------------------------------------------ the Markdown report
  'report.no-report-yet': 'Run the diagnosis first: there is no report to export yet.',
  'report.title': 'Codex Connection Doctor report',
  'report.date': 'Date: {{date}}',
  'report.duration': 'Duration: {{seconds}} s',
  'report.duration-cancelled': 'Duration: {{seconds}} s (cancelled, partial)',
  'report.codex': 'Codex: {{version}}; CODEX_HOME {{home}}',
  'report.codex-profile': 'Codex: {{version}}; CODEX_HOME {{home}}; profile {{profile}}',
  'report.codex-not-found': 'not found',
  'report.provider': 'Provider: {{id}} → {{baseUrl}}; WebSockets {{websockets}}',
  'report.provider-built-in': 'Provider: {{id}} (built-in) → {{baseUrl}}; WebSockets {{websockets}}',
  'report.provider-unknown': 'Provider: unknown (config problem)',
  'report.websockets-on': 'on',
  'report.websockets-off': 'off',
  'report.login': 'Login: {{mode}}',
  'report.login.apikey': 'apikey',
  'report.login.chatgpt': 'chatgpt',
  'report.login.none': 'none',
  'report.login.unknown': 'unknown',
  'report.proxy': 'Proxy Codex uses: {{proxy}}',
  'report.proxy-no-proxy': 'Proxy Codex uses: {{proxy}} (NO_PROXY {{noProxy}})',
  'report.proxy-none': 'none',
  'report.verdict': 'Verdict: {{fix}}',
  'report.verdict-proxy': 'Proxy: {{url}}',
  'report.alternatives': 'Alternatives:',
  'report.alternative': '{{fix}}: {{reason}}',
  'report.checks': 'Checks',
  'report.check-duration': '({{ms}} ms)',
  'report.findings': 'Findings',
  'report.evidence': 'Evidence',
};
