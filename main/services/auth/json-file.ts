// Small JSON files in the user-data folder, read through a zod schema and replaced atomically
// (write a temporary file, then rename) so a crash never leaves half a file.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { z } from 'zod';
import { CuelineError } from '../../../shared/errors.ts';

export async function readJsonFile<T>(path: string, schema: z.ZodType<T>, fallback: T): Promise<T> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return fallback;
    throw err;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new CuelineError('settings.corrupt', `${path} is not valid JSON. Fix or delete it.`, { path });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success)
    throw new CuelineError('settings.corrupt', `${path} has unexpected content. Fix or delete it.`, {
      path,
      issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
    });
  return parsed.data;
}

export async function writeJsonFile(path: string, value: unknown): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(tmp, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
  await rename(tmp, path);
}
