// `fix`, `revert` and `history`: preview a change as a diff, apply it after the user agrees,
// verify it with a new diagnosis, and put the exact bytes back on request.
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import path from 'node:path';
import type { ApplicableFix, CheckEvent, DiagnosisReport, FixPlan, RevertOutcome } from '../../shared/types.ts';
import { APPLICABLE_FIXES } from '../../shared/types.ts';
import { FIX_ERROR_HINTS } from '../../shared/fix-errors.ts';
import { readJournal } from '../core/fixes/journal.ts';
import { sinceChangeText } from '../core/after-fix/since-change.ts';
import { createFixEngine, fixHistory, FixError, journalDirFor, revert } from '../core/workflow.ts';
import { checkCodexHome, parsePorts, parseProfile, parseTimeout, type CommonContext } from './diagnose-command.ts';
import { UsageError } from './errors.ts';
import { fixTitle, formatCheck, paint, warningLine, type Out } from './output.ts';
import { formatDiff } from './diff-output.ts';
import { formatLocation } from '../../shared/format.ts';
import { msg, type MessageId } from '../../shared/i18n/message.ts';
import { withText, type Translator } from '../../shared/i18n/translate.ts';

export const FIX_USAGE =
  'fix <disable-websockets|use-proxy|enable-tun|repair-config|trust-ca> [--proxy URL] [--proxy-user NAME] [--ca-file PATH] [--codex-home DIR] [--profile NAME] [--dry-run] [--yes] [--json]';
export const REVERT_USAGE = 'revert [CHANGE_ID|--last] [--remove-fix-lines|--keep] [--json]';
export const HISTORY_USAGE = 'history [--json]';

const FIXES = APPLICABLE_FIXES;

const DIFF_HEADERS: Record<'create' | 'delete' | 'change', MessageId> = {
  create: 'cli.plan.create',
  delete: 'cli.plan.delete',
  change: 'cli.plan.change',
};

function formatPlan(out: Out, tr: Translator, plan: FixPlan): string {
  const lines = [paint(out, 'bold', tr.tm(plan.title)), ''];
  for (const d of plan.diffs) {
    const header = DIFF_HEADERS[d.action === 'create' || d.action === 'delete' ? d.action : 'change'];
    lines.push(paint(out, 'bold', tr.t(header, { path: d.path, added: d.added, removed: d.removed })));
    lines.push(...formatDiff(out, tr, d));
    lines.push('');
  }
  if (plan.apiAction) {
    lines.push(
      tr.t('cli.plan.api-action', { controller: plan.apiAction.controller, description: plan.apiAction.description }),
      '',
    );
  }
  if (plan.manualSteps?.length) {
    lines.push(tr.t('cli.plan.manual-steps'));
    plan.manualSteps.forEach((s, i) => lines.push(`  ${i + 1}. ${tr.tm(s)}`));
    lines.push('');
  }
  for (const s of plan.sideEffects) lines.push(tr.t('cli.plan.note', { text: s }));
  for (const w of plan.warnings) lines.push(warningLine(out, tr, w));
  return lines.join('\n') + '\n';
}

async function confirm(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = await rl.question(question);
    return /^(y(es)?|是)$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}

/** Reads the proxy password: without echo on a terminal, else the first line of standard input. */
export async function readProxyPassword(
  ctx: Pick<CommonContext, 'err' | 'tr'>,
  user: string,
  input: NodeJS.ReadStream = process.stdin,
): Promise<string> {
  if (input.isTTY) {
    ctx.err.write(ctx.tr.t('cli.fix.password-prompt', { user }));
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
  if (line === '') throw new UsageError(msg('cli.error.password-on-stdin'));
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
        if (ch === '\u0003') return done(new UsageError(msg('cli.error.cancelled')));
        if (ch === '\u007f' || ch === '\b') password = password.slice(0, -1);
        else password += ch;
      }
    };
    input.on('data', onData);
  });
}

/**
 * The refusal, where it is, and on a second line what to do next (the same hint the app shows);
 * `hint: false` for the refusal alone.
 */
export function fixErrorText(tr: Translator, e: FixError, { hint = true }: { hint?: boolean } = {}): string {
  const where = e.location ? formatLocation(e.location) : '';
  const text = tr.tm(e.userMessage);
  if (!hint) return text;
  // Most messages already name the file; add the location only when it says more.
  const message = where && !text.includes(where) ? tr.t('cli.error.at-location', { message: text, where }) : text;
  return `${message}\n  ${tr.t('cli.error.next', { hint: msg(FIX_ERROR_HINTS[e.code]) })}`;
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
    throw new UsageError(msg('cli.error.fix-needs-one', { fixes: FIXES.join(', '), got: positionals.join(' ') }));
  }
  if (values.proxy && fix !== 'use-proxy') throw new UsageError(msg('cli.error.proxy-without-use-proxy'));
  if (values['ca-file'] !== undefined && fix !== 'trust-ca')
    throw new UsageError(msg('cli.error.ca-file-without-trust-ca'));
  if (values['ca-file'] === '') throw new UsageError(msg('cli.error.ca-file-empty'));
  if (values['proxy-user'] !== undefined && fix !== 'use-proxy')
    throw new UsageError(msg('cli.error.proxy-user-without-use-proxy'));
  if (values['proxy-user'] === '') throw new UsageError(msg('cli.error.proxy-user-empty'));
  const codexHome = checkCodexHome(values['codex-home'], ctx.env, ctx.homedir);
  const timeoutMs = parseTimeout(values['timeout-ms'], 2500);
  const json = values.json ?? false;
  const profile = parseProfile(values.profile);
  const extraProxyPorts = parsePorts(values['proxy-port']);
  const engine = createFixEngine({
    codexHome,
    env: ctx.env,
    platform: process.platform,
    homedir: ctx.homedir,
    timeoutMs,
    extraProxyPorts,
  });
  const step = { signal: ctx.signal };
  const tr = ctx.tr;

  try {
    const proxyUrl = values.proxy || undefined;
    if (fix === 'use-proxy' && !proxyUrl) {
      // The engine's diagnosis before: it proves the proxy now and is the "before" of the change.
      if (!json) ctx.out.write(tr.t('cli.fix.finding-proxy') + '\n');
      const proven = await engine.proxyToUse(profile, undefined, step);
      if (!json) ctx.out.write(tr.t('cli.fix.using-proxy', { url: proven.url }) + '\n\n');
    }
    const user = values['proxy-user'];
    // The password never comes from the command line (shell history, process lists): a prompt
    // without echo on a terminal, else the first line of standard input.
    const proxyLogin = user !== undefined ? { user, password: await readProxyPassword(ctx, user) } : undefined;
    const caFile = values['ca-file'] ? path.resolve(values['ca-file']) : undefined;
    if (fix === 'trust-ca' && !json) {
      ctx.out.write(
        (caFile ? tr.t('cli.fix.checking-ca-file', { file: caFile }) : tr.t('cli.fix.looking-for-ca')) + '\n',
      );
    }
    const planned = await engine.prepare(
      {
        fix,
        profile,
        ...(proxyUrl ? { proxyUrl } : {}),
        ...(proxyLogin ? { proxyLogin } : {}),
        ...(caFile ? { caFile } : {}),
      },
      step,
    );
    if (!json) ctx.out.write(formatPlan(ctx.out, tr, planned.plan));

    const nothingToWrite = planned.plan.diffs.length === 0 && !planned.plan.apiAction;
    if (values['dry-run'] || nothingToWrite) {
      if (json) ctx.out.write(JSON.stringify(withText({ plan: planned.plan, applied: false }, tr), null, 2) + '\n');
      else ctx.out.write(tr.t(nothingToWrite ? 'cli.fix.nothing-to-write' : 'cli.fix.dry-run') + '\n');
      return 0;
    }
    if (!values.yes) {
      if (!process.stdin.isTTY || json) {
        throw new FixError(msg('cli.fix.needs-yes'), 'not-applicable');
      }
      if (!(await confirm(tr.t('cli.fix.confirm')))) {
        ctx.out.write(tr.t('cli.fix.not-written') + '\n');
        return 1;
      }
    }
    // The state before (the diagnosis that proved the proxy, else a short, Codex-doctor-free run),
    // the change, and the diagnosis after.
    const { entry, before, after } = await engine.applyAndVerify(planned, {
      ...step,
      onProgress: json
        ? undefined
        : (e: CheckEvent) => e.status !== 'running' && ctx.out.write(formatCheck(ctx.out, tr, e)),
    });
    const healthy = after.recommendation.fix === 'none';
    if (json) {
      ctx.out.write(
        JSON.stringify(
          withText({ plan: planned.plan, applied: true, changeId: entry.id, before, after }, tr),
          null,
          2,
        ) + '\n',
      );
    } else {
      const verdict = (r: DiagnosisReport) => ({
        fix: fixTitle(tr, r.recommendation.fix),
        headline: r.recommendation.headline,
      });
      ctx.out.write(`\n${tr.t('cli.fix.applied', { id: entry.id })}\n`);
      ctx.out.write(tr.t('cli.fix.before', verdict(before)) + '\n');
      ctx.out.write(tr.t('cli.fix.after', verdict(after)) + '\n');
      // Codex's own words, as it printed them.
      if (after.codexDoctor) {
        const d = after.codexDoctor;
        const summary = [...(d.problem ? [tr.tm(d.problem)] : []), ...d.summary].join('; ');
        ctx.out.write(tr.t('cli.fix.codex-doctor', { summary }) + '\n');
      }
      ctx.out.write(tr.t('cli.fix.undo', { commandLine: `${ctx.command} revert ${entry.id}` }) + '\n');
    }
    return healthy ? 0 : 1;
  } catch (e) {
    if (e instanceof FixError) {
      ctx.err.write(`${ctx.command}: ${fixErrorText(tr, e)}\n`);
      return 1;
    }
    throw e;
  }
}

function formatRevert(
  out: Out,
  tr: Translator,
  id: string,
  outcome: RevertOutcome,
  mode: 'strict' | 'remove-fix-lines' | 'keep',
): string {
  const change = id === 'last' ? msg('cli.revert.the-last-change') : msg('cli.revert.change-id', { id });
  if (outcome.status === 'reverted') {
    if (mode === 'keep') return tr.t('cli.revert.kept', { change }) + '\n';
    const done: string[] = [];
    if (outcome.files.length) {
      done.push(
        tr.t(mode === 'remove-fix-lines' ? 'cli.revert.removed-fix-lines' : 'cli.revert.restored', {
          files: outcome.files,
        }),
      );
    }
    if (outcome.api)
      done.push(
        tr.t(outcome.api.tunEnabled ? 'cli.revert.tun-on' : 'cli.revert.tun-off', {
          controller: outcome.api.controller,
        }),
      );
    const what = done.length ? done.join(tr.t('cli.revert.done-separator')) : tr.t('cli.revert.nothing-restored');
    return tr.t('cli.revert.done', { change, done: what }) + '\n';
  }
  const lines = [warningLine(out, tr, msg('cli.revert.conflicts'))];
  for (const c of outcome.conflicts) lines.push('', paint(out, 'bold', c.path), ...formatDiff(out, tr, c));
  lines.push('', tr.t('cli.revert.choose'));
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
  if (
    positionals.length > 1 ||
    (positionals.length === 1 && values.last) ||
    (positionals.length === 0 && !values.last)
  ) {
    throw new UsageError(msg('cli.error.revert-needs-id'));
  }
  if (values['remove-fix-lines'] && values.keep) throw new UsageError(msg('cli.error.revert-one-mode'));
  const id = values.last ? 'last' : positionals[0]!;
  const mode = values['remove-fix-lines'] ? 'remove-fix-lines' : values.keep ? 'keep' : 'strict';
  try {
    const where = { env: ctx.env, homedir: ctx.homedir, platform: process.platform };
    const journalDir = journalDirFor(where);
    for (const d of readJournal(journalDir).damaged) {
      ctx.err.write(
        warningLine(
          ctx.err,
          ctx.tr,
          msg('cli.revert.damaged-entry', { file: path.join(journalDir, d.file), reason: d.reason }),
        ) + '\n',
      );
    }
    const outcome = await revert(id, { ...where, signal: ctx.signal, mode });
    if (values.json) ctx.out.write(JSON.stringify(withText(outcome, ctx.tr), null, 2) + '\n');
    else ctx.out.write(formatRevert(ctx.out, ctx.tr, id, outcome, mode));
    return outcome.status === 'reverted' ? 0 : 1;
  } catch (e) {
    if (e instanceof FixError) {
      ctx.err.write(`${ctx.command}: ${fixErrorText(ctx.tr, e)}\n`);
      return 1;
    }
    throw e;
  }
}

export async function historyCommand(args: string[], ctx: CommonContext): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { json: { type: 'boolean', default: false } },
    strict: true,
    allowPositionals: false,
  });
  const tr = ctx.tr;
  const journalDir = journalDirFor({ env: ctx.env, homedir: ctx.homedir, platform: process.platform });
  // Changes a killed run left half-made are settled first (kept if written, else rolled back).
  const journal = await fixHistory(journalDir, ctx.env);
  const items = journal.items;
  for (const d of journal.damaged) {
    ctx.err.write(
      warningLine(
        ctx.err,
        tr,
        msg('cli.history.damaged-entry', { file: path.join(journalDir, d.file), reason: d.reason }),
      ) + '\n',
    );
  }
  if (journal.pending.length) {
    ctx.err.write(tr.t('cli.history.pending', { count: journal.pending.length, ids: journal.pending }) + '\n');
  }
  if (values.json) {
    ctx.out.write(JSON.stringify(withText(items, tr), null, 2) + '\n');
    return 0;
  }
  if (items.length === 0) {
    ctx.out.write(tr.t('cli.history.empty') + '\n');
    return 0;
  }
  for (const item of items) {
    const state = item.reverted
      ? paint(ctx.out, 'dim', tr.t('cli.history.reverted', { at: item.revertedAt ?? '' }).trimEnd())
      : item.state === 'overwritten'
        ? paint(ctx.out, 'yellow', tr.t('cli.history.overwritten'))
        : item.state === 'changed-since'
          ? paint(ctx.out, 'yellow', tr.t('cli.history.changed-since'))
          : paint(ctx.out, 'green', tr.t('cli.history.active'));
    const what = item.files.length ? item.files.join(', ') : tr.t('cli.history.no-files');
    const since = sinceChangeText(item);
    ctx.out.write(
      `${item.id}  ${item.createdAt}  ${tr.tm(item.title)}  [${state}]\n    ${what}\n${since ? `    ${tr.tm(since)}\n` : ''}`,
    );
  }
  return 0;
}
