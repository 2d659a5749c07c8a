// The translator: plurals, durations, nested messages, lists, the locale from a tag or the environment, --json's text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { translator, withText } from '../../../shared/i18n/translate.ts';
import { localeFromEnv, localeFromTag } from '../../../shared/i18n/locale.ts';
import { isMessage, msg, type Message } from '../../../shared/i18n/message.ts';

test('zh-* is Simplified Chinese, everything else English', () => {
  for (const tag of ['zh', 'zh-CN', 'zh_CN.UTF-8', 'zh-Hans-SG', 'zh_TW.UTF-8', 'ZH-cn']) assert.equal(localeFromTag(tag), 'zh-CN', tag);
  for (const tag of ['en', 'en_US.UTF-8', 'C', 'POSIX', 'fr-FR', '', undefined, null]) assert.equal(localeFromTag(tag), 'en', String(tag));
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
  const value = { finding: { id: 'config.syntax', severity: 'error', summary: msg('common.list-separator') }, list: [msg('common.list-separator')] };
  const out = withText(value, translator('zh-CN'));
  assert.deepEqual(out.finding.summary, { id: 'common.list-separator', text: '、' });
  assert.equal((out.finding as Record<string, unknown>).text, undefined);
  assert.deepEqual(out.list[0], { id: 'common.list-separator', text: '、' });
  assert.ok(isMessage(msg('common.list-separator')));
  assert.ok(!isMessage({ id: 'x', severity: 'error' }));
});
