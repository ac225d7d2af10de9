// History from the publish journals, newest first, with what the app noted beside each job (the
// video's name, the account, category and dialect) and languages removed since.
import { join } from 'node:path';
import { z } from 'zod';
import type { HistoryEntry, OnXVideo } from '../../../shared/ipc/channels/history.ts';
import { displayNameFor } from '../../../shared/x/languages.ts';
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

/** A publish or attach journal with what the app noted beside it. */
interface NotedJob {
  rec: PublishRecord;
  note: Note | null;
}

/** Every publish and attach journal that reads, with its note (a damaged one is left out). */
async function notedJobs(userData: string): Promise<NotedJob[]> {
  const store = new JournalStore(JournalStore.dirFor(userData), PublishRecord);
  const notes = new HistoryNotes(userData);
  const out: NotedJob[] = [];
  for (const id of await store.list()) {
    if (!/^(pub|att)-/.test(id)) continue;
    const rec = await store.load(id).catch(() => null);
    if (rec) out.push({ rec, note: await notes.get(id) });
  }
  return out;
}

export async function listHistory(userData: string, limit = 200): Promise<HistoryEntry[]> {
  const notes = new HistoryNotes(userData);
  const out: HistoryEntry[] = [];
  for (const { rec, note } of await notedJobs(userData)) {
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

/**
 * Per video, what is on X now: every journal naming the video (its publish, captions attached or
 * replaced later) merged, each language from the latest job that associated it, minus languages
 * removed since; the post from the job that made it. The journals are the one source of truth.
 */
export async function listOnX(userData: string, limit = 200): Promise<OnXVideo[]> {
  const notes = new HistoryNotes(userData);
  const byVideo = new Map<string, NotedJob[]>();
  for (const j of await notedJobs(userData)) {
    const id = j.rec.video?.id;
    // A video that never finished uploading is not on X (its id is journaled only once it is).
    if (id) byVideo.set(id, [...(byVideo.get(id) ?? []), j]);
  }
  const out: OnXVideo[] = [];
  for (const [videoId, jobs] of byVideo) {
    jobs.sort((a, b) => a.rec.updatedAt - b.rec.updatedAt);
    const removedAt = await notes.removed(videoId);
    const languages = new Map<string, OnXVideo['languages'][number]>();
    for (const { rec } of jobs)
      for (const [code, link] of Object.entries(rec.associations)) {
        const sub = rec.subtitles[code];
        if (!sub || !link.startsWith(`${videoId}:`)) continue;
        languages.set(code, {
          languageCode: code,
          displayName: sub.displayName ?? displayNameFor(code.toLowerCase()),
          subtitleId: sub.id,
          at: rec.updatedAt,
        });
      }
    const removed: OnXVideo['removed'] = [];
    for (const [code, at] of Object.entries(removedAt)) {
      const l = languages.get(code);
      if (l && at <= l.at) continue;
      languages.delete(code);
      removed.push({ languageCode: code, at });
    }
    const posted = jobs.findLast((j) => j.rec.post?.id);
    const noted = jobs.findLast((j) => j.note !== null)?.note ?? null;
    const last = jobs[jobs.length - 1];
    if (languages.size === 0 && !posted && removed.length === 0) continue;
    out.push({
      videoId,
      videoName: jobs.findLast((j) => j.note?.videoName)?.note?.videoName ?? null,
      account: noted?.account ?? null,
      category: noted?.category ?? null,
      api: noted?.api ?? null,
      languages: [...languages.values()].sort((a, b) => (a.languageCode < b.languageCode ? -1 : 1)),
      removed,
      post:
        posted?.rec.post?.id !== undefined
          ? { id: posted.rec.post.id, url: postUrl(posted.rec.post.id), at: posted.rec.post.intentAt }
          : null,
      updatedAt: Math.max(last?.rec.updatedAt ?? 0, ...removed.map((r) => r.at)),
    });
  }
  out.sort((a, b) => b.updatedAt - a.updatedAt);
  return out.slice(0, limit);
}
