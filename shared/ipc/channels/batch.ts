// Batch publishing from the app: plan a folder (pairing, validation, a report for every file), let
// the user correct it (assign a language, exclude a file or an item), run it with a concurrency,
// pause/resume/cancel (cancel is jobs:cancel), resume an unfinished batch after a restart, export
// the results. Paths never cross: files are named relative to the folder the user picked.
import { z } from 'zod';
import { call, job } from '../define.ts';
import { errorCode, fileId } from '../common.ts';
import { apiDialect, publishCategory } from './publish.ts';
import { ITEM_STATUSES } from '../../batch/item-status.ts';

/** A plan row's edited alt text and post card; an empty string clears the manifest's value. */
export const itemFields = z.object({
  altText: z.string().max(1000).optional(),
  title: z.string().max(1000).optional(),
  description: z.string().max(1000).optional(),
});

export const planCorrections = z.object({
  languages: z.record(z.string().max(500), z.string().max(35)).optional(),
  /** Item key → its alt text, card title and description as edited in the plan table. */
  items: z.record(z.string().max(500), itemFields).optional(),
  excludedFiles: z.array(z.string().max(500)).max(10_000).optional(),
  excludedItems: z.array(z.string().max(500)).max(10_000).optional(),
});

const planSource = {
  /** The folder to pair (files:openFolder); with a manifest, names are shown relative to it. */
  folder: fileId.optional(),
  /** A CSV or JSON manifest (files:openManifest): its rows replace the pairing; its folder is the base. */
  manifest: fileId.optional(),
  recursive: z.boolean().optional(),
  defaultLanguage: z.string().max(35).optional(),
  corrections: planCorrections.optional(),
  category: publishCategory,
  api: apiDialect,
  /** The account the run would publish with: what its journals say is on X shows per row. */
  account: z.string().min(1).max(100).optional(),
};

/** A plan needs a folder, a manifest, or both. */
function withSource<T extends { folder?: string | undefined; manifest?: string | undefined }>(r: T): boolean {
  return r.folder !== undefined || r.manifest !== undefined;
}
const sourceNeeded = { message: 'choose a folder or a manifest', path: ['folder'] };

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
  /** The X-ready copy (`<name>.x.mp4`) uploaded in the video's place, when Fix made one. */
  readyCopy: z.string().nullable(),
  /** The video breaks X's limits in ways transcoding (batch:fixVideo) resolves. */
  fixable: z.boolean(),
  mediaId: z.string().nullable(),
  /** The manifest's post text for this video (the template applies otherwise). */
  post: z.string().nullable(),
  /** The video's alt text and the post card's title and description (manifest, then the user's edits). */
  altText: z.string().nullable(),
  title: z.string().nullable(),
  description: z.string().nullable(),
  /** Bytes the video upload sends (the X-ready copy's when it goes instead); null for a media id. */
  videoBytes: z.number().nullable(),
  /** What an earlier run (this account's journals) already put on X for this row, if anything. */
  onX: z
    .object({
      videoId: z.string().nullable(),
      /** language_code → display name, associated with the video. */
      languages: z.array(z.object({ languageCode: z.string(), displayName: z.string() })),
      altText: z.boolean(),
      postId: z.string().nullable(),
    })
    .nullable(),
  subtitles: z.array(
    z.object({ file: z.string(), language: z.string(), languageCode: z.string(), displayName: z.string() }),
  ),
  problems: z.array(z.string()),
  /** Why the run skips the item without a request (a video with no subtitles: "no subtitles"). */
  skip: z.string().nullable(),
  ready: z.boolean(),
  excluded: z.boolean(),
});

export const batchPlanMessage = z.object({
  folderName: z.string(),
  items: z.array(planItem),
  files: z.array(planFile),
});
export type BatchPlanMessage = z.output<typeof batchPlanMessage>;

export const itemStatus = z.enum(ITEM_STATUSES);

export const batchItemState = z.object({
  key: z.string(),
  status: itemStatus,
  step: z.string().nullable(),
  progress: z.number(),
  videoId: z.string().nullable(),
  /** The captions on X for this item once it is done (published now or by an earlier run). */
  languages: z.array(z.object({ languageCode: z.string(), displayName: z.string() })),
  postId: z.string().nullable(),
  error: z.string().nullable(),
  /**
   * Why a skipped item was skipped ("no subtitles", "already published"); on a published one,
   * "already on X" (its post, sent by a run whose answer was lost, was found on the account).
   */
  reason: z.string().nullable(),
  /** The error's code: `publish.post_uncertain` offers "Post anyway" (batch:continue with force). */
  errorCode: errorCode.nullable(),
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
  'batch:plan': call(z.object(planSource).refine(withSource, sourceNeeded), batchPlanMessage),
  'batch:run': job({
    request: z
      .object({
        ...planSource,
        concurrency: z.number().int().min(1).max(16),
        postTemplate: z.string().max(1000).nullable(),
      })
      .refine(withSource, sourceNeeded),
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
      /** Post even where an interrupted run may already have posted (the user checked the account). */
      force: z.boolean().optional(),
    }),
    progress: batchProgress,
    result: batchResult,
  }),
  /**
   * A plan row's "Fix": transcode its video (named relative to the plan's base, as the plan named it)
   * into the X-ready copy beside it, `<name>.x.mp4`, which the next plan uploads in its place.
   */
  'batch:fixVideo': job({
    request: z
      .object({
        folder: planSource.folder,
        manifest: planSource.manifest,
        video: z.string().min(1).max(500),
        category: publishCategory,
      })
      .refine(withSource, sourceNeeded),
    progress: z.object({ fraction: z.number() }),
    result: z.object({ readyCopy: z.string() }),
  }),
  /** Writes the results beside the batch folder (cueline-batch-results.csv|json); returns the file name. */
  'batch:export': call(
    z.object({ batchId: z.string().regex(/^bat-[0-9a-f]+$/), format: z.enum(['csv', 'json']) }),
    z.object({ name: z.string() }),
  ),
};
