// v2rayN on Windows is a portable zip: its config sits beside v2rayN.exe wherever the user unpacked
// it. Look one or two folder levels below the usual places for a folder whose name has "v2rayN".
import type { FsView } from './fs-view.ts';
import { pathModule } from './locations.ts';

const CONFIG_PATHS = [['guiConfigs', 'guiNConfig.json'], ['guiNConfig.json']];

export function v2raynSearchRoots(homedir: string, env: Record<string, string | undefined>): string[] {
  const p = pathModule('win32');
  const roots = [
    homedir,
    p.join(homedir, 'Desktop'),
    p.join(homedir, 'Downloads'),
    p.join(homedir, 'Documents'),
    env.LOCALAPPDATA || p.join(homedir, 'AppData', 'Local'),
    env.APPDATA || p.join(homedir, 'AppData', 'Roaming'),
    env.ProgramFiles || 'C:\\Program Files',
    'C:\\',
    'D:\\',
  ];
  return [...new Set(roots)];
}

/** guiNConfig.json files (path and text) of v2rayN copies found under the usual places (Scoop included). */
export async function findV2raynConfigs(
  fs: FsView,
  homedir: string,
  env: Record<string, string | undefined>,
): Promise<{ path: string; text: string }[]> {
  const p = pathModule('win32');
  const dirs = new Set<string>([p.join(homedir, 'scoop', 'apps', 'v2rayn', 'current')]);
  await Promise.all(
    v2raynSearchRoots(homedir, env).map(async (root) => {
      for (const name of (await fs.listDirs(root)).filter(isV2raynDir).slice(0, 10)) {
        const dir = p.join(root, name);
        dirs.add(dir);
        // The release zip unpacks to e.g. v2rayN-windows-64\v2rayN\.
        for (const inner of (await fs.listDirs(dir)).filter(isV2raynDir).slice(0, 5)) dirs.add(p.join(dir, inner));
      }
    }),
  );
  const perDir = await Promise.all(
    [...dirs].map(async (dir) => {
      for (const parts of CONFIG_PATHS) {
        const file = p.join(dir, ...parts);
        const text = await fs.readText(file);
        if (text !== undefined) return { path: file, text };
      }
      return undefined;
    }),
  );
  return perDir.filter((f): f is { path: string; text: string } => f !== undefined);
}

function isV2raynDir(name: string): boolean {
  return /v2rayn/i.test(name);
}
