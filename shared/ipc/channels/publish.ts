// Publishing the open video to X from the app: a pre-flight (video against X's limits, each track
// checked and mapped to X's language code), the publish job (before-posting flow), attaching to a
// video already on X (after-posting flow), and removing or replacing one language. Tracks travel as
// cues (the editor's current state, saved or not); main writes them as UTF-8 SRT before sending.
import { z } from 'zod';
import { call, job } from '../define.ts';
import { fileId, fileRef } from '../common.ts';
import { trackSchema } from './captions.ts';
import { MEDIA_ID_PATTERN, MEDIA_ID_RULE } from '../../x/media-id.ts';
import { MEDIA_CATEGORIES } from '../../media/constraints.ts';

export const publishCategory = z.enum(MEDIA_CATEGORIES);
export const apiDialect = z.enum(['v2', 'v1.1']);
/** X media ids: digits, 64-bit, always kept as strings. */
export const mediaId = z.string().regex(MEDIA_ID_PATTERN, `must be a media id (${MEDIA_ID_RULE})`);

export const publishTrack = z.object({
  /** BCP 47 (`pt-BR`); mapped to X's two-letter code in main. */
  language: z.string().min(1).max(35),
  displayName: z.string().max(100).optional(),
  cues: trackSchema.shape.cues.max(20_000),
});
export type PublishTrack = z.output<typeof publishTrack>;

const target = {
  category: publishCategory,
  api: apiDialect,
  /** Account id; the default account when absent. */
  account: z.string().min(1).max(100).optional(),
};

export const violationSchema = z.object({
  code: z.string(),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  fix: z.string(),
});

export const preflightResult = z.object({
  ok: z.boolean(),
  video: z.object({ violations: z.array(violationSchema) }).nullable(),
  tracks: z.array(
    z.object({
      language: z.string(),
      languageCode: z.string().nullable(),
      displayName: z.string(),
      problems: z.array(z.string()),
      /** The problems that name a cue (a cue starting after the video's end), to go to it. */
      cueProblems: z.array(
        z.object({ code: z.string(), message: z.string(), cueId: z.string(), cueIndex: z.number() }),
      ),
    }),
  ),
  post: z.object({ length: z.number(), problem: z.string().nullable() }).nullable(),
});
export type PreflightResult = z.output<typeof preflightResult>;

/** The steps of a publish, in order: what a skip, note or upload belongs to. */
export const PUBLISH_STEPS = [
  'validate',
  'upload-video',
  'upload-subtitle',
  'associate',
  'alt-text',
  'post',
  'done',
] as const;
export type PublishStepName = (typeof PUBLISH_STEPS)[number];

const publishEvent = z.object({
  step: z.enum([...PUBLISH_STEPS, 'skip', 'note', 'retry']),
  label: z.string(),
  /** The step a skip, note or upload belongs to (a step's own event names itself in `step`). */
  of: z.enum(PUBLISH_STEPS).optional(),
  /** The track's language as X names it (`EN`), on a subtitle upload or association. */
  language: z.string().optional(),
  /** A video upload continuing an interrupted one: the share X already had, 0–100. */
  resumedPercent: z.number().min(0).max(100).optional(),
  upload: z
    .object({
      phase: z.enum(['uploading', 'processing']),
      bytesSent: z.number(),
      totalBytes: z.number(),
      bytesPerSecond: z.number(),
      etaSeconds: z.number().nullable(),
      processingPercent: z.number().nullable(),
    })
    .nullable(),
});

export const publishProgress = publishEvent.extend({
  /**
   * The steps, skips and notes the ~10 Hz throttle merged into this event, oldest first: a step
   * list shows every one (upload figures need only the latest).
   */
  passed: z.array(publishEvent).max(200).optional(),
});
export type PublishProgress = z.output<typeof publishProgress>;

/** The throttle's merge for publish jobs: the latest wins, steps it replaces travel in `passed`. */
export function mergePublishProgress(pending: PublishProgress, next: PublishProgress): PublishProgress {
  const { passed: before = [], ...last } = pending;
  const carried = [...before, ...(last.upload === null ? [last] : []), ...(next.passed ?? [])];
  return carried.length === 0 ? next : { ...next, passed: carried.slice(-200) };
}

export const publishResult = z.object({
  jobId: z.string(),
  videoId: z.string(),
  subtitles: z.array(z.object({ languageCode: z.string(), displayName: z.string(), id: z.string() })),
  postId: z.string().nullable(),
  postUrl: z.string().nullable(),
  resumed: z.boolean(),
  /** The post was found on X (an earlier run's post whose answer was lost), not made by this run. */
  postFound: z.boolean().optional(),
});
export type PublishResultMessage = z.output<typeof publishResult>;

/** What the Publish dialog remembers per video: the post text, the alt text, the card's title and description. */
export const publishDraft = z.object({
  post: z.string().max(10_000).default(''),
  altText: z.string().max(2000).default(''),
  title: z.string().max(1000).default(''),
  description: z.string().max(5000).default(''),
});
export type PublishDraft = z.output<typeof publishDraft>;

export const publishChannels = {
  /** The draft remembered for a video (empty fields when there is none). */
  'publish:getDraft': call(z.object({ video: fileId }), publishDraft),
  /** Remembers the draft for a video (kept by the video's path). */
  'publish:saveDraft': call(z.object({ video: fileId, draft: publishDraft }), publishDraft),
  'publish:preflight': call(
    z.object({
      video: fileId.nullable(),
      category: publishCategory,
      tracks: z.array(publishTrack).max(50),
      post: z.string().max(10_000).nullable(),
    }),
    preflightResult,
  ),
  /** Upload the video and tracks, associate each language, optionally post. Rerun = retry: finished steps are skipped. */
  'publish:start': job({
    request: z.object({
      video: fileId,
      tracks: z.array(publishTrack).max(50),
      post: z.string().max(10_000).nullable(),
      force: z.boolean().optional(),
      /** The video's alt text (X takes up to 1000 characters; main checks). */
      altText: z.string().max(2000).optional(),
      /** The post's video card. */
      title: z.string().max(1000).optional(),
      description: z.string().max(5000).optional(),
      ...target,
    }),
    progress: publishProgress,
    result: publishResult,
    mergeProgress: mergePublishProgress,
  }),
  /** Add tracks to a video already on X (after posting): its media id from history or pasted. */
  'publish:attach': job({
    request: z.object({ mediaId, tracks: z.array(publishTrack).min(1).max(50), ...target }),
    progress: publishProgress,
    result: publishResult,
    mergeProgress: mergePublishProgress,
  }),
  /** Replace one language: delete it on X, then upload and associate the new track. */
  'publish:replace': job({
    request: z.object({ mediaId, track: publishTrack, ...target }),
    progress: publishProgress,
    result: publishResult,
    mergeProgress: mergePublishProgress,
  }),
  /**
   * The pre-flight's "Fix": transcode the video to an X-compliant H.264/AAC MP4 beside the original
   * (`<name>.x.mp4`), then publish that one instead.
   */
  'publish:fixVideo': job({
    request: z.object({ video: fileId, category: publishCategory }),
    progress: z.object({ fraction: z.number() }),
    result: fileRef,
  }),
  /** Remove one language's captions from a video on X. */
  'publish:removeLanguage': call(
    z.object({ mediaId, language: z.string().min(1).max(35), ...target }),
    z.object({ mediaId: z.string(), languageCode: z.string() }),
  ),
};
