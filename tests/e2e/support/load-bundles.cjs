// Loads dist/electron/main.cjs and preload.cjs with the stand-in for 'electron', drives a few IPC
// calls through the registered handlers, and prints what it saw as JSON.
const Module = require('node:module');
const path = require('node:path');
const standIn = path.join(__dirname, 'electron-stand-in.cjs');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'electron' ? standIn : resolve.call(this, request, ...rest);
};

const dist = path.resolve(__dirname, '..', '..', '..', 'dist', 'electron');
(async () => {
  require(path.join(dist, 'main.cjs'));
  await new Promise((r) => setTimeout(r, 50));
  require(path.join(dist, 'preload.cjs'));
  const rec = globalThis.__electronStandIn;
  const win = rec.windows[0];
  const trusted = { senderFrame: win.webContents.mainFrame };
  const foreign = { senderFrame: { id: 'some-iframe' } };
  const call = (channel, event, payload) => rec.handlers.get(channel)(event, payload);
  const permission = rec.sessionHandlers.find(([k]) => k === 'permission-check')[1];
  const headers = await new Promise((r) =>
    rec.sessionHandlers.find(([k]) => k === 'headers')[1]({ responseHeaders: {} }, r),
  );
  const contents = require(path.join(__dirname, 'electron-stand-in.cjs')).BrowserWindow;
  const guarded = new contents({});
  rec.onWebContentsCreated?.({}, guarded.webContents);
  const navigation = {
    prevented: false,
    preventDefault() {
      this.prevented = true;
    },
  };
  for (const fn of guarded.webContents.listeners.get('will-navigate') ?? []) fn(navigation, 'https://example.com/');
  console.log(
    JSON.stringify({
      channels: [...rec.handlers.keys()].sort(),
      webPreferences: win.options.webPreferences,
      preloadExists: require('node:fs').existsSync(win.options.webPreferences.preload),
      loadedFile: win.loadedFile,
      loadedFileExists: require('node:fs').existsSync(win.loadedFile),
      exposed: [...rec.exposed.keys()],
      apiMethods: Object.keys(rec.exposed.get('doctor') ?? {}).sort(),
      setupTrusted: await call('setup:get', trusted, {}),
      setupForeign: await call('setup:get', foreign, {}),
      setupMalformed: await call('setup:get', trusted, { profile: '../../etc' }),
      historyTrusted: await call('history:list', trusted, {}),
      // trust-ca's file picker, in the page's language and without one (the OS's: the stand-in's en-US).
      pickCaZh: await call('fix:preview', trusted, { fix: 'trust-ca', pickCaFile: true, lang: 'zh-CN' }),
      pickCaDefault: await call('fix:preview', trusted, { fix: 'trust-ca', pickCaFile: true }),
      dialogs: rec.dialogs,
      cameraAllowed: permission({}, 'media'),
      csp: headers.responseHeaders['Content-Security-Policy'],
      navigationPrevented: navigation.prevented,
      newWindow: guarded.windowOpenHandler?.({ url: 'https://example.com/' }),
    }),
  );
  process.exit(0);
})().catch((e) => {
  console.error(e.stack);
  process.exit(1);
});
