// Exposes `window.doctor`: one named function per channel of the contract, nothing else.
// Bundled to one CommonJS file, since a sandboxed preload cannot require local modules.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { DOCTOR_API_METHODS, PROGRESS_EVENT, type DoctorApi, type IpcEvents } from '../shared/ipc.ts';

function buildApi(): DoctorApi {
  const api: Record<string, unknown> = {};
  for (const [method, channel] of Object.entries(DOCTOR_API_METHODS)) {
    api[method] = (request: unknown) => ipcRenderer.invoke(channel, request);
  }
  api.onProgress = (listener: (payload: IpcEvents['diagnose:progress']) => void) => {
    const wrapped = (_event: IpcRendererEvent, payload: IpcEvents['diagnose:progress']) => listener(payload);
    ipcRenderer.on(PROGRESS_EVENT, wrapped);
    return () => {
      ipcRenderer.removeListener(PROGRESS_EVENT, wrapped);
    };
  };
  return api as DoctorApi;
}

contextBridge.exposeInMainWorld('doctor', buildApi());
