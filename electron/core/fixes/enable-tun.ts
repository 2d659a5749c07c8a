// Fix #3: TUN mode in the user's proxy app, through its Clash/mihomo API when that answers,
// otherwise as steps for the app that was found.
import type { ProxyAppInfo } from '../../../shared/types.ts';
import { msg, type Message, type MessageId } from '../../../shared/i18n/message.ts';
import { FixError, makePlan, type FixContext, type PlannedFix } from './plan.ts';

export const TUN_WARNINGS: readonly Message[] = [msg('fixes.warning.tun-whole-system'), msg('fixes.warning.tun-admin')];

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\]|::1)$/;

function controllerHost(controller: string): string {
  const m = /^(\[[^\]]+\]|[^:]+)(?::\d+)?$/.exec(controller.replace(/^https?:\/\//, '').replace(/\/.*$/, ''));
  return m ? m[1]! : controller;
}

/** The proxy app by its name, or "your proxy app". */
function appName(app: ProxyAppInfo | undefined): string | Message {
  return app?.name ?? msg('fixes.tun.your-proxy-app');
}

const STEPS = (ids: MessageId[]): Message[] => [...ids.map((id) => msg(id)), msg('fixes.tun.step.check-again')];

export function manualTunSteps(app: ProxyAppInfo | undefined): Message[] {
  const id = app?.id ?? 'generic';
  switch (id) {
    case 'clash-verge-rev':
    case 'clash-verge':
      return STEPS(['fixes.tun.step.verge-open', 'fixes.tun.step.verge-service', 'fixes.tun.step.verge-switch']);
    case 'clash':
    case 'clash-for-windows':
      return STEPS(['fixes.tun.step.cfw-open', 'fixes.tun.step.cfw-service', 'fixes.tun.step.cfw-switch']);
    case 'clashx':
    case 'clashx-pro':
    case 'clashx-meta':
      return STEPS(['fixes.tun.step.clashx-icon', 'fixes.tun.step.clashx-enhanced']);
    case 'v2rayn':
      return STEPS(['fixes.tun.step.v2rayn-open', 'fixes.tun.step.v2rayn-switch']);
    case 'sing-box':
      return STEPS(['fixes.tun.step.sing-box-inbound', 'fixes.tun.step.sing-box-restart']);
    case 'mihomo':
      return STEPS(['fixes.tun.step.mihomo-config', 'fixes.tun.step.mihomo-restart']);
    default:
      return [
        msg('fixes.tun.step.generic-open', { app: appName(app) }),
        msg('fixes.tun.step.generic-switch'),
        msg('fixes.tun.step.check-again'),
      ];
  }
}

export async function planEnableTun(ctx: FixContext): Promise<PlannedFix> {
  const env = ctx.environment;
  const apis = (env?.clashApi ?? []).filter((a) => a.reachable && !a.unauthorized);
  const api = apis.find((a) => LOOPBACK.test(controllerHost(a.controller)));
  if (env?.tun.active) {
    return makePlan(ctx, 'enable-tun', msg('fixes.title.tun-already-on'), [], {
      warnings: [msg('fixes.warning.tun-active'), ...TUN_WARNINGS],
    });
  }
  if (api) {
    if (api.tunEnabled === true) {
      return makePlan(ctx, 'enable-tun', msg('fixes.title.tun-already-on'), [], {
        warnings: [msg('fixes.warning.tun-api-on', { controller: api.controller }), ...TUN_WARNINGS],
      });
    }
    if (!ctx.setClashTun) throw new FixError(msg('fixes.error.no-clash-client'), 'not-applicable');
    const app = env?.proxyApps.find((p) => p.controller?.address === api.controller);
    const secret = app?.controller?.secret;
    return makePlan(
      ctx,
      'enable-tun',
      msg('fixes.title.tun-api', { controller: api.controller }),
      [],
      {
        apiAction: {
          controller: api.controller,
          description: msg('fixes.tun.api-action', { controller: api.controller, body: '{"tun":{"enable":true}}' }),
        },
        sideEffects: [msg('fixes.effect.tun-everything')],
        warnings: [...TUN_WARNINGS],
      },
      { controller: api.controller, secret, enableTun: true, previousTun: api.tunEnabled ?? false },
    );
  }
  const unreachable = (env?.clashApi ?? []).find((a) => !a.reachable || a.unauthorized);
  const app = env?.proxyApps[0];
  const warnings = [...TUN_WARNINGS];
  if (unreachable) {
    warnings.push(
      unreachable.unauthorized
        ? msg('fixes.warning.clash-secret-refused', { controller: unreachable.controller })
        : msg('fixes.warning.clash-no-answer', { controller: unreachable.controller }),
    );
  }
  return makePlan(ctx, 'enable-tun', msg('fixes.title.tun-manual', { app: appName(app) }), [], {
    manualSteps: manualTunSteps(app),
    sideEffects: [msg('fixes.effect.tun-everything')],
    warnings,
  });
}
