// The publishing steps, as a resumable job: validate every input (nothing is sent when one is
// invalid) → upload the video → upload each subtitle (media_category subtitles) → associate each
// language → optionally post. Each step's result goes to the journal before the next starts.
// Associating a language again replaces the track (idempotent), so the crash window between X's
// answer and our record is harmless there; for the post it isn't, hence the recorded intent: a
// definitive answer (any 4xx) clears it, only a 5xx, a dropped connection or a crash leaves the
// post uncertain, and an uncertain post is first resolved by reading the account's recent posts.
// A job is its inputs (the video, the account), not its options: a rerun with other options
// reuses every finished upload and association.
import { CuelineError } from '../../../shared/errors.ts';
import { postTextProblem } from '../../../shared/x/post-text.ts';
import type { LimitOptions, MediaCategory } from '../../../shared/media/constraints.ts';
import { toApiLanguageCode } from '../../../shared/x/languages.ts';
import { jobAccount } from '../jobs/job-account.ts';
import { JournalStore, jobIdFor } from '../jobs/journal.ts';
import { redactSecrets } from '../jobs/redact.ts';
import { createThrottle } from '../jobs/throttle.ts';
import type { XClient } from '../x/client.ts';
import {
  ALT_TEXT_MAX,
  currentUserId,
  dialectFor,
  findPostWithMedia,
  SUBTITLE_TARGET,
  type ApiDialect,
} from '../x/dialects.ts';
import type { XErrorDetails } from '../x/errors.ts';
import { uploadMedia, type UploadNotice, type UploadProgress } from '../x/uploader.ts';
import {
  prepareSubtitles,
  prepareVideo,
  type FileIdentity,
  type PreparedSubtitle,
  type PreparedVideo,
  type Probe,
  type SubtitleInput,
} from './inputs.ts';
import { PublishRecord } from './record.ts';
import { isMediaId, MEDIA_ID_RULE } from '../../../shared/x/media-id.ts';
import type { Remedy } from '../../../shared/remedy.ts';

export type PublishStep =
  'validate' | 'upload-video' | 'upload-subtitle' | 'associate' | 'alt-text' | 'post' | 'done';

/**
 * Where an event belongs, for a surface that shows one line per step: the step, and the track's
 * language (X's code) for a subtitle upload or association.
 */
export interface EventPlace {
  of?: PublishStep;
  language?: string;
}

export type PublishEvent =
  | ({ type: 'step'; step: PublishStep; label: string } & Pick<EventPlace, 'language'>)
  | ({ type: 'skip'; label: string; reason: string; remedy?: Remedy } & EventPlace)
  /** Something the user should know that doesn't stop the job (a trimmed cue, a resumed upload). */
  | ({
      type: 'note';
      label: string;
      message: string;
      /** A video upload continuing an interrupted one: from this byte of this many. */
      resumed?: { fromByte: number; totalBytes: number };
    } & EventPlace)
  | ({ type: 'upload'; label: string; progress: UploadProgress } & Pick<EventPlace, 'language'>)
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
  /**
   * The account picked by name. The job's identity uses the client's own account key (jobAccount);
   * this name only when the client's credentials carry none.
   */
  account?: string;
}

export interface CommonOptions {
  subtitles: SubtitleInput[];
  category: MediaCategory;
  api: ApiDialect;
  /** Send VTT as is instead of converting to SRT. */
  sendVtt?: boolean;
  /** Ignore an existing journal and start over. */
  fresh?: boolean;
  /** Upload chunk size setting in bytes (default 4 MiB). */
  chunkSize?: number;
  /** Caption quality findings block the job (default: reported as a count). */
  blockOnQuality?: boolean;
}

export interface PublishOptions extends CommonOptions {
  video: string;
  /** Post text; null/undefined = don't post. */
  post?: string | null;
  /** Premium / 1080p limits for the video check. */
  limits?: Omit<LimitOptions, 'category'>;
  /** Post even though a previous run may already have (intent recorded, no id). */
  force?: boolean;
  /** The video's alt text (≤ 1000 characters), set after processing and before the post. */
  altText?: string;
  /** The post's video card: title and description. */
  title?: string;
  description?: string;
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
  /** Nothing was sent: every step was done by an earlier run. */
  alreadyDone: boolean;
  /** The post was not made by this run: X showed it, sent by an earlier run whose answer was lost. */
  postFound: boolean;
}

/** A media id is reused only if it stays valid for a while yet (uploads and processing take time). */
const EXPIRY_MARGIN_MS = 10 * 60 * 1000;

function fresh(u: { expiresAt: number | null } | undefined, now: number): boolean {
  return !!u && (u.expiresAt === null || u.expiresAt - now > EXPIRY_MARGIN_MS);
}

export async function publish(opts: PublishOptions, deps: PublishDeps): Promise<PublishResult> {
  const emit = deps.onEvent ?? (() => undefined);
  emit({ type: 'step', step: 'validate', label: 'Checking the video and subtitles' });
  const postText = opts.post ?? null;
  // The words first: a post X would refuse must not cost an upload.
  checkPostInputs(opts, postText);
  const video = await prepareVideo(opts.video, {
    category: opts.category,
    api: opts.api,
    probe: deps.probe,
    ...(opts.limits ? { limits: opts.limits } : {}),
    ...(deps.signal ? { signal: deps.signal } : {}),
  });
  const subs = await prepareSubtitles(opts.subtitles, {
    ...(opts.sendVtt ? { sendVtt: true } : {}),
    videoDurationMs: video.durationMs,
    ...(opts.blockOnQuality ? { blockOnQuality: true } : {}),
  });
  for (const w of video.warnings) emit({ type: 'note', label: 'Video', message: w });
  for (const s of subs) for (const w of s.warnings) emit({ type: 'note', label: s.file, message: w });
  if (subs.length === 0 && postText === null)
    throw new CuelineError(
      'usage.nothing_to_do',
      'Nothing to do: give subtitle files, or post text to post the video (and attach captions later).',
    );
  return run('publish', (account) => publishJobId(video, account), opts, deps, subs, { video, postText });
}

/**
 * The job is its inputs: the video file and the account. Options (post text, dialect, VTT,
 * subtitles added later) don't make it a new job, so finished work is reused. Also how the batch
 * plan finds what an earlier run put on X. `account` is the job's account key (jobAccount).
 */
export function publishJobId(video: FileIdentity, account: string | null): string {
  return jobIdFor('pub', {
    kind: 'publish',
    video: { path: video.path, size: video.size, mtimeMs: video.mtimeMs },
    account,
  });
}

/** Captions attached to a video already on X: the job is the video's media id and the account. */
export function attachJobId(videoId: string, account: string | null): string {
  return jobIdFor('att', { kind: 'attach', videoId, account });
}

/** Post text (X's weighted count), alt text and card fields, before anything is uploaded. */
function checkPostInputs(opts: PublishOptions, postText: string | null): void {
  if (postText !== null) {
    const problem = postTextProblem(postText);
    if (problem) throw new CuelineError('input.post_text', `The post text: ${problem}`, { field: 'post' });
  }
  if (opts.altText !== undefined && [...opts.altText].length > ALT_TEXT_MAX)
    throw new CuelineError(
      'input.alt_text',
      `The alt text is ${[...opts.altText].length} characters; X takes at most ${ALT_TEXT_MAX}.`,
      { field: 'altText' },
    );
  if (opts.altText !== undefined && !opts.altText.trim())
    throw new CuelineError('input.alt_text', 'The alt text is empty.', { field: 'altText' });
  if (postText === null && (opts.title !== undefined || opts.description !== undefined))
    throw new CuelineError(
      'input.card_without_post',
      "A title or description goes on the post's video card: give post text too.",
      { field: opts.title !== undefined ? 'title' : 'description' },
    );
}

export async function attach(opts: AttachOptions, deps: PublishDeps): Promise<PublishResult> {
  const emit = deps.onEvent ?? (() => undefined);
  if (!isMediaId(opts.videoId))
    throw new CuelineError('input.media_id', `"${opts.videoId}" is not a media id (${MEDIA_ID_RULE}).`);
  emit({ type: 'step', step: 'validate', label: 'Checking the subtitles' });
  if (opts.subtitles.length === 0)
    throw new CuelineError('usage.no_subtitles', 'Give at least one subtitle file with --subs.');
  const subs = await prepareSubtitles(opts.subtitles, {
    ...(opts.sendVtt ? { sendVtt: true } : {}),
    ...(opts.blockOnQuality ? { blockOnQuality: true } : {}),
  });
  for (const s of subs) for (const w of s.warnings) emit({ type: 'note', label: s.file, message: w });
  return run('attach', (account) => attachJobId(opts.videoId, account), opts, deps, subs, {
    videoId: opts.videoId,
    postText: null,
  });
}

async function run(
  kind: 'publish' | 'attach',
  /** The job's id from its account key, known once the credentials are known to fit. */
  jobIdOf: (account: string | null) => string,
  opts: CommonOptions & Pick<PublishOptions, 'force' | 'altText' | 'title' | 'description'>,
  deps: PublishDeps,
  subs: PreparedSubtitle[],
  target: { video?: PreparedVideo; videoId?: string; postText: string | null },
): Promise<PublishResult> {
  // Whether this run sent anything: a run that only skips reports the job as already done.
  let acted = false;
  const emit = (e: PublishEvent): void => {
    if (e.type === 'step' && e.step !== 'validate' && e.step !== 'done') acted = true;
    deps.onEvent?.(e);
  };
  const now = deps.now ?? Date.now;
  const { client, signal } = deps;
  requireAuthFor(opts.api, client);
  const account = await jobAccount(client, deps.account, signal);
  const jobId = jobIdOf(account);
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
  const save = async (opts: { durable?: boolean } = {}): Promise<void> => {
    rec.updatedAt = now();
    await store.save(rec, opts);
  };
  /** This run found the post on X (an earlier run's lost answer) instead of posting. */
  let postFound = false;
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
    alreadyDone: false,
    postFound,
  });

  const postDone = (): boolean => !!rec.post?.id;
  // A journal of this job set aside as damaged may have been the only record of a post.
  const damagedBefore = kind === 'publish' && target.postText !== null && (await store.setAsideExists(jobId));
  rec.status = 'running';
  await save();

  const progress = (label: string, language?: string) => {
    const t = createThrottle(
      100,
      (p: UploadProgress) =>
        emit({ type: 'upload', label, progress: p, ...(language !== undefined ? { language } : {}) }),
      { trailing: false },
    );
    return { onProgress: (p: UploadProgress) => t.push(p), done: () => t.flush() };
  };
  const notice = (label: string, totalBytes: number) => (n: UploadNotice) => {
    const message =
      n.kind === 'resumed'
        ? `continuing media ${n.id} from byte ${n.fromByte}`
        : n.kind === 'restarted'
          ? `X no longer takes media ${n.id} (${n.reason}): uploading from the start`
          : `X refused the chunk size: sending ${n.chunkSize}-byte chunks from here on`;
    emit({
      type: 'note',
      label,
      message,
      of: 'upload-video',
      ...(n.kind === 'resumed' ? { resumed: { fromByte: n.fromByte, totalBytes } } : {}),
    });
  };
  const uploadCommon = {
    client,
    dialect,
    ...(signal ? { signal } : {}),
    ...(deps.sleep ? { sleep: deps.sleep } : {}),
    ...(opts.chunkSize !== undefined ? { chunkSize: opts.chunkSize } : {}),
    now,
  };

  try {
    // 1. The video (publish only). Expired ids are uploaded again, and associations made with the
    //    old id no longer count. Once posted, nothing needs the video id again.
    if (kind === 'publish' && !postDone() && target.video) {
      const sameCategory = (rec.video?.category ?? opts.category) === opts.category;
      if (fresh(rec.video, now()) && sameCategory) {
        emit({
          type: 'skip',
          label: 'Video',
          reason: `already uploaded as ${rec.video?.id ?? ''}`,
          of: 'upload-video',
        });
      } else {
        if (rec.video) {
          rec.associations = {};
          delete rec.altText;
        }
        emit({ type: 'step', step: 'upload-video', label: `Uploading ${target.video.path}` });
        const p = progress('video');
        const resume = rec.videoUpload;
        const up = await uploadMedia({
          ...uploadCommon,
          source: { path: target.video.path },
          mediaType: target.video.mediaType,
          category: opts.category,
          onProgress: p.onProgress,
          onNotice: notice('Video', target.video.size),
          ...(resume && !rec.video ? { resume } : {}),
          // Journal the media id at initialize and each acknowledged segment: a rerun continues.
          // Each segment's checkpoint survives a crash of the process (not a power cut: then
          // the upload resumes from an earlier segment); the media id at initialize is fsync'd.
          onCheckpoint: async (c) => {
            rec.videoUpload = c;
            await save({ durable: c.nextIndex === 0 });
          },
        });
        p.done();
        rec.video = {
          id: up.id,
          ...(up.mediaKey !== undefined ? { mediaKey: up.mediaKey } : {}),
          expiresAt: up.expiresAt,
          uploadedAt: now(),
          category: opts.category,
        };
        delete rec.videoUpload;
        await save();
      }
    }
    const videoId = rec.video?.id ?? '';

    // 2. Subtitle files.
    if (!postDone() || kind === 'attach') {
      for (const s of subs) {
        const have = rec.subtitles[s.languageCode];
        const associated = rec.associations[s.languageCode]?.startsWith(`${videoId}:`) ?? false;
        if (have && have.sha256 === s.sha256 && (associated || fresh(have, now()))) {
          emit({
            type: 'skip',
            label: `${s.languageCode} subtitles`,
            reason: `already uploaded as ${have.id}`,
            of: 'upload-subtitle',
            language: s.languageCode,
          });
          continue;
        }
        emit({
          type: 'step',
          step: 'upload-subtitle',
          label: `Uploading ${s.file} (${s.languageCode})`,
          language: s.languageCode,
        });
        const p = progress(s.file, s.languageCode);
        const up = await uploadMedia({
          ...uploadCommon,
          source: { bytes: s.bytes },
          mediaType: s.mediaType,
          category: 'subtitles',
          onProgress: p.onProgress,
        });
        p.done();
        rec.subtitles[s.languageCode] = {
          id: up.id,
          expiresAt: up.expiresAt,
          uploadedAt: now(),
          sha256: s.sha256,
          displayName: s.displayName,
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
          emit({
            type: 'skip',
            label: `${s.languageCode} association`,
            reason: 'already associated',
            of: 'associate',
            language: s.languageCode,
          });
          continue;
        }
        emit({
          type: 'step',
          step: 'associate',
          label: `Associating ${s.languageCode} (${s.displayName})`,
          language: s.languageCode,
        });
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

    // 4. Alt text: after processing succeeded, before the post; journaled so a rerun skips it.
    if (opts.altText !== undefined && !postDone() && videoId) {
      if (rec.altText?.videoId === videoId && rec.altText.text === opts.altText) {
        emit({ type: 'skip', label: 'Alt text', reason: 'already set', of: 'alt-text' });
      } else {
        emit({ type: 'step', step: 'alt-text', label: 'Setting the alt text' });
        await dialect.setAltText(client, { mediaId: videoId, text: opts.altText }, signal);
        rec.altText = { videoId, text: opts.altText };
        await save();
      }
    }

    // 5. The post.
    if (kind === 'publish' && target.postText !== null && postDone()) {
      emit({ type: 'skip', label: 'Post', reason: `already posted as ${rec.post?.id ?? ''}`, of: 'post' });
    } else if (kind === 'publish' && target.postText !== null) {
      if ((rec.post || damagedBefore) && !opts.force) await resolveUncertainPost(rec, damagedBefore, jobId);
      if (!postDone()) {
        emit({ type: 'step', step: 'post', label: 'Posting' });
        if (signal?.aborted) throw new CuelineError('job.cancelled', 'Cancelled.');
        rec.post = { intentAt: now() };
        await save();
        let post: { id: string };
        try {
          post = await dialect.post(
            client,
            {
              text: target.postText,
              mediaIds: [videoId],
              ...(opts.title !== undefined ? { title: opts.title } : {}),
              ...(opts.description !== undefined ? { description: opts.description } : {}),
            },
            signal,
          );
        } catch (err) {
          const status = statusOf(err);
          // X answered: a 4xx is definitive, the post is not on X, the next run posts again.
          if (status !== null && status >= 400 && status < 500) {
            delete rec.post;
            await save();
            throw refusedPost(err, rec, subs);
          }
          throw err;
        }
        rec.post = { intentAt: rec.post.intentAt, id: post.id };
        await save();
      }
    }
    rec.status = 'completed';
    delete rec.lastError;
    await save();
    if (!acted)
      emit({
        type: 'skip',
        label: 'Everything',
        reason: `already published by job ${jobId}`,
        remedy: { hint: 'publish.fresh' },
      });
    else emit({ type: 'step', step: 'done', label: 'Done' });
    return { ...result(), alreadyDone: !acted };
  } catch (err) {
    rec.status = 'failed';
    rec.lastError = redactSecrets(err instanceof Error ? err.message : String(err));
    await save().catch(() => undefined);
    throw err;
  }

  /**
   * A post sent without X's answer recorded (or a damaged journal): look before asking. One read
   * of the account's recent posts finds the post carrying the video's media key; when X lists
   * the whole window and none carries it, the post never happened; otherwise the user decides.
   */
  async function resolveUncertainPost(r: PublishRecord, damaged: boolean, id: string): Promise<void> {
    const key = r.video?.mediaKey;
    const since = r.post?.intentAt;
    let answer: { id: string } | null | undefined;
    let why = '';
    if (key && since !== undefined) {
      emit({ type: 'step', step: 'post', label: 'Checking the account for the post' });
      try {
        const userId = await currentUserId(client, signal);
        answer = await findPostWithMedia(client, { userId, mediaKey: key, since: since - 60_000 }, signal);
      } catch (err) {
        why = ` (reading the account's posts failed: ${err instanceof Error ? err.message : String(err)})`;
      }
    }
    if (answer) {
      r.post = { intentAt: since ?? now(), id: answer.id };
      postFound = true;
      await save();
      emit({ type: 'skip', label: 'Post', reason: `found on X as ${answer.id}`, of: 'post' });
      return;
    }
    if (answer === null && !damaged) {
      emit({ type: 'note', label: 'Post', message: 'X shows no post of this video: posting it', of: 'post' });
      delete r.post;
      await save();
      return;
    }
    throw new CuelineError(
      'publish.post_uncertain',
      (damaged
        ? `An earlier journal of this job (${id}) was damaged, so a post of this video may already be on X`
        : `A previous run of this job (${id}) sent the post but stopped before X's answer was recorded, so it may already be on X; the account's recent posts don't settle it`) +
        `${why}.`,
      { jobId: id },
      { hint: 'publish.force' },
    );
  }
}

function statusOf(err: unknown): number | null {
  if (!(err instanceof CuelineError)) return null;
  const d = err.details as Partial<XErrorDetails> | undefined;
  return typeof d?.status === 'number' ? d.status : null;
}

/** X refused the post: its reason, what is on X already, and that a rerun retries only the post. */
function refusedPost(err: unknown, rec: PublishRecord, subs: PreparedSubtitle[]): CuelineError {
  const d = (err as CuelineError).details as Partial<XErrorDetails> | undefined;
  const reason = d?.xMessage ?? (err instanceof Error ? err.message : String(err));
  const captions = subs
    .filter((s) => rec.associations[s.languageCode]?.startsWith(`${rec.video?.id ?? ''}:`))
    .map((s) => `${s.languageCode} (${s.displayName})`);
  const onX = [
    `the video (media ${rec.video?.id ?? '?'})`,
    ...(captions.length > 0 ? [`its captions ${captions.join(', ')}`] : []),
    ...(rec.altText ? ['its alt text'] : []),
  ];
  return new CuelineError(
    'publish.post_refused',
    `X refused the post (${d?.status ?? '?'}): ${reason}. Already on X: ${onX.join(', ')}. ` +
      'Running the same job again retries only the post.',
    { ...d, videoId: rec.video?.id, captions },
  );
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
