// Job journals: one JSON file per job under <userData>/jobs/, replaced atomically (write a temp
// file, fsync it, rename over the old one, fsync the folder) so a crash or `kill -9` leaves either
// the previous record or the new one, never a torn file. The job id is derived from the job's
// inputs, so rerunning the same job finds its journal.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readFile, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import { CuelineError } from '../../../shared/errors.ts';

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

export async function writeJsonAtomic(path: string, value: unknown): Promise<void> {
  const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  const fh = await open(tmp, 'w', 0o600);
  try {
    await fh.writeFile(`${JSON.stringify(value, null, 2)}\n`);
    await fh.sync();
  } finally {
    await fh.close();
  }
  await rename(tmp, path);
  const dir = await open(join(path, '..'), 'r').catch(() => null);
  if (dir) {
    await dir.sync().catch(() => undefined);
    await dir.close();
  }
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
    let text: string;
    try {
      text = await readFile(this.path(jobId), 'utf8');
    } catch (err) {
      const code = err && typeof err === 'object' && 'code' in err ? err.code : '';
      if (code === 'ENOENT') return null;
      if (code === 'EISDIR' || code === 'ENOTDIR')
        throw new CuelineError(
          'input.journal',
          `The job journal ${this.path(jobId)} is ${code === 'EISDIR' ? 'a folder' : 'inside a file'}, not a journal file; move it away to start over.`,
        );
      throw err;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      throw new CuelineError(
        'journal.corrupt',
        `The job journal ${this.path(jobId)} is not valid JSON; delete it to start over.`,
      );
    }
    const r = this.schema.safeParse(raw);
    if (!r.success)
      throw new CuelineError(
        'journal.corrupt',
        `The job journal ${this.path(jobId)} is not in the expected shape; delete it to start over.`,
      );
    return r.data;
  }

  async save(record: T): Promise<void> {
    await mkdir(this.dir, { recursive: true });
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
