import path from 'node:path';

export interface CodexHomeOptions {
  flag?: string;
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  homedir: string;
}

export interface ResolvedCodexHome {
  home: string;
  source: 'flag' | 'env' | 'default';
}

/** Where Codex keeps its files: an explicit flag, else CODEX_HOME, else ~/.codex. */
export function resolveCodexHome(opts: CodexHomeOptions): ResolvedCodexHome {
  const pathApi = opts.platform === 'win32' ? path.win32 : path.posix;
  if (opts.flag && opts.flag.trim() !== '') {
    return { home: pathApi.resolve(expandTilde(opts.flag, opts.homedir, pathApi)), source: 'flag' };
  }
  const fromEnv = opts.env.CODEX_HOME;
  if (fromEnv && fromEnv.trim() !== '') {
    return { home: pathApi.resolve(expandTilde(fromEnv, opts.homedir, pathApi)), source: 'env' };
  }
  // Codex uses the user's profile directory on Windows (%USERPROFILE%), $HOME elsewhere.
  const base = opts.platform === 'win32' ? opts.env.USERPROFILE || opts.homedir : opts.env.HOME || opts.homedir;
  return { home: pathApi.join(base, '.codex'), source: 'default' };
}

function expandTilde(p: string, homedir: string, pathApi: typeof path.posix): string {
  if (p === '~') return homedir;
  if (p.startsWith('~/') || p.startsWith('~\\')) return pathApi.join(homedir, p.slice(2));
  return p;
}
