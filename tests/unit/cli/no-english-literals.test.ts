// Every line the command line, the Markdown report and the browser-mode server show comes from the
// catalog (docs/i18n.md): their source holds no English sentence in a string or a template literal.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const FILES = [
  ...readdirSync(path.join(root, 'electron/cli'))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => `electron/cli/${f}`),
  'electron/cli.ts',
  'electron/web/server.ts',
  'electron/core/diagnosis/report-markdown.ts',
];
/** Three words in a row: a sentence, not a command's syntax, an id, a header or a MIME type. */
const PROSE = /[A-Za-z]{2,}(?: [A-Za-z']{2,}){2,}/;

/** The text of every string and template literal of a file, with its line. */
function literals(file: string): { line: number; text: string }[] {
  const source = ts.createSourceFile(file, readFileSync(path.join(root, file), 'utf8'), ts.ScriptTarget.Latest, true);
  const found: { line: number; text: string }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node)
    ) {
      found.push({ line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: node.text });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

test('the command line, the report and the server print no English literal: only catalog ids', () => {
  const english = FILES.flatMap((file) =>
    literals(file)
      .filter((l) => PROSE.test(l.text))
      .map((l) => `${file}:${l.line}: ${l.text}`),
  );
  assert.deepEqual(english, [], 'put the sentence in shared/i18n/catalog/{en,zh-CN}/cli.ts and print it with tr.t(id)');
});

test('the check finds a sentence where one is', () => {
  assert.ok(PROSE.test('Nothing was written.'));
  assert.ok(!PROSE.test('cli.fix.not-written'));
  assert.ok(!PROSE.test('diagnose [--codex-home DIR] [--profile NAME] [--json]'));
  assert.ok(!PROSE.test('text/plain; charset=utf-8'));
});
