import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseDotenv, resolveProxyEnv } from '../../../electron/core/codex/index.ts';
import { DOTENV_CASES } from '../../fixtures/codex/real-codex-cases.ts';
import { en } from '../../i18n.ts';

const pairs = (text: string, env = {}) => parseDotenv(text, env).entries.map((e) => [e.key, e.value]);

describe('parseDotenv', () => {
  test('KEY=value, export, quotes, comments, CRLF and blank lines', () => {
    const text =
      '# c\r\n\r\nA=1\r\nexport B=two\r\nC="x y\\n\\"q\\""\r\nD=\'$A lit\\n\'\r\nE=v # note\r\nF=a#b\r\n  G = " sp "\r\nH=\r\nexport=5\r\n';
    assert.deepEqual(pairs(text), [
      ['A', '1'],
      ['B', 'two'],
      ['C', 'x y\n"q"'],
      ['D', '$A lit\\n'],
      ['E', 'v'],
      ['F', 'a#b'],
      ['G', ' sp '],
      ['H', ''],
      ['export', '5'],
    ]);
  });
  test('line numbers, and odd lines reported but skipped', () => {
    const r = parseDotenv('A=1\nnot a pair\nB=2 extra\n1X=3\nC=ok\n');
    assert.deepEqual(
      r.entries.map((e) => [e.key, e.line]),
      [
        ['A', 1],
        ['C', 5],
      ],
    );
    assert.deepEqual(
      r.problems.map((p) => p.line),
      [2, 3, 4],
    );
  });
  test('substitution: process env first, then earlier lines; dotenvy quirks kept', () => {
    assert.deepEqual(pairs('P=1\nA=$P\nB=${P}x\nC=$Q\nD=$MY_P\n', { Q: 'env' }), [
      ['P', '1'],
      ['A', '1'],
      ['B', '1x'],
      ['C', 'env'],
      ['D', '_P'],
    ]);
    const r = parseDotenv('P=1\nA="x$P"\n');
    assert.deepEqual(
      r.entries.map((e) => e.key),
      ['P'],
    );
    assert.match(en(r.problems[0]!.message), /closing "/);
  });
  test('a quoted value may span lines; an unclosed quote swallows the rest', () => {
    assert.deepEqual(pairs('A="l1\nl2"\nB=2\n'), [
      ['A', 'l1\nl2'],
      ['B', '2'],
    ]);
    const r = parseDotenv('X=1\nA="open\nB=2\nC=3\n');
    assert.deepEqual(
      r.entries.map((e) => e.key),
      ['X'],
    );
    assert.equal(r.problems[0]?.line, 2);
  });
  test('a BOM spoils only the first line', () => {
    const r = parseDotenv('\uFEFFA=1\nB=2\n');
    assert.deepEqual(
      r.entries.map((e) => e.key),
      ['B'],
    );
    assert.match(en(r.problems[0]!.message), /BOM/);
  });
});

// Our reading of .env + environment must match what the real Codex did with the same input.
describe('agrees with the real codex (0.169, re-recorded with 0.171) (tests/fixtures/codex/dotenv-observed.json)', () => {
  const observed = JSON.parse(
    readFileSync(new URL('../../fixtures/codex/dotenv-observed.json', import.meta.url), 'utf8'),
  ) as {
    cases: Record<string, { present: string; connected: string[] }>;
  };
  const PORT = '18111';
  const OTHER = '18222';
  const sub = (s: string) => s.replaceAll('OTHERPORT', OTHER).replaceAll('PORT', PORT);
  for (const c of DOTENV_CASES) {
    test(c.name, () => {
      const seen = observed.cases[c.name];
      assert.ok(seen, 'case recorded');
      const env = Object.fromEntries(Object.entries(c.env ?? {}).map(([k, v]) => [k, sub(v)]));
      const { entries } = parseDotenv(sub(c.dotenv), env);
      const r = resolveProxyEnv(env, entries, c.scheme === 'https' ? 'https:' : 'http:', '.env');
      const ours = r.proxyVars.map((p) => p.key).sort();
      const theirs = seen.present === 'none' ? [] : seen.present.split(', ').sort();
      assert.deepEqual(ours, theirs, 'same proxy variables set');
      const target = r.effectiveProxy?.value;
      // NO_PROXY naming the provider's host: Codex goes direct, to no proxy.
      const bypassed = (r.noProxy ?? '')
        .split(',')
        .map((e) => e.trim())
        .includes(c.host ?? '127.0.0.1');
      if (bypassed) assert.deepEqual(seen.connected, [], 'NO_PROXY covers the provider');
      else if (seen.connected.includes('PORT')) assert.equal(target, `http://127.0.0.1:${PORT}`);
      else if (seen.connected.includes('OTHERPORT')) assert.equal(target, `http://127.0.0.1:${OTHER}`);
      else assert.ok(target === undefined || !/:(18111|18222)$/.test(target), `no usable proxy, got ${target}`);
    });
  }
});
