import { parse, TomlError } from 'smol-toml';

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

function scanDefinitions(text: string): Definition[] {
  const lines = text.split(/\r?\n/);
  const defs: Definition[] = [];
  let table: string[] = [];
  let openMultiline: '"""' | "'''" | null = null;
  let depth = 0; // open [ or { of a value spanning lines

  lines.forEach((raw, index) => {
    const lineNo = index + 1;
    if (openMultiline) {
      if (raw.includes(openMultiline)) openMultiline = null;
      return;
    }
    if (depth > 0) {
      depth += bracketBalance(raw);
      return;
    }
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const header = /^\[\[?\s*(.+?)\s*\]\]?\s*(#.*)?$/.exec(line);
    if (header && line.startsWith('[')) {
      table = splitKey(header[1] ?? '');
      defs.push({ path: table, line: lineNo, kind: line.startsWith('[[') ? 'array-table' : 'table' });
      return;
    }
    const eq = findAssignment(line);
    if (eq < 0) return;
    defs.push({ path: [...table, ...splitKey(line.slice(0, eq))], line: lineNo, kind: 'key' });
    const value = line.slice(eq + 1).trim();
    for (const quote of ['"""', "'''"] as const) {
      if (value.startsWith(quote) && value.split(quote).length === 2) openMultiline = quote;
    }
    if (!openMultiline) depth = Math.max(0, bracketBalance(value));
  });
  return defs;
}

/** Index of the `=` that ends the key part, skipping quoted keys. */
function findAssignment(line: string): number {
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '=') {
      return i;
    }
  }
  return -1;
}

function splitKey(key: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quote: string | null = null;
  for (const c of key.trim()) {
    if (quote) {
      if (c === quote) quote = null;
      else current += c;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '.') {
      parts.push(current.trim());
      current = '';
    } else {
      current += c;
    }
  }
  parts.push(current.trim());
  return parts;
}

function bracketBalance(text: string): number {
  let balance = 0;
  let quote: string | null = null;
  for (const c of text) {
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#') break;
    else if (c === '[' || c === '{') balance++;
    else if (c === ']' || c === '}') balance--;
  }
  return balance;
}
