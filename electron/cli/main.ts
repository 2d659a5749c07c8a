// The command line: `codex-connection-doctor <command> …` over the same core as the app.
import { diagnoseCommand, DIAGNOSE_USAGE, homedirFrom, type CommonContext } from './diagnose-command.ts';
import { fixCommand, revertCommand, historyCommand, FIX_USAGE, REVERT_USAGE, HISTORY_USAGE } from './fix-commands.ts';
import { appCommand, APP_USAGE } from './app-command.ts';
import { UsageError } from './errors.ts';
import { FixError } from '../core/fixes/plan.ts';
import { terminalOut } from './output.ts';

const COMMAND = 'codex-connection-doctor';

const USAGE = `Usage: ${COMMAND} <command> [options]

Commands:
  ${DIAGNOSE_USAGE}
      Find out why Codex keeps "Reconnecting..." and which fix will work.
  ${FIX_USAGE}
      Show the change as a diff, apply it after you agree, check that Codex connects.
  ${REVERT_USAGE}
      Put back the exact files a fix changed.
  ${HISTORY_USAGE}
      List the changes made by this tool (the app and the command line share them).
  ${APP_USAGE}
      The wizard in your browser (where the desktop app cannot run, or over \`ssh -L\`).

Exit codes: 0 healthy / done, 1 a problem was found or the command failed, 2 the doctor could not run.
`;

export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const out = terminalOut(process.stdout, env);
  const err = terminalOut(process.stderr, env);
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once('SIGINT', onSigint);
  const ctx: CommonContext = { env, out, err, command: COMMAND, signal: controller.signal, homedir: homedirFrom(env) };
  const [command, ...rest] = argv;
  try {
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
        out.write(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`Unknown command "${command}". Run \`${COMMAND} --help\` for the list.`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      err.write(`${COMMAND}: ${e.message}\n`);
      return e.exitCode;
    }
    // A refusal the core explains (a journal folder that cannot be used, a file that cannot be read).
    if (e instanceof FixError) {
      err.write(`${COMMAND}: ${e.message}\n`);
      return 2;
    }
    // parseArgs reports unknown options and missing values with these codes.
    const code = (e as { code?: string }).code;
    if (code?.startsWith('ERR_PARSE_ARGS')) {
      err.write(`${COMMAND}: ${(e as Error).message}. Run \`${COMMAND} --help\` for the options.\n`);
      return 2;
    }
    err.write(`${COMMAND}: the doctor itself failed: ${(e as Error).message}. Please report this with the command you ran.\n`);
    if (env.CCD_DEBUG) err.write(`${(e as Error).stack}\n`);
    return 2;
  } finally {
    process.removeListener('SIGINT', onSigint);
  }
}

