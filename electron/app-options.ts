// What the desktop app takes from its environment, parsed without Electron so tests can run it.

/** Extra local proxy ports to probe, comma-separated: the app's counterpart of the CLI's --proxy-port. */
export const PROXY_PORTS_ENV = 'CODEX_CONNECTION_DOCTOR_PROXY_PORTS';

/** The ports of a comma-separated list, in order and once each; anything not a port number 1–65535 is ignored. */
export function parseProxyPorts(value: string | undefined): number[] {
  const ports: number[] = [];
  for (const part of (value ?? '').split(',')) {
    const text = part.trim();
    if (!/^\d{1,5}$/.test(text)) continue;
    const port = Number(text);
    if (port >= 1 && port <= 65535 && !ports.includes(port)) ports.push(port);
  }
  return ports;
}
