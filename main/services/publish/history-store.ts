// History from the publish journals, newest first, with what the app noted beside each job (the
// video's name, the account, category and dialect) and languages removed since.
import { join } from 'node:path';
import { z } from 'zod';
import type { HistoryEntry } from '../../../shared/ipc/channels/history.ts';
import { JournalStore } from '../jobs/journal.ts';
import { readJsonOr, writeJsonAtomic } from '../store/json-store.ts';
import { PublishRecord } from './record.ts';
import { postUrl } from '../../../shared/x/media-id.ts';
import { MEDIA_CATEGORIES } from '../../../shared/media/constraints.ts';

const Note = z.object({
  videoName: z.string().nullable(),
  account: z.string().nullable(),
  category: z.enum(MEDIA_CATEGORIES).nullable(),
  api: z.enum(['v2', 'v1.1']).nullable(),
});
type Note = z.infer<typeof Note>;
/** What the app notes beside a publish job: the video's name, the account, category and dialect. */
export type HistoryNote = Note;
const Removed = z.record(z.string(), z.number());

/** Small JSON notes under <userData>/history/: one per job, one per video for removed languages. */
export class HistoryNotes {
  readonly dir: string;
  constructor(userData: string) {
    this.dir = join(userData, 'history');
  }

  /** A note that can't be read is no note: history still lists the job from its journal. */
  #read<T>(name: string, schema: z.ZodType<T>): Promise<T | null> {
    return readJsonOr<T | null>(join(this.dir, name), schema, null).catch(() => null);
  }

  async note(jobId: string, n: Note): Promise<void> {
    const old = await this.#read(`${jobId}.json`, Note);
    await writeJsonAtomic(join(this.dir, `${jobId}.json`), {
      ...n,
      videoName: n.videoName ?? old?.videoName ?? null,
    });
  }

  get(jobId: string): Promise<Note | null> {
    return this.#read(`${jobId}.json`, Note);
  }

  async removed(videoId: string): Promise<Record<string, number>> {
    return (await this.#read(`video-${videoId}.json`, Removed)) ?? {};
  }

  async markRemoved(videoId: string, code: string, at: number): Promise<void> {
    const r = await this.removed(videoId);
    r[code] = at;
    await writeJsonAtomic(join(this.dir, `video-${videoId}.json`), r);
  }
}

export async function listHistory(userData: string, limit = 200): Promise<HistoryEntry[]> {
  const store = new JournalStore(JournalStore.dirFor(userData), PublishRecord);
  const notes = new HistoryNotes(userData);
  const out: HistoryEntry[] = [];
  for (const id of await store.list()) {
    if (!/^(pub|att)-/.test(id)) continue;
    const rec = await store.load(id).catch(() => null);
    if (!rec) continue;
    const note = await notes.get(id);
    const videoId = rec.video?.id ?? null;
    const removed = videoId ? await notes.removed(videoId) : {};
    out.push({
      jobId: rec.jobId,
      kind: rec.kind,
      status: rec.status,
      createdAt: rec.createdAt,
      updatedAt: rec.updatedAt,
      videoName: note?.videoName ?? null,
      account: note?.account ?? null,
      category: note?.category ?? null,
      api: note?.api ?? null,
      videoId,
      languages: Object.entries(rec.subtitles).map(([code, s]) => ({
        languageCode: code,
        subtitleId: s.id,
        associated: rec.associations[code] !== undefined && !((removed[code] ?? 0) > rec.updatedAt),
      })),
      postId: rec.post?.id ?? null,
      postUrl: rec.post?.id ? postUrl(rec.post.id) : null,
      lastError: rec.lastError ?? null,
    });
  }
  // Captions attached later name the video the way its publish did.
  const names = new Map(out.filter((e) => e.videoId && e.videoName).map((e) => [e.videoId, e.videoName]));
  for (const e of out) if (!e.videoName && e.videoId) e.videoName = names.get(e.videoId) ?? null;
  out.sort((a, b) => b.updatedAt - a.updatedAt);
  return out.slice(0, limit);
}
