// WebVTT reader. Our own block scanner reads the common path (cues, file order, raw settings, the
// header, NOTE/STYLE/REGION blocks) and reports structural errors with line numbers: webvtt-parser
// ran at ~75k cues/s and made VTT parsing 6× slower than the fastest npm peer. With `strict` (behind
// `cueline check`), `webvtt-parser` (W3C's validator) also runs and decides what is valid; a
// differential fuzz test (test/fuzz) keeps both giving the same cues for every file it accepts.
import { uniqueCueIds } from './cue-ids.ts';
import webvtt from 'webvtt-parser';
import type { Cue, ParseWarning, VttBlock, VttExtras } from './model.ts';
import { formatVttTimestamp, MAX_TIME_MS, scanTimestamp, TIME_OUT_OF_RANGE } from './time.ts';
import { fromVttText } from './markup.ts';
import { isBlankChar, trimBlankEnd } from './text-lines.ts';
import { quote } from './quote.ts';

export interface VttIssue {
  line: number;
  message: string;
}

export interface VttParseResult {
  cues: Cue[];
  vtt: VttExtras;
  errors: VttIssue[];
  /** How many errors were found beyond those kept in `errors`. */
  moreErrors: number;
  warnings: ParseWarning[];
  /** From a `Language:` header line, when present. */
  headerLanguage: string | null;
}

// webvtt-parser messages that do not lose or change a cue: reported as warnings.
const RECOVERABLE = [
  'No blank line after the signature.',
  'Start timestamp is not greater than or equal to start timestamp of previous cue.',
  'Blank line missing before cue.',
  'Style blocks cannot appear after the first cue.',
  "Timestamp not separated from '-->' by whitespace.",
  "'-->' not separated from timestamp by whitespace.",
];

/** The block keyword a line [b, e) of `s` starts with (NOTE, STYLE or REGION, then its end or a blank), or null. */
function blockKind(s: string, b: number, e: number): VttBlock['kind'] | null {
  const c = s.charCodeAt(b);
  const kind = c === 78 ? 'NOTE' : c === 83 ? 'STYLE' : c === 82 ? 'REGION' : null;
  if (kind === null || b + kind.length > e || !s.startsWith(kind, b)) return null;
  const after = b + kind.length;
  return after === e || s.charCodeAt(after) === 32 || s.charCodeAt(after) === 9 ? kind : null;
}

/** A timing line's times and settings, as parseTiming leaves them (one object for the whole file). */
interface Timing {
  start: number;
  end: number;
  settings: string;
}

/**
 * Reads the timing line [b, e) of `s` into `t`: 'ok', 'bad' when it is not one, 'range' when a time
 * is past MAX_TIME_MS. `out` is scanTimestamp's.
 */
function parseTiming(
  s: string,
  b: number,
  e: number,
  t: Timing,
  out: { end: number },
): 'ok' | 'bad' | 'range' {
  const blank = (c: number): boolean => c === 32 || c === 9 || c === 12;
  let i = b;
  while (i < e && blank(s.charCodeAt(i))) i++;
  const start = scanTimestamp(s, i, out);
  if (start === TIME_OUT_OF_RANGE) return 'range';
  // WebVTT writes milliseconds after a "." only (scanTimestamp takes SRT's "," too).
  if (start < 0 || s.charCodeAt(out.end - 4) !== 46) return 'bad';
  i = out.end;
  while (i < e && blank(s.charCodeAt(i))) i++;
  if (!s.startsWith('-->', i)) return 'bad';
  i += 3;
  while (i < e && blank(s.charCodeAt(i))) i++;
  const end = scanTimestamp(s, i, out);
  if (end === TIME_OUT_OF_RANGE) return 'range';
  if (end < 0 || s.charCodeAt(out.end - 4) !== 46) return 'bad';
  t.start = start;
  t.end = end;
  t.settings = out.end === e ? '' : tidySettings(s.slice(out.end, e));
  return 'ok';
}

/** Cue settings as read and written: one line, trimmed, runs of blanks as one space. */
export function tidySettings(raw: string): string {
  return raw
    .replace(/[\r\n]+/g, ' ')
    .trim()
    .replace(/[ \t\f]+/g, ' ');
}

const MAX_ERRORS = 200;
const TIMING_HINT = 'expected "HH:MM:SS.mmm --> HH:MM:SS.mmm"';

/**
 * Reads WebVTT. One pass over the string by offsets, as the SRT reader does: an array of every line
 * (a string each) cost ~10× the file's size in memory and made time grow faster than the size.
 * Lines are split only for the strict validator (`strict`), which needs them.
 */
export function parseVtt(input: string, opts: { strict?: boolean } = {}): VttParseResult {
  const strict = opts.strict === true;
  const s = input;
  const n = s.length;
  const bom = s.charCodeAt(0) === 0xfeff ? 1 : 0;

  const errors: VttIssue[] = [];
  // What the scanner finds wrong in the file's structure; in strict mode webvtt-parser reports it.
  const structural: VttIssue[] = [];
  const warnings: ParseWarning[] = [];
  // Lines holding cue text (strict mode): webvtt-parser gets a placeholder there (see validate).
  const textLines: number[] = [];

  // The current line is [ls, le), number lineNo (from 1); `have` is false past the last one. Lines
  // end at "\r\n", "\r" or "\n", as `split(/\r\n|\r|\n/)` cuts them (a final line end is followed by
  // an empty last line). The next "\n", "\r" and "-->" are searched forward only.
  let pos = bom;
  let ls = 0;
  let le = 0;
  let lineNo = 0;
  let have = true;
  let nextLf = -2;
  let nextCr = -2;
  let nextArrow = -2;
  const advance = (): void => {
    lineNo++;
    if (pos > n) {
      have = false;
      ls = le = n;
      return;
    }
    ls = pos;
    if (nextLf < pos && nextLf !== -1) nextLf = s.indexOf('\n', pos);
    if (nextCr < pos && nextCr !== -1) nextCr = s.indexOf('\r', pos);
    let e = nextLf < 0 ? n : nextLf;
    if (nextCr >= 0 && nextCr < e) e = nextCr;
    le = e;
    pos = e === n ? n + 1 : s.charCodeAt(e) === 13 && s.charCodeAt(e + 1) === 10 ? e + 2 : e + 1;
  };
  const hasArrow = (): boolean => {
    if (nextArrow !== -1 && nextArrow < ls) nextArrow = s.indexOf('-->', ls);
    return nextArrow >= 0 && nextArrow < le;
  };

  // Block scanner following the same structure as webvtt-parser's loop.
  advance();
  const first = s.slice(ls, le);
  if (!/^WEBVTT($|[ \t])/.test(first))
    structural.push({ line: 1, message: `the first line must be "WEBVTT", found ${quote(first, 40)}` });
  const headerParts = [first.startsWith('WEBVTT') ? first.slice(6) : first];
  advance();
  while (have && ls !== le) {
    if (hasArrow()) break;
    headerParts.push(s.slice(ls, le));
    advance();
  }
  let headerLanguage: string | null = null;
  for (const h of headerParts) {
    const m = /^Language:\s*(\S+)\s*$/i.exec(h);
    if (m?.[1]) headerLanguage = m[1];
  }

  // Cues as read (their ids as the file gives them, made unique below), and the line each cue with
  // an id starts on (a duplicate id is reported at its line; cues without one need none kept).
  const cues: Cue[] = [];
  const idLines: number[] = [];
  // Each block remembers how many cues preceded it; anchored to that cue's id once ids are known.
  const rawBlocks: { kind: VttBlock['kind']; text: string; cuesBefore: number }[] = [];
  const tsOut = { end: 0 };
  const t: Timing = { start: 0, end: 0, settings: '' };
  let collected = false;
  while (have) {
    if (!collected) {
      while (have && ls === le) advance();
      if (!have) break;
    }
    collected = false;
    let id = '';
    const startLine = lineNo;
    if (!hasArrow()) {
      const kind = blockKind(s, ls, le);
      if (kind) {
        const from = ls;
        let to = le;
        advance();
        while (have && ls !== le) {
          to = le;
          advance();
        }
        // The block's lines joined with "\n", whatever ended them.
        const body = s.slice(from, to);
        rawBlocks.push({
          kind,
          text: body.includes('\r') ? body.replace(/\r\n?/g, '\n') : body,
          cuesBefore: cues.length,
        });
        continue;
      }
      id = s.slice(ls, le);
      advance();
      if (!have || ls === le || !hasArrow()) {
        structural.push({
          line: startLine,
          message: `text outside a cue: ${quote(id, 40)} (a cue identifier needs a timing line after it)`,
        });
        // The rest of the block is skipped, as webvtt-parser does.
        while (have && ls !== le && !hasArrow()) advance();
        if (have && ls !== le) collected = true;
        continue;
      }
    }
    const read = parseTiming(s, ls, le, t, tsOut);
    const timingLine = lineNo;
    const timingStart = ls;
    const timingEnd = le;
    advance();
    if (read === 'range')
      errors.push({ line: timingLine, message: `a time is beyond ${formatVttTimestamp(MAX_TIME_MS)}` });
    else if (read === 'bad')
      structural.push({
        line: timingLine,
        message: `invalid timing line ${quote(s.slice(timingStart, Math.min(timingEnd, timingStart + 81)))} (${TIMING_HINT})`,
      });
    if (read !== 'ok') {
      while (have && ls !== le) {
        if (hasArrow()) {
          collected = true;
          break;
        }
        advance();
      }
      continue;
    }
    if (t.end < t.start)
      errors.push({
        line: id ? startLine + 1 : startLine,
        message: `end time ${formatVttTimestamp(t.end)} is before start ${formatVttTimestamp(t.start)}`,
      });
    // The text is one slice of the file when its lines end in "\n" and carry no trailing blanks (most
    // do); otherwise its lines are trimmed and joined with "\n".
    let textStart = -1;
    let textEnd = -1;
    let prevEnd = -1;
    let prevTrimmed = false;
    let dirty = false;
    while (have && ls !== le) {
      if (hasArrow()) {
        collected = true;
        break;
      }
      let e = le;
      while (e > ls && isBlankChar(s.charCodeAt(e - 1))) e--;
      if (textStart < 0) textStart = ls;
      else if (prevTrimmed || ls !== prevEnd + 1 || s.charCodeAt(prevEnd) !== 10) dirty = true;
      textEnd = e;
      prevEnd = le;
      prevTrimmed = e !== le;
      if (strict) textLines.push(lineNo - 1);
      advance();
    }
    let text = '';
    if (textStart >= 0)
      text = dirty
        ? s
            .slice(textStart, textEnd)
            .split(/\r\n|\r|\n/)
            .map(trimBlankEnd)
            .join('\n')
        : s.slice(textStart, textEnd);
    const cue: Cue = { id, start: t.start, end: t.end, text: fromVttText(text) };
    if (t.settings) cue.settings = t.settings;
    cues.push(cue);
    if (id !== '') idLines.push(startLine);
  }
  if (strict) {
    const lines = (bom ? s.slice(1) : s).split(/\r\n|\r|\n/);
    validate(lines, textLines, cues.length, errors, warnings);
  } else for (const e of structural) errors.push(e);
  errors.sort((a, b) => a.line - b.line);
  // Kept like the SRT reader's: the first 200, and how many more.
  const moreErrors = Math.max(0, errors.length - MAX_ERRORS);
  if (moreErrors > 0) errors.length = MAX_ERRORS;

  // Ids: the file's identifiers when it has any (generated for cues without one), else positional.
  const cueIds = cues.some((c) => c.id !== '');
  let dup = 0;
  let dupLine = 0;
  // Without identifiers the ids are 1…n, unique by construction: no set of them to build.
  if (!cueIds) for (let k = 0; k < cues.length; k++) (cues[k] as Cue).id = String(k + 1);
  else {
    const given = cues.map((c) => c.id);
    const unique = uniqueCueIds(given);
    for (let k = 0; k < cues.length; k++) (cues[k] as Cue).id = unique.ids[k] ?? '';
    dup = unique.duplicates;
    if (dup > 0) {
      // The line of the first duplicate: idLines holds one line per cue that has an identifier.
      let withId = 0;
      for (let k = 0; k <= unique.firstDuplicate; k++) if (given[k] !== '') withId++;
      dupLine = idLines[withId - 1] ?? 0;
    }
  }
  if (dup > 0) warnings.push({ line: dupLine, message: `${dup} duplicate cue identifier(s) made unique` });

  const blocks: VttBlock[] = rawBlocks.map((b) => ({
    kind: b.kind,
    text: b.text,
    afterCueId: b.cuesBefore === 0 ? null : (cues[b.cuesBefore - 1]?.id ?? null),
  }));
  return {
    cues,
    vtt: { header: headerParts.join('\n'), blocks, cueIds },
    errors,
    moreErrors,
    warnings,
    headerLanguage,
  };
}

/** Strict mode: webvtt-parser over the same lines; its errors and warnings join ours. */
function validate(
  lines: string[],
  textLines: number[],
  scannedCues: number,
  errors: VttIssue[],
  warnings: ParseWarning[],
): void {
  // webvtt-parser 2.2 predates REGION blocks and would take one for a broken cue; it sees them as
  // NOTEs (same line count, so its line numbers stay right); a line with "-->" is a (broken) cue.
  // Cue text is taken from the scanner and parsed in 'metadata' mode (markup errors are not
  // reported), so webvtt-parser gets a one-character placeholder on those lines: same structure
  // (non-empty, no "-->"), none of its slow per-character cue text tokenising.
  const forParser = lines.map((l) => (/^REGION($|[ \t])/.test(l) && !l.includes('-->') ? 'NOTE' : l));
  for (const k of textLines) forParser[k] = 'x';
  const parsed = new webvtt.WebVTTParser().parse(forParser.join('\n'), 'metadata');

  for (const e of parsed.errors) {
    if (RECOVERABLE.includes(e.message)) warnings.push({ line: e.line, message: e.message });
    else if (e.message === 'End timestamp is not greater than start timestamp.') {
      // Equal times are a zero-length cue (flagged by the rules); only end < start is refused below.
    } else if (/setting|alignment|position|Writing direction|Size/i.test(e.message))
      warnings.push({ line: e.line, message: `${e.message} (kept as written)` });
    // webvtt-parser notices a standalone identifier on the line after it: name the identifier's line.
    else if (e.message === 'Cue identifier cannot be standalone.')
      errors.push({ line: e.line - 1, message: e.message });
    else errors.push({ line: e.line, message: e.message });
  }

  errors.sort((a, b) => a.line - b.line);
  if (errors.length === 0 && scannedCues !== parsed.cues.length)
    errors.push({
      line: 1,
      message: `read ${scannedCues} cues but the WebVTT validator read ${parsed.cues.length}; refusing to guess`,
    });
}
