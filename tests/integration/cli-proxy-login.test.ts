// A proxy that wants a login (squid with basic auth, as in many companies), and one that wants a
// login Codex cannot do (NTLM/Negotiate, a recorded answer). The real Codex is the judge: without
// the login it never answers (lab.test.ts); with the one Fix #2 writes it answers at once.
import assert from 'node:assert/strict';
import net from 'node:net';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { LAB_PROXY_PASSWORD } from '../lab/scenarios.ts';
import { runCodex } from '../lab/run-codex.ts';
import { cli, envFor, journalText, scenario, snapshot, stopAfterAll } from './cli-run.ts';

describe('a proxy that wants a user name and password', () => {
  test(
    'verdict → wrong password writes nothing → right one makes Codex answer → revert; the password shows nowhere',
    { timeout: 120_000 },
    async () => {
      const s = await scenario('proxy-login-missing');
      const env = envFor(s);
      const outputs: string[] = [];
      const keep = <T extends { stdout: string; stderr: string }>(r: T): T => (outputs.push(r.stdout, r.stderr), r);

      const diag = keep(await cli(['diagnose', '--codex-home', s.codexHome, '--no-codex-doctor'], env));
      assert.equal(diag.code, 1);
      assert.match(diag.stdout, /wants a user name and password \(407\)/);
      assert.match(
        diag.stdout,
        new RegExp(`fix use-proxy --proxy ${s.squid!.url.replace(/\./g, '\\.')} --proxy-user NAME`),
      );
      const json = JSON.parse(
        keep(await cli(['diagnose', '--codex-home', s.codexHome, '--no-codex-doctor', '--json'], env)).stdout,
      );
      assert.equal(json.recommendation.rule, 'R4b-proxy-wants-login');
      assert.deepEqual(json.recommendation.proxyLogin.schemes, ['Basic']);

      const untouched = snapshot(s.codexHome);
      const wrong = keep(
        await cli(
          ['fix', 'use-proxy', '--codex-home', s.codexHome, '--proxy-user', 'alice', '--yes'],
          env,
          'not-the-password\n',
        ),
      );
      assert.equal(wrong.code, 1);
      assert.match(wrong.stderr, /refused this user name and password \(407\); nothing was written/);
      assert.deepEqual(snapshot(s.codexHome), untouched, 'nothing was written');

      const right = keep(
        await cli(
          ['fix', 'use-proxy', '--codex-home', s.codexHome, '--proxy-user', 'alice', '--yes'],
          env,
          `${LAB_PROXY_PASSWORD}\n`,
        ),
      );
      assert.match(right.stdout, /Applied as change/, right.stdout + right.stderr);
      const dotenvPath = path.join(s.codexHome, '.env');
      const dotenv = readFileSync(dotenvPath, 'utf8');
      assert.ok(
        dotenv.includes(
          `HTTPS_PROXY=http://alice:${encodeURIComponent(LAB_PROXY_PASSWORD)}@127.0.0.1:${s.squid!.port}`,
        ),
        'the login is in .env, where Codex reads it',
      );
      assert.equal(statSync(dotenvPath).mode & 0o077, 0, '.env is readable by the user alone');

      const run = await runCodex({ codexHome: s.codexHome, env: s.env, timeoutMs: 45_000 });
      assert.ok(run.answered && run.reconnectingLines === 0, run.stderr.slice(-800));
      assert.match(s.squid!.accessLog(), / alice /, 'squid logged the user');

      keep(await cli(['history', '--json'], env));
      const reverted = keep(await cli(['revert', '--last'], env));
      assert.equal(reverted.code, 0, reverted.stderr);
      // Codex itself adds files of its own to CODEX_HOME when it runs; ours are back byte for byte, mode included.
      const now = snapshot(s.codexHome);
      for (const name of ['.env', 'config.toml'])
        assert.equal(now[name], untouched[name], `${name}: every byte and the mode back`);

      for (const out of [...outputs, journalListing(env.CODEX_CONNECTION_DOCTOR_HOME)]) {
        assert.ok(!out.includes(LAB_PROXY_PASSWORD), `the password leaked:\n${out.slice(0, 1500)}`);
        assert.ok(!out.includes('not-the-password'), 'the wrong password leaked');
      }
    },
  );
});

/** The journal's own listing (history) is checked above; its entry files hold the bytes before, which had no password. */
function journalListing(doctorHome: string): string {
  return journalText(doctorHome).replace(/"(before|after)":\s*"[^"]*"/g, '');
}

describe('a proxy that wants a login Codex cannot do', () => {
  test('NTLM / Negotiate only: its own verdict, with a relay or TUN as the way out', { timeout: 60_000 }, async () => {
    // The answer of a Windows-authenticating company proxy, recorded: 407 with NTLM and Negotiate only.
    const server = net.createServer((socket) => {
      socket.once('data', () =>
        socket.end(
          'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: NTLM\r\nProxy-Authenticate: Negotiate\r\nServer: Microsoft-HTTPAPI/2.0\r\nContent-Length: 0\r\nConnection: close\r\n\r\n',
        ),
      );
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    stopAfterAll(() => new Promise((resolve) => server.close(() => resolve())));
    const port = (server.address() as net.AddressInfo).port;
    const s = await scenario('proxy-needed');
    writeFileSync(
      path.join(s.codexHome, '.env'),
      `HTTPS_PROXY=http://127.0.0.1:${port}\nHTTP_PROXY=http://127.0.0.1:${port}\n`,
    );
    const json = JSON.parse(
      (await cli(['diagnose', '--codex-home', s.codexHome, '--no-codex-doctor', '--json'], envFor(s))).stdout,
    );
    assert.equal(
      json.recommendation.fix,
      'proxy-login-unsupported',
      `${json.recommendation.rule}: ${json.recommendation.headline.text}`,
    );
    assert.match(json.recommendation.headline.text, /NTLM, Negotiate/);
    assert.match(json.recommendation.reasons.map((r: { text: string }) => r.text).join(' '), /px .*cntlm/);
  });
});
