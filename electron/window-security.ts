// The app window's security settings as plain data, so tests can assert them without Electron.
import { isAllowedExternalUrl } from '../shared/ipc.ts';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Electron's webPreferences for the one window; every security switch is set explicitly. */
export function mainWindowWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    enableBlinkFeatures: '',
    navigateOnDragDrop: false,
    spellcheck: false,
    devTools: true,
  } as const;
}

export function mainWindowOptions(preloadPath: string, backgroundColor: string) {
  return {
    width: 1100,
    height: 780,
    minWidth: 760,
    minHeight: 560,
    show: false,
    title: 'Codex Connection Doctor',
    backgroundColor,
    autoHideMenuBar: true,
    webPreferences: mainWindowWebPreferences(preloadPath),
  };
}

/** Navigation inside the window is never allowed: the app is one page. */
export function shouldAllowNavigation(_url: string): boolean {
  return false;
}

/** What to do with a window.open / target=_blank link: never a new window; allow-listed https links go to the OS browser. */
export function newWindowDecision(url: string): { action: 'deny'; openExternally: boolean } {
  return { action: 'deny', openExternally: isAllowedExternalUrl(url) };
}

/** Every permission (camera, notifications, clipboard read, …) is denied. */
export function permissionDecision(_permission: string): boolean {
  return false;
}

/** Adds the CSP to a response's headers (used for the app's own file:// pages). */
export function withCspHeader(headers: Record<string, string[] | string> | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(headers ?? {})) {
    if (key.toLowerCase() === 'content-security-policy') continue;
    out[key] = Array.isArray(value) ? value : [value];
  }
  out['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return out;
}
