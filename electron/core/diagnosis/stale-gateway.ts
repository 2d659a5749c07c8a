// A base URL on this machine where nothing listens. Local gateway bridges write
// `openai_base_url = "http://127.0.0.1:<port>/v1"` (often under a "managed by …" comment) and leave
// it behind when they stop; Codex then waits for the network forever (FACTS.md).
import path from 'node:path';
import type { CodexSetup, Finding } from '../../../shared/types.ts';
import type { StaleGateway } from '../../../shared/recommend.ts';
import { formatLocation } from '../../../shared/format.ts';
import { makeFinding } from '../codex/findings.ts';
import { locateKey } from '../toml/index.ts';
import { OWNER_COMMENT } from '../after-fix/config-managers.ts';
import { readConfigFile } from '../config-file.ts';
import { isLoopbackHost } from '../environment/host-port.ts';
import { redactUrl } from '../redact.ts';
import type { RouteOutcome } from './facts.ts';
import { msg } from '../../../shared/i18n/message.ts';

const MAX_QUOTE = 160;

/**
 * The comment that goes with a line: the block of `#` lines right above it, else its trailing
 * comment, else the nearest comment above it (in the same table) that says a tool wrote it.
 */
export function commentNear(text: string, line: number): string | undefined {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const above: string[] = [];
  for (let i = line - 2; i >= 0; i -= 1) {
    const l = lines[i]!.trim();
    if (!l.startsWith('#')) break;
    above.unshift(l.replace(/^#+\s?/, ''));
  }
  let quote = above.join(' ').trim() || (/\s#\s?(.*)$/.exec(lines[line - 1] ?? '')?.[1] ?? '').trim();
  for (let i = line - 2; !quote && i >= 0; i -= 1) {
    const l = lines[i]!.trim();
    if (l.startsWith('[')) break;
    if (l.startsWith('#') && OWNER_COMMENT.test(l)) quote = l.replace(/^#+\s?/, '').trim();
  }
  if (!quote) return undefined;
  return `"${quote.length > MAX_QUOTE ? `${quote.slice(0, MAX_QUOTE)}…` : quote}"`;
}

export async function findStaleGateway(
  setup: CodexSetup,
  direct: RouteOutcome,
): Promise<{ facts: StaleGateway; finding: Finding } | null> {
  const provider = setup.provider;
  if (!provider || (provider.baseUrlSource !== 'openai_base_url' && provider.baseUrlSource !== 'provider')) return null;
  let host: string;
  try {
    host = new URL(provider.baseUrl).hostname.replace(/^\[(.*)\]$/, '$1');
  } catch {
    return null;
  }
  if (!isLoopbackHost(host)) return null;
  if (!direct.results.some((r) => !r.ok && r.failure === 'tcp-refused')) return null;

  const key = provider.baseUrlSource === 'openai_base_url' ? 'openai_base_url' : 'base_url';
  const keyPath = key === 'openai_base_url' ? ['openai_base_url'] : ['model_providers', provider.id, 'base_url'];
  // The last layer that sets it is the one Codex uses.
  const files = setup.configFiles
    .filter((f) => f.parsed)
    .map((f) => f.path)
    .reverse();
  let where = path.basename(files[0] ?? 'config.toml');
  let location: Finding['location'];
  let writtenBy: string | undefined;
  for (const file of files) {
    const bytes = await readConfigFile(file).catch(() => null);
    if (!bytes) continue;
    const text = bytes.toString('utf8');
    const at = locateKey(text, keyPath);
    if (!at) continue;
    location = { file, ...at };
    where = formatLocation({ file: path.basename(file), ...at });
    writtenBy = commentNear(text, at.line);
    break;
  }
  const url = redactUrl(provider.baseUrl);
  const facts: StaleGateway = { key, where, url, ...(writtenBy ? { writtenBy } : {}) };
  const finding = makeFinding(
    'config.stale-local-gateway',
    'error',
    msg('diagnosis.stale-gateway.summary', { key, url }),
    [
      ...(writtenBy ? [msg('diagnosis.stale-gateway.comment', { comment: writtenBy })] : []),
      msg('diagnosis.stale-gateway.nothing-listens', { host, port: new URL(provider.baseUrl).port || '80' }),
    ],
    location,
  );
  return { facts, finding };
}
