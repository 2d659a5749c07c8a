// The command line end to end for Fix #3 (TUN through a mihomo controller found in the user's own
// config files) and for users who run `codex --profile work`.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startFakeClashApi, type FakeClash } from '../unit/environment/fake-clash-api.ts';
import { LAB_API_KEY, startFakeResponsesApi } from '../lab/fake-responses-api.ts';
import { LAB_KEY_VAR } from '../lab/codex-home.ts';
import { LAB_QUIET_TOML } from '../lab/codex-home.ts';
import { closedPort } from '../lab/ports.ts';
import { codexLauncherPath, runCodex } from '../lab/run-codex.ts';
import { makeTempDir } from '../lab/temp-dirs.ts';
import { changeIdFrom, cli, journalText, snapshot, stopAfterAll } from './cli-run.ts';

const SECRET = 'clash-secret-Zq81';

/** A user's home with mihomo's config naming its controller, a CODEX_HOME and a journal folder. */
function userWithMihomo(controller: string): {
  home: string;
  codexHome: string;
  doctorHome: string;
  env: { HOME: string; CODEX_CONNECTION_DOCTOR_HOME: string };
} {
  const home = makeTempDir('ccd-user-home');
  mkdirSync(path.join(home, '.config', 'mihomo'), { recursive: true });
  writeFileSync(
    path.join(home, '.config', 'mihomo', 'config.yaml'),
    `mixed-port: 7897\nallow-lan: false\nexternal-controller: ${controller}\nsecret: "${SECRET}"\ntun:\n  enable: false\n`,
  );
  const codexHome = path.join(home, '.codex');
  mkdirSync(codexHome);
  writeFileSync(path.join(codexHome, 'config.toml'), 'model = "gpt-5"\n');
  const doctorHome = makeTempDir('ccd-doctor-home');
  return { home, codexHome, doctorHome, env: { HOME: home, CODEX_CONNECTION_DOCTOR_HOME: doctorHome } };
}

function assertNoSecret(...texts: string[]): void {
  for (const t of texts) assert.ok(!t.includes(SECRET), `the controller secret leaked:\n${t}`);
}

describe('fix enable-tun through the command line', () => {
  test(
    'found through ~/.config/mihomo: dry run and no --yes change nothing; --yes turns TUN on; history; revert turns it off',
    { timeout: 60_000 },
    async () => {
      const clash: FakeClash = await startFakeClashApi({ secret: SECRET });
      stopAfterAll(() => clash.close());
      const u = userWithMihomo(clash.address);
      const patches = () => clash.requests.filter((r) => r.method === 'PATCH').length;

      // ~/.codex is the default CODEX_HOME of this HOME: no --codex-home needed.
      const dry = await cli(['fix', 'enable-tun', '--dry-run'], u.env);
      assert.equal(dry.code, 0, dry.stderr);
      assert.match(dry.stdout, new RegExp(`Clash API at ${clash.address}`));
      assert.match(dry.stdout, /Dry run: nothing was written/);
      assert.equal(patches(), 0);
      assert.equal(clash.state.tun, false);

      const noYes = await cli(['fix', 'enable-tun'], u.env);
      assert.notEqual(noYes.code, 0);
      assert.match(noYes.stderr, /--yes/);
      assert.equal(patches(), 0);
      assert.equal(journalText(u.doctorHome), '');

      const applied = await cli(['fix', 'enable-tun', '--yes'], u.env);
      assert.equal(clash.state.tun, true, applied.stdout + applied.stderr);
      assert.equal(patches(), 1);
      assert.ok(
        clash.requests.filter((r) => r.method === 'PATCH').every((r) => r.authorization === `Bearer ${SECRET}`),
      );
      const id = changeIdFrom(applied.stdout);
      const journal = journalText(u.doctorHome);
      assert.match(journal, /"fix": "enable-tun"/);
      assertNoSecret(applied.stdout, applied.stderr, journal, dry.stdout);

      const history = await cli(['history'], u.env);
      assert.equal(history.code, 0);
      assert.match(history.stdout, new RegExp(`${id}.*Turn on TUN mode.*\\[active\\]`));
      const historyJson = JSON.parse((await cli(['history', '--json'], u.env)).stdout);
      assert.equal(historyJson[0].id, id);
      assert.equal(historyJson[0].fix, 'enable-tun');

      const reverted = await cli(['revert', id], u.env);
      assert.equal(reverted.code, 0, reverted.stderr);
      assert.equal(clash.state.tun, false);
      assert.match(reverted.stdout, /TUN mode set back off through the Clash API/);
      assert.match((await cli(['history'], u.env)).stdout, /\[reverted/);
      assertNoSecret(reverted.stdout, reverted.stderr, journalText(u.doctorHome));
    },
  );

  test(
    'Clash Verge Rev whose controller does not answer: its manual steps, exit 0, nothing written',
    { timeout: 30_000 },
    async () => {
      const home = makeTempDir('ccd-user-home');
      const verge = path.join(home, '.local', 'share', 'io.github.clash-verge-rev.clash-verge-rev');
      mkdirSync(verge, { recursive: true });
      writeFileSync(
        path.join(verge, 'clash-verge.yaml'),
        `mixed-port: 7897\nexternal-controller: 127.0.0.1:${await closedPort()}\nsecret: "${SECRET}"\n`,
      );
      writeFileSync(path.join(verge, 'verge.yaml'), 'enable_tun_mode: false\n');
      mkdirSync(path.join(home, '.codex'));
      writeFileSync(path.join(home, '.codex', 'config.toml'), 'model = "gpt-5"\n');
      const doctorHome = makeTempDir('ccd-doctor-home');
      // ~/.cache is left out: `gsettings` (the GNOME system-proxy reader) creates its dconf cache there.
      const files = () => Object.fromEntries(Object.entries(snapshot(home)).filter(([k]) => !k.startsWith('.cache/')));
      const before = files();
      const r = await cli(['fix', 'enable-tun', '--yes'], { HOME: home, CODEX_CONNECTION_DOCTOR_HOME: doctorHome });
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /Turn on TUN mode in Clash Verge Rev/);
      assert.match(r.stdout, /Open Clash Verge Rev/);
      assert.match(r.stdout, /did not answer/);
      assert.deepEqual(files(), before);
      assert.equal(journalText(doctorHome), '');
      assertNoSecret(r.stdout, r.stderr);
    },
  );
});

describe('profiles: codex --profile work', () => {
  test(
    'built-in provider selected in work.config.toml: the fix goes into that file; plain codex is unchanged; revert restores bytes',
    { timeout: 150_000 },
    async () => {
      const healthy = await startFakeResponsesApi({ mode: 'ok' });
      const refusing = await startFakeResponsesApi({ mode: 'refuse' });
      stopAfterAll(
        () => healthy.close(),
        () => refusing.close(),
      );
      const codexHome = makeTempDir('ccd-profile-home');
      const doctorHome = makeTempDir('ccd-doctor-home');
      const env = { HOME: codexHome, CODEX_CONNECTION_DOCTOR_HOME: doctorHome };
      const config = `model = "lab-model"\nmodel_provider = "lab"\n\n[model_providers.lab]\nname = "Lab"\nbase_url = "${healthy.baseUrl}"\nwire_api = "responses"\nenv_key = "LAB_KEY"\nsupports_websockets = true\n\n${LAB_QUIET_TOML}`;
      const work = `# work: the company gateway, built-in provider\nmodel_provider = "openai"\nopenai_base_url = "${refusing.baseUrl}"\n`;
      writeFileSync(path.join(codexHome, 'config.toml'), config);
      writeFileSync(path.join(codexHome, 'work.config.toml'), work);
      const login = spawnSync(process.execPath, [codexLauncherPath(), 'login', '--with-api-key'], {
        input: `${LAB_API_KEY}\n`,
        env: { PATH: process.env.PATH, HOME: codexHome, CODEX_HOME: codexHome },
        encoding: 'utf8',
      });
      assert.equal(login.status, 0, login.stderr);

      const diag = await cli(
        ['diagnose', '--codex-home', codexHome, '--profile', 'work', '--json', '--no-codex-doctor'],
        env,
      );
      const report = JSON.parse(diag.stdout);
      assert.equal(report.codex.profile, 'work');
      assert.equal(report.codex.provider.id, 'openai');
      assert.equal(report.codex.provider.builtIn, true);
      assert.equal(report.codex.provider.baseUrl, refusing.baseUrl);
      assert.equal(report.codex.authMode, 'apikey');
      assert.equal(report.recommendation.fix, 'disable-websockets');
      assert.equal(report.codex.credential.source.text, 'the API key saved by `codex login` in auth.json');
      assert.ok(!diag.stdout.includes(LAB_API_KEY));

      const workBefore = await runCodex({ codexHome, timeoutMs: 60_000, extraArgs: ['--profile', 'work'] });
      assert.ok(workBefore.reconnectingLines > 0, workBefore.stderr);

      const fixed = await cli(
        ['fix', 'disable-websockets', '--codex-home', codexHome, '--profile', 'work', '--yes'],
        env,
      );
      assert.equal(fixed.code, 0, fixed.stdout + fixed.stderr);
      assert.equal(readFileSync(path.join(codexHome, 'config.toml'), 'utf8'), config, 'config.toml is untouched');
      const workAfterText = readFileSync(path.join(codexHome, 'work.config.toml'), 'utf8');
      assert.match(workAfterText, /^model_provider = "openai_http"$/m);
      assert.ok(workAfterText.includes(`base_url = "${refusing.baseUrl}"`));
      assert.ok(workAfterText.startsWith('# work: the company gateway'));

      const workAfter = await runCodex({ codexHome, timeoutMs: 60_000, extraArgs: ['--profile', 'work'] });
      assert.ok(workAfter.answered, workAfter.stderr);
      assert.equal(workAfter.reconnectingLines, 0, workAfter.stderr);
      const plain = await runCodex({ codexHome, timeoutMs: 60_000 });
      assert.ok(plain.answered && plain.reconnectingLines === 0, plain.stderr);
      assert.ok(healthy.requests.length > 0, 'plain codex still talks to its own provider');

      const reverted = await cli(['revert', changeIdFrom(fixed.stdout)], env);
      assert.equal(reverted.code, 0, reverted.stderr);
      assert.equal(readFileSync(path.join(codexHome, 'work.config.toml'), 'utf8'), work);
      assert.equal(readFileSync(path.join(codexHome, 'config.toml'), 'utf8'), config);
    },
  );

  test(
    'custom provider selected by the profile: its own table gets supports_websockets = false',
    { timeout: 120_000 },
    async () => {
      const refusing = await startFakeResponsesApi({ mode: 'refuse' });
      stopAfterAll(() => refusing.close());
      const codexHome = makeTempDir('ccd-profile-home');
      const doctorHome = makeTempDir('ccd-doctor-home');
      const env = { HOME: codexHome, CODEX_CONNECTION_DOCTOR_HOME: doctorHome, [LAB_KEY_VAR]: LAB_API_KEY };
      const config = `model = "lab-model"\n\n[model_providers.work]\nname = "Work"\nbase_url = "${refusing.baseUrl}"\nwire_api = "responses"\nenv_key = "LAB_KEY"\nsupports_websockets = true\nwebsocket_connect_timeout_ms = 1000\n\n${LAB_QUIET_TOML}`;
      const work = 'model_provider = "work"\n';
      writeFileSync(path.join(codexHome, 'config.toml'), config);
      writeFileSync(path.join(codexHome, 'work.config.toml'), work);

      const diag = await cli(['diagnose', '--codex-home', codexHome, '--profile', 'work', '--no-codex-doctor'], env);
      assert.equal(diag.code, 1);
      assert.match(diag.stdout, /provider work → /);
      const before = await runCodex({ codexHome, timeoutMs: 60_000, extraArgs: ['--profile', 'work'] });
      assert.ok(before.reconnectingLines > 0, before.stderr);

      const fixed = await cli(
        ['fix', 'disable-websockets', '--profile', 'work', '--codex-home', codexHome, '--yes'],
        env,
      );
      assert.equal(fixed.code, 0, fixed.stdout + fixed.stderr);
      assert.equal(readFileSync(path.join(codexHome, 'work.config.toml'), 'utf8'), work);
      const text = readFileSync(path.join(codexHome, 'config.toml'), 'utf8');
      assert.match(text, /\[model_providers\.work\][^[]*supports_websockets = false/);
      const afterRun = await runCodex({ codexHome, timeoutMs: 60_000, extraArgs: ['--profile', 'work'] });
      assert.ok(afterRun.answered && afterRun.reconnectingLines === 0, afterRun.stderr);

      assert.equal((await cli(['revert', '--last'], env)).code, 0);
      assert.equal(readFileSync(path.join(codexHome, 'config.toml'), 'utf8'), config);
    },
  );
});
