// What the preview says beyond the diff: tools that may rewrite config.toml, and the running Codex
// programs that must restart. Process lists are recorded outputs of ps and PowerShell.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findConfigManagers, markerComments } from '../../../electron/core/after-fix/config-managers.ts';
import {
  classifyCodexProcess,
  findRunningCodex,
  parseProcessList,
  restartNote,
} from '../../../electron/core/after-fix/codex-processes.ts';
import { prepareFix } from '../../../electron/core/workflow.ts';
import { en, enAll, zh } from '../../i18n.ts';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'processes');
const recorded = (name: string) => readFileSync(path.join(fixtures, name), 'utf8');

describe('tools that rewrite config.toml', () => {
  test('"managed by" comments are found with their lines; ordinary comments are not', () => {
    const text =
      '# my settings\nmodel = "gpt-5"\n# Auto-injected by codex-bridge — do not edit\nopenai_base_url = "http://127.0.0.1:15721/v1" # managed by codex-bridge\n';
    assert.deepEqual(
      markerComments(text).map((m) => m.line),
      [3, 4],
    );
  });

  test('cc-switch is recognised by its state folder', () => {
    const home = mkdtempSync(path.join(os.tmpdir(), 'ccs-'));
    assert.deepEqual(findConfigManagers({ homedir: home, files: [] }), []);
    mkdirSync(path.join(home, '.cc-switch'));
    writeFileSync(path.join(home, '.cc-switch', 'config.json'), '{}');
    const [m] = findConfigManagers({ homedir: home, files: [] });
    assert.equal(m?.id, 'cc-switch');
    assert.equal(en(m!.evidence), path.join('~', '.cc-switch', 'config.json'));
  });

  test('the preview of Fix #1 warns that cc-switch may undo it, and says what to do there', async () => {
    const home = mkdtempSync(path.join(os.tmpdir(), 'ccs-home-'));
    mkdirSync(path.join(home, '.cc-switch'));
    writeFileSync(path.join(home, '.cc-switch', 'cc-switch.db'), '');
    const codexHome = path.join(home, '.codex');
    mkdirSync(codexHome);
    writeFileSync(
      path.join(codexHome, 'config.toml'),
      'model_provider = "p"\n[model_providers.p]\nname = "P"\nbase_url = "https://example.invalid/v1"\nsupports_websockets = true\n',
    );
    const planned = await prepareFix('disable-websockets', {
      codexHome,
      profile: null,
      env: {},
      homedir: home,
      runCommand: async () => ({ code: 0, stderr: '', stdout: recorded('ps-linux.txt') }),
    });
    assert.match(enAll(planned.plan.warnings).join(' '), /cc-switch rewrites config\.toml/);
    assert.match(
      enAll(planned.plan.sideEffects).join(' '),
      /Running now, and reading the change only when restarted: Codex CLI \(pid 812, 820\); VS Code \(Codex extension\) \(pid 1520\); Cursor \(Codex extension\) \(pid 1777\)/,
    );
  });
});

describe('running Codex programs', () => {
  test('Linux ps: the CLI (launcher and binary), VS Code and Cursor extensions; not the doctor, not a file named codex-notes', () => {
    const rows = parseProcessList(recorded('ps-linux.txt'), 'linux');
    const kinds = rows.map((r) => classifyCodexProcess(r.commandLine));
    assert.deepEqual(kinds, [
      null,
      'Codex CLI',
      'Codex CLI',
      null,
      'VS Code (Codex extension)',
      'Cursor (Codex extension)',
      null,
      null,
    ]);
  });

  test('macOS: the Codex app and a Homebrew CLI', async () => {
    const found = await findRunningCodex(
      async () => ({ code: 0, stderr: '', stdout: recorded('ps-macos.txt') }),
      'darwin',
    );
    assert.deepEqual(
      found.map((p) => p.what),
      ['Codex app', 'Codex app', 'Codex CLI'],
    );
  });

  test('Windows (PowerShell CSV): the app, the CLI, the VS Code extension', async () => {
    const found = await findRunningCodex(
      async () => ({ code: 0, stderr: '', stdout: recorded('powershell-win.csv') }),
      'win32',
    );
    assert.deepEqual(found, [
      { pid: 6120, what: 'Codex app' },
      { pid: 7012, what: 'Codex CLI' },
      { pid: 7788, what: 'VS Code (Codex extension)' },
    ]);
  });

  test('a failing process list is no list, and nothing running is no note', async () => {
    assert.deepEqual(
      await findRunningCodex(async () => ({ code: null, stderr: 'ps: not found', stdout: '' }), 'linux'),
      [],
    );
    assert.equal(restartNote([]), null);
  });

  test('the restart note in Chinese names the programs in Chinese', () => {
    const note = restartNote([
      { pid: 1, what: 'Codex app' },
      { pid: 2, what: 'VS Code (Codex extension)' },
    ])!;
    assert.equal(
      en(note),
      'Running now, and reading the change only when restarted: Codex app (pid 1); VS Code (Codex extension) (pid 2).',
    );
    assert.equal(
      zh(note),
      '以下程序正在运行，只有重启后才会读取这项修改：Codex 桌面应用（pid 1）；VS Code（Codex 扩展）（pid 2）。',
    );
  });
});
