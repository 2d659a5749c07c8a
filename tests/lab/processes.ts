// Children started by the lab. Each runs in its own process group so the whole tree
// (codex.js -> native codex, squid's helpers) can be stopped with one signal.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

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
