// Fix #3: TUN mode in the user's proxy app, through its Clash/mihomo API when that answers,
// otherwise as steps for the app that was found.
import type { ProxyAppInfo } from '../../../shared/types.ts';
import { FixError, makePlan, type FixContext, type PlannedFix } from './plan.ts';

export const TUN_WARNINGS = [
  'TUN mode routes the whole system through the proxy app, not only Codex: corporate networks and intranet sites, local services and other VPN clients can stop working while it is on.',
  'Some systems ask for an administrator password or a helper service the first time TUN is turned on.',
];

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\]|::1)$/;

function controllerHost(controller: string): string {
  const m = /^(\[[^\]]+\]|[^:]+)(?::\d+)?$/.exec(controller.replace(/^https?:\/\//, '').replace(/\/.*$/, ''));
  return m ? m[1]! : controller;
}

export function manualTunSteps(app: ProxyAppInfo | undefined): string[] {
  const id = app?.id ?? 'generic';
  switch (id) {
    case 'clash-verge-rev':
    case 'clash-verge':
      return [
        'Open Clash Verge Rev and go to Settings.',
        'Under System Settings, install the Service Mode helper if it asks (the TUN switch needs it).',
        'Turn on "Tun Mode" (or the TUN switch on the Home page).',
        'Come back here and run the diagnosis again to check that TUN is on.',
      ];
    case 'clash':
    case 'clash-for-windows':
      return [
        'Open Clash for Windows and go to General.',
        'Click "Manage" next to Service Mode and install the service, then wait for the globe icon to turn green.',
        'Turn on "TUN Mode".',
        'Come back here and run the diagnosis again to check that TUN is on.',
      ];
    case 'clashx':
    case 'clashx-pro':
    case 'clashx-meta':
      return [
        'Click the ClashX icon in the menu bar.',
        'ClashX Pro / ClashX Meta: choose "Enhanced Mode" (TUN) and allow the helper if macOS asks. Plain ClashX has no TUN mode: use Clash Verge Rev or set the system proxy instead.',
        'Come back here and run the diagnosis again to check that TUN is on.',
      ];
    case 'v2rayn':
      return [
        'Open v2rayN (run it as administrator on Windows; on macOS/Linux it asks for your password).',
        'At the bottom of the main window, turn on "Enable Tun".',
        'Come back here and run the diagnosis again to check that TUN is on.',
      ];
    case 'sing-box':
      return [
        'Add a "tun" inbound to your sing-box configuration with "auto_route": true (see sing-box\'s documentation for inbound type tun).',
        'Restart sing-box with administrator rights.',
        'Come back here and run the diagnosis again to check that TUN is on.',
      ];
    case 'mihomo':
      return [
        'In your mihomo config.yaml, set tun: { enable: true, stack: mixed, auto-route: true, auto-detect-interface: true }.',
        'Restart mihomo with administrator rights.',
        'Come back here and run the diagnosis again to check that TUN is on.',
      ];
    default:
      return [
        `Open ${app?.name ?? 'your proxy app'} and look for "TUN mode", "Enhanced mode" or "VPN mode" in its settings.`,
        'Turn it on; allow the helper or administrator prompt it shows.',
        'Come back here and run the diagnosis again to check that TUN is on.',
      ];
  }
}

export async function planEnableTun(ctx: FixContext): Promise<PlannedFix> {
  const env = ctx.environment;
  const apis = (env?.clashApi ?? []).filter((a) => a.reachable && !a.unauthorized);
  const api = apis.find((a) => LOOPBACK.test(controllerHost(a.controller)));
  if (env?.tun.active) {
    return makePlan(ctx, 'enable-tun', 'TUN mode is already on', [], {
      warnings: ['TUN mode already looks active on this machine: nothing to turn on.', ...TUN_WARNINGS],
    });
  }
  if (api) {
    if (api.tunEnabled === true) {
      return makePlan(ctx, 'enable-tun', 'TUN mode is already on', [], {
        warnings: [`The Clash API at ${api.controller} says TUN is already on.`, ...TUN_WARNINGS],
      });
    }
    if (!ctx.setClashTun) throw new FixError('no Clash API client was given to turn TUN on', 'not-applicable');
    const app = env?.proxyApps.find((p) => p.controller?.address === api.controller);
    const secret = app?.controller?.secret;
    return makePlan(
      ctx,
      'enable-tun',
      `Turn on TUN mode through the Clash API at ${api.controller}`,
      [],
      {
        apiAction: {
          controller: api.controller,
          description: `PATCH http://${api.controller}/configs with {"tun":{"enable":true}}; revert sets it back to off.`,
        },
        sideEffects: ['Every program on this computer, not only Codex, goes through the proxy app while TUN is on.'],
        warnings: TUN_WARNINGS,
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
        ? `The Clash API at ${unreachable.controller} refused the secret, so TUN cannot be turned on from here.`
        : `The Clash API at ${unreachable.controller} did not answer, so TUN cannot be turned on from here.`,
    );
  }
  return makePlan(ctx, 'enable-tun', `Turn on TUN mode in ${app?.name ?? 'your proxy app'}`, [], {
    manualSteps: manualTunSteps(app),
    sideEffects: ['Every program on this computer, not only Codex, goes through the proxy app while TUN is on.'],
    warnings,
  });
}
