// Every corpus file × every fix: the result parses, means what the fix intends and nothing else,
// keeps line endings, BOM, final newline and mode, the real Codex loads it, and revert restores
// the exact bytes.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { isDeepStrictEqual } from 'node:util';
import { parse } from 'smol-toml';
import { applyPlan, planFix, revertChange, FixError } from '../../../electron/core/fixes/index.ts';
import {
  assertPlanRenders,
  codexLoadsConfig,
  corpusCases,
  homeFromCase,
  setupFor,
  snapshot,
  tempDir,
} from './helpers.ts';
import { enAll } from '../../i18n.ts';
import type { FileDiff } from '../../../shared/types.ts';

function parseFile(file: string): Record<string, unknown> {
  if (!fs.existsSync(file)) return {};
  return parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '')) as Record<string, unknown>;
}

function layers(home: string, profile: string | undefined): Record<string, unknown>[] {
  const out = [parseFile(path.join(home, 'config.toml'))];
  if (profile) out.push(parseFile(path.join(home, `${profile}.config.toml`)));
  return out;
}

function effectiveProvider(docs: Record<string, unknown>[]): {
  id: string;
  table: Record<string, unknown> | undefined;
} {
  let id = 'openai';
  let table: Record<string, unknown> | undefined;
  for (const d of docs) if (typeof d.model_provider === 'string') id = d.model_provider;
  for (const d of docs) {
    const t = (d.model_providers as Record<string, Record<string, unknown>> | undefined)?.[id];
    if (t) table = { ...(table ?? {}), ...t };
  }
  return { id, table };
}

function without(doc: Record<string, unknown>, paths: string[][]): Record<string, unknown> {
  const copy = structuredClone(doc);
  for (const p of paths) {
    let node: Record<string, unknown> | undefined = copy;
    for (const seg of p.slice(0, -1)) node = node?.[seg] as Record<string, unknown> | undefined;
    if (node) delete node[p[p.length - 1]!];
    // A parent the removed key leaves empty goes too (it was created by the fix).
    const parent = p.length > 1 ? (copy[p[0]!] as Record<string, unknown> | undefined) : undefined;
    if (parent && Object.keys(parent).length === 0) delete copy[p[0]!];
  }
  return copy;
}

function textTraits(bytes: Buffer): { crlf: boolean; bom: boolean; finalNewline: boolean } {
  const text = bytes.toString('utf8');
  return { crlf: text.includes('\r\n'), bom: text.startsWith('\uFEFF'), finalNewline: text.endsWith('\n') };
}

function changedLines(diff: FileDiff): { added: string[]; removed: string[] } {
  const lines = diff.hunks.flatMap((h) => h.lines);
  return {
    added: lines.filter((l) => l.kind === 'add').map((l) => l.text),
    removed: lines.filter((l) => l.kind === 'remove').map((l) => l.text),
  };
}

async function revertAndCheck(
  home: string,
  journalDir: string,
  id: string,
  start: ReturnType<typeof snapshot>,
): Promise<void> {
  const outcome = await revertChange(id, { journalDir });
  assert.equal(outcome.status, 'reverted');
  const end = snapshot(home);
  assert.deepEqual([...end.keys()].sort(), [...start.keys()].sort(), 'revert leaves exactly the files that were there');
  for (const [file, s] of start) {
    assert.ok(end.get(file)!.bytes.equals(s.bytes), `${file}: revert restores the exact bytes`);
    assert.equal(end.get(file)!.mode, s.mode, `${file}: revert restores the mode`);
  }
}

for (const { name, meta } of corpusCases()) {
  describe(`corpus ${name}`, () => {
    test('disable-websockets', async () => {
      const home = homeFromCase(name);
      fs.chmodSync(path.join(home, 'config.toml'), 0o640);
      const journalDir = path.join(tempDir('journal'), 'journal');
      const profile = meta.profile ?? null;
      const start = snapshot(home);
      const before = layers(home, meta.profile);
      const setup = await setupFor(home, profile);
      if (meta.broken) {
        assert.equal(codexLoadsConfig(home, profile).ok, false, 'the real Codex refuses this config before the repair');
        await assert.rejects(planFix('disable-websockets', { codexHome: home, profile, setup }), (e: unknown) => {
          return e instanceof FixError && e.code === 'not-applicable' && /repair-config/.test(e.message);
        });
        return;
      }
      assert.ok(codexLoadsConfig(home, profile).ok, 'the corpus file itself loads in the real Codex');
      const planned = await planFix('disable-websockets', { codexHome: home, profile, setup });
      assertPlanRenders(planned.plan);
      assert.equal(planned.plan.diffs.length, 1);
      assert.deepEqual(snapshot(home), start, 'planning writes nothing');
      const entry = await applyPlan(planned, { journalDir });
      const after = layers(home, meta.profile);
      const provider = effectiveProvider(after);
      assert.equal(provider.table?.supports_websockets, false, 'the effective provider has WebSockets off');
      const changedFile = planned.edits[0]!.path;
      const layerIndex = changedFile.endsWith(`${meta.profile}.config.toml`) && meta.profile ? 1 : 0;
      if (meta.builtIn) {
        assert.equal(provider.id, meta.expectId ?? 'openai_http');
        assert.equal(provider.table?.name, 'OpenAI');
        assert.equal(provider.table?.wire_api, 'responses');
        assert.equal(provider.table?.requires_openai_auth, true);
        assert.equal(provider.table?.base_url, meta.baseUrl, 'base_url only when openai_base_url was set');
        assert.match(enAll(planned.plan.sideEffects).join(' '), /conversations/);
        const removedKeys = [['model_provider'], ['model_providers', provider.id]];
        assert.deepEqual(without(after[layerIndex]!, removedKeys), without(before[layerIndex]!, removedKeys));
      } else {
        assert.equal(provider.id, meta.provider, 'model_provider does not change');
        const k = [['model_providers', provider.id, 'supports_websockets']];
        assert.deepEqual(without(after[layerIndex]!, k), without(before[layerIndex]!, k), 'every other key unchanged');
      }
      for (let i = 0; i < before.length; i += 1) if (i !== layerIndex) assert.deepEqual(after[i], before[i]);
      // Only the lines the fix needs.
      const { added, removed } = changedLines(planned.plan.diffs[0]!);
      assert.ok(removed.length <= 1, `at most one line changed in place: ${removed.join(' | ')}`);
      for (const line of removed) assert.match(line, /supports_websockets|model_provider|corp|local/);
      for (const line of added) {
        assert.match(
          line,
          /^\s*$|supports_websockets|model_provider|\[model_providers\.openai_http(_2)?\]|name = "OpenAI"|wire_api|requires_openai_auth|base_url/,
        );
      }
      if (meta.reuse) assert.deepEqual(added, ['model_provider = "openai_http"']);
      const original = start.get(path.basename(changedFile))!;
      const now = fs.readFileSync(changedFile);
      assert.deepEqual(textTraits(now), textTraits(original.bytes), 'CRLF, BOM and final newline kept');
      assert.equal(fs.statSync(changedFile).mode & 0o7777, original.mode, 'mode kept');
      const loaded = codexLoadsConfig(home, profile);
      assert.ok(loaded.ok, `the real Codex loads the fixed config:\n${loaded.output}`);
      const setupAfter = await setupFor(home, profile);
      assert.equal(setupAfter.provider?.supportsWebsockets, false, 'the Codex setup reader agrees');
      await revertAndCheck(home, journalDir, entry.id, start);
    });

    test('use-proxy', async () => {
      const home = homeFromCase(name);
      const journalDir = path.join(tempDir('journal'), 'journal');
      const profile = meta.profile ?? null;
      const start = snapshot(home);
      const setup = await setupFor(home, profile);
      const url = 'http://127.0.0.1:7890';
      const planned = await planFix('use-proxy', { codexHome: home, profile, setup, proxyUrl: url });
      assertPlanRenders(planned.plan);
      const entry = await applyPlan(planned, { journalDir });
      const env = fs.readFileSync(path.join(home, '.env'), 'utf8');
      const vars = new Map<string, string>();
      for (const line of env.split(/\r?\n/)) {
        const m = /^(?:export\s+)?([A-Za-z_]+)=["']?([^"'#\s]*)/.exec(line);
        if (m && !vars.has(m[1]!)) vars.set(m[1]!, m[2]!);
      }
      assert.equal(vars.get('HTTPS_PROXY'), url);
      assert.equal(vars.get('HTTP_PROXY'), url);
      for (const lb of ['localhost', '127.0.0.1', '::1']) assert.ok(vars.get('NO_PROXY')!.split(',').includes(lb));
      const envBefore = start.get('.env');
      if (envBefore) {
        const old = envBefore.bytes.toString('utf8');
        assert.equal(vars.get('https_proxy') ?? url, url, 'a lower-case twin is updated too');
        assert.ok(vars.get('NO_PROXY')!.startsWith('corp.example,10.0.0.0/8'), 'existing NO_PROXY entries kept');
        for (const keep of ['# proxy for work', 'OPENAI_LOG=info', 'this line is not a variable'])
          assert.ok(env.includes(keep));
        assert.deepEqual(textTraits(Buffer.from(env)), textTraits(envBefore.bytes));
        assert.ok(old.includes('# old squid') && env.includes('# old squid'), 'trailing comment kept');
      } else {
        assert.equal(fs.statSync(path.join(home, '.env')).mode & 0o777, 0o600, 'a new .env is private');
        assert.equal(planned.plan.diffs[0]!.action, 'create');
        assert.deepEqual(
          planned.plan.diffs[0]!.hunks.map((h) => [h.oldStart, h.oldLines]),
          [[0, 0]],
          'a new file: no old lines',
        );
      }
      // The config files are untouched.
      for (const [file, s] of start)
        if (file.endsWith('.toml')) assert.ok(fs.readFileSync(path.join(home, file)).equals(s.bytes));
      if (!meta.broken) assert.ok(codexLoadsConfig(home, profile).ok, 'the real Codex still loads with the .env');
      await revertAndCheck(home, journalDir, entry.id, start);
    });

    test('repair-config', async () => {
      const home = homeFromCase(name);
      const journalDir = path.join(tempDir('journal'), 'journal');
      const profile = meta.profile ?? null;
      const start = snapshot(home);
      const setup = await setupFor(home, profile);
      const before = parseFile(path.join(home, 'config.toml'));
      const planned = await planFix('repair-config', { codexHome: home, profile, setup });
      assertPlanRenders(planned.plan);
      if (!meta.broken) {
        assert.equal(planned.plan.diffs.length, 0, 'a healthy config needs no repair');
        assert.equal(planned.edits.length, 0);
        return;
      }
      assert.ok(planned.plan.diffs.length >= 1);
      const entry = await applyPlan(planned, { journalDir });
      const after = parseFile(path.join(home, 'config.toml'));
      const loaded = codexLoadsConfig(home, null);
      assert.ok(loaded.ok, `the real Codex loads the repaired config:\n${loaded.output}`);
      if (name.includes('reserved')) {
        assert.equal(after.model_provider, 'openai_custom');
        const providers = after.model_providers as Record<string, Record<string, unknown>>;
        assert.equal(providers.openai, undefined);
        assert.deepEqual(
          { ...providers.openai_custom },
          {
            ...(before.model_providers as Record<string, Record<string, unknown>>).openai,
            name: 'OpenAI',
            requires_openai_auth: true,
          },
        );
      }
      if (name.includes('legacy')) {
        const profiles = before.profiles as Record<string, Record<string, unknown>>;
        assert.equal(after.profile, undefined);
        assert.equal(after.profiles, undefined);
        for (const [p, table] of Object.entries(profiles)) {
          assert.deepEqual(
            parseFile(path.join(home, `${p}.config.toml`)),
            table,
            `${p}.config.toml holds [profiles.${p}]`,
          );
          assert.equal(fs.statSync(path.join(home, `${p}.config.toml`)).mode & 0o777, 0o600);
          assert.ok(codexLoadsConfig(home, p).ok, `codex --profile ${p} loads`);
        }
        // Plain codex runs with the settings of the old default profile.
        const { profile: _p, profiles: _ps, ...rest } = before;
        assert.deepEqual(JSON.parse(JSON.stringify(after)), JSON.parse(JSON.stringify({ ...rest, ...profiles.work })));
        assert.match(fs.readFileSync(path.join(home, 'work.config.toml'), 'utf8'), /# the work profile/);
        assert.match(fs.readFileSync(path.join(home, 'config.toml'), 'utf8'), /^# old style profiles/);
      }
      assert.ok(!isDeepStrictEqual(after, before));
      await revertAndCheck(home, journalDir, entry.id, start);
      assert.equal(codexLoadsConfig(home, null).ok, false, 'after revert Codex refuses it again, as before');
    });
  });
}
