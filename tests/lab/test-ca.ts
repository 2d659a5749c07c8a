// A private CA and a server certificate for the lab's names, made with the openssl CLI.
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { makeTempDir } from './temp-dirs.ts';

const run = promisify(execFile);

export interface TestCa {
  dir: string;
  /** PEM of the CA certificate: what SSL_CERT_FILE / CODEX_CA_CERTIFICATE should name. */
  caCert: string;
  caCertPath: string;
  caKeyPath: string;
  /** PEM of the server certificate (127.0.0.1, ::1, localhost, api.lab.test), signed by the CA. */
  cert: string;
  certPath: string;
  /** PEM of the server's private key. */
  key: string;
  keyPath: string;
}

export const TEST_CA_SERVER_NAMES = ['127.0.0.1', '::1', 'localhost', 'api.lab.test'];

export async function makeTestCa(opts: { commonName?: string } = {}): Promise<TestCa> {
  const dir = makeTempDir('lab-ca');
  const file = (name: string) => path.join(dir, name);
  const ecKey = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

  await run('openssl', [
    'req', '-x509', ...ecKey,
    '-keyout', file('ca.key'), '-out', file('ca.pem'), '-days', '7',
    '-subj', `/CN=${opts.commonName ?? 'Codex Connection Doctor Lab CA'}`,
    '-addext', 'basicConstraints=critical,CA:TRUE',
    '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
    '-addext', 'subjectKeyIdentifier=hash',
  ]);
  await run('openssl', ['req', '-new', ...ecKey, '-keyout', file('server.key'), '-out', file('server.csr'), '-subj', '/CN=127.0.0.1']);
  // rustls (Codex) and Node want a v3 leaf with SANs, serverAuth and an authority key id.
  writeFileSync(
    file('server.ext'),
    [
      `subjectAltName=${TEST_CA_SERVER_NAMES.map((name) => (/^[\d.:]+$/.test(name) ? `IP:${name}` : `DNS:${name}`)).join(',')}`,
      'basicConstraints=critical,CA:FALSE',
      'keyUsage=critical,digitalSignature,keyEncipherment',
      'extendedKeyUsage=serverAuth',
      'subjectKeyIdentifier=hash',
      'authorityKeyIdentifier=keyid,issuer',
    ].join('\n') + '\n',
  );
  await run('openssl', [
    'x509', '-req', '-in', file('server.csr'),
    '-CA', file('ca.pem'), '-CAkey', file('ca.key'), '-CAcreateserial',
    '-out', file('server.pem'), '-days', '7', '-extfile', file('server.ext'),
  ]);

  return {
    dir,
    caCert: readFileSync(file('ca.pem'), 'utf8'),
    caCertPath: file('ca.pem'),
    caKeyPath: file('ca.key'),
    cert: readFileSync(file('server.pem'), 'utf8'),
    certPath: file('server.pem'),
    key: readFileSync(file('server.key'), 'utf8'),
    keyPath: file('server.key'),
  };
}
