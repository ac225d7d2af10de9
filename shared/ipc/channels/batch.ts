// Batch publishing from the app: plan a folder (pairing, validation, a report for every file), let
// the user correct it (assign a language, exclude a file or an item), run it with a concurrency,
// pause/resume/cancel (cancel is jobs:cancel), resume an unfinished batch after a restart, export
// the results. Paths never cross: files are named relative to the folder the user picked.
import { z } from 'zod';
import { call, job } from '../define.ts';
import { fileId } from '../common.ts';
import { apiDialect, publishCategory } from './publish.ts';

export const planCorrections = z.object({
  languages: z.record(z.string().max(500), z.string().max(35)).optional(),
  excludedFiles: z.array(z.string().max(500)).max(10_000).optional(),
  excludedItems: z.array(z.string().max(500)).max(10_000).optional(),
});

const planSource = {
  folder: fileId,
  recursive: z.boolean().optional(),
  defaultLanguage: z.string().max(35).optional(),
  corrections: planCorrections.optional(),
  category: publishCategory,
  api: apiDialect,
};

export const planFile = z.object({
  file: z.string(),
  kind: z.enum(['video', 'subtitle']),
  status: z.enum(['matched', 'orphan', 'ambiguous', 'invalid', 'duplicate_language', 'excluded']),
  video: z.string().nullable(),
  language: z.string().nullable(),
  message: z.string().nullable(),
});

export const planItem = z.object({
  key: z.string(),
  name: z.string(),
  video: z.string().nullable(),
  mediaId: z.string().nullable(),
  subtitles: z.array(
    z.object({ file: z.string(), language: z.string(), languageCode: z.string(), displayName: z.string() }),
  ),
  problems: z.array(z.string()),
  ready: z.boolean(),
  excluded: z.boolean(),
});

export const batchPlanMessage = z.object({
  folderName: z.string(),
  items: z.array(planItem),
  files: z.array(planFile),
});
export type BatchPlanMessage = z.output<typeof batchPlanMessage>;

export const itemStatus = z.enum(['pending', 'running', 'published', 'skipped', 'failed', 'cancelled']);

export const batchItemState = z.object({
  key: z.string(),
  status: itemStatus,
  step: z.string().nullable(),
  progress: z.number(),
  videoId: z.string().nullable(),
  postId: z.string().nullable(),
  error: z.string().nullable(),
});

export const batchProgress = z.object({
  batchId: z.string(),
  state: z.enum(['idle', 'running', 'paused', 'cancelling', 'finished']),
  total: z.number(),
  done: z.number(),
  failed: z.number(),
  running: z.number(),
  items: z.array(batchItemState),
});
export type BatchProgress = z.output<typeof batchProgress>;

export const batchResult = z.object({
  batchId: z.string(),
  status: z.enum(['completed', 'failed', 'cancelled']),
  items: z.array(batchItemState),
});

export const unfinishedBatch = z.object({
  batchId: z.string(),
  folderName: z.string(),
  status: z.enum(['running', 'paused', 'failed', 'cancelled']),
  updatedAt: z.number(),
  total: z.number(),
  done: z.number(),
  failed: z.number(),
});

export const batchChannels = {
  'batch:plan': call(z.object(planSource), batchPlanMessage),
  'batch:run': job({
    request: z.object({
      ...planSource,
      concurrency: z.number().int().min(1).max(16),
      postTemplate: z.string().max(1000).nullable(),
      account: z.string().min(1).max(100).optional(),
    }),
    progress: batchProgress,
    result: batchResult,
  }),
  /** Pause (no new item starts; those in flight finish) or resume a running batch job. */
  'batch:control': call(
    z.object({ jobId: z.string().min(1), action: z.enum(['pause', 'resume']) }),
    z.object({ state: z.enum(['idle', 'running', 'paused', 'cancelling', 'finished']) }),
  ),
  /** Batches a restart (or a cancel, or failures) left unfinished, from their journals. */
  'batch:unfinished': call(z.undefined(), z.array(unfinishedBatch)),
  /** Runs an unfinished batch again: finished items are skipped by their journals, failed ones retried. */
  'batch:continue': job({
    request: z.object({
      batchId: z.string().regex(/^bat-[0-9a-f]+$/),
      concurrency: z.number().int().min(1).max(16).optional(),
    }),
    progress: batchProgress,
    result: batchResult,
  }),
  /** Writes the results beside the batch folder (cueline-batch-results.csv|json); returns the file name. */
  'batch:export': call(
    z.object({ batchId: z.string().regex(/^bat-[0-9a-f]+$/), format: z.enum(['csv', 'json']) }),
    z.object({ name: z.string() }),
  ),
};
