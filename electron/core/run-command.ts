// The one way the engine runs a program: no stdin, a hard timeout, an optional AbortSignal, output
// capped, never rejects. Codex's own commands use it directly; the environment readers and the CA
// search take it through their injected runners, so tests replay recorded output instead.
import { spawn } from 'node:child_process';

export interface CommandResult {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  aborted: boolean;
  /** Set when the program could not be started at all (ENOENT, EACCES…). */
  spawnError?: string;
  /** Set when stdout or stderr ran past `maxBytes`: what was read is kept, the rest is dropped. */
  truncated?: boolean;
  durationMs: number;
}

export interface RunOptions {
  /** Default: this process's environment. */
  env?: NodeJS.ProcessEnv;
  timeoutMs: number;
  signal?: AbortSignal;
  platform?: NodeJS.Platform;
  /** The most bytes of stdout (and of stderr) kept; default 4 MiB. */
  maxBytes?: number;
}

const DEFAULT_MAX_BYTES = 4 * 1024 * 1024;

/**
 * Runs a program with no stdin and a hard timeout. On POSIX it gets its own process group so
 * that a wrapper script and the program it starts (npm's codex.js starts the native binary)
 * are killed together. Output is decoded as UTF-8 once it is all read, so a character split
 * across two pipe reads stays whole.
 */
export function runCommand(file: string, args: string[], opts: RunOptions): Promise<CommandResult> {
  const platform = opts.platform ?? process.platform;
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const started = performance.now();
  return new Promise((resolve) => {
    if (opts.signal?.aborted) {
      resolve({ exitCode: null, stdout: '', stderr: '', timedOut: false, aborted: true, durationMs: 0 });
      return;
    }
    const needsShell = platform === 'win32' && /\.(cmd|bat)$/i.test(file);
    const child = spawn(needsShell ? `"${file}"` : file, args, {
      env: opts.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: platform !== 'win32',
      shell: needsShell,
      windowsHide: true,
    });
    const out = { stdout: new Capture(maxBytes), stderr: new Capture(maxBytes) };
    let timedOut = false;
    let aborted = false;
    let settled = false;
    child.stdout?.on('data', (d: Buffer) => out.stdout.add(d));
    child.stderr?.on('data', (d: Buffer) => out.stderr.add(d));
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
        stdout: out.stdout.text(),
        stderr: out.stderr.text(),
        timedOut,
        aborted,
        durationMs: Math.round(performance.now() - started),
      };
      if (spawnError) result.spawnError = spawnError;
      if (out.stdout.truncated || out.stderr.truncated) result.truncated = true;
      resolve(result);
    };
    child.on('error', (err: NodeJS.ErrnoException) => finish(null, err.code ?? err.message));
    child.on('close', (code) => finish(code));
  });
}

class Capture {
  private readonly chunks: Buffer[] = [];
  private size = 0;
  truncated = false;

  constructor(private readonly maxBytes: number) {}

  add(chunk: Buffer): void {
    const room = this.maxBytes - this.size;
    if (chunk.length > room) this.truncated = true;
    if (room <= 0) return;
    const kept = chunk.length > room ? chunk.subarray(0, room) : chunk;
    this.chunks.push(kept);
    this.size += kept.length;
  }

  text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}
