// Cue text in the model is what an SRT file holds: literal characters plus the tags players know
// (`<i>`, `<b>`, `<u>`, `<font …>`). WebVTT escapes `&` and `<`, and has tags SRT lacks; these
// functions translate between the two and say when something is lost.

const VTT_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  nbsp: '\u00a0',
  lrm: '\u200e',
  rlm: '\u200f',
};

// `&`, and `<` unless it opens a tag WebVTT knows.
const VTT_ESCAPE = /&|<(?!(?:\/?(?:c|i|b|u|v|lang|ruby|rt)(?:\.[^\s<>./]+)*(?:[ \t][^<>]*)?|\d[\d:.]*)>)/g;
/** What the WebVTT writer translates: a `&` or `<` to escape, or a `<font>` tag to drop. */
export const VTT_MARKUP_WORK = `${VTT_ESCAPE.source}|<\\/?[Ff][Oo][Nn][Tt]`;
// Whole tags (stripTags tests one candidate `<…>` at a time). None holds `<` or `>` inside.
const SRT_ONLY_TAG = /^<\/?font(?:\s[^<>]*)?>$/i;
const VTT_ONLY_TAG = /^(?:<\/?(?:c|v|lang|ruby|rt)(?:\.[^\s<>./]+)*(?:[ \t][^<>]*)?>|<\d[\d:.]*>)$/;
// <i.foo> keeps its meaning in SRT once the classes go.
const CLASSED_BASIC_TAG = /^<(i|b|u)(?:\.[^\s<>./]+)+>$/;

function fromCodes(buf: Uint16Array, from: number, to: number): string {
  let out = '';
  // Chunks: String.fromCharCode(...huge) would overflow the stack.
  for (let i = from; i < to; i += 8192)
    out += String.fromCharCode(...buf.subarray(i, Math.min(to, i + 8192)));
  return out;
}

/**
 * Removes the tags `drop` matches (or rewrites them with `rewrite`), as if repeated until none is
 * left: removing one can join its neighbours into another (`<</v>1>` → `<1>`), and a writer that
 * left that for its next save would not be a fixed point. One pass: the output is a stack, and each
 * `>` tests the text since the last `<` still open in it. Linear, as a tag holds no `<` nor `>`.
 */
function stripTags(
  text: string,
  drop: RegExp,
  rewrite: (tag: string) => string | null = () => null,
): { text: string; lost: boolean } {
  const n = text.length;
  const buf = new Uint16Array(n);
  let len = 0;
  const opens: number[] = [];
  let lost = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 62 /* > */ && opens.length > 0) {
      const at = opens[opens.length - 1] ?? 0;
      const tag = fromCodes(buf, at, len) + '>';
      if (drop.test(tag)) {
        lost = true;
        len = at;
        opens.pop();
        continue;
      }
      const replacement = rewrite(tag);
      opens.length = 0; // a `<` before a kept `>` can't start a tag any more
      if (replacement !== null) {
        lost = true;
        len = at;
        for (let k = 0; k < replacement.length; k++) buf[len++] = replacement.charCodeAt(k);
        continue;
      }
    } else if (c === 60 /* < */) opens.push(len);
    buf[len++] = c;
  }
  return lost ? { text: fromCodes(buf, 0, len), lost } : { text, lost };
}

/** WebVTT cue text → model text: character references decoded, tags kept. */
export function fromVttText(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(
    /&(?:#(\d+)|#[xX]([0-9a-fA-F]+)|(amp|lt|gt|nbsp|lrm|rlm));/g,
    (m, dec?: string, hex?: string, name?: string) => {
      if (name) return VTT_ENTITIES[name] ?? m;
      const code = dec !== undefined ? Number(dec) : parseInt(hex ?? '', 16);
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    },
  );
}

/** Model text → text for WebVTT before escaping: `<font>` (no WebVTT equivalent) dropped. */
const HAS_FONT_TAG = /<\/?font/i;

export function dropSrtOnlyTags(text: string): { text: string; lost: boolean } {
  // Only a dropped tag can join its neighbours into a new one: no <font>, nothing to do.
  if (!text.includes('<') || !HAS_FONT_TAG.test(text)) return { text, lost: false };
  return stripTags(text, SRT_ONLY_TAG);
}

/** Text → WebVTT cue text: `&` and stray `<` escaped. */
export function escapeVttText(text: string): string {
  if (!text.includes('&') && !text.includes('<')) return text;
  return text.replace(VTT_ESCAPE, (m) => (m === '&' ? '&amp;' : '&lt;'));
}

/** Model text → WebVTT cue text: `&` and stray `<` escaped; `<font>` (no WebVTT equivalent) dropped. */
export function toVttText(text: string): { text: string; lost: boolean } {
  const { text: t, lost } = dropSrtOnlyTags(text);
  return { text: escapeVttText(t), lost };
}

/** Model text (possibly read from WebVTT) → SRT text: WebVTT-only tags dropped, classes removed. */
const HAS_VTT_ONLY_MARKUP = /<(?:\/?(?:c|v|lang|ruby|rt)[\s.>]|\d)|<[ibu]\./;
/** What the SRT writer translates: WebVTT-only markup (SRT's own `<i>`, `<b>`, `<u>`, `<font>` stay). */
export const SRT_MARKUP_WORK = HAS_VTT_ONLY_MARKUP.source;

export function toSrtText(text: string): { text: string; lost: boolean } {
  if (!text.includes('<') || !HAS_VTT_ONLY_MARKUP.test(text)) return { text, lost: false };
  return stripTags(text, VTT_ONLY_TAG, (tag) => {
    const m = CLASSED_BASIC_TAG.exec(tag);
    return m ? `<${m[1] ?? ''}>` : null;
  });
}
