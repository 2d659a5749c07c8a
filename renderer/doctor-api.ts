// The one place the renderer reads window.doctor (exposed by the preload, or by the e2e bridge).
import type { DoctorApi } from '../shared/ipc.ts';

declare global {
  interface Window {
    doctor?: DoctorApi;
  }
}

export function getDoctorApi(): DoctorApi | null {
  return window.doctor ?? null;
}
