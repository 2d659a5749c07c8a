// The catalog is complete in both languages and holds nothing the code does not use.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { en } from '../../../shared/i18n/catalog/en/index.ts';
import { zhCN } from '../../../shared/i18n/catalog/zh-CN/index.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const catalogDir = path.join(root, 'shared/i18n/catalog');
const PLURAL = /_(zero|one|two|few|many|other)$/;
const baseOf = (key: string) => key.replace(PLURAL, '');
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)/g)].map((m) => m[1]!).sort();

const enKeys = Object.keys(en) as (keyof typeof en)[];
const zhTable = zhCN as Record<string, string>;
const enTable = en as Record<string, string>;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (full === catalogDir || name === 'node_modules') return [];
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

test('every English key has its Chinese twin (one plural form) and no Chinese key is extra', () => {
  const expected = new Set(enKeys.filter((k) => !k.endsWith('_one')));
  const missing = [...expected].filter((k) => !(k in zhTable));
  const extra = Object.keys(zhTable).filter((k) => !expected.has(k as keyof typeof en));
  assert.deepEqual(missing, [], 'missing in zh-CN');
  assert.deepEqual(extra, [], 'only in zh-CN');
});

test('every plural has its `_other` form in English', () => {
  for (const k of enKeys.filter((k) => k.endsWith('_one'))) assert.ok(`${baseOf(k)}_other` in enTable, k);
});

test('both languages use the same placeholders', () => {
  for (const k of Object.keys(zhTable)) {
    const enText = enTable[k]!;
    // An English singular may say "one" instead of {{count}}; compare the Chinese with the plural form.
    assert.deepEqual(placeholders(zhTable[k]!), placeholders(enText), k);
  }
});

test('no text is empty, and Chinese texts are written in Chinese', () => {
  const latinRun = /(?:\b[A-Za-z]{2,}\b[ ,]+){3,}[A-Za-z]{2,}/;
  for (const [k, text] of Object.entries(zhTable)) {
    if (k === 'common.list-separator') continue;
    assert.ok(text.trim().length > 0, `${k} is empty`);
    // Code, placeholders and names stay as they are; what remains must not be an English sentence.
    const prose = text
      .replace(/`[^`]*`/g, '')
      .replace(/\{\{[^}]*\}\}/g, '')
      .replace(/"[^"]*"/g, '');
    assert.doesNotMatch(prose, latinRun, `${k} reads as English: ${text}`);
  }
  for (const [k, text] of Object.entries(enTable)) assert.ok(text.trim().length > 0, `${k} is empty`);
});

test('each area file uses its own key prefix', () => {
  const prefixes: Record<string, string[]> = {
    common: ['common.'],
    verdict: ['verdict.'],
    setup: ['setup.'],
    probes: ['probes.'],
    diagnosis: ['diagnosis.'],
    fixes: ['fixes.', 'errors.'],
    app: ['app.'],
    cli: ['cli.', 'report.'],
  };
  for (const lang of ['en', 'zh-CN']) {
    for (const file of readdirSync(path.join(catalogDir, lang)).filter((f) => f !== 'index.ts')) {
      const area = file.replace(/\.ts$/, '');
      const allowed = prefixes[area];
      assert.ok(allowed, `${lang}/${file}: an area without a prefix (add it here and to docs/i18n.md)`);
      const keys = [...readFileSync(path.join(catalogDir, lang, file), 'utf8').matchAll(/^\s*'([^']+)':/gm)].map(
        (m) => m[1]!,
      );
      for (const key of keys)
        assert.ok(
          allowed.some((p) => key.startsWith(p)),
          `${lang}/${file}: ${key}`,
        );
    }
  }
});

test('every key is used: its id appears literally in the code', () => {
  const code = ['shared', 'electron', 'renderer']
    .flatMap((d) => sourceFiles(path.join(root, d)))
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');
  const unused = [...new Set(enKeys.map(baseOf))].filter(
    (id) => !code.includes(`'${id}'`) && !code.includes(`"${id}"`),
  );
  assert.deepEqual(unused, [], 'catalog keys no code names (write ids literally, see docs/i18n.md)');
});
