#!/usr/bin/env node
// The package's command. A built package runs dist/cli.cjs; a source checkout runs the TypeScript
// through tsx.
const path = require('node:path');
const fs = require('node:fs');

const root = path.join(__dirname, '..');
const built = path.join(root, 'dist', 'cli.cjs');
if (fs.existsSync(built)) {
  require(built);
} else {
  const { spawnSync } = require('node:child_process');
  const tsx = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const result = spawnSync(process.execPath, [tsx, path.join(root, 'electron', 'cli.ts'), ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  process.exit(result.status ?? 1);
}
