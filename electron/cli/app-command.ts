// `app`: the wizard in the user's browser (electron/web/server.ts), for machines without Electron
// or when asked. Prints the one-time URL, opens the default browser where there is a display, and
// runs until the page has been gone for a minute or Ctrl-C.
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { PROXY_PORTS_ENV, parseProxyPorts } from '../app-options.ts';
import { createDoctorService } from '../core/service.ts';
import { findWebAssets } from '../web/assets.ts';
import { startBrowserServer } from '../web/server.ts';
import { checkCodexHome, type CommonContext } from './diagnose-command.ts';
import { UsageError } from './errors.ts';
import { msg } from '../../shared/i18n/message.ts';

export const APP_USAGE = 'app [--port N] [--no-open] [--codex-home DIR]';

/** Whether a browser can be shown here: a desktop session, and not a shell reached over SSH. */
export function canOpenBrowser(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): boolean {
  if (env.SSH_CONNECTION || env.SSH_TTY) return false;
  if (platform === 'darwin' || platform === 'win32') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/** The command that opens a URL in the default browser. */
export function openerFor(platform: NodeJS.Platform, url: string): { command: string; args: string[] } {
  if (platform === 'darwin') return { command: 'open', args: [url] };
  // `start`'s first quoted argument is the window title; the URL holds no `&` for cmd to split on.
  if (platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '""', url] };
  return { command: 'xdg-open', args: [url] };
}

function parsePort(value: string | undefined): number {
  if (value === undefined) return 0;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > 65535) throw new UsageError(msg('cli.error.bad-port', { value }));
  return n;
}

export async function appCommand(args: string[], ctx: CommonContext): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' },
      'no-open': { type: 'boolean', default: false },
      'codex-home': { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  const port = parsePort(values.port);
  const codexHome =
    values['codex-home'] !== undefined ? checkCodexHome(values['codex-home'], ctx.env, ctx.homedir) : undefined;
  const assets = findWebAssets();
  if (!assets) throw new UsageError(msg('cli.error.not-built'));

  const service = createDoctorService({
    env: ctx.env,
    platform: process.platform,
    ...(codexHome ? { codexHome } : {}),
    extraProxyPorts: parseProxyPorts(ctx.env[PROXY_PORTS_ENV]),
  });
  let server;
  try {
    server = await startBrowserServer({ service, ...assets, port });
  } catch (e) {
    if ((e as { code?: string }).code === 'EADDRINUSE') throw new UsageError(msg('cli.error.port-in-use', { port }));
    throw e;
  }
  const onAbort = () => void server.close();
  ctx.signal.addEventListener('abort', onAbort, { once: true });

  const tr = ctx.tr;
  ctx.out.write(tr.t('cli.app.running', { product: tr.t('cli.product'), url: server.url }) + '\n');
  if (!values['no-open'] && canOpenBrowser(ctx.env)) {
    const { command, args: openArgs } = openerFor(process.platform, server.url);
    const child = spawn(command, openArgs, { stdio: 'ignore', detached: true });
    child.on('error', () => ctx.out.write(tr.t('cli.app.opener-failed', { opener: command }) + '\n'));
    child.unref();
    ctx.out.write(tr.t('cli.app.opened') + '\n');
  } else {
    ctx.out.write(tr.t('cli.app.open-it', { port: String(server.port) }) + '\n');
  }
  const why = await server.closed;
  ctx.signal.removeEventListener('abort', onAbort);
  ctx.out.write(tr.t(why === 'idle' ? 'cli.app.stopped-idle' : 'cli.app.stopped') + '\n');
  return 0;
}
