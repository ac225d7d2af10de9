// X's published numbers the publishing code depends on (../shared x-api.md).
export const UPLOAD_MIN_CHUNK_BYTES = 4 * 1024 * 1024;
export const UPLOAD_MAX_SEGMENTS = 1000;
/** v1.1 APPEND: "It must be <= 5 MB" (5,000,000 satisfies both readings of MB). */
export const V1_MAX_CHUNK_BYTES = 5_000_000;
/** POST /2/tweets: 1–4 media ids. */
export const POST_MAX_MEDIA = 4;
export const POST_MAX_TEXT = 280;
/** X's limit on a video's alt text (CreateMediaMetadataMetadataAltText.text maxLength). */
export const ALT_TEXT_MAX = 1000;

/**
 * Video media types by extension. All four are in v2 initialize's enum (video/quicktime since
 * May 2025, X's OpenAPI 2.167), so `.mov` goes up as it is on both dialects.
 */
export const VIDEO_MEDIA_TYPES: Record<string, string> = {
  mp4: 'video/mp4',
  m4v: 'video/mp4',
  mov: 'video/quicktime',
  webm: 'video/webm',
  ts: 'video/mp2t',
  m2ts: 'video/mp2t',
};

/**
 * The API dialects. v1.1 stays selectable (the seed's endpoint; X-compatible servers) but X shut
 * its media upload down in June 2025: never the default, never suggested as a fix.
 */
export const API_DIALECT_LABELS = {
  v2: 'v2 (X API v2)',
  'v1.1': 'v1.1 (legacy — shut down by X in 2025)',
} as const;
