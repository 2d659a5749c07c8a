// A TOML statement scanner that keeps byte offsets, so edits can touch only the text they need.
// It does not build values (smol-toml does that); it finds headers, keys and value spans, and
// skips strings (multi-line ones included), arrays and inline tables so that TOML-looking text
// inside them is never mistaken for a statement.

export interface KeySegment {
  name: string;
  start: number;
  end: number;
}

export type ValueKind = 'inline-table' | 'array' | 'string' | 'other';

export interface HeaderStatement {
  kind: 'header';
  array: boolean;
  path: KeySegment[];
  /**
   * True when the table is an `[[array.table]]` element or sits inside one: after `[[a]]`, the
   * header `[a.b]` opens table `b` of the last element of `a`, not a table at path a.b.
   */
  inArrayTable: boolean;
  lineStart: number;
  /** End of the line's content (before its line ending). */
  contentEnd: number;
  /** After the line ending (or the end of the text). */
  lineEnd: number;
}

export interface KeyValueStatement {
  kind: 'kv';
  /** Path of the table the statement sits in (the last header), [] at top level. */
  table: string[];
  /** True when that table is an `[[array.table]]` element or sits inside one (`[a.b]` after `[[a]]`). */
  inArrayTable: boolean;
  key: KeySegment[];
  valueStart: number;
  valueEnd: number;
  valueKind: ValueKind;
  lineStart: number;
  contentEnd: number;
  lineEnd: number;
}

export type Statement = HeaderStatement | KeyValueStatement;

export interface ScannedLine {
  start: number;
  contentEnd: number;
  end: number;
  kind: 'blank' | 'comment' | 'statement' | 'continuation';
}

export interface ScannedDocument {
  text: string;
  /** 1 when the text starts with a BOM. */
  bodyStart: number;
  eol: '\n' | '\r\n';
  statements: Statement[];
  lines: ScannedLine[];
}

export class TomlScanError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${message} (line ${line}, column ${column})`);
    this.name = 'TomlScanError';
  }
}

const BARE_KEY = /[A-Za-z0-9_-]/;

export function detectEol(text: string): '\n' | '\r\n' {
  const crlf = text.split('\r\n').length - 1;
  const lf = text.split('\n').length - 1;
  return crlf > 0 && crlf * 2 >= lf ? '\r\n' : '\n';
}

export function stripBom(text: string): string {
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

class Cursor {
  pos: number;
  constructor(
    readonly text: string,
    start: number,
  ) {
    this.pos = start;
  }

  fail(message: string, at = this.pos): never {
    const before = this.text.slice(0, at);
    const line = before.split('\n').length;
    const column = at - (before.lastIndexOf('\n') + 1) + 1;
    throw new TomlScanError(message, line, column);
  }

  peek(offset = 0): string {
    return this.text[this.pos + offset] ?? '';
  }

  startsWith(s: string): boolean {
    return this.text.startsWith(s, this.pos);
  }

  atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  atEol(): boolean {
    return this.atEnd() || this.peek() === '\n' || this.startsWith('\r\n');
  }

  skipSpaces(): void {
    while (this.peek() === ' ' || this.peek() === '\t') this.pos += 1;
  }

  /** Skips spaces, newlines and comments (inside arrays and inline tables). */
  skipSpacesNewlinesComments(): void {
    for (;;) {
      const c = this.peek();
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') this.pos += 1;
      else if (c === '#') this.skipToEol();
      else return;
    }
  }

  skipToEol(): void {
    while (!this.atEnd() && this.peek() !== '\n' && !this.startsWith('\r\n')) this.pos += 1;
  }

  /** Consumes the line ending; returns the position after it. */
  consumeEol(): void {
    if (this.startsWith('\r\n')) this.pos += 2;
    else if (this.peek() === '\n') this.pos += 1;
  }
}

function readKeySegment(cur: Cursor): KeySegment {
  const start = cur.pos;
  const c = cur.peek();
  if (c === '"') {
    const end = skipBasicString(cur.text, cur.pos, cur);
    cur.pos = end;
    return { name: decodeBasicString(cur.text.slice(start, end), cur, start), start, end };
  }
  if (c === "'") {
    const close = cur.text.indexOf("'", start + 1);
    const nl = cur.text.indexOf('\n', start + 1);
    if (close < 0 || (nl >= 0 && nl < close)) cur.fail('unterminated literal key');
    cur.pos = close + 1;
    return { name: cur.text.slice(start + 1, close), start, end: close + 1 };
  }
  while (BARE_KEY.test(cur.peek())) cur.pos += 1;
  if (cur.pos === start) cur.fail('expected a key');
  return { name: cur.text.slice(start, cur.pos), start, end: cur.pos };
}

const SIMPLE_ESCAPES: Record<string, string> = {
  b: '\b',
  t: '\t',
  n: '\n',
  f: '\f',
  r: '\r',
  e: '\u001b',
  '"': '"',
  '\\': '\\',
};

/** The text of a quoted basic string (quotes included), escapes decoded in one left-to-right pass. */
function decodeBasicString(quoted: string, cur: Cursor, at: number): string {
  let out = '';
  for (let i = 1; i < quoted.length - 1; i += 1) {
    const c = quoted[i]!;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = quoted[i + 1] ?? '';
    const hexLength = e === 'u' ? 4 : e === 'U' ? 8 : e === 'x' ? 2 : 0;
    if (hexLength > 0) {
      const hex = quoted.slice(i + 2, i + 2 + hexLength);
      const cp = /^[0-9A-Fa-f]+$/.test(hex) && hex.length === hexLength ? Number.parseInt(hex, 16) : -1;
      if (cp < 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) cur.fail('invalid escape in a key', at + i);
      out += String.fromCodePoint(cp);
      i += 1 + hexLength;
    } else if (e in SIMPLE_ESCAPES) {
      out += SIMPLE_ESCAPES[e];
      i += 1;
    } else cur.fail('invalid escape in a key', at + i);
  }
  return out;
}

export function readKeyPath(cur: Cursor): KeySegment[] {
  const segments: KeySegment[] = [];
  for (;;) {
    cur.skipSpaces();
    segments.push(readKeySegment(cur));
    cur.skipSpaces();
    if (cur.peek() !== '.') return segments;
    cur.pos += 1;
  }
}

/** End offset (after the closing quote) of a single-line basic string starting at `start`. */
function skipBasicString(text: string, start: number, cur: Cursor): number {
  let i = start + 1;
  for (;;) {
    const c = text[i];
    if (c === undefined || c === '\n') cur.fail('unterminated string', start);
    if (c === '\\') i += 2;
    else if (c === '"') return i + 1;
    else i += 1;
  }
}

function skipMultilineString(text: string, start: number, quote: '"' | "'", cur: Cursor): number {
  const delim = quote.repeat(3);
  let i = start + 3;
  for (;;) {
    if (i >= text.length) cur.fail('unterminated multi-line string', start);
    const c = text[i];
    if (quote === '"' && c === '\\') {
      i += 2;
      continue;
    }
    if (text.startsWith(delim, i)) {
      let end = i + 3;
      // Up to two quotes may sit right before the closing delimiter.
      let extra = 0;
      while (text[end] === quote && extra < 2) {
        end += 1;
        extra += 1;
      }
      return end;
    }
    i += 1;
  }
}

/** Scans one value at the cursor and returns its kind; the cursor ends right after it. */
function skipValue(cur: Cursor): ValueKind {
  const text = cur.text;
  const start = cur.pos;
  if (cur.startsWith('"""')) {
    cur.pos = skipMultilineString(text, start, '"', cur);
    return 'string';
  }
  if (cur.startsWith("'''")) {
    cur.pos = skipMultilineString(text, start, "'", cur);
    return 'string';
  }
  const c = cur.peek();
  if (c === '"') {
    cur.pos = skipBasicString(text, start, cur);
    return 'string';
  }
  if (c === "'") {
    const close = text.indexOf("'", start + 1);
    const nl = text.indexOf('\n', start + 1);
    if (close < 0 || (nl >= 0 && nl < close)) cur.fail('unterminated literal string', start);
    cur.pos = close + 1;
    return 'string';
  }
  if (c === '[') {
    cur.pos += 1;
    for (;;) {
      cur.skipSpacesNewlinesComments();
      if (cur.atEnd()) cur.fail('unterminated array', start);
      if (cur.peek() === ']') {
        cur.pos += 1;
        return 'array';
      }
      skipValue(cur);
      cur.skipSpacesNewlinesComments();
      if (cur.peek() === ',') cur.pos += 1;
      else if (cur.peek() !== ']') cur.fail('expected , or ] in array');
    }
  }
  if (c === '{') {
    parseInlineTableAt(cur);
    return 'inline-table';
  }
  // Bare scalar: number, boolean, date-time (a local date-time may hold one space).
  while (!cur.atEol()) {
    const d = cur.peek();
    if (d === ',' || d === ']' || d === '}' || d === '#' || d === '\t') break;
    if (d === ' ') {
      const soFar = text.slice(start, cur.pos);
      if (/^\d{4}-\d{2}-\d{2}$/.test(soFar) && /\d/.test(cur.peek(1))) {
        cur.pos += 1;
        continue;
      }
      break;
    }
    cur.pos += 1;
  }
  if (cur.pos === start) cur.fail('expected a value');
  return 'other';
}

export interface InlineEntry {
  key: KeySegment[];
  valueStart: number;
  valueEnd: number;
  valueKind: ValueKind;
}

export interface InlineTable {
  open: number;
  /** Offset of the closing brace. */
  close: number;
  entries: InlineEntry[];
}

function parseInlineTableAt(cur: Cursor): InlineTable {
  const open = cur.pos;
  cur.pos += 1;
  const entries: InlineEntry[] = [];
  for (;;) {
    cur.skipSpacesNewlinesComments();
    if (cur.atEnd()) cur.fail('unterminated inline table', open);
    if (cur.peek() === '}') {
      const close = cur.pos;
      cur.pos += 1;
      return { open, close, entries };
    }
    const key = readKeyPath(cur);
    cur.skipSpaces();
    if (cur.peek() !== '=') cur.fail('expected = in inline table');
    cur.pos += 1;
    cur.skipSpaces();
    const valueStart = cur.pos;
    const valueKind = skipValue(cur);
    entries.push({ key, valueStart, valueEnd: cur.pos, valueKind });
    cur.skipSpacesNewlinesComments();
    if (cur.peek() === ',') cur.pos += 1;
    else if (cur.peek() !== '}') cur.fail('expected , or } in inline table');
  }
}

/** Parses the inline table whose `{` is at `open`. */
export function parseInlineTable(text: string, open: number): InlineTable {
  const cur = new Cursor(text, open);
  if (cur.peek() !== '{') cur.fail('expected an inline table');
  return parseInlineTableAt(cur);
}

export function scanToml(text: string): ScannedDocument {
  const bodyStart = text.startsWith('\uFEFF') ? 1 : 0;
  const cur = new Cursor(text, bodyStart);
  const statements: Statement[] = [];
  const lines: ScannedLine[] = [];
  let table: string[] = [];
  let inArrayTable = false;
  // The paths declared as arrays of tables so far, as JSON arrays.
  const arrayTables = new Set<string>();
  const isInArray = (names: string[], array: boolean): boolean =>
    array || names.some((_, i) => i > 0 && arrayTables.has(JSON.stringify(names.slice(0, i))));

  const finishLine = (lineStart: number, kind: ScannedLine['kind']): { contentEnd: number; end: number } => {
    cur.skipSpaces();
    if (cur.peek() === '#') cur.skipToEol();
    if (!cur.atEol()) cur.fail('unexpected text after a statement');
    const contentEnd = cur.pos;
    cur.consumeEol();
    lines.push({ start: lineStart, contentEnd, end: cur.pos, kind });
    return { contentEnd, end: cur.pos };
  };

  while (!cur.atEnd()) {
    const lineStart = cur.pos;
    cur.skipSpaces();
    if (cur.atEol()) {
      finishLine(lineStart, 'blank');
      continue;
    }
    if (cur.peek() === '#') {
      finishLine(lineStart, 'comment');
      continue;
    }
    if (cur.peek() === '[') {
      const array = cur.startsWith('[[');
      cur.pos += array ? 2 : 1;
      const path = readKeyPath(cur);
      cur.skipSpaces();
      if (!cur.startsWith(array ? ']]' : ']')) cur.fail('expected ] after a table name');
      cur.pos += array ? 2 : 1;
      const { contentEnd, end } = finishLine(lineStart, 'statement');
      table = path.map((s) => s.name);
      inArrayTable = isInArray(table, array);
      if (array) arrayTables.add(JSON.stringify(table));
      statements.push({ kind: 'header', array, path, inArrayTable, lineStart, contentEnd, lineEnd: end });
      continue;
    }
    const key = readKeyPath(cur);
    cur.skipSpaces();
    if (cur.peek() !== '=') cur.fail('expected = after a key');
    cur.pos += 1;
    cur.skipSpaces();
    const valueStart = cur.pos;
    const firstLineCount = lines.length;
    const valueKind = skipValue(cur);
    const valueEnd = cur.pos;
    const { contentEnd, end } = finishLine(lineStart, 'statement');
    // A value that spans lines: mark the lines inside it as continuation lines.
    const spanned = text.slice(lineStart, contentEnd).split('\n').length;
    if (spanned > 1) {
      const last = lines.pop()!;
      let offset = lineStart;
      for (let i = 0; i < spanned; i += 1) {
        const nl = text.indexOf('\n', offset);
        const lineEndAt = i === spanned - 1 ? last.end : nl + 1;
        const contentAt = i === spanned - 1 ? last.contentEnd : text[nl - 1] === '\r' ? nl - 1 : nl;
        lines.splice(firstLineCount + i, 0, {
          start: offset,
          contentEnd: contentAt,
          end: lineEndAt,
          kind: i === 0 ? 'statement' : 'continuation',
        });
        offset = lineEndAt;
      }
    }
    statements.push({
      kind: 'kv',
      table,
      inArrayTable,
      key,
      valueStart,
      valueEnd,
      valueKind,
      lineStart,
      contentEnd,
      lineEnd: end,
    });
  }
  return { text, bodyStart, eol: detectEol(text), statements, lines };
}
