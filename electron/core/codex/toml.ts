import { parse, TomlError } from 'smol-toml';
import { scanToml, type Statement } from '../fixes/toml-scan.ts';

export interface TomlParseError {
  message: string;
  line: number;
  column: number;
  /** Set when the error is a key or table defined twice. */
  duplicate?: { key: string; firstLine?: number };
}

export type TomlParseResult =
  | { ok: true; value: Record<string, unknown> }
  | { ok: false; error: TomlParseError };

const BOM = '\uFEFF';

/** Parses a TOML file's text; never throws. `file` is only used in messages. */
export function parseTomlDocument(text: string, file: string): TomlParseResult {
  const body = text.startsWith(BOM) ? text.slice(1) : text;
  try {
    return { ok: true, value: parse(body) as Record<string, unknown> };
  } catch (err) {
    if (err instanceof TomlError) {
      const line = err.line;
      const column = err.column;
      const firstLineOfMessage = (err.message.split('\n')[0] ?? '').replace(/^Invalid TOML document:\s*/, '');
      if (/redefine/i.test(firstLineOfMessage)) {
        const dup = describeRedefinition(body, line);
        if (dup) {
          const where = dup.firstLine ? `first defined on line ${dup.firstLine}, again on line ${line}` : `line ${line}`;
          return {
            ok: false,
            error: {
              message: `${file}:${line}:${column}: \`${dup.key}\` is defined twice (${where})`,
              line,
              column,
              duplicate: dup,
            },
          };
        }
      }
      return { ok: false, error: { message: `${file}:${line}:${column}: ${firstLineOfMessage}`, line, column } };
    }
    const message = err instanceof Error ? err.message : String(err);
    return { ok: false, error: { message: `${file}: ${message}`, line: 1, column: 1 } };
  }
}

interface Definition {
  path: string[];
  line: number;
  kind: 'table' | 'array-table' | 'key';
}

/**
 * Finds which key or table the line `errorLine` defines and where it was defined before.
 * A light line scanner: enough to name the key, not a TOML parser.
 */
function describeRedefinition(text: string, errorLine: number): { key: string; firstLine?: number } | null {
  const defs = scanDefinitions(text);
  const culprit = defs.find((d) => d.line === errorLine);
  if (!culprit) return null;
  const key = culprit.path.join('.');
  const earlier = defs.find(
    (d) =>
      d.line < errorLine &&
      d.kind !== 'array-table' &&
      (samePath(d.path, culprit.path) ||
        // `a.b = 1` then `[a]`/`[a.b]`, or `x = {…}` then `[x]`: a prefix already holds a value.
        (d.kind === 'key' && isPrefix(d.path, culprit.path)) ||
        // `x.y = 1` created table x implicitly; `[x]` later redefines it.
        (culprit.kind === 'table' && d.kind === 'key' && d.path.length > culprit.path.length && isPrefix(culprit.path, d.path)) ||
        (culprit.kind === 'key' && d.kind === 'key' && isPrefix(culprit.path, d.path))),
  );
  return { key, firstLine: earlier?.line };
}

/**
 * Line of the first place that defines `keyPath` (as a table header, a dotted key or an inline
 * table holding it), or of the nearest enclosing definition. For locating findings only.
 */
export function locateKey(text: string, keyPath: string[]): { line: number; column: number } | undefined {
  const body = text.startsWith(BOM) ? text.slice(1) : text;
  const defs = scanDefinitions(body);
  const exact = defs.find((d) => isPrefix(keyPath, d.path));
  if (exact) return { line: exact.line, column: 1 };
  const enclosing = defs.find((d) => d.kind === 'key' && isPrefix(d.path, keyPath));
  return enclosing ? { line: enclosing.line, column: 1 } : undefined;
}

function samePath(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((p, i) => p === b[i]);
}

function isPrefix(prefix: string[], full: string[]): boolean {
  return prefix.length <= full.length && prefix.every((p, i) => p === full[i]);
}

/** Every header and key with its line, from the fix engine's scanner (which skips strings and arrays). */
function scanDefinitions(text: string): Definition[] {
  let statements: Statement[];
  try {
    statements = scanToml(text).statements;
  } catch {
    return []; // text the scanner cannot follow: the finding then names no key
  }
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lineOf = (offset: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  return statements.map((st): Definition =>
    st.kind === 'header'
      ? { path: st.path.map((k) => k.name), line: lineOf(st.lineStart), kind: st.array ? 'array-table' : 'table' }
      : { path: [...st.table, ...st.key.map((k) => k.name)], line: lineOf(st.lineStart), kind: 'key' },
  );
}
