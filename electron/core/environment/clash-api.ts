// The Clash / mihomo external controller (also sing-box's Clash-compatible API), on loopback only.
// The secret is the user's own local controller secret: it is sent to that loopback port and
// nowhere else, and never appears in a result or an error.
import { msg, type Message } from '../../../shared/i18n/message.ts';
import http from 'node:http';
import type { ClashApiInfo } from '../../../shared/types.ts';
import { formatHostPort, loopbackAddressFor, parseHostPort } from './host-port.ts';
import { asPort } from './apps/config-text.ts';

export interface ClashApiOptions {
  timeoutMs: number;
  signal?: AbortSignal;
  /** Where the controller address came from (a config path, `well-known`…). */
  source?: string;
}

interface ApiResponse {
  status: number;
  body: string;
}

/** Resolves to a reachable loopback `{host, port}`, or an error string for anything else. */
export function loopbackController(controller: string): { host: string; port: number } | string {
  const parsed = parseHostPort(controller);
  if (!parsed) return `not a host:port address: ${controller}`;
  const host = loopbackAddressFor(parsed.host);
  if (!host) return `refusing a controller that is not on loopback (${formatHostPort(parsed)})`;
  return { host, port: parsed.port };
}

function request(
  target: { host: string; port: number },
  method: string,
  path: string,
  secret: string | undefined,
  { timeoutMs, signal }: ClashApiOptions,
  body?: string,
): Promise<ApiResponse> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Error('cancelled'));
    const headers: Record<string, string> = { Accept: 'application/json' };
    // Node writes header strings as latin1 and refuses characters beyond it: send the UTF-8
    // bytes, which is what the Go controllers compare the secret with.
    if (secret) headers.Authorization = Buffer.from(`Bearer ${secret}`, 'utf8').toString('latin1');
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      headers['Content-Length'] = String(Buffer.byteLength(body));
    }
    const req = http.request({ host: target.host, port: target.port, method, path, headers, agent: false });
    const timer = setTimeout(() => req.destroy(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    const onAbort = (): void => {
      req.destroy(new Error('cancelled'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    const finish = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > 1024 * 1024) req.destroy(new Error('answer too large'));
        else chunks.push(chunk);
      });
      res.on('end', () => {
        finish();
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') });
      });
      res.on('error', (error) => {
        finish();
        reject(error);
      });
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      finish();
      reject(new Error(error.code === 'ECONNREFUSED' ? 'connection refused' : error.message));
    });
    req.end(body);
  });
}

function json(body: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(body);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** sing-box reports 0 for ports it does not track: 0 means unknown. */
export function parseClashConfigs(body: Record<string, unknown>): Pick<ClashApiInfo, 'ports' | 'tunEnabled'> {
  const out: Pick<ClashApiInfo, 'ports' | 'tunEnabled'> = {};
  const ports: NonNullable<ClashApiInfo['ports']> = {};
  const http = asPort(body['port']);
  const socks = asPort(body['socks-port']);
  const mixed = asPort(body['mixed-port']);
  if (http) ports.port = http;
  if (socks) ports.socksPort = socks;
  if (mixed) ports.mixedPort = mixed;
  out.ports = ports;
  const tun = body['tun'];
  if (typeof tun === 'object' && tun !== null && typeof (tun as Record<string, unknown>)['enable'] === 'boolean') {
    out.tunEnabled = (tun as Record<string, unknown>)['enable'] as boolean;
  }
  return out;
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** GET /version and /configs. Never rejects. */
export async function queryClashApi(
  controller: string,
  secret: string | undefined,
  opts: ClashApiOptions,
): Promise<ClashApiInfo> {
  const target = loopbackController(controller);
  const info: ClashApiInfo = {
    controller: typeof target === 'string' ? controller : formatHostPort(target),
    source: opts.source ?? 'clash-api',
    reachable: false,
  };
  if (typeof target === 'string') return { ...info, error: target };
  const [version, configs] = await Promise.allSettled([
    request(target, 'GET', '/version', secret, opts),
    request(target, 'GET', '/configs', secret, opts),
  ]);
  if (version.status === 'rejected' && configs.status === 'rejected') return { ...info, error: reason(version.reason) };
  info.reachable = true;
  const answers = [version, configs].filter((r) => r.status === 'fulfilled').map((r) => r.value);
  if (answers.some((a) => a.status === 401)) {
    info.unauthorized = true;
    info.error = secret ? 'the controller rejected the secret (401)' : 'the controller needs a secret (401)';
    return info;
  }
  if (version.status === 'fulfilled' && version.value.status === 200) {
    const v = json(version.value.body)?.['version'];
    if (typeof v === 'string') info.version = v;
  }
  const configBody =
    configs.status === 'fulfilled' && configs.value.status === 200 ? json(configs.value.body) : undefined;
  if (configBody) Object.assign(info, parseClashConfigs(configBody));
  if (!info.version && !configBody) {
    info.error = 'the port answered but not like a Clash API';
  }
  return info;
}

export interface SetTunResult {
  ok: boolean;
  /** TUN state read back from /configs after the change; absent if it could not be read. */
  tunEnabled?: boolean;
  /** Why TUN could not be switched, for the user. */
  error?: Message;
}

const CONFIRM_ATTEMPTS = 3;
const CONFIRM_PAUSE_MS = 150;

/** PATCH /configs {"tun":{"enable":…}} and read /configs back to confirm. Never rejects. */
export async function setClashTun(
  controller: string,
  secret: string | undefined,
  enable: boolean,
  opts: ClashApiOptions,
): Promise<SetTunResult> {
  const target = loopbackController(controller);
  if (typeof target === 'string')
    return { ok: false, error: msg('setup.clash-api.controller-refused', { reason: target }) };
  try {
    const patched = await request(target, 'PATCH', '/configs', secret, opts, JSON.stringify({ tun: { enable } }));
    if (patched.status === 401) return { ok: false, error: msg('setup.clash-api.secret-rejected') };
    if (patched.status < 200 || patched.status >= 300) {
      const said = shortMessage(patched.body);
      return {
        ok: false,
        error: said
          ? msg('setup.clash-api.patch-refused-said', { status: patched.status, said })
          : msg('setup.clash-api.patch-refused', { status: patched.status }),
      };
    }
    let tunEnabled: boolean | undefined;
    // mihomo applies the change asynchronously on some versions: re-read a few times.
    for (let attempt = 0; attempt < CONFIRM_ATTEMPTS; attempt += 1) {
      if (attempt > 0) await pause(CONFIRM_PAUSE_MS, opts.signal);
      const read = await request(target, 'GET', '/configs', secret, opts);
      const body = read.status === 200 ? json(read.body) : undefined;
      tunEnabled = body ? parseClashConfigs(body).tunEnabled : undefined;
      if (tunEnabled === enable) return { ok: true, tunEnabled };
    }
    const result: SetTunResult = {
      ok: false,
      error:
        tunEnabled === undefined
          ? msg('setup.clash-api.tun-unreadable')
          : tunEnabled
            ? msg('setup.clash-api.tun-still-on')
            : msg('setup.clash-api.tun-still-off'),
    };
    if (tunEnabled !== undefined) result.tunEnabled = tunEnabled;
    return result;
  } catch (error) {
    return { ok: false, error: msg('setup.clash-api.request-failed', { reason: reason(error) }) };
  }
}

/** The `message` of the API's JSON error, shortened; '' when there is none. */
function shortMessage(body: string): string {
  const message = json(body)?.['message'];
  return typeof message === 'string' ? message.slice(0, 200) : '';
}

function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Error('cancelled'));
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(new Error('cancelled'));
      },
      { once: true },
    );
  });
}
