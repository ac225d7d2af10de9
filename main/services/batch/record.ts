// The batch journal: what was planned from where, with which corrections and options, and each
// item's outcome. Each item's own steps live in its publish journal (publish/record.ts); this one
// lets the app list unfinished batches after a restart and resume them, and feeds the export.
import { z } from 'zod';
import { ITEM_STATUSES } from '../../../shared/batch/item-status.ts';
import { MEDIA_CATEGORIES } from '../../../shared/media/constraints.ts';
import { remedySchema } from '../../../shared/remedy.ts';

export const BatchItemResult = z.object({
  key: z.string(),
  name: z.string(),
  video: z.string().nullable(),
  status: z.enum(ITEM_STATUSES),
  jobId: z.string().nullable(),
  video_id: z.string().nullable(),
  subtitles: z.array(
    z.object({ file: z.string(), language_code: z.string(), display_name: z.string(), id: z.string() }),
  ),
  post_id: z.string().nullable(),
  /**
   * Why a skipped item was skipped ("already published", "no subtitles"); on a published one,
   * "already on X": its post was found on the account, sent by a run whose answer was lost.
   */
  reason: z.string().nullable().optional(),
  error: z.string().nullable(),
  errorCode: z.string().nullable(),
  /** What to do about the error, as data (older journals have none). */
  remedy: remedySchema.optional(),
  finishedAt: z.number().nullable(),
});
export type BatchItemResult = z.infer<typeof BatchItemResult>;

export const BatchRunOptionsSchema = z.object({
  concurrency: z.number().int().min(1).max(16),
  category: z.enum(MEDIA_CATEGORIES),
  api: z.enum(['v2', 'v1.1']),
  postTemplate: z.string().nullable(),
  noPost: z.boolean(),
});
export type BatchRunOptions = z.infer<typeof BatchRunOptionsSchema>;

export const BatchRecord = z.object({
  version: z.literal(1),
  jobId: z.string(),
  kind: z.literal('batch'),
  createdAt: z.number(),
  updatedAt: z.number(),
  status: z.enum(['running', 'paused', 'completed', 'failed', 'cancelled']),
  account: z.string().nullable(),
  source: z.object({
    folder: z.string(),
    manifest: z.string().optional(),
    recursive: z.boolean().optional(),
    defaultLanguage: z.string().optional(),
    fallbackLanguage: z.string().optional(),
  }),
  corrections: z.object({
    languages: z.record(z.string(), z.string()).optional(),
    excludedFiles: z.array(z.string()).optional(),
    excludedItems: z.array(z.string()).optional(),
    items: z
      .record(
        z.string(),
        z.object({
          altText: z.string().optional(),
          title: z.string().optional(),
          description: z.string().optional(),
        }),
      )
      .optional(),
  }),
  options: BatchRunOptionsSchema,
  items: z.array(BatchItemResult),
});
export type BatchRecord = z.infer<typeof BatchRecord>;
