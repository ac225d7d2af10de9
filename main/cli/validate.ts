// Up-front checks of the paths and values a command line names, before any work starts (a
// transcode, an upload): each failure is a CuelineError naming the path or option, with a
// bad-input code (exit 2), never a raw ENOTDIR/EISDIR or a zod dump after the work is done.
import { accessSync, constants, statSync, type Stats } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { InvalidArgumentError } from 'commander';
import { CuelineError } from '../../shared/errors.ts';
import { languageTagProblem, parseLanguageTag } from '../../shared/captions/file-name.ts';

function codeOf(err: unknown): string {
  return err && typeof err === 'object' && 'code' in err ? String(err.code) : '';
}

/**
 * stat, or null when nothing is there (with `walkUp`, also when a part of the path is a file: the
 * caller looks at the ancestors); other failures become errors naming `label`.
 */
function statOrNull(path: string, label = path, walkUp = false): Stats | null {
  try {
    return statSync(path);
  } catch (err) {
    const code = codeOf(err);
    if (code === 'ENOENT' || (walkUp && code === 'ENOTDIR')) return null;
    if (code === 'ENOTDIR')
      throw new CuelineError('input.not_found', `${label}: a part of this path is a file, not a folder`, {
        path,
      });
    if (code === 'EACCES' || code === 'EPERM')
      throw new CuelineError('input.permission', `${label}: permission denied`, { path });
    throw new CuelineError('input.unreadable', `${label}: cannot be read (${code || String(err)})`, { path });
  }
}

function canAccess(path: string, mode: number): boolean {
  try {
    accessSync(path, mode);
    return true;
  } catch {
    return false;
  }
}

/** A file to read: there, a file, readable. */
export function requireInputFile(path: string): void {
  const st = statOrNull(path);
  if (!st) throw new CuelineError('input.not_found', `${path}: no such file`, { path });
  if (st.isDirectory())
    throw new CuelineError('input.not_a_file', `${path}: is a folder, not a file`, { path });
  if (!canAccess(path, constants.R_OK))
    throw new CuelineError('input.permission', `${path}: permission denied (cannot read it)`, { path });
}

/** A folder to read: there, a folder, listable. */
export function requireInputFolder(path: string): void {
  const st = statOrNull(path);
  if (!st) throw new CuelineError('input.not_found', `${path}: no such folder`, { path });
  if (!st.isDirectory())
    throw new CuelineError('input.not_a_folder', `${path}: is a file, not a folder`, { path });
  if (!canAccess(path, constants.R_OK | constants.X_OK))
    throw new CuelineError('input.permission', `${path}: permission denied (cannot list it)`, { path });
}

/** The folder a new file goes into: there, a folder, writable. */
function requireWritableFolder(folder: string, forPath: string): void {
  const st = statOrNull(folder, forPath, true);
  if (!st)
    throw new CuelineError('input.not_found', `${forPath}: the folder ${folder} does not exist`, {
      path: forPath,
    });
  if (!st.isDirectory())
    throw new CuelineError('input.not_a_folder', `${forPath}: ${folder} is a file, not a folder`, {
      path: forPath,
    });
  if (!canAccess(folder, constants.W_OK | constants.X_OK))
    throw new CuelineError('input.permission', `${forPath}: permission denied (cannot write in ${folder})`, {
      path: forPath,
    });
}

/**
 * A file to write: its extension one of `extensions` (`.mp4`), not a folder, and its folder there
 * and writable.
 */
export function requireOutputFile(path: string, extensions: readonly string[], option: string): void {
  const ext = extname(path).toLowerCase();
  if (!extensions.includes(ext))
    throw new CuelineError(
      'usage.output',
      `${option} ${path}: the file name must end in ${extensions.join(' or ')}`,
      {
        path,
      },
    );
  const st = statOrNull(path, `${option} ${path}`);
  if (st?.isDirectory())
    throw new CuelineError('input.not_a_file', `${option} ${path}: is a folder`, { path });
  requireWritableFolder(dirname(resolve(path)), `${option} ${path}`);
}

/** A folder Cueline writes into, created when missing (the job journals): no file in the way. */
export function requireFolderToWrite(path: string, option: string): void {
  const label = `${option} ${path}`;
  let p = resolve(path);
  let st = statOrNull(p, label, true);
  if (st && !st.isDirectory())
    throw new CuelineError('input.not_a_folder', `${option} ${path}: is a file, not a folder`, { path });
  // Missing: the nearest existing ancestor must be a folder we can create it in.
  while (!st) {
    const up = dirname(p);
    if (up === p) break;
    p = up;
    st = statOrNull(p, label, true);
  }
  if (st && !st.isDirectory())
    throw new CuelineError('input.not_a_folder', `${option} ${path}: ${p} is a file, not a folder`, { path });
  if (!canAccess(p, constants.W_OK | constants.X_OK))
    throw new CuelineError(
      'input.permission',
      `${option} ${path}: permission denied (cannot write in ${p})`,
      {
        path,
      },
    );
}

/** commander parser for `--language`/`--lang`: one rule for every command (parseLanguageTag). */
export function languageArg(value: string): string {
  const tag = parseLanguageTag(value);
  if (!tag) throw new InvalidArgumentError(languageTagProblem(value));
  return tag;
}

/** commander parser for an identifier option: not empty, one line, no spaces, not absurdly long. */
export function idArg(value: string): string {
  const v = value.trim();
  if (v === '') throw new InvalidArgumentError('it is empty');
  if (v.length > 200)
    throw new InvalidArgumentError(`it is ${v.length} characters long; an id is at most 200`);
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f]/.test(v))
    throw new InvalidArgumentError('it contains spaces or control characters');
  return v;
}
