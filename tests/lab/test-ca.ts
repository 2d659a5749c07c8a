// A private CA and a server certificate for the lab's names (made by ./test-certs.ts with openssl).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { makeCa, makeLeaf } from './test-certs.ts';

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
  const ca = makeCa({ cn: opts.commonName ?? 'Codex Connection Doctor Lab CA', org: null });
  // rustls (Codex) and Node want a v3 leaf with SANs, serverAuth and an authority key id: makeLeaf's.
  const server = makeLeaf(ca, { names: TEST_CA_SERVER_NAMES });
  return {
    dir: path.dirname(ca.path),
    caCert: ca.pem,
    caCertPath: ca.path,
    caKeyPath: ca.keyPath,
    cert: server.pem,
    certPath: server.path,
    key: readFileSync(server.keyPath, 'utf8'),
    keyPath: server.keyPath,
  };
}
