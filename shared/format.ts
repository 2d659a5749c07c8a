// Small display helpers shared by the command line, the reports and the app.
import type { SourceLocation } from './types.ts';

/** `file:line:column`, leaving out what is unknown. */
export function formatLocation(loc: SourceLocation): string {
  return `${loc.file}${loc.line ? `:${loc.line}` : ''}${loc.line && loc.column ? `:${loc.column}` : ''}`;
}
