// Minimal edits of $CODEX_HOME/.env: keys are changed where they stand (keeping `export `, the
// quoting, trailing comments and the line ending), missing keys are appended, and lines this
// reader does not understand are never rewritten.
import { detectEol } from '../toml/index.ts';
import { msg, type Message } from '../../../shared/i18n/message.ts';
import { english } from '../../../shared/i18n/translate.ts';

export type DotenvQuote = '"' | "'" | '';

export interface DotenvLine {
  start: number;
  /** After the line ending. */
  end: number;
  kind: 'blank' | 'comment' | 'entry' | 'odd';
  key?: string;
  value?: string;
  quote?: DotenvQuote;
  valueStart?: number;
  valueEnd?: number;
  /** 1-based line number of the first line. */
  lineNumber: number;
  /** The first line, after a BOM: Codex ignores it. */
  bomIgnored?: boolean;
}

/** An edit this module cannot make safely: `userMessage` says why; `message` is its English text. */
export class DotenvEditError extends Error {
  constructor(readonly userMessage: Message) {
    super(english(userMessage));
    this.name = 'DotenvEditError';
  }
}

const ENTRY = /^([ \t]*)(export[ \t]+)?([A-Za-z_][A-Za-z0-9_.]*)[ \t]*=[ \t]*/;

function unescapeDouble(raw: string): string {
  return raw.replace(/\\(.)/gs, (_m, c: string) => (c === 'n' ? '\n' : c === 'r' ? '\r' : c === 't' ? '\t' : c));
}

/** Splits .env text into lines; a quoted value may span lines (dotenvy allows it). */
export function parseDotenvLines(text: string): DotenvLine[] {
  const out: DotenvLine[] = [];
  let pos = text.startsWith('\uFEFF') ? 1 : 0;
  let lineNumber = 1;
  const lineEndFrom = (from: number): number => {
    const nl = text.indexOf('\n', from);
    return nl < 0 ? text.length : nl + 1;
  };
  if (pos === 1) {
    // dotenvy does not strip a BOM: the first line's key starts with U+FEFF, so Codex ignores
    // that whole line. It is never edited (a key set there is appended as a new line instead).
    const end = lineEndFrom(pos);
    out.push({ start: pos, end, kind: 'odd', lineNumber: 1, bomIgnored: true });
    pos = end;
    lineNumber += 1;
  }
  while (pos < text.length) {
    const end = lineEndFrom(pos);
    const content = text.slice(pos, end).replace(/\r?\n$/, '');
    const trimmed = content.trim();
    const first = lineNumber;
    if (trimmed === '') {
      out.push({ start: pos, end, kind: 'blank', lineNumber: first });
    } else if (trimmed.startsWith('#')) {
      out.push({ start: pos, end, kind: 'comment', lineNumber: first });
    } else {
      const m = ENTRY.exec(content);
      if (!m) {
        out.push({ start: pos, end, kind: 'odd', lineNumber: first });
      } else {
        const valueStart = pos + m[0].length;
        const q = text[valueStart];
        if (q === '"' || q === "'") {
          // Find the closing quote, possibly on a later line.
          let i = valueStart + 1;
          let close = -1;
          while (i < text.length) {
            if (q === '"' && text[i] === '\\') i += 2;
            else if (text[i] === q) {
              close = i;
              break;
            } else i += 1;
          }
          const closeLineEnd = close < 0 ? -1 : lineEndFrom(close);
          const rest = close < 0 ? '' : text.slice(close + 1, closeLineEnd).replace(/\r?\n$/, '');
          if (close < 0 || !/^[ \t]*(#.*)?$/.test(rest)) {
            out.push({ start: pos, end, kind: 'odd', key: m[3], lineNumber: first });
          } else {
            const raw = text.slice(valueStart + 1, close);
            out.push({
              start: pos,
              end: closeLineEnd,
              kind: 'entry',
              key: m[3],
              value: q === '"' ? unescapeDouble(raw) : raw,
              quote: q,
              valueStart,
              valueEnd: close + 1,
              lineNumber: first,
            });
            lineNumber += text.slice(pos, closeLineEnd).split('\n').length - 1;
            pos = closeLineEnd;
            continue;
          }
        } else {
          const valueText = content.slice(m[0].length);
          // As dotenvy reads it: `#` starts a comment only after whitespace, and `KEY= # note` is empty.
          const commentOnly = /[ \t]$/.test(m[0]) && valueText.startsWith('#');
          const hash = commentOnly ? { index: 0 } : /[ \t]#/.exec(valueText);
          const raw = (hash ? valueText.slice(0, hash.index) : valueText).replace(/[ \t]+$/, '');
          out.push({
            start: pos,
            end,
            kind: 'entry',
            key: m[3],
            value: raw,
            quote: '',
            valueStart,
            valueEnd: valueStart + raw.length,
            lineNumber: first,
          });
        }
      }
    }
    lineNumber += 1;
    pos = end;
  }
  return out;
}

/** The value of each key as written (the last occurrence: Codex sets every line, so a later one wins). */
export function readDotenv(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of parseDotenvLines(text)) {
    if (line.kind === 'entry') out.set(line.key!, line.value!);
  }
  return out;
}

/**
 * Adds `suffix` to the end of the value on the entry line `lineNumber` (before a closing quote),
 * leaving the rest of the value as written: `$VAR` / `${VAR}` keep being substituted by Codex.
 */
export function appendToDotenvValue(text: string, lineNumber: number, key: string, suffix: string): string {
  const line = parseDotenvLines(text).find((l) => l.kind === 'entry' && l.key === key && l.lineNumber === lineNumber);
  if (!line) throw new DotenvEditError(msg('fixes.dotenv.cannot-edit-line', { line: lineNumber, key }));
  if (/[\s'"$\\#]/.test(suffix)) throw new DotenvEditError(msg('fixes.dotenv.cannot-append'));
  const at = line.quote === '' ? line.valueEnd! : line.valueEnd! - 1;
  // A comment right after an empty unquoted value must stay a comment.
  const gap = line.quote === '' && text[at] === '#' ? ' ' : '';
  return text.slice(0, at) + suffix + gap + text.slice(at);
}

export function formatDotenvValue(value: string, quote: DotenvQuote): string {
  if (/[\r\n]/.test(value)) throw new DotenvEditError(msg('fixes.dotenv.line-break'));
  const plainOk = /^[A-Za-z0-9_\-.:/@%+=,*~?&[\]!]*$/.test(value);
  if (quote === '' && plainOk) return value;
  if (quote === "'" || (quote === '' && value.includes('$'))) {
    if (!value.includes("'")) return `'${value}'`;
  }
  if (quote === '"' && !value.includes('$')) return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  if (!value.includes("'")) return `'${value}'`;
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\$/g, '\\$')}"`;
}

/**
 * Sets each key: every existing occurrence is changed in place, missing keys are appended.
 * `text` null means the file does not exist yet. Throws when a key to change sits on a line
 * this reader cannot parse.
 */
export function setDotenvKeys(text: string | null, updates: [string, string][]): string {
  const source = text ?? '';
  const eol = source.includes('\n') ? detectEol(source) : process.platform === 'win32' ? '\r\n' : '\n';
  const lines = parseDotenvLines(source);
  const splices: { start: number; end: number; text: string }[] = [];
  const missing: [string, string][] = [];
  for (const [key, value] of updates) {
    const odd = lines.find((l) => l.kind === 'odd' && l.key === key);
    if (odd) throw new DotenvEditError(msg('fixes.dotenv.cannot-edit-line', { line: odd.lineNumber, key }));
    const hits = lines.filter((l) => l.kind === 'entry' && l.key === key);
    if (hits.length === 0) missing.push([key, value]);
    for (const hit of hits) {
      if (hit.value === value) continue;
      // A comment right after an empty value must stay a comment: keep whitespace before its `#`.
      const gap = source[hit.valueEnd!] === '#' ? ' ' : '';
      splices.push({ start: hit.valueStart!, end: hit.valueEnd!, text: formatDotenvValue(value, hit.quote!) + gap });
    }
  }
  let out = source;
  for (const s of splices.sort((a, b) => b.start - a.start)) out = out.slice(0, s.start) + s.text + out.slice(s.end);
  if (missing.length > 0) {
    const entries = lines.filter((l) => l.kind === 'entry');
    const useExport = entries.length > 0 && entries.every((l) => /^\s*export\s/.test(source.slice(l.start, l.end)));
    const body = out.slice(out.startsWith('\uFEFF') ? 1 : 0);
    if (body.length > 0 && !out.endsWith('\n')) out += eol;
    out += missing.map(([k, v]) => `${useExport ? 'export ' : ''}${k}=${formatDotenvValue(v, '')}${eol}`).join('');
  }
  return out;
}
