// Quoting a piece of the user's file in an error message: bounded, so a 10 MB line gives a short
// error (in text and JSON) rather than a 10 MB one, and control characters shown, not emitted.

/** At most this many characters of the offending text are quoted. */
export const QUOTE_MAX = 80;

/** `"text"`, cut to `max` characters with "…", control characters written as `\u0000`. */
export function quote(text: string, max = QUOTE_MAX): string {
  let t = text;
  if (t.length > max) {
    let cut = max - 1;
    // Don't split a surrogate pair.
    const c = t.charCodeAt(cut - 1);
    if (c >= 0xd800 && c <= 0xdbff) cut--;
    t = t.slice(0, cut) + '…';
  }
  t = t.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u0008\u000a-\u001f\u007f]/g,
    (ch) => '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0'),
  );
  return `"${t}"`;
}
