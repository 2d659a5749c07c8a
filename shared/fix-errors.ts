// The reasons a fix is refused or fails (FixError.code), and what the user can do next for each —
// one table for the app (the IPC error's hint) and the command line (its "Next:" line). A new code
// without a hint does not compile. Pure: no Node, no Electron.

export type FixErrorCode =
  | 'codex-home-missing'
  | 'config-unparseable'
  | 'read-only'
  | 'changed-since-plan'
  | 'plan-expired'
  | 'not-applicable'
  | 'invalid-proxy'
  | 'proxy-failed'
  | 'proxy-login'
  | 'edit-refused'
  | 'not-found'
  | 'already-reverted'
  | 'api-failed';

export const FIX_ERROR_HINTS: Readonly<Record<FixErrorCode, string>> = {
  'changed-since-plan':
    'Nothing was written. A file changed after the preview was made (perhaps you edited it): preview the fix again to see the change against the file as it is now.',
  'plan-expired': 'Nothing was written. Preview the fix again, then apply the new preview.',
  'read-only':
    'Nothing was written. Make the file (and its folder) writable by your user, e.g. `chmod u+w` on it, then apply again.',
  'codex-home-missing':
    'Run Codex once (or create the folder) so CODEX_HOME exists, or set CODEX_HOME to the folder Codex uses, then run the diagnosis again.',
  'config-unparseable': 'Fix the line shown in your editor (or use the repair offered), then run the diagnosis again.',
  'invalid-proxy': 'Correct the proxy URL (http://HOST:PORT, socks5://HOST:PORT or socks5h://HOST:PORT) and preview again.',
  'proxy-failed':
    'Nothing was written. Start your proxy app or pick its HTTP/mixed port, then preview again; or choose Fix #1, which needs no proxy.',
  'proxy-login':
    'Nothing was written. Give the user name and password your proxy expects (as for your browser), then preview again.',
  'edit-refused': 'Nothing was written. Make the change by hand using the diff, or choose another fix.',
  'not-applicable': 'Choose another fix, or follow the steps shown for this one.',
  'not-found': 'List the changes again (the History page, or `history`): the change may have been removed from the journal.',
  'already-reverted': 'Nothing to do: list the changes again (the History page, or `history`) to see its current state.',
  'api-failed': 'Open your proxy app and check that its external controller (API) is on, or switch TUN on in the app by hand.',
};

export function isFixErrorCode(code: unknown): code is FixErrorCode {
  return typeof code === 'string' && code in FIX_ERROR_HINTS;
}
