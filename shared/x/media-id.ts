// X's ids as Cueline handles them: media and post ids are 64-bit numbers X sends as strings (keep
// them strings: a JS number loses digits past 2^53), and a post's public address.

/** A media id as X returns it: 1–19 digits. */
export const MEDIA_ID_PATTERN = /^[0-9]{1,19}$/;

export function isMediaId(s: string): boolean {
  return MEDIA_ID_PATTERN.test(s);
}

/** What the app and the CLI say when a media id is not one (each adds where it came from). */
export const MEDIA_ID_RULE = 'digits, as X returned it';

/** The post's public address (x.com redirects to the author's handle). */
export function postUrl(postId: string): string {
  return `https://x.com/i/status/${postId}`;
}
