// Distinct secrets planted in every place Codex takes a credential from: the doctor sends each one
// where Codex would (the lab's service checks it), and none appears in any output — the text and
// JSON reports, the Markdown export, a fix's diff, the journal's listing, CLI errors — in English and in
// Chinese (every message rendered in both languages is searched).
import { en } from '../i18n.ts';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import type { DiagnosisReport } from '../../shared/types.ts';
import { reportToMarkdown } from '../../electron/core/diagnosis/report-markdown.ts';
import { translator, withText } from '../../shared/i18n/translate.ts';
import { startFakeResponsesApi, type FakeApiAuth, type FakeResponsesApi } from '../lab/fake-responses-api.ts';
import { LAB_QUIET_TOML, makeCodexHome, writeAuthJson } from '../lab/codex-home.ts';
import { labJwt } from '../lab/fake-responses-api.ts';
import { makeTempDir } from '../lab/temp-dirs.ts';
import { cli } from './cli-run.ts';

const apis: FakeResponsesApi[] = [];
after(async () => {
  for (const api of apis) await api.close();
});

interface Source {
  name: string;
  secret: string;
  /** What the fake expects (the credential itself, or another key to get a rejected login). */
  auth: (secret: string) => FakeApiAuth;
  /** Sets CODEX_HOME up so that Codex would send `secret`; returns extra process environment. */
  plant: (home: string, baseUrl: string, secret: string) => Record<string, string>;
}

const provider = (baseUrl: string, extra: string[]) =>
  [
    'model_provider = "lab"',
    'model = "lab-model"',
    '[model_providers.lab]',
    'name = "Lab"',
    `base_url = "${baseUrl}"`,
    'wire_api = "responses"',
    'supports_websockets = true',
    ...extra,
    '',
    LAB_QUIET_TOML,
  ].join('\n');
const apiKey = (key: string): FakeApiAuth => ({ kind: 'api-key', key });
const accountId = 'acct-planted-77c1e0';
const chatgptToken = labJwt({
  exp: Math.floor(Date.now() / 1000) + 86_400,
  sub: 'planted',
  nonce: 'PlantedAccessTok-9d2',
});

const SOURCES: Source[] = [
  {
    name: 'env_key in .env',
    secret: 'sk-planted-dotenv-4f9a2b7c1e',
    auth: apiKey,
    plant: (home, url, secret) => {
      writeFileSync(path.join(home, 'config.toml'), provider(url, ['env_key = "PLANTED_KEY"']));
      writeFileSync(path.join(home, '.env'), `PLANTED_KEY=${secret}\n`);
      return {};
    },
  },
  {
    name: 'env_key in the shell',
    secret: 'sk-planted-shell-8e3d5a0b9c',
    auth: apiKey,
    plant: (home, url, secret) => {
      writeFileSync(path.join(home, 'config.toml'), provider(url, ['env_key = "PLANTED_KEY"']));
      return { PLANTED_KEY: secret };
    },
  },
  {
    name: 'experimental_bearer_token',
    secret: 'tok-planted-bearer-2c7e9f4a',
    auth: apiKey,
    plant: (home, url, secret) => {
      writeFileSync(path.join(home, 'config.toml'), provider(url, [`experimental_bearer_token = "${secret}"`]));
      return {};
    },
  },
  {
    name: 'http_headers Authorization',
    secret: 'tok-planted-header-6b1d3e8f',
    auth: apiKey,
    plant: (home, url, secret) => {
      writeFileSync(
        path.join(home, 'config.toml'),
        provider(url, [`http_headers = { "Authorization" = "Bearer ${secret}" }`]),
      );
      return {};
    },
  },
  {
    name: 'API-key login in auth.json',
    secret: 'sk-planted-login-0a4c8e2f6b',
    auth: apiKey,
    plant: (home, url, secret) => {
      writeFileSync(path.join(home, 'config.toml'), provider(url, ['requires_openai_auth = true']));
      writeAuthJson(home, { kind: 'api-key', key: secret });
      return {};
    },
  },
  {
    name: 'CODEX_API_KEY (no saved login)',
    secret: 'sk-planted-codexenv-5d9b1f3a7c',
    auth: apiKey,
    plant: (home, url) => {
      writeFileSync(path.join(home, 'config.toml'), `openai_base_url = "${url}"\n${LAB_QUIET_TOML}`);
      return { CODEX_API_KEY: 'sk-planted-codexenv-5d9b1f3a7c' };
    },
  },
  {
    name: 'ChatGPT login in auth.json',
    secret: chatgptToken,
    auth: (secret) => ({ kind: 'chatgpt', accessToken: secret, accountId }),
    plant: (home, url, secret) => {
      writeFileSync(path.join(home, 'config.toml'), provider(url, ['requires_openai_auth = true']));
      writeAuthJson(home, {
        kind: 'chatgpt',
        idToken: labJwt({ exp: 4102444800, email: 'x@example.invalid' }),
        accessToken: secret,
        refreshToken: 'rt-planted-3e7a',
        accountId,
      });
      return {};
    },
  },
];

/** A report as Markdown and as JSON with every message's text, in English and in Chinese. */
function rendered(report: DiagnosisReport): string[] {
  return (['en', 'zh-CN'] as const).flatMap((lang) => [
    reportToMarkdown(report, translator(lang)),
    JSON.stringify(withText(report, translator(lang))),
  ]);
}

function assertClean(outputs: string[], secrets: string[], where: string): void {
  for (const out of outputs) {
    for (const secret of secrets) {
      const at = out.indexOf(secret);
      assert.ok(
        at < 0,
        `${where}: the planted secret ${JSON.stringify(secret)} leaked:\n${out.slice(Math.max(0, at - 600), at + 600)}`,
      );
    }
  }
}

describe('every credential source: sent where Codex sends it, shown nowhere', () => {
  for (const source of SOURCES) {
    test(source.name, { timeout: 60_000 }, async () => {
      const api = await startFakeResponsesApi({ mode: 'refuse', auth: source.auth(source.secret) });
      apis.push(api);
      const home = makeCodexHome({});
      const extraEnv = source.plant(home, api.baseUrl, source.secret);
      const env = {
        HOME: makeTempDir('ccd-user-home'),
        CODEX_CONNECTION_DOCTOR_HOME: makeTempDir('ccd-doctor-home'),
        ...extraEnv,
      };
      const secrets = [source.secret, 'rt-planted-3e7a', accountId];

      const text = await cli(['diagnose', '--codex-home', home, '--no-codex-doctor', '--timeout-ms', '1500'], env);
      const json = await cli(
        ['diagnose', '--codex-home', home, '--no-codex-doctor', '--timeout-ms', '1500', '--json'],
        env,
      );
      const report = JSON.parse(json.stdout) as DiagnosisReport;
      // The same in Chinese: every message rendered in the other language is searched too.
      const textZh = await cli(
        ['diagnose', '--codex-home', home, '--no-codex-doctor', '--timeout-ms', '1500', '--lang', 'zh-CN'],
        env,
      );
      const jsonZh = await cli(
        ['diagnose', '--codex-home', home, '--no-codex-doctor', '--timeout-ms', '1500', '--json', '--lang', 'zh-CN'],
        env,
      );
      assert.equal(report.codex.credential.status, 'usable', JSON.stringify(report.codex.credential));
      // The service saw the credential: the upgrade got the fake's 403 (refuse mode), not a 401.
      assert.ok(
        api.requests.some((r) => r.authorized),
        'the probes authenticated',
      );
      assert.equal(
        report.recommendation.fix,
        'disable-websockets',
        `${report.recommendation.rule}: ${en(report.recommendation.headline)}`,
      );

      const dry = await cli(['fix', 'disable-websockets', '--codex-home', home, '--dry-run', '--json'], env);
      const applied = await cli(['fix', 'disable-websockets', '--codex-home', home, '--yes'], env);
      const history = await cli(['history', '--json'], env);
      const bad = await cli(
        ['fix', 'use-proxy', '--codex-home', home, '--proxy', `http://u:${source.secret}@[bad`],
        env,
      );
      assert.notEqual(bad.code, 0);
      assertClean(
        [
          text.stdout,
          text.stderr,
          json.stdout,
          json.stderr,
          textZh.stdout,
          textZh.stderr,
          jsonZh.stdout,
          jsonZh.stderr,
          ...rendered(report),
          dry.stdout,
          dry.stderr,
          applied.stdout,
          applied.stderr,
          history.stdout,
          bad.stdout,
          bad.stderr,
        ],
        secrets,
        source.name,
      );

      // A rejected credential: the login verdict, still without the secret.
      api.setAuth(apiKey('sk-some-other-key-entirely-000'));
      await cli(['revert', '--last'], env);
      const rejected = await cli(
        ['diagnose', '--codex-home', home, '--no-codex-doctor', '--timeout-ms', '1500', '--json'],
        env,
      );
      const r2 = JSON.parse(rejected.stdout) as DiagnosisReport;
      assert.equal(r2.recommendation.fix, 'login', `${r2.recommendation.rule}: ${en(r2.recommendation.headline)}`);
      assertClean([rejected.stdout, rejected.stderr, ...rendered(r2)], secrets, `${source.name}, rejected`);
    });
  }
});

describe('issue 9 items 1–2: every URL shape, inline tables, passwords with a space or a quote', () => {
  test('planted in .env and config.toml, shown in no output', { timeout: 60_000 }, async () => {
    const home = makeCodexHome({});
    const secrets = [
      'Se/cr3t-A1',
      'pa ss-B2',
      'q"uote-C3',
      'QP-secret-D4',
      'HD-secret-E5',
      'Se/cret-F6',
      '12/s3cret-G7',
    ];
    writeFileSync(
      path.join(home, '.env'),
      [
        'HTTPS_PROXY=http://alice:Se/cr3t-A1@127.0.0.1:9', // does not parse
        'HTTP_PROXY="http://bob:pa ss-B2@127.0.0.1:9"', // a space
        `ALL_PROXY='http://carol:q"uote-C3@127.0.0.1:9'`, // a quote
        'NO_PROXY=localhost',
        '',
      ].join('\n'),
    );
    writeFileSync(
      path.join(home, 'config.toml'),
      [
        'model_provider = "p"',
        '[model_providers.p]',
        'name = "P"',
        'base_url = "http://dave:12/s3cret-G7@127.0.0.1:9/v1"', // parses, with the password as port and path
        'wire_api = "responses"',
        'supports_websockets = true',
        'query_params = { "api-key" = "QP-secret-D4" }',
        'http_headers = { "X-Auth-Key" = "HD-secret-E5" }',
        '',
      ].join('\n'),
    );
    const env = { HOME: makeTempDir('ccd-user-home'), CODEX_CONNECTION_DOCTOR_HOME: makeTempDir('ccd-doctor-home') };
    const common = ['--codex-home', home];
    const text = await cli(['diagnose', ...common, '--no-codex-doctor', '--timeout-ms', '500'], env);
    const json = await cli(['diagnose', ...common, '--no-codex-doctor', '--timeout-ms', '500', '--json'], env);
    const report = JSON.parse(json.stdout) as DiagnosisReport;
    const textZh = await cli(
      ['diagnose', ...common, '--no-codex-doctor', '--timeout-ms', '500', '--lang', 'zh-CN'],
      env,
    );
    const dry = await cli(['fix', 'disable-websockets', ...common, '--dry-run'], env);
    const dryZh = await cli(['fix', 'disable-websockets', ...common, '--dry-run', '--lang', 'zh-CN'], env);
    const dryJson = await cli(['fix', 'disable-websockets', ...common, '--dry-run', '--json'], env);
    const applied = await cli(['fix', 'disable-websockets', ...common, '--yes', '--timeout-ms', '500'], env);
    assert.match(applied.stdout, /Applied as change/, applied.stderr);
    assert.match(dry.stdout, /query_params = \{ "api-key" = "\*\*\*\*" \}/, 'the context line is shown, masked');
    writeFileSync(path.join(home, 'config.toml'), `${require_text(path.join(home, 'config.toml'))}# my note\n`);
    const conflict = await cli(['revert', '--last'], env);
    assert.match(conflict.stdout, /Not reverted/);
    const history = await cli(['history'], env);
    const badProxy = await cli(
      ['fix', 'use-proxy', ...common, '--proxy', 'http://alice:Se/cret-F6@127.0.0.1:1', '--dry-run'],
      env,
    );
    assert.notEqual(badProxy.code, 0);
    const outputs = [text, json, textZh, dry, dryZh, dryJson, applied, conflict, history, badProxy].flatMap((r) => [
      r.stdout,
      r.stderr,
    ]);
    assertClean([...outputs, ...rendered(report)], secrets, 'URL shapes');
  });
});

function require_text(file: string): string {
  return readFileSync(file, 'utf8');
}
