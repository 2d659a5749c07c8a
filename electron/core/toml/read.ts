import { parse, TomlError } from 'smol-toml';
import { scanToml, type Statement } from './scan.ts';
import { msg, type Message } from '../../../shared/i18n/message.ts';

export interface TomlParseError {
  /**
   * `file:line:column: problem`, in English, for the fix engine's refusals.
   * @deprecated what a person reads is `text`.
   */
  message: string;
  /** The same as a message: `file:line:column: problem`, the file, line and column as parameters. */
  text: Message;
  /** The problem alone, without the place. */
  problem: Message;
  line: number;
  column: number;
  /** Set when the error is a key or table defined twice. */
  duplicate?: { key: string; firstLine?: number };
}

export type TomlParseResult = { ok: true; value: Record<string, unknown> } | { ok: false; error: TomlParseError };

const BOM = '\uFEFF';

/** A parse error at `line`:`column` of `file`: the problem as a message, and its English line for the fix engine. */
function errorAt(
  file: string,
  line: number,
  column: number,
  problem: Message,
  english: string,
  duplicate?: TomlParseError['duplicate'],
): TomlParseError {
  return {
    message: `${file}:${line}:${column}: ${english}`,
    text: msg('setup.toml.at', { file, line, column, problem }),
    problem,
    line,
    column,
    ...(duplicate ? { duplicate } : {}),
  };
}

/** Parses a TOML file's text; never throws. `file` is only used in messages. */
export function parseTomlDocument(text: string, file: string): TomlParseResult {
  const body = text.startsWith(BOM) ? text.slice(1) : text;
  // Codex (the Rust toml crate) skips one BOM; smol-toml would skip a second one too.
  if (body.startsWith(BOM)) {
    return {
      ok: false,
      error: errorAt(
        file,
        1,
        1,
        msg('setup.toml.second-bom'),
        'a second byte order mark (BOM) at the start of the file',
      ),
    };
  }
  try {
    // Integers beyond 2^53 are valid TOML and Codex loads them: keep them exact as BigInt.
    const value = parse(body, { integersAsBigInt: 'asNeeded' }) as Record<string, unknown>;
    const problem = checkIntegerRange(value) ?? checkDates(body);
    if (problem) {
      const at = problem.line ?? locateKey(body, problem.path ?? [])?.line ?? 1;
      const column = problem.column ?? 1;
      return { ok: false, error: errorAt(file, at, column, problem.text, problem.message) };
    }
    return { ok: true, value };
  } catch (err) {
    if (err instanceof TomlError) {
      const line = err.line;
      const column = err.column;
      const firstLineOfMessage = (err.message.split('\n')[0] ?? '').replace(/^Invalid TOML document:\s*/, '');
      if (/redefine/i.test(firstLineOfMessage)) {
        const dup = describeRedefinition(body, line);
        if (dup) {
          const where = dup.firstLine
            ? `first defined on line ${dup.firstLine}, again on line ${line}`
            : `line ${line}`;
          const problem = dup.firstLine
            ? msg('setup.toml.defined-twice', { key: dup.key, first: dup.firstLine, line })
            : msg('setup.toml.defined-twice-at', { key: dup.key, line });
          return {
            ok: false,
            error: errorAt(file, line, column, problem, `\`${dup.key}\` is defined twice (${where})`, dup),
          };
        }
      }
      // The parser's own words, as it wrote them.
      return {
        ok: false,
        error: errorAt(file, line, column, msg('common.text', { text: firstLineOfMessage }), firstLineOfMessage),
      };
    }
    const message = err instanceof Error ? err.message : String(err);
    const problem = msg('common.text', { text: message });
    return {
      ok: false,
      error: {
        message: `${file}: ${message}`,
        text: msg('setup.toml.in-file', { file, problem }),
        problem,
        line: 1,
        column: 1,
      },
    };
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
  // Inside an array of tables, only the current element's definitions count: `[a.b]` under the
  // second `[[a]]` is a new table, so the clash is with one after that `[[a]]`.
  const element = defs
    .filter(
      (d) =>
        d.kind === 'array-table' &&
        d.line < errorLine &&
        d.path.length < culprit.path.length &&
        isPrefix(d.path, culprit.path),
    )
    .reduce((latest, d) => Math.max(latest, d.line), 0);
  const earlier = defs.find(
    (d) =>
      d.line < errorLine &&
      d.line > element &&
      d.kind !== 'array-table' &&
      (samePath(d.path, culprit.path) ||
        // `a.b = 1` then `[a]`/`[a.b]`, or `x = {…}` then `[x]`: a prefix already holds a value.
        (d.kind === 'key' && isPrefix(d.path, culprit.path)) ||
        // `x.y = 1` created table x implicitly; `[x]` later redefines it.
        (culprit.kind === 'table' &&
          d.kind === 'key' &&
          d.path.length > culprit.path.length &&
          isPrefix(culprit.path, d.path)) ||
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

interface ValueProblem {
  message: string;
  text: Message;
  path?: string[];
  line?: number;
  column?: number;
}

const I64_MIN = -(2n ** 63n);
const I64_MAX = 2n ** 63n - 1n;

/** TOML integers are 64-bit: anything outside that range Codex refuses. */
function checkIntegerRange(value: unknown, path: string[] = []): ValueProblem | undefined {
  if (typeof value === 'bigint') {
    return value < I64_MIN || value > I64_MAX
      ? { message: 'integer does not fit in 64 bits', text: msg('setup.toml.integer-range'), path }
      : undefined;
  }
  if (value instanceof Date || typeof value !== 'object' || value === null) return undefined;
  for (const [k, v] of Object.entries(value)) {
    const found = checkIntegerRange(v, Array.isArray(value) ? path : [...path, k]);
    if (found) return found;
  }
  return undefined;
}

/**
 * smol-toml rolls impossible dates over (2023-02-30 becomes March 2); Codex refuses them. Finds
 * date literals in values (strings and comments blanked out) and checks each day exists.
 */
function checkDates(text: string): ValueProblem | undefined {
  if (!/\d{4}-\d{2}-\d{2}/.test(text)) return undefined;
  const lines = blankStringsAndComments(text).split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!;
    if (/^\s*\[/.test(line)) continue; // a table header: a date-like name is a key
    for (const m of line.matchAll(/(?<![\w.-])(\d{4})-(\d{2})-(\d{2})(?![\w-]*\s*[=.\]])/g)) {
      const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
      const days = [
        31,
        year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28,
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
      ];
      if (month < 1 || month > 12 || day < 1 || day > days[month - 1]!) {
        return {
          message: `${m[0]} is not a date that exists`,
          text: msg('setup.toml.no-such-date', { date: m[0] }),
          line: i + 1,
          column: (m.index ?? 0) + 1,
        };
      }
    }
  }
  return undefined;
}

/** The text with every string's and comment's characters replaced by spaces (line breaks kept). */
function blankStringsAndComments(text: string): string {
  let out = '';
  let i = 0;
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  while (i < text.length) {
    const c = text[i]!;
    if (c === '#') {
      const end = text.indexOf('\n', i);
      const stop = end < 0 ? text.length : end;
      out += blank(text.slice(i, stop));
      i = stop;
    } else if (c === '"' || c === "'") {
      const triple = text.startsWith(c.repeat(3), i);
      const quote = triple ? c.repeat(3) : c;
      let j = i + quote.length;
      while (j < text.length) {
        if (c === '"' && text[j] === '\\') j += 2;
        else if (text.startsWith(quote, j)) {
          j += quote.length;
          // A multi-line string may end with up to two more quotes.
          for (let extra = 0; triple && extra < 2 && text[j] === c; extra += 1) j += 1;
          break;
        } else if (!triple && text[j] === '\n') break;
        else j += 1;
      }
      out += blank(text.slice(i, j));
      i = j;
    } else {
      out += c;
      i += 1;
    }
  }
  return out;
}
