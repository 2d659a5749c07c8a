// The browser mode as shipped: `codex-connection-doctor app --no-open` run as a child process, its
// printed URL opened in Chromium through a whole diagnosis + fix + revert; and every way a request
// that is not the user's page is refused (no or wrong token, a used token, a foreign Host, a foreign
// Origin, another page on another port, a non-loopback bind) with CODEX_HOME left byte for byte.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createDoctorService } from '../../electron/core/service.ts';
import {
  NotLoopbackError,
  PAGE_KEY_HEADER,
  PAGE_KEY_META,
  startBrowserServer,
  type BrowserServer,
} from '../../electron/web/server.ts';
import { PROXY_PORTS_ENV } from '../../electron/app-options.ts';
import { makeTempDir } from '../lab/temp-dirs.ts';
import { setupScenario, type Scenario } from '../lab/scenarios.ts';
import { wsRefusedFlow } from './flows.ts';
import { en } from '../i18n.ts';
import {
  CLIENT_SCRIPT_FILE,
  RENDERER_DIR,
  ROOT,
  ensureRendererBuilt,
  labEnv,
  openBrowserAt,
  snapshotDir,
  type BrowserPage,
} from './harness.ts';

const cleanups: (() => Promise<unknown>)[] = [];
after(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
});

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A raw HTTP request, so that Host, Origin and Cookie are exactly what a test says. */
function request(
  port: number,
  opts: { method?: string; path?: string; headers?: Record<string, string>; body?: string },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: opts.method ?? 'GET',
        path: opts.path ?? '/',
        headers: opts.headers ?? {},
        setHost: !opts.headers?.Host,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

interface Lab {
  scenario: Scenario;
  server: BrowserServer;
  planId: string;
  before: Map<string, string>;
}

/** ws-refused with a server over it and a Fix #1 plan ready to apply: the worst case for an intruder who knows its id. */
async function labWithPlan(): Promise<Lab> {
  ensureRendererBuilt();
  const scenario = await setupScenario('ws-refused');
  cleanups.push(() => scenario.stop());
  const doctorHome = makeTempDir('e2e-doctor-home');
  const service = createDoctorService({
    codexHome: scenario.codexHome,
    env: labEnv(scenario, doctorHome),
    journalDir: path.join(doctorHome, 'journal'),
    extraProxyPorts: scenario.extraProxyPorts,
  });
  const plan = await service.previewFix({ fix: 'disable-websockets' });
  const server = await startBrowserServer({ service, rendererDir: RENDERER_DIR, clientScriptFile: CLIENT_SCRIPT_FILE });
  cleanups.push(() => server.close());
  return { scenario, server, planId: plan.planId, before: snapshotDir(scenario.codexHome) };
}

/** Trades the URL's token for the session cookie and loads the page once for its key, as the browser does. */
async function login(server: BrowserServer): Promise<{ cookie: string; key: string }> {
  const answer = await request(server.port, { path: new URL(server.url).pathname + new URL(server.url).search });
  assert.equal(answer.status, 303);
  const setCookie = answer.headers['set-cookie']?.[0] ?? '';
  assert.match(setCookie, /HttpOnly/);
  assert.match(setCookie, /SameSite=Strict/);
  const cookie = setCookie.split(';')[0]!;
  const page = await request(server.port, { headers: { Cookie: cookie } });
  const key = new RegExp(`<meta name="${PAGE_KEY_META}" content="([\\w-]+)"`).exec(page.body)?.[1];
  assert.ok(key, 'the first page load carries the page key');
  return { cookie, key };
}

const apply = (lab: Lab, headers: Record<string, string>) =>
  request(lab.server.port, {
    method: 'POST',
    path: '/api/fix%3Aapply',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify({ planId: lab.planId }),
  });

function assertNoCors(answer: Answer): void {
  for (const name of Object.keys(answer.headers))
    assert.ok(!name.startsWith('access-control-'), `a CORS header: ${name}`);
}

describe('browser mode: refused requests write nothing', { concurrency: false }, () => {
  test('no token, a wrong token, a used token: no page, no session, no API', async () => {
    const lab = await labWithPlan();
    const { port } = lab.server;
    const origin = { Origin: lab.server.origin };
    assert.equal((await request(port, {})).status, 403, 'the page needs the token');
    assert.equal((await request(port, { path: '/assets/' })).status, 403);
    assert.equal((await request(port, { path: '/?token=wrong' })).status, 403, 'a wrong token');
    assert.equal(
      (await request(port, { path: `/?token=${'A'.repeat(43)}` })).status,
      403,
      'a wrong token of the right length',
    );
    assert.equal((await apply(lab, origin)).status, 403, 'the API without a cookie');
    assert.equal(
      (await apply(lab, { ...origin, Cookie: `ccd-session-${port}=forged` })).status,
      403,
      'a forged cookie',
    );
    const { cookie, key } = await login(lab.server);
    const again = await request(port, { path: new URL(lab.server.url).pathname + new URL(lab.server.url).search });
    assert.equal(again.status, 403, 'the token works once');
    assert.equal(again.headers['set-cookie'], undefined);
    const page = await request(port, { headers: { Cookie: cookie } });
    assert.equal(page.status, 200, 'the cookie opens the page');
    assert.match(String(page.headers['content-security-policy']), /script-src 'self'; .*connect-src 'self'/);
    assert.match(page.body, /<script src="\.\/doctor-client\.js"><\/script>/);
    assert.match(page.body, /connect-src 'self'/);
    assert.doesNotMatch(page.body, /connect-src 'none'/);
    assert.doesNotMatch(page.body, new RegExp(PAGE_KEY_META), 'the page key is given once');
    assert.equal(
      (await apply(lab, { ...origin, Cookie: cookie })).status,
      403,
      'the cookie without the page key (a cookie leaked to another port)',
    );
    assert.equal(
      (
        await apply(lab, {
          ...origin,
          Cookie: cookie,
          [PAGE_KEY_HEADER]: key.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')),
        })
      ).status,
      403,
      'a wrong page key',
    );
    assert.deepEqual(snapshotDir(lab.scenario.codexHome), lab.before);
  });

  test('a foreign Host (DNS rebinding), a foreign or missing Origin, a cross-site fetch: refused, no CORS', async () => {
    const lab = await labWithPlan();
    const { port } = lab.server;
    const { cookie, key } = await login(lab.server);
    const ok = { Cookie: cookie, Origin: lab.server.origin, [PAGE_KEY_HEADER]: key };
    for (const host of ['evil.example', `evil.example:${port}`, `127.0.0.1:${port + 1}`, `192.168.1.10:${port}`]) {
      const answer = await apply(lab, { ...ok, Host: host });
      assert.equal(answer.status, 403, `Host ${host}`);
      assert.equal(
        (await request(port, { headers: { Cookie: cookie, Host: host } })).status,
        403,
        `the page for Host ${host}`,
      );
    }
    for (const origin of ['http://evil.example', `http://127.0.0.1:${port + 1}`, `https://127.0.0.1:${port}`, 'null']) {
      const answer = await apply(lab, { ...ok, Origin: origin });
      assert.equal(answer.status, 403, `Origin ${origin}`);
      assertNoCors(answer);
    }
    assert.equal((await apply(lab, { Cookie: cookie, [PAGE_KEY_HEADER]: key })).status, 403, 'no Origin');
    assert.equal((await apply(lab, { ...ok, 'Sec-Fetch-Site': 'same-site' })).status, 403, 'Sec-Fetch-Site same-site');
    const events = await request(port, {
      method: 'POST',
      path: '/api/events',
      headers: { ...ok, Origin: 'http://evil.example', 'Content-Type': 'application/json' },
      body: '{}',
    });
    assert.equal(events.status, 403, 'the event stream checks the Origin too');
    const textPlain = await request(port, {
      method: 'POST',
      path: '/api/fix%3Aapply',
      headers: { ...ok, 'Content-Type': 'text/plain' },
      body: JSON.stringify({ planId: lab.planId }),
    });
    assert.equal(textPlain.status, 415, 'a "simple" text/plain POST (no preflight) is refused');
    const preflight = await request(port, {
      method: 'OPTIONS',
      path: '/api/fix%3Aapply',
      headers: { Origin: 'http://evil.example', 'Access-Control-Request-Method': 'POST' },
    });
    assert.notEqual(preflight.status, 204);
    assertNoCors(preflight);
    assert.deepEqual(snapshotDir(lab.scenario.codexHome), lab.before, 'nothing in CODEX_HOME was written');

    // The same request from the right Host and Origin goes through: the refusals above were the checks, not the plan.
    const accepted = JSON.parse((await apply(lab, ok)).body) as { ok: boolean };
    assert.equal(accepted.ok, true);
    assert.notDeepEqual(snapshotDir(lab.scenario.codexHome), lab.before);
  });

  test('another page on another port of 127.0.0.1 (same site, so the cookie goes along) cannot call the API', async () => {
    const lab = await labWithPlan();
    const target = `${lab.server.origin}/api/fix%3Aapply`;
    // Every way a page can send a request without our help: CORS fetch, no-cors fetch, a form, a beacon, an EventSource.
    const evil = http.createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end(`<!doctype html><body><iframe name="sink"></iframe>
<form id="f" method="POST" action="${target}" enctype="text/plain" target="sink"><input name='{"planId":"${lab.planId}","x":"' value='"}'></form>
<script>
(async () => {
  const results = {};
  const body = JSON.stringify({ planId: ${JSON.stringify(lab.planId)} });
  try { const r = await fetch(${JSON.stringify(target)}, { method: 'POST', credentials: 'include', headers: { 'Content-Type': 'application/json' }, body }); results.cors = r.status; }
  catch (e) { results.cors = 'blocked'; }
  try { const r = await fetch(${JSON.stringify(target)}, { method: 'POST', mode: 'no-cors', credentials: 'include', body }); results.noCors = r.type; }
  catch (e) { results.noCors = 'blocked'; }
  results.beacon = navigator.sendBeacon(${JSON.stringify(target)}, new Blob([body], { type: 'text/plain' }));
  document.getElementById('f').submit();
  const es = new EventSource(${JSON.stringify(`${lab.server.origin}/api/events`)}, { withCredentials: true });
  results.events = await new Promise((resolve) => { es.onerror = () => resolve('error'); es.onmessage = () => resolve('message'); setTimeout(() => resolve('timeout'), 3000); });
  es.close();
  try { const r = await fetch(${JSON.stringify(lab.server.origin + '/')}, { credentials: 'include' }); results.page = await r.text(); }
  catch (e) { results.page = 'blocked'; }
  window.results = results;
})();
</script></body>`);
    });
    await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => evil.close(resolve)));
    const evilUrl = `http://127.0.0.1:${(evil.address() as { port: number }).port}/`;

    // The user opened the doctor first, so the browser holds its cookie; then visits the other page.
    const browser = await openBrowserAt(lab.server.url, { alsoAllow: [new URL(evilUrl).origin] });
    cleanups.push(() => browser.context.close());
    await browser.page.getByRole('heading', { level: 1 }).first().waitFor();
    const evilPage = await browser.context.newPage();
    await evilPage.goto(evilUrl);
    const results = (await evilPage
      .waitForFunction('window.results', undefined, { timeout: 15_000 })
      .then((h) => h.jsonValue())) as Record<string, unknown>;
    assert.equal(results.cors, 'blocked', 'a CORS fetch gets no answer it may read');
    assert.equal(results.events, 'error', 'no event stream');
    assert.equal(results.page, 'blocked', 'the page itself cannot be read either');
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.deepEqual(snapshotDir(lab.scenario.codexHome), lab.before, 'nothing in CODEX_HOME was written');

    // The doctor's own page, in the same browser, still can.
    const own = (await browser.page.evaluate(`window.doctor.applyFix({ planId: ${JSON.stringify(lab.planId)} })`)) as {
      ok: boolean;
    };
    assert.equal(own.ok, true, 'the plan was applicable all along');
  });

  test('only loopback addresses can be listened on', async () => {
    ensureRendererBuilt();
    const service = createDoctorService({
      codexHome: makeTempDir('e2e-codex-home'),
      env: { PATH: process.env.PATH ?? '' },
    });
    const external = Object.values(os.networkInterfaces())
      .flat()
      .find((i) => i && !i.internal)?.address;
    for (const host of ['0.0.0.0', '::', 'localhost', 'example.com', '192.168.1.10', ...(external ? [external] : [])]) {
      await assert.rejects(
        startBrowserServer({ service, rendererDir: RENDERER_DIR, clientScriptFile: CLIENT_SCRIPT_FILE, host }),
        NotLoopbackError,
        host,
      );
    }
  });

  test("the page answers trust-ca's file picker with the command to run; bad payloads get the IPC envelope", async () => {
    const lab = await labWithPlan();
    const { cookie, key } = await login(lab.server);
    const post = (channel: string, body: string) =>
      request(lab.server.port, {
        method: 'POST',
        path: `/api/${encodeURIComponent(channel)}`,
        headers: {
          Cookie: cookie,
          Origin: lab.server.origin,
          [PAGE_KEY_HEADER]: key,
          'Content-Type': 'application/json',
        },
        body,
      });
    const pick = JSON.parse((await post('fix:preview', JSON.stringify({ fix: 'trust-ca', pickCaFile: true }))).body);
    assert.equal(pick.ok, false);
    assert.match(en(pick.error.hint), /codex-connection-doctor fix trust-ca --ca-file PATH/);
    const notJson = await post('fix:apply', '{');
    assert.equal(notJson.status, 400);
    assert.equal(JSON.parse(notJson.body).ok, false);
    const path = JSON.parse((await post('fix:apply', JSON.stringify({ planId: '../../etc/passwd' }))).body);
    assert.equal(path.ok, false);
    assert.ok(path.error.message && path.error.hint);
    const unknown = JSON.parse((await post('shell:run', '{}')).body);
    assert.deepEqual(unknown.ok, false);
    const save = JSON.parse((await post('report:save', JSON.stringify({ format: 'markdown' }))).body);
    assert.equal(save.ok, false, 'main writes no file in browser mode: the page downloads it');
    assert.deepEqual(snapshotDir(lab.scenario.codexHome), lab.before);
  });

  test('the server stops when no page came, and a while after the last page left', async () => {
    ensureRendererBuilt();
    const service = createDoctorService({
      codexHome: makeTempDir('e2e-codex-home'),
      env: { PATH: process.env.PATH ?? '' },
    });
    const unused = await startBrowserServer({
      service,
      rendererDir: RENDERER_DIR,
      clientScriptFile: CLIENT_SCRIPT_FILE,
      firstLoadMs: 300,
    });
    assert.equal(await unused.closed, 'idle');
    const used = await startBrowserServer({
      service,
      rendererDir: RENDERER_DIR,
      clientScriptFile: CLIENT_SCRIPT_FILE,
      idleMs: 1000,
    });
    const browser = await openBrowserAt(used.url);
    await browser.page.getByRole('heading', { level: 1 }).first().waitFor();
    let stopped = false;
    void used.closed.then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 2500));
    assert.equal(stopped, false, 'an open page keeps it running');
    await browser.context.close();
    assert.equal(await used.closed, 'idle');
  });
});

describe('browser mode as shipped: the command prints a URL that runs the wizard', () => {
  test('a bad --port or --codex-home: exit 2 with one line, nothing served', () => {
    for (const args of [
      ['--port', '99999'],
      ['--port', 'x'],
      ['--codex-home', '/nonexistent/codex'],
      ['--host', '0.0.0.0'],
    ]) {
      const run = spawnSync(
        process.execPath,
        [path.join(ROOT, 'bin', 'codex-connection-doctor.cjs'), 'app', '--no-open', ...args],
        { cwd: ROOT, encoding: 'utf8', timeout: 30_000 },
      );
      assert.equal(run.status, 2, `${args.join(' ')}: ${run.stdout}${run.stderr}`);
      assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
      assert.equal(run.stdout, '');
    }
  });

  test(
    '`codex-connection-doctor app --no-open`: diagnose, Fix #1, revert in Chromium; Ctrl-C stops it',
    { timeout: 180_000 },
    async () => {
      ensureRendererBuilt();
      const scenario = await setupScenario('ws-refused');
      cleanups.push(() => scenario.stop());
      const doctorHome = makeTempDir('e2e-doctor-home');
      // labEnv has no DISPLAY: the command prints the URL instead of opening a browser.
      const env: NodeJS.ProcessEnv = {
        ...labEnv(scenario, doctorHome),
        [PROXY_PORTS_ENV]: scenario.extraProxyPorts.join(','),
        NO_COLOR: '1',
      };
      const child: ChildProcess = spawn(
        process.execPath,
        [path.join(ROOT, 'bin', 'codex-connection-doctor.cjs'), 'app', '--no-open', '--codex-home', scenario.codexHome],
        {
          cwd: ROOT,
          env,
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      cleanups.push(async () => child.exitCode === null && child.kill('SIGKILL'));
      let stdout = '';
      let stderr = '';
      child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout!.on('data', (c: Buffer) => {
          stdout += c.toString();
          const found = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(stdout);
          if (found && /Ctrl-C stops the doctor/.test(stdout)) resolve(found[0]);
        });
        child.on('exit', (code) => reject(new Error(`app exited with ${code}: ${stdout}${stderr}`)));
      });
      assert.match(stdout, /ssh -L \d+:127\.0\.0\.1:\d+/, 'without a display it says how to reach it over SSH');

      const browser: BrowserPage = await openBrowserAt(url);
      cleanups.push(() => browser.context.close());
      await wsRefusedFlow({
        page: browser.page,
        scenario,
        pageErrors: browser.pageErrors,
        screenshot: async () => undefined,
        clipboardTexts: async () => [...browser.record.clipboard],
      });

      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      child.kill('SIGINT');
      assert.equal(await exited, 0, `Ctrl-C stops it cleanly: ${stderr}`);
      assert.match(stdout, /Stopped\./);
    },
  );
});
