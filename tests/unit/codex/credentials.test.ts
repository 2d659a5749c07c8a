// The credential Codex would send, found where Codex finds it; and never shown.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readCodexSetup, resolveCredential, type CredentialInputs } from '../../../electron/core/codex/index.ts';
import { isIgnoredBuiltInTable } from '../../../electron/core/codex/provider.ts';
import type { ProviderInfo } from '../../../shared/types.ts';
import { en } from '../../i18n.ts';

const custom: ProviderInfo = {
  id: 'lab',
  builtIn: false,
  baseUrl: 'http://127.0.0.1:1/v1',
  baseUrlSource: 'provider',
  supportsWebsockets: true,
  websocketConnectTimeoutMs: 15000,
  requiresOpenaiAuth: false,
  envKey: 'LAB_KEY',
};
const builtIn: ProviderInfo = {
  ...custom,
  id: 'openai',
  builtIn: true,
  requiresOpenaiAuth: true,
  envKey: undefined,
} as ProviderInfo;
delete (builtIn as { envKey?: string }).envKey;

function jwt(payload: Record<string, unknown>): string {
  const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${enc({ alg: 'none' })}.${enc(payload)}.sig`;
}

function inputs(
  over: Partial<CredentialInputs>,
  vars: Record<string, string> = {},
  dotenv: Record<string, string> = {},
): CredentialInputs {
  return {
    provider: custom,
    providerTable: {},
    topLevel: {},
    variable: (name) =>
      name in dotenv
        ? { value: dotenv[name]!, from: 'dotenv' }
        : name in vars
          ? { value: vars[name]!, from: 'process' }
          : undefined,
    authJson: null,
    authMode: 'none',
    ...over,
  };
}

describe('resolveCredential', () => {
  test('env_key: .env over the environment, sent as a bearer token', () => {
    const c = resolveCredential(inputs({}, { LAB_KEY: 'sk-shell' }, { LAB_KEY: 'sk-dotenv-1234' }));
    assert.equal(c.usable, true);
    assert.equal(c.headers().Authorization, 'Bearer sk-dotenv-1234');
    assert.equal(en(c.info.source), 'LAB_KEY from $CODEX_HOME/.env');
    assert.equal(c.info.envKey, 'LAB_KEY');
  });

  test('env_key set but the variable missing: not usable, the variable named', () => {
    const c = resolveCredential(inputs({}));
    assert.equal(c.usable, false);
    assert.equal(c.info.status, 'missing');
    assert.match(en(c.info.source), /LAB_KEY/);
    assert.deepEqual(c.headers(), {});
  });

  test('experimental_bearer_token, http_headers and env_http_headers', () => {
    const provider = { ...custom };
    delete provider.envKey;
    const c = resolveCredential(
      inputs(
        {
          provider,
          providerTable: {
            experimental_bearer_token: 'tok-abcdef',
            http_headers: { 'X-Team': 'core' },
            env_http_headers: { 'X-Org': 'ORG_VAR', 'X-None': 'UNSET' },
          },
        },
        { ORG_VAR: 'org-1' },
      ),
    );
    assert.deepEqual(c.headers(), { 'X-Team': 'core', 'X-Org': 'org-1', Authorization: 'Bearer tok-abcdef' });
  });

  test('API-key login in auth.json for the built-in provider', () => {
    const c = resolveCredential(
      inputs({
        provider: builtIn,
        providerTable: undefined,
        authJson: JSON.stringify({ auth_mode: 'apikey', OPENAI_API_KEY: 'sk-login-5678' }),
        authMode: 'apikey',
      }),
    );
    assert.equal(c.headers().Authorization, 'Bearer sk-login-5678');
    assert.equal(c.info.kind, 'api-key');
  });

  test('ChatGPT login: access token and account id; an expired token is not used', () => {
    const live = jwt({ exp: Math.floor(Date.now() / 1000) + 3600 });
    const auth = (token: string) =>
      JSON.stringify({
        auth_mode: 'chatgpt',
        tokens: { access_token: token, account_id: 'acct-42', id_token: 'x', refresh_token: 'r' },
      });
    const provider = { ...custom, requiresOpenaiAuth: true };
    delete provider.envKey;
    const c = resolveCredential(inputs({ provider, authJson: auth(live), authMode: 'chatgpt' }));
    assert.equal(c.headers().Authorization, `Bearer ${live}`);
    assert.equal(c.headers()['ChatGPT-Account-ID'], 'acct-42');
    const expired = resolveCredential(inputs({ provider, authJson: auth(jwt({ exp: 1000 })), authMode: 'chatgpt' }));
    assert.equal(expired.info.status, 'expired');
    assert.equal(expired.usable, false);
  });

  test('CODEX_API_KEY stands in only where there is no saved login (the interactive Codex ignores it)', () => {
    const login = JSON.stringify({ auth_mode: 'apikey', OPENAI_API_KEY: 'sk-saved-1111' });
    const both = resolveCredential(
      inputs(
        { provider: builtIn, providerTable: undefined, authJson: login, authMode: 'apikey' },
        { CODEX_API_KEY: 'sk-exec-2222' },
      ),
    );
    assert.equal(both.headers().Authorization, 'Bearer sk-saved-1111');
    const onlyVar = resolveCredential(
      inputs({ provider: builtIn, providerTable: undefined }, { CODEX_API_KEY: 'sk-exec-2222' }),
    );
    assert.equal(onlyVar.headers().Authorization, 'Bearer sk-exec-2222');
    assert.match(en(onlyVar.info.source), /codex exec/);
    // OPENAI_API_KEY in the environment is never sent by Codex (verified), so not by the probes either.
    const openaiVar = resolveCredential(
      inputs({ provider: builtIn, providerTable: undefined }, { OPENAI_API_KEY: 'sk-env-3333' }),
    );
    assert.equal(openaiVar.usable, false);
  });

  test('the bearer replaces an Authorization from http_headers, as Codex does', () => {
    const c = resolveCredential(
      inputs({ providerTable: { http_headers: { authorization: 'Bearer from-headers' } } }, { LAB_KEY: 'sk-env-4444' }),
    );
    assert.deepEqual(c.headers(), { Authorization: 'Bearer sk-env-4444' });
  });

  test('a provider auth command is named, not run', () => {
    const provider = { ...custom };
    delete provider.envKey;
    const c = resolveCredential(inputs({ provider, providerTable: { auth: { command: 'get-token' } } }));
    assert.equal(c.info.status, 'command');
  });

  test('keyring storage is said, not read', () => {
    const c = resolveCredential(
      inputs({ provider: builtIn, providerTable: undefined, topLevel: { cli_auth_credentials_store: 'keyring' } }),
    );
    assert.equal(c.info.status, 'keyring');
  });

  test('the secret never serialises: JSON, structuredClone, String', () => {
    const c = resolveCredential(inputs({}, { LAB_KEY: 'sk-never-shown-9999' }));
    assert.doesNotMatch(JSON.stringify(c), /sk-never-shown/);
    assert.doesNotMatch(JSON.stringify(structuredClone(c)), /sk-never-shown/);
    assert.doesNotMatch(String(c as unknown), /sk-never-shown/);
    assert.ok(c.secrets().includes('sk-never-shown-9999'));
  });
});

describe('[model_providers.openai] that Codex loads and ignores', () => {
  // Verified with the real binary (0.169 and 0.171): unknown keys and default values load; any other value of a known field is refused.
  const cases: [Record<string, unknown>, boolean][] = [
    [{ supports_websockets: false }, true],
    [{}, true],
    [{ foo: 'bar', wire_api: 'responses', requires_openai_auth: false }, true],
    [{ supports_websockets: true }, false],
    [{ name: 'OpenAI' }, false],
    [{ base_url: 'http://x/v1' }, false],
  ];
  for (const [table, ignored] of cases) {
    test(`${JSON.stringify(table)} → ${ignored ? 'ignored' : 'refused'}`, () =>
      assert.equal(isIgnoredBuiltInTable('openai', table), ignored));
  }
});

describe('readCodexSetup', () => {
  test('the setup describes the credential without its value; CODEX_* keys in .env are skipped as Codex does', async () => {
    const home = mkdtempSync(path.join(os.tmpdir(), 'cred-'));
    writeFileSync(
      path.join(home, 'config.toml'),
      'model_provider = "lab"\n[model_providers.lab]\nname = "Lab"\nbase_url = "http://127.0.0.1:1/v1"\nenv_key = "LAB_KEY"\n',
    );
    writeFileSync(path.join(home, '.env'), 'LAB_KEY=sk-from-dotenv-abcdef\n');
    const { setup, credential } = await readCodexSetup({ codexHome: home, env: { LAB_KEY: 'sk-shell-000000' } });
    assert.equal(credential.headers().Authorization, 'Bearer sk-from-dotenv-abcdef');
    assert.doesNotMatch(JSON.stringify(setup), /sk-from-dotenv|sk-shell/);
    assert.equal(en(setup.credential.source), 'LAB_KEY from $CODEX_HOME/.env');

    writeFileSync(path.join(home, 'config.toml'), 'openai_base_url = "http://127.0.0.1:1/v1"\n');
    writeFileSync(path.join(home, '.env'), 'CODEX_API_KEY=sk-ignored-in-dotenv\n');
    const builtin = await readCodexSetup({ codexHome: home, env: {} });
    assert.equal(builtin.credential.usable, false);
    assert.equal(builtin.setup.credential.status, 'none');
  });
});
