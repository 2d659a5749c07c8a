// The runner the environment readers are given as `run`, so tests replay recorded output. The real
// one is the engine's runCommand, its result cut down to what the readers read.
import { runCommand, type CommandResult } from '../run-command.ts';

export interface RunResult {
  stdout: string;
  stderr: string;
  /** Exit code; null when the command could not start, was killed, or timed out. */
  code: number | null;
}

export interface RunCommandOptions {
  timeoutMs: number;
  /** The most bytes of output read (default the runner's, 4 MiB); more is a failure to run. */
  maxBytes?: number;
}

export type RunCommand = (cmd: string, args: string[], opts: RunCommandOptions) => Promise<RunResult>;

/** The real runner: never rejects; a missing command or a timeout becomes `code: null` with a reason in stderr. */
export const runOsCommand: RunCommand = async (cmd, args, opts) =>
  asRunResult(cmd, await runCommand(cmd, args, opts), opts.timeoutMs);

/** A runner's result as the readers see it: a failure to run is `code: null`, with why in stderr. */
export function asRunResult(cmd: string, result: CommandResult, timeoutMs: number): RunResult {
  const { stdout, stderr, exitCode } = result;
  const reason = result.timedOut
    ? `timed out after ${timeoutMs} ms`
    : result.spawnError === 'ENOENT'
      ? 'not found'
      : result.spawnError
        ? result.spawnError
        : result.truncated
          ? 'printed more than the output limit'
          : exitCode === null
            ? 'stopped by a signal'
            : undefined;
  return reason === undefined
    ? { stdout, stderr, code: exitCode }
    : { stdout, stderr: `${cmd}: ${reason}`, code: null };
}

/** A one-line reason for a failed run, for an `error` field. */
export function runFailure(cmd: string, result: RunResult): string {
  const detail = result.stderr.trim().split(/\r?\n/)[0] ?? '';
  if (result.code === null) return detail || `${cmd} could not run`;
  return `${cmd} exited with ${result.code}${detail ? `: ${detail}` : ''}`;
}

/** Runs a command and never rejects, even if an injected runner does. */
export async function runSafely(
  run: RunCommand,
  cmd: string,
  args: string[],
  opts: number | RunCommandOptions,
): Promise<RunResult> {
  try {
    return await run(cmd, args, typeof opts === 'number' ? { timeoutMs: opts } : opts);
  } catch (error) {
    return { stdout: '', stderr: `${cmd}: ${error instanceof Error ? error.message : String(error)}`, code: null };
  }
}
