// Files named on the command line (or forwarded by a second launch, or by the OS through file
// associations): anything that isn't a flag and has an extension Cueline opens.
import { isAbsolute, resolve } from 'node:path';
import { kindOfFile } from '../services/workspace/file-kinds.ts';

export function filesFromArgv(argv: readonly string[], cwd: string): string[] {
  const out: string[] = [];
  // argv[0] is the executable; unpackaged, argv[1] is the app folder. Neither has a known extension.
  for (const arg of argv.slice(1)) {
    if (arg.startsWith('-')) continue;
    if (!kindOfFile(arg)) continue;
    out.push(isAbsolute(arg) ? arg : resolve(cwd, arg));
  }
  return [...new Set(out)];
}
