// X's published numbers the publishing code depends on (../shared x-api.md).
export const UPLOAD_MIN_CHUNK_BYTES = 4 * 1024 * 1024;
export const UPLOAD_MAX_SEGMENTS = 1000;
/** v1.1 APPEND: "It must be <= 5 MB" (5,000,000 satisfies both readings of MB). */
export const V1_MAX_CHUNK_BYTES = 5_000_000;
/** POST /2/tweets: 1–4 media ids. */
export const POST_MAX_MEDIA = 4;
export const POST_MAX_TEXT = 280;

/** Video media types per upload dialect. v2's initialize enum has no video/quicktime. */
export const VIDEO_MEDIA_TYPES: Record<string, string> = {
  mp4: 'video/mp4',
  m4v: 'video/mp4',
  mov: 'video/quicktime',
  webm: 'video/webm',
  ts: 'video/mp2t',
  m2ts: 'video/mp2t',
};
export const V2_VIDEO_MEDIA_TYPES = ['video/mp4', 'video/webm', 'video/mp2t'];
export const V1_VIDEO_MEDIA_TYPES = ['video/mp4', 'video/quicktime', 'video/webm', 'video/mp2t'];
