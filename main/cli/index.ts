// The `cueline` command: the same services as the app, without a window.
import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import { isBadInput, toAppError } from '../../shared/errors.ts';
import { commandsFor, type RegisterCommand } from './commands/index.ts';
import { cliHint } from './hints.ts';

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_BAD_INPUT = 2;

function packageVersion(): string {
  const pkg: unknown = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  if (pkg && typeof pkg === 'object' && 'version' in pkg && typeof pkg.version === 'string')
    return pkg.version;
  return '0.0.0';
}

export function buildProgram(commands: readonly RegisterCommand[]): Command {
  const program = new Command('cueline')
    .description('Caption files and publishing to X, without a window.')
    .version(packageVersion(), '-V, --version')
    .showHelpAfterError()
    .exitOverride();
  for (const register of commands) register(program);
  return program;
}

/** Runs the CLI and returns its exit code: 0 success, 2 bad input or usage, 1 other failure. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram(await commandsFor(argv));
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT_OK;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end through here with code 0.
      return err.exitCode === 0 ? EXIT_OK : EXIT_BAD_INPUT;
    }
    const e = toAppError(err);
    process.stderr.write(`cueline: ${e.message}\n`);
    const hint = cliHint(err);
    if (hint) process.stderr.write(`${hint}\n`);
    if (process.env['CUELINE_DEBUG'] && err instanceof Error && err.stack)
      process.stderr.write(`${err.stack}\n`);
    return isBadInput(e.code) ? EXIT_BAD_INPUT : EXIT_FAILURE;
  }
}
