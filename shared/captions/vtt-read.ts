// WebVTT reader. Our own block scanner reads the common path (cues, file order, raw settings, the
// header, NOTE/STYLE/REGION blocks) and reports structural errors with line numbers: webvtt-parser
// ran at ~75k cues/s and made VTT parsing 6× slower than the fastest npm peer. With `strict` (behind
// `cueline check`), `webvtt-parser` (W3C's validator) also runs and decides what is valid; a
// differential fuzz test (test/fuzz) keeps both giving the same cues for every file it accepts.
import webvtt from 'webvtt-parser';
import type { Cue, ParseWarning, VttBlock, VttExtras } from './model.ts';
import { formatVttTimestamp, MAX_TIME_MS, scanTimestamp, TIME_OUT_OF_RANGE } from './time.ts';
import { fromVttText } from './markup.ts';
import { trimBlankEnd } from './text-lines.ts';
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

const BLOCK_RE = /^(NOTE|STYLE|REGION)($|[ \t])/;

interface ScannedCue {
  line: number;
  id: string;
  start: number;
  end: number;
  settings: string;
  text: string;
}

/** A timing line's times and settings; null when it is not one, 'range' when a time is past MAX_TIME_MS. */
function parseTiming(line: string): { start: number; end: number; settings: string } | 'range' | null {
  const out = { end: 0 };
  let i = 0;
  while (line[i] === ' ' || line[i] === '\t' || line[i] === '\f') i++;
  const start = scanTimestamp(line, i, out);
  if (start === TIME_OUT_OF_RANGE) return 'range';
  // WebVTT writes milliseconds after a "." only (scanTimestamp takes SRT's "," too).
  if (start < 0 || line.charCodeAt(out.end - 4) !== 46) return null;
  i = out.end;
  while (line[i] === ' ' || line[i] === '\t' || line[i] === '\f') i++;
  if (!line.startsWith('-->', i)) return null;
  i += 3;
  while (line[i] === ' ' || line[i] === '\t' || line[i] === '\f') i++;
  const end = scanTimestamp(line, i, out);
  if (end === TIME_OUT_OF_RANGE) return 'range';
  if (end < 0 || line.charCodeAt(out.end - 4) !== 46) return null;
  return { start, end, settings: tidySettings(line.slice(out.end)) };
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

export function parseVtt(input: string, opts: { strict?: boolean } = {}): VttParseResult {
  const strict = opts.strict === true;
  const lines = input.split(/\r\n|\r|\n/);
  if (lines[0]?.startsWith('\ufeff')) lines[0] = lines[0].slice(1);

  const errors: VttIssue[] = [];
  // What the scanner finds wrong in the file's structure; in strict mode webvtt-parser reports it.
  const structural: VttIssue[] = [];
  const warnings: ParseWarning[] = [];
  // Lines holding cue text (strict mode): webvtt-parser gets a placeholder there (see validate).
  const textLines: number[] = [];

  // Block scanner following the same structure as webvtt-parser's loop.
  const first = lines[0] ?? '';
  if (!/^WEBVTT($|[ \t])/.test(first))
    structural.push({ line: 1, message: `the first line must be "WEBVTT", found ${quote(first, 40)}` });
  const headerParts = [first.startsWith('WEBVTT') ? first.slice(6) : first];
  let i = 1;
  while (i < lines.length && lines[i] !== '') {
    if ((lines[i] ?? '').includes('-->')) break;
    headerParts.push(lines[i] ?? '');
    i++;
  }
  let headerLanguage: string | null = null;
  for (const h of headerParts) {
    const m = /^Language:\s*(\S+)\s*$/i.exec(h);
    if (m?.[1]) headerLanguage = m[1];
  }

  const scanned: ScannedCue[] = [];
  // Each block remembers how many cues preceded it; anchored to that cue's id once ids are known.
  const rawBlocks: { kind: VttBlock['kind']; text: string; cuesBefore: number }[] = [];
  let collected = false;
  while (i < lines.length) {
    if (!collected) {
      while (i < lines.length && lines[i] === '') i++;
      if (i >= lines.length) break;
    }
    collected = false;
    let line = lines[i] ?? '';
    let id = '';
    const startLine = i + 1;
    if (!line.includes('-->')) {
      const m = BLOCK_RE.exec(line);
      if (m) {
        const body = [line];
        i++;
        while (i < lines.length && lines[i] !== '') body.push(lines[i++] ?? '');
        rawBlocks.push({ kind: m[1] as VttBlock['kind'], text: body.join('\n'), cuesBefore: scanned.length });
        continue;
      }
      id = line;
      i++;
      line = lines[i] ?? '';
      if (line === '' || !line.includes('-->')) {
        structural.push({
          line: startLine,
          message: `text outside a cue: ${quote(id, 40)} (a cue identifier needs a timing line after it)`,
        });
        // The rest of the block is skipped, as webvtt-parser does.
        while (i < lines.length && lines[i] !== '' && !(lines[i] ?? '').includes('-->')) i++;
        if (i < lines.length && lines[i] !== '') collected = true;
        continue;
      }
    }
    const t = parseTiming(line);
    i++;
    if (t === 'range')
      errors.push({ line: i, message: `a time is beyond ${formatVttTimestamp(MAX_TIME_MS)}` });
    else if (!t) structural.push({ line: i, message: `invalid timing line ${quote(line)} (${TIMING_HINT})` });
    if (!t || t === 'range') {
      while (i < lines.length && lines[i] !== '') {
        if ((lines[i] ?? '').includes('-->')) {
          collected = true;
          break;
        }
        i++;
      }
      continue;
    }
    if (t.end < t.start)
      errors.push({
        line: id ? startLine + 1 : startLine,
        message: `end time ${formatVttTimestamp(t.end)} is before start ${formatVttTimestamp(t.start)}`,
      });
    // Most cues have one line: it is the text, with no array to join.
    let text: string | null = null;
    let more: string[] | null = null;
    while (i < lines.length && lines[i] !== '') {
      const l = lines[i] ?? '';
      if (l.includes('-->')) {
        collected = true;
        break;
      }
      const trimmed = trimBlankEnd(l);
      if (text === null) text = trimmed;
      else (more ??= [text]).push(trimmed);
      if (strict) textLines.push(i);
      i++;
    }
    scanned.push({
      line: startLine,
      id,
      start: t.start,
      end: t.end,
      settings: t.settings,
      text: more ? more.join('\n') : (text ?? ''),
    });
  }
  if (strict) validate(lines, textLines, scanned.length, errors, warnings);
  else for (const e of structural) errors.push(e);
  errors.sort((a, b) => a.line - b.line);
  // Kept like the SRT reader's: the first 200, and how many more.
  const moreErrors = Math.max(0, errors.length - MAX_ERRORS);
  if (moreErrors > 0) errors.length = MAX_ERRORS;

  // Ids: the file's identifiers when it has any (generated for cues without one), else positional.
  const cueIds = scanned.some((c) => c.id !== '');
  const used = new Set<string>();
  // Per base ("" or "id-"), the number to try next: it only grows, so the search for a free id is
  // linear over the whole file (starting at k + 1 for every cue was quadratic when ids M+1…2M were
  // followed by M cues without one).
  const nextFor = new Map<string, number>();
  let dup = 0;
  let dupLine = 0;
  const cues: Cue[] = scanned.map((c, k) => {
    let id = cueIds ? c.id : String(k + 1);
    if (id === '' || used.has(id)) {
      if (id !== '') {
        dup++;
        if (dup === 1) dupLine = c.line;
      }
      const base = id === '' ? '' : id + '-';
      let n = Math.max(k + 1, nextFor.get(base) ?? 0);
      while (used.has(base + n)) n++;
      nextFor.set(base, n + 1);
      id = base + n;
    }
    used.add(id);
    const cue: Cue = { id, start: c.start, end: c.end, text: fromVttText(c.text) };
    if (c.settings) cue.settings = c.settings;
    return cue;
  });
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
