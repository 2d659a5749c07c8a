// Small display helpers shared by the command line, the reports and the app.
import type { MessageId } from './i18n/message.ts';
import type { ProbePhase, SourceLocation } from './types.ts';

/** `file:line:column`, leaving out what is unknown. */
export function formatLocation(loc: SourceLocation): string {
  return `${loc.file}${loc.line ? `:${loc.line}` : ''}${loc.line && loc.column ? `:${loc.column}` : ''}`;
}

/** The step of a probe, in words: the same in the report's evidence and the app's table. */
export const PROBE_PHASE_NAMES: Readonly<Record<ProbePhase, MessageId>> = {
  dns: 'diagnosis.phase.dns',
  tcp: 'diagnosis.phase.tcp',
  tls: 'diagnosis.phase.tls',
  https: 'diagnosis.phase.https',
  websocket: 'diagnosis.phase.websocket',
  'proxy-sniff': 'diagnosis.phase.proxy-sniff',
};
