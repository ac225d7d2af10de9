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
    }),
  ),
  post: z.object({ length: z.number(), problem: z.string().nullable() }).nullable(),
});
export type PreflightResult = z.output<typeof preflightResult>;

export const publishProgress = z.object({
  step: z.enum([
    'validate',
    'upload-video',
    'upload-subtitle',
    'associate',
    'alt-text',
    'post',
    'done',
    'skip',
    'note',
    'retry',
  ]),
  label: z.string(),
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
export type PublishProgress = z.output<typeof publishProgress>;

export const publishResult = z.object({
  jobId: z.string(),
  videoId: z.string(),
  subtitles: z.array(z.object({ languageCode: z.string(), displayName: z.string(), id: z.string() })),
  postId: z.string().nullable(),
  postUrl: z.string().nullable(),
  resumed: z.boolean(),
});
export type PublishResultMessage = z.output<typeof publishResult>;

export const publishChannels = {
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
  }),
  /** Add tracks to a video already on X (after posting): its media id from history or pasted. */
  'publish:attach': job({
    request: z.object({ mediaId, tracks: z.array(publishTrack).min(1).max(50), ...target }),
    progress: publishProgress,
    result: publishResult,
  }),
  /** Replace one language: delete it on X, then upload and associate the new track. */
  'publish:replace': job({
    request: z.object({ mediaId, track: publishTrack, ...target }),
    progress: publishProgress,
    result: publishResult,
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
