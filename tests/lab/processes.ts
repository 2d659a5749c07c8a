// Children started by the lab. Each runs in its own process group so the whole tree
// (codex.js -> native codex, squid's helpers) can be stopped with one signal.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { waitForPort } from './ports.ts';

const running = new Set<ChildProcess>();
let exitHookInstalled = false;

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const child of running) killGroup(child, 'SIGKILL');
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      for (const child of running) killGroup(child, 'SIGKILL');
      process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1));
    });
  }
}

/** Spawns a child in its own process group and remembers it until it exits. */
export function spawnTracked(command: string, args: string[], options: SpawnOptions = {}): ChildProcess {
  installExitHook();
  const child = spawn(command, args, { ...options, detached: true });
  running.add(child);
  child.once('exit', () => running.delete(child));
  child.once('error', () => running.delete(child));
  return child;
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** Stops a tracked child's whole process group: SIGTERM, then SIGKILL after graceMs (0: SIGKILL at once). */
export async function stopTracked(child: ChildProcess, graceMs = 3000): Promise<void> {
  if (child.pid === undefined || hasExited(child)) {
    // The leader may be gone while others in its group live on.
    if (child.pid !== undefined) killGroup(child, 'SIGKILL');
    running.delete(child);
    return;
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  killGroup(child, graceMs === 0 ? 'SIGKILL' : 'SIGTERM');
  const timer = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
  killGroup(child, 'SIGKILL'); // leftovers in the group
  running.delete(child);
}

/** Number of lab children still alive (for tests that check nothing leaked). */
export function runningChildren(): number {
  return running.size;
}

/** A lab daemon (squid, nginx, v2ray, mitmproxy) that is up and listening. */
export interface Daemon {
  child: ChildProcess;
  /** What it printed so far (stdout and stderr, capped). */
  output(): string;
}

export interface DaemonOptions {
  /** Its name in error messages. */
  name: string;
  command: string;
  args: string[];
  port: number;
  /** How long it may take to listen. */
  timeoutMs: number;
  spawn?: Omit<SpawnOptions, 'stdio' | 'detached'>;
  maxOutput?: number;
  /** More to show when it fails to start (e.g. its error log). */
  failureDetails?: () => string;
  /** Grace for SIGTERM when it must be stopped after failing to start (0: SIGKILL). */
  stopGraceMs?: number;
}

/**
 * Starts a daemon in its own process group and waits until it listens on 127.0.0.1:port. If it
 * exits first, or never listens, it is stopped and the error ends with what it printed.
 */
export async function startDaemon(opts: DaemonOptions): Promise<Daemon> {
  const child = spawnTracked(opts.command, opts.args, { ...opts.spawn, stdio: ['ignore', 'pipe', 'pipe'] });
  const max = opts.maxOutput ?? 64_000;
  let output = '';
  const keep = (chunk: string) => {
    if (output.length < max) output += chunk;
  };
  child.stdout?.setEncoding('utf8').on('data', keep);
  child.stderr?.setEncoding('utf8').on('data', keep);
  try {
    await waitForPort(opts.port, opts.timeoutMs, () =>
      hasExited(child)
        ? `${opts.name} exited before listening (code ${child.exitCode}): ${(output + (opts.failureDetails?.() ?? '')).trim().slice(-2000)}`
        : undefined,
    );
  } catch (error) {
    await stopTracked(child, opts.stopGraceMs ?? 500);
    throw error;
  }
  return { child, output: () => output };
}

/** A log file's text, or '' while it does not exist. */
export function readLog(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
