// The `cueline` command: the same services as the app, without a window.
import { Command, CommanderError } from 'commander';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isBadInput, toAppError } from '../../shared/errors.ts';
import { defaultAppPaths } from '../services/app-paths.ts';
import { tightenUserData } from '../services/store/json-store.ts';
import { commandsFor, type RegisterCommand } from './commands/index.ts';
import { cliErrorText } from './remedy-text.ts';
import { setPackagedBuild } from '../services/x/api-base.ts';

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_BAD_INPUT = 2;

/** Cueline's package.json: the nearest one above this module, from the sources or the bundle. */
function packageVersion(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg: unknown = JSON.parse(readFileSync(file, 'utf8'));
      if (pkg && typeof pkg === 'object' && 'name' in pkg && pkg.name === 'cueline' && 'version' in pkg)
        return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
    }
    if (dirname(dir) === dir) return '0.0.0';
  }
}

/**
 * `cueline --version`: the version alone on the first line (scripts read it), then which
 * ffmpeg and ffprobe the media commands would run, and their versions.
 */
async function printVersion(): Promise<void> {
  process.stdout.write(`${packageVersion()}\n`);
  const { resolveBinaries, describeBinaries } = await import('../services/media/binaries.ts');
  try {
    process.stdout.write(`${describeBinaries(await resolveBinaries()).join('\n')}\n`);
  } catch (err) {
    process.stdout.write(`ffmpeg/ffprobe: ${toAppError(err).message}\n`);
  }
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
  // The installed CLI runs its bundle (out/cli/*.mjs); a checkout runs these sources.
  setPackagedBuild(!import.meta.url.endsWith('.ts'));
  const args = argv.slice(2);
  if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
    await printVersion();
    return EXIT_OK;
  }
  const program = buildProgram(await commandsFor(argv));
  try {
    // What an older version left readable in the user-data folder is tightened (0700/0600).
    await tightenUserData(defaultAppPaths().userData).catch(() => undefined);
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT_OK;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end through here with code 0.
      return err.exitCode === 0 ? EXIT_OK : EXIT_BAD_INPUT;
    }
    const e = toAppError(err);
    process.stderr.write(`cueline: ${cliErrorText(e)}\n`);
    if (process.env['CUELINE_DEBUG'] && err instanceof Error && err.stack)
      process.stderr.write(`${err.stack}\n`);
    return isBadInput(e.code) ? EXIT_BAD_INPUT : EXIT_FAILURE;
  }
}
