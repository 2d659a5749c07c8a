// Registers every IPC channel with Electron through the one guarded wrapper of ipc-handlers.ts.
import { clipboard, ipcMain, shell, type BrowserWindow } from 'electron';
import { msg } from '../shared/i18n/message.ts';
import { CHANNELS, PROGRESS_EVENT, isAllowedExternalUrl } from '../shared/ipc.ts';
import type { DoctorService } from '../shared/service.ts';
import { saveTextDialog } from './dialogs.ts';
import { createHandlers, guardedHandler } from './ipc-handlers.ts';

export function registerIpc(service: DoctorService, getWindow: () => BrowserWindow | null): void {
  const handlers = createHandlers({
    service,
    emitProgress(payload) {
      const win = getWindow();
      if (win && !win.isDestroyed()) win.webContents.send(PROGRESS_EVENT, payload);
    },
    saveText: (suggestedName, text, lang) => saveTextDialog(getWindow(), suggestedName, text, lang),
    copyText(text) {
      clipboard.writeText(text);
    },
    async openExternal(url) {
      // Checked again here: the validator already refused anything off the allow-list.
      // `userMessage`: what toIpcError hands the page, in its language.
      if (!isAllowedExternalUrl(url))
        throw Object.assign(new Error('link not on the allow-list'), {
          userMessage: msg('app.native.link-not-allowed'),
        });
      await shell.openExternal(url);
    },
  });
  const getMainFrame = () => {
    const win = getWindow();
    return win && !win.isDestroyed() ? win.webContents.mainFrame : null;
  };
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, guardedHandler(handlers, channel, getMainFrame));
  }
}
