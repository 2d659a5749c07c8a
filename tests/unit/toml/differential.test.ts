// Differential test of the TOML module against the official TOML test suite (vendored in
// tests/fixtures/toml-test, TOML 1.0.0), where Codex's own reading decides over the spec's
// (tests/fixtures/codex/toml-test-observed.json, recorded from the real Codex 0.171):
// (a) every valid file reads to the values toml-test gives (integers exact, beyond 2^53 too);
// (b) the scanner's headers and keys agree with a spec-complete parser's tree (toml-eslint-parser);
// (c) every valid file, as a CODEX_HOME's config.toml, goes through Fix #1 (disable-websockets):
//     planned, applied with its values intact, reverted to the same bytes;
// (d) every invalid file is refused with file, line and column, and nothing is written — except
//     those the real Codex loads, which go through (c) instead.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { parseTOML, type AST } from 'toml-eslint-parser';
import { parseTomlDocument, scanToml } from '../../../electron/core/toml/index.ts';
import { applyPlan, FixError, planFix, revertChange } from '../../../electron/core/fixes/index.ts';
import { TOML_TEST_DIR } from '../../fixtures/codex/toml-test-cases.ts';
import { setupFor, snapshot, tempDir } from '../fixes/helpers.ts';
import { en } from '../../i18n.ts';

const observed = JSON.parse(
  fs.readFileSync(new URL('../../fixtures/codex/toml-test-observed.json', import.meta.url), 'utf8'),
) as {
  cases: Record<string, { loads: boolean }>;
};

function walk(dir: string): string[] {
  return fs.readdirSync(dir).flatMap((n) => {
    const f = path.join(dir, n);
    return fs.statSync(f).isDirectory() ? walk(f) : f.endsWith('.toml') ? [f] : [];
  });
}

type Tagged = { type: string; value: string } | Tagged[] | { [k: string]: Tagged };

/** Compares our value with toml-test's tagged JSON; returns the first difference. */
function diff(ours: unknown, want: Tagged, at: string): string | null {
  if (Array.isArray(want)) {
    if (!Array.isArray(ours) || ours.length !== want.length) return `${at}: array length`;
    for (let i = 0; i < want.length; i += 1) {
      const d = diff(ours[i], want[i]!, `${at}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  if (typeof want.type === 'string' && typeof (want as { value?: unknown }).value === 'string') {
    const { type, value } = want as { type: string; value: string };
    switch (type) {
      case 'integer':
        return (typeof ours === 'number' || typeof ours === 'bigint') && BigInt(ours) === BigInt(value)
          ? null
          : `${at}: integer ${String(ours)} ≠ ${value}`;
      case 'float': {
        const w =
          value === 'nan'
            ? NaN
            : value === 'inf' || value === '+inf'
              ? Infinity
              : value === '-inf'
                ? -Infinity
                : Number(value);
        return typeof ours === 'number' && (Object.is(ours, w) || (Number.isNaN(ours) && Number.isNaN(w)) || ours === w)
          ? null
          : `${at}: float ${String(ours)} ≠ ${value}`;
      }
      case 'string':
        return ours === value ? null : `${at}: string`;
      case 'bool':
        return ours === (value === 'true') ? null : `${at}: bool`;
      default:
        return ours instanceof Date ? null : `${at}: not a date`;
    }
  }
  if (typeof ours !== 'object' || ours === null || Array.isArray(ours) || ours instanceof Date)
    return `${at}: not a table`;
  const keys = Object.keys(want);
  if (keys.length !== Object.keys(ours).length) return `${at}: keys`;
  for (const k of keys) {
    const d = diff((ours as Record<string, unknown>)[k], (want as Record<string, Tagged>)[k]!, `${at}.${k}`);
    if (d) return d;
  }
  return null;
}

describe('toml-test: valid files read to their values', () => {
  const files = walk(path.join(TOML_TEST_DIR, 'valid'));
  test('the suite is there', () => assert.ok(files.length > 150));
  test('every valid file', () => {
    const failures: string[] = [];
    for (const f of files) {
      const r = parseTomlDocument(fs.readFileSync(f, 'utf8'), path.basename(f));
      const want = JSON.parse(fs.readFileSync(f.replace(/\.toml$/, '.json'), 'utf8')) as Tagged;
      if (!r.ok) failures.push(`${path.relative(TOML_TEST_DIR, f)}: ${r.error.message}`);
      else {
        const d = diff(r.value, want, '');
        if (d) failures.push(`${path.relative(TOML_TEST_DIR, f)}: ${d}`);
      }
    }
    assert.deepEqual(failures, []);
  });
});

describe('toml-test: invalid files are refused unless Codex loads them', () => {
  test('every invalid file', () => {
    const failures: string[] = [];
    for (const f of walk(path.join(TOML_TEST_DIR, 'invalid'))) {
      const rel = path.relative(TOML_TEST_DIR, f);
      const bytes = fs.readFileSync(f);
      // Invalid UTF-8 is refused before any TOML is read (decodeText), as Codex refuses it.
      if (!Buffer.from(bytes.toString('utf8'), 'utf8').equals(bytes)) continue;
      const r = parseTomlDocument(bytes.toString('utf8'), 'config.toml');
      const codexLoads = observed.cases[rel]?.loads;
      if (codexLoads === true) {
        if (!r.ok) failures.push(`${rel}: Codex loads it, we refuse it`);
      } else if (r.ok) failures.push(`${rel}: accepted`);
    }
    assert.deepEqual(failures, []);
  });
});

// ------------------------------------------------------------------ (b) the scanner's tree

const keyNames = (key: AST.TOMLKey): string[] => key.keys.map((k) => (k.type === 'TOMLBare' ? k.name : k.value));

/**
 * Every header (its path, [ or [[, whether it sits in an array-table element) and every key (its
 * full path: table path + key) in document order, as toml-eslint-parser reads them.
 */
function referenceTree(text: string): string[] {
  const out: string[] = [];
  // The parser does not skip a byte order mark, which toml-test (and Codex) allow at the start.
  const top = parseTOML(text.replace(/^\uFEFF/, ''), { tomlVersion: '1.0.0' }).body[0];
  for (const node of top.body) {
    if (node.type === 'TOMLKeyValue') {
      out.push(`key ${JSON.stringify(keyNames(node.key))} element=false`);
      continue;
    }
    const table = keyNames(node.key);
    const element = node.resolvedKey.some((k) => typeof k === 'number');
    out.push(`${node.kind === 'array' ? '[[' : '['} ${JSON.stringify(table)} element=${element}`);
    for (const kv of node.body) out.push(`key ${JSON.stringify([...table, ...keyNames(kv.key)])} element=${element}`);
  }
  return out;
}

/** The same, as our scanner sees it. */
function scannedTree(text: string): string[] {
  return scanToml(text).statements.map((st) =>
    st.kind === 'header'
      ? `${st.array ? '[[' : '['} ${JSON.stringify(st.path.map((k) => k.name))} element=${st.inArrayTable}`
      : `key ${JSON.stringify([...st.table, ...st.key.map((k) => k.name)])} element=${st.inArrayTable}`,
  );
}

describe('toml-test: the scanner agrees with a spec-complete parser', () => {
  test('every valid file: the same headers and keys, in the same tables', () => {
    const failures: string[] = [];
    let statements = 0;
    for (const f of walk(path.join(TOML_TEST_DIR, 'valid'))) {
      const text = fs.readFileSync(f, 'utf8');
      const want = referenceTree(text);
      statements += want.length;
      try {
        assert.deepEqual(scannedTree(text), want);
      } catch (error) {
        failures.push(`${path.relative(TOML_TEST_DIR, f)}: ${(error as Error).message}`);
      }
    }
    assert.deepEqual(failures, []);
    assert.ok(statements > 800, `${statements} statements compared`);
  });
});

// ------------------------------------------------------------------ (c) and (d): through Fix #1

type Values = Record<string, unknown>;

/** A temporary CODEX_HOME whose config.toml holds `bytes`, with a journal directory of its own. */
function homeWith(bytes: Buffer): { home: string; journalDir: string; config: string } {
  const home = tempDir('toml-differential');
  const config = path.join(home, 'config.toml');
  fs.writeFileSync(config, bytes);
  return { home, journalDir: path.join(home, '..', `${path.basename(home)}-journal`), config };
}

/** The values the fix adds (the selected provider and its table), taken out of `after`. */
function withoutFix(after: Values, before: Values): Values {
  const out = { ...after };
  const id = out.model_provider;
  assert.ok(typeof id === 'string', 'the fix selects a provider');
  if (!('model_provider' in before)) delete out.model_provider;
  const providers = { ...(out.model_providers as Values) };
  delete providers[id];
  if (Object.keys(providers).length === 0 && !('model_providers' in before)) delete out.model_providers;
  else out.model_providers = providers;
  return out;
}

type Outcome = { refused: string } | { applied: true };

/**
 * Plans Fix #1 on the file, applies it, checks the values with `check`, reverts it and checks the
 * bytes came back. A refusal must be a FixError that wrote nothing.
 */
async function throughFix(bytes: Buffer, check: (after: Values) => string | null): Promise<Outcome> {
  const { home, journalDir, config } = homeWith(bytes);
  const before = snapshot(home);
  let planned;
  try {
    planned = await planFix('disable-websockets', {
      codexHome: home,
      profile: null,
      setup: await setupFor(home, null),
    });
  } catch (error) {
    assert.ok(error instanceof FixError, String(error));
    assert.deepEqual(snapshot(home), before, 'nothing written');
    assert.ok(!fs.existsSync(journalDir), 'nothing journaled');
    return { refused: `${error.code}: ${en(error.userMessage)}` };
  }
  const entry = await applyPlan(planned, { journalDir });
  const read = parseTomlDocument(fs.readFileSync(config, 'utf8'), 'config.toml');
  assert.ok(read.ok, read.ok ? '' : read.error.message);
  const problem = check(read.value);
  assert.equal(problem, null);
  const outcome = await revertChange(entry.id, { journalDir });
  assert.equal(outcome.status, 'reverted');
  assert.ok(fs.readFileSync(config).equals(bytes), 'the same bytes after revert');
  return { applied: true };
}

/**
 * Valid files Fix #1 refuses, and why. None in toml-test 1.0.0: no file there sets the keys the fix
 * reads (model_provider, model_providers, profile). The ones of our own below show such refusals.
 */
const REFUSED_VALID: Record<string, RegExp> = {};

describe('Fix #1 refuses a valid document whose provider keys have another type', () => {
  const cases: [string, RegExp][] = [
    ['model_provider = 1\n', /^not-applicable: config\.toml, line 1: model_provider is not a string/],
    ['x = 1\nmodel_providers = [1]\n', /^not-applicable: config\.toml, line 2: model_providers is not a table/],
    ['[[model_providers]]\nname = "x"\n', /^not-applicable: config\.toml, line 1: model_providers is not a table/],
    [
      'model_provider = "x"\nmodel_providers = 1\n',
      /^not-applicable: config\.toml, line 2: model_providers is not a table/,
    ],
    ['model_provider = "p"\nmodel_providers.p = "x"\n', /^not-applicable: .*names no \[model_providers\.p\] table/],
  ];
  for (const [text, why] of cases) {
    test(JSON.stringify(text), async () => {
      assert.ok(parseTomlDocument(text, 'config.toml').ok);
      const outcome = await throughFix(Buffer.from(text), () => 'applied');
      assert.ok('refused' in outcome);
      assert.match(outcome.refused, why);
    });
  }
});

describe('toml-test: every valid file through Fix #1, apply and revert', () => {
  test('values intact after apply, the same bytes after revert; refusals are the listed ones', async () => {
    const failures: string[] = [];
    const refused: Record<string, string> = {};
    const files = walk(path.join(TOML_TEST_DIR, 'valid'));
    let applied = 0;
    for (const f of files) {
      const rel = path.relative(TOML_TEST_DIR, f);
      const want = JSON.parse(fs.readFileSync(f.replace(/\.toml$/, '.json'), 'utf8')) as Tagged;
      const wantKeys = want as Record<string, unknown>;
      try {
        const outcome = await throughFix(fs.readFileSync(f), (after) => diff(withoutFix(after, wantKeys), want, ''));
        if ('refused' in outcome) refused[rel] = outcome.refused;
        else applied += 1;
      } catch (error) {
        failures.push(`${rel}: ${(error as Error).message}`);
      }
    }
    assert.deepEqual(failures, []);
    assert.deepEqual(Object.keys(refused).sort(), Object.keys(REFUSED_VALID).sort());
    for (const [rel, why] of Object.entries(refused)) assert.match(why, REFUSED_VALID[rel]!, rel);
    assert.equal(applied, files.length - Object.keys(REFUSED_VALID).length);
  });
});

/** Invalid in TOML 1.0, loaded by the real Codex 0.171 (toml-test-observed.json): we follow Codex. */
const CODEX_LOADS = [
  'invalid/datetime/no-secs.toml',
  'invalid/inline-table/linebreak-01.toml',
  'invalid/inline-table/linebreak-02.toml',
  'invalid/inline-table/linebreak-03.toml',
  'invalid/inline-table/linebreak-04.toml',
  'invalid/inline-table/trailing-comma.toml',
  'invalid/local-datetime/no-secs.toml',
  'invalid/local-time/no-secs.toml',
  'invalid/string/basic-byte-escapes.toml',
];

describe('toml-test: every invalid file through Fix #1', () => {
  test('the files Codex loads are the recorded ones', () => {
    assert.deepEqual(
      Object.keys(observed.cases)
        .filter((k) => k.startsWith('invalid/') && observed.cases[k]!.loads)
        .sort(),
      CODEX_LOADS,
    );
  });

  test('refused with file, line and column, nothing written; the ones Codex loads are fixed and reverted', async () => {
    const failures: string[] = [];
    const files = walk(path.join(TOML_TEST_DIR, 'invalid'));
    let refusedCount = 0;
    let applied = 0;
    for (const f of files) {
      const rel = path.relative(TOML_TEST_DIR, f);
      const bytes = fs.readFileSync(f);
      try {
        if (CODEX_LOADS.includes(rel)) {
          const read = parseTomlDocument(bytes.toString('utf8'), 'config.toml');
          assert.ok(read.ok, `${rel}: Codex loads it`);
          const outcome = await throughFix(bytes, (after) =>
            JSON.stringify(withoutFix(after, read.value), replacer) === JSON.stringify(read.value, replacer)
              ? null
              : 'values changed',
          );
          assert.ok('applied' in outcome, `${rel}: ${'refused' in outcome ? outcome.refused : ''}`);
          applied += 1;
          continue;
        }
        const { home, journalDir } = homeWith(bytes);
        const before = snapshot(home);
        const error = await planFix('disable-websockets', {
          codexHome: home,
          profile: null,
          setup: await setupFor(home, null),
        }).then(
          () => null,
          (e: unknown) => e,
        );
        assert.ok(error instanceof FixError, 'refused');
        assert.ok(['config-unparseable', 'edit-refused'].includes(error.code), error.code);
        const at = error.location;
        assert.equal(at?.file, path.join(home, 'config.toml'));
        assert.ok(Number.isInteger(at.line) && at.line! >= 1, `line ${at.line}`);
        assert.ok(Number.isInteger(at.column) && at.column! >= 1, `column ${at.column}`);
        assert.match(
          en(error.userMessage),
          new RegExp(`\\b${at.line}\\b[^]*\\b${at.column}\\b`),
          'the text says where',
        );
        assert.deepEqual(snapshot(home), before, 'nothing written');
        assert.ok(!fs.existsSync(journalDir), 'nothing journaled');
        refusedCount += 1;
      } catch (error) {
        failures.push(`${rel}: ${(error as Error).message}`);
      }
    }
    assert.deepEqual(failures, []);
    assert.equal(applied, CODEX_LOADS.length);
    assert.equal(refusedCount, files.length - CODEX_LOADS.length);
    assert.ok(refusedCount > 400, `${refusedCount} refused`);
  });
});

/** JSON with BigInt and dates, for comparing values read twice. */
function replacer(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? `${value}n` : value;
}
