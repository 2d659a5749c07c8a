// CAs and leaf certificates made by the tests with the openssl CLI, strong or weak on purpose
// (SHA-1 signatures, 1024-bit RSA keys), for the CA search and the weak-CA verdict.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { makeTempDir } from './temp-dirs.ts';

export type KeySpec = 'ec' | 'rsa:1024' | 'rsa:2048';

export interface MadeCert {
  /** PEM of the certificate. */
  pem: string;
  path: string;
  keyPath: string;
}

function keyArgs(spec: KeySpec): string[] {
  return spec === 'ec' ? ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1'] : ['-newkey', spec];
}

/** A self-signed CA (basicConstraints CA:TRUE, a subject key id). */
export function makeCa(
  opts: { cn: string; org?: string | null; key?: KeySpec; md?: 'sha1' | 'sha256'; days?: number; ca?: boolean } = {
    cn: 'Test CA',
  },
): MadeCert {
  const dir = makeTempDir('test-cert');
  const file = (n: string) => path.join(dir, n);
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      ...keyArgs(opts.key ?? 'ec'),
      '-nodes',
      `-${opts.md ?? 'sha256'}`,
      '-keyout',
      file('ca.key'),
      '-out',
      file('ca.pem'),
      '-days',
      String(opts.days ?? 7),
      '-subj',
      `/CN=${opts.cn}${opts.org === null ? '' : `/O=${opts.org ?? 'Codex Connection Doctor Tests'}`}`,
      '-addext',
      `basicConstraints=critical,CA:${opts.ca === false ? 'FALSE' : 'TRUE'}`,
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign,digitalSignature',
      '-addext',
      'subjectKeyIdentifier=hash',
    ],
    { stdio: 'pipe' },
  );
  return { pem: readFileSync(file('ca.pem'), 'utf8'), path: file('ca.pem'), keyPath: file('ca.key') };
}

/** A server certificate for `names`, signed by `ca` with the given digest. */
export function makeLeaf(
  ca: MadeCert,
  opts: { cn?: string; names?: string[]; md?: 'sha1' | 'sha256'; key?: KeySpec } = {},
): MadeCert {
  const dir = makeTempDir('test-cert');
  const file = (n: string) => path.join(dir, n);
  const names = opts.names ?? ['127.0.0.1', 'localhost', 'api.lab.test'];
  execFileSync(
    'openssl',
    [
      'req',
      '-new',
      ...keyArgs(opts.key ?? 'ec'),
      '-nodes',
      '-keyout',
      file('leaf.key'),
      '-out',
      file('leaf.csr'),
      '-subj',
      `/CN=${opts.cn ?? names[0]}`,
    ],
    { stdio: 'pipe' },
  );
  writeFileSync(
    file('leaf.ext'),
    [
      `subjectAltName=${names.map((n) => (/^[\d.:]+$/.test(n) ? `IP:${n}` : `DNS:${n}`)).join(',')}`,
      'basicConstraints=critical,CA:FALSE',
      'keyUsage=critical,digitalSignature,keyEncipherment',
      'extendedKeyUsage=serverAuth',
      'subjectKeyIdentifier=hash',
      'authorityKeyIdentifier=keyid,issuer',
    ].join('\n') + '\n',
  );
  execFileSync(
    'openssl',
    [
      'x509',
      '-req',
      '-in',
      file('leaf.csr'),
      '-CA',
      ca.path,
      '-CAkey',
      ca.keyPath,
      '-CAcreateserial',
      `-${opts.md ?? 'sha256'}`,
      '-out',
      file('leaf.pem'),
      '-days',
      '7',
      '-extfile',
      file('leaf.ext'),
    ],
    { stdio: 'pipe' },
  );
  return { pem: readFileSync(file('leaf.pem'), 'utf8'), path: file('leaf.pem'), keyPath: file('leaf.key') };
}

/** `security find-certificate -a -p` prints the PEM blocks one after another. */
export function recordedSecurityOutput(pems: string[]): string {
  return pems.map((p) => p.trim() + '\n').join('');
}

/** What WINDOWS_STORE_SCRIPT prints: base64 with 'InsertLineBreaks' (76 columns, CRLF) between the markers. */
export function recordedPowerShellOutput(pems: string[]): string {
  const lines: string[] = [];
  for (const pem of pems) {
    const b64 = pem.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, '');
    lines.push('-----BEGIN CERTIFICATE-----');
    for (let i = 0; i < b64.length; i += 76) lines.push(b64.slice(i, i + 76));
    lines.push('-----END CERTIFICATE-----');
  }
  return lines.join('\r\n') + '\r\n';
}
