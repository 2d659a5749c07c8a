// The command line on real users' files: revert after the user edited the file, a realistic .env
// for use-proxy, proxies typed by the user that do not work, and bad input that must write nothing.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'smol-toml';
import { startSquid } from '../lab/squid.ts';
import { startV2raySocks } from '../lab/v2ray-socks.ts';
import { closedPort } from '../lab/ports.ts';
import { runCodex } from '../lab/run-codex.ts';
import { makeTempDir } from '../lab/temp-dirs.ts';
import { changeIdFrom, cli, envFor, journalText, scenario, snapshot, stopAfterAll } from './cli-run.ts';

describe('revert after the user edited the file', () => {
  test(
    'strict shows the diff and leaves the file; --remove-fix-lines keeps the user edits; Codex loads it',
    { timeout: 90_000 },
    async () => {
      const s = await scenario('ws-refused');
      const env = envFor(s);
      const cfg = path.join(s.codexHome, 'config.toml');
      const original = readFileSync(cfg, 'utf8');
      const fixed = await cli(['fix', 'disable-websockets', '--codex-home', s.codexHome, '--yes'], env);
      assert.equal(fixed.code, 0, fixed.stderr);
      const id = changeIdFrom(fixed.stdout);
      const edited =
        '# my own note\n' + readFileSync(cfg, 'utf8').replace('model = "lab-model"', 'model = "other-model"');
      writeFileSync(cfg, edited);

      const strict = await cli(['revert', id], env);
      assert.equal(strict.code, 1);
      assert.match(strict.stdout, /Not reverted/);
      assert.match(strict.stdout, /^\+# my own note$/m);
      assert.match(strict.stdout, /^\+model = "other-model"$/m);
      assert.match(strict.stdout, /--remove-fix-lines/);
      assert.equal(readFileSync(cfg, 'utf8'), edited);

      const removed = await cli(['revert', id, '--remove-fix-lines'], env);
      assert.equal(removed.code, 0, removed.stdout + removed.stderr);
      assert.match(removed.stdout, /took the fix's own lines out of/);
      const text = readFileSync(cfg, 'utf8');
      assert.equal(text, '# my own note\n' + original.replace('model = "lab-model"', 'model = "other-model"'));
      const parsed = parse(text) as { model: string; model_providers: { lab: { supports_websockets: boolean } } };
      assert.equal(parsed.model, 'other-model');
      assert.equal(parsed.model_providers.lab.supports_websockets, true);
      const run = await runCodex({ codexHome: s.codexHome, timeoutMs: 60_000, env: s.env });
      assert.ok(run.answered, run.stderr);
      assert.ok(run.reconnectingLines > 0, 'WebSockets are back on, as before the fix');
    },
  );

  test('--keep marks the change reverted and leaves the file as the user made it', { timeout: 30_000 }, async () => {
    const s = await scenario('ws-refused');
    const env = envFor(s);
    const cfg = path.join(s.codexHome, 'config.toml');
    const fixed = await cli(['fix', 'disable-websockets', '--codex-home', s.codexHome, '--yes'], env);
    const id = changeIdFrom(fixed.stdout);
    const edited = readFileSync(cfg, 'utf8') + '\n# added later\n';
    writeFileSync(cfg, edited);
    const kept = await cli(['revert', id, '--keep'], env);
    assert.equal(kept.code, 0, kept.stderr);
    assert.equal(readFileSync(cfg, 'utf8'), edited);
    const history = JSON.parse((await cli(['history', '--json'], env)).stdout);
    assert.equal(history.find((h: { id: string }) => h.id === id).reverted, true);
  });
});

describe('use-proxy on a realistic .env', () => {
  test(
    'lowercase keys, export, quotes, CRLF, a comment and a password: edited in place, password never shown, Codex answers through squid',
    { timeout: 90_000 },
    async () => {
      const s = await scenario('proxy-needed');
      const env = envFor(s);
      const dead = await closedPort();
      const password = 'hunter2-Pw9';
      const dotenvPath = path.join(s.codexHome, '.env');
      const original =
        `# proxies for work\r\nexport https_proxy="http://bob:${password}@127.0.0.1:${dead}"\r\n` +
        `export http_proxy='http://bob:${password}@127.0.0.1:${dead}'\r\nno_proxy=corp.example,localhost\r\nOPENAI_ORG=abc # trailing\r\n`;
      writeFileSync(dotenvPath, original);

      const diag = await cli(
        ['diagnose', '--codex-home', s.codexHome, '--no-codex-doctor', '--proxy-port', String(s.squid!.port)],
        env,
      );
      const fixed = await cli(
        ['fix', 'use-proxy', '--codex-home', s.codexHome, '--proxy-port', String(s.squid!.port), '--yes'],
        env,
      );
      assert.equal(fixed.code, 0, fixed.stdout + fixed.stderr);
      for (const out of [
        diag.stdout,
        diag.stderr,
        fixed.stdout,
        fixed.stderr,
        journalText(env.CODEX_CONNECTION_DOCTOR_HOME),
      ]) {
        assert.ok(!out.includes(password), `password leaked:\n${out}`);
      }
      assert.match(fixed.stdout, /bob:\*\*\*\*@/);
      const text = readFileSync(dotenvPath, 'utf8');
      assert.ok(text.startsWith('# proxies for work\r\n'), text);
      assert.ok(text.includes(`export https_proxy="${s.squid!.url}"\r\n`), text);
      assert.ok(text.includes(`export http_proxy='${s.squid!.url}'\r\n`), text);
      assert.ok(text.includes('no_proxy=corp.example,localhost,127.0.0.1,::1\r\n'), text);
      assert.ok(text.includes('OPENAI_ORG=abc # trailing\r\n'), text);
      assert.match(text, new RegExp(`^HTTP_PROXY=${s.squid!.url.replace(/\./g, '\\.')}\\r$`, 'm'));
      assert.doesNotMatch(text, /(^|[^\r])\n/, 'CRLF kept on every line');

      const run = await runCodex({ codexHome: s.codexHome, timeoutMs: 60_000, env: s.env });
      assert.ok(run.answered, run.stderr);
      assert.equal(run.reconnectingLines, 0);
      assert.match(s.squid!.accessLog(), /api\.lab\.test/);

      const reverted = await cli(['revert', '--last'], env);
      assert.equal(reverted.code, 0);
      assert.equal(readFileSync(dotenvPath, 'utf8'), original);
    },
  );

  test(
    'the shell sets a dead proxy: .env wins for Codex, and the doctor does not claim otherwise',
    { timeout: 90_000 },
    async () => {
      const s = await scenario('proxy-needed');
      const env = { ...envFor(s), HTTP_PROXY: `http://127.0.0.1:${await closedPort()}` };
      const fixed = await cli(['fix', 'use-proxy', '--codex-home', s.codexHome, '--proxy', s.squid!.url, '--yes'], env);
      assert.equal(fixed.code, 0, fixed.stdout + fixed.stderr);
      assert.doesNotMatch(fixed.stdout, /win over \.env/);
      assert.match(fixed.stdout, /HTTP_PROXY no longer applies to Codex/);
      const run = await runCodex({
        codexHome: s.codexHome,
        timeoutMs: 60_000,
        env: { ...s.env, HTTP_PROXY: env.HTTP_PROXY },
      });
      assert.ok(run.answered, run.stderr);
    },
  );
});

describe('a --proxy typed by the user is probed before anything is written', () => {
  test(
    'closed port, SOCKS-only port as http://, squid that wants a login: one-line refusal, nothing written; a working one is accepted',
    { timeout: 90_000 },
    async () => {
      const s = await scenario('proxy-needed');
      const env = envFor(s);
      const socks = await startV2raySocks({});
      stopAfterAll(() => socks.stop());
      const authSquid = await startSquid({ basicAuth: { user: 'alice', password: 'Sq-Pass77' } });
      stopAfterAll(() => authSquid.stop());
      const before = snapshot(s.codexHome);
      const refused: [string, RegExp][] = [
        [`http://127.0.0.1:${await closedPort()}`, /nothing listens/],
        [`http://127.0.0.1:${socks.port}`, /speaks SOCKS5, not HTTP/],
        [authSquid.url, /wants a user name and password \(407\)/],
        [`http://alice:wrong-Pw@127.0.0.1:${authSquid.port}`, /refused this user name and password \(407\)/],
      ];
      for (const [url, why] of refused) {
        const r = await cli(['fix', 'use-proxy', '--codex-home', s.codexHome, '--proxy', url, '--yes'], env);
        assert.equal(r.code, 1, `${url}: ${r.stdout}`);
        // One line for the refusal, one for what to do next (the hint the app shows too).
        assert.equal(r.stderr.trim().split('\n').length, 2, r.stderr);
        assert.match(r.stderr.trim().split('\n')[1]!, /^ {2}Next: /);
        assert.match(r.stderr, why);
        assert.match(r.stderr, /nothing was written/);
        assert.ok(!r.stderr.includes('wrong-Pw'));
        assert.doesNotMatch(r.stderr, /\n\s+at /);
        assert.deepEqual(snapshot(s.codexHome), before);
      }
      assert.equal(journalText(env.CODEX_CONNECTION_DOCTOR_HOME), '');

      const good = `http://alice:Sq-Pass77@127.0.0.1:${authSquid.port}`;
      const ok = await cli(['fix', 'use-proxy', '--codex-home', s.codexHome, '--proxy', good, '--yes'], env);
      assert.equal(ok.code, 0, ok.stdout + ok.stderr);
      assert.ok(!(ok.stdout + ok.stderr).includes('Sq-Pass77'));
      assert.match(readFileSync(path.join(s.codexHome, '.env'), 'utf8'), /^HTTPS_PROXY=http:\/\/alice:Sq-Pass77@/m);
    },
  );
});

describe('bad input: clear message, non-zero exit, nothing written', () => {
  test(
    'a read-only config.toml, a missing CODEX_HOME, a .env line the fix cannot edit',
    { timeout: 60_000 },
    async () => {
      const s = await scenario('proxy-needed');
      const env = envFor(s);
      const cfg = path.join(s.codexHome, 'config.toml');
      chmodSync(cfg, 0o444);
      let before = snapshot(s.codexHome);
      const ro = await cli(['fix', 'disable-websockets', '--codex-home', s.codexHome, '--yes'], env);
      assert.notEqual(ro.code, 0);
      assert.match(ro.stderr, /read-only/);
      assert.equal(ro.stderr.trim().split('\n').length, 2, ro.stderr);
      assert.match(ro.stderr, /Next: Nothing was written\. Make the file .*writable/);
      assert.deepEqual(snapshot(s.codexHome), before);
      chmodSync(cfg, 0o644);

      const missing = path.join(os.tmpdir(), `ccd-missing-${process.pid}`, '.codex');
      const gone = await cli(['fix', 'disable-websockets', '--codex-home', missing, '--yes'], env);
      assert.equal(gone.code, 2);
      assert.match(gone.stderr, /does not exist/);
      assert.equal(journalText(env.CODEX_CONNECTION_DOCTOR_HOME), '');

      const dotenvPath = path.join(s.codexHome, '.env');
      writeFileSync(dotenvPath, 'FOO=1\nthis line is not a variable\nHTTPS_PROXY="never closed\n');
      before = snapshot(s.codexHome);
      const odd = await cli(['fix', 'use-proxy', '--codex-home', s.codexHome, '--proxy', s.squid!.url, '--yes'], env);
      assert.equal(odd.code, 1, odd.stdout);
      assert.match(odd.stderr, /\.env line 3 sets HTTPS_PROXY/);
      assert.match(odd.stderr, /nothing was written/);
      assert.deepEqual(snapshot(s.codexHome), before);
      assert.equal(journalText(env.CODEX_CONNECTION_DOCTOR_HOME), '');
    },
  );
});

describe('diagnose on a ~/.codex-like setup with a login', () => {
  for (const mode of ['chatgpt', 'apikey'] as const) {
    test(
      `built-in provider, ${mode} auth.json: the login mode is shown, its tokens never are`,
      { timeout: 30_000 },
      async () => {
        const home = makeTempDir('ccd-user-home');
        const codexHome = path.join(home, '.codex');
        mkdirSync(codexHome);
        writeFileSync(path.join(codexHome, 'config.toml'), 'model = "gpt-5"\n[tui]\nnotifications = true\n');
        const tokens = ['sk-proj-FAKEsecretKEY123', 'eyJFAKEidTOKEN.part.sig', 'rt-FAKE-refresh-999', 'acct-FAKE-42'];
        const auth =
          mode === 'apikey'
            ? { auth_mode: 'apikey', OPENAI_API_KEY: tokens[0] }
            : {
                auth_mode: 'chatgpt',
                OPENAI_API_KEY: null,
                tokens: {
                  id_token: tokens[1],
                  access_token: tokens[1],
                  refresh_token: tokens[2],
                  account_id: tokens[3],
                },
                last_refresh: '2025-01-01T00:00:00Z',
              };
        writeFileSync(path.join(codexHome, 'auth.json'), JSON.stringify(auth));
        const env = { HOME: home, CODEX_CONNECTION_DOCTOR_HOME: makeTempDir('ccd-doctor-home') };
        const human = await cli(['diagnose', '--no-codex-doctor', '--timeout-ms', '1000'], env);
        const json = await cli(['diagnose', '--json', '--no-codex-doctor', '--timeout-ms', '1000'], env);
        assert.ok(human.code === 0 || human.code === 1, human.stderr);
        const report = JSON.parse(json.stdout);
        assert.equal(report.codex.home, codexHome);
        assert.equal(report.codex.provider.id, 'openai');
        assert.equal(report.codex.authMode, mode);
        for (const out of [human.stdout, human.stderr, json.stdout, json.stderr]) {
          for (const t of tokens) assert.ok(!out.includes(t), `token leaked: ${t}`);
        }
      },
    );
  }
});
