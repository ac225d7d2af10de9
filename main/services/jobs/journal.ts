// Job journals: one JSON file per job under <userData>/jobs/, replaced atomically (write a temp
// file, fsync it, rename over the old one, fsync the folder) so a crash or `kill -9` leaves either
// the previous record or the new one, never a torn file. The job id is derived from the job's
// inputs, so rerunning the same job finds its journal. A damaged journal is set aside, not deleted.
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

/**
 * `durable: false` skips the fsyncs: still atomic against a crash of the process (the kernel has
 * the data), not against a power cut. For records replaced many times a second whose loss only
 * costs repeated work (an upload's acknowledged segments), never for a post's intent.
 */
export async function writeJsonAtomic(
  path: string,
  value: unknown,
  opts: { durable?: boolean } = {},
): Promise<void> {
  const durable = opts.durable ?? true;
  const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  const fh = await open(tmp, 'w', 0o600);
  try {
    await fh.writeFile(`${JSON.stringify(value, null, 2)}\n`);
    if (durable) await fh.sync();
  } finally {
    await fh.close();
  }
  await rename(tmp, path);
  if (!durable) return;
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
      if (err && typeof err === 'object' && 'code' in err && err.code === 'ENOENT') return null;
      throw err;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      throw await this.setAside(jobId, 'is not valid JSON', null);
    }
    const r = this.schema.safeParse(raw);
    if (!r.success) throw await this.setAside(jobId, 'is not in the expected shape', raw);
    return r.data;
  }

  /**
   * A damaged journal is moved aside (never deleted: it may be the only record of a post) and the
   * error says what it still shows about X. Starting over could post again, so the journal's
   * caller treats the post as uncertain while a set-aside journal exists (setAsideExists).
   */
  private async setAside(jobId: string, why: string, raw: unknown): Promise<CuelineError> {
    const path = this.path(jobId);
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
      `The job journal ${path} ${why}; it was kept aside as ${aside}. ${onX} ` +
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

  async save(record: T, opts: { durable?: boolean } = {}): Promise<void> {
    await mkdir(this.dir, { recursive: true });
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
