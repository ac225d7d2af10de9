// The publishing steps, as a resumable job: validate every input (nothing is sent when one is
// invalid) → upload the video → upload each subtitle (media_category subtitles) → associate each
// language → optionally post. Each step's result goes to the journal before the next starts.
// Associating a language again replaces the track (idempotent), so the crash window between X's
// answer and our record is harmless there; for the post it isn't, hence the recorded intent.
import { CuelineError } from '../../../shared/errors.ts';
import type { LimitOptions, MediaCategory } from '../../../shared/media/constraints.ts';
import { toApiLanguageCode } from '../../../shared/x/languages.ts';
import { JournalStore, jobIdFor } from '../jobs/journal.ts';
import { createThrottle } from '../jobs/throttle.ts';
import type { XClient } from '../x/client.ts';
import { dialectFor, SUBTITLE_TARGET, type ApiDialect } from '../x/dialects.ts';
import { uploadMedia, type UploadProgress } from '../x/uploader.ts';
import {
  prepareSubtitles,
  prepareVideo,
  type PreparedSubtitle,
  type PreparedVideo,
  type Probe,
  type SubtitleInput,
} from './inputs.ts';
import { PublishRecord } from './record.ts';
import { isMediaId, MEDIA_ID_RULE } from '../../../shared/x/media-id.ts';
import type { Remedy } from '../../../shared/remedy.ts';

export type PublishEvent =
  | {
      type: 'step';
      step: 'validate' | 'upload-video' | 'upload-subtitle' | 'associate' | 'post' | 'done';
      label: string;
    }
  | { type: 'skip'; label: string; reason: string; remedy?: Remedy }
  | { type: 'upload'; label: string; progress: UploadProgress }
  | { type: 'retry'; label: string; delayMs: number; reason: string };

export interface PublishDeps {
  client: XClient;
  /** Folder holding job journals (`<userData>/jobs`). */
  journalDir: string;
  probe: Probe;
  signal?: AbortSignal;
  onEvent?: (e: PublishEvent) => void;
  now?: () => number;
  /** Used by the uploader's STATUS polling (tests may shorten nothing: X's check_after_secs rules). */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface CommonOptions {
  subtitles: SubtitleInput[];
  category: MediaCategory;
  api: ApiDialect;
  /** Send VTT as is instead of converting to SRT. */
  sendVtt?: boolean;
  /** Ignore an existing journal and start over. */
  fresh?: boolean;
}

export interface PublishOptions extends CommonOptions {
  video: string;
  /** Post text; null/undefined = don't post. */
  post?: string | null;
  /** Premium / 1080p limits for the video check. */
  limits?: Omit<LimitOptions, 'category'>;
  /** Post even though a previous run may already have (intent recorded, no id). */
  force?: boolean;
}

export interface AttachOptions extends CommonOptions {
  videoId: string;
}

export interface PublishResult {
  jobId: string;
  video: { id: string };
  subtitles: Array<{ id: string; languageCode: string; displayName: string; file: string }>;
  post: { id: string } | null;
  /** True when a journal from an earlier run was found and used. */
  resumed: boolean;
}

/** A media id is reused only if it stays valid for a while yet (uploads and processing take time). */
const EXPIRY_MARGIN_MS = 10 * 60 * 1000;

function fresh(u: { expiresAt: number | null } | undefined, now: number): boolean {
  return !!u && (u.expiresAt === null || u.expiresAt - now > EXPIRY_MARGIN_MS);
}

/** What identifies the subtitle files in a job's id: a changed file is a new job. */
function subtitlesKey(subs: readonly PreparedSubtitle[]): unknown[] {
  return subs.map((s) => ({
    path: s.path,
    size: s.size,
    mtimeMs: s.mtimeMs,
    code: s.languageCode,
    name: s.displayName,
  }));
}

export async function publish(opts: PublishOptions, deps: PublishDeps): Promise<PublishResult> {
  const emit = deps.onEvent ?? (() => undefined);
  emit({ type: 'step', step: 'validate', label: 'Checking the video and subtitles' });
  const video = await prepareVideo(opts.video, {
    category: opts.category,
    api: opts.api,
    probe: deps.probe,
    ...(opts.limits ? { limits: opts.limits } : {}),
    ...(deps.signal ? { signal: deps.signal } : {}),
  });
  const subs = await prepareSubtitles(opts.subtitles, { ...(opts.sendVtt ? { sendVtt: true } : {}) });
  const postText = opts.post ?? null;
  if (subs.length === 0 && postText === null)
    throw new CuelineError(
      'usage.nothing_to_do',
      'Give subtitle files with --subs, or --post to post the video (and attach captions later).',
    );
  const key = {
    kind: 'publish',
    video: { path: video.path, size: video.size, mtimeMs: video.mtimeMs },
    subtitles: subtitlesKey(subs),
    options: { api: opts.api, category: opts.category, post: postText, vtt: !!opts.sendVtt },
  };
  return run('publish', jobIdFor('pub', key), opts, deps, subs, { video, postText });
}

export async function attach(opts: AttachOptions, deps: PublishDeps): Promise<PublishResult> {
  const emit = deps.onEvent ?? (() => undefined);
  if (!isMediaId(opts.videoId))
    throw new CuelineError('input.media_id', `"${opts.videoId}" is not a media id (${MEDIA_ID_RULE}).`);
  emit({ type: 'step', step: 'validate', label: 'Checking the subtitles' });
  if (opts.subtitles.length === 0)
    throw new CuelineError('usage.no_subtitles', 'Give at least one subtitle file with --subs.');
  const subs = await prepareSubtitles(opts.subtitles, { ...(opts.sendVtt ? { sendVtt: true } : {}) });
  const key = {
    kind: 'attach',
    videoId: opts.videoId,
    subtitles: subtitlesKey(subs),
    options: { api: opts.api, category: opts.category, vtt: !!opts.sendVtt },
  };
  return run('attach', jobIdFor('att', key), opts, deps, subs, { videoId: opts.videoId, postText: null });
}

async function run(
  kind: 'publish' | 'attach',
  jobId: string,
  opts: CommonOptions & { force?: boolean },
  deps: PublishDeps,
  subs: PreparedSubtitle[],
  target: { video?: PreparedVideo; videoId?: string; postText: string | null },
): Promise<PublishResult> {
  const emit = deps.onEvent ?? (() => undefined);
  const now = deps.now ?? Date.now;
  const { client, signal } = deps;
  requireAuthFor(opts.api, client);
  const dialect = dialectFor(opts.api);
  const store = new JournalStore(deps.journalDir, PublishRecord);
  const existing = opts.fresh ? null : await store.load(jobId);
  const resumed = existing !== null;
  const rec: PublishRecord = existing ?? {
    version: 1,
    jobId,
    kind,
    createdAt: now(),
    updatedAt: now(),
    status: 'running',
    subtitles: {},
    associations: {},
    ...(target.videoId ? { video: { id: target.videoId, expiresAt: null, uploadedAt: now() } } : {}),
  };
  const save = async (): Promise<void> => {
    rec.updatedAt = now();
    await store.save(rec);
  };
  const result = (): PublishResult => ({
    jobId,
    video: { id: rec.video?.id ?? '' },
    subtitles: subs.map((s) => ({
      id: rec.subtitles[s.languageCode]?.id ?? '',
      languageCode: s.languageCode,
      displayName: s.displayName,
      file: s.file,
    })),
    post: rec.post?.id ? { id: rec.post.id } : null,
    resumed,
  });

  if (rec.status === 'completed') {
    emit({
      type: 'skip',
      label: 'Everything',
      reason: `already published by job ${jobId}`,
      remedy: { hint: 'publish.fresh' },
    });
    return result();
  }
  const postDone = !!rec.post?.id;
  if (!postDone && rec.post && !rec.post.id && target.postText !== null && !opts.force)
    throw new CuelineError(
      'publish.post_uncertain',
      `A previous run of this job (${jobId}) sent the post but stopped before X's answer was recorded, so it ` +
        'may already be on X.',
      { jobId },
      { hint: 'publish.force' },
    );
  rec.status = 'running';
  await save();

  const progress = (label: string) => {
    const t = createThrottle(100, (p: UploadProgress) => emit({ type: 'upload', label, progress: p }), {
      trailing: false,
    });
    return { onProgress: (p: UploadProgress) => t.push(p), done: () => t.flush() };
  };

  try {
    // 1. The video (publish only). Expired ids are uploaded again, and associations made with the
    //    old id no longer count. Once posted, nothing needs the video id again.
    if (kind === 'publish' && !postDone && target.video) {
      if (fresh(rec.video, now())) {
        emit({ type: 'skip', label: 'Video', reason: `already uploaded as ${rec.video?.id ?? ''}` });
      } else {
        if (rec.video) rec.associations = {};
        emit({ type: 'step', step: 'upload-video', label: `Uploading ${target.video.path}` });
        const p = progress('video');
        const up = await uploadMedia({
          client,
          dialect,
          source: { path: target.video.path },
          mediaType: target.video.mediaType,
          category: opts.category,
          onProgress: p.onProgress,
          ...(signal ? { signal } : {}),
          ...(deps.sleep ? { sleep: deps.sleep } : {}),
          now,
        });
        p.done();
        rec.video = { id: up.id, expiresAt: up.expiresAt, uploadedAt: now() };
        await save();
      }
    }
    const videoId = rec.video?.id ?? '';

    // 2. Subtitle files.
    if (!postDone || kind === 'attach') {
      for (const s of subs) {
        const have = rec.subtitles[s.languageCode];
        const associated = rec.associations[s.languageCode]?.startsWith(`${videoId}:`) ?? false;
        if (have && have.sha256 === s.sha256 && (associated || fresh(have, now()))) {
          emit({
            type: 'skip',
            label: `${s.languageCode} subtitles`,
            reason: `already uploaded as ${have.id}`,
          });
          continue;
        }
        emit({ type: 'step', step: 'upload-subtitle', label: `Uploading ${s.file} (${s.languageCode})` });
        const p = progress(s.file);
        const up = await uploadMedia({
          client,
          dialect,
          source: { bytes: s.bytes },
          mediaType: s.mediaType,
          category: 'subtitles',
          onProgress: p.onProgress,
          ...(signal ? { signal } : {}),
          ...(deps.sleep ? { sleep: deps.sleep } : {}),
          now,
        });
        p.done();
        rec.subtitles[s.languageCode] = {
          id: up.id,
          expiresAt: up.expiresAt,
          uploadedAt: now(),
          sha256: s.sha256,
        };
        delete rec.associations[s.languageCode];
        await save();
      }

      // 3. Associations: one call per language (v2 takes ONE subtitles object per request).
      const category = SUBTITLE_TARGET[opts.category];
      for (const s of subs) {
        const sub = rec.subtitles[s.languageCode];
        if (!sub) continue;
        const link = `${videoId}:${sub.id}`;
        if (rec.associations[s.languageCode] === link) {
          emit({ type: 'skip', label: `${s.languageCode} association`, reason: 'already associated' });
          continue;
        }
        emit({ type: 'step', step: 'associate', label: `Associating ${s.languageCode} (${s.displayName})` });
        await dialect.createSubtitles(
          client,
          {
            videoId,
            category,
            subtitle: { id: sub.id, languageCode: s.languageCode, displayName: s.displayName },
          },
          signal,
        );
        rec.associations[s.languageCode] = link;
        await save();
      }
    }

    // 4. The post.
    if (kind === 'publish' && target.postText !== null && !postDone) {
      emit({ type: 'step', step: 'post', label: 'Posting' });
      if (signal?.aborted) throw new CuelineError('job.cancelled', 'Cancelled.');
      rec.post = { intentAt: now() };
      await save();
      const post = await dialect.post(client, { text: target.postText, mediaIds: [videoId] }, signal);
      rec.post = { intentAt: rec.post.intentAt, id: post.id };
      await save();
    }
    rec.status = 'completed';
    delete rec.lastError;
    await save();
    emit({ type: 'step', step: 'done', label: 'Done' });
    return result();
  } catch (err) {
    rec.status = 'failed';
    rec.lastError = err instanceof Error ? err.message : String(err);
    await save().catch(() => undefined);
    throw err;
  }
}

/** v1.1 media endpoints take OAuth 1.0a user context only: say so before uploading anything. */
function requireAuthFor(api: ApiDialect, client: XClient): void {
  if (api === 'v1.1' && client.authMethod !== 'oauth1')
    throw new CuelineError(
      'usage.auth_method',
      "X's v1.1 media endpoints need OAuth 1.0a user credentials (X_CONSUMER_KEY… or a PIN sign-in)",
      undefined,
      { hint: 'publish.use_api', api: 'v2' },
    );
}

export async function detach(
  opts: { videoId: string; language: string; category: MediaCategory; api: ApiDialect },
  deps: { client: XClient; signal?: AbortSignal },
): Promise<{ video: { id: string }; languageCode: string }> {
  if (!isMediaId(opts.videoId))
    throw new CuelineError('input.media_id', `"${opts.videoId}" is not a media id (${MEDIA_ID_RULE}).`);
  const code = toApiLanguageCode(opts.language);
  requireAuthFor(opts.api, deps.client);
  await dialectFor(opts.api).deleteSubtitles(
    deps.client,
    { videoId: opts.videoId, category: SUBTITLE_TARGET[opts.category], languageCode: code },
    deps.signal,
  );
  return { video: { id: opts.videoId }, languageCode: code };
}
