// Fix #2 edits .env as Codex reads it (issue 9, items 6–8): `$VAR` / `${VAR}` in NO_PROXY stay
// substitutions, the last of duplicate lines is the one merged and edited, and the line a BOM
// spoils is never edited. Each fix output is pinned in real-codex-cases.ts, where the real Codex
// 0.171 was run on it (dotenv-observed.json; tests/unit/codex/dotenv.test.ts compares our reading).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { parseDotenv, resolveProxyEnv } from '../../../electron/core/codex/index.ts';
import { planFix } from '../../../electron/core/fixes/index.ts';
import { DOTENV_CASES } from '../../fixtures/codex/real-codex-cases.ts';
import { homeFromCase, setupFor } from './helpers.ts';
import { enAll } from '../../i18n.ts';

const PORT = '18111';
const OTHER = '18222';
const sub = (s: string) => s.replaceAll('OTHERPORT', OTHER).replaceAll('PORT', PORT);
const observed = JSON.parse(
  fs.readFileSync(new URL('../../fixtures/codex/dotenv-observed.json', import.meta.url), 'utf8'),
) as {
  cases: Record<string, { present: string; connected: string[] }>;
};

async function fixOutput(dotenv: string): Promise<{ after: string; warnings: string[] }> {
  const home = homeFromCase('01-builtin-commented');
  fs.writeFileSync(path.join(home, '.env'), dotenv);
  const planned = await planFix('use-proxy', {
    codexHome: home,
    profile: null,
    setup: await setupFor(home, null),
    proxyUrl: `http://127.0.0.1:${PORT}`,
  });
  const edit = planned.edits.find((e) => e.path.endsWith('.env'))!;
  return { after: edit.after!.toString('utf8'), warnings: enAll(planned.plan.warnings) };
}

const effective = (text: string, key: string) =>
  parseDotenv(text, {})
    .entries.filter((e) => e.key === key)
    .at(-1)?.value;

describe('use-proxy writes .env as Codex reads it', () => {
  for (const c of DOTENV_CASES.filter((x) => x.fixFrom !== undefined)) {
    test(`${c.name}: the fix writes what the real Codex was run on`, async () => {
      const { after } = await fixOutput(sub(c.fixFrom!));
      assert.equal(after, sub(c.dotenv));
      // Codex went direct to the host the user's NO_PROXY names (or through the new proxy).
      const seen = observed.cases[c.name];
      assert.ok(seen, 'recorded with the real Codex');
      const r = resolveProxyEnv({}, parseDotenv(after, {}).entries, 'http:', '.env');
      const bypass = (r.noProxy ?? '')
        .split(',')
        .map((e) => e.trim())
        .includes(c.host ?? '127.0.0.1');
      assert.deepEqual(seen.connected, bypass ? [] : ['PORT']);
    });
  }

  test('item 6: $CORP and "${CORP}" stay substitutions (never a single-quoted literal)', async () => {
    for (const [line, kept] of [
      ['NO_PROXY=$CORP,example.com', 'NO_PROXY=$CORP,example.com,localhost,127.0.0.1,::1'],
      ['NO_PROXY="${CORP},example.com"', 'NO_PROXY="${CORP},example.com,localhost,127.0.0.1,::1"'],
      ['export NO_PROXY=${CORP} # corp', 'export NO_PROXY=${CORP},localhost,127.0.0.1,::1 # corp'],
    ] as const) {
      const { after } = await fixOutput(`CORP=corp.internal\n${line}\n`);
      assert.ok(after.includes(kept + '\n'), after);
      assert.match(effective(after, 'NO_PROXY') ?? '', /^corp\.internal/);
    }
    assert.equal(
      effective((await fixOutput('CORP=corp.internal\nNO_PROXY=$CORP,example.com\n')).after, 'NO_PROXY'),
      'corp.internal,example.com,localhost,127.0.0.1,::1',
    );
  });

  test('item 7: duplicate NO_PROXY lines: the last one (in effect) is merged and edited, the first left alone', async () => {
    const { after } = await fixOutput('NO_PROXY=old.example\nNO_PROXY=corp.example,localhost\n');
    assert.ok(after.startsWith('NO_PROXY=old.example\nNO_PROXY=corp.example,localhost,127.0.0.1,::1\n'), after);
    assert.equal(effective(after, 'NO_PROXY'), 'corp.example,localhost,127.0.0.1,::1');
    // Nothing to add: the line is not touched at all.
    const full = await fixOutput('NO_PROXY=x\nNO_PROXY=localhost,127.0.0.1,::1\n');
    assert.ok(full.after.startsWith('NO_PROXY=x\nNO_PROXY=localhost,127.0.0.1,::1\nHTTPS_PROXY='), full.after);
  });

  test('item 8: a BOM line Codex ignores is not edited; the key is added where Codex reads it, and said so', async () => {
    const { after, warnings } = await fixOutput('\uFEFFHTTPS_PROXY=http://127.0.0.1:1\nA=1\n');
    assert.ok(
      after.startsWith('\uFEFFHTTPS_PROXY=http://127.0.0.1:1\nA=1\nHTTPS_PROXY=http://127.0.0.1:18111\n'),
      after,
    );
    assert.equal(effective(after, 'HTTPS_PROXY'), `http://127.0.0.1:${PORT}`);
    assert.match(warnings.join(' '), /BOM.*first line/);
    // The diagnosis after the fix reads the same proxy Codex uses.
    const r = resolveProxyEnv({}, parseDotenv(after, {}).entries, 'https:', '.env');
    assert.equal(r.effectiveProxy?.value, `http://127.0.0.1:${PORT}`);
  });
});
