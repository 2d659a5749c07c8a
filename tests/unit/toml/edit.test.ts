import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parse } from 'smol-toml';
import {
  appendTable,
  hasTable,
  removeTable,
  renameTable,
  setKeyInTable,
  setTopLevelKey,
  upsertTable,
  verifyEdit,
  scanToml,
  TomlEditError,
} from '../../../electron/core/toml/index.ts';

describe('scanToml', () => {
  test('TOML-looking lines inside multi-line strings are not statements', () => {
    const text =
      'a = """\n[model_providers.fake]\nx = 1\n"""\nb = \'\'\'\n[tui]\n\'\'\'\n[real]\nc = [\n  1, # one\n  2,\n]\n';
    const doc = scanToml(text);
    const headers = doc.statements
      .filter((s) => s.kind === 'header')
      .map((s) => s.kind === 'header' && s.path.map((p) => p.name).join('.'));
    assert.deepEqual(headers, ['real']);
    const keys = doc.statements
      .filter((s) => s.kind === 'kv')
      .map((s) => s.kind === 'kv' && s.key.map((k) => k.name).join('.'));
    assert.deepEqual(keys, ['a', 'b', 'c']);
  });

  test('quoted keys, escapes and a local date-time with a space', () => {
    const doc = scanToml('"a.b" = 1\n\'c\' = "x\\"y" # c\nd = 1979-05-27 07:32:00\n');
    const keys = doc.statements.map((s) => (s.kind === 'kv' ? s.key.map((k) => k.name) : []));
    assert.deepEqual(keys, [['a.b'], ['c'], ['d']]);
    const d = doc.statements[2]!;
    assert.equal(d.kind === 'kv' && doc.text.slice(d.valueStart, d.valueEnd), '1979-05-27 07:32:00');
  });
  test('quoted keys decode like smol-toml: an escaped backslash before e, x or U is a backslash', () => {
    const text = '"a\\\\ex" = 1\n"b\\\\U0001F600" = 2\n"c\\\\x41" = 3\n"d\\u00e9\\U0001F600\\t" = 4\n';
    const keys = scanToml(text).statements.map((s) => (s.kind === 'kv' ? s.key[0]!.name : ''));
    assert.deepEqual(keys, Object.keys(parse(text)));
    assert.equal(keys[0], 'a\\ex');
  });
  test('after [[a]], a table [a.b] and its keys sit in the last element of a, not at path a.b', () => {
    const doc = scanToml('[[a]]\nx = 1\n[a.b]\nk = 1\n[[a.c]]\n[c]\nm = 2\n[c.d]\n');
    assert.deepEqual(
      doc.statements.map((s) =>
        s.kind === 'header'
          ? `header ${s.path.map((p) => p.name).join('.')} ${s.inArrayTable}`
          : `key ${[...s.table, ...s.key.map((k) => k.name)].join('.')} ${s.inArrayTable}`,
      ),
      [
        'header a true',
        'key a.x true',
        'header a.b true',
        'key a.b.k true',
        'header a.c true',
        'header c false',
        'key c.m false',
        'header c.d false',
      ],
    );
    // So the editor does not take the element's table for a table at path a.b.
    const text = '[[a]]\n[a.b]\nk = 1\n';
    assert.equal(hasTable(text, ['a', 'b']), false);
    assert.throws(() => setKeyInTable(text, ['a', 'b'], 'k', 2), TomlEditError);
  });
});

describe('setKeyInTable', () => {
  test("adds the key after the table's last key, before blank lines and the next table's comment", () => {
    const text = '[model_providers.x]\nname = "X"\n\n# about tui\n[tui]\n';
    assert.equal(
      setKeyInTable(text, ['model_providers', 'x'], 'supports_websockets', false),
      '[model_providers.x]\nname = "X"\nsupports_websockets = false\n\n# about tui\n[tui]\n',
    );
  });

  test('changes a value in place, keeping the trailing comment and literal quoting', () => {
    const text = "[p.x]\nsupports_websockets = true # fast\nname = 'X'\n";
    assert.equal(
      setKeyInTable(text, ['p', 'x'], 'supports_websockets', false),
      "[p.x]\nsupports_websockets = false # fast\nname = 'X'\n",
    );
    assert.equal(
      setKeyInTable(text, ['p', 'x'], 'name', 'Y'),
      "[p.x]\nsupports_websockets = true # fast\nname = 'Y'\n",
    );
    assert.equal(
      setKeyInTable(text, ['p', 'x'], 'name', "it's"),
      '[p.x]\nsupports_websockets = true # fast\nname = "it\'s"\n',
    );
  });

  test('dotted keys at top level and inside a parent table', () => {
    assert.equal(
      setKeyInTable('mp.x.name = "X"\nmodel = "m"\n', ['mp', 'x'], 'k', false),
      'mp.x.name = "X"\nmp.x.k = false\nmodel = "m"\n',
    );
    assert.equal(setKeyInTable('[mp]\nx.name = "X"\n', ['mp', 'x'], 'k', 1), '[mp]\nx.name = "X"\nx.k = 1\n');
  });

  test('inline tables are edited inside their own text', () => {
    assert.equal(
      setKeyInTable('mp = { x = { a = 1 }, y = {} } # c\n', ['mp', 'y'], 'k', false),
      'mp = { x = { a = 1 }, y = { k = false } } # c\n',
    );
    assert.equal(
      setKeyInTable('[mp]\nx = { a = 1, k = true }\n', ['mp', 'x'], 'k', false),
      '[mp]\nx = { a = 1, k = false }\n',
    );
  });

  test('CRLF and a missing final newline are kept', () => {
    assert.equal(setKeyInTable('[a]\r\nb = 1', ['a'], 'c', 2), '[a]\r\nb = 1\r\nc = 2');
    assert.equal(setKeyInTable('\uFEFF[a]\r\nb = 1\r\n', ['a'], 'c', 2), '\uFEFF[a]\r\nb = 1\r\nc = 2\r\n');
  });

  test('a table that does not exist is an error, not a guess', () => {
    assert.throws(() => setKeyInTable('[a]\n', ['b'], 'c', 1), TomlEditError);
  });

  test('keys of an [[array.table]] element are never matched', () => {
    assert.throws(() => setKeyInTable('[[a]]\nb = 1\n', ['a'], 'b', 2), TomlEditError);
  });
});

describe('setTopLevelKey', () => {
  test('changes in place or inserts after the last top-level key', () => {
    assert.equal(
      setTopLevelKey('m = 1\nmodel_provider = "a" # x\n[t]\n', 'model_provider', 'b'),
      'm = 1\nmodel_provider = "b" # x\n[t]\n',
    );
    assert.equal(
      setTopLevelKey('# c\nm = 1\n\n[t]\nmodel_provider = 1\n', 'model_provider', 'b'),
      '# c\nm = 1\nmodel_provider = "b"\n\n[t]\nmodel_provider = 1\n',
    );
  });
  test('with no top-level key: after the leading comment block, or at the top', () => {
    assert.equal(setTopLevelKey('# head\n\n[t]\n', 'k', 'v'), '# head\nk = "v"\n\n[t]\n');
    assert.equal(setTopLevelKey('[t]\n', 'k', 'v'), 'k = "v"\n\n[t]\n');
    assert.equal(setTopLevelKey('\uFEFF[t]\r\n', 'k', 'v'), '\uFEFFk = "v"\r\n\r\n[t]\r\n');
  });
});

describe('tables', () => {
  test('appendTable keeps "no final newline"', () => {
    assert.equal(appendTable('a = 1', ['t', 'x'], ['b = 2']), 'a = 1\n\n[t.x]\nb = 2');
    assert.equal(appendTable('a = 1\n', ['t'], ['b = 2']), 'a = 1\n\n[t]\nb = 2\n');
  });

  test('upsertTable goes inside an inline parent', () => {
    assert.equal(
      upsertTable('mp = { a = { b = 1 } }\n', ['mp', 'h'], [['n', 'O']]),
      'mp = { a = { b = 1 }, h = { n = "O" } }\n',
    );
  });

  test('removeTable removes the table, its sub-tables and its attached comment', () => {
    const text = 'x = 1\n\n# work\n[p.w]\na = 1\n\n[p.w.f]\nb = 2\n\n[p.h]\nc = 3\n\n[t]\nd = 4\n';
    assert.equal(removeTable(text, ['p']), 'x = 1\n\n[t]\nd = 4\n');
    assert.equal(removeTable(text, ['p', 'w']), 'x = 1\n\n[p.h]\nc = 3\n\n[t]\nd = 4\n');
  });

  test('renameTable renames headers, sub-tables, dotted keys and inline keys', () => {
    assert.equal(
      renameTable('[mp.openai]\na = 1\n[mp.openai.h]\nb = 2\n', ['mp', 'openai'], 'oc'),
      '[mp.oc]\na = 1\n[mp.oc.h]\nb = 2\n',
    );
    assert.equal(renameTable('mp.openai.a = 1\n', ['mp', 'openai'], 'oc'), 'mp.oc.a = 1\n');
    assert.equal(renameTable('mp = { openai = { a = 1 } }\n', ['mp', 'openai'], 'oc'), 'mp = { oc = { a = 1 } }\n');
  });
});

describe('verifyEdit', () => {
  test('accepts exactly the intended change and refuses anything else', () => {
    const before = 'a = 1\n[t]\nb = 2\n';
    verifyEdit(before, 'a = 1\n[t]\nb = 3\n', [{ op: 'set', path: ['t', 'b'], value: 3 }]);
    assert.throws(
      () => verifyEdit(before, 'a = 2\n[t]\nb = 3\n', [{ op: 'set', path: ['t', 'b'], value: 3 }]),
      TomlEditError,
    );
    assert.throws(
      () => verifyEdit(before, 'a = 1\n[t]\nb = 3\n[t]\n', [{ op: 'set', path: ['t', 'b'], value: 3 }]),
      /would not parse/,
    );
  });

  test('local dates and times left untouched compare equal (every fix refused such a file)', () => {
    for (const value of [
      '1979-05-27 07:32:00',
      '1979-05-27T07:32:00.5',
      '1979-05-27',
      '07:32:00',
      '1979-05-27T07:32:00-08:00',
    ]) {
      const before = `d = ${value}\n[t]\nb = 2\n`;
      verifyEdit(before, `d = ${value}\n[t]\nb = 3\n`, [{ op: 'set', path: ['t', 'b'], value: 3 }]);
      // A changed date is still caught.
      assert.throws(
        () => verifyEdit(before, `d = 1980-01-01\n[t]\nb = 3\n`, [{ op: 'set', path: ['t', 'b'], value: 3 }]),
        TomlEditError,
      );
    }
  });
});

test('random edits on generated documents always verify and keep the rest byte-identical', () => {
  let seed = 42;
  const rand = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  for (let round = 0; round < 200; round += 1) {
    const eol = rand(2) ? '\r\n' : '\n';
    const lines = ['# head', `m = "${rand(9)}"`, ''];
    const providers = ['a', 'b', 'c'].slice(0, 1 + rand(3));
    for (const p of providers) {
      const form = rand(3);
      if (form === 0)
        lines.push(`[model_providers.${p}]`, `name = "${p}" # n`, 's = """', '[model_providers.zz]', '"""', '');
      else if (form === 1) lines.push(`[model_providers.${p}]`, `name = '${p}'`, '');
      else lines.push(`[model_providers.${p}]`, '');
    }
    lines.push('[tui]', 'x = [1,', '  2]');
    const text = lines.join(eol) + (rand(2) ? eol : '');
    const target = providers[rand(providers.length)]!;
    const after = setKeyInTable(text, ['model_providers', target], 'supports_websockets', false);
    verifyEdit(text, after, [{ op: 'set', path: ['model_providers', target, 'supports_websockets'], value: false }]);
    assert.equal(after.length - text.length, `supports_websockets = false${eol}`.length);
    assert.equal(after.includes('\r\n'), eol === '\r\n');
    const parsed = parse(after) as { model_providers: Record<string, Record<string, unknown>> };
    assert.equal(parsed.model_providers[target]!.supports_websockets, false);
  }
});
