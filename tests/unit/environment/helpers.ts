// Shared by the environment tests: recorded outputs and a fake command runner that replays them.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeTempDir } from '../../lab/temp-dirs.ts';
import type { RunCommand, RunResult } from '../../../electron/core/environment/run-command.ts';

export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/environment');

export function fixture(name: string): string {
  return readFileSync(path.join(FIXTURES, name), 'utf8');
}

/**
 * A runner answering from a table keyed by `cmd arg1 arg2…`; unknown commands fail like a
 * missing binary. It records every call so tests can check what would have run.
 */
export function fakeRun(answers: Record<string, Partial<RunResult> | string>): RunCommand & { calls: string[] } {
  const calls: string[] = [];
  const run = async (cmd: string, args: string[]): Promise<RunResult> => {
    const key = [cmd, ...args].join(' ');
    calls.push(key);
    const answer = answers[key];
    if (answer === undefined) return { stdout: '', stderr: `${cmd}: not found`, code: null };
    if (typeof answer === 'string') return { stdout: answer, stderr: '', code: 0 };
    return { stdout: '', stderr: '', code: 0, ...answer };
  };
  return Object.assign(run, { calls });
}

/** Copies a fixture into a fake root at a logical path (Windows `C:\x` lands in `<root>/C/x`). */
export function plant(root: string, logicalPath: string, fixtureName: string): void {
  const parts = logicalPath
    .replace(/^([A-Za-z]):/, '$1')
    .split(/[\\/]+/)
    .filter(Boolean);
  const target = path.join(root, ...parts);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, readFileSync(path.join(FIXTURES, fixtureName)));
}

/** A temporary directory removed when the test process exits. */
export function tempRoot(prefix: string): string {
  return makeTempDir(`env-${prefix}`);
}
