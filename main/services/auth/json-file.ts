// The accounts' JSON files (accounts.json, x-app.json) through the one JSON store; a damaged file is
// an error to fix, never silently replaced (it holds the user's accounts).
import type { z } from 'zod';
import { CuelineError } from '../../../shared/errors.ts';
import { readJsonOrThrow, writeJsonAtomic } from '../store/json-store.ts';

export async function readJsonFile<T>(path: string, schema: z.ZodType<T>, fallback: T): Promise<T> {
  const v = await readJsonOrThrow(path, schema, (r) =>
    r.notJson
      ? new CuelineError('settings.corrupt', `${path} is not valid JSON. Fix or delete it.`, { path })
      : new CuelineError('settings.corrupt', `${path} has unexpected content. Fix or delete it.`, {
          path,
          issues: r.issues,
        }),
  );
  return v ?? fallback;
}

export async function writeJsonFile(path: string, value: unknown): Promise<void> {
  await writeJsonAtomic(path, value);
}
