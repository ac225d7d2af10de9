// Job journals: one JSON file per job under <userData>/jobs/, through the one JSON store (atomic,
// durable, 0600), so a crash or `kill -9` leaves either the previous record or the new one. The
// job id is derived from the job's inputs, so rerunning the same job finds its journal.
import { createHash } from 'node:crypto';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import { CuelineError } from '../../../shared/errors.ts';
import { readJsonOrThrow, writeJsonAtomic } from '../store/json-store.ts';

/** Stable JSON (sorted keys) so equal inputs hash equally. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function jobIdFor(prefix: string, key: unknown): string {
  return `${prefix}-${createHash('sha256').update(canonicalJson(key)).digest('hex').slice(0, 20)}`;
}

export class JournalStore<T extends { jobId: string }> {
  readonly dir: string;
  private readonly schema: z.ZodType<T>;

  constructor(dir: string, schema: z.ZodType<T>) {
    this.dir = dir;
    this.schema = schema;
  }

  static dirFor(userData: string): string {
    return join(userData, 'jobs');
  }

  private path(jobId: string): string {
    if (!/^[a-z]+-[0-9a-f]+$/.test(jobId)) throw new CuelineError('internal', `Bad job id ${jobId}`);
    return join(this.dir, `${jobId}.json`);
  }

  async load(jobId: string): Promise<T | null> {
    const path = this.path(jobId);
    let rec;
    try {
      rec = await readJsonOrThrow(
        path,
        this.schema,
        (r) =>
          new CuelineError(
            'journal.corrupt',
            r.notJson
              ? `The job journal ${path} is not valid JSON; delete it to start over.`
              : `The job journal ${path} is not in the expected shape; delete it to start over.`,
          ),
      );
    } catch (err) {
      const code = err && typeof err === 'object' && 'code' in err ? err.code : '';
      if (code === 'EISDIR' || code === 'ENOTDIR')
        throw new CuelineError(
          'input.journal',
          `The job journal ${path} is ${code === 'EISDIR' ? 'a folder' : 'inside a file'}, not a journal file; move it away to start over.`,
        );
      throw err;
    }
    return rec ?? null;
  }

  async save(record: T): Promise<void> {
    await writeJsonAtomic(this.path(record.jobId), record);
  }

  async remove(jobId: string): Promise<void> {
    await rm(this.path(jobId), { force: true });
  }

  async list(): Promise<string[]> {
    try {
      return (await readdir(this.dir)).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5));
    } catch {
      return [];
    }
  }
}
