// Cue text that a line-based format (SRT, WebVTT) can hold: no blank lines (they end a cue), no
// trailing spaces (readers trim them), no line holding "-->" (readers take it for a timing line),
// no lone surrogate (UTF-8 cannot hold one: it would come back as U+FFFD).
import { SRT_MARKUP_WORK, VTT_MARKUP_WORK } from './markup.ts';

export function representableText(input: string): string {
  if (writableAsIs(input, 'clean')) return input;
  // Splitting, trimming and rejoining is the identity on text with nothing to clean, so a text
  // refused above only for a lone surrogate comes back as its well-formed self.
  const text = input.isWellFormed() ? input : input.toWellFormed();
  return text
    .split(/\r\n|\r|\n/)
    .map((l) => trimBlankEnd(breakArrows(l)))
    .filter((l) => l !== '')
    .join('\n');
}

/** `-->` (and `--->`, `---->`…) as `->`: no "-->" is left, where replacing "-->" alone would leave "--->"'s. */
export function breakArrows(text: string): string {
  return text.includes('-->') ? text.replace(/-{2,}>/g, '->') : text;
}

/**
 * The blanks the readers trim from line ends and take a line of for an empty one. Not JS's wider
 * trim() set (U+3000, U+2028…): a reader trimming what the writer keeps breaks the round trip.
 */
export function isBlankChar(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 12 || c === 11 || c === 0xfeff || c === 13;
}

/** `line` without trailing blanks (isBlankChar). */
export function trimBlankEnd(line: string): string {
  let e = line.length;
  while (e > 0 && isBlankChar(line.charCodeAt(e - 1))) e--;
  return e === line.length ? line : line.slice(0, e);
}

// What makes text need representableText's cleaning: a CR, a lone surrogate (\p{Cs} in a /u regex
// matches only those), "-->", blanks before a line break or at the end, or a blank or empty line.
// A regex: on the readers' cue text (slices of the file) it runs about twice as fast as a charCodeAt
// loop, and the writers test every cue.
const BLANK_CHARS = '\\t\\v\\f \\u00a0\\ufeff';
// The cases anchored at the text's ends (empty, a leading or trailing line break, a trailing blank)
// are checked by writableAsIs itself: as regex alternatives (`BLANK$`, `\n$`, `^\n`, `^$`) they were
// tried at every blank and cost the writers ~20%. An empty or blank-only line inside is a line break
// after a blank or another line break: looked for from the line break, behind it. Written forwards
// (`BLANK\n|\n\n`), every space in the text started a match attempt and the check took 4-5× as long;
// now every alternative starts at a character that is rare in cue text (CR, a surrogate, `-`, a line
// break, `<`), which the regex engine skips ahead to.
const CLEANING = `[\\r\\p{Cs}]|-->|(?<=[${BLANK_CHARS}\\n])\\n`;
const NEEDS_WORK = {
  clean: new RegExp(CLEANING, 'u'),
  // The writers also look at markup: SRT drops WebVTT-only tags, WebVTT escapes `&` and stray `<` and
  // drops `<font>`. Only markup they would change: an `<i>` (common) no longer sends a cue through
  // the translation, which found nothing to do and cost two more scans.
  srt: new RegExp(`${CLEANING}|${SRT_MARKUP_WORK}`, 'u'),
  vtt: new RegExp(`${CLEANING}|${VTT_MARKUP_WORK}`, 'u'),
};

/**
 * Whether `text` can be written as it is: nothing representableText would clean (a blank or
 * whitespace-only line, trailing blanks, a CR, "-->", a lone surrogate) and, for a writer, no
 * markup it translates (WebVTT-only tags for SRT; `&`, a `<` opening no WebVTT tag, `<font>` for
 * WebVTT). False for "" too (an empty line), which the cleaning keeps as "". Most cues need nothing more.
 */
export function writableAsIs(text: string, writer: keyof typeof NEEDS_WORK): boolean {
  const n = text.length;
  if (n === 0) return false;
  const last = text.charCodeAt(n - 1);
  if (last === 10 || isBlankChar(last) || text.charCodeAt(0) === 10) return false;
  return !NEEDS_WORK[writer].test(text);
}
