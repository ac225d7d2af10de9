// The two API dialects speak the same flow with different paths and bodies (../shared x-api.md):
// v2 on api.x.com (JSON, `data` envelopes, CamelCase subtitle categories, ONE `subtitles`
// object per call) and v1.1 on upload.twitter.com (command=…, media_id_string, the
// `subtitle_info.subtitles` array). Posting always uses POST /2/tweets: v1.1 statuses/update is
// not available to most apps any more.
import { z } from 'zod';
import { CuelineError } from '../../../shared/errors.ts';
import { V1_MAX_CHUNK_BYTES } from '../../../shared/x/limits.ts';
import type { XClient, XRequest } from './client.ts';
import { multipartBody, type ChunkSource } from './multipart.ts';
import type { MediaCategory } from '../../../shared/media/constraints.ts';

export type ApiDialect = 'v2' | 'v1.1';
export type UploadCategory = MediaCategory | 'subtitles';
export type SubtitleTargetCategory = 'TweetVideo' | 'AmplifyVideo';

export const SUBTITLE_TARGET: Record<MediaCategory, SubtitleTargetCategory> = {
  tweet_video: 'TweetVideo',
  amplify_video: 'AmplifyVideo',
};

export interface ProcessingInfo {
  state: string;
  checkAfterSecs?: number;
  progressPercent?: number;
  error?: { code?: number | undefined; name?: string | undefined; message?: string | undefined };
}

export interface MediaStatus {
  id: string;
  expiresAfterSecs?: number;
  processing?: ProcessingInfo;
}

export interface SubtitleRef {
  id: string;
  languageCode: string;
  displayName: string;
}

type Initialized = Awaited<ReturnType<Dialect['initialize']>>;

/** What initialize answers: the media id, X's media key and how long the id lives, when X says. */
function initialized(s: MediaStatus, mediaKey: string | undefined): Initialized {
  return {
    id: s.id,
    ...(mediaKey !== undefined ? { mediaKey } : {}),
    ...(s.expiresAfterSecs !== undefined ? { expiresAfterSecs: s.expiresAfterSecs } : {}),
  };
}

/** A request to X's v2 API (api.x.com). */
function v2Request(
  c: XClient,
  method: XRequest['method'],
  path: string,
  rest: Omit<XRequest, 'method' | 'host' | 'path'>,
): ReturnType<XClient['request']> {
  return c.request({ method, host: 'api', path, ...rest });
}

export interface Dialect {
  readonly name: ApiDialect;
  /** Largest APPEND segment X accepts in this dialect, or null when unstated. */
  readonly maxChunkBytes: number | null;
  initialize(
    c: XClient,
    p: { mediaType: string; totalBytes: number; category: UploadCategory },
    signal?: AbortSignal,
  ): Promise<{ id: string; mediaKey?: string; expiresAfterSecs?: number }>;
  append(
    c: XClient,
    id: string,
    segmentIndex: number,
    chunk: ChunkSource,
    signal?: AbortSignal,
  ): Promise<void>;
  finalize(c: XClient, id: string, signal?: AbortSignal): Promise<MediaStatus>;
  status(c: XClient, id: string, signal?: AbortSignal): Promise<MediaStatus>;
  createSubtitles(
    c: XClient,
    p: { videoId: string; category: SubtitleTargetCategory; subtitle: SubtitleRef },
    signal?: AbortSignal,
  ): Promise<void>;
  deleteSubtitles(
    c: XClient,
    p: { videoId: string; category: SubtitleTargetCategory; languageCode: string },
    signal?: AbortSignal,
  ): Promise<void>;
  post(c: XClient, p: PostRequest, signal?: AbortSignal): Promise<{ id: string; text: string }>;
  /** POST /2/media/metadata: the video's alt text (≤ 1000 characters). */
  setAltText(c: XClient, p: { mediaId: string; text: string }, signal?: AbortSignal): Promise<void>;
}

export interface PostRequest {
  text: string;
  mediaIds: string[];
  /** The video card's title and description (CreatePostsMedia.title / .description). */
  title?: string;
  description?: string;
}

export { ALT_TEXT_MAX } from '../../../shared/x/limits.ts';

const Processing = z
  .object({
    state: z.string(),
    check_after_secs: z.number().optional(),
    progress_percent: z.number().optional(),
    error: z
      .object({ code: z.number().optional(), name: z.string().optional(), message: z.string().optional() })
      .loose()
      .optional(),
  })
  .loose();

function toProcessing(p: z.infer<typeof Processing> | undefined): ProcessingInfo | undefined {
  if (!p) return undefined;
  return {
    state: p.state,
    ...(p.check_after_secs !== undefined ? { checkAfterSecs: p.check_after_secs } : {}),
    ...(p.progress_percent !== undefined ? { progressPercent: p.progress_percent } : {}),
    ...(p.error ? { error: p.error } : {}),
  };
}

function parseBody<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
  const r = schema.safeParse(body);
  if (!r.success)
    throw new CuelineError(
      'x.unexpected_response',
      `X's answer to ${what} has an unexpected shape: ${r.error.issues[0]?.message ?? ''}`,
      {
        body,
      },
    );
  return r.data;
}

// --- v2 ---------------------------------------------------------------------------------------

const V2Media = z.object({
  data: z
    .object({
      id: z.string(),
      media_key: z.string().optional(),
      expires_after_secs: z.number().optional(),
      processing_info: Processing.optional(),
    })
    .loose(),
});

function v2Status(body: unknown, what: string): MediaStatus {
  const d = parseBody(V2Media, body, what).data;
  const processing = toProcessing(d.processing_info);
  return {
    id: d.id,
    ...(d.expires_after_secs !== undefined ? { expiresAfterSecs: d.expires_after_secs } : {}),
    ...(processing ? { processing } : {}),
  };
}

const v2: Dialect = {
  name: 'v2',
  maxChunkBytes: null,
  async initialize(c, p, signal) {
    const r = await v2Request(c, 'POST', '/2/media/upload/initialize', {
      // InitializeMediaUploadRequest has additionalProperties: false — send only these keys.
      json: { media_type: p.mediaType, total_bytes: p.totalBytes, media_category: p.category },
      retryNotFound: true,
      signal,
    });
    const s = v2Status(r.body, 'media upload initialize');
    return initialized(s, parseBody(V2Media, r.body, 'media upload initialize').data.media_key);
  },
  async append(c, id, segmentIndex, chunk, signal) {
    await v2Request(c, 'POST', `/2/media/upload/${encodeURIComponent(id)}/append`, {
      // AppendMediaUploadRequest: exactly `media` and `segment_index`.
      multipart: () =>
        multipartBody([['segment_index', String(segmentIndex)]], { name: 'media', source: chunk }),
      signal,
    });
  },
  async finalize(c, id, signal) {
    const r = await v2Request(c, 'POST', `/2/media/upload/${encodeURIComponent(id)}/finalize`, { signal });
    return v2Status(r.body, 'media upload finalize');
  },
  async status(c, id, signal) {
    const r = await v2Request(c, 'GET', '/2/media/upload', {
      query: { media_id: id, command: 'STATUS' },
      signal,
    });
    return v2Status(r.body, 'media upload status');
  },
  async createSubtitles(c, p, signal) {
    const r = await v2Request(c, 'POST', '/2/media/subtitles', {
      json: {
        id: p.videoId,
        media_category: p.category,
        subtitles: {
          id: p.subtitle.id,
          language_code: p.subtitle.languageCode,
          display_name: p.subtitle.displayName,
        },
      },
      signal,
    });
    if (r.partialErrors)
      throw new CuelineError(
        'x.api_error',
        `X reported an error associating ${p.subtitle.languageCode}: ${r.partialErrors}`,
      );
  },
  async deleteSubtitles(c, p, signal) {
    const r = await v2Request(c, 'DELETE', '/2/media/subtitles', {
      json: { id: p.videoId, media_category: p.category, language_code: p.languageCode },
      signal,
    });
    // {data: {deleted: true}}; an empty 2xx is taken as done too, only an explicit false is not.
    const d = z
      .object({ data: z.object({ deleted: z.boolean() }).loose() })
      .loose()
      .safeParse(r.body);
    if (d.success && !d.data.data.deleted)
      throw new CuelineError(
        'x.not_found',
        `X did not delete the ${p.languageCode} subtitles of media ${p.videoId}.`,
      );
  },
  post: postV2,
  setAltText: altTextV2,
};

async function altTextV2(
  c: XClient,
  p: { mediaId: string; text: string },
  signal?: AbortSignal,
): Promise<void> {
  const r = await v2Request(c, 'POST', '/2/media/metadata', {
    json: { id: p.mediaId, metadata: { alt_text: { text: p.text } } },
    signal,
  });
  if (r.partialErrors)
    throw new CuelineError('x.api_error', `X reported an error setting the alt text: ${r.partialErrors}`);
}

async function postV2(
  c: XClient,
  p: PostRequest,
  signal?: AbortSignal,
): Promise<{ id: string; text: string }> {
  const r = await v2Request(c, 'POST', '/2/tweets', {
    json: {
      text: p.text,
      media: {
        media_ids: p.mediaIds,
        ...(p.title !== undefined ? { title: p.title } : {}),
        ...(p.description !== undefined ? { description: p.description } : {}),
      },
    },
    idempotent: false,
    signal,
  });
  return parseBody(
    z.object({ data: z.object({ id: z.string(), text: z.string() }).loose() }).loose(),
    r.body,
    'create post',
  ).data;
}

// --- v1.1 -------------------------------------------------------------------------------------

const V1Media = z
  .object({
    media_id_string: z.string().optional(),
    media_id: z.union([z.string(), z.number()]).optional(),
    media_key: z.string().optional(),
    expires_after_secs: z.number().optional(),
    processing_info: Processing.optional(),
  })
  .loose();

function v1Status(body: unknown, what: string): MediaStatus {
  // media_id is a 64-bit number that JavaScript can't hold exactly: media_id_string is the id.
  const d = parseBody(V1Media, body, what);
  const id =
    d.media_id_string ??
    (typeof d.media_id === 'string' || (typeof d.media_id === 'number' && Number.isSafeInteger(d.media_id))
      ? String(d.media_id)
      : undefined);
  if (id === undefined)
    throw new CuelineError('x.unexpected_response', `X's answer to ${what} has no media_id_string.`, {
      body,
    });
  const processing = toProcessing(d.processing_info);
  return {
    id,
    ...(d.expires_after_secs !== undefined ? { expiresAfterSecs: d.expires_after_secs } : {}),
    ...(processing ? { processing } : {}),
  };
}

const UPLOAD_JSON = '/1.1/media/upload.json';

/** A media/upload.json command with form fields (STATUS is read with GET, the others POSTed). */
function v1Upload(
  c: XClient,
  command: 'INIT' | 'FINALIZE' | 'STATUS',
  fields: Record<string, string>,
  signal: AbortSignal | undefined,
): ReturnType<XClient['request']> {
  const params = { command, ...fields };
  return c.request({
    host: 'upload',
    path: UPLOAD_JSON,
    ...(command === 'STATUS' ? { method: 'GET', query: params } : { method: 'POST', form: params }),
    signal,
  });
}

/** POST to a media/subtitles/*.json endpoint. */
function v1Subtitles(
  c: XClient,
  verb: 'create' | 'delete',
  p: { videoId: string; category: string },
  subtitle: Record<string, string>,
  signal: AbortSignal | undefined,
): ReturnType<XClient['request']> {
  return c.request({
    method: 'POST',
    host: 'upload',
    path: `/1.1/media/subtitles/${verb}.json`,
    json: { media_id: p.videoId, media_category: p.category, subtitle_info: { subtitles: [subtitle] } },
    signal,
  });
}

const v11: Dialect = {
  name: 'v1.1',
  // APPEND: "It must be <= 5 MB". 5,000,000 satisfies both readings of "MB".
  maxChunkBytes: V1_MAX_CHUNK_BYTES,
  async initialize(c, p, signal) {
    const r = await v1Upload(
      c,
      'INIT',
      { total_bytes: String(p.totalBytes), media_type: p.mediaType, media_category: p.category },
      signal,
    );
    const s = v1Status(r.body, 'media/upload INIT');
    return initialized(s, parseBody(V1Media, r.body, 'media/upload INIT').media_key);
  },
  async append(c, id, segmentIndex, chunk, signal) {
    await c.request({
      method: 'POST',
      host: 'upload',
      path: UPLOAD_JSON,
      multipart: () =>
        multipartBody(
          [
            ['command', 'APPEND'],
            ['media_id', id],
            ['segment_index', String(segmentIndex)],
          ],
          { name: 'media', source: chunk },
        ),
      signal,
    });
  },
  async finalize(c, id, signal) {
    const r = await v1Upload(c, 'FINALIZE', { media_id: id }, signal);
    return v1Status(r.body, 'media/upload FINALIZE');
  },
  async status(c, id, signal) {
    const r = await v1Upload(c, 'STATUS', { media_id: id }, signal);
    return v1Status(r.body, 'media/upload STATUS');
  },
  async createSubtitles(c, p, signal) {
    const { id, languageCode, displayName } = p.subtitle;
    await v1Subtitles(
      c,
      'create',
      p,
      { media_id: id, language_code: languageCode, display_name: displayName },
      signal,
    );
  },
  async deleteSubtitles(c, p, signal) {
    await v1Subtitles(c, 'delete', p, { language_code: p.languageCode }, signal);
  },
  post: postV2,
  // Like the post, alt text goes through v2 (v1.1's media/metadata/create went with v1.1).
  setAltText: altTextV2,
};

export function dialectFor(name: ApiDialect): Dialect {
  return name === 'v1.1' ? v11 : v2;
}

// --- reading back (both dialects: v2 endpoints) -----------------------------------------------

/** GET /2/users/me: the signed-in user's id. */
export async function currentUserId(c: XClient, signal?: AbortSignal): Promise<string> {
  const r = await v2Request(c, 'GET', '/2/users/me', { signal });
  return parseBody(z.object({ data: z.object({ id: z.string() }).loose() }).loose(), r.body, 'users/me').data
    .id;
}

const RecentPosts = z
  .object({
    data: z
      .array(
        z
          .object({
            id: z.string(),
            attachments: z
              .object({ media_keys: z.array(z.string()).optional() })
              .loose()
              .optional(),
          })
          .loose(),
      )
      .optional(),
    meta: z.object({ result_count: z.number().optional() }).loose().optional(),
  })
  .loose();

/**
 * One read of the user's recent posts (GET /2/users/{id}/tweets with the media expansion, since
 * `since`): the post carrying this media key, `null` when X listed every post of that window and
 * none carries it, `undefined` when the window held more posts than one read returns.
 */
export async function findPostWithMedia(
  c: XClient,
  p: { userId: string; mediaKey: string; since: number },
  signal?: AbortSignal,
): Promise<{ id: string } | null | undefined> {
  const max = 100;
  const r = await v2Request(c, 'GET', `/2/users/${encodeURIComponent(p.userId)}/tweets`, {
    query: {
      max_results: String(max),
      start_time: new Date(p.since).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      expansions: 'attachments.media_keys',
      'media.fields': 'media_key,type',
    },
    signal,
  });
  const posts = parseBody(RecentPosts, r.body, 'recent posts').data ?? [];
  const hit = posts.find((x) => x.attachments?.media_keys?.includes(p.mediaKey));
  if (hit) return { id: hit.id };
  return posts.length < max ? null : undefined;
}
