// The one place the renderer reads window.doctor (exposed by the preload, or in browser mode by electron/web/doctor-client.dom.ts).
import type { DoctorApi } from '../shared/ipc.ts';

declare global {
  interface Window {
    doctor?: DoctorApi;
  }
}

export function getDoctorApi(): DoctorApi | null {
  return window.doctor ?? null;
}
