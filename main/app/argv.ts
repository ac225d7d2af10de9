// Files and folders named on the command line, forwarded by a second launch, or handed over by
// the OS: Linux file managers pass `file://` URIs (the desktop entry's %U), shells pass paths.
// Flags and arguments Cueline can't open (no known extension, not a folder) are skipped.
import { statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { kindOfFile } from '../services/workspace/file-kinds.ts';

/** A `file://` URI as a path; anything else as given. Other URI schemes give null. */
export function pathOfArg(arg: string): string | null {
  if (/^file:/i.test(arg)) {
    try {
      return fileURLToPath(arg);
    } catch {
      return null;
    }
  }
  // Another scheme (http:, x-scheme-handler…): nothing Cueline opens. A drive letter isn't one.
  if (/^[a-z][a-z0-9+.-]+:\/\//i.test(arg)) return null;
  return arg;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export function filesFromArgv(argv: readonly string[], cwd: string): string[] {
  const out: string[] = [];
  // argv[0] is the executable; unpackaged, argv[1] is the app folder, which is skipped below
  // because it is the app itself (a folder, but not one the user asked to open).
  for (const arg of argv.slice(1)) {
    if (arg.startsWith('-')) continue;
    const given = pathOfArg(arg);
    if (given === null) continue;
    const path = isAbsolute(given) ? given : resolve(cwd, given);
    if (kindOfFile(path) || (isFolder(path) && !isAppFolder(path))) out.push(path);
  }
  return [...new Set(out)];
}

/** The unpackaged app's own folder (`electron .`): it holds Cueline's package.json. */
function isAppFolder(path: string): boolean {
  try {
    return (
      statSync(resolve(path, 'package.json')).isFile() && statSync(resolve(path, 'out/main')).isDirectory()
    );
  } catch {
    return false;
  }
}
