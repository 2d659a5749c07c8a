// Reads $CODEX_HOME/.env the way Codex does (the Rust crate dotenvy, 0.15): `KEY=value`,
// optional `export`, '…' literal, "…" with \\ \' \" \$ \n escapes, `$VAR` / `${VAR}` substitution,
// `#` comments after whitespace, and quoted values that span lines. A line dotenvy rejects is
// skipped (Codex ignores it silently); here it is also reported as a problem.
// Quirks kept on purpose because Codex has them (checked against the real binary, see
// tests/fixtures/codex/dotenv-observed.json): `$NAME` stops at the first non-alphanumeric
// character (so `$MY_VAR` reads `$MY`), a `$NAME` right before a closing `"` makes the line
// invalid, an unclosed quote swallows the rest of the file, and a UTF-8 BOM spoils the first line.

import { msg, type Message } from '../../../shared/i18n/message.ts';

export interface DotenvEntry {
  key: string;
  value: string;
  /** 1-based line where the entry starts. */
  line: number;
}

export interface DotenvProblem {
  line: number;
  /** Why Codex skips the line. */
  message: Message;
}

export interface DotenvParseResult {
  entries: DotenvEntry[];
  problems: DotenvProblem[];
}

/**
 * `env` is only used for `$VAR` substitution (dotenvy looks at the process environment first,
 * then at earlier lines of the file).
 */
export function parseDotenv(text: string, env: NodeJS.ProcessEnv = {}): DotenvParseResult {
  const entries: DotenvEntry[] = [];
  const problems: DotenvProblem[] = [];
  const substitution = new Map<string, string>();

  for (const logical of splitLogicalLines(text)) {
    if (logical.unterminated) {
      const message =
        logical.endLine > logical.line
          ? msg('setup.dotenv.unclosed-quote-rest-lines', { from: logical.line, to: logical.endLine })
          : msg('setup.dotenv.unclosed-quote-rest');
      problems.push({ line: logical.line, message });
      break;
    }
    const parsed = parseLine(logical.text, env, substitution);
    if (parsed === null) continue;
    if ('error' in parsed) {
      problems.push({ line: logical.line, message: parsed.error });
      continue;
    }
    entries.push({ key: parsed.key, value: parsed.value, line: logical.line });
  }
  return { entries, problems };
}

interface LogicalLine {
  text: string;
  line: number;
  endLine: number;
  unterminated: boolean;
}

type QuoteState = 'complete' | 'whitespace' | 'escape' | 'weak' | 'weak-escape' | 'strong' | 'comment';

/** Joins physical lines while a quote is open, and cuts `# comments`, as dotenvy's reader does. */
function splitLogicalLines(text: string): LogicalLine[] {
  const physical = text.split('\n');
  if (physical.length > 0 && physical[physical.length - 1] === '') physical.pop();
  const out: LogicalLine[] = [];
  let i = 0;
  while (i < physical.length) {
    const start = i;
    let buf = '';
    let state: QuoteState = 'complete';
    let done = false;
    while (i < physical.length && !done) {
      const piece = physical[i] + (i < physical.length - 1 || text.endsWith('\n') ? '\n' : '');
      i++;
      if ((buf + piece).trimStart().startsWith('#')) {
        buf = '';
        done = true;
        break;
      }
      const { state: next, commentAt } = advance(state, piece);
      state = next;
      if (state === 'comment') {
        buf += piece.slice(0, commentAt);
        done = true;
      } else if (state === 'complete' || state === 'whitespace') {
        buf += piece;
        done = true;
      } else {
        buf += piece;
      }
    }
    if (!done) {
      out.push({ text: buf, line: start + 1, endLine: physical.length, unterminated: true });
      break;
    }
    out.push({ text: stripNewline(buf), line: start + 1, endLine: i, unterminated: false });
  }
  return out;
}

function stripNewline(s: string): string {
  let out = s;
  if (out.endsWith('\n')) out = out.slice(0, -1);
  if (out.endsWith('\r')) out = out.slice(0, -1);
  return out;
}

function advance(start: QuoteState, piece: string): { state: QuoteState; commentAt: number } {
  let state = start;
  for (let pos = 0; pos < piece.length; pos++) {
    const c = piece[pos] ?? '';
    switch (state) {
      case 'whitespace':
        if (c === '#') return { state: 'comment', commentAt: pos };
        state = c === '\\' ? 'escape' : c === '"' ? 'weak' : c === "'" ? 'strong' : 'complete';
        break;
      case 'escape':
        state = 'complete';
        break;
      case 'complete':
        if (/\s/.test(c) && c !== '\n' && c !== '\r') state = 'whitespace';
        else if (c === '\\') state = 'escape';
        else if (c === '"') state = 'weak';
        else if (c === "'") state = 'strong';
        break;
      case 'weak':
        if (c === '\\') state = 'weak-escape';
        else if (c === '"') state = 'complete';
        break;
      case 'weak-escape':
        state = 'weak';
        break;
      case 'strong':
        if (c === "'") state = 'complete';
        break;
      case 'comment':
        return { state, commentAt: pos };
    }
  }
  return { state, commentAt: piece.length };
}

type LineResult = { key: string; value: string } | { error: Message } | null;

function parseLine(line: string, env: NodeJS.ProcessEnv, substitution: Map<string, string>): LineResult {
  // Not String#trimStart: that also strips a BOM, which dotenvy does not.
  let rest = line.replace(/^[^\S\uFEFF]+/, '');
  if (rest === '' || rest.startsWith('#')) return null;

  const firstKey = readKey(rest);
  if (!firstKey) return { error: msg('setup.dotenv.not-key-value', { start: describeStart(rest) }) };
  let key = firstKey;
  rest = rest.slice(key.length).trimStart();
  if (!rest.startsWith('=')) {
    if (key !== 'export') return { error: msg('setup.dotenv.expected-equals', { key }) };
    // `export KEY=value`: `export` is a prefix unless it is followed by `=`.
    const realKey = readKey(rest);
    if (!realKey) return { error: msg('setup.dotenv.not-key-value', { start: describeStart(rest) }) };
    key = realKey;
    rest = rest.slice(key.length).trimStart();
    if (!rest.startsWith('=')) return { error: msg('setup.dotenv.expected-equals', { key }) };
  }
  rest = rest.slice(1).trimStart();
  if (rest === '' || rest.startsWith('#')) {
    substitution.set(key, '');
    return { key, value: '' };
  }
  const value = parseValue(rest, env, substitution);
  if (typeof value !== 'string') return value;
  substitution.set(key, value);
  return { key, value };
}

function readKey(s: string): string | null {
  if (!/^[A-Za-z_]/.test(s)) return null;
  const m = /^[A-Za-z0-9_.]+/.exec(s);
  return m ? m[0] : null;
}

function describeStart(s: string): Message {
  const cp = s.codePointAt(0) ?? 0;
  if (cp === 0xfeff) return msg('setup.dotenv.starts-with-bom');
  return msg('setup.dotenv.unexpected-character', { character: JSON.stringify(String.fromCodePoint(cp)) });
}

/** Port of dotenvy's value parser, including its handling of substitution inside quotes. */
function parseValue(
  input: string,
  env: NodeJS.ProcessEnv,
  substitution: Map<string, string>,
): string | { error: Message } {
  let strong = false;
  let weak = false;
  let escaped = false;
  let expectingEnd = false;
  let mode: 'none' | 'block' | 'escaped-block' = 'none';
  let name = '';
  let out = '';
  const substitute = () => {
    out += env[name] !== undefined ? env[name] : (substitution.get(name) ?? '');
    name = '';
  };

  for (const c of input) {
    if (expectingEnd) {
      if (c === ' ' || c === '\t') continue;
      if (c === '#') break;
      return { error: msg('setup.dotenv.unquoted-whitespace') };
    } else if (escaped) {
      if (c === '\\' || c === "'" || c === '"' || c === '$' || c === ' ') out += c;
      else if (c === 'n') out += '\n';
      else return { error: msg('setup.dotenv.unsupported-escape', { character: c }) };
      escaped = false;
    } else if (strong) {
      if (c === "'") strong = false;
      else out += c;
    } else if (mode !== 'none') {
      if (/\p{L}|\p{N}/u.test(c)) {
        name += c;
      } else if (mode === 'block') {
        if (c === '{' && name === '') {
          mode = 'escaped-block';
        } else {
          substitute();
          if (c === '$') mode = 'block';
          else {
            mode = 'none';
            out += c;
          }
        }
      } else if (c === '}') {
        mode = 'none';
        substitute();
      } else {
        name += c;
      }
    } else if (c === '$') {
      mode = 'block';
    } else if (weak) {
      if (c === '"') weak = false;
      else if (c === '\\') escaped = true;
      else out += c;
    } else if (c === "'") {
      strong = true;
    } else if (c === '"') {
      weak = true;
    } else if (c === '\\') {
      escaped = true;
    } else if (c === ' ' || c === '\t') {
      expectingEnd = true;
    } else {
      out += c;
    }
  }
  if (mode === 'escaped-block') return { error: msg('setup.dotenv.unclosed-substitution') };
  if (strong || weak) {
    if (/\$[\p{L}\p{N}]+"/u.test(input)) {
      return { error: msg('setup.dotenv.name-before-quote') };
    }
    return { error: msg('setup.dotenv.unclosed-quote') };
  }
  substitute();
  return out;
}
