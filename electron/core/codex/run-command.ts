import { spawn } from 'node:child_process';

export interface CommandResult {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  aborted: boolean;
  /** Set when the program could not be started at all (ENOENT, EACCES…). */
  spawnError?: string;
  durationMs: number;
}

export interface RunOptions {
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
  signal?: AbortSignal;
  platform?: NodeJS.Platform;
}

/**
 * Runs a program with no stdin and a hard timeout. On POSIX it gets its own process group so
 * that a wrapper script and the program it starts (npm's codex.js starts the native binary)
 * are killed together.
 */
export function runCommand(file: string, args: string[], opts: RunOptions): Promise<CommandResult> {
  const platform = opts.platform ?? process.platform;
  const started = performance.now();
  return new Promise((resolve) => {
    if (opts.signal?.aborted) {
      resolve({ exitCode: null, stdout: '', stderr: '', timedOut: false, aborted: true, durationMs: 0 });
      return;
    }
    const needsShell = platform === 'win32' && /\.(cmd|bat)$/i.test(file);
    const child = spawn(needsShell ? `"${file}"` : file, args, {
      env: opts.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: platform !== 'win32',
      shell: needsShell,
      windowsHide: true,
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    let aborted = false;
    let settled = false;
    const limit = 4 * 1024 * 1024;
    child.stdout?.on('data', (d: Buffer) => {
      if (stdout.length < limit) stdout += d.toString('utf8');
    });
    child.stderr?.on('data', (d: Buffer) => {
      if (stderr.length < limit) stderr += d.toString('utf8');
    });
    const kill = () => {
      try {
        if (platform !== 'win32' && child.pid) process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, opts.timeoutMs);
    const onAbort = () => {
      aborted = true;
      kill();
    };
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    const finish = (exitCode: number | null, spawnError?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      const result: CommandResult = {
        exitCode,
        stdout,
        stderr,
        timedOut,
        aborted,
        durationMs: Math.round(performance.now() - started),
      };
      if (spawnError) result.spawnError = spawnError;
      resolve(result);
    };
    child.on('error', (err: NodeJS.ErrnoException) => finish(null, err.code ?? err.message));
    child.on('close', (code) => finish(code));
  });
}
