// What the job journal remembers about a publish or attach: each step's result, so a rerun or a
// resume skips what is done and never associates or posts twice.
import { z } from 'zod';

const Uploaded = z.object({ id: z.string(), expiresAt: z.number().nullable(), uploadedAt: z.number() });

/** An upload in progress (uploader.ts UploadCheckpoint): the media id and the acknowledged bytes. */
const UploadCheckpoint = z.object({
  id: z.string(),
  mediaKey: z.string().exactOptional(),
  expiresAt: z.number().nullable(),
  totalBytes: z.number(),
  nextIndex: z.number().int(),
  nextOffset: z.number().int(),
  chunkSize: z.number().int(),
});

export const PublishRecord = z.object({
  version: z.literal(1),
  jobId: z.string(),
  kind: z.enum(['publish', 'attach']),
  createdAt: z.number(),
  updatedAt: z.number(),
  status: z.enum(['running', 'completed', 'failed']),
  /** X's error text of the last failure, token-shaped parts redacted. */
  lastError: z.string().optional(),
  /** The video's media id: uploaded by this job (publish) or given (attach). */
  video: Uploaded.extend({
    /** X's media key: how a post's attachments name the video (resolving an uncertain post). */
    mediaKey: z.string().optional(),
    /** The upload category it went up with (a different category needs another upload). */
    category: z.string().optional(),
  }).optional(),
  /** The video upload under way: journaled at initialize and after each acknowledged segment. */
  videoUpload: UploadCheckpoint.optional(),
  /** Alt text X accepted for the video (POST /2/media/metadata). */
  altText: z.object({ videoId: z.string(), text: z.string() }).optional(),
  /** language_code → uploaded subtitle media (keyed with the converted bytes' hash). */
  subtitles: z.record(
    z.string(),
    Uploaded.extend({
      sha256: z.string(),
      /** The display_name sent with the association: how X names the track (older journals: none). */
      displayName: z.string().optional(),
    }),
  ),
  /** language_code → "<video id>:<subtitle id>" once X accepted the association. */
  associations: z.record(z.string(), z.string()),
  /**
   * The post: `intentAt` is written (fsync'd) before the request, `id` after X answers. An intent
   * without an id means we can't know whether X created the post: a resume refuses to post again
   * unless forced.
   */
  post: z.object({ intentAt: z.number(), id: z.string().optional() }).optional(),
});
export type PublishRecord = z.infer<typeof PublishRecord>;
