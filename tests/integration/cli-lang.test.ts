// The command line in the user's language: LANG / LC_ALL / LC_MESSAGES pick Chinese or English,
// --lang overrides them, and --json keeps its English keys and ids with the text beside each message.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import os from 'node:os';
import { makeTempDir } from '../lab/temp-dirs.ts';
import { FIX_TITLES } from '../../shared/recommend.ts';
import { translator } from '../../shared/i18n/translate.ts';
import type { Message } from '../../shared/i18n/message.ts';
import { cli, envFor, scenario } from './cli-run.ts';

const en = translator('en');
const zh = translator('zh-CN');
const HAN = /\p{Script=Han}/u;
const ZH_LANG = 'zh_CN.UTF-8';

/** A message as --json prints it: the id and params, and the text. */
type Rendered = Message & { text: string };
const withoutText = (m: Rendered): Message => (m.params ? { id: m.id, params: m.params } : { id: m.id });

/** Every key path of a JSON value (array indexes folded), to compare the shape of two outputs. */
function keyPaths(value: unknown, prefix = '', out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) keyPaths(v, `${prefix}[]`, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.add(`${prefix}.${k}`);
      keyPaths(v, `${prefix}.${k}`, out);
    }
  }
  return out;
}

describe('the command line in Chinese', () => {
  test(
    'LANG=zh_CN.UTF-8 diagnose: the checks, findings and verdict in Chinese; --lang en overrides it; --json keeps its keys',
    { timeout: 90_000 },
    async () => {
      const s = await scenario('ws-refused');
      const args = ['diagnose', '--codex-home', s.codexHome, '--no-codex-doctor'];

      const json = await cli([...args, '--json'], envFor(s, { LANG: ZH_LANG }));
      assert.equal(json.code, 1, json.stderr);
      const report = JSON.parse(json.stdout);
      const r = report.recommendation;
      // The ids and keys stay English; every message carries its Chinese text.
      assert.equal(r.fix, 'disable-websockets');
      assert.equal(typeof r.headline.id, 'string');
      assert.match(r.headline.text, HAN);
      assert.equal(r.headline.text, zh.tm(withoutText(r.headline)));
      for (const reason of r.reasons as Rendered[]) assert.equal(reason.text, zh.tm(withoutText(reason)));
      assert.ok(
        (report.findings as { summary: Rendered }[]).some((f) => HAN.test(f.summary.text)),
        'the findings are in Chinese',
      );
      for (const check of report.checks as { title: Rendered }[]) assert.match(check.title.text, HAN, check.title.id);

      const zhOut = await cli(args, envFor(s, { LANG: ZH_LANG }));
      assert.equal(zhOut.code, 1, zhOut.stderr);
      const out = zhOut.stdout;
      // The verdict: its title, headline and the words around them.
      assert.ok(out.includes(zh.t('cli.verdict.title', { fix: zh.t(FIX_TITLES['disable-websockets']) })), out);
      assert.ok(out.includes(zh.tm(withoutText(r.headline))), out);
      assert.ok(out.includes(zh.t('cli.verdict.why')));
      assert.ok(out.includes(zh.t('cli.verdict.findings')));
      assert.match(out, /预览修改：.* fix disable-websockets/);
      assert.match(out, /正在检查 Codex 的连接方式/);
      // Every check line (a mark, then its title) is Chinese.
      const checkLines = out.split('\n').filter((l) => /^ {2}[✓✗⚠–·] /.test(l));
      assert.ok(checkLines.length > 3, out);
      for (const line of checkLines) assert.match(line, HAN, line);
      // No English sentence of the verdict.
      assert.ok(!out.includes(en.tm(withoutText(r.headline))), 'no English headline');
      assert.doesNotMatch(out, /Verdict:|Why:|Findings|Done in|Preview the change/);

      // LC_ALL wins over LANG, --lang over both.
      const envs: Record<string, string>[] = [
        { LANG: ZH_LANG, LC_ALL: 'C' },
        { LANG: 'en_US.UTF-8', LC_MESSAGES: ZH_LANG },
      ];
      for (const env of envs) {
        const o = await cli(args, envFor(s, env));
        if (env.LC_ALL === 'C') assert.match(o.stdout, /Verdict: Fix #1/);
        else assert.ok(o.stdout.includes(zh.t('cli.verdict.why')), o.stdout);
      }
      for (const langArgs of [['--lang', 'en'], ['--lang=en']]) {
        const english = await cli([...args, ...langArgs], envFor(s, { LANG: ZH_LANG }));
        assert.equal(english.code, 1, english.stderr);
        assert.match(english.stdout, /Verdict: Fix #1/);
        assert.match(english.stdout, /Why:/);
        assert.match(english.stdout, /✓ .*\(\d+ ms\)/);
        assert.ok(english.stdout.includes(en.tm(withoutText(r.headline))));
        assert.doesNotMatch(english.stdout, HAN);
      }
      const chinese = await cli(['--lang', 'zh-CN', ...args], envFor(s, { LANG: 'C' }));
      assert.ok(chinese.stdout.includes(zh.t('cli.verdict.why')), chinese.stdout);

      // --json in English has exactly the same keys, and the English text.
      const enJson = await cli([...args, '--json', '--lang', 'en'], envFor(s, { LANG: ZH_LANG }));
      const enReport = JSON.parse(enJson.stdout);
      assert.deepEqual([...keyPaths(enReport)].sort(), [...keyPaths(report)].sort());
      assert.equal(enReport.recommendation.headline.id, r.headline.id);
      assert.equal(enReport.recommendation.headline.text, en.tm(withoutText(r.headline)));
    },
  );

  test('--lang with a language it does not speak: exit 2, one line, in the language of the environment', async () => {
    const home = makeTempDir('ccd-lang-home');
    const env = { HOME: home, CODEX_CONNECTION_DOCTOR_HOME: makeTempDir('ccd-doctor-home') };
    for (const args of [
      ['--lang', 'fr', 'diagnose'],
      ['diagnose', '--lang=de'],
      ['diagnose', '--lang'],
    ]) {
      const inChinese = await cli(args, { ...env, LANG: ZH_LANG });
      assert.equal(inChinese.code, 2, inChinese.stderr);
      assert.equal(inChinese.stderr.trim().split('\n').length, 1, inChinese.stderr);
      assert.match(inChinese.stderr, /--lang 只能是 en 或 zh-CN/);
      const inEnglish = await cli(args, env);
      assert.equal(inEnglish.code, 2);
      assert.match(inEnglish.stderr, /--lang must be en or zh-CN/);
    }
  });

  test('the help, the usage errors and a missing CODEX_HOME in Chinese', async () => {
    const env = {
      HOME: makeTempDir('ccd-lang-home'),
      CODEX_CONNECTION_DOCTOR_HOME: makeTempDir('ccd-doctor-home'),
      LANG: ZH_LANG,
    };
    const help = await cli(['--help'], env);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^用法：codex-connection-doctor/);
    assert.match(help.stdout, /diagnose \[--codex-home DIR\]/, 'the syntax stays as typed');
    assert.match(help.stdout, /--lang en\|zh-CN/);
    const unknown = await cli(['diagnose', '--frobnicate'], env);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /未知选项 --frobnicate/);
    const missing = path.join(os.tmpdir(), 'ccd-no-such-home-' + process.pid);
    const gone = await cli(['diagnose', '--codex-home', missing], env);
    assert.equal(gone.code, 2);
    assert.equal(gone.stderr.trim().split('\n').length, 1, gone.stderr);
    assert.ok(gone.stderr.includes(`CODEX_HOME ${missing}（来自 --codex-home）不存在`), gone.stderr);
    const english = await cli(['--help', '--lang', 'en'], env);
    assert.match(english.stdout, /^Usage: codex-connection-doctor/);
  });

  test(
    'fix --dry-run and history in Chinese: the plan, the diff headers, the errors and their next step',
    { timeout: 60_000 },
    async () => {
      const s = await scenario('ws-refused');
      const env = envFor(s, { LANG: ZH_LANG });
      const dry = await cli(['fix', 'disable-websockets', '--codex-home', s.codexHome, '--dry-run'], env);
      assert.equal(dry.code, 0, dry.stderr);
      assert.match(dry.stdout, /^修改 .*config\.toml {2}\(\+1 −1\)$/m);
      assert.match(dry.stdout, /^\+supports_websockets = false$/m, 'the diff itself is as it is');
      assert.ok(dry.stdout.includes(zh.t('cli.fix.dry-run')));
      const unasked = await cli(['fix', 'disable-websockets', '--codex-home', s.codexHome], env);
      assert.equal(unasked.code, 1);
      assert.match(unasked.stderr, /--yes/);
      assert.match(unasked.stderr, /\n {2}下一步：/);
      const history = await cli(['history'], env);
      assert.equal(history.code, 0);
      assert.equal(history.stdout, zh.t('cli.history.empty') + '\n');
    },
  );
});
