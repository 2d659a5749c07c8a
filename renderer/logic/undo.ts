// How the user undoes an applied change outside the app: the package's bin, which shares the app's journal.

export const CLI_NAME = 'codex-connection-doctor';

/** The command that reverts one change from a terminal. */
export function revertCommand(changeId: string): string {
  return `${CLI_NAME} revert ${changeId}`;
}

/** Said before applying, when the change id does not exist yet. */
export const REVERT_LAST_COMMAND = `${CLI_NAME} revert --last`;
