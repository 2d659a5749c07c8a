// config.toml read and edited as Codex reads it (issue 9, items 9–14). What Codex does with each
// shape was recorded with the real binary (tests/fixtures/codex/toml-test-observed.json, by
// record-toml-test.ts); the edits here are also loaded by the live Codex (`codex mcp list`).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { loadCodexSetup } from '../../../electron/core/codex/index.ts';
import { parseTomlDocument } from '../../../electron/core/toml/index.ts';
import { FixError, planFix } from '../../../electron/core/fixes/index.ts';
import { TOML_EXTRA_CASES, TOML_TEST_DIR } from '../../fixtures/codex/toml-test-cases.ts';
import { codexLoadsConfig, setupFor, tempDir } from './helpers.ts';
import { enAll } from '../../i18n.ts';

const observed = JSON.parse(
  fs.readFileSync(new URL('../../fixtures/codex/toml-test-observed.json', import.meta.url), 'utf8'),
) as {
  codexVersion: string;
  cases: Record<string, { loads: boolean; error: string }>;
};

function home(files: Record<string, string>): string {
  const dir = tempDir('toml-as-codex');
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

async function plan(fix: 'disable-websockets' | 'repair-config', dir: string) {
  return planFix(fix, { codexHome: dir, profile: null, setup: await setupFor(dir, null) });
}

const afterText = (planned: Awaited<ReturnType<typeof plan>>, name = 'config.toml') =>
  planned.edits.find((e) => path.basename(e.path) === name)?.after?.toString('utf8');

const LAB =
  'model_provider = "lab"\n[model_providers.lab]\nname = "lab"\nbase_url = "http://127.0.0.1:9/v1"\nsupports_websockets = true\n';

describe('TOML as Codex reads it', () => {
  test('recorded with codex 0.171', () => assert.match(observed.codexVersion, /0\.171\.\d+/));

  test('item 9: integers beyond 2^53 load (as Codex loads them); beyond 64 bits they are refused (as Codex refuses them)', async () => {
    assert.equal(observed.cases['valid/integer/long.toml']?.loads, true);
    assert.equal(observed.cases['int64-overflow']?.loads, false);
    assert.equal(observed.cases['int64-underflow']?.loads, false);
    const r = parseTomlDocument('x_big = 9223372036854775807\nx_neg = -9223372036854775808\n', 'config.toml');
    assert.ok(r.ok);
    assert.equal(r.value.x_big, 9223372036854775807n);
    assert.equal(parseTomlDocument(TOML_EXTRA_CASES['int64-overflow']!, 'config.toml').ok, false);
    // The fix works on such a file, keeps the integer exact, and Codex loads the result.
    const dir = home({ 'config.toml': 'x_big = 9223372036854775807\n' + LAB });
    const setup = await loadCodexSetup({ codexHome: dir, profile: null, env: {}, platform: 'linux' });
    assert.deepEqual(
      setup.findings.filter((f) => f.severity === 'error').map((f) => f.id),
      [],
    );
    const after = afterText(await plan('disable-websockets', dir))!;
    assert.match(after, /^x_big = 9223372036854775807\n/);
    assert.match(after, /supports_websockets = false/);
    fs.writeFileSync(path.join(dir, 'config.toml'), after);
    const loads = codexLoadsConfig(dir, null);
    assert.ok(loads.ok, loads.output);
  });

  test('item 10: impossible dates are refused as Codex refuses them; a leap day is not', async () => {
    for (const rel of [
      'datetime/feb-29',
      'datetime/feb-30',
      'local-date/feb-29',
      'local-date/feb-30',
      'local-datetime/feb-29',
      'local-datetime/feb-30',
    ]) {
      const name = `invalid/${rel}.toml`;
      assert.equal(observed.cases[name]?.loads, false, name);
      const text = fs.readFileSync(path.join(TOML_TEST_DIR, name), 'utf8');
      const r = parseTomlDocument(text, 'config.toml');
      assert.ok(!r.ok, name);
      // The same line as Codex's own message.
      const codexLine = /config\.toml:(\d+):/.exec(observed.cases[name]!.error)?.[1];
      assert.equal(String(r.error.line), codexLine, name);
    }
    assert.equal(observed.cases['leap-day-2024']?.loads, true);
    assert.ok(parseTomlDocument(TOML_EXTRA_CASES['leap-day-2024']!, 'config.toml').ok);
    // diagnose says the config is broken, and fix refuses to write to it.
    const dir = home({ 'config.toml': 'x_date = 2023-02-30\n' + LAB });
    const setup = await loadCodexSetup({ codexHome: dir, profile: null, env: {}, platform: 'linux' });
    assert.ok(setup.findings.some((f) => f.id === 'config.syntax-error' && f.severity === 'error'));
    await assert.rejects(
      plan('disable-websockets', dir),
      (e: unknown) => e instanceof FixError && e.code === 'config-unparseable',
    );
  });

  test('item 10: a doubled BOM is refused as Codex refuses it (no crash in fix); one BOM loads', async () => {
    assert.equal(observed.cases['two-boms']?.loads, false);
    assert.equal(observed.cases['one-bom']?.loads, true);
    assert.ok(parseTomlDocument(TOML_EXTRA_CASES['one-bom']!, 'config.toml').ok);
    assert.ok(!parseTomlDocument(TOML_EXTRA_CASES['two-boms']!, 'config.toml').ok);
    for (const fix of ['disable-websockets', 'repair-config'] as const) {
      const dir = home({ 'config.toml': '\uFEFF\uFEFF' + LAB });
      await assert.rejects(
        plan(fix, dir),
        (e: unknown) => e instanceof FixError && e.code === 'config-unparseable' && /BOM/.test(e.message),
      );
    }
  });

  test('item 11: a string holding U+007F is written back escaped (Codex refuses it raw)', async () => {
    assert.equal(observed.cases['raw-del-in-string']?.loads, false);
    assert.equal(observed.cases['escaped-del-in-string']?.loads, true);
    const dir = home({ 'config.toml': 'openai_base_url = "http://127.0.0.1:9/v1?a=\\u007F"\n' });
    const after = afterText(await plan('disable-websockets', dir))!;
    assert.ok(!after.includes('\u007F'), 'no raw DEL');
    assert.match(after, /base_url = "http:\/\/127\.0\.0\.1:9\/v1\?a=\\u007F"/);
    assert.ok(parseTomlDocument(after, 'config.toml').ok);
    fs.writeFileSync(path.join(dir, 'config.toml'), after);
    const loads = codexLoadsConfig(dir, null);
    assert.ok(loads.ok, loads.output);
  });

  test('item 12: a provider defined by dotted keys inside an inline table gets the key there', async () => {
    assert.equal(observed.cases['dotted-keys-in-inline-provider-table']?.loads, true);
    const dir = home({
      'config.toml': 'model_provider = "p"\nmodel_providers = { p.name = "P", p.base_url = "http://127.0.0.1:9/v1" }\n',
    });
    const setup = await loadCodexSetup({ codexHome: dir, profile: null, env: {}, platform: 'linux' });
    assert.equal(setup.provider?.id, 'p');
    const after = afterText(await plan('disable-websockets', dir))!;
    assert.equal(
      after,
      'model_provider = "p"\nmodel_providers = { p.name = "P", p.base_url = "http://127.0.0.1:9/v1", p.supports_websockets = false }\n',
    );
    // A nested one too: `{ p.q.name = … }` holds table p.q.
    assert.equal(
      (await import('../../../electron/core/toml/index.ts')).setKeyInTable(
        't = { p.q.name = "x" }\n',
        ['t', 'p', 'q'],
        'k',
        1,
      ),
      't = { p.q.name = "x", p.q.k = 1 }\n',
    );
    fs.writeFileSync(path.join(dir, 'config.toml'), after);
    const loads = codexLoadsConfig(dir, null);
    assert.ok(loads.ok, loads.output);
  });

  test('item 13: a duplicate [a.b] in the second [[a]] element names its real first line', () => {
    const text = TOML_EXTRA_CASES['duplicate-subtable-in-second-array-element']!;
    assert.equal(observed.cases['duplicate-subtable-in-second-array-element']?.loads, false);
    const r = parseTomlDocument(text, 'config.toml');
    assert.ok(!r.ok);
    assert.equal(r.error.line, 6);
    assert.equal(r.error.duplicate?.firstLine, 4);
    assert.match(r.error.message, /first defined on line 4, again on line 6/);
  });

  test('item 14: a provider whose WebSockets are already off needs no Fix #1', async () => {
    for (const config of [
      'model_provider = "amazon-bedrock"\n',
      'model_provider = "amazon-bedrock"\n[model_providers.amazon-bedrock]\nbase_url = "http://127.0.0.1:9/v1"\n',
      'model_provider = "ollama"\n',
      'model_provider = "lab"\n[model_providers.lab]\nname = "lab"\nbase_url = "http://127.0.0.1:9/v1"\nsupports_websockets = false\n',
    ]) {
      const planned = await plan('disable-websockets', home({ 'config.toml': config }));
      assert.deepEqual(planned.edits, [], config);
      assert.match(enAll(planned.plan.warnings).join(' '), /Nothing to change/, config);
    }
  });
});
