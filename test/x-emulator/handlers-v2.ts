// X API v2: /2/media/upload/{initialize,{id}/append,{id}/finalize}, GET /2/media/upload (STATUS),
// /2/media/subtitles (POST/DELETE) and POST /2/tweets, validated with the OpenAPI schemas.
import { z } from 'zod';
import { badRequest, HttpError, type MultipartPart } from './http-util.ts';
// The media store both dialects share: uploads, processing, subtitles.
import * as store from './media.ts';
import { mintId, type EmulatorState, type MediaSession, type ProcessingError } from './state.ts';

export interface HandlerInput {
  state: EmulatorState;
  userId: string;
  contentType: string;
  body: Buffer;
  query: URLSearchParams;
  form: URLSearchParams | null;
  parts: MultipartPart[] | null;
  id?: string;
  failWith?: ProcessingError;
}

export interface HandlerOutput {
  status: number;
  json?: unknown;
  raw?: string;
  empty?: boolean;
  segmentIndex?: number;
  segmentBytes?: number;
  mediaId?: string;
}

const MediaId = z.string().regex(/^[0-9]{1,19}$/);

// InitializeMediaUploadRequest: additionalProperties false.
const InitializeBody = z.strictObject({
  media_type: z.enum([
    'video/mp4',
    'video/webm',
    'video/mp2t',
    // In X's OpenAPI since May 2025 (2.167 has it): .mov goes up as it is.
    'video/quicktime',
    'text/srt',
    'text/vtt',
    'image/jpeg',
    'image/gif',
    'image/bmp',
    'image/png',
    'image/webp',
    'image/pjpeg',
    'image/tiff',
    'model/gltf-binary',
    'model/vnd.usdz+zip',
  ]),
  total_bytes: z.number().int().min(0).max(17179869184),
  media_category: z
    .enum([
      'amplify_video',
      'tweet_gif',
      'tweet_image',
      'tweet_video',
      'dm_gif',
      'dm_image',
      'dm_video',
      'subtitles',
    ])
    .optional(),
  additional_owners: z.array(z.string().regex(/^[0-9]{1,19}$/)).optional(),
  shared: z.boolean().optional(),
});

const CreateSubtitlesBody = z.object({
  id: MediaId,
  media_category: z.enum(['AmplifyVideo', 'TweetVideo']),
  subtitles: z.object({
    id: MediaId,
    language_code: z.string().regex(/^[A-Z]{2}$/),
    display_name: z.string().min(1),
  }),
});

const DeleteSubtitlesBody = z.object({
  id: MediaId,
  media_category: z.string(),
  language_code: z.string(),
});

const CreatePostBody = z.strictObject({
  text: z.string().optional(),
  media: z
    .strictObject({
      media_ids: z.array(MediaId).min(1).max(4),
      tagged_user_ids: z.array(z.string()).optional(),
      // CreatePostsMedia: the video card's title and description, and its preview image.
      title: z.string().optional(),
      description: z.string().optional(),
      preview_media_id: MediaId.optional(),
    })
    .optional(),
  made_with_ai: z.boolean().optional(),
  reply_settings: z.enum(['following', 'mentionedUsers', 'subscribers', 'verified']).optional(),
});

function json(input: HandlerInput): unknown {
  if (!input.contentType.toLowerCase().startsWith('application/json'))
    throw badRequest(`Expected Content-Type application/json, got ${input.contentType || 'none'}.`);
  try {
    return JSON.parse(input.body.toString('utf8')) as unknown;
  } catch {
    throw badRequest('Request body is not valid JSON.');
  }
}

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const r = schema.safeParse(value);
  if (!r.success) {
    const issue = r.error.issues[0];
    const where = issue?.path.join('.') || '(body)';
    throw badRequest(`${where}: ${issue?.message ?? 'invalid'}`);
  }
  return r.data;
}

function describe(state: EmulatorState, s: MediaSession): Record<string, unknown> {
  const info = store.processingInfo(state, s);
  return {
    id: s.id,
    media_key: s.mediaKey,
    size: s.size ?? s.totalBytes,
    expires_after_secs: Math.max(0, Math.floor((s.expiresAt - state.now()) / 1000)),
    ...(info ? { processing_info: info } : {}),
  };
}

export function v2Initialize(input: HandlerInput): HandlerOutput {
  const b = parse(InitializeBody, json(input));
  const s = store.initUpload(input.state, input.userId, 'v2', {
    mediaType: b.media_type,
    totalBytes: b.total_bytes,
    category: b.media_category,
  });
  return {
    status: 200,
    json: {
      data: { id: s.id, media_key: s.mediaKey, expires_after_secs: input.state.config.expiresAfterSecs },
    },
    mediaId: s.id,
  };
}

export function v2Append(input: HandlerInput): HandlerOutput {
  const id = parse(MediaId, input.id);
  let media: Buffer;
  let index: number;
  if (input.parts) {
    // AppendMediaUploadRequest: exactly media + segment_index.
    const extra = input.parts.find((p) => p.name !== 'media' && p.name !== 'segment_index');
    if (extra) throw badRequest(`Unexpected field ${extra.name} in append request.`);
    const m = input.parts.find((p) => p.name === 'media');
    const si = input.parts.find((p) => p.name === 'segment_index');
    if (!m) throw badRequest('media: required');
    if (!si) throw badRequest('segment_index: required');
    media = m.data;
    index = /^\d+$/.test(si.data.toString('utf8').trim()) ? Number(si.data.toString('utf8').trim()) : NaN;
  } else {
    const b = parse(z.strictObject({ media: z.string(), segment_index: z.number().int() }), json(input));
    media = Buffer.from(b.media, 'base64');
    index = b.segment_index;
  }
  // X answers an oversized segment with an empty-body 413 (clients report it on 5 MiB chunks).
  if (media.length > input.state.config.maxSegmentBytes) return { status: 413, empty: true, mediaId: id };
  const s = store.appendSegment(input.state, input.userId, id, index, media, Number.MAX_SAFE_INTEGER);
  return {
    status: 200,
    json: { data: { expires_at: Math.floor(s.expiresAt / 1000) } },
    segmentIndex: index,
    segmentBytes: media.length,
    mediaId: id,
  };
}

export function v2Finalize(input: HandlerInput): HandlerOutput {
  const id = parse(MediaId, input.id);
  const s = store.finalizeUpload(input.state, input.userId, id, input.failWith);
  return { status: 200, json: { data: describe(input.state, s) }, mediaId: id };
}

export function v2Status(input: HandlerInput): HandlerOutput {
  const id = parse(MediaId, input.query.get('media_id') ?? '');
  const command = input.query.get('command');
  if (command !== null && command !== 'STATUS') throw badRequest('command must be STATUS.');
  const s = store.pollStatus(input.state, input.userId, id);
  return { status: 200, json: { data: describe(input.state, s) }, mediaId: id };
}

export function v2SubtitlesCreate(input: HandlerInput): HandlerOutput {
  const raw = json(input);
  if (raw && typeof raw === 'object' && 'subtitles' in raw && Array.isArray(raw.subtitles))
    throw badRequest('subtitles: expected an object (one subtitle track per request), got an array.');
  const b = parse(CreateSubtitlesBody, raw);
  const video = store.associate(input.state, input.userId, b.id, b.media_category, {
    id: b.subtitles.id,
    languageCode: b.subtitles.language_code,
    displayName: b.subtitles.display_name,
  });
  return {
    status: 200,
    json: {
      data: {
        id: video.id,
        media_category: b.media_category,
        associated_subtitles: [...video.subtitles.values()].map((s) => ({
          id: s.id,
          language_code: s.languageCode,
          display_name: s.displayName,
        })),
      },
    },
    mediaId: video.id,
  };
}

export function v2SubtitlesDelete(input: HandlerInput): HandlerOutput {
  const b = parse(DeleteSubtitlesBody, json(input));
  store.dissociate(input.state, input.userId, b.id, b.media_category, b.language_code);
  return { status: 200, json: { data: { deleted: true } }, mediaId: b.id };
}

export function v2CreatePost(input: HandlerInput): HandlerOutput {
  const b = parse(CreatePostBody, json(input));
  const ids = b.media?.media_ids ?? [];
  if (!b.text && ids.length === 0) throw badRequest('text: required unless media is provided.');
  if ((b.text ?? '').length > 280) throw new HttpError(403, 'Forbidden', 'Your Tweet text is too long.', 186);
  const media = ids.map((id) => store.usableMedia(input.state, input.userId, id, 'Media id'));
  // X's media best-practices page, "Posting errors": the upload succeeds, the post is refused.
  const cap = input.state.config.maxPostVideoMinutes;
  if (cap !== null && media.some((m) => m.category === 'tweet_video' || m.category === 'amplify_video'))
    throw new HttpError(
      403,
      'Forbidden',
      `This user is not allowed to post a video longer than ${cap} minutes`,
    );
  const post = {
    id: mintId(input.state),
    text: b.text ?? '',
    mediaIds: ids,
    mediaKeys: media.map((m) => m.mediaKey),
    ...(b.media?.title !== undefined ? { title: b.media.title } : {}),
    ...(b.media?.description !== undefined ? { description: b.media.description } : {}),
    userId: input.userId,
    at: input.state.now(),
  };
  input.state.posts.push(post);
  return { status: 201, json: { data: { id: post.id, text: post.text, edit_history_post_ids: [post.id] } } };
}

// CreateMediaMetadataRequest: {id, metadata: {alt_text: {text ≤ 1000}, …}}.
const MetadataBody = z.object({
  id: MediaId,
  metadata: z
    .object({ alt_text: z.strictObject({ text: z.string().max(1000) }).optional() })
    .loose()
    .optional(),
});

export function v2Metadata(input: HandlerInput): HandlerOutput {
  const b = parse(MetadataBody, json(input));
  const s = store.usableMedia(input.state, input.userId, b.id, 'Media id');
  const alt = b.metadata?.alt_text;
  if (alt) s.altText = alt.text;
  return {
    status: 200,
    json: { data: { id: s.id, associated_metadata: alt ? { alt_text: { text: alt.text } } : {} } },
    mediaId: s.id,
  };
}

/**
 * GET /2/users/{id}/tweets, newest first, with `expansions=attachments.media_keys` answered in
 * `includes.media` (the only expansion the emulator knows).
 */
export function v2UserPosts(input: HandlerInput): HandlerOutput {
  const userId = parse(MediaId, input.id);
  if (userId !== input.userId)
    throw new HttpError(403, 'Forbidden', 'You can only read your own posts here.');
  const max = Number(input.query.get('max_results') ?? 10);
  if (!Number.isInteger(max) || max < 5 || max > 100) throw badRequest('max_results must be 5–100.');
  const expand = (input.query.get('expansions') ?? '').split(',').includes('attachments.media_keys');
  const since = input.query.get('start_time');
  const sinceMs = since ? Date.parse(since) : 0;
  if (Number.isNaN(sinceMs)) throw badRequest('start_time must be an ISO 8601 date-time.');
  const posts = input.state.posts
    .filter((p) => p.userId === userId && p.at >= sinceMs)
    .slice(-max)
    .reverse();
  const data = posts.map((p) => ({
    id: p.id,
    text: p.text,
    edit_history_tweet_ids: [p.id],
    ...(expand && p.mediaKeys.length > 0 ? { attachments: { media_keys: p.mediaKeys } } : {}),
  }));
  const keys = [...new Set(posts.flatMap((p) => p.mediaKeys))];
  return {
    status: 200,
    json: {
      ...(data.length > 0 ? { data } : {}),
      ...(expand && keys.length > 0
        ? {
            includes: {
              media: keys.map((k) => ({ media_key: k, type: k.startsWith('7_') ? 'video' : 'photo' })),
            },
          }
        : {}),
      meta: { result_count: data.length },
    },
  };
}
