// Parsing an HTTP/1.x response head, and recognising answers that come from a proxy or firewall
// rather than from the service itself.
import { msg, type Message } from '../../../shared/i18n/message.ts';

export interface HttpHead {
  statusLine: string;
  status: number;
  reason: string;
  /** Lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
}

/** True when the bytes begin like an HTTP response (used to spot an HTTP port where SOCKS was expected). */
export function looksLikeHttp(bytes: Buffer): boolean {
  const start = bytes.subarray(0, 5).toString('latin1');
  return 'HTTP/'.startsWith(start) && start.length > 0;
}

/** Parses a response head (status line + headers); null when it is not HTTP/1.x. */
export function parseHttpHead(head: Buffer | string): HttpHead | null {
  const text = typeof head === 'string' ? head : head.toString('latin1');
  const lines = text.split(/\r?\n/);
  const statusLine = lines[0] ?? '';
  const match = /^HTTP\/\d(?:\.\d)? (\d{3})(?: (.*))?$/.exec(statusLine);
  if (!match) return null;
  const headers: Record<string, string> = {};
  for (const line of lines.slice(1)) {
    if (!line) break;
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers[name] = headers[name] !== undefined ? `${headers[name]}, ${value}` : value;
  }
  return { statusLine, status: Number(match[1]), reason: match[2] ?? '', headers };
}

/** Headers worth showing as evidence: they say who answered. None of them carries a secret. */
const EVIDENCE_HEADERS = [
  'server',
  'via',
  'x-squid-error',
  'x-cache',
  'proxy-status',
  'proxy-authenticate',
  'proxy-agent',
  'proxy-connection',
  'content-type',
  'x-request-id',
  'openai-version',
  'openai-processing-ms',
  'cf-ray',
];

export function evidenceHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of EVIDENCE_HEADERS) {
    const value = headers[name];
    if (value !== undefined) out[name] = value.length > 200 ? `${value.slice(0, 200)}…` : value;
  }
  return out;
}

/** Server names of proxies, gateways and filters whose own pages are not the service's answer. */
const MIDDLEBOX_SERVER =
  /squid|zscaler|fortigate|fortiweb|bluecoat|proxysg|websense|forcepoint|netskope|mcafee web gateway|skyhigh|cisco umbrella|barracuda|sophos|privoxy|tinyproxy|ccproxy|wingate|kerio|untangle|pfsense|mikrotik/i;

/** Headers only the real service sends (OpenAI's API and the Cloudflare edge in front of it) or a JSON error body. */
export function serviceSigns(headers: Record<string, string>): boolean {
  return (
    Object.keys(headers).some((name) => name.startsWith('openai-') || name === 'x-request-id' || name === 'cf-ray') ||
    /application\/(?:problem\+)?json/i.test(headers['content-type'] ?? '')
  );
}

/**
 * Why an answer looks like a proxy's or firewall's own page rather than the service's, or null.
 * Conservative: an answer with the service's own headers is the service's, whatever passed it on.
 */
export function proxyFingerprint(head: HttpHead): Message | null {
  const h = head.headers;
  if (head.status === 407) {
    return h['proxy-authenticate']
      ? msg('probes.fingerprint.407-authenticate', { value: h['proxy-authenticate'] })
      : msg('probes.fingerprint.407');
  }
  if (h['x-squid-error']) return msg('probes.fingerprint.header', { name: 'X-Squid-Error', value: h['x-squid-error'] });
  if (h['proxy-status']) return msg('probes.fingerprint.header', { name: 'Proxy-Status', value: h['proxy-status'] });
  if (serviceSigns(h)) return null;
  const blocking =
    head.status === 403 || head.status === 502 || head.status === 503 || head.status === 504 || head.status === 451;
  if (!blocking) return null;
  if (h['via']) return msg('probes.fingerprint.via', { status: head.status, value: h['via'] });
  if (h['server'] && MIDDLEBOX_SERVER.test(h['server']))
    return msg('probes.fingerprint.server', { status: head.status, value: h['server'] });
  if (h['x-cache'] && /squid|proxy/i.test(h['x-cache']))
    return msg('probes.fingerprint.x-cache', { status: head.status, value: h['x-cache'] });
  return null;
}

/** A short printable form of the first bytes of something that is not the expected protocol. */
export function describeBytes(bytes: Buffer, max = 24): string {
  const slice = bytes.subarray(0, max);
  const printable = [...slice].every((b) => (b >= 0x20 && b < 0x7f) || b === 0x0d || b === 0x0a);
  if (printable) return JSON.stringify(slice.toString('latin1'));
  return `0x${slice.toString('hex')}${bytes.length > max ? '…' : ''}`;
}
