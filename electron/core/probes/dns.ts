// Name resolution as Codex meets it: the system resolver (getaddrinfo: /etc/hosts, then DNS), with
// the DNS servers' own A and AAAA answers beside it, and fake-ip answers (TUN proxies) spotted.
import dns from 'node:dns';
import net from 'node:net';
import type { ProbeResult, Route } from '../../../shared/types.ts';
import { msg } from '../../../shared/i18n/message.ts';
import { Deadline, isCancelled, ms } from '../deadline.ts';
import { ProbeFailure, type ProbeOptions } from './failure.ts';
import { failedResult, okResult } from './result.ts';
import { cancelledFailure } from './tcp.ts';

export interface DnsAnswer {
  a: string[];
  aaaa: string[];
  /** An answer in 198.18.0.0/15: a TUN proxy's fake-ip DNS is answering. */
  fakeIp?: string;
}

/** 198.18.0.0/15, the range Clash/mihomo and sing-box hand out in fake-ip mode. */
export function isFakeIp(address: string): boolean {
  if (!net.isIPv4(address)) return false;
  const [a, b] = address.split('.').map(Number);
  return a === 198 && (b === 18 || b === 19);
}

/** How long the DNS servers' answers may lag behind the system resolver before we stop waiting. */
const RESOLVER_GRACE_MS = 250;

const DIRECT: Route = { kind: 'direct', label: msg('probes.route.direct') };

export async function resolveHost(host: string, opts: ProbeOptions & { route?: Route }): Promise<ProbeResult> {
  const route = opts.route ?? DIRECT;
  const bare = host.replace(/^\[(.*)\]$/, '$1');
  const deadline = new Deadline(opts.timeoutMs, opts.signal, opts.lookup);
  try {
    const family = net.isIP(bare);
    if (family) {
      return {
        ...okResult('dns', route, deadline, msg('probes.dns.is-address', { host: bare }), {
          a: family === 4 ? [bare] : [],
          aaaa: family === 6 ? [bare] : [],
        }),
        durationMs: 0,
      };
    }
    const resolver = new dns.promises.Resolver({ timeout: Math.max(1, Math.min(opts.timeoutMs, 2000)), tries: 1 });
    if (opts.dnsServers) resolver.setServers(opts.dnsServers);
    deadline.signal.addEventListener('abort', () => resolver.cancel(), { once: true });
    const fromServers = Promise.allSettled([resolver.resolve4(host), resolver.resolve6(host)]);
    const system = deadline.lookup(host);

    let systemAddresses: Array<{ address: string; family: number }> = [];
    let systemError: NodeJS.ErrnoException | undefined;
    try {
      systemAddresses = await deadline.race(system);
    } catch (error) {
      if (isCancelled(error)) throw cancelledFailure();
      systemError = error as NodeJS.ErrnoException;
    }
    const systemMs = deadline.elapsed();
    // The servers' answers are extra evidence; do not let a slow server hold up a resolved name.
    const grace = systemError ? deadline.timeoutMs : systemMs + RESOLVER_GRACE_MS;
    let graceTimer: NodeJS.Timeout | undefined;
    const servers = await Promise.race([
      fromServers,
      new Promise<null>((resolve) => {
        graceTimer = setTimeout(
          () => resolve(null),
          Math.max(0, Math.min(grace, deadline.timeoutMs) - deadline.elapsed()),
        );
        deadline.signal.addEventListener(
          'abort',
          () => {
            clearTimeout(graceTimer);
            resolve(null);
          },
          { once: true },
        );
      }),
    ]);
    // Neither the timer nor a query still out may keep the process alive after the answer.
    clearTimeout(graceTimer);
    resolver.cancel();
    if (deadline.cancelled) throw cancelledFailure();

    const answer = mergeAnswers(systemAddresses, servers);
    const durationMs = systemError ? deadline.elapsed() : systemMs;
    if (systemError || (answer.a.length === 0 && answer.aaaa.length === 0)) {
      const code =
        deadline.timedOut && !systemError?.code ? 'timeout' : (systemError?.code ?? msg('probes.dns.no-addresses'));
      const answered = [...answer.a, ...answer.aaaa];
      const detail = answered.length
        ? msg('probes.dns.no-resolve-server-answered', { host, code, addresses: answered })
        : msg('probes.dns.no-resolve', { host, code });
      return {
        ...failedResult('dns', route, deadline, new ProbeFailure('dns-error', detail), { ...answer }),
        durationMs: ms(durationMs),
      };
    }
    const all = [...answer.a, ...answer.aaaa];
    const addresses = [...all.slice(0, 4), ...(all.length > 4 ? ['…'] : [])];
    const detail = answer.fakeIp
      ? msg('probes.dns.resolved-fake-ip', { host, addresses, fakeIp: answer.fakeIp })
      : msg('probes.dns.resolved', { host, addresses });
    return { ...okResult('dns', route, deadline, detail, { ...answer }), durationMs: ms(durationMs) };
  } catch (error) {
    return failedResult('dns', route, deadline, error);
  } finally {
    deadline.dispose();
  }
}

export function mergeAnswers(
  system: Array<{ address: string; family: number }>,
  servers: PromiseSettledResult<string[]>[] | null,
): DnsAnswer {
  const a = new Set<string>();
  const aaaa = new Set<string>();
  for (const entry of system) (entry.family === 6 ? aaaa : a).add(entry.address);
  if (servers) {
    const [v4, v6] = servers;
    if (v4?.status === 'fulfilled') for (const address of v4.value) a.add(address);
    if (v6?.status === 'fulfilled') for (const address of v6.value) aaaa.add(address);
  }
  const answer: DnsAnswer = { a: [...a], aaaa: [...aaaa] };
  const fake = answer.a.find(isFakeIp);
  if (fake) answer.fakeIp = fake;
  return answer;
}
