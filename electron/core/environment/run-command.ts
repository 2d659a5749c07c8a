// Runs an OS command for the readers. Injected everywhere as `run`, so tests replay recorded output.
import { execFile } from 'node:child_process';

export interface RunResult {
  stdout: string;
  stderr: string;
  /** Exit code; null when the command could not start, was killed, or timed out. */
  code: number | null;
}

export type RunCommand = (cmd: string, args: string[], opts: { timeoutMs: number }) => Promise<RunResult>;

/** The real runner: never rejects; a missing command or a timeout becomes `code: null` with a reason in stderr. */
export const runCommand: RunCommand = (cmd, args, { timeoutMs }) =>
  new Promise((resolve) => {
    execFile(
      cmd,
      args,
      { timeout: timeoutMs, windowsHide: true, maxBuffer: 4 * 1024 * 1024, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (!error) return resolve({ stdout, stderr, code: 0 });
        const err = error as NodeJS.ErrnoException & { code?: string | number; killed?: boolean };
        if (typeof err.code === 'number') return resolve({ stdout, stderr, code: err.code });
        const reason = err.killed
          ? `timed out after ${timeoutMs} ms`
          : err.code === 'ENOENT'
            ? 'not found'
            : err.message;
        resolve({ stdout: stdout ?? '', stderr: `${cmd}: ${reason}`, code: null });
      },
    );
  });

/** A one-line reason for a failed run, for an `error` field. */
export function runFailure(cmd: string, result: RunResult): string {
  const detail = result.stderr.trim().split(/\r?\n/)[0] ?? '';
  if (result.code === null) return detail || `${cmd} could not run`;
  return `${cmd} exited with ${result.code}${detail ? `: ${detail}` : ''}`;
}

/** Runs a command and never rejects, even if an injected runner does. */
export async function runSafely(run: RunCommand, cmd: string, args: string[], timeoutMs: number): Promise<RunResult> {
  try {
    return await run(cmd, args, { timeoutMs });
  } catch (error) {
    return { stdout: '', stderr: `${cmd}: ${error instanceof Error ? error.message : String(error)}`, code: null };
  }
}
