// Apply, journal and revert, and every bad input: nothing is written when something is wrong.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import {
  applyPlan,
  FixError,
  getJournalDir,
  listHistory,
  planFix,
  revertChange,
  type SetClashTun,
} from '../../../electron/core/fixes/index.ts';
import type { CodexSetup, EnvironmentReport } from '../../../shared/types.ts';
import { assertPlanRenders, homeFromCase, setupFor, snapshot, tempDir } from './helpers.ts';
import { msg } from '../../../shared/i18n/message.ts';
import { enAll } from '../../i18n.ts';

function journal(): string {
  return path.join(tempDir('journal'), 'journal');
}

function isFixError(code: string, pattern?: RegExp) {
  return (e: unknown): boolean => e instanceof FixError && e.code === code && (!pattern || pattern.test(e.message));
}

const emptySetup = (home: string): CodexSetup => ({
  home,
  homeSource: 'flag',
  homeExists: false,
  profile: null,
  profiles: [],
  configFiles: [],
  provider: null,
  authMode: 'none',
  proxyVars: [],
  effectiveProxy: null,
  noProxy: null,
  caFile: null,
  installs: [],
  credential: { status: 'none', source: msg('setup.credential.no-auth-json') },
  findings: [],
});

describe('bad input writes nothing', () => {
  test('an unparseable config.toml gives file, line and column', async () => {
    const home = tempDir('bad');
    fs.writeFileSync(path.join(home, 'config.toml'), 'model = "a"\n[model_providers.x\nname = 1\n');
    const start = snapshot(home);
    await assert.rejects(
      planFix('disable-websockets', { codexHome: home, profile: null, setup: emptySetup(home) }),
      (e: unknown) => {
        assert.ok(e instanceof FixError && e.code === 'config-unparseable');
        assert.equal(e.location?.line, 2);
        assert.ok(e.location?.column !== undefined);
        assert.match(e.message, /config\.toml:2:\d+/);
        return true;
      },
    );
    assert.deepEqual(snapshot(home), start);
  });

  test('a CODEX_HOME that does not exist', async () => {
    const home = path.join(tempDir('gone'), 'nope');
    for (const fix of ['disable-websockets', 'use-proxy', 'repair-config'] as const) {
      await assert.rejects(
        planFix(fix, { codexHome: home, profile: null, setup: emptySetup(home), proxyUrl: 'http://127.0.0.1:3128' }),
        isFixError('codex-home-missing', /does not exist/),
      );
    }
    assert.equal(fs.existsSync(home), false);
  });

  test('a read-only file', { skip: process.platform === 'win32' }, async () => {
    const home = homeFromCase('02-custom-table');
    const file = path.join(home, 'config.toml');
    fs.chmodSync(file, 0o444);
    const start = snapshot(home);
    const planned = await planFix('disable-websockets', {
      codexHome: home,
      profile: null,
      setup: await setupFor(home, null),
    });
    const journalDir = journal();
    await assert.rejects(applyPlan(planned, { journalDir }), isFixError('read-only', /read-only/));
    assert.deepEqual(snapshot(home), start);
    assert.deepEqual(listHistory(journalDir), [], 'nothing journaled');
  });

  test('a file changed between preview and apply', async () => {
    const home = homeFromCase('02-custom-table');
    const planned = await planFix('disable-websockets', {
      codexHome: home,
      profile: null,
      setup: await setupFor(home, null),
    });
    fs.appendFileSync(path.join(home, 'config.toml'), '# edited meanwhile\n');
    const start = snapshot(home);
    await assert.rejects(applyPlan(planned, { journalDir: journal() }), isFixError('changed-since-plan'));
    assert.deepEqual(snapshot(home), start);
  });

  test('a .env that sets the key on a line it cannot parse', async () => {
    const home = homeFromCase('01-builtin-commented');
    fs.writeFileSync(path.join(home, '.env'), 'HTTPS_PROXY="http://broken\n');
    const start = snapshot(home);
    await assert.rejects(
      planFix('use-proxy', {
        codexHome: home,
        profile: null,
        setup: await setupFor(home, null),
        proxyUrl: 'http://127.0.0.1:1',
      }),
      isFixError('edit-refused', /line 1/),
    );
    assert.deepEqual(snapshot(home), start);
  });

  test('proxy URLs are validated and probed', async () => {
    const home = homeFromCase('01-builtin-commented');
    const setup = await setupFor(home, null);
    for (const bad of ['https://127.0.0.1:443', 'ftp://h:1', 'http://127.0.0.1', 'not a url', 'http://h:99999']) {
      await assert.rejects(
        planFix('use-proxy', { codexHome: home, profile: null, setup, proxyUrl: bad }),
        isFixError('invalid-proxy'),
      );
    }
    const probed: string[] = [];
    await assert.rejects(
      planFix('use-proxy', {
        codexHome: home,
        profile: null,
        setup,
        proxyUrl: 'http://u:secret@127.0.0.1:3128',
        proxyUrlFromUser: true,
        probeProxy: async (url) => {
          probed.push(url);
          return {
            carriesWebSocket: false,
            carriesHttps: true,
            detail: msg('common.text', { text: 'CONNECT denied (403)' }),
          };
        },
      }),
      (e: unknown) =>
        e instanceof FixError &&
        e.code === 'proxy-failed' &&
        /CONNECT denied/.test(e.message) &&
        !e.message.includes('secret'),
    );
    assert.deepEqual(probed, ['http://u:secret@127.0.0.1:3128']);
    const socks = await planFix('use-proxy', {
      codexHome: home,
      profile: null,
      setup,
      proxyUrl: 'socks5h://127.0.0.1:10808',
    });
    assert.match(enAll(socks.plan.warnings).join(' '), /SOCKS.*HTTPS/);
    assertPlanRenders(socks.plan);
    const withPassword = await planFix('use-proxy', {
      codexHome: home,
      profile: null,
      setup,
      proxyUrl: 'http://u:secret@127.0.0.1:3128',
    });
    assert.ok(
      !JSON.stringify(withPassword.plan).includes('secret'),
      'the plan shown to the user never holds the password',
    );
    assert.ok(withPassword.edits[0]!.after!.toString().includes('u:secret@'), 'the file gets the real URL');
  });
});

describe('revert', () => {
  test('conflict, then remove only the fix lines, journaled and revertible', async () => {
    const home = homeFromCase('02-custom-table');
    const file = path.join(home, 'config.toml');
    const original = fs.readFileSync(file);
    const journalDir = journal();
    const planned = await planFix('disable-websockets', {
      codexHome: home,
      profile: null,
      setup: await setupFor(home, null),
    });
    const entry = await applyPlan(planned, { journalDir });
    fs.appendFileSync(file, '\n[features]\nweb_search_request = true\n');
    const edited = fs.readFileSync(file);

    const outcome = await revertChange(entry.id, { journalDir });
    assert.equal(outcome.status, 'conflict');
    assert.ok(outcome.status === 'conflict');
    assert.ok(
      outcome.conflicts[0]!.hunks.some((h) =>
        h.lines.some((l) => l.kind === 'add' && l.text === 'web_search_request = true'),
      ),
    );
    assert.ok(fs.readFileSync(file).equals(edited), 'a conflict touches nothing');

    const partial = await revertChange(entry.id, { journalDir, mode: 'remove-fix-lines' });
    assert.equal(partial.status, 'reverted');
    const now = fs.readFileSync(file, 'utf8');
    assert.equal(now, original.toString('utf8') + '\n[features]\nweb_search_request = true\n');
    const history = listHistory(journalDir);
    assert.equal(history.length, 2);
    assert.equal(history.find((h) => h.id === entry.id)?.reverted, true);
    await assert.rejects(revertChange(entry.id, { journalDir }), isFixError('already-reverted'));
    // The partial revert is itself a change, the newest open one: reverting it brings the fix line back.
    const again = await revertChange('last', { journalDir });
    assert.equal(again.status, 'reverted');
    assert.ok(fs.readFileSync(file).equals(edited));
  });

  test('a file converted to LF since the fix: the conflict shows it, remove-fix-lines keeps it LF', async () => {
    // Before, the conflict's diff was empty (line endings were not compared) and the partial revert
    // wrote the whole file back with CRLF.
    const home = homeFromCase('06-crlf-bom-openai-base-url');
    const file = path.join(home, 'config.toml');
    const original = fs.readFileSync(file, 'utf8');
    assert.match(original, /\r\n/);
    const journalDir = journal();
    const entry = await applyPlan(
      await planFix('disable-websockets', { codexHome: home, profile: null, setup: await setupFor(home, null) }),
      { journalDir },
    );
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/\r\n/g, '\n'));

    const outcome = await revertChange(entry.id, { journalDir });
    assert.ok(outcome.status === 'conflict');
    const changed = outcome.conflicts[0]!.hunks.flatMap((h) => h.lines).filter((l) => l.kind !== 'context');
    assert.ok(changed.length > 0, 'the conflict shows what differs');
    assert.ok(changed.every((l) => l.eolChanged && l.eol === (l.kind === 'remove' ? 'crlf' : 'lf')));

    assert.equal((await revertChange(entry.id, { journalDir, mode: 'remove-fix-lines' })).status, 'reverted');
    assert.equal(fs.readFileSync(file, 'utf8'), original.replace(/\r\n/g, '\n'));
  });

  test('keep marks the change reverted without touching the file; last picks the newest open change', async () => {
    const home = homeFromCase('07-no-final-newline');
    const journalDir = journal();
    const setup = await setupFor(home, null);
    const first = await applyPlan(await planFix('disable-websockets', { codexHome: home, profile: null, setup }), {
      journalDir,
    });
    const second = await applyPlan(
      await planFix('use-proxy', { codexHome: home, profile: null, setup, proxyUrl: 'http://127.0.0.1:7890' }),
      { journalDir },
    );
    const before = snapshot(home);
    assert.deepEqual(await revertChange('last', { journalDir, mode: 'keep' }), { status: 'reverted', files: [] });
    assert.deepEqual(snapshot(home), before);
    assert.equal(listHistory(journalDir).find((h) => h.id === second.id)?.reverted, true);
    const outcome = await revertChange('last', { journalDir });
    assert.deepEqual(outcome, { status: 'reverted', files: [path.join(home, 'config.toml')] });
    assert.equal(listHistory(journalDir).find((h) => h.id === first.id)?.reverted, true);
    await assert.rejects(revertChange('last', { journalDir }), isFixError('not-found'));
  });

  test('the journal is private and holds the exact bytes', { skip: process.platform === 'win32' }, async () => {
    const home = homeFromCase('06-crlf-bom-openai-base-url');
    const journalDir = journal();
    const original = fs.readFileSync(path.join(home, 'config.toml'));
    const entry = await applyPlan(
      await planFix('disable-websockets', { codexHome: home, profile: null, setup: await setupFor(home, null) }),
      { journalDir },
    );
    assert.equal(fs.statSync(journalDir).mode & 0o777, 0o700);
    const files = fs.readdirSync(journalDir);
    assert.deepEqual(files, [`${entry.id}.json`]);
    assert.equal(fs.statSync(path.join(journalDir, files[0]!)).mode & 0o777, 0o600);
    const stored = JSON.parse(fs.readFileSync(path.join(journalDir, files[0]!), 'utf8'));
    assert.ok(Buffer.from(stored.files[0].before, 'base64').equals(original));
    assert.equal(stored.files[0].existedBefore, true);
  });
});

describe('enable-tun', () => {
  const env = (tunEnabled: boolean, reachable = true): EnvironmentReport => ({
    systemProxy: null,
    localProxies: [],
    proxyApps: [
      {
        id: 'clash-verge-rev',
        name: 'Clash Verge Rev',
        configFiles: [],
        ports: [7897],
        controller: { address: '127.0.0.1:9097', secret: 'set-your-secret' },
      },
    ],
    clashApi: [{ controller: '127.0.0.1:9097', source: 'verge.yaml', reachable, tunEnabled }],
    tun: { active: false, interfaces: [], evidence: [] },
  });

  test('through the Clash API: turned on after apply, back off on revert', async () => {
    const home = tempDir('tun');
    const calls: [string, string | undefined, boolean][] = [];
    const setClashTun: SetClashTun = async (controller, secret, enable) => {
      calls.push([controller, secret, enable]);
    };
    const journalDir = journal();
    const planned = await planFix('enable-tun', {
      codexHome: home,
      profile: null,
      setup: emptySetup(home),
      environment: env(false),
      setClashTun,
    });
    assert.equal(planned.plan.apiAction?.controller, '127.0.0.1:9097');
    assert.match(enAll(planned.plan.warnings).join(' '), /whole system/);
    assertPlanRenders(planned.plan);
    assert.ok(!JSON.stringify(planned.plan).includes('set-your-secret'));
    assert.deepEqual(calls, [], 'nothing happens before apply');
    const entry = await applyPlan(planned, { journalDir, setClashTun });
    assert.deepEqual(calls, [['127.0.0.1:9097', 'set-your-secret', true]]);
    assert.deepEqual(entry.api, { controller: '127.0.0.1:9097', previousTun: false });
    assert.ok(!fs.readFileSync(path.join(journalDir, `${entry.id}.json`), 'utf8').includes('set-your-secret'));
    await revertChange(entry.id, { journalDir, setClashTun, clashSecret: 'set-your-secret' });
    assert.deepEqual(calls[1], ['127.0.0.1:9097', 'set-your-secret', false]);
  });

  test('without a reachable API: steps for the app found', async () => {
    const home = tempDir('tun');
    const planned = await planFix('enable-tun', {
      codexHome: home,
      profile: null,
      setup: emptySetup(home),
      environment: env(false, false),
    });
    assert.equal(planned.plan.apiAction, undefined);
    assert.match(enAll(planned.plan.manualSteps!).join(' '), /Clash Verge Rev/);
    assert.match(enAll(planned.plan.warnings).join(' '), /did not answer/);
    assertPlanRenders(planned.plan);
  });
});

test('getJournalDir per platform and the override', () => {
  assert.equal(getJournalDir({ CODEX_CONNECTION_DOCTOR_HOME: '/x' }, 'linux', '/home/u'), '/x/journal');
  assert.equal(
    getJournalDir({}, 'darwin', '/Users/u'),
    '/Users/u/Library/Application Support/Codex Connection Doctor/journal',
  );
  assert.equal(
    getJournalDir({ APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32', 'C:\\Users\\u'),
    'C:\\Users\\u\\AppData\\Roaming\\Codex Connection Doctor\\journal',
  );
  assert.equal(getJournalDir({ XDG_CONFIG_HOME: '/cfg' }, 'linux', '/home/u'), '/cfg/Codex Connection Doctor/journal');
  assert.equal(getJournalDir({}, 'linux', '/home/u'), '/home/u/.config/Codex Connection Doctor/journal');
});
