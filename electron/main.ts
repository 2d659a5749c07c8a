// The app's lifecycle: one window, its security guards, and the IPC over the core's DoctorService.
import path from 'node:path';
import { BrowserWindow, app, nativeTheme, session, shell, type WebContents } from 'electron';
import { PROXY_PORTS_ENV, parseProxyPorts } from './app-options.ts';
import { createDoctorService } from './core/service.ts';
import { pickCaFileDialog } from './dialogs.ts';
import { registerIpc } from './ipc.ts';
import {
  mainWindowOptions,
  newWindowDecision,
  permissionDecision,
  shouldAllowNavigation,
  withCspHeader,
} from './window-security.ts';

let mainWindow: BrowserWindow | null = null;

/** The guards every window's contents get: no navigation, no new windows, no webviews. */
function guardContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!shouldAllowNavigation(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!shouldAllowNavigation(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const decision = newWindowDecision(url);
    if (decision.openExternally) void shell.openExternal(url);
    return { action: decision.action };
  });
}

function createWindow(): void {
  const dark = nativeTheme.shouldUseDarkColors;
  const win = new BrowserWindow(mainWindowOptions(path.join(__dirname, 'preload.cjs'), dark ? '#15171c' : '#f7f7f9'));
  mainWindow = win;
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    mainWindow = null;
  });
  void win.loadFile(path.join(__dirname, '..', 'renderer', 'index.html'));
}

function hardenSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, permission, callback) => callback(permissionDecision(permission)));
  ses.setPermissionCheckHandler((_contents, permission) => permissionDecision(permission));
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCspHeader(details.responseHeaders) });
  });
}

// One instance: a second launch focuses the existing window.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app.on('web-contents-created', (_event, contents) => guardContents(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  void app.whenReady().then(() => {
    nativeTheme.themeSource = 'system';
    hardenSession();
    const service = createDoctorService({
      env: process.env,
      platform: process.platform,
      extraProxyPorts: parseProxyPorts(process.env[PROXY_PORTS_ENV]),
      // trust-ca without a CA found: the user picks the file their IT gave them; the path stays here.
      pickCaFile: (lang) => pickCaFileDialog(mainWindow, lang),
    });
    registerIpc(service, () => mainWindow);
    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });
}
