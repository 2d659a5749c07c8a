// Differential test against the official TOML test suite (vendored in tests/fixtures/toml-test, TOML 1.0.0):
// every valid file reads to the values toml-test gives (integers exact, beyond 2^53 too), every
// invalid file is refused — except where the real Codex 0.171 was seen to load it
// (tests/fixtures/codex/toml-test-observed.json): Codex's reading decides, not the spec's.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { parseTomlDocument } from '../../../electron/core/toml/index.ts';
import { TOML_TEST_DIR } from '../../fixtures/codex/toml-test-cases.ts';

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
