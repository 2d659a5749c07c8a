// trust-ca end to end with real components: mitmproxy (Debian's) re-signing every site with its own
// CA, upstream to a squid egress, named in Codex's .env; the lab API over TLS; the real Codex as the
// judge before, after `fix trust-ca --yes` and after `revert --last`.
// The mitmproxy CA is found through NODE_EXTRA_CA_CERTS (the command line, as a user runs it) and
// through an OS anchor folder (an injected path, through the same workflow the app uses).
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { setupScenario, type Scenario } from '../lab/scenarios.ts';
import { runCodex, type CodexRun } from '../lab/run-codex.ts';
import { makeTempDir } from '../lab/temp-dirs.ts';
import { LAB_API_KEY } from '../lab/fake-responses-api.ts';
import { cli, journalText } from './cli-run.ts';
import { runDiagnosis } from '../../electron/core/diagnosis/diagnose.ts';
import { applyAndVerify, prepareFix, revert } from '../../electron/core/workflow.ts';
import { CA_BUNDLE_NAME } from '../../electron/core/fixes/index.ts';
import { en, enAll } from '../i18n.ts';

const open: Scenario[] = [];
after(async () => {
  for (const s of open) await s.stop();
});

/** The files the fix may touch, with bytes and mode (Codex itself writes its caches, sessions and skills there too). */
function snapshot(home: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of ['.env', 'config.toml', 'auth.json', CA_BUNDLE_NAME]) {
    const file = path.join(home, name);
    if (existsSync(file))
      out[name] = `${(statSync(file).mode & 0o777).toString(8)}:${readFileSync(file).toString('base64')}`;
  }
  return out;
}

const said = (run: CodexRun) =>
  `codex: answered=${run.answered} reconnecting=${run.reconnectingLines} fellBack=${run.fellBack} timedOut=${run.timedOut} in ${run.durationMs} ms\n${run.stderr.slice(-1200)}`;

/** Codex never answers while it does not trust the inspecting proxy's CA. */
async function assertNeverAnswers(s: Scenario, when: string): Promise<CodexRun> {
  const run = await runCodex({ codexHome: s.codexHome, env: s.env, timeoutMs: 15_000 });
  assert.ok(!run.answered, `${when}: ${said(run)}`);
  return run;
}

async function assertAnswersAtOnce(s: Scenario, when: string): Promise<CodexRun> {
  const run = await runCodex({ codexHome: s.codexHome, env: s.env, timeoutMs: 45_000 });
  assert.ok(run.answered && run.reconnectingLines === 0 && !run.fellBack, `${when}: ${said(run)}`);
  return run;
}

const fingerprintOf = (pem: string) => new X509Certificate(pem).fingerprint256;

describe('trust-ca with a TLS-inspecting proxy (mitmproxy → squid) and the real Codex', () => {
  test(
    'CA in NODE_EXTRA_CA_CERTS: diagnose names it, fix trust-ca --yes makes Codex answer, revert --last restores every byte',
    { timeout: 240_000 },
    async () => {
      const s = await setupScenario('tls-inspecting-proxy');
      open.push(s);
      const mitm = s.mitm!;
      const env = {
        ...s.env,
        HOME: makeTempDir('ccd-user-home'),
        CODEX_CONNECTION_DOCTOR_HOME: makeTempDir('ccd-doctor-home'),
      };
      const homeBefore = snapshot(s.codexHome);

      const before = await assertNeverAnswers(s, 'before the fix');

      const diag = await cli(['diagnose', '--codex-home', s.codexHome, '--no-codex-doctor', '--json'], env);
      const report = JSON.parse(diag.stdout);
      const r = report.recommendation;
      // --json carries each message's text beside its id.
      const reasons = (r.reasons as { text: string }[]).map((m) => m.text).join('\n');
      assert.equal(r.fix, 'trust-ca', `${r.rule}: ${r.headline.text}\n${reasons}`);
      assert.equal(r.rule, 'R10-untrusted-certificate');
      assert.match(r.headline.text, /"CN=mitmproxy, O=mitmproxy"/);
      assert.match(
        r.headline.text,
        new RegExp(`NODE_EXTRA_CA_CERTS \\(${mitm.caCertPath.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\)`),
      );
      assert.match(reasons, new RegExp(fingerprintOf(mitm.caCert)));
      assert.equal(report.schemaVersion, 3);
      assert.equal(report.trust.proven.ca.fingerprint256, fingerprintOf(mitm.caCert));
      assert.equal(report.trust.presented[0].issuer, 'CN=mitmproxy, O=mitmproxy');
      // The report describes certificates; it never carries their bytes.
      assert.doesNotMatch(diag.stdout, /BEGIN CERTIFICATE|MII[A-Za-z0-9+/]{20}/);
      const tlsProbe = report.probes.find((p: { phase: string; data?: { tls?: unknown } }) => p.data?.tls);
      assert.ok(tlsProbe?.data.tls.certificates[0].signatureAlgorithm, JSON.stringify(tlsProbe?.data.tls));
      assert.ok(!diag.stdout.includes(LAB_API_KEY));

      const text = await cli(['diagnose', '--codex-home', s.codexHome, '--no-codex-doctor'], env);
      assert.match(text.stdout, /Preview the change: .* fix trust-ca /);

      const dry = await cli(['fix', 'trust-ca', '--codex-home', s.codexHome, '--dry-run'], env);
      assert.equal(dry.code, 0, dry.stderr);
      assert.match(dry.stdout, /\+SSL_CERT_FILE=.*codex-connection-doctor-ca-bundle\.pem/);
      assert.match(dry.stdout, /CA: +CN=mitmproxy, O=mitmproxy/);
      assert.match(dry.stdout, /plus \d+ public roots/);
      assert.doesNotMatch(dry.stdout, /BEGIN CERTIFICATE/);
      assert.deepEqual(snapshot(s.codexHome), homeBefore, 'a dry run writes nothing');

      const fixed = await cli(['fix', 'trust-ca', '--codex-home', s.codexHome, '--yes'], env);
      assert.equal(fixed.code, 0, fixed.stdout + fixed.stderr);
      assert.match(fixed.stdout, /Applied as change/);
      assert.match(fixed.stdout, /After the fix: +No fix needed/);
      const bundlePath = path.join(s.codexHome, CA_BUNDLE_NAME);
      assert.ok(existsSync(bundlePath));
      assert.equal(statSync(bundlePath).mode & 0o777, 0o644);
      assert.match(
        readFileSync(path.join(s.codexHome, '.env'), 'utf8'),
        new RegExp(`^SSL_CERT_FILE=${bundlePath.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`, 'm'),
      );
      assert.ok(!journalText(env.CODEX_CONNECTION_DOCTOR_HOME).includes(LAB_API_KEY));

      const fixedRun = await assertAnswersAtOnce(s, 'after fix trust-ca');

      const reverted = await cli(['revert', '--last'], env);
      assert.equal(reverted.code, 0, reverted.stderr);
      assert.deepEqual(snapshot(s.codexHome), homeBefore, 'every byte (and mode) restored');
      assert.ok(!existsSync(bundlePath), 'the bundle is gone');

      const afterRevert = await assertNeverAnswers(s, 'after revert');
      console.log(
        `[trust-ca/NODE_EXTRA_CA_CERTS] codex before: no answer in ${before.durationMs} ms; after fix: answered in ${fixedRun.durationMs} ms, ` +
          `${fixedRun.reconnectingLines} Reconnecting; after revert: no answer in ${afterRevert.durationMs} ms`,
      );
    },
  );

  test(
    'CA in an OS anchor folder (injected path) and nowhere else: found, trusted, reverted',
    { timeout: 240_000 },
    async () => {
      const s = await setupScenario('tls-inspecting-proxy');
      open.push(s);
      const { NODE_EXTRA_CA_CERTS: _dropped, ...env } = s.env;
      s.env = env;
      const anchors = makeTempDir('os-anchors');
      copyFileSync(s.mitm!.caCertPath, path.join(anchors, 'corp-inspection.crt'));
      const userHome = makeTempDir('ccd-user-home');
      const journalDir = path.join(makeTempDir('ccd-doctor-home'), 'journal');
      const caSources = { anchorDirs: [anchors], npmrcFiles: [], pipConfigFiles: [] };
      const base = {
        codexHome: s.codexHome,
        profile: null,
        env: { PATH: process.env.PATH ?? '', ...env },
        homedir: userHome,
        journalDir,
        timeoutMs: 2500,
      };
      const homeBefore = snapshot(s.codexHome);

      // Without the anchor folder, the search finds nothing: the verdict gives the --ca-file step.
      const nothing = await runDiagnosis({
        ...base,
        codexDoctor: false,
        caSources: { anchorDirs: [], npmrcFiles: [], pipConfigFiles: [] },
      });
      assert.equal(nothing.recommendation.rule, 'R10-untrusted-certificate');
      assert.equal(nothing.recommendation.fix, 'no-network');
      assert.match(enAll(nothing.recommendation.reasons).join('\n'), /fix trust-ca --ca-file PATH/);
      assert.equal(nothing.trust?.proven, null);

      const report = await runDiagnosis({ ...base, codexDoctor: false, caSources });
      assert.equal(report.recommendation.fix, 'trust-ca', en(report.recommendation.headline));
      assert.match(en(report.recommendation.headline), /the OS anchor folder/);
      assert.equal(report.trust?.proven?.sources[0]?.kind, 'os-anchor');
      assert.equal(report.trust?.proven?.sources[0]?.codexReads, false);

      const planned = await prepareFix('trust-ca', { ...base, caSources });
      assert.equal(
        en(planned.plan.caBundle!.foundIn[0]!),
        `the OS anchor folder ${anchors}: ${path.join(anchors, 'corp-inspection.crt')}`,
      );
      const { entry, after } = await applyAndVerify(planned, base);
      assert.equal(after.recommendation.fix, 'none', en(after.recommendation.headline));
      await assertAnswersAtOnce(s, 'after trust-ca from the anchor folder');

      const outcome = await revert(entry.id, { env: base.env, journalDir, homedir: userHome });
      assert.equal(outcome.status, 'reverted');
      assert.deepEqual(snapshot(s.codexHome), homeBefore);
      assert.ok(!readdirSync(s.codexHome).includes(CA_BUNDLE_NAME));
      await assertNeverAnswers(s, 'after revert');
    },
  );

  test(
    'CA in the OS bundle Codex reads: no trust-ca; the route is checked again trusting it, as Codex does',
    { timeout: 60_000 },
    async () => {
      const s = await setupScenario('tls-inspecting-proxy');
      open.push(s);
      const { NODE_EXTRA_CA_CERTS: _dropped, ...env } = s.env;
      const bundleDir = makeTempDir('os-bundle');
      const bundle = path.join(bundleDir, 'ca-certificates.crt');
      copyFileSync(s.mitm!.caCertPath, bundle);
      const report = await runDiagnosis({
        codexHome: s.codexHome,
        env: { PATH: process.env.PATH ?? '', ...env },
        homedir: makeTempDir('ccd-user-home'),
        codexDoctor: false,
        timeoutMs: 2500,
        caSources: { linuxBundles: [bundle], anchorDirs: [], npmrcFiles: [], pipConfigFiles: [] },
      });
      assert.equal(
        report.recommendation.fix,
        'none',
        `${report.recommendation.rule}: ${en(report.recommendation.headline)}`,
      );
      const finding = report.findings.find((f) => f.id === 'tls.ca-in-os-store');
      assert.ok(finding, 'the CA in the OS bundle is a finding');
      assert.match(en(finding.summary), /Codex trusts it there/);
      assert.equal(report.trust?.proven?.sources[0]?.kind, 'os-bundle');
    },
  );

  test(
    '--ca-file: a wrong file is refused with what to do and nothing is written; the right one is checked and applied',
    { timeout: 120_000 },
    async () => {
      const s = await setupScenario('tls-inspecting-proxy');
      open.push(s);
      const { NODE_EXTRA_CA_CERTS: _dropped, ...rest } = s.env;
      const env = {
        ...rest,
        HOME: makeTempDir('ccd-user-home'),
        CODEX_CONNECTION_DOCTOR_HOME: makeTempDir('ccd-doctor-home'),
      };
      const homeBefore = snapshot(s.codexHome);
      const wrong = makeTempDir('wrong-ca');
      const { makeCa } = await import('../lab/test-certs.ts');
      const other = makeCa({ cn: 'mitmproxy' });
      const wrongFile = path.join(wrong, 'ca.pem');
      copyFileSync(other.path, wrongFile);
      const refused = await cli(['fix', 'trust-ca', '--codex-home', s.codexHome, '--ca-file', wrongFile, '--yes'], env);
      assert.equal(refused.code, 1);
      assert.match(refused.stderr, /no CA on this machine completes the chain/);
      assert.match(refused.stderr, /nothing was written/);
      assert.deepEqual(snapshot(s.codexHome), homeBefore);

      const missing = await cli(
        ['fix', 'trust-ca', '--codex-home', s.codexHome, '--ca-file', path.join(wrong, 'nope.pem'), '--yes'],
        env,
      );
      assert.equal(missing.code, 1);
      assert.match(missing.stderr, /does not exist: check the path/);

      const ok = await cli(
        ['fix', 'trust-ca', '--codex-home', s.codexHome, '--ca-file', s.mitm!.caCertPath, '--yes'],
        env,
      );
      assert.equal(ok.code, 0, ok.stdout + ok.stderr);
      assert.match(ok.stdout, /found in: +the file you named/);
      const reverted = await cli(['revert', '--last'], env);
      assert.equal(reverted.code, 0, reverted.stderr);
      assert.deepEqual(snapshot(s.codexHome), homeBefore);
    },
  );
});
