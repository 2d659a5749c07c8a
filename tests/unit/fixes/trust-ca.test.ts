// trust-ca on a temp CODEX_HOME: the preview (the .env diff and a described bundle, never the PEM),
// the refusals that write nothing, and apply → revert byte for byte with the bundle gone.
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import tls from 'node:tls';
import { describe, test } from 'node:test';
import { applyPlan, FixError, planFix, revertChange } from '../../../electron/core/fixes/index.ts';
import { CA_BUNDLE_NAME, bundleText } from '../../../electron/core/fixes/trust-ca.ts';
import { findCompanyCa, type CaSearchResult } from '../../../electron/core/trust/find-ca.ts';
import type { CodexSetup } from '../../../shared/types.ts';
import { makeCa, makeLeaf } from '../../lab/test-certs.ts';
import { assertPlanRenders, snapshot, tempDir } from './helpers.ts';
import { msg } from '../../../shared/i18n/message.ts';
import { enAll } from '../../i18n.ts';

const company = makeCa({ cn: 'Example Corp Inspection CA' });
const leaf = makeLeaf(company);

function setupOf(home: string, caFile: CodexSetup['caFile'] = null): CodexSetup {
  return {
    home,
    homeSource: 'flag',
    homeExists: true,
    profile: null,
    profiles: [],
    configFiles: [],
    provider: null,
    authMode: 'none',
    proxyVars: [],
    effectiveProxy: null,
    noProxy: null,
    caFile,
    installs: [],
    credential: { status: 'none', source: msg('setup.credential.no-auth-json') },
    findings: [],
  };
}

async function searchWith(pem: string, leafPem = leaf.pem): Promise<CaSearchResult> {
  const cert = new X509Certificate(pem);
  return findCompanyCa({
    chain: [new X509Certificate(leafPem)],
    collected: {
      certificates: [
        {
          cert,
          pem,
          source: {
            kind: 'env',
            label: msg('diagnosis.ca-source.variable', { variable: 'NODE_EXTRA_CA_CERTS' }),
            path: '/etc/corp/ca.pem',
            codexReads: false,
          },
        },
      ],
      searched: [],
    },
  });
}

const journal = () => path.join(tempDir('journal'), 'journal');

describe('trust-ca', () => {
  test('preview: a minimal .env edit and a described bundle; apply; revert restores every byte', async () => {
    const home = tempDir('trust-home');
    const envBefore = '# my settings\r\nHTTPS_PROXY=http://127.0.0.1:8080\r\nexport FOO="bar"\r\n';
    fs.writeFileSync(path.join(home, '.env'), envBefore, { mode: 0o640 });
    fs.writeFileSync(path.join(home, 'config.toml'), 'model = "x"\n');
    const start = snapshot(home);
    const planned = await planFix('trust-ca', {
      codexHome: home,
      profile: null,
      setup: setupOf(home),
      caSearch: await searchWith(company.pem),
    });
    const plan = planned.plan;
    assert.equal(plan.fix, 'trust-ca');
    assert.equal(plan.caBundle?.path, `$CODEX_HOME/${CA_BUNDLE_NAME}`);
    assert.equal(plan.caBundle?.ca.subject, 'CN=Example Corp Inspection CA, O=Codex Connection Doctor Tests');
    assert.equal(plan.caBundle?.publicRoots, tls.rootCertificates.length);
    assert.deepEqual(enAll(plan.caBundle!.foundIn), ['NODE_EXTRA_CA_CERTS (/etc/corp/ca.pem)']);
    const text = JSON.stringify(plan);
    assert.doesNotMatch(text, /BEGIN CERTIFICATE/, 'the preview never shows PEM');
    const envDiff = plan.diffs.find((d) => d.path === '$CODEX_HOME/.env')!;
    assert.equal(envDiff.added, 1);
    assert.equal(envDiff.removed, 0);
    assert.deepEqual(
      envDiff.hunks
        .flatMap((h) => h.lines)
        .filter((l) => l.kind === 'add')
        .map((l) => l.text),
      [`SSL_CERT_FILE=${path.join(home, CA_BUNDLE_NAME)}`],
    );
    const bundleDiff = plan.diffs.find((d) => d.path.endsWith(CA_BUNDLE_NAME))!;
    assert.equal(bundleDiff.action, 'create');
    assert.deepEqual(bundleDiff.hunks, [], 'no PEM lines');
    assert.match(bundleDiff.summary!.join('\n'), /SHA-256: +[0-9A-F:]+/);
    assert.match(bundleDiff.summary!.join('\n'), /plus \d+ public roots/);
    assert.match(enAll(plan.sideEffects).join('\n'), /valid until \d{4}-\d{2}-\d{2}/);
    assertPlanRenders(plan);

    const jd = journal();
    const entry = await applyPlan(planned, { journalDir: jd });
    const bundlePath = path.join(home, CA_BUNDLE_NAME);
    const bundle = fs.readFileSync(bundlePath, 'utf8');
    assert.equal(fs.statSync(bundlePath).mode & 0o777, 0o644);
    assert.equal(
      new X509Certificate(bundle).fingerprint256,
      new X509Certificate(company.pem).fingerprint256,
      'the company CA comes first',
    );
    assert.equal((bundle.match(/BEGIN CERTIFICATE/g) ?? []).length, tls.rootCertificates.length + 1);
    const envAfter = fs.readFileSync(path.join(home, '.env'), 'utf8');
    assert.equal(envAfter, `${envBefore}SSL_CERT_FILE=${bundlePath}\r\n`);
    assert.equal(fs.statSync(path.join(home, '.env')).mode & 0o777, 0o640);

    const outcome = await revertChange(entry.id, { journalDir: jd });
    assert.equal(outcome.status, 'reverted');
    assert.deepEqual(snapshot(home), start);
    assert.equal(fs.existsSync(bundlePath), false);
  });

  test('an SSL_CERT_FILE line already in .env is replaced in place, and its certificates stay in the bundle', async () => {
    const home = tempDir('trust-home');
    const other = makeCa({ cn: 'Other Internal CA' });
    const otherPath = path.join(tempDir('other-ca'), 'other.pem');
    fs.writeFileSync(otherPath, other.pem);
    fs.writeFileSync(path.join(home, '.env'), `A=1\nSSL_CERT_FILE=${otherPath}\nB=2\n`);
    const planned = await planFix('trust-ca', {
      codexHome: home,
      profile: null,
      setup: setupOf(home, { key: 'SSL_CERT_FILE', path: otherPath, source: 'dotenv' }),
      caSearch: await searchWith(company.pem),
    });
    const envDiff = planned.plan.diffs.find((d) => d.path === '$CODEX_HOME/.env')!;
    assert.equal(envDiff.added, 1);
    assert.equal(envDiff.removed, 1);
    const bundle = planned.edits.find((e) => e.path.endsWith(CA_BUNDLE_NAME))!.after!.toString();
    assert.ok(bundle.includes(other.pem.trim().split('\n')[1]!), 'the CA SSL_CERT_FILE named before is kept');
  });

  test('no candidate, a weak chain, CODEX_CA_CERTIFICATE: each refused with what to do, nothing written', async () => {
    const home = tempDir('trust-home');
    fs.writeFileSync(path.join(home, '.env'), 'A=1\n');
    const start = snapshot(home);
    const none = await findCompanyCa({
      chain: [new X509Certificate(leaf.pem)],
      collected: { certificates: [], searched: [msg('diagnosis.ca-searched.count', { source: 'x', count: 0 })] },
    });
    await assert.rejects(
      planFix('trust-ca', { codexHome: home, profile: null, setup: setupOf(home), caSearch: none }),
      (e: unknown) => {
        assert.ok(e instanceof FixError && e.code === 'not-applicable');
        assert.match(e.message, /--ca-file PATH/);
        assert.match(e.message, /nothing was written/);
        return true;
      },
    );
    const weak = makeCa({ cn: 'Old Corp CA', key: 'rsa:1024', md: 'sha1' });
    const weakSearch = await searchWith(weak.pem, makeLeaf(weak, { md: 'sha1' }).pem);
    await assert.rejects(
      planFix('trust-ca', { codexHome: home, profile: null, setup: setupOf(home), caSearch: weakSearch }),
      (e: unknown) => {
        assert.ok(e instanceof FixError);
        assert.match(e.message, /1024-bit RSA key/);
        assert.match(e.message, /No setting changes that/);
        return true;
      },
    );
    await assert.rejects(
      planFix('trust-ca', {
        codexHome: home,
        profile: null,
        setup: setupOf(home, { key: 'CODEX_CA_CERTIFICATE', path: '/etc/x.pem', source: 'process' }),
        caSearch: await searchWith(company.pem),
      }),
      /CODEX_CA_CERTIFICATE is set in your environment/,
    );
    assert.deepEqual(snapshot(home), start);
  });

  test('the bundle holds no duplicate and says what it is', () => {
    const b = bundleText(
      company.pem,
      'CN=x (SHA-256 AB)',
      [company.pem],
      [company.pem, ...tls.rootCertificates.slice(0, 3)],
    );
    assert.equal(b.publicRoots, 3);
    assert.equal(b.kept, 0);
    assert.equal((b.text.match(/BEGIN CERTIFICATE/g) ?? []).length, 4);
    assert.match(b.text, /^# Written by Codex Connection Doctor/);
  });
});
