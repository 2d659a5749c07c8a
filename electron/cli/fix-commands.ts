// `fix`, `revert` and `history`: preview a change as a diff, apply it after the user agrees,
// verify it with a new diagnosis, and put the exact bytes back on request.
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import path from 'node:path';
import type { ApplicableFix, CheckEvent, DiagnosisReport, FixPlan, RevertOutcome } from '../../shared/types.ts';
import { APPLICABLE_FIXES } from '../../shared/types.ts';
import { FIX_ERROR_HINTS } from '../../shared/fix-errors.ts';
import { FIX_TITLES } from '../../shared/recommend.ts';
import { runDiagnosis } from '../core/diagnosis/diagnose.ts';
import { readJournal, toHistoryItem } from '../core/fixes/journal.ts';
import { sinceChangeText, withRecordSinceChange } from '../core/after-fix/since-change.ts';
import { settleJournal } from '../core/fixes/settle.ts';
import { applyAndVerify, FixError, journalDirFor, prepareFix, revert } from '../core/workflow.ts';
import { checkCodexHome, parsePorts, parseProfile, parseTimeout, type CommonContext } from './diagnose-command.ts';
import { UsageError } from './errors.ts';
import { formatCheck, paint, type Out } from './output.ts';
import { formatLocation } from '../../shared/format.ts';

export const FIX_USAGE =
  'fix <disable-websockets|use-proxy|enable-tun|repair-config|trust-ca> [--proxy URL] [--proxy-user NAME] [--ca-file PATH] [--codex-home DIR] [--profile NAME] [--dry-run] [--yes] [--json]';
export const REVERT_USAGE = 'revert [CHANGE_ID|--last] [--remove-fix-lines|--keep] [--json]';
export const HISTORY_USAGE = 'history [--json]';

const FIXES = APPLICABLE_FIXES;

function formatPlan(out: Out, plan: FixPlan): string {
  const lines = [paint(out, 'bold', plan.title), ''];
  for (const d of plan.diffs) {
    lines.push(paint(out, 'bold', `${d.action === 'create' ? 'create' : d.action === 'delete' ? 'delete' : 'change'} ${d.path}  (+${d.added} −${d.removed})`));
    for (const line of d.unified.replace(/\n$/, '').split('\n')) {
      if (line.startsWith('+') && !line.startsWith('+++')) lines.push(paint(out, 'green', line));
      else if (line.startsWith('-') && !line.startsWith('---')) lines.push(paint(out, 'red', line));
      else if (line.startsWith('@@')) lines.push(paint(out, 'dim', line));
      else lines.push(line);
    }
    lines.push('');
  }
  if (plan.apiAction) lines.push(`Will call ${plan.apiAction.controller}: ${plan.apiAction.description}`, '');
  if (plan.manualSteps?.length) {
    lines.push('Steps (in your proxy app):');
    plan.manualSteps.forEach((s, i) => lines.push(`  ${i + 1}. ${s}`));
    lines.push('');
  }
  for (const s of plan.sideEffects) lines.push(`Note: ${s}`);
  for (const w of plan.warnings) lines.push(`${paint(out, 'yellow', '⚠')} ${w}`);
  return lines.join('\n') + '\n';
}

async function confirm(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = await rl.question(question);
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}

/** Reads the proxy password: without echo on a terminal, else the first line of standard input. */
export async function readProxyPassword(ctx: Pick<CommonContext, 'err'>, user: string, input: NodeJS.ReadStream = process.stdin): Promise<string> {
  if (input.isTTY) {
    ctx.err.write(`Password for ${user} at the proxy (not shown): `);
    const password = await readWithoutEcho(input);
    ctx.err.write('\n');
    return password;
  }
  let text = '';
  for await (const chunk of input) {
    text += chunk.toString();
    if (text.includes('\n')) break;
  }
  const line = text.split(/\r?\n/)[0] ?? '';
  if (line === '') throw new UsageError('--proxy-user: give the password on standard input (one line), or run in a terminal to be asked for it.');
  return line;
}

function readWithoutEcho(input: NodeJS.ReadStream): Promise<string> {
  return new Promise((resolve, reject) => {
    let password = '';
    input.setRawMode(true);
    input.resume();
    input.setEncoding('utf8');
    const done = (error?: Error) => {
      input.setRawMode(false);
      input.pause();
      input.off('data', onData);
      if (error) reject(error);
      else resolve(password);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003') return done(new UsageError('cancelled: nothing was written.'));
        if (ch === '\u007f' || ch === '\b') password = password.slice(0, -1);
        else password += ch;
      }
    };
    input.on('data', onData);
  });
}

/** The refusal, where it is, and on a second line what to do next (the same hint the app shows). */
function fixErrorMessage(e: FixError): string {
  const where = e.location ? formatLocation(e.location) : '';
  // Most messages already name the file; add the location only when it says more.
  const message = where && !e.message.includes(where) ? `${e.message} (${where})` : e.message;
  return `${message}\n  Next: ${FIX_ERROR_HINTS[e.code]}`;
}

export async function fixCommand(args: string[], ctx: CommonContext): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      proxy: { type: 'string' },
      'proxy-user': { type: 'string' },
      'ca-file': { type: 'string' },
      'codex-home': { type: 'string' },
      profile: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      yes: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      'timeout-ms': { type: 'string' },
      'proxy-port': { type: 'string', multiple: true },
    },
    strict: true,
    allowPositionals: true,
  });
  const fix = positionals[0] as ApplicableFix | undefined;
  if (!fix || !FIXES.includes(fix) || positionals.length > 1) {
    throw new UsageError(`fix needs one of ${FIXES.join(', ')} (got "${positionals.join(' ')}").`);
  }
  if (values.proxy && fix !== 'use-proxy') throw new UsageError('--proxy goes with use-proxy only.');
  if (values['ca-file'] !== undefined && fix !== 'trust-ca') throw new UsageError('--ca-file goes with trust-ca only.');
  if (values['ca-file'] === '') throw new UsageError('--ca-file needs the path of your CA certificate (a .pem or .crt file).');
  if (values['proxy-user'] !== undefined && fix !== 'use-proxy') throw new UsageError('--proxy-user goes with use-proxy only.');
  if (values['proxy-user'] === '') throw new UsageError('--proxy-user needs the user name your proxy expects.');
  const codexHome = checkCodexHome(values['codex-home'], ctx.env, ctx.homedir);
  const timeoutMs = parseTimeout(values['timeout-ms'], 2500);
  const json = values.json ?? false;
  const profile = parseProfile(values.profile);
  const extraProxyPorts = parsePorts(values['proxy-port']);
  const base = { codexHome, profile, env: ctx.env, homedir: ctx.homedir, timeoutMs, signal: ctx.signal };

  try {
    let proxyUrl = values.proxy;
    let before: DiagnosisReport | undefined;
    if (fix === 'use-proxy' && !proxyUrl) {
      if (!json) ctx.out.write('No --proxy given: finding a proxy that carries Codex’s connection…\n');
      const report = await runDiagnosis({ ...base, codexDoctor: false, extraProxyPorts });
      before = report;
      proxyUrl = report.recommendation.proxyUrl;
      if (!proxyUrl) {
        throw new FixError(
          `the diagnosis found no proxy that carries Codex's WebSocket (${report.recommendation.headline}); pass --proxy URL with your proxy's address`,
          'not-applicable',
        );
      }
      if (!json) ctx.out.write(`Using ${proxyUrl} (proven by the diagnosis).\n\n`);
    }
    const user = values['proxy-user'];
    // The password never comes from the command line (shell history, process lists): a prompt
    // without echo on a terminal, else the first line of standard input.
    const proxyLogin = user !== undefined ? { user, password: await readProxyPassword(ctx, user) } : undefined;
    const caFile = values['ca-file'] ? path.resolve(values['ca-file']) : undefined;
    if (fix === 'trust-ca' && !json) {
      ctx.out.write(caFile ? `Checking ${caFile} against the certificate Codex is shown…\n` : 'Looking for the CA behind the certificate Codex is shown (your CA files, tool settings, the OS trust store)…\n');
    }
    const planned = await prepareFix(fix, { ...base, proxyUrl, proxyUrlFromUser: !!values.proxy, ...(proxyLogin ? { proxyLogin } : {}), ...(caFile ? { caFile } : {}) });
    if (!json) ctx.out.write(formatPlan(ctx.out, planned.plan));

    const nothingToWrite = planned.plan.diffs.length === 0 && !planned.plan.apiAction;
    if (values['dry-run'] || nothingToWrite) {
      if (json) ctx.out.write(JSON.stringify({ plan: planned.plan, applied: false }, null, 2) + '\n');
      else ctx.out.write(nothingToWrite ? 'Nothing to write for this fix; follow the steps above, then run `diagnose` again.\n' : 'Dry run: nothing was written.\n');
      return 0;
    }
    if (!values.yes) {
      if (!process.stdin.isTTY || json) {
        throw new FixError('nothing was written: re-run with --yes to apply this change without a prompt', 'not-applicable');
      }
      if (!(await confirm('Apply this change? [y/N] '))) {
        ctx.out.write('Nothing was written.\n');
        return 1;
      }
    }
    // The state before, for the before/after comparison (a short, Codex-doctor-free run).
    before ??= await runDiagnosis({ ...base, codexDoctor: false, extraProxyPorts });
    const { entry, after } = await applyAndVerify(planned, {
      ...base,
      extraProxyPorts,
      onProgress: json ? undefined : (e: CheckEvent) => e.status !== 'running' && ctx.out.write(formatCheck(ctx.out, e)),
    });
    const healthy = after.recommendation.fix === 'none';
    if (json) {
      ctx.out.write(JSON.stringify({ plan: planned.plan, applied: true, changeId: entry.id, before, after }, null, 2) + '\n');
    } else {
      ctx.out.write(`\nApplied as change ${entry.id}.\n`);
      ctx.out.write(`Before the fix: ${FIX_TITLES[before.recommendation.fix]} — ${before.recommendation.headline}\n`);
      ctx.out.write(`After the fix:  ${FIX_TITLES[after.recommendation.fix]} — ${after.recommendation.headline}\n`);
      if (after.codexDoctor) ctx.out.write(`codex doctor: ${after.codexDoctor.summary.join('; ')}\n`);
      ctx.out.write(`Undo it at any time: ${ctx.command} revert ${entry.id}\n`);
    }
    return healthy ? 0 : 1;
  } catch (e) {
    if (e instanceof FixError) {
      ctx.err.write(`${ctx.command}: ${fixErrorMessage(e)}\n`);
      return 1;
    }
    throw e;
  }
}

function formatRevert(out: Out, id: string, outcome: RevertOutcome, mode: 'strict' | 'remove-fix-lines' | 'keep'): string {
  if (outcome.status === 'reverted') {
    if (mode === 'keep') return `Marked ${id === 'last' ? 'the last change' : id} as reverted; your files were kept as they are.\n`;
    const done: string[] = [];
    if (outcome.files.length) {
      done.push(mode === 'remove-fix-lines' ? `took the fix's own lines out of ${outcome.files.join(', ')} (your edits stay)` : `restored ${outcome.files.join(', ')}`);
    }
    if (outcome.api) done.push(`TUN mode set back ${outcome.api.tunEnabled ? 'on' : 'off'} through the Clash API at ${outcome.api.controller}`);
    return `Reverted ${id === 'last' ? 'the last change' : id}: ${done.length ? done.join('; ') : 'no file needed restoring (they were already as before, or were kept as they are)'}.\n`;
  }
  const lines = [`${paint(out, 'yellow', '⚠')} Not reverted: these files were changed after the fix, and were left as they are:`];
  for (const c of outcome.conflicts) lines.push('', paint(out, 'bold', c.path), c.unified.trimEnd());
  lines.push(
    '',
    'Choose: --remove-fix-lines (take out only the lines the fix added or changed) or --keep (keep the files, mark the change reverted).',
  );
  return lines.join('\n') + '\n';
}

export async function revertCommand(args: string[], ctx: CommonContext): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      last: { type: 'boolean', default: false },
      'remove-fix-lines': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: true,
  });
  if (positionals.length > 1 || (positionals.length === 1 && values.last) || (positionals.length === 0 && !values.last)) {
    throw new UsageError('revert needs one CHANGE_ID or --last (see `history` for the ids).');
  }
  if (values['remove-fix-lines'] && values.keep) throw new UsageError('choose one of --remove-fix-lines and --keep.');
  const id = values.last ? 'last' : positionals[0]!;
  const mode = values['remove-fix-lines'] ? 'remove-fix-lines' : values.keep ? 'keep' : 'strict';
  try {
    const journalDir = journalDirFor({ env: ctx.env, homedir: ctx.homedir });
    for (const d of readJournal(journalDir).damaged) {
      ctx.err.write(`${paint(ctx.err, 'yellow', '⚠')} skipped a damaged journal entry ${path.join(journalDir, d.file)} (${d.reason})\n`);
    }
    const outcome = await revert(id, { env: ctx.env, homedir: ctx.homedir, signal: ctx.signal, mode });
    if (values.json) ctx.out.write(JSON.stringify(outcome, null, 2) + '\n');
    else ctx.out.write(formatRevert(ctx.out, id, outcome, mode));
    return outcome.status === 'reverted' ? 0 : 1;
  } catch (e) {
    if (e instanceof FixError) {
      ctx.err.write(`${ctx.command}: ${fixErrorMessage(e)}\n`);
      return 1;
    }
    throw e;
  }
}

export async function historyCommand(args: string[], ctx: CommonContext): Promise<number> {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean', default: false } }, strict: true, allowPositionals: false });
  const journalDir = journalDirFor({ env: ctx.env, homedir: ctx.homedir });
  // Changes a killed run left half-made are settled first (kept if written, else rolled back).
  await settleJournal(journalDir);
  const journal = readJournal(journalDir);
  const items = await withRecordSinceChange(journal.entries.slice().reverse().map(toHistoryItem), journal.entries, ctx.env);
  for (const d of journal.damaged) {
    ctx.err.write(`${paint(ctx.err, 'yellow', '⚠')} skipped a damaged journal entry ${path.join(journalDir, d.file)} (${d.reason}); the others are listed and can be reverted — move it away to silence this\n`);
  }
  if (journal.pending.length) {
    ctx.err.write(`${journal.pending.length} change(s) still being made by another run are not listed yet: ${journal.pending.join(', ')}\n`);
  }
  if (values.json) {
    ctx.out.write(JSON.stringify(items, null, 2) + '\n');
    return 0;
  }
  if (items.length === 0) {
    ctx.out.write('No changes yet.\n');
    return 0;
  }
  for (const item of items) {
    const state = item.reverted
      ? paint(ctx.out, 'dim', `reverted ${item.revertedAt ?? ''}`)
      : item.state === 'overwritten'
        ? paint(ctx.out, 'yellow', 'overwritten since: its lines are gone (another tool rewrote the file?)')
        : item.state === 'changed-since'
          ? paint(ctx.out, 'yellow', 'active, files edited since')
          : paint(ctx.out, 'green', 'active');
    const what = item.files.length ? item.files.join(', ') : '(no files: a setting of your proxy app)';
    const since = sinceChangeText(item);
    ctx.out.write(`${item.id}  ${item.createdAt}  ${item.title}  [${state}]\n    ${what}\n${since ? `    ${since}\n` : ''}`);
  }
  return 0;
}
