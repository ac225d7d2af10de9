// Job journals: one JSON file per job under <userData>/jobs/, through the one JSON store (atomic,
// durable, 0600), so a crash or `kill -9` leaves either the previous record or the new one. The
// job id is derived from the job's inputs, so rerunning the same job finds its journal. A damaged
// journal is set aside, never deleted.
import { createHash } from 'node:crypto';
import { readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import { CuelineError } from '../../../shared/errors.ts';
import { readJsonOrThrow, writeJsonAtomic, type WriteJsonOptions } from '../store/json-store.ts';

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
      rec = await readJsonOrThrow(path, this.schema, () => new CuelineError('journal.corrupt', ''));
    } catch (err) {
      if (err instanceof CuelineError && err.code === 'journal.corrupt') throw await this.setAside(jobId);
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

  /**
   * A damaged journal is moved aside (never deleted: it may be the only record of a post) and the
   * error says what it still shows about X. Starting over could post again, so the journal's
   * caller treats the post as uncertain while a set-aside journal exists (setAsideExists).
   */
  private async setAside(jobId: string): Promise<CuelineError> {
    const path = this.path(jobId);
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(path, 'utf8'));
    } catch {
      raw = null;
    }
    const aside = `${path}.damaged-${Date.now()}`;
    await rename(path, aside);
    const r = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : null;
    const idOf = (v: unknown): string | null =>
      v && typeof v === 'object' && 'id' in v && typeof v.id === 'string' ? v.id : null;
    const video = idOf(r?.['video']);
    const post = r?.['post'];
    const postId = idOf(post);
    const onX = !r
      ? "It can't be read, so what is already on X is unknown."
      : [
          video ? `It shows video media ${video} uploaded.` : 'It shows no video uploaded.',
          postId
            ? `It shows post ${postId} on X.`
            : post
              ? 'It shows a post sent without X’s answer: it may be on X.'
              : 'It shows no post sent.',
        ].join(' ');
    return new CuelineError(
      'journal.corrupt',
      `The job journal ${path} is ${r ? 'not in the expected shape' : 'not valid JSON'}; it was kept aside as ${aside}. ${onX} ` +
        'The next run uploads again and will not post until the account has been checked for the post.',
      { path, aside, ...(video ? { videoId: video } : {}), ...(postId ? { postId } : {}) },
    );
  }

  /** Whether an earlier journal of this job was set aside as damaged. */
  async setAsideExists(jobId: string): Promise<boolean> {
    const prefix = `${jobId}.json.damaged-`;
    try {
      return (await readdir(this.dir)).some((f) => f.startsWith(prefix));
    } catch {
      return false;
    }
  }

  /** `durable: false` for records replaced many times a second (see WriteJsonOptions). */
  async save(record: T, opts: Pick<WriteJsonOptions, 'durable'> = {}): Promise<void> {
    await writeJsonAtomic(this.path(record.jobId), record, opts);
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
