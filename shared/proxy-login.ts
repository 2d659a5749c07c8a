// What a proxy's 407 asks for. Codex sends a proxy login only as HTTP Basic, from the user:password
// in its proxy URL (verified with squid); it cannot do NTLM, Negotiate (Kerberos) or Digest.
// Pure: no node imports (the renderer and the CLI use it too).

export type ProxyAuthScheme = 'Basic' | 'Digest' | 'NTLM' | 'Negotiate' | 'Bearer' | 'Kerberos' | 'other';

const KNOWN: Record<string, ProxyAuthScheme> = {
  basic: 'Basic',
  digest: 'Digest',
  ntlm: 'NTLM',
  negotiate: 'Negotiate',
  bearer: 'Bearer',
  kerberos: 'Kerberos',
};

/**
 * The schemes offered by `Proxy-Authenticate` (several headers arrive joined with ", "). A scheme
 * is a token at the start or after a comma that is not followed by `=` (which would make it a
 * parameter, as in `Basic realm="a, b"`).
 */
export function proxyAuthSchemes(header: string | undefined): ProxyAuthScheme[] {
  if (!header) return [];
  const found: ProxyAuthScheme[] = [];
  const withoutQuoted = header.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  for (const m of withoutQuoted.matchAll(/(?:^|,)\s*([A-Za-z][\w-]*)(?=\s|,|$)(?!\s*=)/g)) {
    const scheme = KNOWN[m[1]!.toLowerCase()] ?? 'other';
    if (!found.includes(scheme)) found.push(scheme);
  }
  return found;
}

/** Codex can log in to the proxy only where Basic is offered. */
export function codexCanLogIn(schemes: ProxyAuthScheme[]): boolean {
  return schemes.length === 0 || schemes.includes('Basic');
}
