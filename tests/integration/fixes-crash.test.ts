// Kills a process in the middle of atomic writes, many times, and checks the target file is
// always exactly one of the two versions it was switching between, never a mix or a truncation.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const atomicWriteModule = path.resolve(here, '..', '..', 'electron', 'core', 'fixes', 'atomic-write.ts');

const SIZE = 8 * 1024 * 1024;
function version(letter: string): Buffer {
  const body = Buffer.alloc(SIZE, letter);
  body.write(`version ${letter}\n`, 0);
  return body;
}

const CHILD = `
import { atomicWriteFileSync } from ${JSON.stringify(atomicWriteModule)};
const [target, size] = [process.argv[2], Number(process.argv[3])];
const make = (l) => { const b = Buffer.alloc(size, l); b.write('version ' + l + '\\n', 0); return b; };
const versions = [make('A'), make('B')];
let i = 0;
for (;;) {
  atomicWriteFileSync(target, versions[i % 2]);
  if (i === 0) process.stdout.write('ready\\n');
  i += 1;
}
`;

test('a SIGKILL at any moment leaves the old or the new file', { timeout: 240_000 }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fixes-crash-'));
  try {
    const childScript = path.join(dir, 'writer.mts');
    fs.writeFileSync(childScript, CHILD);
    const target = path.join(dir, 'config.toml');
    const a = version('A');
    const b = version('B');
    fs.writeFileSync(target, a, { mode: 0o640 });
    const kills = 25;
    let sawA = 0;
    let sawB = 0;
    for (let round = 0; round < kills; round += 1) {
      const child = spawn(process.execPath, ['--import', 'tsx', childScript, target, String(SIZE)], {
        cwd: path.resolve(here, '..', '..'),
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      await new Promise<void>((resolve, reject) => {
        child.stdout!.once('data', () => resolve());
        child.once('exit', (code) => reject(new Error(`writer exited early (${code})`)));
      });
      // Let it write for a random while, then kill it without warning.
      await new Promise((r) => setTimeout(r, Math.random() * 60));
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await exited;
      const now = fs.readFileSync(target);
      const isA = now.equals(a);
      const isB = now.equals(b);
      assert.ok(isA || isB, `round ${round}: the file is ${now.length} bytes and neither version`);
      if (isA) sawA += 1;
      else sawB += 1;
      assert.equal(fs.statSync(target).mode & 0o777, 0o640, 'the mode survives every replacement');
    }
    // Both versions were seen, so the kills did land while writes were going on.
    assert.ok(sawA > 0 && sawB > 0, `saw A ${sawA} times and B ${sawB} times`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
