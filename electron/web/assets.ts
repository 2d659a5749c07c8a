// Where the built browser mode lives: dist/renderer (the app) and dist/web/doctor-client.js (its
// window.doctor), found from this file in a source checkout (electron/web/) or in dist/cli.cjs.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface WebAssets {
  rendererDir: string;
  clientScriptFile: string;
}

export function findWebAssets(from: string = fileURLToPath(import.meta.url)): WebAssets | null {
  const here = path.dirname(from);
  for (const dist of [here, path.resolve(here, '..', '..', 'dist')]) {
    const assets = {
      rendererDir: path.join(dist, 'renderer'),
      clientScriptFile: path.join(dist, 'web', 'doctor-client.js'),
    };
    if (existsSync(path.join(assets.rendererDir, 'index.html')) && existsSync(assets.clientScriptFile)) return assets;
  }
  return null;
}
