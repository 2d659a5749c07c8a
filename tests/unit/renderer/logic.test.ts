import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseUnifiedDiff, rowMarker } from '../../../renderer/logic/diff.ts';
import { fixCards, fixOutcome, suggestedProxyUrl } from '../../../renderer/logic/fix-options.ts';
import { findingsView, locationText, nextStepText } from '../../../renderer/logic/findings.ts';
import { REVERT_LAST_COMMAND, revertCommand } from '../../../renderer/logic/undo.ts';
import { compareChecks, verifyVerdict } from '../../../renderer/logic/compare.ts';
import { formatDuration, authModeLabel, shortCheckDetail } from '../../../renderer/logic/format.ts';
import { check, recommendation, report } from './fixtures.ts';

describe('parseUnifiedDiff', () => {
  test('numbers old and new lines and marks additions and removals', () => {
    const rows = parseUnifiedDiff(
      [
        '--- a/config.toml',
        '+++ b/config.toml',
        '@@ -3,3 +3,4 @@',
        ' [model_providers.lab]',
        '-supports_websockets = true',
        '+supports_websockets = false',
        '+# added by codex-connection-doctor',
        ' wire_api = "responses"',
        '',
      ].join('\n'),
    );
    assert.deepEqual(
      rows.map((r) => [r.kind, r.oldLine, r.newLine, r.text]),
      [
        ['hunk', null, null, '@@ -3,3 +3,4 @@'],
        ['context', 3, 3, '[model_providers.lab]'],
        ['remove', 4, null, 'supports_websockets = true'],
        ['add', null, 4, 'supports_websockets = false'],
        ['add', null, 5, '# added by codex-connection-doctor'],
        ['context', 5, 6, 'wire_api = "responses"'],
      ],
    );
  });

  test('a new file counts from line 1 and keeps "no newline" notes as meta', () => {
    const rows = parseUnifiedDiff('@@ -0,0 +1,2 @@\n+A=1\n+B=2\n\\ No newline at end of file\n');
    assert.deepEqual(rows.map((r) => r.newLine), [null, 1, 2, null]);
    assert.equal(rows.at(-1)?.kind, 'meta');
  });

  test('markers carry words for screen readers', () => {
    assert.equal(rowMarker('add').label, 'added');
    assert.equal(rowMarker('remove').label, 'removed');
  });
});

describe('fixOutcome', () => {
  test('three fixes side by side, the recommended one marked with its reason', () => {
    const outcome = fixOutcome(recommendation());
    assert.equal(outcome.kind, 'choose');
    if (outcome.kind !== 'choose') return;
    assert.deepEqual(outcome.cards.map((c) => [c.number, c.fix, c.recommended]), [
      [1, 'disable-websockets', true],
      [2, 'use-proxy', false],
      [3, 'enable-tun', false],
    ]);
    assert.match(outcome.cards[0]!.reason!, /HTTPS works directly/);
    assert.equal(outcome.cards[1]!.reason, 'No local proxy that carries WebSockets was found.');
    assert.match(outcome.cards[0]!.cost, /conversations regroup/);
    assert.match(outcome.cards[2]!.cost, /whole system/);
  });

  test('use-proxy carries the proven proxy URL and the warnings', () => {
    const cards = fixCards(recommendation({ fix: 'use-proxy', proxyUrl: 'http://127.0.0.1:7890', warnings: ['SOCKS only'] }));
    const proxy = cards.find((c) => c.fix === 'use-proxy')!;
    assert.equal(proxy.recommended, true);
    assert.equal(proxy.proxyUrl, 'http://127.0.0.1:7890');
    assert.deepEqual(proxy.warnings, ['SOCKS only']);
    assert.deepEqual(cards.find((c) => c.fix === 'disable-websockets')!.warnings, []);
  });

  test('Fix #1 on a custom provider keeps the provider: no regrouping is promised', () => {
    const cards = fixCards(recommendation(), { id: 'corp', builtIn: false });
    const card = cards.find((c) => c.fix === 'disable-websockets')!;
    assert.match(card.cost, /keeps your provider "corp"/);
    assert.doesNotMatch(card.cost, /regroup/);
  });

  test('a dead proxy with a proven replacement offers Fix #2 with that proxy', () => {
    const outcome = fixOutcome(recommendation({ fix: 'fix-proxy', proxyUrl: 'http://127.0.0.1:7897' }));
    assert.equal(outcome.kind, 'choose');
    if (outcome.kind !== 'choose') return;
    const proxy = outcome.cards.find((c) => c.recommended)!;
    assert.equal(proxy.fix, 'use-proxy');
    assert.equal(proxy.proxyUrl, 'http://127.0.0.1:7897');
  });

  test('"no fix needed" is its own outcome', () => {
    const outcome = fixOutcome(recommendation({ fix: 'none', headline: 'Codex connects over WebSocket.', alternatives: [] }));
    assert.deepEqual(outcome, { kind: 'no-fix-needed', headline: 'Codex connects over WebSocket.', reasons: recommendation().reasons });
  });

  test('a dead proxy or no network is "not a WebSocket problem"', () => {
    for (const fix of ['fix-proxy', 'no-network'] as const) {
      const outcome = fixOutcome(recommendation({ fix }));
      assert.equal(outcome.kind, 'not-websocket');
      if (outcome.kind === 'not-websocket') {
        assert.equal(outcome.applicable, null);
        assert.ok(outcome.nextSteps.length > 0);
      }
    }
  });

  test('a broken config offers the repair', () => {
    const outcome = fixOutcome(recommendation({ fix: 'repair-config' }));
    assert.equal(outcome.kind === 'not-websocket' && outcome.applicable, 'repair-config');
  });

  test('suggestedProxyUrl prefers the recommendation, else a proxy that carried the WebSocket', () => {
    assert.equal(suggestedProxyUrl(report({ recommendation: recommendation({ proxyUrl: 'http://127.0.0.1:3128' }) })), 'http://127.0.0.1:3128');
    const r = report();
    r.probes.push({ phase: 'websocket', route: { kind: 'local-proxy', label: 'x', proxyUrl: 'http://127.0.0.1:7897' }, ok: true, durationMs: 5, detail: '' });
    assert.equal(suggestedProxyUrl(r), 'http://127.0.0.1:7897');
    assert.equal(suggestedProxyUrl(report()), '');
  });
});

describe('findingsView', () => {
  test('headline first, then problems by severity, ok ones kept for details', () => {
    const view = findingsView(report());
    assert.match(view.headline, /refuses WebSocket upgrades/);
    assert.deepEqual(view.findings.map((f) => f.id), ['ws.direct.refused', 'proxy.none']);
    assert.deepEqual(view.okFindings.map((f) => f.id), ['config.ok']);
    assert.equal(view.evidence.length, 2);
  });

  test('a finding whose evidence is already listed under the cause is not repeated; others stay', () => {
    const causeLine = '✗ websocket via direct: the upgrade was refused by the server: HTTP/1.1 403 Forbidden [refused] (31 ms)';
    const r = report({
      recommendation: recommendation({ evidence: ['✓ https via direct: HTTP 401 (30 ms)', causeLine] }),
      findings: [
        { id: 'websocket.direct.refused', severity: 'error', summary: 'WebSocket handshake fails via direct', evidence: [causeLine] },
        { id: 'tls.direct.private-ca', severity: 'warning', summary: 'The TLS root is a private CA', evidence: [causeLine, 'issuer: Corp Root'] },
        { id: 'proxy.none', severity: 'info', summary: 'No proxy is configured.', evidence: [] },
      ],
    });
    assert.deepEqual(findingsView(r).findings.map((f) => f.id), ['tls.direct.private-ca', 'proxy.none']);
  });

  test('the next step names the recommended fix, or says no fix or a repair comes next', () => {
    assert.match(findingsView(report()).nextStep, /^Recommended: Fix #1, turn off WebSockets for Codex\./);
    assert.match(nextStepText(recommendation({ fix: 'use-proxy', proxyUrl: 'http://127.0.0.1:7890' })), /^Recommended: Fix #2, send Codex/);
    assert.match(nextStepText(recommendation({ fix: 'fix-proxy', proxyUrl: 'http://127.0.0.1:7890' })), /Fix #2/);
    assert.match(nextStepText(recommendation({ fix: 'none' })), /^No fix is needed/);
    assert.match(nextStepText(recommendation({ fix: 'repair-config' })), /^Your Codex configuration needs a repair first\./);
    for (const fix of ['disable-websockets', 'none', 'repair-config', 'no-network'] as const) {
      assert.match(nextStepText(recommendation({ fix })), /nothing is written|No fix is needed/);
    }
  });

  test('locationText joins file, line and column', () => {
    assert.equal(locationText({ id: 'x', severity: 'error', summary: '', evidence: [], location: { file: '/c/config.toml', line: 3, column: 7 } }), '/c/config.toml:3:7');
    assert.equal(locationText({ id: 'x', severity: 'error', summary: '', evidence: [] }), null);
  });
});

describe('compareChecks and verifyVerdict', () => {
  test('matches checks by id and marks improvements', () => {
    const before = report();
    const after = report({ checks: [check('config', 'ok'), check('websocket:direct', 'ok'), check('https', 'ok')], recommendation: recommendation({ fix: 'none' }) });
    const rows = compareChecks(before, after);
    assert.deepEqual(rows.map((r) => [r.id, r.before, r.after, r.improved]), [
      ['config', 'ok', 'ok', false],
      ['websocket:direct', 'error', 'ok', true],
      ['https', null, 'ok', false],
    ]);
    assert.equal(verifyVerdict(before, after), 'healthy');
  });

  test('still failing when nothing improved', () => {
    assert.equal(verifyVerdict(report(), report()), 'still-failing');
  });
});

test('formatDuration and authModeLabel', () => {
  assert.equal(formatDuration(12.4), '12 ms');
  assert.equal(formatDuration(6500), '6.5 s');
  assert.equal(formatDuration(125_000), '2 min 5 s');
  assert.equal(formatDuration(undefined), '');
  assert.equal(authModeLabel('chatgpt'), 'ChatGPT account');
});

test('the terminal undo commands name the package bin and the change', () => {
  assert.equal(revertCommand('20260101T000000Z-000-abc'), 'codex-connection-doctor revert 20260101T000000Z-000-abc');
  assert.equal(REVERT_LAST_COMMAND, 'codex-connection-doctor revert --last');
});

test('shortCheckDetail keeps the parts of a long status list that are not ok', () => {
  const doctor =
    'config.load: ok — config loaded; network.env: ok — environment readable; network.websocket_reachability: warning — Responses WebSocket provider setup failed; overall: warning';
  assert.equal(shortCheckDetail(doctor), 'network.websocket_reachability: warning — Responses WebSocket provider setup failed; overall: warning (2 other checks ok)');
  assert.equal(shortCheckDetail('a: ok — x; b: ok — y; overall: ok'), 'all 3 checks ok');
  // Codex's own summaries hold "; " (seen with 0.171 when the handshake fails).
  const withSemicolon =
    'config.load: ok — config loaded; network.env: ok — readable; network.websocket_reachability: warning — Responses WebSocket failed; HTTPS fallback may still work; overall: warning';
  assert.equal(
    shortCheckDetail(withSemicolon),
    'network.websocket_reachability: warning — Responses WebSocket failed; HTTPS fallback may still work; overall: warning (2 other checks ok)',
  );
  const plain = 'provider lab → http://127.0.0.1:1/v1, WebSockets on';
  assert.equal(shortCheckDetail(plain), plain);
  assert.equal(shortCheckDetail('dns ok; tcp ok; https ok; websocket refused'), 'dns ok; tcp ok; https ok; websocket refused');
});

test('an untrusted certificate whose CA is not on the machine: the app offers to choose the CA file', async () => {
  const { fixOutcome } = await import('../../../renderer/logic/fix-options.ts');
  const outcome = fixOutcome({
    fix: 'no-network',
    rule: 'R10-untrusted-certificate',
    headline: 'Not a WebSocket problem: the connection is intercepted…',
    reasons: ['direct: HTTPS fails: the certificate is signed by a CA this machine does not trust'],
    evidence: [],
    warnings: [],
    alternatives: [],
  });
  assert.equal(outcome.kind, 'not-websocket');
  if (outcome.kind !== 'not-websocket') return;
  assert.equal(outcome.applicable, 'trust-ca');
  assert.equal(outcome.pickCaFile, true);
  assert.match(outcome.title, /company's CA/);
});
