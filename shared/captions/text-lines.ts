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

function needsCleaning(text: string): boolean {
  if (text.includes('-->') || text.includes('\r') || text.includes('\n\n')) return true;
  if (text.startsWith('\n') || text.endsWith('\n')) return true;
  // Trailing or whitespace-only lines.
  return /[ \t\u00a0\f\v\ufeff](\n|$)/.test(text) || /(^|\n)[ \t\u00a0\f\v\ufeff]+(\n|$)/.test(text);
}
