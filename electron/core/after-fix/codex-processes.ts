// The running programs that read $CODEX_HOME only when they start, and so must restart to pick a
// change up: Codex CLI sessions, the Codex desktop app, and VS Code / Cursor / Windsurf with the
// Codex extension (which runs `codex app-server` from its own folder).
import { runSafely, type RunCommand } from '../environment/run-command.ts';
import { joinMessages, type Message, type MessageId, msg } from '../../../shared/i18n/message.ts';

/** The kinds of Codex programs, by their English names (stable: tests and the process list use them). */
export type CodexProgram =
  'Codex CLI' | 'Codex app' | 'VS Code (Codex extension)' | 'Cursor (Codex extension)' | 'Windsurf (Codex extension)';

/** How each is named to the reader. */
const PROGRAM_NAMES: Record<CodexProgram, MessageId> = {
  'Codex CLI': 'fixes.after.program.cli',
  'Codex app': 'fixes.after.program.app',
  'VS Code (Codex extension)': 'fixes.after.program.vscode',
  'Cursor (Codex extension)': 'fixes.after.program.cursor',
  'Windsurf (Codex extension)': 'fixes.after.program.windsurf',
};

export interface CodexProcess {
  pid: number;
  /** `Codex CLI`, `Codex app`, `VS Code (Codex extension)`, … */
  what: CodexProgram;
}

const EDITORS: [RegExp, CodexProgram][] = [
  [/[\\/]\.cursor[\\/]extensions[\\/]openai\.chatgpt/i, 'Cursor (Codex extension)'],
  [/[\\/]\.windsurf[\\/]extensions[\\/]openai\.chatgpt/i, 'Windsurf (Codex extension)'],
  [/[\\/]\.vscode(?:-insiders|-server)?[\\/]extensions[\\/]openai\.chatgpt/i, 'VS Code (Codex extension)'],
];

/** What a process is, from its command line; null when it is not Codex. */
export function classifyCodexProcess(commandLine: string): CodexProgram | null {
  for (const [pattern, what] of EDITORS) if (pattern.test(commandLine)) return what;
  // The desktop app (its helper processes included): macOS bundle, Windows install or Store package.
  if (
    /Codex\.app[\\/]Contents[\\/]|[\\/]Programs[\\/]Codex[\\/]Codex\.exe|WindowsApps[\\/][^\\/]*Codex[^\\/]*[\\/]Codex\.exe/i.test(
      commandLine,
    )
  )
    return 'Codex app';
  // The CLI: the npm launcher (`node …/@openai/codex/bin/codex.js`) or its native binary.
  if (/@openai[\\/]codex[\\/]bin[\\/]codex\.js|(?:^|[\\/])codex(?:\.exe)?(?:\s|$)/i.test(commandLine))
    return 'Codex CLI';
  return null;
}

/** `ps -Ao pid=,args=` (macOS, Linux) or PowerShell's `ProcessId,CommandLine` CSV (Windows), parsed. */
export function parseProcessList(output: string, platform: NodeJS.Platform): { pid: number; commandLine: string }[] {
  const rows: { pid: number; commandLine: string }[] = [];
  for (const line of output.split(/\r?\n/)) {
    if (platform === 'win32') {
      const m = /^"(\d+)","(.*)"$/.exec(line.trim());
      if (m) rows.push({ pid: Number(m[1]), commandLine: m[2]!.replace(/""/g, '"') });
    } else {
      const m = /^\s*(\d+)\s+(.*)$/.exec(line);
      if (m) rows.push({ pid: Number(m[1]), commandLine: m[2]! });
    }
  }
  return rows;
}

/** The running Codex programs, one per kind and pid; the doctor itself is never among them. */
export async function findRunningCodex(
  run: RunCommand,
  platform: NodeJS.Platform = process.platform,
): Promise<CodexProcess[]> {
  const result =
    platform === 'win32'
      ? await runSafely(
          run,
          'powershell.exe',
          [
            '-NoProfile',
            '-Command',
            'Get-CimInstance Win32_Process | Select-Object ProcessId,CommandLine | ConvertTo-Csv -NoTypeInformation',
          ],
          4000,
        )
      : await runSafely(run, 'ps', ['-Ao', 'pid=,args='], 3000);
  if (result.code !== 0) return [];
  const found: CodexProcess[] = [];
  for (const row of parseProcessList(result.stdout, platform)) {
    if (row.pid === process.pid || /codex-connection-doctor|electron[\\/]cli\.ts/i.test(row.commandLine)) continue;
    const what = classifyCodexProcess(row.commandLine);
    if (what) found.push({ pid: row.pid, what });
  }
  return found;
}

/** One sentence for the preview, or null when nothing needs a restart. */
export function restartNote(processes: CodexProcess[]): Message | null {
  if (processes.length === 0) return null;
  const kinds = new Map<CodexProgram, number[]>();
  for (const p of processes) kinds.set(p.what, [...(kinds.get(p.what) ?? []), p.pid]);
  const programs = [...kinds].map(([what, pids]) =>
    msg('fixes.after.program', {
      what: msg(PROGRAM_NAMES[what]),
      pids: `${pids.slice(0, 3).join(', ')}${pids.length > 3 ? ', …' : ''}`,
    }),
  );
  const list = joinMessages(programs, 'clauses')!;
  return msg('fixes.after.restart', { programs: list });
}
