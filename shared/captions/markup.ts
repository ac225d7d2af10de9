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

/**
 * Removes the tags `drop` matches (or rewrites them with `rewrite`), as if repeated until none is
 * left: removing one can join its neighbours into another (`<</v>1>` → `<1>`), and a writer that
 * left that for its next save would not be a fixed point. One pass: the output is a stack, and each
 * `>` tests the text since the last `<` still open in it. Linear, as a tag holds no `<` nor `>`.
 *
 * The output is kept as slices of `text` (and replacements), not copied a character at a time into
 * a typed array: a typed array per cue and String.fromCharCode(...codes) cost ~1 µs a cue, and more
 * per cue the more cues were written (bench: VTT → SRT write, exponent 1.2).
 */
function stripTags(
  text: string,
  drop: RegExp,
  rewrite: (tag: string) => string | null = () => null,
): { text: string; lost: boolean } {
  const n = text.length;
  // The output: `pieces` (`committed` characters in all), then text[runStart, i).
  const pieces: string[] = [];
  let committed = 0;
  let runStart = 0;
  // Output positions of the `<`s still open.
  const opens: number[] = [];
  let lost = false;
  /** Cuts the output to `at` characters; the run restarts after text[i]. */
  const cut = (at: number, i: number): void => {
    if (at >= committed) {
      if (at > committed) pieces.push(text.slice(runStart, runStart + at - committed));
    } else {
      let last = '';
      while (committed > at) {
        last = pieces.pop() ?? '';
        committed -= last.length;
      }
      if (committed < at) pieces.push(last.slice(0, at - committed));
    }
    committed = at;
    runStart = i + 1;
  };
  /** The output from position `at` on, the run ending before text[i]. */
  const tail = (at: number, i: number): string => {
    if (at >= committed) return text.slice(runStart + at - committed, i);
    let k = pieces.length - 1;
    let start = committed - (pieces[k]?.length ?? 0);
    while (start > at) start -= pieces[--k]?.length ?? 0;
    let out = (pieces[k] ?? '').slice(at - start);
    for (let j = k + 1; j < pieces.length; j++) out += pieces[j] ?? '';
    return out + text.slice(runStart, i);
  };
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 62 /* > */ && opens.length > 0) {
      const at = opens[opens.length - 1] ?? 0;
      const tag = tail(at, i) + '>';
      if (drop.test(tag)) {
        lost = true;
        cut(at, i);
        opens.pop();
        continue;
      }
      const replacement = rewrite(tag);
      opens.length = 0; // a `<` before a kept `>` can't start a tag any more
      if (replacement !== null) {
        lost = true;
        cut(at, i);
        pieces.push(replacement);
        committed += replacement.length;
      }
    } else if (c === 60 /* < */) opens.push(committed + i - runStart);
  }
  if (!lost) return { text, lost };
  cut(committed + n - runStart, n - 1);
  return { text: pieces.join(''), lost };
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
