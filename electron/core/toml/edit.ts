// Minimal text edits on a TOML document: only the characters a change needs are touched, so
// comments, key order, blank lines, quoting, CRLF, a BOM and a missing final newline survive.
// Every edit is checked by re-parsing (verifyEdit) before anything is written.
import { isDeepStrictEqual } from 'node:util';
import { parseTomlDocument } from './read.ts';
import { msg, type Message } from '../../../shared/i18n/message.ts';
import { errorMessageOf } from '../../../shared/fix-errors.ts';
import { english } from '../../../shared/i18n/translate.ts';
import {
  parseInlineTable,
  scanToml,
  type InlineTable,
  type KeyValueStatement,
  type ScannedDocument,
  type HeaderStatement,
} from './scan.ts';

export type TomlScalar = string | number | boolean;
/** Anything smol-toml parses into: scalars, dates, arrays and tables (written inline). */
export type TomlWritable = TomlScalar | Date | TomlWritable[] | { [key: string]: TomlWritable };

/** An edit this module cannot make safely: `userMessage` says why; `message` is its English text. */
export class TomlEditError extends Error {
  constructor(readonly userMessage: Message) {
    super(english(userMessage));
    this.name = 'TomlEditError';
  }
}

export class TomlSyntaxError extends Error {
  readonly userMessage: Message;
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly column: number | undefined,
    /** The parser's own words (shown as they are). */
    detail: string | Message,
  ) {
    const where = `${file}${line ? `:${line}${column ? `:${column}` : ''}` : ''}`;
    const userMessage = msg('fixes.toml.syntax', { where, detail });
    super(english(userMessage));
    this.userMessage = userMessage;
    this.name = 'TomlSyntaxError';
  }
}

/** Parses TOML text (a BOM allowed); throws TomlSyntaxError with line and column. */
export function parseTomlText(text: string, file = 'config.toml'): Record<string, unknown> {
  // One parser for the whole app: the setup reader's, which also names a key defined twice.
  const result = parseTomlDocument(text, file);
  if (result.ok) return result.value;
  const { line, column, message } = result.error;
  throw new TomlSyntaxError(
    file,
    line,
    column,
    typeof message === 'string' ? message.replace(/^[^:]*(:\d+){0,2}: /, '') : message,
  );
}

// ------------------------------------------------------------------ formatting

export function formatKeySegment(name: string): string {
  return /^[A-Za-z0-9_-]+$/.test(name) ? name : basicString(name);
}

export function formatKeyPath(path: string[]): string {
  return path.map(formatKeySegment).join('.');
}

function basicString(value: string): string {
  // JSON escapes are valid TOML basic-string escapes; JSON leaves U+007F (DEL) raw, TOML does not allow it.
  return JSON.stringify(value).replace(/\u007F/g, '\\u007F');
}

/** Formats a scalar; when replacing `existing` keeps its quoting style where the value allows. */
export function formatValue(value: TomlWritable, existing?: string): string {
  if (value instanceof Date) return value.toISOString(); // smol-toml's TomlDate prints its TOML form
  if (Array.isArray(value)) return `[${value.map((v) => formatValue(v)).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value).map(([k, v]) => `${formatKeySegment(k)} = ${formatValue(v)}`);
    return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TomlEditError(msg('fixes.toml.non-finite'));
    return String(value);
  }
  // A literal string cannot hold a quote or a control character (TOML 1.0: basic strings escape them).
  // eslint-disable-next-line no-control-regex
  const literalOk = !/['\u0000-\u0008\u000A-\u001F\u007F]/.test(value);
  if (existing?.startsWith("'") && !existing.startsWith("'''") && literalOk) return `'${value}'`;
  return basicString(value);
}

// ------------------------------------------------------------------ splicing helpers

interface Splice {
  start: number;
  end: number;
  text: string;
}

function applySplices(text: string, splices: Splice[]): string {
  const sorted = [...splices].sort((a, b) => b.start - a.start);
  let out = text;
  for (const s of sorted) out = out.slice(0, s.start) + s.text + out.slice(s.end);
  return out;
}

function pathEquals(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}

function isPrefix(prefix: string[], path: string[]): boolean {
  return prefix.length <= path.length && prefix.every((s, i) => s === path[i]);
}

function fullPath(kv: KeyValueStatement): string[] {
  return [...kv.table, ...kv.key.map((k) => k.name)];
}

function lineIndent(doc: ScannedDocument, lineStart: number): string {
  const m = /^[ \t]*/.exec(doc.text.slice(lineStart));
  return m ? m[0] : '';
}

/** A splice that adds `line` as a new line right after the statement ending at lineEnd/contentEnd. */
function insertLineAfter(doc: ScannedDocument, at: { contentEnd: number; lineEnd: number }, line: string): Splice {
  if (at.lineEnd === at.contentEnd) {
    // The statement is the last line and has no line ending: keep "no final newline".
    return { start: at.contentEnd, end: at.contentEnd, text: doc.eol + line };
  }
  return { start: at.lineEnd, end: at.lineEnd, text: line + doc.eol };
}

function kvStatements(doc: ScannedDocument): KeyValueStatement[] {
  return doc.statements.filter((s): s is KeyValueStatement => s.kind === 'kv' && !s.inArrayTable);
}

function headers(doc: ScannedDocument): HeaderStatement[] {
  return doc.statements.filter((s): s is HeaderStatement => s.kind === 'header');
}

/** The statements after a header up to the next header. */
function sectionOf(doc: ScannedDocument, header: HeaderStatement): KeyValueStatement[] {
  const idx = doc.statements.indexOf(header);
  const out: KeyValueStatement[] = [];
  for (let i = idx + 1; i < doc.statements.length; i += 1) {
    const s = doc.statements[i]!;
    if (s.kind === 'header') break;
    out.push(s);
  }
  return out;
}

function topLevelStatements(doc: ScannedDocument): KeyValueStatement[] {
  const out: KeyValueStatement[] = [];
  for (const s of doc.statements) {
    if (s.kind === 'header') break;
    out.push(s);
  }
  return out;
}

// ------------------------------------------------------------------ locating

type Location =
  | { kind: 'value'; start: number; end: number }
  | { kind: 'inline'; table: InlineTable; relative: string[] }
  | { kind: 'section'; header: HeaderStatement }
  | { kind: 'dotted'; after: KeyValueStatement; relative: string[] };

/** Finds the value at `path` inside an inline table whose own path is `base`. */
function findInInline(text: string, table: InlineTable, rest: string[]): Location | null {
  for (const entry of table.entries) {
    const key = entry.key.map((k) => k.name);
    if (pathEquals(key, rest)) return { kind: 'value', start: entry.valueStart, end: entry.valueEnd };
    if (key.length < rest.length && isPrefix(key, rest) && entry.valueKind === 'inline-table') {
      return findInInline(text, parseInlineTable(text, entry.valueStart), rest.slice(key.length));
    }
  }
  return null;
}

/** Finds the container (table) at `tablePath` inside an inline table. */
function findTableInInline(text: string, table: InlineTable, rest: string[]): Location | null {
  if (rest.length === 0) return { kind: 'inline', table, relative: [] };
  for (const entry of table.entries) {
    const key = entry.key.map((k) => k.name);
    if (isPrefix(key, rest) && entry.valueKind === 'inline-table') {
      return findTableInInline(text, parseInlineTable(text, entry.valueStart), rest.slice(key.length));
    }
  }
  // Defined by dotted keys inside the inline table: `{ p.name = "P", p.base_url = "…" }`.
  if (
    table.entries.some(
      (entry) =>
        entry.key.length > rest.length &&
        isPrefix(
          rest,
          entry.key.map((k) => k.name),
        ),
    )
  ) {
    return { kind: 'inline', table, relative: rest };
  }
  return null;
}

function findValue(doc: ScannedDocument, path: string[]): Location | null {
  for (const kv of kvStatements(doc)) {
    const full = fullPath(kv);
    if (pathEquals(full, path)) return { kind: 'value', start: kv.valueStart, end: kv.valueEnd };
    if (full.length < path.length && isPrefix(full, path) && kv.valueKind === 'inline-table') {
      const found = findInInline(doc.text, parseInlineTable(doc.text, kv.valueStart), path.slice(full.length));
      if (found) return found;
    }
  }
  return null;
}

/** Where the table `tablePath` is defined, in whichever form. */
function findTable(doc: ScannedDocument, tablePath: string[]): Location | null {
  const header = headers(doc).find(
    (h) =>
      !h.inArrayTable &&
      pathEquals(
        h.path.map((p) => p.name),
        tablePath,
      ),
  );
  if (header) return { kind: 'section', header };
  for (const kv of kvStatements(doc)) {
    const full = fullPath(kv);
    if (isPrefix(full, tablePath) && kv.valueKind === 'inline-table') {
      const found = findTableInInline(
        doc.text,
        parseInlineTable(doc.text, kv.valueStart),
        tablePath.slice(full.length),
      );
      if (found) return found;
    }
  }
  // Defined by dotted keys: `model_providers.x.base_url = …` (top level or in a parent table).
  let lastDotted: KeyValueStatement | null = null;
  for (const kv of kvStatements(doc)) {
    const full = fullPath(kv);
    if (kv.table.length < tablePath.length && isPrefix(tablePath, full) && full.length > tablePath.length) {
      if (isPrefix(kv.table, tablePath)) lastDotted = kv;
    }
  }
  if (lastDotted) return { kind: 'dotted', after: lastDotted, relative: tablePath.slice(lastDotted.table.length) };
  return null;
}

function insertIntoInline(text: string, table: InlineTable, keyText: string, valueText: string): Splice {
  const last = table.entries[table.entries.length - 1];
  if (!last) return { start: table.open, end: table.close + 1, text: `{ ${keyText} = ${valueText} }` };
  return { start: last.valueEnd, end: last.valueEnd, text: `, ${keyText} = ${valueText}` };
}

// ------------------------------------------------------------------ public edit operations

/** True when a table (in any form: header, dotted keys, inline) exists at tablePath. */
export function hasTable(text: string, tablePath: string[]): boolean {
  return findTable(scanToml(text), tablePath) !== null;
}

/**
 * Sets `key` inside the table at `tablePath`, wherever and however that table is written.
 * Changes the value in place (keeping quoting and any trailing comment) or adds the key after
 * the table's last key. Throws TomlEditError when the table does not exist.
 */
export function setKeyInTable(text: string, tablePath: string[], key: string, value: TomlWritable): string {
  const doc = scanToml(text);
  const target = [...tablePath, key];
  const existing = findValue(doc, target);
  if (existing && existing.kind === 'value') {
    const old = text.slice(existing.start, existing.end);
    return applySplices(text, [{ start: existing.start, end: existing.end, text: formatValue(value, old) }]);
  }
  const table = findTable(doc, tablePath);
  if (!table) throw new TomlEditError(msg('fixes.toml.no-table-to-set', { table: formatKeyPath(tablePath), key }));
  const valueText = formatValue(value);
  switch (table.kind) {
    case 'section': {
      const section = sectionOf(doc, table.header);
      const last = section[section.length - 1];
      const anchor = last ?? table.header;
      const indent = last ? lineIndent(doc, last.lineStart) : '';
      return applySplices(text, [insertLineAfter(doc, anchor, `${indent}${formatKeySegment(key)} = ${valueText}`)]);
    }
    case 'inline':
      return applySplices(text, [
        insertIntoInline(text, table.table, formatKeyPath([...table.relative, key]), valueText),
      ]);
    case 'dotted': {
      const indent = lineIndent(doc, table.after.lineStart);
      const keyText = formatKeyPath([...table.relative, key]);
      return applySplices(text, [insertLineAfter(doc, table.after, `${indent}${keyText} = ${valueText}`)]);
    }
    default:
      throw new TomlEditError(msg('fixes.toml.unexpected-table'));
  }
}

/** Sets a key before the first table header (changes it in place or adds it after the last top-level key). */
export function setTopLevelKey(text: string, key: string, value: TomlWritable): string {
  const doc = scanToml(text);
  const top = topLevelStatements(doc);
  const existing = top.find((kv) =>
    pathEquals(
      kv.key.map((k) => k.name),
      [key],
    ),
  );
  if (existing) {
    const old = text.slice(existing.valueStart, existing.valueEnd);
    return applySplices(text, [{ start: existing.valueStart, end: existing.valueEnd, text: formatValue(value, old) }]);
  }
  const line = `${formatKeySegment(key)} = ${formatValue(value)}`;
  const last = top[top.length - 1];
  if (last) return applySplices(text, [insertLineAfter(doc, last, line)]);
  // No top-level key: after the leading comment block when a blank line closes it, else at the top.
  const lines = doc.lines;
  let i = 0;
  while (i < lines.length && lines[i]!.kind === 'comment') i += 1;
  if (i > 0 && i < lines.length && lines[i]!.kind === 'blank') {
    const prev = lines[i - 1]!;
    return applySplices(text, [insertLineAfter(doc, { contentEnd: prev.contentEnd, lineEnd: prev.end }, line)]);
  }
  const first = lines[0];
  const blankAfter = first && first.kind === 'statement' ? doc.eol : '';
  if (!first) return text.slice(0, doc.bodyStart) + line + doc.eol;
  return applySplices(text, [{ start: doc.bodyStart, end: doc.bodyStart, text: line + doc.eol + blankAfter }]);
}

/** Removes a top-level key's whole line. No-op when absent. */
export function removeTopLevelKey(text: string, key: string): string {
  const doc = scanToml(text);
  const existing = topLevelStatements(doc).find((kv) =>
    pathEquals(
      kv.key.map((k) => k.name),
      [key],
    ),
  );
  if (!existing) return text;
  return applySplices(text, [lineRemoval(doc, existing.lineStart, existing.lineEnd)]);
}

function lineRemoval(doc: ScannedDocument, start: number, end: number): Splice {
  // The last line without a line ending: take the previous line's ending instead.
  if (end === doc.text.length && !doc.text.endsWith('\n') && start > doc.bodyStart) {
    const prevEol = doc.text[start - 2] === '\r' ? 2 : 1;
    return { start: start - prevEol, end, text: '' };
  }
  return { start, end, text: '' };
}

/** Appends `[header]` and its lines at the end of the document. */
export function appendTable(text: string, header: string[], lines: string[]): string {
  const doc = scanToml(text);
  const eol = doc.eol;
  const body = text.slice(doc.bodyStart);
  const block = [`[${formatKeyPath(header)}]`, ...lines];
  if (body.length === 0) return text + block.join(eol) + eol;
  if (!body.endsWith('\n')) return text + eol + eol + block.join(eol);
  const lastLine = doc.lines[doc.lines.length - 1];
  const gap = lastLine && lastLine.kind === 'blank' ? '' : eol;
  return text + gap + block.join(eol) + eol;
}

/**
 * Adds a table with the given keys (or sets them where the table exists). When the parent is an
 * inline table the new table goes inside it, since a header cannot extend an inline table.
 */
export function upsertTable(text: string, tablePath: string[], entries: [string, TomlWritable][]): string {
  const doc = scanToml(text);
  if (findTable(doc, tablePath)) {
    let out = text;
    for (const [k, v] of entries) out = setKeyInTable(out, tablePath, k, v);
    return out;
  }
  for (let n = tablePath.length - 1; n >= 1; n -= 1) {
    const parent = findTable(doc, tablePath.slice(0, n));
    if (parent && parent.kind === 'inline') {
      const inner = `{ ${entries.map(([k, v]) => `${formatKeySegment(k)} = ${formatValue(v)}`).join(', ')} }`;
      return applySplices(text, [
        insertIntoInline(text, parent.table, formatKeyPath([...parent.relative, ...tablePath.slice(n)]), inner),
      ]);
    }
    if (parent) break;
  }
  return appendTable(
    text,
    tablePath,
    entries.map(([k, v]) => `${formatKeySegment(k)} = ${formatValue(v)}`),
  );
}

/** Removal splices of adjacent tables can touch or overlap: join them. */
function mergeOverlapping(splices: Splice[]): Splice[] {
  const sorted = [...splices].sort((a, b) => a.start - b.start);
  const out: Splice[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

interface Block {
  start: number;
  end: number;
}

/** The lines of a header's table: attached comments above, the header, its own statements. */
function tableBlock(doc: ScannedDocument, header: HeaderStatement): Block {
  const section = sectionOf(doc, header);
  const last = section[section.length - 1];
  const end = last ? last.lineEnd : header.lineEnd;
  let start = header.lineStart;
  const lineIdx = doc.lines.findIndex((l) => l.start === header.lineStart);
  for (let i = lineIdx - 1; i >= 0 && doc.lines[i]!.kind === 'comment'; i -= 1) start = doc.lines[i]!.start;
  // A comment block at the very top of the file describes the file, not this table.
  if (start === doc.bodyStart && start !== header.lineStart) start = header.lineStart;
  return { start, end };
}

/**
 * Removes the table at `tablePath` and its sub-tables, in header, dotted-key or inline form.
 * Throws when part of it sits inside an inline table it cannot remove as a whole line.
 */
export function removeTable(text: string, tablePath: string[]): string {
  const doc = scanToml(text);
  const splices: Splice[] = [];
  const lineAt = (offset: number) => doc.lines.find((l) => l.start === offset);
  const lineEndingAt = (offset: number) => doc.lines.find((l) => l.end === offset);
  for (const h of headers(doc)) {
    if (
      isPrefix(
        tablePath,
        h.path.map((p) => p.name),
      )
    ) {
      const block = tableBlock(doc, h);
      // Take one blank line along so the gap between the neighbours stays as it was.
      const prev = lineEndingAt(block.start);
      const next = lineAt(block.end);
      if (prev?.kind === 'blank' && next?.kind === 'blank') block.end = next.end;
      else if (prev?.kind === 'blank' && block.end === doc.text.length) block.start = prev.start;
      splices.push({ start: block.start, end: block.end, text: '' });
    }
  }
  for (const kv of kvStatements(doc)) {
    if (isPrefix(tablePath, kv.table)) continue; // inside a removed section already
    const full = fullPath(kv);
    if (isPrefix(tablePath, full)) splices.push(lineRemoval(doc, kv.lineStart, kv.lineEnd));
    else if (isPrefix(full, tablePath) && kv.valueKind === 'inline-table') {
      if (findInInline(text, parseInlineTable(text, kv.valueStart), tablePath.slice(full.length))) {
        throw new TomlEditError(msg('fixes.toml.inside-inline', { table: formatKeyPath(tablePath) }));
      }
    }
  }
  const merged = mergeOverlapping(splices);
  let out = applySplices(text, merged);
  if (!doc.text.endsWith('\n') && out.endsWith(doc.eol)) out = out.slice(0, -doc.eol.length);
  return out;
}

/** Renames the last segment of `oldPath` to `newName` everywhere the table or its keys are written. */
export function renameTable(text: string, oldPath: string[], newName: string): string {
  const doc = scanToml(text);
  const index = oldPath.length - 1;
  const newText = formatKeySegment(newName);
  const splices: Splice[] = [];
  for (const h of headers(doc)) {
    const names = h.path.map((p) => p.name);
    if (isPrefix(oldPath, names)) {
      const seg = h.path[index]!;
      splices.push({ start: seg.start, end: seg.end, text: newText });
    }
  }
  const renameInInline = (table: InlineTable, rest: string[]): void => {
    for (const entry of table.entries) {
      const key = entry.key.map((k) => k.name);
      if (isPrefix(rest, key)) {
        const seg = entry.key[rest.length - 1]!;
        splices.push({ start: seg.start, end: seg.end, text: newText });
      } else if (isPrefix(key, rest) && entry.valueKind === 'inline-table') {
        renameInInline(parseInlineTable(text, entry.valueStart), rest.slice(key.length));
      }
    }
  };
  for (const kv of kvStatements(doc)) {
    if (kv.table.length > index) continue; // the header carries the segment
    const full = fullPath(kv);
    if (isPrefix(oldPath, full)) {
      const seg = kv.key[index - kv.table.length]!;
      splices.push({ start: seg.start, end: seg.end, text: newText });
    } else if (isPrefix(full, oldPath) && kv.valueKind === 'inline-table') {
      renameInInline(parseInlineTable(text, kv.valueStart), oldPath.slice(full.length));
    }
  }
  if (splices.length === 0)
    throw new TomlEditError(msg('fixes.toml.no-table-to-rename', { table: formatKeyPath(oldPath) }));
  return applySplices(text, splices);
}

/**
 * The text of a header-form table as a document of its own: its lines (comments kept), and its
 * sub-tables with the table's prefix removed from their headers. Null when not in header form.
 */
export function extractTableText(text: string, tablePath: string[], eol: string): string | null {
  const doc = scanToml(text);
  const parts: string[] = [];
  let found = false;
  for (const h of headers(doc)) {
    const names = h.path.map((p) => p.name);
    if (!isPrefix(tablePath, names)) continue;
    found = true;
    const block = tableBlock(doc, h);
    const before = text.slice(block.start, h.lineStart);
    const body = text.slice(h.lineEnd, block.end);
    if (names.length === tablePath.length) {
      if (h.array) return null;
      parts.push(before + body);
    } else {
      const rest = names.slice(tablePath.length);
      const bracket = h.array ? ['[[', ']]'] : ['[', ']'];
      parts.push(`${before}${bracket[0]}${formatKeyPath(rest)}${bracket[1]}${eol}${body}`);
    }
  }
  if (!found) return null;
  // Keys of the table itself must come before any sub-table header.
  let out = parts.map((p) => (p.endsWith('\n') ? p : p + eol)).join(eol);
  out = out.replace(/^(\r?\n)+/, '');
  return out;
}

// ------------------------------------------------------------------ verification

export type ExpectedChange = { op: 'set'; path: string[]; value: unknown } | { op: 'delete'; path: string[] };

function setAt(obj: Record<string, unknown>, path: string[], value: unknown): void {
  let node: Record<string, unknown> = obj;
  for (const seg of path.slice(0, -1)) {
    const next = node[seg];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) node[seg] = {};
    node = node[seg] as Record<string, unknown>;
  }
  node[path[path.length - 1]!] = value;
}

function deleteAt(obj: Record<string, unknown>, path: string[]): void {
  let node: unknown = obj;
  for (const seg of path.slice(0, -1)) {
    if (typeof node !== 'object' || node === null) return;
    node = (node as Record<string, unknown>)[seg];
  }
  if (typeof node === 'object' && node !== null) delete (node as Record<string, unknown>)[path[path.length - 1]!];
}

export function getAt(obj: unknown, path: string[]): unknown {
  let node = obj;
  for (const seg of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[seg];
  }
  return node;
}

/** Plain data for comparison: smol-toml dates become strings, so deep-equal compares values. */
function normalize(value: unknown): unknown {
  if (value instanceof Date) return `date:${value.toISOString?.() ?? String(value)}`;
  if (Array.isArray(value)) return value.map(normalize);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = normalize(v);
    return out;
  }
  return value;
}

/**
 * Parses both texts and checks that `after` means `before` with exactly `expected` applied.
 * Throws TomlEditError describing the first difference otherwise.
 */
export function verifyEdit(
  beforeText: string,
  afterText: string,
  expected: ExpectedChange[],
  file = 'config.toml',
): void {
  const before = beforeText.trim() === '' ? {} : parseTomlText(beforeText, file);
  let after: Record<string, unknown>;
  try {
    after = parseTomlText(afterText, file);
  } catch (error) {
    throw new TomlEditError(msg('fixes.toml.edited-unparseable', { file, problem: errorMessageOf(error) }));
  }
  // normalize copies; structuredClone would turn smol-toml's local dates into UTC instants first.
  const want = normalize(before) as Record<string, unknown>;
  for (const change of expected) {
    if (change.op === 'set') setAt(want, change.path, normalize(change.value));
    else deleteAt(want, change.path);
  }
  const got = normalize(after);
  if (!isDeepStrictEqual(want, got)) {
    throw new TomlEditError(msg('fixes.toml.edited-differs', { file }));
  }
}
