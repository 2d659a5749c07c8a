#!/usr/bin/env node
// Runs node's test runner over every *.test.ts below the given folders (Node 20 does not expand
// globs itself). Usage: node scripts/run-tests.mjs [--serial] tests/unit [tests/other …]
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const serial = args.includes('--serial');
const roots = args.filter((a) => !a.startsWith('--'));

function findTests(dir) {
  const found = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...findTests(path));
    else if (name.endsWith('.test.ts')) found.push(path);
  }
  return found;
}

const files = roots.flatMap(findTests);
if (files.length === 0) {
  console.error(`no *.test.ts files under ${roots.join(', ')}`);
  process.exit(1);
}
const nodeArgs = ['--import', 'tsx', '--test', '--test-reporter=spec'];
if (serial) nodeArgs.push('--test-concurrency=1');
const result = spawnSync(process.execPath, [...nodeArgs, ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
