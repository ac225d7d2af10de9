// Settings, recents and autosaves are rewritten while the app runs; a crash mid-write must leave
// the previous version intact, so write a temp file and rename it over (atomic on one volume).
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { randomBytes } from 'node:crypto';

export async function writeJsonAtomic(file: string, value: unknown): Promise<number> {
  await mkdir(dirname(file), { recursive: true });
  const body = JSON.stringify(value);
  const tmp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(tmp, body, 'utf8');
  await rename(tmp, file);
  return Buffer.byteLength(body);
}

/** The parsed file, or undefined when it doesn't exist or isn't JSON. */
export async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
