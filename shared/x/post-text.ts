// How X counts a post's length (twitter-text 3 "weighted length"): most Latin, Greek, Cyrillic,
// Hebrew, Arabic… code points count 1, others (CJK, emoji) count 2, and every URL counts 23
// (t.co). The limit is 280 weighted characters.
import { POST_MAX_TEXT } from './limits.ts';

const LIGHT: Array<[number, number]> = [
  [0, 4351],
  [8192, 8205],
  [8208, 8223],
  [8242, 8247],
];
const URL_RE = /\bhttps?:\/\/[^\s]+/gi;
const URL_WEIGHT = 23;

export function postWeightedLength(text: string): number {
  let n = 0;
  const withoutUrls = text.normalize('NFC').replace(URL_RE, () => {
    n += URL_WEIGHT;
    return '';
  });
  for (const ch of withoutUrls) {
    const cp = ch.codePointAt(0) ?? 0;
    n += LIGHT.some(([a, b]) => cp >= a && cp <= b) ? 1 : 2;
  }
  return n;
}

/** A post carrying a link (X's pay-per-use prices it higher than one without). */
export function postHasUrl(text: string): boolean {
  return new RegExp(URL_RE.source, 'i').test(text);
}

export function postTextProblem(text: string): string | null {
  if (!text.trim()) return 'The post text is empty.';
  const n = postWeightedLength(text);
  if (n > POST_MAX_TEXT)
    return `The post is ${n} characters as X counts them; the limit is ${POST_MAX_TEXT}.`;
  return null;
}

/** `{name}`, `{file}`, `{languages}` in a batch post template. */
export function fillPostTemplate(
  template: string,
  v: { name: string; file: string; languages: string[] },
): string {
  return template
    .replaceAll('{name}', v.name)
    .replaceAll('{file}', v.file)
    .replaceAll('{languages}', v.languages.join(', '));
}
