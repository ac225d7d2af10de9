// The one way Cueline keeps JSON files (journals, settings, recents, window state, file ids,
// autosaves, accounts, history notes): read back through a zod schema, replaced atomically — a temp
// file is written and fsynced, renamed over the old one, and the folder fsynced — so a crash or
// `kill -9` leaves the previous file or the new one, never a torn one. Files are 0600 and the
// folders that hold them 0700: they name the user's files and accounts.
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, open, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import type { z } from 'zod';

export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

/** Creates the folder (and missing parents) 0700; an existing one is tightened to 0700. */
export async function ensurePrivateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  await tightenMode(dir, PRIVATE_DIR_MODE);
}

async function tightenMode(path: string, mode: number): Promise<void> {
  // Windows has no POSIX modes; elsewhere only ever remove bits.
  if (process.platform === 'win32') return;
  const s = await stat(path);
  if ((s.mode & 0o777 & ~mode) !== 0) await chmod(path, s.mode & mode & 0o777);
}

/** What Cueline keeps in the user-data folder: folders, and JSON files at its top. */
export const USER_DATA_FOLDERS = ['jobs', 'history', 'autosave', 'publish-inputs'] as const;
export const USER_DATA_FILES = [
  'settings.json',
  'recent.json',
  'window-state.json',
  'file-ids.json',
  'accounts.json',
  'x-app.json',
  'publish-drafts.json',
] as const;

/** The temp file of a write killed between writing it and the rename (`<file>.<12 hex>.tmp`). */
const WRITE_TEMP = /\.[0-9a-f]{12}\.tmp$/;
/** A write takes milliseconds; a temp file this old belongs to no running Cueline. */
export const STALE_TEMP_MS = 10 * 60_000;

/**
 * Tightens what an older Cueline left readable: the user-data folder and Cueline's folders in it
 * become 0700, the files in those and Cueline's own JSON files 0600. Only Cueline's names are
 * touched (CUELINE_HOME may point anywhere); the cache folder keeps its modes (regenerable peaks
 * and thumbnails); nothing missing is created. Temp files of writes killed mid-way (older than
 * STALE_TEMP_MS, so a write under way in another Cueline process is left alone) are removed.
 */
export async function tightenUserData(userData: string): Promise<void> {
  const isDir = (p: string): Promise<boolean> =>
    stat(p).then(
      (s) => s.isDirectory(),
      () => false,
    );
  if (!(await isDir(userData))) return;
  await tightenMode(userData, PRIVATE_DIR_MODE);
  const staleBefore = Date.now() - STALE_TEMP_MS;
  /** Removes the file when it is a stale write temp; answers whether it did. */
  const sweep = async (path: string, of: (name: string) => boolean): Promise<boolean> => {
    const name = path.slice(path.lastIndexOf(sep) + 1);
    if (!WRITE_TEMP.test(name) || !of(name.replace(WRITE_TEMP, ''))) return false;
    const s = await stat(path).catch(() => null);
    if (!s?.isFile() || s.mtimeMs > staleBefore) return false;
    await rm(path, { force: true });
    return true;
  };
  const cuelineFile = (name: string): boolean => (USER_DATA_FILES as readonly string[]).includes(name);
  for (const name of await readdir(userData)) await sweep(join(userData, name), cuelineFile);
  for (const name of USER_DATA_FOLDERS) {
    const dir = join(userData, name);
    if (!(await isDir(dir))) continue;
    await tightenMode(dir, PRIVATE_DIR_MODE);
    for (const e of await readdir(dir, { withFileTypes: true })) {
      if (!e.isFile()) continue;
      const path = join(dir, e.name);
      if (!(await sweep(path, () => true))) await tightenMode(path, PRIVATE_FILE_MODE);
    }
  }
  for (const name of USER_DATA_FILES)
    await tightenMode(join(userData, name), PRIVATE_FILE_MODE).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') throw err;
    });
}

export interface WriteJsonOptions {
  /** One line instead of two-space indentation (large files: autosaves, the file-id table). */
  compact?: boolean;
  /**
   * false skips the fsyncs: still atomic against a crash of the process (the kernel has the data),
   * not against a power cut. For records replaced many times a second whose loss only costs
   * repeated work (an upload's acknowledged segments), never for a post's intent.
   */
  durable?: boolean;
}

/** Replaces `path` with `value` as JSON, atomically and durably; returns the bytes written. */
export async function writeJsonAtomic(
  path: string,
  value: unknown,
  o: WriteJsonOptions = {},
): Promise<number> {
  const dir = dirname(path);
  await ensurePrivateDir(dir);
  const body = o.compact ? JSON.stringify(value) : `${JSON.stringify(value, null, 2)}\n`;
  const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const fh = await open(tmp, 'wx', PRIVATE_FILE_MODE);
    try {
      await fh.writeFile(body, 'utf8');
      if (o.durable !== false) await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
  if (o.durable === false) return Buffer.byteLength(body);
  // The rename is durable once the folder's entry is on disk too (not possible on every platform).
  const d = await open(dir, 'r').catch(() => null);
  if (d) {
    await d.sync().catch(() => undefined);
    await d.close();
  }
  return Buffer.byteLength(body);
}

export type JsonRead<T> =
  | { ok: true; value: T }
  | { ok: false; missing: true }
  | { ok: false; missing: false; notJson: boolean; issues: string[] };

/** Reads `path` through `schema`: the value, or why not (missing, not JSON, not the expected shape). */
export async function readJson<T>(path: string, schema: z.ZodType<T>): Promise<JsonRead<T>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { ok: false, missing: true };
    throw err;
  }
  return parseJson(text, schema);
}

/**
 * readJson for the one file needed before anything async can run (the file ids, read while the
 * app's main module starts, before Electron is ready).
 */
export function readJsonSync<T>(path: string, schema: z.ZodType<T>): JsonRead<T> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { ok: false, missing: true };
    throw err;
  }
  return parseJson(text, schema);
}

function parseJson<T>(text: string, schema: z.ZodType<T>): JsonRead<T> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, missing: false, notJson: true, issues: [] };
  }
  const r = schema.safeParse(json);
  if (r.success) return { ok: true, value: r.data };
  return {
    ok: false,
    missing: false,
    notJson: false,
    issues: r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
  };
}

/** The file's value, or `fallback` when it is missing or unreadable (caches, preferences). */
export async function readJsonOr<T>(path: string, schema: z.ZodType<T>, fallback: T): Promise<T> {
  const r = await readJson(path, schema);
  return r.ok ? r.value : fallback;
}

/** The file's value, undefined when it is missing, or the error `corrupt` makes of a damaged file. */
export async function readJsonOrThrow<T>(
  path: string,
  schema: z.ZodType<T>,
  corrupt: (why: { notJson: boolean; issues: string[] }) => Error,
): Promise<T | undefined> {
  const r = await readJson(path, schema);
  if (r.ok) return r.value;
  if (r.missing) return undefined;
  throw corrupt(r);
}
