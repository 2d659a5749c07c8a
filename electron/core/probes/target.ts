// The endpoint a probe talks to, read from its URL.
import { msg } from '../../../shared/i18n/message.ts';
import { ProbeFailure } from './failure.ts';
import { redactUrl } from '../redact.ts';
import { formatHostPort } from '../environment/host-port.ts';

export interface Target {
  url: URL;
  host: string;
  port: number;
  secure: boolean;
  /** Path and query, as the request line wants it. */
  requestPath: string;
  /** The Host header: the port only when it is not the scheme's default. */
  hostHeader: string;
  /** The URL as it may be printed: a base_url can carry a gateway's password or key. */
  display: string;
}

export function targetOf(raw: string): Target {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ProbeFailure('error', msg('probes.url.not-url', { url: redactUrl(raw) }));
  }
  const secure = url.protocol === 'https:' || url.protocol === 'wss:';
  if (!secure && url.protocol !== 'http:' && url.protocol !== 'ws:')
    throw new ProbeFailure('error', msg('probes.url.scheme', { scheme: url.protocol }));
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const defaultPort = secure ? 443 : 80;
  const port = url.port ? Number(url.port) : defaultPort;
  return {
    url,
    host,
    port,
    secure,
    requestPath: `${url.pathname || '/'}${url.search}`,
    hostHeader: port === defaultPort ? (host.includes(':') ? `[${host}]` : host) : formatHostPort({ host, port }),
    display: redactUrl(url.toString()),
  };
}
