// History titles are messages: new entries store one, entries written before (an English sentence)
// are read back into the message each came from, so History reads in the user's language.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { entryTitle, listHistory, readJournal, writeEntry } from '../../../electron/core/fixes/journal.ts';
import { applyPlan, planFix, revertChange } from '../../../electron/core/fixes/index.ts';
import { sha256 } from '../../../electron/core/fixes/plan.ts';
import { msg } from '../../../shared/i18n/message.ts';
import type { JournalEntry } from '../../../shared/types.ts';
import { en, zh } from '../../i18n.ts';
import { homeFromCase, setupFor, tempDir } from './helpers.ts';

describe('history titles', () => {
  test('titles written before messages become the message they were made from', () => {
    const cases: [string, string][] = [
      ['Turn off WebSockets for provider "lab"', '为提供方“lab”关闭 WebSocket'],
      [
        'Use provider "openai_http": the built-in OpenAI provider without WebSockets',
        '改用提供方“openai_http”：即不使用 WebSocket 的内置 OpenAI 提供方',
      ],
      [
        'Send Codex through the proxy http://u:****@127.0.0.1:3128',
        '让 Codex 通过代理 http://u:****@127.0.0.1:3128 连接',
      ],
      ['Turn on TUN mode through the Clash API at 127.0.0.1:9090', '通过 127.0.0.1:9090 上的 Clash API 开启 TUN 模式'],
      ['Repair config.toml so Codex starts', '修复 config.toml，让 Codex 能够启动'],
      ['Trust the CA "Example Corp CA" for Codex', '让 Codex 信任 CA“Example Corp CA”'],
      [
        'Removed the lines of: Turn off WebSockets for provider "lab"',
        '已移除这项修改写入的行：为提供方“lab”关闭 WebSocket',
      ],
    ];
    for (const [title, chinese] of cases) {
      const m = entryTitle({ title });
      assert.equal(en(m), title, 'the English is the sentence as it was');
      assert.equal(zh(m), chinese);
    }
    const unknown = entryTitle({ title: 'Something an older version wrote' });
    assert.equal(unknown.id, 'fixes.title.legacy');
    assert.equal(en(unknown), 'Something an older version wrote');
  });

  test('a new entry stores its title as a message, and History gives it back', async () => {
    const home = homeFromCase('02-custom-table');
    const journalDir = path.join(tempDir('titles-journal'), 'journal');
    const planned = await planFix('disable-websockets', {
      codexHome: home,
      profile: null,
      setup: await setupFor(home, null),
    });
    const entry = await applyPlan(planned, { journalDir });
    const stored = JSON.parse(fs.readFileSync(path.join(journalDir, `${entry.id}.json`), 'utf8')) as JournalEntry;
    assert.deepEqual(stored.title, planned.plan.title);
    const [item] = listHistory(journalDir);
    assert.deepEqual(item!.title, planned.plan.title);
    assert.match(en(item!.title), /^Turn off WebSockets for provider "/);
    assert.match(zh(item!.title), /^为提供方“.*”关闭 WebSocket$/);
    // A partial revert records its own title, nesting the change's.
    const config = path.join(home, 'config.toml');
    fs.writeFileSync(config, `# edited since\n${fs.readFileSync(config, 'utf8')}`);
    const outcome = await revertChange(entry.id, { journalDir, mode: 'remove-fix-lines' });
    assert.equal(outcome.status, 'reverted');
    const partial = listHistory(journalDir).find((h) => h.id !== entry.id)!;
    assert.match(en(partial.title), /^Removed the lines of: Turn off WebSockets for provider "/);
    assert.match(zh(partial.title), /^已移除这项修改写入的行：为提供方/);
  });

  test('a damaged entry says why, in both languages', () => {
    const dir = path.join(tempDir('titles-damaged'), 'journal');
    const good: JournalEntry = {
      id: '20260101T000000000Z-000-00000001',
      createdAt: new Date().toISOString(),
      fix: 'disable-websockets',
      title: msg('fixes.title.repair'),
      codexHome: '/tmp/x',
      profile: null,
      files: [{ path: '/tmp/x/config.toml', existedBefore: false, hashAfter: sha256(Buffer.from('a')) }],
    };
    writeEntry(dir, good);
    writeEntry(dir, { ...good, id: '20260101T000001000Z-000-00000002', title: { oops: true } as never });
    const journal = readJournal(dir);
    assert.equal(journal.entries.length, 1);
    assert.equal(journal.damaged.length, 1);
    assert.equal(en(journal.damaged[0]!.reason), '"title" is missing');
    assert.equal(zh(journal.damaged[0]!.reason), '缺少“title”');
  });
});
