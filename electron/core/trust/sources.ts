// Where a company CA already sits on this machine, in places the user (or their IT) controls: PEM
// files named by other tools' CA variables and settings, and the OS trust store as Codex sees it.
// Every source is injectable (env, home, paths, the command runner) so tests point it at temp folders
// and recorded outputs. Nothing here trusts anything: it only collects certificates to be proven.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { X509Certificate } from 'node:crypto';
import type { CaSourceInfo } from '../../../shared/types.ts';
import { parseDerCertificate, parsePemCertificates } from './certificates.ts';
import { msg, type Message } from '../../../shared/i18n/message.ts';
import { runOsCommand, runSafely, type RunCommand } from '../environment/run-command.ts';

/** The variables other tools read a CA bundle from (process environment). */
export const CA_ENV_VARS = [
  'NODE_EXTRA_CA_CERTS',
  'REQUESTS_CA_BUNDLE',
  'CURL_CA_BUNDLE',
  'GIT_SSL_CAINFO',
  'AWS_CA_BUNDLE',
  'SSL_CERT_FILE',
] as const;

/** Bundles Codex (rustls-native-certs) reads on Linux, first found wins there. */
export const LINUX_BUNDLES = [
  '/etc/ssl/certs/ca-certificates.crt',
  '/etc/pki/tls/certs/ca-bundle.crt',
  '/etc/ssl/ca-bundle.pem',
  '/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem',
];

/** Folders where a CA is installed before `update-ca-certificates` / `update-ca-trust` puts it in the bundle. */
export const LINUX_ANCHOR_DIRS = ['/usr/local/share/ca-certificates', '/etc/pki/ca-trust/source/anchors'];

export interface CaSourceOptions {
  env: NodeJS.ProcessEnv;
  homedir: string;
  platform: NodeJS.Platform;
  /** Linux: the OS bundles Codex reads (default LINUX_BUNDLES). */
  linuxBundles?: string[];
  /** Linux: anchor folders (default LINUX_ANCHOR_DIRS). */
  anchorDirs?: string[];
  /** npm's user config files (default ~/.npmrc, and $NPM_CONFIG_USERCONFIG). */
  npmrcFiles?: string[];
  /** pip's config files (default: the per-platform locations). */
  pipConfigFiles?: string[];
  /** macOS keychains for `security find-certificate -a -p` (default: System and login). */
  keychains?: string[];
  /** Runs `security` (macOS) or PowerShell (Windows). */
  run?: RunCommand;
  timeoutMs?: number;
}

export interface FoundCertificate {
  cert: X509Certificate;
  pem: string;
  source: CaSourceInfo;
}

export interface CollectedCertificates {
  certificates: FoundCertificate[];
  /** One line per source read: what it held, or why it could not be read. */
  searched: Message[];
}

function expandHome(p: string, homedir: string): string {
  return p === '~' ? homedir : p.startsWith('~/') || p.startsWith('~\\') ? path.join(homedir, p.slice(2)) : p;
}

/** Reads a PEM (or a single DER) certificate file. */
async function readCertificateFile(
  file: string,
): Promise<{ certs: { cert: X509Certificate; pem: string }[]; error?: Message }> {
  let bytes: Buffer;
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) return { certs: [], error: msg('diagnosis.ca-file.not-a-file') };
    if (stat.size > 16 * 1024 * 1024) return { certs: [], error: msg('diagnosis.ca-file.too-large') };
    bytes = await fs.readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      certs: [],
      error:
        code === 'ENOENT'
          ? msg('diagnosis.ca-file.missing')
          : code === 'EACCES'
            ? msg('diagnosis.ca-file.permission-denied')
            : msg('diagnosis.ca-file.error-code', { code: String(code ?? error) }),
    };
  }
  const parsed = parsePemCertificates(bytes.toString('latin1'));
  if (parsed.certs.length > 0) return parsed;
  const der = parseDerCertificate(bytes);
  if (der) return { certs: [{ cert: der, pem: der.toString().trim() + '\n' }] };
  return { certs: [], error: msg('diagnosis.ca-file.no-certificate') };
}

/** `NODE_EXTRA_CA_CERTS (/etc/company/ca.pem): 2 certificates`, or why the source could not be read. */
export function countLine(label: Message, file: string | undefined, n: number, error?: Message): Message {
  const source = file ? msg('diagnosis.ca-source.with-path', { source: label, path: file }) : label;
  if (error) return msg('diagnosis.ca-searched.error', { source, error });
  return msg('diagnosis.ca-searched.count', { source, count: n });
}

async function fileSource(file: string, source: Omit<CaSourceInfo, 'path'>, out: CollectedCertificates): Promise<void> {
  const read = await readCertificateFile(file);
  out.searched.push(countLine(source.label, file, read.certs.length, read.error));
  for (const c of read.certs) out.certificates.push({ ...c, source: { ...source, path: file } });
}

/** `cafile=…` from an .npmrc (ini: `key = value`, `;`/`#` comments, ${VAR} expansion). */
export function npmCafile(text: string, env: NodeJS.ProcessEnv): string | undefined {
  let found: string | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith(';') || line.startsWith('#')) continue;
    const m = /^cafile\s*=\s*(.*)$/i.exec(line);
    if (m)
      found = m[1]!
        .trim()
        .replace(/^(["'])(.*)\1$/, '$2')
        .replace(/\$\{([A-Za-z0-9_]+)\}/g, (_, v: string) => env[v] ?? '');
  }
  return found || undefined;
}

/** `cert = …` from pip's config (ini sections [global] / [install] / [download]). */
export function pipCert(text: string): string | undefined {
  let section = '';
  let found: string | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith(';') || line.startsWith('#')) continue;
    const sec = /^\[(.+)\]$/.exec(line);
    if (sec) {
      section = sec[1]!.trim().toLowerCase();
      continue;
    }
    const m = /^cert\s*[=:]\s*(.*)$/i.exec(line);
    if (m && ['global', 'install', 'download'].includes(section) && (!found || section === 'global'))
      found = m[1]!.trim();
  }
  return found || undefined;
}

export function defaultPipConfigFiles(platform: NodeJS.Platform, homedir: string, env: NodeJS.ProcessEnv): string[] {
  const files: string[] = [];
  if (env.PIP_CONFIG_FILE) files.push(env.PIP_CONFIG_FILE);
  if (platform === 'win32') {
    const p = path.win32;
    if (env.APPDATA) files.push(p.join(env.APPDATA, 'pip', 'pip.ini'));
    files.push(p.join(homedir, 'pip', 'pip.ini'));
    files.push(p.join(env.ProgramData ?? 'C:\\ProgramData', 'pip', 'pip.ini'));
    return files;
  }
  const xdg = env.XDG_CONFIG_HOME || path.join(homedir, '.config');
  files.push(path.join(xdg, 'pip', 'pip.conf'), path.join(homedir, '.pip', 'pip.conf'));
  if (platform === 'darwin')
    files.push(
      path.join(homedir, 'Library', 'Application Support', 'pip', 'pip.conf'),
      '/Library/Application Support/pip/pip.conf',
    );
  files.push('/etc/pip.conf', '/etc/xdg/pip/pip.conf');
  return files;
}

async function readText(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** PowerShell that prints every certificate of the Windows root and intermediate stores as PEM. */
export const WINDOWS_STORE_SCRIPT = [
  "$ErrorActionPreference = 'SilentlyContinue'",
  "foreach ($s in 'Cert:\\CurrentUser\\Root','Cert:\\LocalMachine\\Root','Cert:\\CurrentUser\\CA','Cert:\\LocalMachine\\CA','Cert:\\LocalMachine\\AuthRoot') {",
  '  foreach ($c in Get-ChildItem $s) {',
  "    '-----BEGIN CERTIFICATE-----'",
  "    [Convert]::ToBase64String($c.RawData, 'InsertLineBreaks')",
  "    '-----END CERTIFICATE-----'",
  '  }',
  '}',
].join('\n');

/** Collects every certificate of every source. Never throws: a source that fails says why in `searched`. */
export async function collectCaCertificates(opts: CaSourceOptions): Promise<CollectedCertificates> {
  const out: CollectedCertificates = { certificates: [], searched: [] };
  const { env, homedir, platform } = opts;
  const run = opts.run ?? runOsCommand;
  const timeoutMs = opts.timeoutMs ?? 5000;
  // A whole keychain or certificate store as PEM can run to tens of megabytes.
  const storeRunOptions = { timeoutMs, maxBytes: 64 * 1024 * 1024 };
  /** An OS store read by a command that prints its certificates as PEM (Codex reads these stores itself). */
  const readStore = async (
    kind: 'keychain' | 'windows-store',
    label: Message,
    storePath: string | undefined,
    command: string,
    args: string[],
    failed: Message,
  ): Promise<void> => {
    const result = await runSafely(run, command, args, storeRunOptions);
    const parsed = parsePemCertificates(result.stdout);
    const count = parsed.certs.length;
    out.searched.push(countLine(label, storePath, count, result.code !== 0 && count === 0 ? failed : undefined));
    const source: CaSourceInfo = { kind, label, ...(storePath ? { path: storePath } : {}), codexReads: true };
    for (const c of parsed.certs) out.certificates.push({ ...c, source });
  };

  // Other tools' CA variables (the process environment Codex is started with).
  for (const key of CA_ENV_VARS) {
    const value = env[key]?.trim();
    if (value)
      await fileSource(
        expandHome(value, homedir),
        { kind: 'env', label: msg('diagnosis.ca-source.variable', { variable: key }), codexReads: false },
        out,
      );
  }
  // npm's cafile.
  const npmrcs = opts.npmrcFiles ?? [
    ...(env.NPM_CONFIG_USERCONFIG ? [env.NPM_CONFIG_USERCONFIG] : []),
    path.join(homedir, '.npmrc'),
  ];
  for (const rc of npmrcs) {
    const text = await readText(rc);
    const cafile = text !== undefined ? npmCafile(text, env) : undefined;
    if (cafile)
      await fileSource(
        expandHome(cafile, homedir),
        { kind: 'npm', label: msg('diagnosis.ca-source.npm', { file: rc }), codexReads: false },
        out,
      );
  }
  // pip's cert.
  const pipFiles = opts.pipConfigFiles ?? defaultPipConfigFiles(platform, homedir, env);
  if (env.PIP_CERT?.trim())
    await fileSource(
      expandHome(env.PIP_CERT.trim(), homedir),
      { kind: 'pip', label: msg('diagnosis.ca-source.variable', { variable: 'PIP_CERT' }), codexReads: false },
      out,
    );
  for (const conf of pipFiles) {
    const text = await readText(conf);
    const cert = text !== undefined ? pipCert(text) : undefined;
    if (cert)
      await fileSource(
        expandHome(cert, homedir),
        { kind: 'pip', label: msg('diagnosis.ca-source.pip', { file: conf }), codexReads: false },
        out,
      );
  }

  // The OS trust store as Codex sees it.
  if (platform === 'linux' || opts.linuxBundles || opts.anchorDirs) {
    const bundles = opts.linuxBundles ?? LINUX_BUNDLES;
    for (const bundle of bundles) {
      try {
        await fs.access(bundle);
      } catch {
        continue;
      }
      await fileSource(
        bundle,
        { kind: 'os-bundle', label: msg('diagnosis.ca-source.os-bundle'), codexReads: true },
        out,
      );
      break; // Codex reads the first one that exists
    }
    for (const dir of opts.anchorDirs ?? LINUX_ANCHOR_DIRS) {
      let names: string[];
      try {
        names = (await fs.readdir(dir, { recursive: true })) as string[];
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== 'ENOENT') {
          const why = code ? msg('diagnosis.ca-file.error-code', { code }) : msg('diagnosis.ca-file.unreadable');
          out.searched.push(
            msg('diagnosis.ca-searched.error', {
              source: msg('diagnosis.ca-source.os-anchor-dir', { dir }),
              error: why,
            }),
          );
        }
        continue;
      }
      const files = names.filter((n) => /\.(crt|pem|cer)$/i.test(n)).sort();
      let count = 0;
      for (const name of files) {
        const file = path.join(dir, name);
        const read = await readCertificateFile(file);
        count += read.certs.length;
        for (const c of read.certs) {
          out.certificates.push({
            ...c,
            source: {
              kind: 'os-anchor',
              label: msg('diagnosis.ca-source.os-anchor-dir', { dir }),
              path: file,
              codexReads: false,
            },
          });
        }
      }
      out.searched.push(countLine(msg('diagnosis.ca-source.os-anchor'), dir, count));
    }
  }
  if (platform === 'darwin') {
    const keychains = opts.keychains ?? [
      '/Library/Keychains/System.keychain',
      path.join(homedir, 'Library', 'Keychains', 'login.keychain-db'),
    ];
    for (const keychain of keychains) {
      await readStore(
        'keychain',
        msg('diagnosis.ca-source.keychain'),
        keychain,
        'security',
        ['find-certificate', '-a', '-p', keychain],
        msg('diagnosis.ca-file.security-failed'),
      );
    }
  }
  if (platform === 'win32') {
    const script = ['-NoProfile', '-NonInteractive', '-Command', WINDOWS_STORE_SCRIPT];
    await readStore(
      'windows-store',
      msg('diagnosis.ca-source.windows-store'),
      undefined,
      'powershell.exe',
      script,
      msg('diagnosis.ca-file.powershell-failed'),
    );
  }
  return out;
}
