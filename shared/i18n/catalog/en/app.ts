// Keys start with `app.`.
export const enApp = {
  // ---- main's native dialogs (electron/dialogs.ts) and the browser mode's client (electron/web/doctor-client.dom.ts)
  'app.native.save-report-title': 'Save the redacted report',
  'app.native.save-button': 'Save',
  'app.native.pick-ca-title': "Choose your company's CA certificate",
  'app.native.pick-ca-button': 'Choose',
  'app.native.certificates-filter': 'Certificates',
  'app.native.link-not-allowed': 'That link is not on the allow-list.',
  'app.web.gone': 'The doctor is no longer running (it stops when its terminal is closed, or a minute after its page was closed).',
  'app.web.gone-hint': 'Run `codex-connection-doctor app` (or `npm start`) again and open the link it prints.',
  'app.web.clipboard-refused': 'The browser did not let the page use the clipboard.',
  'app.web.clipboard-refused-hint': 'Save the report instead, or click Copy again with the page in front.',
  'app.web.report-downloaded': 'Downloaded the redacted report as {{name}} (see your browser’s downloads).',
  // ---- end of the native dialogs and browser-mode client block
};
