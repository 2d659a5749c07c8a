// The Markdown report: written in the chosen language, the same English as before by default.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reportToMarkdown } from '../../../electron/core/diagnosis/report-markdown.ts';
import { FIX_TITLES } from '../../../shared/recommend.ts';
import { msg } from '../../../shared/i18n/message.ts';
import { translator } from '../../../shared/i18n/translate.ts';
import type { DiagnosisReport } from '../../../shared/types.ts';

const text = (t: string) => msg('common.text', { text: t });

function report(over: Partial<DiagnosisReport> = {}): DiagnosisReport {
  return {
    schemaVersion: 3,
    startedAt: '2026-12-01T01:00:00.000Z',
    durationMs: 1234,
    cancelled: false,
    codex: {
      home: '/home/u/.codex',
      homeExists: true,
      profile: 'work',
      profiles: ['work'],
      provider: {
        id: 'openai',
        builtIn: true,
        baseUrl: 'https://api.openai.com/v1',
        baseUrlSource: 'default',
        supportsWebsockets: true,
      },
      authMode: 'apikey',
      credential: { status: 'usable', source: text('auth.json') },
      version: '0.171.0',
      installs: [],
      effectiveProxy: 'http://alice:****@127.0.0.1:7890',
      noProxy: 'localhost',
    },
    environment: {},
    probes: [],
    checks: [
      {
        id: 'config',
        title: text('Codex configuration'),
        status: 'ok',
        durationMs: 850,
        detail: text('provider openai'),
      },
      { id: 'history', title: text('Codex history'), status: 'ok', detail: text('') },
    ],
    findings: [
      {
        id: 'websocket.direct',
        severity: 'error',
        summary: text('WebSocket refused'),
        evidence: [],
        location: { file: 'config.toml', line: 3 },
      },
    ],
    recommendation: {
      fix: 'disable-websockets',
      rule: 'R7-https-works-websocket-blocked',
      proxyUrl: 'http://127.0.0.1:7890',
      headline: text('HTTPS works, the WebSocket is refused.'),
      reasons: [text('direct: HTTPS ok, WebSocket refused')],
      evidence: [text('websocket direct: 403')],
      warnings: [text('a warning')],
      alternatives: [{ fix: 'use-proxy', reason: text('a proxy carries it') }],
    },
    ...over,
  } as unknown as DiagnosisReport;
}

test('English by default, as the report always read', () => {
  const md = reportToMarkdown(report());
  assert.equal(md, reportToMarkdown(report(), translator('en')));
  const lines = md.split('\n');
  assert.equal(lines[0], '# Codex Connection Doctor report');
  for (const line of [
    '- Date: 2026-12-01T01:00:00.000Z',
    '- Duration: 1.23 s',
    '- Codex: 0.171.0; CODEX_HOME /home/u/.codex; profile work',
    '- Provider: openai (built-in) → https://api.openai.com/v1; WebSockets on',
    '- Login: apikey',
    '- Proxy Codex uses: http://alice:****@127.0.0.1:7890 (NO_PROXY localhost)',
    '## Verdict: Fix #1 — turn off WebSockets for this provider',
    'HTTPS works, the WebSocket is refused.',
    '- direct: HTTPS ok, WebSocket refused',
    'Proxy: `http://127.0.0.1:7890`',
    '> ⚠ a warning',
    'Alternatives:',
    '- Fix #2 — point Codex at a working proxy: a proxy carries it',
    '## Checks',
    '- ✓ Codex configuration (850 ms) — provider openai',
    '- ✓ Codex history',
    '## Findings',
    '- ✗ `websocket.direct` WebSocket refused (config.toml:3)',
    '## Evidence',
    'websocket direct: 403',
  ]) {
    assert.ok(lines.includes(line), `${line}\n---\n${md}`);
  }
  const bare = reportToMarkdown(
    report({
      cancelled: true,
      codex: {
        ...report().codex,
        provider: null,
        version: null,
        profile: null,
        effectiveProxy: null,
        noProxy: null,
        authMode: 'none',
      },
    }),
  );
  for (const line of [
    '- Duration: 1.23 s (cancelled, partial)',
    '- Codex: not found; CODEX_HOME /home/u/.codex',
    '- Provider: unknown (config problem)',
    '- Login: none',
    '- Proxy Codex uses: none',
  ]) {
    assert.ok(bare.split('\n').includes(line), `${line}\n---\n${bare}`);
  }
});

test('in Chinese: every heading and label, the verdict title; values and code as they are', () => {
  const zh = translator('zh-CN');
  const md = reportToMarkdown(report(), zh);
  const lines = md.split('\n');
  assert.equal(lines[0], `# ${zh.t('report.title')}`);
  assert.match(lines[0]!, /\p{Script=Han}/u);
  assert.ok(lines.includes(`## ${zh.t('report.verdict', { fix: zh.t(FIX_TITLES['disable-websockets']) })}`), md);
  assert.ok(lines.includes('## 检查项') && lines.includes('## 发现') && lines.includes('## 证据'), md);
  assert.ok(lines.includes('- 提供方：openai（内置）→ https://api.openai.com/v1；WebSocket 开启'), md);
  assert.ok(lines.includes('- 登录方式：API 密钥'), md);
  assert.ok(lines.includes('代理：`http://127.0.0.1:7890`'), md);
  assert.ok(
    lines.includes('- ✗ `websocket.direct` WebSocket refused (config.toml:3)'),
    'the finding as the engine said it',
  );
  assert.doesNotMatch(md, /Verdict|Checks|Findings|Evidence|Duration|Provider|Login:|built-in/);
});
