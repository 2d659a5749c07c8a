// The translator: plurals, durations, nested messages, lists, the locale from a tag or the environment, --json's text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { translator, withText } from '../../../shared/i18n/translate.ts';
import { localeFromEnv, localeFromTag } from '../../../shared/i18n/locale.ts';
import { isMessage, msg, type Message } from '../../../shared/i18n/message.ts';

test('zh-* is Simplified Chinese, everything else English', () => {
  for (const tag of ['zh', 'zh-CN', 'zh_CN.UTF-8', 'zh-Hans-SG', 'zh_TW.UTF-8', 'ZH-cn'])
    assert.equal(localeFromTag(tag), 'zh-CN', tag);
  for (const tag of ['en', 'en_US.UTF-8', 'C', 'POSIX', 'fr-FR', '', undefined, null])
    assert.equal(localeFromTag(tag), 'en', String(tag));
});

test('LC_ALL wins over LC_MESSAGES over LANG; empty values are skipped', () => {
  assert.equal(localeFromEnv({ LANG: 'zh_CN.UTF-8' }), 'zh-CN');
  assert.equal(localeFromEnv({ LANG: 'zh_CN.UTF-8', LC_ALL: 'C' }), 'en');
  assert.equal(localeFromEnv({ LANG: 'en_US.UTF-8', LC_MESSAGES: 'zh_CN.UTF-8' }), 'zh-CN');
  assert.equal(localeFromEnv({ LANG: 'zh_CN.UTF-8', LC_ALL: '' }), 'zh-CN');
  assert.equal(localeFromEnv({}), 'en');
});

test('lists are joined the way each language writes them', () => {
  assert.equal(translator('en').t('common.list-separator'), ', ');
  assert.equal(translator('zh-CN').t('common.list-separator'), '、');
});

test('an unknown id shows itself rather than nothing', () => {
  assert.equal(translator('zh-CN').tm({ id: 'no.such.id' } as unknown as Message), 'no.such.id');
});

test('--json: every message carries its text beside its id; other objects are left alone', () => {
  const value = {
    finding: { id: 'config.syntax', severity: 'error', summary: msg('common.list-separator') },
    list: [msg('common.list-separator')],
  };
  const out = withText(value, translator('zh-CN'));
  assert.deepEqual(out.finding.summary, { id: 'common.list-separator', text: '、' });
  assert.equal((out.finding as Record<string, unknown>).text, undefined);
  assert.deepEqual(out.list[0], { id: 'common.list-separator', text: '、' });
  assert.ok(isMessage(msg('common.list-separator')));
  assert.ok(!isMessage({ id: 'x', severity: 'error' }));
});

test('durations: the symbols engineers read in English, Intl units in Chinese', () => {
  const en = translator('en');
  const zh = translator('zh-CN');
  assert.deepEqual(
    [850, 7000, 16_240, 125_000].map((ms) => en.t('app.duration', { ms })),
    ['850 ms', '7 s', '16.2 s', '2.1 min'],
  );
  assert.deepEqual(
    [850, 7000, 16_240, 125_000].map((ms) => zh.t('app.duration', { ms })),
    ['850毫秒', '7秒', '16.2秒', '2.1分钟'],
  );
});

test('plurals follow each language: one/other in English, one form in Chinese', () => {
  assert.equal(translator('en').t('app.check-detail.all-ok', { count: 1 }), 'all 1 check ok');
  assert.match(translator('en').t('app.check-detail.all-ok', { count: 3 }), /^all 3 checks ok$/);
  assert.match(translator('zh-CN').t('app.check-detail.all-ok', { count: 3 }), /3/);
});

test('a nested message is rendered in the same language as its parent', () => {
  const inner = msg('app.duration', { ms: 7000 });
  assert.equal(translator('zh-CN').t('app.diagnose.finished', { ms: 7000 }).includes('7秒'), true);
  assert.equal(translator('en').tm(inner), '7 s');
});
