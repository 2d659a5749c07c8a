// Shared by the fix tests: temporary CODEX_HOMEs from the corpus, a CodexSetup, the real Codex.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCodexSetup } from '../../../electron/core/codex/index.ts';
import assert from 'node:assert/strict';
import type { CodexSetup, FixPlan } from '../../../shared/types.ts';
import { en, zh } from '../../i18n.ts';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const corpusDir = path.join(repoRoot, 'tests', 'fixtures', 'config-corpus');

export interface CaseMeta {
  profile?: string;
  provider: string;
  builtIn: boolean;
  baseUrl?: string;
  expectId?: string;
  reuse?: boolean;
  broken?: boolean;
}

export function corpusCases(): { name: string; meta: CaseMeta }[] {
  return fs
    .readdirSync(corpusDir)
    .filter((n) => fs.existsSync(path.join(corpusDir, n, 'case.json')))
    .sort()
    .map((name) => ({
      name,
      meta: JSON.parse(fs.readFileSync(path.join(corpusDir, name, 'case.json'), 'utf8')) as CaseMeta,
    }));
}

const tempDirs: string[] = [];
process.on('exit', () => {
  for (const d of tempDirs) fs.rmSync(d, { recursive: true, force: true });
});

export function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
  tempDirs.push(dir);
  return dir;
}

/** A temporary CODEX_HOME holding a copy of a corpus case (case.json left out). */
export function homeFromCase(name: string): string {
  const home = tempDir(`fixes-${name}`);
  for (const file of fs.readdirSync(path.join(corpusDir, name))) {
    if (file === 'case.json') continue;
    fs.copyFileSync(path.join(corpusDir, name, file), path.join(home, file));
  }
  return home;
}

/** Every file of a directory with its bytes and mode (sub-directories skipped). */
export function snapshot(dir: string): Map<string, { bytes: Buffer; mode: number }> {
  const out = new Map<string, { bytes: Buffer; mode: number }>();
  for (const file of fs.readdirSync(dir)) {
    const full = path.join(dir, file);
    const stat = fs.statSync(full);
    if (stat.isFile()) out.set(file, { bytes: fs.readFileSync(full), mode: stat.mode & 0o7777 });
  }
  return out;
}

export async function setupFor(home: string, profile: string | null): Promise<CodexSetup> {
  return loadCodexSetup({ codexHome: home, profile, env: {}, findInstalls: false });
}

export const codexBin = path.join(repoRoot, 'node_modules', '.bin', 'codex');

/** Runs `codex [--profile P] mcp list`, which loads and validates the whole config, providers included. */
export function codexLoadsConfig(home: string, profile: string | null): { ok: boolean; output: string } {
  const args = [...(profile ? ['--profile', profile] : []), 'mcp', 'list'];
  const result = spawnSync(codexBin, args, {
    env: { PATH: process.env.PATH ?? '', HOME: home, CODEX_HOME: home },
    encoding: 'utf8',
    timeout: 30_000,
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`
    .split('\n')
    .filter((l) => !l.startsWith('WARNING: proceeding'))
    .join('\n');
  return { ok: result.status === 0, output };
}

/** Every message of a plan renders whole in both languages: no missing parameter, no "[object Object]". */
export function assertPlanRenders(plan: FixPlan): void {
  const messages = [
    plan.title,
    ...plan.sideEffects,
    ...plan.warnings,
    ...(plan.manualSteps ?? []),
    ...(plan.apiAction ? [plan.apiAction.description] : []),
    ...(plan.caBundle?.foundIn ?? []),
  ];
  for (const m of messages) {
    for (const text of [en(m), zh(m)]) {
      assert.ok(text.length > 0 && !/\{\{|\[object |undefined/.test(text), `${m.id}: ${text}`);
    }
    // A whole sentence has Chinese of its own (a short one may be a name or a path as it is).
    if (en(m).length > 40) assert.notEqual(zh(m), en(m), `${m.id} has Chinese of its own`);
  }
}
