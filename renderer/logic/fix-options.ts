// Decides what the "Choose a fix" step shows for a diagnosis: a verdict that needs no fix, a
// problem that is not about the WebSocket, or the three fixes side by side with one recommended.
import type { ApplicableFix, DiagnosisReport, FixKind, Recommendation } from '../../shared/types.ts';

export type WebSocketFix = 'disable-websockets' | 'use-proxy' | 'enable-tun';

export interface FixCard {
  fix: WebSocketFix;
  number: 1 | 2 | 3;
  title: string;
  bestFor: string;
  cost: string;
  recommended: boolean;
  /** Why it is recommended, or why it is listed as an alternative. */
  reason: string | null;
  warnings: string[];
  /** use-proxy needs a proxy URL: the one the diagnosis proved, else the user types it. */
  proxyUrl: string | null;
  /** use-proxy: the proxy wants a user name and password (407, Basic). */
  proxyLogin: { schemes: string[]; rejected: boolean } | null;
}

export type FixOutcome =
  | { kind: 'no-fix-needed'; headline: string; reasons: string[] }
  | {
      kind: 'not-websocket';
      title: string;
      headline: string;
      reasons: string[];
      nextSteps: string[];
      /** A fix the app can apply for it (repair-config, trust-ca), if any. */
      applicable: ApplicableFix | null;
      /** trust-ca with no CA found on the machine: the user picks the CA file (main's dialog). */
      pickCaFile?: boolean;
    }
  | { kind: 'choose'; headline: string; cards: FixCard[] };

const CARD_TEXT: Record<WebSocketFix, Omit<FixCard, 'recommended' | 'reason' | 'warnings' | 'proxyUrl' | 'proxyLogin'>> = {
  'disable-websockets': {
    fix: 'disable-websockets',
    number: 1,
    title: 'Turn off WebSockets for Codex',
    bestFor: 'Works at once, with nothing else to install or run. Codex talks plain HTTPS from the first request.',
    cost: 'With the built-in OpenAI provider, Codex switches to a new provider id: past conversations regroup under it (nothing is deleted; switching back shows them again).',
  },
  'use-proxy': {
    fix: 'use-proxy',
    number: 2,
    title: 'Send Codex through your proxy',
    bestFor: 'The clean long-term setup: WebSocket and HTTPS both go through a proxy that carries them.',
    cost: 'Needs a working HTTP or mixed proxy port; if that proxy app is closed, Codex cannot connect.',
  },
  'enable-tun': {
    fix: 'enable-tun',
    number: 3,
    title: 'Turn on TUN mode in your proxy app',
    bestFor: 'Every protocol and every program works, Codex included, with no Codex settings changed.',
    cost: "Changes the whole system's networking, not just Codex's; needs a proxy app that has TUN mode.",
  },
};

const ORDER: WebSocketFix[] = ['disable-websockets', 'use-proxy', 'enable-tun'];

function isWebSocketFix(fix: FixKind): fix is WebSocketFix {
  return (ORDER as FixKind[]).includes(fix);
}

const NOT_WEBSOCKET_TITLES: Partial<Record<FixKind, string>> = {
  'repair-config': 'Your Codex configuration needs a repair first',
  'fix-proxy': 'Your proxy itself is not working',
  'no-network': 'The endpoint cannot be reached at all',
  login: "Codex's login is rejected — not a network problem",
  unproven: 'The WebSocket could not be proven without Codex\'s own check',
  'trust-ca': "Codex does not trust your company's CA",
  'weak-ca': 'Codex refuses this certificate — no setting fixes it',
  'proxy-login-unsupported': 'Your proxy wants a login Codex cannot do',
};

const NOT_WEBSOCKET_STEPS: Partial<Record<FixKind, string[]>> = {
  'repair-config': ['Preview the repair below: the app shows the exact lines it would change before anything is written.'],
  'fix-proxy': [
    'Start your proxy app, or correct the proxy address in $CODEX_HOME/.env or your environment.',
    'Then run the diagnosis again.',
  ],
  'no-network': ['Check your internet connection, VPN or firewall, then run the diagnosis again.'],
  login: ['Nothing in your files needs to change: fix the login as the reasons above say, then run the diagnosis again.'],
  'trust-ca': [
    'Check the CA\'s name and SHA-256 fingerprint above: Codex will trust every certificate it signs (IT can confirm the fingerprint).',
    'Preview the change below: a PEM bundle (the public roots plus this CA) under $CODEX_HOME and SSL_CERT_FILE in $CODEX_HOME/.env, revertible at any time.',
  ],
  'weak-ca': [
    'Ask your IT department to re-issue the inspection CA (SHA-256, RSA 2048+ or ECDSA, valid dates), or to exempt the OpenAI endpoints from TLS inspection.',
    'Then run the diagnosis again.',
  ],
  'proxy-login-unsupported': [
    'Start a local relay that logs in for you (px or cntlm), then run the diagnosis again: the doctor finds the relay\'s port and offers Fix #2 for it.',
  ],
  unproven: [
    'Run `codex doctor --network-only` in a terminal: it checks the WebSocket with your login.',
    'If Codex shows "Reconnecting… 2/5", apply Fix #1 from the command line: codex-connection-doctor fix disable-websockets.',
  ],
};

/** The provider the diagnosis found; it decides what Fix #1 costs. */
export type ProviderKind = { id: string; builtIn: boolean } | null | undefined;

/** A dead configured proxy with a proven replacement is fixed by the same edit as Fix #2. */
function effectiveFix(rec: Recommendation): FixKind {
  return rec.fix === 'fix-proxy' && rec.proxyUrl ? 'use-proxy' : rec.fix;
}

export function fixOutcome(rec: Recommendation, provider?: ProviderKind): FixOutcome {
  const fix = effectiveFix(rec);
  // An untrusted certificate whose CA is nowhere on this machine: the user can still name the file.
  const untrustedWithoutCa = rec.rule === 'R10-untrusted-certificate' && rec.fix !== 'trust-ca';
  if (rec.fix === 'none') {
    return { kind: 'no-fix-needed', headline: rec.headline, reasons: rec.reasons };
  }
  if (!isWebSocketFix(fix)) {
    return {
      kind: 'not-websocket',
      title: untrustedWithoutCa ? NOT_WEBSOCKET_TITLES['trust-ca']! : (NOT_WEBSOCKET_TITLES[rec.fix] ?? 'This is not a WebSocket problem'),
      headline: rec.headline,
      reasons: rec.reasons,
      nextSteps: untrustedWithoutCa
        ? ['Ask your IT department for the CA certificate (a .pem or .crt file), then choose it below: it is checked against the certificate Codex is shown before anything is written.']
        : (NOT_WEBSOCKET_STEPS[rec.fix] ?? []),
      applicable: rec.fix === 'repair-config' ? 'repair-config' : rec.fix === 'trust-ca' || untrustedWithoutCa ? 'trust-ca' : null,
      ...(untrustedWithoutCa ? { pickCaFile: true } : {}),
    };
  }
  return { kind: 'choose', headline: rec.headline, cards: fixCards(rec, provider) };
}

function disableWebsocketsCost(provider: ProviderKind): string {
  if (provider && !provider.builtIn) {
    return `Codex keeps your provider "${provider.id}"; only its supports_websockets setting changes, so it stays on HTTPS until you revert.`;
  }
  return CARD_TEXT['disable-websockets'].cost;
}

/** The three fixes in their fixed order, the recommended one marked with its reason. */
export function fixCards(rec: Recommendation, provider?: ProviderKind): FixCard[] {
  const chosen = effectiveFix(rec);
  return ORDER.map((fix) => {
    const recommended = chosen === fix;
    const alternative = rec.alternatives.find((a) => a.fix === fix);
    const reason = recommended ? (rec.reasons[0] ?? rec.headline) : (alternative?.reason ?? null);
    return {
      ...CARD_TEXT[fix],
      ...(fix === 'disable-websockets' ? { cost: disableWebsocketsCost(provider) } : {}),
      recommended,
      reason,
      warnings: recommended ? rec.warnings : [],
      proxyUrl: fix === 'use-proxy' ? (rec.proxyUrl ?? null) : null,
      proxyLogin: fix === 'use-proxy' ? (rec.proxyLogin ?? null) : null,
    };
  });
}

/** The proxy URL to prefill for Fix #2: the one proven by the diagnosis, else the configured one. */
export function suggestedProxyUrl(report: DiagnosisReport): string {
  if (report.recommendation.proxyUrl) return report.recommendation.proxyUrl;
  const proven = report.probes.find(
    (p) => p.ok && p.phase === 'websocket' && p.route.kind === 'local-proxy' && p.route.proxyUrl,
  );
  return proven?.route.proxyUrl ?? '';
}
