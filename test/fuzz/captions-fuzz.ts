// Fuzzing the caption readers, the decoder and the writers (issue 15). Shared by `npm run fuzz`
// (scripts/fuzz.ts: many runs, a tally) and the unit tests (test/unit/captions/fuzz.spec.ts: a fixed
// seed and count, shrunk to a minimal case on failure).
//
// Every input ends in one of these outcomes:
//  - ok: read (or written) and the result survives a round trip;
//  - refused: the input is bad and Cueline says so with a bounded error naming the file/line or cue;
//  - self-refusal: Cueline wrote something it then refuses to read (a bug);
//  - crash: an exception that is not a CuelineError, or a refusal without a location (a bug);
//  - mismatch: read(write(t)) differs from t although the writer reported no change (a bug).
import fc from 'fast-check';
import { CuelineError } from '../../shared/errors.ts';
import { decodeCaptionBytes } from '../../shared/captions/encoding.ts';
import type { Cue, Track, VttBlock } from '../../shared/captions/model.ts';
import { parseCaptions } from '../../shared/captions/read.ts';
import type { CaptionFormat } from '../../shared/captions/read.ts';
import { MAX_TIME_MS } from '../../shared/captions/time.ts';
import { writeCaptions } from '../../shared/captions/write.ts';
import { encodeCaptionText } from '../../main/services/captions/encode-text.ts';
import webvtt from 'webvtt-parser';
import { fromVttText } from '../../shared/captions/markup.ts';
import { trimBlankEnd } from '../../shared/captions/text-lines.ts';

export type Outcome = 'ok' | 'refused' | 'self-refusal' | 'crash' | 'mismatch';

export interface Verdict {
  outcome: Outcome;
  detail?: string;
}

/** An error message may quote ~80 characters of the input; anything much longer is unbounded. */
const MAX_MESSAGE = 400;

// Pieces that have broken readers and writers before: tags (lone, closing, WebVTT-only, <font>),
// "-->" and its halves, line ends of every kind, blank lines, timing lines, block keywords, control
// characters, lone surrogates, BOMs, entities.
const FRAGMENTS = [
  '\n',
  '\r',
  '\r\n',
  '\n\n',
  '\n \n',
  '-->',
  '--',
  '>',
  '-',
  '<v Bob>',
  '</v>',
  '<i>',
  '</i>',
  '<b.loud>',
  '<font color="red">',
  '</font>',
  '<c.x>',
  '</c>',
  '<00:01.000>',
  '<ruby>',
  '<rt>',
  '&amp;',
  '&lt;',
  '&#0;',
  '&',
  '<',
  ' ',
  '\t',
  '\u00a0',
  '\u3000',
  '\ufeff',
  '\0',
  '\u0001',
  '\u000b',
  '\u000c',
  '\u2028',
  '1',
  '42',
  '00:00:01,000 --> 00:00:02,000',
  '00:01.000 --> 00:02.000',
  '99999:00:00,000',
  ' X1:1 Y1:2',
  'WEBVTT',
  'NOTE',
  'STYLE',
  'REGION',
  'Language: fr',
  '\ud800',
  '\udc00',
  '😀',
  'é',
];

const fragment = fc.constantFrom(...FRAGMENTS);

/** Any text, weighted towards the pieces above. */
export const nastyText: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: fragment },
      { weight: 2, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 6 }) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
    ),
    { maxLength: 10 },
  )
  .map((parts) => parts.join(''));

/** Times a model may hold, writable or not (negative, fractional, past the limit, not a number). */
const time = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 10 * 3_600_000 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: MAX_TIME_MS }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(MAX_TIME_MS, MAX_TIME_MS + 1, -1, 0.5, 1e21, Number.NaN, Infinity),
  },
);

const settings = fc.oneof(
  fc.constantFrom('', 'align:start', 'line:0 position:10%', 'size:80% vertical:rl', 'align:middle'),
  nastyText,
);

/** Mostly a start and a duration; sometimes two unrelated times (end before start, unwritable ones). */
const times = fc.oneof(
  {
    weight: 9,
    arbitrary: fc
      .tuple(fc.integer({ min: 0, max: 10 * 3_600_000 }), fc.integer({ min: 0, max: 20_000 }))
      .map(([start, duration]) => ({ start, end: start + duration })),
  },
  { weight: 1, arbitrary: fc.record({ start: time, end: time }) },
);

const cue = fc
  .tuple(times, fc.record({ id: nastyText, text: nastyText, settings }))
  .map(([t, rest]) => ({ ...rest, ...t }));

const block: fc.Arbitrary<Omit<VttBlock, 'afterCueId'> & { at: number }> = fc.record({
  kind: fc.constantFrom('NOTE' as const, 'STYLE' as const, 'REGION' as const),
  text: nastyText,
  at: fc.integer({ min: -1, max: 8 }),
});

/** A track as an editor or a reader could hand it to a writer: anything in every field. */
export const nastyTrack: fc.Arbitrary<Track> = fc
  .record({
    cues: fc.array(cue, { maxLength: 8 }),
    vtt: fc.option(
      fc.record({ header: nastyText, blocks: fc.array(block, { maxLength: 3 }), cueIds: fc.boolean() }),
      { nil: undefined },
    ),
  })
  .map(({ cues, vtt }) => {
    const list: Cue[] = cues.map((c) => {
      const { settings: s, ...rest } = c;
      return s ? { ...rest, settings: s } : rest;
    });
    const track: Track = { language: 'en', label: 'English', cues: list };
    if (vtt)
      track.vtt = {
        header: vtt.header,
        cueIds: vtt.cueIds,
        blocks: vtt.blocks.map(({ at, ...b }) => ({
          ...b,
          text: `${b.kind}${b.text}`,
          afterCueId: at < 0 ? null : (list[at]?.id ?? 'gone'),
        })),
      };
    return track;
  });

export const format = fc.constantFrom<CaptionFormat>('srt', 'vtt');

/** A written file, then mangled: pieces inserted, ranges deleted, lines repeated. */
export const mutatedFile: fc.Arbitrary<{ text: string; format: CaptionFormat }> = fc
  .tuple(
    nastyTrack,
    format,
    fc.array(
      fc.tuple(fc.constantFrom('insert', 'delete', 'repeat'), fc.nat(), fc.nat({ max: 40 }), nastyText),
      { maxLength: 6 },
    ),
  )
  .map(([track, fmt, edits]) => {
    let text: string;
    try {
      text = writeCaptions(track, fmt).text;
    } catch {
      text = fmt === 'vtt' ? 'WEBVTT\n\n' : '';
    }
    for (const [kind, at, len, piece] of edits) {
      const p = text.length === 0 ? 0 : at % (text.length + 1);
      if (kind === 'insert') text = text.slice(0, p) + piece + text.slice(p);
      else if (kind === 'delete') text = text.slice(0, p) + text.slice(p + len);
      else {
        const lineStart = text.lastIndexOf('\n', p - 1) + 1;
        const lineEnd = text.indexOf('\n', p);
        const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd + 1);
        text = text.slice(0, lineStart) + line + text.slice(lineStart);
      }
    }
    return { text, format: fmt };
  });

/** Raw bytes for the decoder: random, or a text encoded in a way files come (UTF-16 with/without BOM, Latin-1). */
export const captionBytes: fc.Arbitrary<{ bytes: Uint8Array; format: CaptionFormat }> = fc.oneof(
  fc.record({ bytes: fc.uint8Array({ maxLength: 64 }), format }),
  fc
    .tuple(mutatedFile, fc.constantFrom('utf-8', 'utf-16le', 'utf-16be', 'latin1', 'bare-utf-16le'))
    .map(([{ text, format: fmt }, enc]) => {
      let bytes: Uint8Array;
      if (enc === 'utf-8') bytes = new TextEncoder().encode(text);
      else if (enc === 'bare-utf-16le') bytes = new Uint8Array(Buffer.from(text, 'utf16le'));
      else {
        try {
          bytes = encodeCaptionText(text, enc);
        } catch {
          bytes = new TextEncoder().encode(text);
        }
      }
      return { bytes, format: fmt };
    }),
);

function describe(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message.slice(0, 200)}` : String(err).slice(0, 200);
}

/** A refusal is fine when it is a CuelineError, short, and names where (`file:line:` or `cue N:`). */
function judgeRefusal(err: unknown, located: RegExp): Verdict {
  if (!(err instanceof CuelineError)) return { outcome: 'crash', detail: describe(err) };
  // The message, and in JSON every error listed (at most 200 of them), each of bounded length.
  const listed = (err.details as { errors?: { message: string }[] } | undefined)?.errors ?? [];
  const longest = Math.max(err.message.length, ...listed.slice(0, 201).map((e) => e.message.length));
  if (longest > MAX_MESSAGE || listed.length > 200)
    return { outcome: 'crash', detail: `unbounded error (${longest} chars, ${listed.length} listed)` };
  if (!located.test(err.message)) return { outcome: 'crash', detail: `unlocated: ${describe(err)}` };
  return { outcome: 'refused' };
}

const FILE_LINE = /^x\.en\.(srt|vtt):\d+: /;
const CUE_N = /^cue \d+: /;

/** What Cueline writes from `track` it reads back: the same cues, or a change the writer reported. */
export function writeThenRead(track: Track, fmt: CaptionFormat): Verdict {
  let written: ReturnType<typeof writeCaptions>;
  try {
    written = writeCaptions(track, fmt);
  } catch (err) {
    return judgeRefusal(err, CUE_N);
  }
  const fileName = `x.en.${fmt}`;
  let back: Track;
  try {
    // Through the bytes a file holds: UTF-8 out, detected and decoded in.
    const bytes = encodeCaptionText(written.text, 'utf-8', fileName);
    const decoded = decodeCaptionBytes(bytes);
    if (decoded.text !== written.text)
      return { outcome: 'mismatch', detail: 'bytes did not decode to the text' };
    back = parseCaptions(decoded.text, { fileName }).track;
    // And `cueline check`'s strict reader (webvtt-parser behind it) accepts it too.
    if (fmt === 'vtt') parseCaptions(decoded.text, { fileName, strict: true });
  } catch (err) {
    return { outcome: err instanceof CuelineError ? 'self-refusal' : 'crash', detail: describe(err) };
  }
  if (written.notes.length === 0) {
    const want = track.cues.map((c) => [c.start, c.end, c.text]);
    const got = back.cues.map((c) => [c.start, c.end, c.text]);
    if (JSON.stringify(want) !== JSON.stringify(got))
      return { outcome: 'mismatch', detail: `read back ${JSON.stringify(got).slice(0, 200)}` };
  }
  return writtenIsFixedPoint(back, fmt, written.text);
}

const content = (t: Track): string => JSON.stringify(t.cues.map((c) => [c.start, c.end, c.text, c.settings]));

/**
 * Writing what was read from Cueline's own file keeps every cue as it was, and from then on gives
 * the same file (the first write may still tidy what the model held: a generated id, a header).
 */
function writtenIsFixedPoint(back: Track, fmt: CaptionFormat, text: string): Verdict {
  const fileName = `x.en.${fmt}`;
  try {
    const again = writeCaptions(back, fmt).text;
    const second = parseCaptions(again, { fileName }).track;
    if (content(second) !== content(back))
      return { outcome: 'mismatch', detail: 'rewriting changed the cues' };
    if (again === text) return { outcome: 'ok' };
    const third = writeCaptions(second, fmt).text;
    if (third !== again)
      return { outcome: 'mismatch', detail: 'writing what was read back keeps changing the file' };
  } catch (err) {
    return {
      outcome: err instanceof CuelineError ? 'self-refusal' : 'crash',
      detail: `rewrite: ${describe(err)}`,
    };
  }
  return { outcome: 'ok' };
}

/** A file from anywhere: a located refusal, or a track whose written file Cueline reads back. */
export function readThenWrite(text: string, fmt: CaptionFormat): Verdict {
  let track: Track;
  try {
    track = parseCaptions(text, { fileName: `x.en.${fmt}` }).track;
  } catch (err) {
    return judgeRefusal(err, FILE_LINE);
  }
  const v = writeThenRead(track, fmt);
  // A time the reader accepted must be writable: refusing it now would be refusing our own input.
  return v.outcome === 'refused' ? { outcome: 'self-refusal', detail: 'read a time it cannot write' } : v;
}

/** Bytes from anywhere: decoded (or refused with an encoding error), then read. */
export function decodeThenRead(bytes: Uint8Array, fmt: CaptionFormat): Verdict {
  let text: string;
  try {
    text = decodeCaptionBytes(bytes).text;
  } catch (err) {
    return err instanceof CuelineError ? { outcome: 'refused' } : { outcome: 'crash', detail: describe(err) };
  }
  return readThenWrite(text, fmt);
}

/**
 * The fast WebVTT reader against webvtt-parser, the W3C validator behind `check`: for every file the
 * strict reader accepts, the fast one accepts it too and reads the same cues as webvtt-parser does
 * on its own (times, identifiers, text; webvtt-parser turns NUL into U+FFFD, as the spec says).
 */
export function fastVsStrict(text: string): Verdict {
  const fileName = 'x.en.vtt';
  try {
    parseCaptions(text, { fileName, strict: true });
  } catch (err) {
    return judgeRefusal(err, FILE_LINE);
  }
  let fast: Track;
  try {
    fast = parseCaptions(text, { fileName }).track;
  } catch (err) {
    return {
      outcome: 'mismatch',
      detail: `the strict reader accepts, the fast one refuses: ${describe(err)}`,
    };
  }
  const w3c = new webvtt.WebVTTParser().parse(text, 'metadata');
  const norm = (t: string): string =>
    fromVttText(
      t
        .split(/\r\n|\r|\n/)
        .map(trimBlankEnd)
        .join('\n'),
    ).replaceAll('\0', '\ufffd');
  const theirs = w3c.cues.map((c) => [
    Math.round(c.startTime * 1000),
    Math.round(c.endTime * 1000),
    norm(c.text),
  ]);
  const ours = fast.cues.map((c) => [c.start, c.end, c.text.replaceAll('\0', '\ufffd')]);
  // webvtt-parser hands its cues back sorted by time; ours keep file order.
  const sorted = (l: (string | number)[][]): string => JSON.stringify(l.map((c) => JSON.stringify(c)).sort());
  if (sorted(theirs) !== sorted(ours))
    return {
      outcome: 'mismatch',
      detail: `fast ${JSON.stringify(ours).slice(0, 150)} w3c ${JSON.stringify(theirs).slice(0, 150)}`,
    };
  // Identifiers the file gives are kept (ours de-duplicates them and fills in the missing ones).
  const mine = new Set(fast.cues.map((c) => c.id.replaceAll('\0', '\ufffd')));
  for (const c of w3c.cues) {
    const id = c.id.replaceAll('\0', '\ufffd');
    if (id !== '' && !mine.has(id)) return { outcome: 'mismatch', detail: `cue identifier ${id} lost` };
  }
  return { outcome: 'ok' };
}

export interface FuzzTarget {
  name: string;
  arbitrary: fc.Arbitrary<unknown>;
  check: (input: unknown) => Verdict;
}

export const targets: FuzzTarget[] = [
  {
    name: 'writers: any track → write → read',
    arbitrary: fc.tuple(nastyTrack, format),
    check: (x) => writeThenRead(...(x as [Track, CaptionFormat])),
  },
  {
    name: 'readers: mutated file → read → write → read',
    arbitrary: mutatedFile,
    check: (x) => {
      const { text, format: fmt } = x as { text: string; format: CaptionFormat };
      return readThenWrite(text, fmt);
    },
  },
  {
    name: 'decoder: bytes → decode → read → write → read',
    arbitrary: captionBytes,
    check: (x) => {
      const { bytes, format: fmt } = x as { bytes: Uint8Array; format: CaptionFormat };
      return decodeThenRead(bytes, fmt);
    },
  },
  {
    name: 'differential: fast WebVTT reader = webvtt-parser on files it accepts',
    arbitrary: fc.oneof(
      mutatedFile.filter((f) => f.format === 'vtt').map((f) => f.text),
      fc.tuple(nastyTrack, fc.array(fc.tuple(fc.nat(), nastyText), { maxLength: 2 })).map(([track, ins]) => {
        let text = 'WEBVTT\n\n';
        try {
          text = writeCaptions(track, 'vtt').text;
        } catch {
          // an unwritable track: the bare signature, mutated below
        }
        for (const [at, piece] of ins) {
          const p = at % (text.length + 1);
          text = text.slice(0, p) + piece + text.slice(p);
        }
        return text;
      }),
    ),
    check: (x) => fastVsStrict(x as string),
  },
];

export const BAD_OUTCOMES: ReadonlySet<Outcome> = new Set(['crash', 'self-refusal', 'mismatch']);
