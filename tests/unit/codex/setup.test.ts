import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadCodexSetup, CHATGPT_BASE_URL, OPENAI_API_BASE_URL } from '../../../electron/core/codex/index.ts';
import type { CodexSetup } from '../../../shared/types.ts';
import { en } from '../../i18n.ts';

const homes: string[] = [];
after(async () => {
  for (const h of homes) await rm(h, { recursive: true, force: true });
});

async function home(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ccd-setup-'));
  homes.push(dir);
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
  return dir;
}

async function load(
  files: Record<string, string>,
  extra: { profile?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<CodexSetup> {
  return loadCodexSetup({
    codexHome: await home(files),
    profile: extra.profile ?? null,
    env: extra.env ?? {},
    platform: 'linux',
  });
}

const ids = (s: CodexSetup) => s.findings.map((f) => f.id);
const finding = (s: CodexSetup, id: string) => s.findings.find((f) => f.id === id);

const FAKE_KEY = 'sk-proj-FAKEsecretVALUE1234567890';
const FAKE_TOKEN = 'eyJFAKE.tokenPAYLOAD.signatureXYZ';
const FAKE_PASSWORD = 'pr0xyPa55word';

describe('provider', () => {
  test('no config: built-in openai, API endpoint, WebSockets on', async () => {
    const s = await load({});
    assert.equal(s.homeExists, true);
    assert.deepEqual(s.provider, {
      id: 'openai',
      builtIn: true,
      name: 'OpenAI',
      baseUrl: OPENAI_API_BASE_URL,
      baseUrlSource: 'default-apikey',
      supportsWebsockets: true,
      websocketConnectTimeoutMs: 15000,
      requiresOpenaiAuth: true,
    });
    assert.equal(s.authMode, 'none');
    assert.deepEqual(s.findings, []);
  });
  test('ChatGPT login picks the ChatGPT backend; openai_base_url wins over both', async () => {
    const auth = JSON.stringify({ auth_mode: 'chatgpt', tokens: { id_token: FAKE_TOKEN, access_token: FAKE_TOKEN } });
    const s1 = await load({ 'auth.json': auth });
    assert.equal(s1.authMode, 'chatgpt');
    assert.equal(s1.provider?.baseUrl, CHATGPT_BASE_URL);
    assert.equal(s1.provider?.baseUrlSource, 'default-chatgpt');
    const s2 = await load({ 'auth.json': auth, 'config.toml': 'openai_base_url = "http://127.0.0.1:4000/v1"\n' });
    assert.equal(s2.provider?.baseUrl, 'http://127.0.0.1:4000/v1');
    assert.equal(s2.provider?.baseUrlSource, 'openai_base_url');
    assert.equal(s2.provider?.selectedIn, undefined);
    for (const s of [s1, s2]) assert.ok(!JSON.stringify(s).includes('FAKE'), 'no secret in the result');
  });
  test('custom provider written as a table, with comments and CRLF: defaults and fields', async () => {
    const cfg =
      '# mine\r\nmodel_provider = "lab" # pick\r\n\r\n[model_providers.lab]\r\nname = "Lab"\r\nbase_url = "http://127.0.0.1:5/v1"\r\nenv_key = "LAB_KEY"\r\n';
    const s = await load({ 'config.toml': cfg });
    const file = s.configFiles[0]?.path;
    assert.deepEqual(s.provider, {
      id: 'lab',
      builtIn: false,
      name: 'Lab',
      baseUrl: 'http://127.0.0.1:5/v1',
      baseUrlSource: 'provider',
      supportsWebsockets: false,
      websocketConnectTimeoutMs: 15000,
      requiresOpenaiAuth: false,
      envKey: 'LAB_KEY',
      definedIn: file,
      selectedIn: file,
    });
  });
  test('dotted keys, inline tables, a BOM and explicit websocket settings', async () => {
    const dotted =
      '\uFEFFmodel_provider = "d"\nmodel_providers.d.base_url = "https://gw.example/v1"\nmodel_providers.d.supports_websockets = true\nmodel_providers.d.websocket_connect_timeout_ms = 3000\n';
    const s1 = await load({ 'config.toml': dotted });
    assert.equal(s1.provider?.baseUrl, 'https://gw.example/v1');
    assert.equal(s1.provider?.supportsWebsockets, true);
    assert.equal(s1.provider?.websocketConnectTimeoutMs, 3000);
    const inline =
      'model_provider = "i"\nmodel_providers = { i = { name = "OpenAI", requires_openai_auth = true, supports_websockets = false } }\n';
    const s2 = await load({ 'config.toml': inline, 'auth.json': JSON.stringify({ OPENAI_API_KEY: FAKE_KEY }) });
    assert.equal(s2.authMode, 'apikey');
    assert.equal(s2.provider?.requiresOpenaiAuth, true);
    assert.equal(s2.provider?.baseUrl, OPENAI_API_BASE_URL, 'no base_url: the login-mode default');
    assert.equal(s2.provider?.baseUrlSource, 'default-apikey');
    assert.ok(!JSON.stringify(s2).includes(FAKE_KEY));
  });
  test('a profile file layers over config.toml, key by key', async () => {
    const base = 'model_provider = "lab"\n[model_providers.lab]\nname = "Lab"\nbase_url = "http://127.0.0.1:5/v1"\n';
    const files = {
      'config.toml': base,
      'work.config.toml': '[model_providers.lab]\nsupports_websockets = true\n',
      'home.config.toml': 'model_provider = "openai"\n',
    };
    const s = await load(files, { profile: 'work' });
    assert.deepEqual(s.profiles, ['home', 'work']);
    assert.equal(s.profile, 'work');
    assert.equal(s.provider?.name, 'Lab');
    assert.equal(s.provider?.supportsWebsockets, true);
    assert.match(s.provider?.definedIn ?? '', /work\.config\.toml$/);
    assert.match(s.provider?.selectedIn ?? '', /\/config\.toml$/);
    const s2 = await loadCodexSetup({
      codexHome: path.dirname(s.configFiles[0]!.path),
      profile: 'home',
      env: {},
      platform: 'linux',
    });
    assert.equal(s2.provider?.id, 'openai');
    assert.match(s2.provider?.selectedIn ?? '', /home\.config\.toml$/);
  });
  test('auth.json: auth_mode is read, missing auth_mode falls back, bad JSON is a finding', async () => {
    assert.equal(
      (await load({ 'auth.json': JSON.stringify({ auth_mode: 'apikey', OPENAI_API_KEY: FAKE_KEY }) })).authMode,
      'apikey',
    );
    assert.equal(
      (await load({ 'auth.json': JSON.stringify({ OPENAI_API_KEY: null, tokens: { refresh_token: FAKE_TOKEN } }) }))
        .authMode,
      'chatgpt',
    );
    const bad = await load({ 'auth.json': `{"OPENAI_API_KEY": "${FAKE_KEY}"` });
    assert.equal(bad.authMode, 'unknown');
    assert.ok(ids(bad).includes('auth.unreadable'));
    assert.ok(!JSON.stringify(bad).includes(FAKE_KEY));
  });
});

describe('config problems are findings, never exceptions', () => {
  test('syntax error with line and column; provider unknown', async () => {
    const s = await load({ 'config.toml': 'model_provider = "x"\nmodel = \n' });
    const f = finding(s, 'config.syntax-error');
    assert.equal(f?.severity, 'error');
    assert.deepEqual({ line: f?.location?.line, column: f?.location?.column }, { line: 2, column: 9 });
    assert.equal(s.provider, null);
    assert.deepEqual(
      s.configFiles.map((c) => c.parsed),
      [false],
    );
  });
  test('duplicate key', async () => {
    const s = await load({ 'config.toml': 'model = "a"\nmodel = "b"\n' });
    const f = finding(s, 'config.duplicate-key');
    assert.equal(f?.location?.line, 2);
    assert.match(en(f!.summary), /`model`/);
    assert.match(en(f!.evidence[0]!), /first defined on line 1/);
  });
  test('reserved ids, in a table, a dotted key or an inline table, with their line', async () => {
    const cfg =
      'model_providers.ollama.name = "o"\n[model_providers.openai]\nname = "x"\n[model_providers.ok]\nname = "ok"\n';
    const s = await load({ 'config.toml': cfg });
    const reserved = s.findings.filter((f) => f.id === 'config.reserved-provider-id');
    assert.deepEqual(reserved.map((f) => f.location?.line).sort(), [1, 2]);
    assert.ok(reserved.every((f) => f.severity === 'error'));
    assert.equal(s.provider?.id, 'openai');
    assert.equal(s.provider?.builtIn, true, 'the reserved table is not taken for the provider');
    const s2 = await load({ 'config.toml': 'model_providers = { lmstudio = { name = "x" } }\n' });
    assert.ok(ids(s2).includes('config.reserved-provider-id'));
  });
  test('legacy profile forms', async () => {
    const s = await load({ 'config.toml': 'profile = "work"\n[profiles.work]\nmodel = "o3"\n' });
    assert.equal(finding(s, 'config.legacy-profile')?.severity, 'error');
    assert.equal(finding(s, 'config.legacy-profile')?.location?.line, 1);
    assert.equal(finding(s, 'config.legacy-profile-table')?.severity, 'warning');
    const s2 = await load(
      { 'config.toml': '[profiles.work]\nmodel = "o3"\n', 'work.config.toml': '' },
      { profile: 'work' },
    );
    assert.equal(finding(s2, 'config.legacy-profile-table')?.severity, 'error');
  });
  test('model_provider naming no table; a non-string model_provider', async () => {
    const s = await load({ 'config.toml': '[model_providers.lab]\nname = "x"\n\nmodel_provider = "lab"\n' });
    // That last line is inside [model_providers.lab]: the top-level model_provider is unset.
    assert.equal(s.provider?.id, 'openai');
    const s2 = await load({ 'config.toml': 'model_provider = "nosuch"\n' });
    assert.equal(finding(s2, 'config.unknown-provider')?.location?.line, 1);
    assert.equal(s2.provider, null);
    const s3 = await load({ 'config.toml': 'model_provider = 3\n' });
    assert.ok(ids(s3).includes('config.invalid-value'));
  });
  test('missing profile file, missing CODEX_HOME, unreadable file', async () => {
    const s = await load({}, { profile: 'nope' });
    assert.equal(finding(s, 'profile.missing')?.severity, 'warning');
    const gone = path.join(os.tmpdir(), `ccd-missing-${process.pid}-${Date.now()}`);
    const s2 = await loadCodexSetup({ codexHome: gone, env: {}, platform: 'linux' });
    assert.equal(s2.homeExists, false);
    assert.deepEqual(ids(s2), ['codex.home.missing']);
    const dir = await home({});
    await mkdir(path.join(dir, 'config.toml'));
    const s3 = await loadCodexSetup({ codexHome: dir, env: {}, platform: 'linux' });
    assert.equal(finding(s3, 'codex.file.unreadable')?.severity, 'error');
    assert.deepEqual(s3.configFiles, [{ path: path.join(dir, 'config.toml'), exists: true, parsed: false }]);
  });
});

describe('proxy variables, NO_PROXY and CA', () => {
  test('.env beats the process environment; the password never leaves `value`', async () => {
    const env = { HTTPS_PROXY: 'http://127.0.0.1:3128', NO_PROXY: 'localhost' };
    const s = await load({ '.env': `HTTPS_PROXY=http://bob:${FAKE_PASSWORD}@127.0.0.1:7890\n` }, { env });
    assert.equal(s.effectiveProxy?.source, 'dotenv');
    assert.equal(s.effectiveProxy?.display, 'http://bob:****@127.0.0.1:7890');
    assert.equal(s.noProxy, 'localhost');
    assert.ok(ids(s).includes('proxy.overridden-by-dotenv'));
    const visible = JSON.stringify({
      ...s,
      proxyVars: s.proxyVars.map((p) => p.display),
      effectiveProxy: s.effectiveProxy?.display,
    });
    assert.ok(!visible.includes(FAKE_PASSWORD), 'only the value fields hold the password');
  });
  test('precedence follows the endpoint scheme: https uses HTTPS_PROXY, http ignores it', async () => {
    const dotenv = 'https_proxy=http://127.0.0.1:1\nHTTP_PROXY=http://127.0.0.1:2\nall_proxy=socks5h://127.0.0.1:3\n';
    const s1 = await load({ '.env': dotenv });
    assert.equal(s1.effectiveProxy?.key, 'https_proxy');
    assert.deepEqual(
      s1.proxyVars.map((p) => p.key),
      ['https_proxy', 'HTTP_PROXY', 'all_proxy'],
    );
    const s2 = await load({
      '.env': dotenv,
      'config.toml': 'model_provider = "l"\n[model_providers.l]\nbase_url = "http://127.0.0.1:9/v1"\n',
    });
    assert.equal(s2.effectiveProxy?.key, 'HTTP_PROXY');
  });
  test('bad proxy URLs', async () => {
    const s = await load({
      '.env': 'HTTPS_PROXY=https://127.0.0.1:8443\nHTTP_PROXY=127.0.0.1:7890\nALL_PROXY=ftp://127.0.0.1:21\n',
    });
    assert.equal(finding(s, 'proxy.https-scheme')?.location?.line, 1);
    assert.equal(finding(s, 'proxy.missing-scheme')?.location?.line, 2);
    assert.equal(finding(s, 'proxy.unsupported-scheme')?.location?.line, 3);
    const s2 = await load({}, { env: { HTTPS_PROXY: 'http://[::1' } });
    assert.equal(finding(s2, 'proxy.unparseable')?.severity, 'error');
  });
  test('CA: SSL_CERT_FILE from either place, CODEX_CA_CERTIFICATE only from the process', async () => {
    const s = await load({
      '.env': 'CODEX_CA_CERTIFICATE=/nope.pem\nSSL_CERT_FILE=/also-nope.pem\ncodex_other=1\nodd line\n',
    });
    assert.deepEqual(s.caFile, { key: 'SSL_CERT_FILE', path: '/also-nope.pem', source: 'dotenv' });
    assert.equal(finding(s, 'ca.codex-ca-in-dotenv')?.location?.line, 1);
    assert.equal(finding(s, 'ca.file-missing')?.location?.line, 2);
    assert.equal(finding(s, 'dotenv.codex-key-ignored')?.location?.line, 3);
    assert.equal(finding(s, 'dotenv.odd-line')?.severity, 'info');
    const s2 = await load({}, { env: { CODEX_CA_CERTIFICATE: import.meta.filename } });
    assert.deepEqual(s2.caFile, { key: 'CODEX_CA_CERTIFICATE', path: import.meta.filename, source: 'process' });
    assert.equal(finding(s2, 'ca.file-missing'), undefined);
  });
});
