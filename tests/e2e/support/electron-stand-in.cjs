// A stand-in for the 'electron' module that records what the bundled main and preload ask of it,
// so the bundles can be loaded under plain Node where no Electron binary exists. It checks the
// bundles' wiring only; the real Electron run is tests/e2e/electron.test.ts.
const recorded = {
  windows: [],
  handlers: new Map(),
  exposed: new Map(),
  sessionHandlers: [],
  appEvents: [],
  dialogs: [],
};
globalThis.__electronStandIn = recorded;

function emitterStub(target) {
  const listeners = new Map();
  target.on = (name, fn) => {
    listeners.set(name, [...(listeners.get(name) ?? []), fn]);
    return target;
  };
  target.once = target.on;
  target.listeners = listeners;
  return target;
}

class BrowserWindow {
  constructor(options) {
    this.options = options;
    this.webContents = emitterStub({
      mainFrame: { id: 'main-frame' },
      send: () => {},
      setWindowOpenHandler: (fn) => (this.windowOpenHandler = fn),
    });
    emitterStub(this);
    this.loadFile = async (file) => {
      this.loadedFile = file;
    };
    this.isDestroyed = () => false;
    this.show = () => {};
    recorded.windows.push(this);
  }
  static getAllWindows() {
    return recorded.windows;
  }
}

const app = emitterStub({
  requestSingleInstanceLock: () => true,
  whenReady: () => Promise.resolve(),
  quit: () => {},
  getPath: () => require('node:os').tmpdir(),
  getLocale: () => 'en-US',
});
app.on = (name, fn) => {
  recorded.appEvents.push(name);
  if (name === 'web-contents-created') recorded.onWebContentsCreated = fn;
  return app;
};

module.exports = {
  app,
  BrowserWindow,
  nativeTheme: { shouldUseDarkColors: false, themeSource: 'system' },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (fn) => recorded.sessionHandlers.push(['permission-request', fn]),
      setPermissionCheckHandler: (fn) => recorded.sessionHandlers.push(['permission-check', fn]),
      webRequest: { onHeadersReceived: (fn) => recorded.sessionHandlers.push(['headers', fn]) },
    },
  },
  ipcMain: { handle: (channel, fn) => recorded.handlers.set(channel, fn) },
  shell: { openExternal: async () => {} },
  // Every dialog main opens is recorded (its options: title, buttons) and cancelled.
  dialog: {
    showSaveDialog: async (...args) => (recorded.dialogs.push(args.at(-1)), { canceled: true }),
    showOpenDialog: async (...args) => (recorded.dialogs.push(args.at(-1)), { canceled: true, filePaths: [] }),
  },
  clipboard: { writeText: () => {} },
  contextBridge: { exposeInMainWorld: (name, api) => recorded.exposed.set(name, api) },
  ipcRenderer: { invoke: async (channel, request) => ({ channel, request }), on: () => {}, removeListener: () => {} },
};
