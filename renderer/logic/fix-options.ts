// Decides what the "Choose a fix" step shows for a diagnosis: a verdict that needs no fix, a
// problem that is not about the WebSocket, or the three fixes side by side with one recommended.
import { msg, type Message, type MessageId } from '../../shared/i18n/message.ts';
import type { ApplicableFix, DiagnosisReport, FixKind, Recommendation } from '../../shared/types.ts';

export type WebSocketFix = 'disable-websockets' | 'use-proxy' | 'enable-tun';

export interface FixCard {
  fix: WebSocketFix;
  number: 1 | 2 | 3;
  title: Message;
  bestFor: Message;
  cost: Message;
  recommended: boolean;
  /** Why it is recommended, or why it is listed as an alternative. */
  reason: Message | null;
  warnings: Message[];
  /** use-proxy needs a proxy URL: the one the diagnosis proved, else the user types it. */
  proxyUrl: string | null;
  /** use-proxy: the proxy wants a user name and password (407, Basic). */
  proxyLogin: { schemes: string[]; rejected: boolean } | null;
}

export type FixOutcome =
  | { kind: 'no-fix-needed'; headline: Message; reasons: Message[] }
  | {
      kind: 'not-websocket';
      title: Message;
      headline: Message;
      reasons: Message[];
      nextSteps: Message[];
      /** A fix the app can apply for it (repair-config, trust-ca), if any. */
      applicable: ApplicableFix | null;
      /** trust-ca with no CA found on the machine: the user picks the CA file (main's dialog). */
      pickCaFile?: boolean;
    }
  | { kind: 'choose'; headline: Message; cards: FixCard[] };

const CARD_TEXT: Record<WebSocketFix, Pick<FixCard, 'fix' | 'number' | 'title' | 'bestFor' | 'cost'>> = {
  'disable-websockets': {
    fix: 'disable-websockets',
    number: 1,
    title: msg('app.fix.disable-websockets.title'),
    bestFor: msg('app.fix.disable-websockets.best-for'),
    cost: msg('app.fix.disable-websockets.cost'),
  },
  'use-proxy': {
    fix: 'use-proxy',
    number: 2,
    title: msg('app.fix.use-proxy.title'),
    bestFor: msg('app.fix.use-proxy.best-for'),
    cost: msg('app.fix.use-proxy.cost'),
  },
  'enable-tun': {
    fix: 'enable-tun',
    number: 3,
    title: msg('app.fix.enable-tun.title'),
    bestFor: msg('app.fix.enable-tun.best-for'),
    cost: msg('app.fix.enable-tun.cost'),
  },
};

const ORDER: WebSocketFix[] = ['disable-websockets', 'use-proxy', 'enable-tun'];

function isWebSocketFix(fix: FixKind): fix is WebSocketFix {
  return (ORDER as FixKind[]).includes(fix);
}

const NOT_WEBSOCKET_TITLES: Partial<Record<FixKind, MessageId>> = {
  'repair-config': 'app.problem.repair-config.title',
  'fix-proxy': 'app.problem.fix-proxy.title',
  'no-network': 'app.problem.no-network.title',
  login: 'app.problem.login.title',
  unproven: 'app.problem.unproven.title',
  'trust-ca': 'app.problem.trust-ca.title',
  'weak-ca': 'app.problem.weak-ca.title',
  'proxy-login-unsupported': 'app.problem.proxy-login-unsupported.title',
};

const NOT_WEBSOCKET_STEPS: Partial<Record<FixKind, MessageId[]>> = {
  'repair-config': ['app.problem.repair-config.step'],
  'fix-proxy': ['app.problem.fix-proxy.step', 'app.problem.rerun'],
  'no-network': ['app.problem.no-network.step'],
  login: ['app.problem.login.step'],
  'trust-ca': ['app.problem.trust-ca.step-check', 'app.problem.trust-ca.step-preview'],
  'weak-ca': ['app.problem.weak-ca.step', 'app.problem.rerun'],
  'proxy-login-unsupported': ['app.problem.proxy-login-unsupported.step'],
  unproven: ['app.problem.unproven.step-doctor', 'app.problem.unproven.step-fix'],
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
      title: msg(
        untrustedWithoutCa
          ? 'app.problem.trust-ca.title'
          : (NOT_WEBSOCKET_TITLES[rec.fix] ?? 'app.problem.default.title'),
      ),
      headline: rec.headline,
      reasons: rec.reasons,
      nextSteps: (untrustedWithoutCa
        ? (['app.problem.pick-ca.step'] as MessageId[])
        : (NOT_WEBSOCKET_STEPS[rec.fix] ?? [])
      ).map((id) => msg(id)),
      applicable:
        rec.fix === 'repair-config'
          ? 'repair-config'
          : rec.fix === 'trust-ca' || untrustedWithoutCa
            ? 'trust-ca'
            : null,
      ...(untrustedWithoutCa ? { pickCaFile: true } : {}),
    };
  }
  return { kind: 'choose', headline: rec.headline, cards: fixCards(rec, provider) };
}

function disableWebsocketsCost(provider: ProviderKind): Message {
  if (provider && !provider.builtIn) {
    return msg('app.fix.disable-websockets.cost-custom', { provider: provider.id });
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
