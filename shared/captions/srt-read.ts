// Our SRT reader: one pass over the string with indexOf line scanning and hand-rolled timestamps
// (it is the hot path of the benchmark). Forgiving where the meaning is certain (line ends, BOM,
// cue numbers, `.` for `,`, spaces, blank lines, a missing blank line before a numbered cue),
// refusing where it is not, and it never drops a cue without reporting an error.
import type { Cue, ParseWarning } from './model.ts';
import { formatSrtTimestamp, MAX_TIME_MS, scanTimestamp, TIME_OUT_OF_RANGE } from './time.ts';
import { quote } from './quote.ts';
import { isBlankChar, trimBlankEnd } from './text-lines.ts';

export interface SrtIssue {
  line: number;
  message: string;
}

export interface SrtParseResult {
  cues: Cue[];
  errors: SrtIssue[];
  warnings: ParseWarning[];
  /** How many errors were found beyond those kept in `errors`. */
  moreErrors: number;
}

const MAX_ERRORS = 200;
const TIMING_HINT = 'expected "HH:MM:SS,mmm --> HH:MM:SS,mmm"';

const BETWEEN = 0;
const AFTER_NUMBER = 1;
const IN_TEXT = 2;
const SKIPPING = 3;

const isSpace = isBlankChar;

function isDigits(s: string, b: number, e: number): boolean {
  for (let i = b; i < e; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * Whether [b, e) is ` X1:… X2:… Y1:… Y2:…` coordinates: one or more groups of spaces, X or Y, 1 or 2,
 * a colon and an integer. A scan, not a regex: a regex's repetition overflowed the stack on a 12 MB line.
 */
function isCoordinates(s: string, b: number, e: number): boolean {
  let i = b;
  if (i >= e) return false;
  while (i < e) {
    const spaces = i;
    while (i < e && isSpace(s.charCodeAt(i))) i++;
    if (i === spaces || i + 3 > e) return false;
    const axis = s.charCodeAt(i) | 0x20;
    const n = s.charCodeAt(i + 1);
    if ((axis !== 120 && axis !== 121) || (n !== 49 && n !== 50) || s.charCodeAt(i + 2) !== 58) return false;
    i += 3;
    if (s.charCodeAt(i) === 45) i++;
    const digits = i;
    while (i < e && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
    if (i === digits) return false;
  }
  return true;
}

/** Value of the digits in [b, e) without allocating a substring (one per cue adds up). */
function digitsValue(s: string, b: number, e: number): number {
  if (e - b > 15) return Number.MAX_SAFE_INTEGER;
  let v = 0;
  for (let i = b; i < e; i++) v = v * 10 + (s.charCodeAt(i) - 48);
  return v;
}

/** Joins the lines of [b, e) with "\n", each without trailing spaces (CRLF files land here). */
function cleanText(s: string, b: number, e: number): string {
  const lines = s.slice(b, e).split('\n');
  for (let i = 0; i < lines.length; i++) lines[i] = trimBlankEnd(lines[i] ?? '');
  return lines.join('\n');
}

export function parseSrt(input: string): SrtParseResult {
  let s = input;
  if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
  // Old Mac files end lines with a lone CR; normalise only then (it copies the string).
  if (/\r(?!\n)/.test(s)) s = s.replace(/\r\n?/g, '\n');
  const n = s.length;
  const cues: Cue[] = [];
  const errors: SrtIssue[] = [];
  const warnings: ParseWarning[] = [];
  let moreErrors = 0;
  const error = (line: number, message: string): void => {
    if (errors.length < MAX_ERRORS) errors.push({ line, message });
    else moreErrors++;
  };

  let state = BETWEEN;
  let lineNo = 0;
  let pos = 0;
  let nextArrow = s.indexOf('-->');
  const tsOut = { end: 0 };

  // The cue being read.
  let cueStart = 0;
  let cueEnd = 0;
  let textStart = -1;
  let textEnd = -1;
  let textEndBeforeLast = -1;
  let lastLineIsNumber = false;
  let lastLineTrimmed = false;
  let dirty = false;
  let numberLine = 0;
  let numberValue = -1;

  let renumbered = 0;
  let firstRenumberedLine = 0;
  let missingBlank = 0;
  let firstMissingBlankLine = 0;
  let ignoredTail = 0;
  let firstIgnoredTailLine = 0;

  const finishCue = (end: number): void => {
    let text = '';
    if (textStart >= 0 && end > textStart)
      text = dirty ? cleanText(s, textStart, end) : s.slice(textStart, end);
    cues.push({ id: String(cues.length + 1), start: cueStart, end: cueEnd, text });
  };

  /** Parses a timing line [b, e); returns true when it is a well-formed one (times in cueStart/cueEnd). */
  const timing = (b: number, e: number, line: number): boolean => {
    const start = scanTimestamp(s, b, tsOut);
    let i = tsOut.end;
    if (start === TIME_OUT_OF_RANGE) {
      error(line, `start time is beyond ${formatSrtTimestamp(MAX_TIME_MS)} in ${quote(s.slice(b, e))}`);
      return false;
    }
    if (start < 0 || i > e) {
      error(line, `invalid start time in ${quote(s.slice(b, e))} (${TIMING_HINT})`);
      return false;
    }
    while (i < e && isSpace(s.charCodeAt(i))) i++;
    if (s.charCodeAt(i) !== 45 || s.charCodeAt(i + 1) !== 45 || s.charCodeAt(i + 2) !== 62) {
      error(line, `missing "-->" in ${quote(s.slice(b, e))} (${TIMING_HINT})`);
      return false;
    }
    i += 3;
    while (i < e && isSpace(s.charCodeAt(i))) i++;
    const end = scanTimestamp(s, i, tsOut);
    if (end === TIME_OUT_OF_RANGE) {
      error(line, `end time is beyond ${formatSrtTimestamp(MAX_TIME_MS)} in ${quote(s.slice(b, e))}`);
      return false;
    }
    if (end < 0 || tsOut.end > e) {
      error(line, `invalid end time in ${quote(s.slice(b, e))} (${TIMING_HINT})`);
      return false;
    }
    i = tsOut.end;
    if (i < e) {
      // Some tools append `X1:… X2:… Y1:… Y2:…` coordinates; SRT has no place for them.
      if (!isCoordinates(s, i, e)) {
        error(line, `unexpected ${quote(s.slice(i, e).trim())} after the end time`);
        return false;
      }
      ignoredTail++;
      if (ignoredTail === 1) firstIgnoredTailLine = line;
    }
    if (end < start) {
      error(line, `end time ${formatSrtTimestamp(end)} is before start ${formatSrtTimestamp(start)}`);
      return false;
    }
    cueStart = start;
    cueEnd = end;
    return true;
  };

  const beginCue = (number: number, line: number): void => {
    const expected = cues.length + 1;
    if (number < 0) {
      renumbered++;
      if (renumbered === 1) firstRenumberedLine = line;
    } else if (number !== expected) {
      renumbered++;
      if (renumbered === 1) firstRenumberedLine = line;
    }
    textStart = -1;
    textEnd = -1;
    dirty = false;
    lastLineTrimmed = false;
    lastLineIsNumber = false;
    state = IN_TEXT;
  };

  while (pos < n) {
    let nl = s.indexOf('\n', pos);
    if (nl < 0) nl = n;
    lineNo++;
    const lineStart = pos;
    pos = nl + 1;
    let e = nl;
    while (e > lineStart && isSpace(s.charCodeAt(e - 1))) e--;
    let b = lineStart;
    while (b < e && isSpace(s.charCodeAt(b))) b++;

    if (b === e) {
      // Blank line: ends a cue.
      if (state === IN_TEXT) finishCue(textEnd);
      else if (state === AFTER_NUMBER)
        error(numberLine, `cue number ${numberValue} is not followed by a timing line`);
      state = BETWEEN;
      continue;
    }

    if (nextArrow >= 0 && nextArrow < b) nextArrow = s.indexOf('-->', b);
    const hasArrow = nextArrow >= 0 && nextArrow < e;

    if (hasArrow) {
      if (state === IN_TEXT) {
        // A timing line inside a cue's text: the blank line before the next cue is missing. A number
        // on the line just before it is that cue's number, not text.
        let number = -1;
        let numberAt = 0;
        if (lastLineIsNumber) {
          number = Number(s.slice(textEndBeforeLast < 0 ? textStart : textEndBeforeLast, textEnd).trim());
          numberAt = lineNo - 1;
          textEnd = textEndBeforeLast;
          if (textEnd < 0) textStart = -1;
        }
        finishCue(textEnd);
        missingBlank++;
        if (missingBlank === 1) firstMissingBlankLine = lineNo;
        if (timing(b, e, lineNo)) beginCue(number, numberAt || lineNo);
        else state = SKIPPING;
        continue;
      }
      const number = state === AFTER_NUMBER ? numberValue : -1;
      if (timing(b, e, lineNo)) beginCue(number, state === AFTER_NUMBER ? numberLine : lineNo);
      else state = SKIPPING;
      continue;
    }

    switch (state) {
      case BETWEEN:
        if (isDigits(s, b, e)) {
          numberValue = digitsValue(s, b, e);
          numberLine = lineNo;
          state = AFTER_NUMBER;
        } else {
          const head = s.slice(b, Math.min(e, b + 41));
          const quoted = quote(head, 40);
          error(
            lineNo,
            cues.length === 0 && lineNo === 1 && head.startsWith('WEBVTT')
              ? 'this is a WebVTT file, not SRT (rename it to .vtt)'
              : `text outside a cue: ${quoted} (expected a cue number or a timing line)`,
          );
          state = SKIPPING;
        }
        break;
      case AFTER_NUMBER:
        error(
          lineNo,
          `cue number ${numberValue} must be followed by a timing line, found ${quote(s.slice(b, Math.min(e, b + 41)), 40)}`,
        );
        state = SKIPPING;
        break;
      case IN_TEXT:
        if (textStart < 0) {
          textStart = lineStart;
          textEndBeforeLast = -1;
        } else {
          if (lastLineTrimmed) dirty = true;
          textEndBeforeLast = textEnd;
        }
        textEnd = e;
        lastLineTrimmed = e !== nl;
        lastLineIsNumber = isDigits(s, b, e);
        break;
      default:
        // SKIPPING: the rest of a cue already reported as an error.
        break;
    }
  }
  if (state === IN_TEXT) finishCue(textEnd);
  else if (state === AFTER_NUMBER)
    error(numberLine, `cue number ${numberValue} is not followed by a timing line`);

  if (renumbered > 0)
    warnings.push({
      line: firstRenumberedLine,
      message: `${renumbered} cue number(s) missing or out of sequence; cues are renumbered 1, 2, 3…`,
    });
  if (missingBlank > 0)
    warnings.push({
      line: firstMissingBlankLine,
      message: `${missingBlank} cue(s) not preceded by a blank line`,
    });
  if (ignoredTail > 0)
    warnings.push({
      line: firstIgnoredTailLine,
      message: `${ignoredTail} timing line(s) carry text after the end time (e.g. X1/Y1 coordinates); ignored`,
    });
  return { cues, errors, warnings, moreErrors };
}
