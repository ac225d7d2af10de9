// Cue text that a line-based format (SRT, WebVTT) can hold: no blank lines (they end a cue), no
// trailing spaces (readers trim them), no line holding "-->" (readers take it for a timing line),
// no lone surrogate (UTF-8 cannot hold one: it would come back as U+FFFD).

export function representableText(input: string): string {
  const text = input.isWellFormed() ? input : input.toWellFormed();
  if (!needsCleaning(text)) return text;
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

/** One pass over the text (the writers call this for every cue). */
function needsCleaning(text: string): boolean {
  const n = text.length;
  if (n === 0) return false;
  let lineHasText = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      // Blank or whitespace-only line, or trailing whitespace before the break, or a CR.
      if (c === 13 || !lineHasText || isBlankChar(text.charCodeAt(i - 1))) return true;
      lineHasText = false;
    } else if (c === 45 && text.charCodeAt(i + 1) === 45 && text.charCodeAt(i + 2) === 62) {
      return true; // "-->"
    } else if (!isBlankChar(c)) lineHasText = true;
  }
  return !lineHasText || isBlankChar(text.charCodeAt(n - 1));
}
