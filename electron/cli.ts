// Entry point of the command line; everything else is in cli/main.ts so tests can call it.
import { main } from './cli/main.ts';

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
