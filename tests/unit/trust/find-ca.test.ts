// The CA search on temp folders and recorded `security` / PowerShell outputs, with certificates made
// by the tests (openssl): which sources are read, how a candidate is proven, what is never trusted,
// and what Codex refuses anyway.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { findCompanyCa, caRefusals, describeSource } from '../../../electron/core/trust/find-ca.ts';
import {
  collectCaCertificates,
  npmCafile,
  pipCert,
  WINDOWS_STORE_SCRIPT,
  type CaSourceOptions,
} from '../../../electron/core/trust/sources.ts';
import { derFacts, refusalReasons, summarizeCertificate } from '../../../electron/core/trust/certificates.ts';
import { makeCa, makeLeaf, recordedPowerShellOutput, recordedSecurityOutput } from '../../lab/test-certs.ts';
import { makeTempDir } from '../../lab/temp-dirs.ts';
import { en, enAll, zh } from '../../i18n.ts';

const company = makeCa({ cn: 'Example Corp Inspection CA' });
const leaf = makeLeaf(company);
const chain = [new X509Certificate(leaf.pem)];
// Same name, another key: what an impostor (or a re-keyed CA) looks like.
const impostor = makeCa({ cn: 'Example Corp Inspection CA' });
const other = makeCa({ cn: 'Some Other CA' });

/** Sources that read nothing but what a test gives them. */
function isolated(over: Partial<CaSourceOptions> = {}): CaSourceOptions {
  const home = makeTempDir('ca-home');
  return {
    env: {},
    homedir: home,
    platform: 'linux',
    linuxBundles: [],
    anchorDirs: [],
    npmrcFiles: [],
    pipConfigFiles: [],
    ...over,
  };
}

function write(dir: string, name: string, text: string): string {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

async function search(sources: CaSourceOptions, extra: Partial<Parameters<typeof findCompanyCa>[0]> = {}) {
  return findCompanyCa({ chain, collected: await collectCaCertificates(sources), ...extra });
}

describe('certificate facts', () => {
  test('the summary names the algorithms and never holds the bytes', () => {
    const s = summarizeCertificate(chain[0]!);
    assert.equal(s.signatureAlgorithm, 'ecdsa-with-SHA256');
    assert.equal(s.keyType, 'ec');
    assert.equal(s.isCa, false);
    assert.match(s.issuer, /CN=Example Corp Inspection CA/);
    assert.match(s.fingerprint256, /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    assert.doesNotMatch(JSON.stringify(s), /BEGIN|MII/);
  });

  test('the leaf names its CA by key id, which the CA carries as its subject key id', () => {
    const ca = new X509Certificate(company.pem);
    assert.ok(derFacts(chain[0]!).authorityKeyId);
    assert.equal(derFacts(chain[0]!).authorityKeyId, derFacts(ca).subjectKeyId);
  });
});

describe('CA sources', () => {
  test('NODE_EXTRA_CA_CERTS: found and proven against the presented chain', async () => {
    const dir = makeTempDir('ca-env');
    const file = write(dir, 'corp.pem', other.pem + company.pem);
    const r = await search(isolated({ env: { NODE_EXTRA_CA_CERTS: file } }));
    assert.equal(r.proven?.summary.subject, 'CN=Example Corp Inspection CA, O=Codex Connection Doctor Tests');
    assert.deepEqual(
      r.proven?.sources.map((s) => [s.kind, en(s.label), s.path, s.codexReads]),
      [['env', 'NODE_EXTRA_CA_CERTS', file, false]],
    );
    assert.equal(r.report.refusals.length, 0);
    assert.deepEqual(enAll(r.report.searched), [`NODE_EXTRA_CA_CERTS (${file}): 2 certificates`]);
    assert.deepEqual(r.report.searched.map(zh), [`NODE_EXTRA_CA_CERTS（${file}）：2 个证书`]);
  });

  test('every CA variable of other tools is read, a missing file is said', async () => {
    const dir = makeTempDir('ca-env');
    const file = write(dir, 'c.pem', company.pem);
    const env = {
      REQUESTS_CA_BUNDLE: file,
      CURL_CA_BUNDLE: path.join(dir, 'missing.pem'),
      GIT_SSL_CAINFO: file,
      AWS_CA_BUNDLE: file,
      SSL_CERT_FILE: file,
    };
    const r = await search(isolated({ env }));
    assert.deepEqual(
      r.proven?.sources.map((s) => en(s.label)),
      ['REQUESTS_CA_BUNDLE', 'GIT_SSL_CAINFO', 'AWS_CA_BUNDLE', 'SSL_CERT_FILE'],
    );
    assert.match(enAll(r.report.searched).join('\n'), /CURL_CA_BUNDLE \(.*missing\.pem\): does not exist/);
  });

  test("npm's cafile and pip's cert", async () => {
    const home = makeTempDir('ca-home');
    const pem = write(home, 'certs/corp.crt', company.pem);
    const npmrc = write(home, '.npmrc', `registry=https://registry.npmjs.org/\n; comment\ncafile = "${pem}"\n`);
    const pipConf = write(home, '.config/pip/pip.conf', `[global]\ncert = ${pem}\n`);
    const r = await search(isolated({ homedir: home, npmrcFiles: [npmrc], pipConfigFiles: [pipConf] }));
    assert.deepEqual(
      r.proven?.sources.map((s) => s.kind),
      ['npm', 'pip'],
    );
    assert.equal(npmCafile('cafile=${HOME}/x.pem\n', { HOME: '/h' }), '/h/x.pem');
    assert.equal(pipCert('[freeze]\ncert = /no\n[install]\ncert: /yes\n'), '/yes');
  });

  test('a DER .crt in an anchor folder (not yet in the bundle): found, and Codex does not read it', async () => {
    const anchors = makeTempDir('ca-anchors');
    const der = new X509Certificate(company.pem).raw;
    fs.writeFileSync(path.join(anchors, 'corp.crt'), der);
    write(anchors, 'readme.txt', 'not a certificate');
    const r = await search(isolated({ anchorDirs: [anchors] }));
    assert.equal(r.proven?.sources[0]?.kind, 'os-anchor');
    assert.equal(r.proven?.sources[0]?.codexReads, false);
    assert.equal(r.proven?.sources[0]?.path, path.join(anchors, 'corp.crt'));
    assert.equal(
      en(describeSource(r.proven!.sources[0]!)),
      `the OS anchor folder ${anchors}: ${path.join(anchors, 'corp.crt')}`,
    );
    assert.match(
      enAll(r.report.searched).join('\n'),
      new RegExp(`the OS anchor folder \\(${anchors.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\): 1 certificate$`, 'm'),
    );
  });

  test('the OS bundle: the first that exists is read, and Codex reads it', async () => {
    const dir = makeTempDir('ca-bundle');
    const bundle = write(dir, 'ca-certificates.crt', other.pem + company.pem);
    const r = await search(isolated({ linuxBundles: [path.join(dir, 'absent.crt'), bundle] }));
    assert.equal(r.proven?.sources[0]?.kind, 'os-bundle');
    assert.equal(r.proven?.sources[0]?.codexReads, true);
  });

  test('macOS keychains through `security find-certificate -a -p` (recorded output)', async () => {
    const calls: string[][] = [];
    const run = async (cmd: string, args: string[]) => {
      calls.push([cmd, ...args]);
      return args.at(-1)!.includes('System')
        ? { stdout: recordedSecurityOutput([other.pem, company.pem]), stderr: '', code: 0 }
        : { stdout: '', stderr: '', code: 44 };
    };
    const home = makeTempDir('ca-home');
    const r = await search(
      isolated({ platform: 'darwin', homedir: home, linuxBundles: undefined, anchorDirs: undefined, run }),
    );
    assert.deepEqual(calls[0], ['security', 'find-certificate', '-a', '-p', '/Library/Keychains/System.keychain']);
    assert.deepEqual(calls[1], [
      'security',
      'find-certificate',
      '-a',
      '-p',
      path.join(home, 'Library/Keychains/login.keychain-db'),
    ]);
    assert.equal(r.proven?.sources[0]?.kind, 'keychain');
    assert.equal(r.proven?.sources[0]?.codexReads, true);
    assert.match(enAll(r.report.searched).join('\n'), /login\.keychain-db\): `security` could not read it/);
  });

  test('the Windows certificate store through PowerShell (recorded output, CRLF, 76 columns)', async () => {
    let script = '';
    const run = async (cmd: string, args: string[]) => {
      assert.equal(cmd, 'powershell.exe');
      script = args.at(-1)!;
      return { stdout: recordedPowerShellOutput([other.pem, company.pem]), stderr: '', code: 0 };
    };
    const r = await search(isolated({ platform: 'win32', linuxBundles: undefined, anchorDirs: undefined, run }));
    assert.equal(script, WINDOWS_STORE_SCRIPT);
    assert.equal(r.proven?.sources[0]?.kind, 'windows-store');
    assert.match(enAll(r.report.searched).join('\n'), /the Windows certificate store: 2 certificates/);
  });

  test('one CA in several places is one candidate with every place listed, user files first', async () => {
    const dir = makeTempDir('ca-many');
    const file = write(dir, 'corp.pem', company.pem);
    const bundle = write(dir, 'bundle.crt', company.pem);
    const r = await search(isolated({ env: { NODE_EXTRA_CA_CERTS: file }, linuxBundles: [bundle] }));
    assert.deepEqual(
      r.proven?.sources.map((s) => s.kind),
      ['env', 'os-bundle'],
    );
  });
});

describe('proof', () => {
  test('a CA with the right name but another key is rejected, never proven', async () => {
    const dir = makeTempDir('ca-impostor');
    const file = write(dir, 'fake.pem', impostor.pem);
    const r = await search(isolated({ env: { NODE_EXTRA_CA_CERTS: file } }));
    assert.equal(r.proven, null);
    assert.match(
      enAll(r.report.rejected).join('\n'),
      /^"CN=Example Corp Inspection CA, .*" in NODE_EXTRA_CA_CERTS \(.*\) has the right name but did not sign the presented certificate \(another key\): not this CA\.$/,
    );
    assert.equal(r.report.lookingFor, 'CN=Example Corp Inspection CA, O=Codex Connection Doctor Tests');
  });

  test('the presented chain is never trusted: a CA sent by the server is not a candidate', async () => {
    const presented = [new X509Certificate(leaf.pem), new X509Certificate(company.pem)];
    const r = await findCompanyCa({ chain: presented, collected: await collectCaCertificates(isolated()) });
    assert.equal(r.proven, null);
    assert.equal(r.report.presented.length, 2);
  });

  test('a candidate the TLS handshake does not accept is rejected with its reason', async () => {
    const dir = makeTempDir('ca-env');
    const file = write(dir, 'c.pem', company.pem);
    const r = await search(isolated({ env: { NODE_EXTRA_CA_CERTS: file } }), {
      verify: async () => ({ ok: false, detail: 'ERR_TLS_CERT_ALTNAME_INVALID' }),
    });
    assert.equal(r.proven, null);
    assert.match(
      enAll(r.report.rejected).join('\n'),
      /a TLS handshake trusting it still failed: ERR_TLS_CERT_ALTNAME_INVALID$/,
    );
  });

  test('a certificate that signed the leaf but is not a CA is rejected', async () => {
    const notCa = makeCa({ cn: 'Not A CA', ca: false });
    const l = makeLeaf(notCa);
    const dir = makeTempDir('ca-env');
    const file = write(dir, 'c.pem', notCa.pem);
    const r = await findCompanyCa({
      chain: [new X509Certificate(l.pem)],
      collected: await collectCaCertificates(isolated({ env: { NODE_EXTRA_CA_CERTS: file } })),
    });
    assert.equal(r.proven, null);
    assert.match(enAll(r.report.rejected).join('\n'), /not marked as a CA/);
  });
});

describe('what Codex refuses anyway', () => {
  test('a 1024-bit RSA CA that signs with SHA-1', async () => {
    const weak = makeCa({ cn: 'Old Corp CA', key: 'rsa:1024', md: 'sha1' });
    const weakLeaf = makeLeaf(weak, { md: 'sha1' });
    const dir = makeTempDir('ca-weak');
    const file = write(dir, 'old.pem', weak.pem);
    const r = await findCompanyCa({
      chain: [new X509Certificate(weakLeaf.pem)],
      collected: await collectCaCertificates(isolated({ env: { NODE_EXTRA_CA_CERTS: file } })),
    });
    assert.ok(r.proven, 'the weak CA still completes the chain');
    const all = enAll(r.report.refusals).join('\n');
    assert.match(all, /server certificate .* is signed with sha1WithRSAEncryption/);
    assert.match(all, /1024-bit RSA key/);
    assert.match(
      r.report.refusals.map(zh).join('\n'),
      /^服务器证书“.*”使用 sha1WithRSAEncryption 签名：Codex 的 TLS 库（rustls）不接受 SHA-1 或 MD5 签名。$/m,
    );
    // A self-signed root's own SHA-1 signature is not held against it (a trust anchor's signature is not checked).
    assert.doesNotMatch(enAll(caRefusals(new X509Certificate(weak.pem))).join('\n'), /signed with/);
  });

  test('a 2048-bit RSA CA with SHA-256 is fine', () => {
    const ok = makeCa({ cn: 'Good RSA CA', key: 'rsa:2048' });
    assert.deepEqual(caRefusals(new X509Certificate(ok.pem)), []);
  });

  test('expired and not-yet-valid', () => {
    const ca = new X509Certificate(company.pem);
    assert.match(
      enAll(refusalReasons(ca, 'ca', new Date('2100-01-01'))).join(' '),
      /^the CA ".*" expired on \d{4}-\d\d-\d\d\.$/,
    );
    assert.match(enAll(refusalReasons(ca, 'ca', new Date('2000-01-01'))).join(' '), /not valid before/);
  });
});
