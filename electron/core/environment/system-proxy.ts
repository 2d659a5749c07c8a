// Picks the system proxy reader for the platform and desktop.
import type { SystemProxy } from '../../../shared/types.ts';
import type { RunCommand } from './run-command.ts';
import { readMacosSystemProxy } from './system-proxy-macos.ts';
import { readWindowsSystemProxy } from './system-proxy-windows.ts';
import { readGnomeSystemProxy } from './system-proxy-gnome.ts';
import { readKdeSystemProxy } from './system-proxy-kde.ts';

export interface SystemProxyOptions {
  platform: NodeJS.Platform | string;
  env: Record<string, string | undefined>;
  homedir: string;
  run: RunCommand;
  /** Prefix for file paths, for tests. */
  fsRoot?: string;
  timeoutMs?: number;
}

function isKde(env: Record<string, string | undefined>): boolean {
  const desktop = `${env.XDG_CURRENT_DESKTOP ?? ''}:${env.DESKTOP_SESSION ?? ''}`.toLowerCase();
  return desktop.includes('kde') || env.KDE_FULL_SESSION === 'true';
}

/** Never rejects: a reader that cannot run reports `enabled: false` with an `error`. */
export async function readSystemProxy(opts: SystemProxyOptions): Promise<SystemProxy> {
  try {
    const proxy = await pickReader(opts);
    return { ...proxy, platform: String(opts.platform) };
  } catch (error) {
    return {
      platform: String(opts.platform),
      enabled: false,
      source: 'none',
      error: error instanceof Error ? error.message : String(error),
    };
  }
}

async function pickReader(opts: SystemProxyOptions): Promise<SystemProxy> {
  const timeoutMs = opts.timeoutMs ?? 1000;
  if (opts.platform === 'darwin') return await readMacosSystemProxy(opts.run, timeoutMs);
  if (opts.platform === 'win32') return await readWindowsSystemProxy(opts.run, timeoutMs);
  if (isKde(opts.env)) {
    const kde = await readKdeSystemProxy(opts.homedir, opts.env, opts.fsRoot);
    return kde.error ? await readGnomeSystemProxy(opts.run, timeoutMs).then((g) => (g.error ? kde : g)) : kde;
  }
  const gnome = await readGnomeSystemProxy(opts.run, timeoutMs);
  if (!gnome.error) return gnome;
  // No GSettings (a minimal or non-GNOME desktop): a kioslaverc may still be in use.
  const kde = await readKdeSystemProxy(opts.homedir, opts.env, opts.fsRoot);
  return kde.error ? gnome : kde;
}
