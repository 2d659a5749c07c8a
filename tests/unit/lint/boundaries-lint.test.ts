// The import boundaries of ARCHITECTURE.md are lint rules: breaking one on purpose fails `npm run lint`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

const root = fileURLToPath(new URL('../../../', import.meta.url));
// Type information is not needed for import rules (and a file that does not exist has none).
const eslint = new ESLint({ cwd: root, overrideConfig: tseslint.configs.disableTypeChecked });

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${filePath}` });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const cases: { file: string; code: string; allowed: boolean }[] = [
  {
    file: 'renderer/steps/Bad.tsx',
    code: "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
    allowed: false,
  },
  { file: 'renderer/steps/Bad.tsx', code: "import fs from 'fs';\nexport const x = fs;\n", allowed: false },
  {
    file: 'renderer/steps/Bad.tsx',
    code: "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n",
    allowed: false,
  },
  {
    file: 'renderer/steps/Bad.tsx',
    code: "import { diagnose } from '../../electron/core/diagnosis/diagnose.ts';\nexport const x = diagnose;\n",
    allowed: false,
  },
  { file: 'shared/bad.ts', code: "import { app } from 'electron';\nexport const x = app;\n", allowed: false },
  { file: 'shared/bad.ts', code: "import path from 'node:path';\nexport const x = path;\n", allowed: false },
  {
    file: 'electron/core/bad.ts',
    code: "import { dialog } from 'electron';\nexport const x = dialog;\n",
    allowed: false,
  },
  {
    file: 'electron/core/bad.ts',
    code: "import { App } from '../../renderer/App.tsx';\nexport const x = App;\n",
    allowed: false,
  },
  {
    file: 'electron/cli/bad.ts',
    code: "import { BrowserWindow } from 'electron';\nexport const x = BrowserWindow;\n",
    allowed: false,
  },
  // What each layer may use.
  {
    file: 'electron/core/ok.ts',
    code: "import { readFile } from 'node:fs/promises';\nexport const x = readFile;\n",
    allowed: true,
  },
  {
    file: 'renderer/steps/Ok.tsx',
    code: "import { msg } from '../../shared/i18n/message.ts';\nexport const x = msg;\n",
    allowed: true,
  },
  { file: 'electron/main-ok.ts', code: "import { app } from 'electron';\nexport const x = app;\n", allowed: true },
];

for (const c of cases) {
  test(`${c.allowed ? 'allowed' : 'refused'}: ${c.file} ${c.code.split('\n')[0]}`, async () => {
    const errors = await boundaryErrors(c.file, c.code);
    if (c.allowed) assert.deepEqual(errors, []);
    else assert.ok(errors.length > 0, 'expected a no-restricted-imports error');
  });
}

// Every word a person reads in the renderer comes from the catalog (docs/i18n.md).
async function literalTextErrors(code: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath: `${root}renderer/steps/Literal.tsx` });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax').length;
}

test('a component that writes English (or Chinese) inline fails the lint', async () => {
  assert.equal(await literalTextErrors('export const A = () => <p>Run the diagnosis</p>;\n'), 1);
  assert.equal(await literalTextErrors('export const A = () => <p>运行诊断</p>;\n'), 1);
  assert.equal(await literalTextErrors('export const A = () => <button aria-label="Close">x</button>;\n'), 1);
  assert.equal(await literalTextErrors("export const A = () => <p>{'Apply the fix'}</p>;\n"), 1);
});

test('text from the catalog, punctuation and symbols pass', async () => {
  const code =
    "declare const t: (id: string) => string;\nexport const A = () => <p aria-label={t('app.x')}>{t('app.y')} — · 2/5</p>;\n";
  assert.equal(await literalTextErrors(code), 0);
});
