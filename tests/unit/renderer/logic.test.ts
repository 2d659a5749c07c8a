import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { diffRows, rowMarker } from '../../../renderer/logic/diff.ts';
import { fixCards, fixOutcome, suggestedProxyUrl } from '../../../renderer/logic/fix-options.ts';
import { findingsView, locationText, nextStepText } from '../../../renderer/logic/findings.ts';
import { REVERT_LAST_COMMAND, revertCommand } from '../../../renderer/logic/undo.ts';
import { compareChecks, verifyVerdict } from '../../../renderer/logic/compare.ts';
import { durationMessage, authModeLabel, credentialLabel, shortCheckDetail } from '../../../renderer/logic/format.ts';
import { msg, type Message, type MessageId } from '../../../shared/i18n/message.ts';
import { translator } from '../../../shared/i18n/translate.ts';
import { en, zh } from '../../i18n.ts';
import { check, raw, recommendation, report } from './fixtures.ts';

const t = (id: MessageId, params?: Message['params']) => en(msg(id, params));
/** A short message's text, or null: shortCheckDetail's answer in English. */
const short = (detail: string) => {
  const m = shortCheckDetail(detail);
  return m ? en(m) : detail;
};

describe('diffRows', () => {
  test('numbers old and new lines from the hunk and marks additions and removals', () => {
    const rows = diffRows({
      hunks: [
        {
          oldStart: 3,
          oldLines: 3,
          newStart: 3,
          newLines: 4,
          lines: [
            { kind: 'context', text: '[model_providers.lab]', eol: 'lf' },
            { kind: 'remove', text: 'supports_websockets = true', eol: 'lf' },
            { kind: 'add', text: 'supports_websockets = false', eol: 'lf' },
            { kind: 'add', text: '# added by codex-connection-doctor', eol: 'lf' },
            { kind: 'context', text: 'wire_api = "responses"', eol: 'lf' },
          ],
        },
      ],
    });
    assert.deepEqual(
      rows.map((r) => [r.kind, r.oldLine, r.newLine, r.text, r.eol]),
      [
        ['hunk', null, null, '@@ -3,3 +3,4 @@', undefined],
        ['context', 3, 3, '[model_providers.lab]', undefined],
        ['remove', 4, null, 'supports_websockets = true', undefined],
        ['add', null, 4, 'supports_websockets = false', undefined],
        ['add', null, 5, '# added by codex-connection-doctor', undefined],
        ['context', 5, 6, 'wire_api = "responses"', undefined],
      ],
    );
  });

  test('a new file counts from line 1; a last line without a line ending says so', () => {
    const rows = diffRows({
      hunks: [
        {
          oldStart: 0,
          oldLines: 0,
          newStart: 1,
          newLines: 2,
          lines: [
            { kind: 'add', text: 'A=1', eol: 'lf' },
            { kind: 'add', text: 'B=2', eol: 'none' },
          ],
        },
      ],
    });
    assert.deepEqual(
      rows.map((r) => r.newLine),
      [null, 1, 2],
    );
    assert.equal(t(rows[2]!.eol!.label), 'no line ending at the end of the file');
  });

  test('a change of line endings alone shows each line’s ending, in words', () => {
    // Before, CRLF → LF made an empty diff: the conflict view showed nothing.
    const rows = diffRows({
      hunks: [
        {
          oldStart: 1,
          oldLines: 1,
          newStart: 1,
          newLines: 1,
          lines: [
            { kind: 'remove', text: 'a = 1', eol: 'crlf', eolChanged: true },
            { kind: 'add', text: 'a = 1', eol: 'lf', eolChanged: true },
          ],
        },
      ],
    });
    assert.deepEqual(
      rows.slice(1).map((r) => [r.kind, r.text, r.eol?.symbol, r.eol && t(r.eol.label)]),
      [
        ['remove', 'a = 1', '␍␊', 'ends in CRLF (Windows line ending)'],
        ['add', 'a = 1', '␊', 'ends in LF'],
      ],
    );
    assert.equal(zh(msg(rows[1]!.eol!.label)), '以 CRLF（Windows 换行符）结尾');
  });

  test('a file shown by its summary (the CA bundle) is rows of text', () => {
    assert.deepEqual(
      diffRows({ hunks: [], summary: ['PEM bundle, 150 certificates', 'CA: x'] }).map((r) => [r.kind, r.text]),
      [
        ['meta', 'PEM bundle, 150 certificates'],
        ['meta', 'CA: x'],
      ],
    );
  });

  test('markers carry words for screen readers', () => {
    assert.equal(t(rowMarker('add').label), 'added');
    assert.equal(t(rowMarker('remove').label), 'removed');
    assert.equal(zh(msg(rowMarker('add').label)), '新增');
  });
});

describe('fixOutcome', () => {
  test('three fixes side by side, the recommended one marked with its reason', () => {
    const outcome = fixOutcome(recommendation());
    assert.equal(outcome.kind, 'choose');
    if (outcome.kind !== 'choose') return;
    assert.deepEqual(
      outcome.cards.map((c) => [c.number, c.fix, c.recommended]),
      [
        [1, 'disable-websockets', true],
        [2, 'use-proxy', false],
        [3, 'enable-tun', false],
      ],
    );
    assert.deepEqual(outcome.cards[0]!.reason, recommendation().reasons[0]);
    assert.equal(en(outcome.cards[1]!.reason!), 'http://127.0.0.1:7890 carries HTTPS as well.');
    assert.match(en(outcome.cards[0]!.cost), /conversations regroup/);
    assert.match(en(outcome.cards[2]!.cost), /whole system/);
    assert.equal(en(outcome.cards[0]!.title), 'Turn off WebSockets for Codex');
    assert.equal(zh(outcome.cards[0]!.title), '为 Codex 关闭 WebSocket');
  });

  test('use-proxy carries the proven proxy URL and the warnings', () => {
    const cards = fixCards(
      recommendation({ fix: 'use-proxy', proxyUrl: 'http://127.0.0.1:7890', warnings: [raw('SOCKS only')] }),
    );
    const proxy = cards.find((c) => c.fix === 'use-proxy')!;
    assert.equal(proxy.recommended, true);
    assert.equal(proxy.proxyUrl, 'http://127.0.0.1:7890');
    assert.deepEqual(proxy.warnings, [raw('SOCKS only')]);
    assert.deepEqual(cards.find((c) => c.fix === 'disable-websockets')!.warnings, []);
  });

  test('Fix #1 on a custom provider keeps the provider: no regrouping is promised', () => {
    const cards = fixCards(recommendation(), { id: 'corp', builtIn: false });
    const card = cards.find((c) => c.fix === 'disable-websockets')!;
    assert.match(en(card.cost), /keeps your provider "corp"/);
    assert.doesNotMatch(en(card.cost), /regroup/);
    assert.match(zh(card.cost), /“corp”/);
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
    const headline = raw('Codex connects over WebSocket.');
    const outcome = fixOutcome(recommendation({ fix: 'none', headline, alternatives: [] }));
    assert.deepEqual(outcome, { kind: 'no-fix-needed', headline, reasons: recommendation().reasons });
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
    assert.equal(
      suggestedProxyUrl(report({ recommendation: recommendation({ proxyUrl: 'http://127.0.0.1:3128' }) })),
      'http://127.0.0.1:3128',
    );
    const r = report();
    r.probes.push({
      phase: 'websocket',
      route: { kind: 'local-proxy', label: raw('x'), proxyUrl: 'http://127.0.0.1:7897' },
      ok: true,
      durationMs: 5,
      detail: raw(''),
    });
    assert.equal(suggestedProxyUrl(r), 'http://127.0.0.1:7897');
    assert.equal(suggestedProxyUrl(report()), '');
  });
});

describe('findingsView', () => {
  test('headline first, then problems by severity, ok ones kept for details', () => {
    const view = findingsView(report());
    assert.match(en(view.headline), /refuses WebSocket upgrades/);
    assert.deepEqual(
      view.findings.map((f) => f.id),
      ['ws.direct.refused', 'proxy.none'],
    );
    assert.deepEqual(
      view.okFindings.map((f) => f.id),
      ['config.ok'],
    );
    assert.equal(view.evidence.length, 2);
  });

  test('a finding whose evidence is already listed under the cause is not repeated; others stay', () => {
    const causeLine = msg('diagnosis.evidence.failed', {
      phase: msg('diagnosis.phase.websocket'),
      route: msg('probes.route.direct'),
      detail: raw('the upgrade was refused by the server: HTTP/1.1 403 Forbidden'),
      ms: 31,
    });
    const r = report({
      recommendation: recommendation({ evidence: [raw('✓ https via direct: HTTP 401 (30 ms)'), causeLine] }),
      findings: [
        {
          id: 'websocket.direct.refused',
          severity: 'error',
          summary: raw('WebSocket handshake fails via direct'),
          evidence: [causeLine],
        },
        {
          id: 'tls.direct.private-ca',
          severity: 'warning',
          summary: raw('The TLS root is a private CA'),
          // The same line made again (a copy, not the same object) still counts as the cause's.
          evidence: [structuredClone(causeLine), raw('issuer: Corp Root')],
        },
        { id: 'proxy.none', severity: 'info', summary: raw('No proxy is configured.'), evidence: [] },
      ],
    });
    assert.deepEqual(
      findingsView(r).findings.map((f) => f.id),
      ['tls.direct.private-ca', 'proxy.none'],
    );
  });

  test('the next step names the recommended fix, or says no fix or a repair comes next', () => {
    assert.match(en(findingsView(report()).nextStep), /^Recommended: Fix #1, turn off WebSockets for Codex\./);
    assert.match(
      en(nextStepText(recommendation({ fix: 'use-proxy', proxyUrl: 'http://127.0.0.1:7890' }))),
      /^Recommended: Fix #2, send Codex/,
    );
    assert.match(en(nextStepText(recommendation({ fix: 'fix-proxy', proxyUrl: 'http://127.0.0.1:7890' }))), /Fix #2/);
    assert.match(en(nextStepText(recommendation({ fix: 'none' }))), /^No fix is needed/);
    assert.match(
      en(nextStepText(recommendation({ fix: 'repair-config' }))),
      /^Your Codex configuration needs a repair first\./,
    );
    assert.match(zh(nextStepText(recommendation({ fix: 'repair-config' }))), /^需要先修复 Codex 配置文件。下一步/);
    for (const fix of ['disable-websockets', 'none', 'repair-config', 'no-network'] as const) {
      assert.match(en(nextStepText(recommendation({ fix }))), /nothing is written|No fix is needed/);
    }
  });

  test('locationText joins file, line and column', () => {
    assert.equal(
      locationText({
        id: 'x',
        severity: 'error',
        summary: raw(''),
        evidence: [],
        location: { file: '/c/config.toml', line: 3, column: 7 },
      }),
      '/c/config.toml:3:7',
    );
    assert.equal(locationText({ id: 'x', severity: 'error', summary: raw(''), evidence: [] }), null);
  });
});

describe('compareChecks and verifyVerdict', () => {
  test('matches checks by id and marks improvements', () => {
    const before = report();
    const after = report({
      checks: [check('config', 'ok'), check('websocket:direct', 'ok'), check('https', 'ok')],
      recommendation: recommendation({ fix: 'none' }),
    });
    const rows = compareChecks(before, after);
    assert.deepEqual(
      rows.map((r) => [r.id, r.before, r.after, r.improved]),
      [
        ['config', 'ok', 'ok', false],
        ['websocket:direct', 'error', 'ok', true],
        ['https', null, 'ok', false],
      ],
    );
    assert.equal(verifyVerdict(before, after), 'healthy');
  });

  test('still failing when nothing improved', () => {
    assert.equal(verifyVerdict(report(), report()), 'still-failing');
  });
});

test('durations, the login mode and the credential in words, in both languages', () => {
  assert.equal(en(durationMessage(12.4)!), '12 ms');
  assert.match(en(durationMessage(6500)!), /^6\.5 s/);
  assert.equal(zh(durationMessage(6500)!), '6.5秒');
  assert.equal(durationMessage(undefined), null);
  assert.equal(t(authModeLabel('chatgpt')), 'ChatGPT account');
  assert.equal(t(authModeLabel('something-new')), 'Unknown');
  assert.equal(translator('zh-CN').t(authModeLabel('none')), '未登录');
  const usable = {
    status: 'usable',
    kind: 'api-key',
    source: raw('LAB_KEY from the environment'),
    envKey: 'LAB_KEY',
  } as const;
  assert.equal(en(credentialLabel(usable)), "Codex's own credential: LAB_KEY from the environment");
  assert.equal(en(credentialLabel(undefined)), 'Unknown');
});

test('the terminal undo commands name the package bin and the change', () => {
  assert.equal(revertCommand('20260101T000000Z-000-abc'), 'codex-connection-doctor revert 20260101T000000Z-000-abc');
  assert.equal(REVERT_LAST_COMMAND, 'codex-connection-doctor revert --last');
});

test('shortCheckDetail keeps the parts of a long status list that are not ok', () => {
  const doctor =
    'config.load: ok — config loaded; network.env: ok — environment readable; network.websocket_reachability: warning — Responses WebSocket provider setup failed; overall: warning';
  assert.equal(
    short(doctor),
    'network.websocket_reachability: warning — Responses WebSocket provider setup failed; overall: warning (2 other checks ok)',
  );
  assert.equal(short('a: ok — x; b: ok — y; overall: ok'), 'all 3 checks ok');
  assert.equal(zh(shortCheckDetail('a: ok — x; b: ok — y; overall: ok')!), '全部 3 项检查正常');
  assert.equal(short('a: ok — x; b: warning — y; c: error — z'), 'b: warning — y; c: error — z (1 other check ok)');
  // Codex's own summaries hold "; " (seen with 0.171 when the handshake fails).
  const withSemicolon =
    'config.load: ok — config loaded; network.env: ok — readable; network.websocket_reachability: warning — Responses WebSocket failed; HTTPS fallback may still work; overall: warning';
  assert.equal(
    short(withSemicolon),
    'network.websocket_reachability: warning — Responses WebSocket failed; HTTPS fallback may still work; overall: warning (2 other checks ok)',
  );
  const plain = 'provider lab → http://127.0.0.1:1/v1, WebSockets on';
  assert.equal(shortCheckDetail(plain), null);
  assert.equal(shortCheckDetail('dns ok; tcp ok; https ok; websocket refused'), null);
});

test('an untrusted certificate whose CA is not on the machine: the app offers to choose the CA file', async () => {
  const { fixOutcome } = await import('../../../renderer/logic/fix-options.ts');
  const outcome = fixOutcome({
    fix: 'no-network',
    rule: 'R10-untrusted-certificate',
    headline: raw('Not a WebSocket problem: the connection is intercepted…'),
    reasons: [raw('direct: HTTPS fails: the certificate is signed by a CA this machine does not trust')],
    evidence: [],
    warnings: [],
    alternatives: [],
  });
  assert.equal(outcome.kind, 'not-websocket');
  if (outcome.kind !== 'not-websocket') return;
  assert.equal(outcome.applicable, 'trust-ca');
  assert.equal(outcome.pickCaFile, true);
  assert.match(en(outcome.title), /company's CA/);
  assert.match(en(outcome.nextSteps[0]!), /^Ask your IT department for the CA certificate/);
});
