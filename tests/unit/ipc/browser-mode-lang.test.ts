// The browser-mode server's own words: its plain-text refusals in the browser's language
// (Accept-Language), its API refusals as catalog messages the page renders in its own.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NotLoopbackError, startBrowserServer, type BrowserServer } from '../../../electron/web/server.ts';
import type { DoctorService } from '../../../shared/service.ts';
import { translator } from '../../../shared/i18n/translate.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const en = translator('en');
const zh = translator('zh-CN');

interface Answer {
  status: number;
  type: string;
  body: string;
}

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
          resolve({
            status: res.statusCode ?? 0,
            type: String(res.headers['content-type']),
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

let server: BrowserServer | undefined;
after(async () => server?.close());

async function start(): Promise<BrowserServer> {
  // The source page stands in for the built one: the server only needs its CSP and a script tag.
  const rendererDir = mkdtempSync(path.join(os.tmpdir(), 'ccd-renderer-'));
  writeFileSync(path.join(rendererDir, 'index.html'), readFileSync(path.join(root, 'renderer', 'index.html')));
  const clientScriptFile = path.join(rendererDir, 'client.js');
  writeFileSync(clientScriptFile, '');
  server = await startBrowserServer({ service: {} as DoctorService, rendererDir, clientScriptFile });
  return server;
}

test("the plain-text refusals are in the browser's language; the API's are messages", async () => {
  const { port } = await start();
  const zhHeaders = { 'Accept-Language': 'zh-CN,zh;q=0.9,en;q=0.8' };

  const noSession = await request(port, { headers: zhHeaders });
  assert.equal(noSession.status, 403);
  assert.equal(noSession.body, zh.t('cli.server.open-the-link'));
  assert.match(noSession.type, /charset=utf-8/);
  assert.equal(
    (await request(port, { headers: { 'Accept-Language': 'en-US,en;q=0.9' } })).body,
    en.t('cli.server.open-the-link'),
  );
  assert.equal(
    (await request(port, {})).body,
    'Open the link that `codex-connection-doctor app` printed; it works once, in one browser.',
  );

  const usedLink = await request(port, { path: '/?token=wrong', headers: zhHeaders });
  assert.equal(usedLink.status, 403);
  assert.equal(usedLink.body, zh.t('cli.server.used-link'));

  const foreignHost = await request(port, { headers: { ...zhHeaders, Host: 'evil.example' } });
  assert.equal(foreignHost.status, 403);
  assert.equal(foreignHost.body, zh.t('cli.server.wrong-host'));
  assert.equal(
    (await request(port, { headers: { Host: 'evil.example' } })).body,
    'Refused: this server answers only to its loopback address.',
  );

  const api = await request(port, {
    method: 'POST',
    path: '/api/history%3Alist',
    headers: { ...zhHeaders, 'Content-Type': 'application/json' },
    body: '{}',
  });
  assert.equal(api.status, 403);
  assert.deepEqual(JSON.parse(api.body), {
    ok: false,
    error: { message: { id: 'cli.server.no-session' }, hint: { id: 'cli.server.hint-reopen' } },
  });
});

test('a non-loopback address is refused with a message', async () => {
  const rendererDir = path.join(root, 'renderer');
  await assert.rejects(
    startBrowserServer({ service: {} as DoctorService, rendererDir, clientScriptFile: 'x.js', host: '0.0.0.0' }),
    (e: unknown) => {
      assert.ok(e instanceof NotLoopbackError);
      assert.deepEqual(e.userMessage, { id: 'cli.server.not-loopback', params: { host: '0.0.0.0' } });
      assert.match(e.message, /loopback address only .*"0\.0\.0\.0"/);
      assert.match(zh.tm(e.userMessage), /回环地址/);
      return true;
    },
  );
});
