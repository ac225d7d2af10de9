// The desktop app doubles as the `cueline` command (as VS Code's installers give `code`): deb and
// AppImage link /usr/bin/cueline to the app's executable, macOS and Windows ship a small script in
// resources/bin. Electron's runAsNode fuse stays off, so instead of running as plain Node the app
// itself checks its first argument: a CLI command (or --version / --help) runs the CLI in the main
// process with no window, single-instance lock or menu, and exits with the CLI's exit code.
import { commandModules } from '../cli/commands/index.ts';

const CLI_FLAGS = new Set(['--version', '-V', '--help', '-h', 'help']);

/**
 * The argv to hand the CLI (`[exe, 'cueline', ...args]`), or null when the app should open
 * normally. `defaultApp` is Electron's `process.defaultApp`: unpackaged, argv[1] is the app folder.
 */
export function cliArgv(argv: readonly string[], defaultApp: boolean): string[] | null {
  const args = argv.slice(defaultApp ? 2 : 1);
  const first = args[0];
  if (first === undefined) return null;
  const isCommand = commandModules.some((m) => m.names.includes(first));
  if (!isCommand && !CLI_FLAGS.has(first)) return null;
  return [argv[0] ?? 'cueline', 'cueline', ...args];
}
