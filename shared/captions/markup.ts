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
const SRT_ONLY_TAG = /<\/?font(?:\s[^<>]*)?>/gi;
const VTT_ONLY_TAG = /<\/?(?:c|v|lang|ruby|rt)(?:\.[^\s<>./]+)*(?:[ \t][^<>]*)?>|<\d[\d:.]*>/g;
// <i.foo> keeps its meaning in SRT once the classes go.
const CLASSED_BASIC_TAG = /<(i|b|u)(?:\.[^\s<>./]+)+>/g;

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
export function dropSrtOnlyTags(text: string): { text: string; lost: boolean } {
  if (!text.includes('<')) return { text, lost: false };
  let lost = false;
  const t = text.replace(SRT_ONLY_TAG, () => {
    lost = true;
    return '';
  });
  return { text: t, lost };
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

export function toSrtText(text: string): { text: string; lost: boolean } {
  if (!text.includes('<') || !HAS_VTT_ONLY_MARKUP.test(text)) return { text, lost: false };
  let lost = false;
  const t = text
    .replace(VTT_ONLY_TAG, () => {
      lost = true;
      return '';
    })
    .replace(CLASSED_BASIC_TAG, (_m, tag: string) => {
      lost = true;
      return `<${tag}>`;
    });
  return { text: t, lost };
}
