// What a batch run will ask of X before it starts: posts (with and without a link) and requests,
// and what they cost on X's pay-per-use plan (../shared/x-api.md "Costs": a post $0.015, a post
// with a URL $0.20, media metadata $0.005; upload calls are not priced there). Rows whose journal
// says a step is done (the plan's `onX`) don't count that step: the run skips it.
import type { BatchPlanMessage } from '../ipc/channels/batch.ts';
import { UPLOAD_MAX_SEGMENTS, UPLOAD_MIN_CHUNK_BYTES } from '../x/limits.ts';
import { fillPostTemplate, postHasUrl } from '../x/post-text.ts';

export const PRICE_USD = { post: 0.015, postWithUrl: 0.2, metadata: 0.005 } as const;

export interface RunEstimate {
  posts: number;
  /** Of the posts, those carrying a link (priced higher). */
  postsWithUrl: number;
  /** At least this many requests: status checks while X processes a video come on top. */
  requests: number;
  costUsd: number;
}

type PlanRow = BatchPlanMessage['items'][number];

/** The post a row would make: the manifest's text first, else the template; null without posting. */
export function rowPostText(item: PlanRow, template: string | null): string | null {
  if (template === null) return null;
  if (item.post) return item.post;
  return fillPostTemplate(template, {
    name: item.name,
    file: item.video?.split('/').pop() ?? item.name,
    languages: item.subtitles.map((s) => s.displayName),
  });
}

/** Upload calls for a file: INIT, one APPEND per chunk (4 MiB, larger past 1000 segments), FINALIZE. */
export function uploadRequests(bytes: number): number {
  const chunk = Math.max(UPLOAD_MIN_CHUNK_BYTES, Math.ceil(bytes / UPLOAD_MAX_SEGMENTS));
  return 2 + Math.max(1, Math.ceil(bytes / chunk));
}

export function estimateRun(items: readonly PlanRow[], template: string | null): RunEstimate {
  const e: RunEstimate = { posts: 0, postsWithUrl: 0, requests: 0, costUsd: 0 };
  for (const item of items) {
    if (!item.ready || item.excluded || item.skip !== null) continue;
    const done = item.onX;
    if (!item.mediaId && !done?.videoId) e.requests += uploadRequests(item.videoBytes ?? 0);
    const onX = new Set(done?.languages.map((l) => l.languageCode));
    // A subtitle file is one small upload and one association.
    for (const s of item.subtitles) if (!onX.has(s.languageCode)) e.requests += uploadRequests(0) + 1;
    if (item.altText && !item.mediaId && !done?.altText) {
      e.requests += 1;
      e.costUsd += PRICE_USD.metadata;
    }
    const text = item.mediaId ? null : rowPostText(item, template);
    if (text !== null && !done?.postId) {
      const url = postHasUrl(text);
      e.posts += 1;
      e.requests += 1;
      if (url) e.postsWithUrl += 1;
      e.costUsd += url ? PRICE_USD.postWithUrl : PRICE_USD.post;
    }
  }
  e.costUsd = Math.round(e.costUsd * 1000) / 1000;
  return e;
}
