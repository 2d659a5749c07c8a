// The command line: `codex-connection-doctor <command> …` over the same core as the app.
import { diagnoseCommand, DIAGNOSE_USAGE, homedirFrom, type CommonContext } from './diagnose-command.ts';
import {
  fixCommand,
  revertCommand,
  historyCommand,
  FIX_USAGE,
  REVERT_USAGE,
  HISTORY_USAGE,
  fixErrorText,
} from './fix-commands.ts';
import { appCommand, APP_USAGE } from './app-command.ts';
import { UsageError } from './errors.ts';
import { FixError } from '../core/fixes/plan.ts';
import { errorMessageOf } from '../../shared/fix-errors.ts';
import { terminalOut } from './output.ts';
import { isLocale, localeFromEnv, type Locale } from '../../shared/i18n/locale.ts';
import { msg, type Message, type MessageId } from '../../shared/i18n/message.ts';
import { translator, type Translator } from '../../shared/i18n/translate.ts';

const COMMAND = 'codex-connection-doctor';
const LANG_USAGE = '--lang en|zh-CN';

function usage(tr: Translator): string {
  const entry = (syntax: string, id: MessageId) => `  ${syntax}\n      ${tr.t(id)}\n`;
  return (
    `${tr.t('cli.help.usage', { command: COMMAND })}\n\n` +
    `${tr.t('cli.help.commands')}\n` +
    entry(DIAGNOSE_USAGE, 'cli.help.diagnose') +
    entry(FIX_USAGE, 'cli.help.fix') +
    entry(REVERT_USAGE, 'cli.help.revert') +
    entry(HISTORY_USAGE, 'cli.help.history') +
    entry(APP_USAGE, 'cli.help.app') +
    `\n${tr.t('cli.help.options')}\n` +
    entry(LANG_USAGE, 'cli.help.lang') +
    `\n${tr.t('cli.help.exit-codes')}\n`
  );
}

/**
 * `--lang X` or `--lang=X`, anywhere before a `--`: taken out of the arguments, so every command
 * accepts it. Without it, the language of the environment (LC_ALL, LC_MESSAGES, LANG).
 */
export function takeLang(argv: readonly string[], env: NodeJS.ProcessEnv): { lang: Locale; rest: string[] } {
  let lang = localeFromEnv(env);
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (arg !== '--lang' && !arg.startsWith('--lang=')) {
      rest.push(arg);
      continue;
    }
    const value = arg === '--lang' ? argv[++i] : arg.slice('--lang='.length);
    if (!isLocale(value)) throw new UsageError(msg('cli.error.bad-lang', { value: value ?? '' }));
    lang = value;
  }
  return { lang, rest };
}

/** What parseArgs says about an unknown option, a missing value or a stray argument, in the user's language. */
function parseArgsMessage(code: string, detail: string): Message {
  const quoted = /'([^']*)'/.exec(detail)?.[1];
  const command = COMMAND;
  if (quoted !== undefined) {
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return msg('cli.error.unknown-option', { command, option: quoted });
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL')
      return msg('cli.error.unexpected-argument', { command, argument: quoted });
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && /argument missing/.test(detail)) {
      return msg('cli.error.missing-value', { command, option: quoted.replace(/ <value>$/, '') });
    }
  }
  return msg('cli.error.bad-arguments', { command, detail });
}

export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const out = terminalOut(process.stdout, env);
  const err = terminalOut(process.stderr, env);
  let tr = translator(localeFromEnv(env));
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once('SIGINT', onSigint);
  try {
    const { lang, rest: args } = takeLang(argv, env);
    tr = translator(lang);
    const ctx: CommonContext = {
      env,
      out,
      err,
      command: COMMAND,
      tr,
      signal: controller.signal,
      homedir: homedirFrom(env),
    };
    const [command, ...rest] = args;
    switch (command) {
      case 'diagnose':
        return await diagnoseCommand(rest, ctx);
      case 'fix':
        return await fixCommand(rest, ctx);
      case 'revert':
        return await revertCommand(rest, ctx);
      case 'history':
        return await historyCommand(rest, ctx);
      case 'app':
        return await appCommand(rest, ctx);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        out.write(usage(tr));
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(msg('cli.error.unknown-command', { name: command, command: COMMAND }));
    }
  } catch (e) {
    if (e instanceof UsageError) {
      err.write(`${COMMAND}: ${tr.tm(e.text)}\n`);
      return e.exitCode;
    }
    // A refusal the core explains (a journal folder that cannot be used, a file that cannot be read).
    if (e instanceof FixError) {
      err.write(`${COMMAND}: ${fixErrorText(tr, e, { hint: false })}\n`);
      return 2;
    }
    // parseArgs reports unknown options and missing values with these codes.
    const code = (e as { code?: string }).code;
    if (code?.startsWith('ERR_PARSE_ARGS')) {
      err.write(`${COMMAND}: ${tr.tm(parseArgsMessage(code, (e as Error).message))}\n`);
      return 2;
    }
    // Anything else is unexpected: what the error says (in the user's language when it carries a message).
    err.write(`${COMMAND}: ${tr.t('cli.error.internal', { detail: errorMessageOf(e) })}\n`);
    if (env.CCD_DEBUG) err.write(`${(e as Error).stack}\n`);
    return 2;
  } finally {
    process.removeListener('SIGINT', onSigint);
  }
}
