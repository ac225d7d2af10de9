// What an earlier run already put on X for each plan row, read from the publish journals (the one
// record of what was sent): the row's job id is derived from its inputs exactly as a run derives it
// (the video file and the account, or the media id and the account), so the plan and the run agree.
import { displayNameFor } from '../../../shared/x/languages.ts';
import type { BatchPlanMessage } from '../../../shared/ipc/channels/batch.ts';
import { JournalStore } from '../jobs/journal.ts';
import { fileIdentity } from '../publish/inputs.ts';
import { attachJobId, publishJobId } from '../publish/publish.ts';
import { PublishRecord } from '../publish/record.ts';
import type { BatchPlan, PlanItem } from './plan-types.ts';

export type PlanOnX = BatchPlanMessage['items'][number]['onX'];

/** Per row: what its journal says is on X, and the bytes its video upload would send. */
export interface RowFacts {
  onX: PlanOnX;
  videoBytes: number | null;
}

async function rowFacts(
  item: PlanItem,
  store: JournalStore<PublishRecord>,
  account: string | null,
): Promise<RowFacts> {
  const video =
    item.mediaId || !item.videoPath ? null : await fileIdentity(item.videoPath, 'media').catch(() => null);
  const jobId = item.mediaId
    ? attachJobId(item.mediaId, account)
    : video
      ? publishJobId(video, account)
      : null;
  const rec = jobId ? await store.load(jobId).catch(() => null) : null;
  const videoBytes = video?.size ?? null;
  if (!rec) return { onX: null, videoBytes };
  const videoId = rec.video?.id ?? null;
  const languages = Object.entries(rec.associations)
    .filter(([code, link]) => videoId !== null && link.startsWith(`${videoId}:`) && rec.subtitles[code])
    .map(([code]) => ({
      languageCode: code,
      displayName: rec.subtitles[code]?.displayName ?? displayNameFor(code.toLowerCase()),
    }))
    .sort((a, b) => (a.languageCode < b.languageCode ? -1 : 1));
  const postId = rec.post?.id ?? null;
  // A job that never got its video to X has put nothing there.
  if (!videoId && postId === null) return { onX: null, videoBytes };
  return { onX: { videoId, languages, altText: rec.altText !== undefined, postId }, videoBytes };
}

/** `account` is the account key the journals are keyed by (jobAccount), not the account's name. */
export async function planRowFacts(
  plan: BatchPlan,
  journalDir: string,
  account: string | null,
): Promise<Map<string, RowFacts>> {
  const store = new JournalStore(journalDir, PublishRecord);
  const out = new Map<string, RowFacts>();
  for (const item of plan.items) out.set(item.key, await rowFacts(item, store, account));
  return out;
}
