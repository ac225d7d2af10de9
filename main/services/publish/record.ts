// What the job journal remembers about a publish or attach: each step's result, so a rerun or a
// resume skips what is done and never associates or posts twice.
import { z } from 'zod';

const Uploaded = z.object({ id: z.string(), expiresAt: z.number().nullable(), uploadedAt: z.number() });

export const PublishRecord = z.object({
  version: z.literal(1),
  jobId: z.string(),
  kind: z.enum(['publish', 'attach']),
  createdAt: z.number(),
  updatedAt: z.number(),
  status: z.enum(['running', 'completed', 'failed']),
  lastError: z.string().optional(),
  /** The video's media id: uploaded by this job (publish) or given (attach). */
  video: Uploaded.optional(),
  /** language_code → uploaded subtitle media (keyed with the converted bytes' hash). */
  subtitles: z.record(z.string(), Uploaded.extend({ sha256: z.string() })),
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
