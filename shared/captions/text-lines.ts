// Cue text that a line-based format (SRT, WebVTT) can hold: no blank lines (they end a cue), no
// trailing spaces (readers trim them), no line holding "-->" (readers take it for a timing line).

export function representableText(text: string): string {
  if (!needsCleaning(text)) return text;
  return text
    .split(/\r\n|\r|\n/)
    .map((l) => l.replaceAll('-->', '->').trimEnd())
    .filter((l) => l.trim() !== '')
    .join('\n');
}

function isBlankChar(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 12 || c === 11 || c === 0xfeff;
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
