import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveCodexHome } from '../../../electron/core/codex/index.ts';
import { locateKey, parseTomlDocument } from '../../../electron/core/toml/index.ts';

describe('resolveCodexHome', () => {
  test('flag beats CODEX_HOME beats the default', () => {
    const env = { CODEX_HOME: '/env/codex', HOME: '/home/u' };
    assert.deepEqual(resolveCodexHome({ flag: '/flag/codex', env, platform: 'linux', homedir: '/home/u' }), {
      home: '/flag/codex',
      source: 'flag',
    });
    assert.deepEqual(resolveCodexHome({ env, platform: 'linux', homedir: '/home/u' }), {
      home: '/env/codex',
      source: 'env',
    });
    assert.deepEqual(resolveCodexHome({ env: { HOME: '/home/u' }, platform: 'darwin', homedir: '/x' }), {
      home: '/home/u/.codex',
      source: 'default',
    });
  });
  test('Windows default is %USERPROFILE%\\.codex', () => {
    const r = resolveCodexHome({
      env: { USERPROFILE: 'C:\\Users\\ann' },
      platform: 'win32',
      homedir: 'C:\\Users\\other',
    });
    assert.deepEqual(r, { home: 'C:\\Users\\ann\\.codex', source: 'default' });
  });
  test('an empty CODEX_HOME counts as unset; ~ is expanded', () => {
    assert.equal(
      resolveCodexHome({ env: { CODEX_HOME: '' }, platform: 'linux', homedir: '/home/u' }).source,
      'default',
    );
    assert.equal(resolveCodexHome({ flag: '~/c', env: {}, platform: 'linux', homedir: '/home/u' }).home, '/home/u/c');
  });
});

describe('parseTomlDocument', () => {
  test('parses comments, dotted keys, inline tables, CRLF and a BOM', () => {
    const text =
      '\uFEFF# top\r\nmodel_provider = "x" # trailing\r\nmodel_providers.x.base_url = "http://127.0.0.1:1/v1"\r\n[model_providers.y]\r\nname = { a = 1 }\r\n';
    const r = parseTomlDocument(text, 'config.toml');
    assert.ok(r.ok);
    assert.deepEqual(JSON.parse(JSON.stringify(r.value)), {
      model_provider: 'x',
      model_providers: { x: { base_url: 'http://127.0.0.1:1/v1' }, y: { name: { a: 1 } } },
    });
  });
  test('a syntax error has line and column', () => {
    const r = parseTomlDocument('a = 1\nmodel = \n', '/h/config.toml');
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.equal(r.error.line, 2);
    assert.equal(r.error.column, 9);
    assert.match(r.error.message, /^\/h\/config\.toml:2:9: /);
    assert.equal(r.error.duplicate, undefined);
  });
  test('a duplicate key names the key and both lines', () => {
    const r = parseTomlDocument('model = "a"\n# c\nmodel = "b"\n', 'config.toml');
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.deepEqual(r.error.duplicate, { key: 'model', firstLine: 1 });
    assert.equal(r.error.line, 3);
    assert.match(r.error.message, /`model` is defined twice \(first defined on line 1, again on line 3\)/);
  });
  test('a duplicate table, and a table over a dotted key, are named', () => {
    const r1 = parseTomlDocument('[model_providers.x]\nname = "a"\n\n[model_providers.x]\nname = "b"\n', 'c.toml');
    assert.ok(!r1.ok && r1.error.duplicate?.key === 'model_providers.x' && r1.error.duplicate.firstLine === 1);
    const r2 = parseTomlDocument('[p]\nx.y = 1\n[p.x]\nz = 2\n', 'c.toml');
    assert.ok(!r2.ok && r2.error.duplicate?.key === 'p.x' && r2.error.duplicate.firstLine === 2);
    const r3 = parseTomlDocument('[a]\nk = 1\n[b]\nk = 2\n[a]\nj = 3\n', 'c.toml');
    assert.ok(!r3.ok && r3.error.duplicate?.key === 'a' && r3.error.duplicate.firstLine === 1);
  });
  test('keys inside a multi-line string are not mistaken for definitions', () => {
    const r = parseTomlDocument('note = """\nmodel = "x"\n"""\nmodel = "a"\nmodel = "b"\n', 'c.toml');
    assert.ok(!r.ok && r.error.duplicate?.firstLine === 4 && r.error.line === 5);
  });
  test('locateKey finds tables, dotted keys and inline tables', () => {
    const text = 'a = 1\nmodel_providers.ollama.base_url = "x"\n[model_providers.openai]\nname = "n"\n';
    assert.deepEqual(locateKey(text, ['model_providers', 'ollama']), { line: 2, column: 1 });
    assert.deepEqual(locateKey(text, ['model_providers', 'openai']), { line: 3, column: 1 });
    assert.deepEqual(locateKey('model_providers = { lab = {}, lmstudio = {} }\n', ['model_providers', 'lmstudio']), {
      line: 1,
      column: 1,
    });
  });
  test('never throws on garbage', () => {
    for (const text of ['[', '= =', '\u0000', 'a = """', '[[x]]\n[x]\n'])
      assert.equal(parseTomlDocument(text, 'f').ok, false);
  });
});
