import { CuelineError } from '../errors.ts';

// Timestamps and frame arithmetic. Frame rates are exact fractions so that NTSC rates
// (23.976 = 24000/1001) snap and nudge without drift.

export interface FrameRate {
  num: number;
  den: number;
}

export const FRAME_RATES = {
  '23.976': { num: 24000, den: 1001 },
  '24': { num: 24, den: 1 },
  '25': { num: 25, den: 1 },
  '29.97': { num: 30000, den: 1001 },
  '30': { num: 30, den: 1 },
  '50': { num: 50, den: 1 },
  '59.94': { num: 60000, den: 1001 },
  '60': { num: 60, den: 1 },
} as const satisfies Record<string, FrameRate>;

/** Parses `24`, `23.976`, `29.97`, `24000/1001` into an exact fraction (NTSC decimals map to x/1001). */
export function parseFrameRate(s: string): FrameRate | null {
  const t = s.trim();
  const frac = /^(\d+)\/(\d+)$/.exec(t);
  if (frac) {
    const num = Number(frac[1]);
    const den = Number(frac[2]);
    return num > 0 && den > 0 ? { num, den } : null;
  }
  if (!/^\d+(\.\d+)?$/.test(t)) return null;
  const v = Number(t);
  if (!(v > 0)) return null;
  // NTSC rates are written rounded (23.976, 29.97, 59.94); they are really N*1000/1001.
  const ntsc = Math.round(v * 1.001);
  if (!Number.isInteger(v) && Math.abs((ntsc * 1000) / 1001 - v) < 0.005)
    return { num: ntsc * 1000, den: 1001 };
  if (Number.isInteger(v)) return { num: v, den: 1 };
  const decimals = t.split('.')[1]?.length ?? 0;
  const den = 10 ** decimals;
  return { num: Math.round(v * den), den };
}

/**
 * The frame shown at `ms`. Frame starts are whole milliseconds (frameToMs rounds), so frame n covers
 * [frameToMs(n), frameToMs(n + 1)): a time snapped to a frame maps back to that frame.
 */
export function msToFrame(ms: number, rate: FrameRate): number {
  let f = Math.floor((ms * rate.num) / (1000 * rate.den));
  if (frameToMs(f + 1, rate) <= ms) f++;
  else if (frameToMs(f, rate) > ms) f--;
  return f;
}

/** Start of frame `frame`, rounded to the nearest millisecond. */
export function frameToMs(frame: number, rate: FrameRate): number {
  return Math.round((frame * 1000 * rate.den) / rate.num);
}

/** The nearest frame boundary to `ms`. */
export function snapToFrame(ms: number, rate: FrameRate): number {
  return frameToMs(Math.round((ms * rate.num) / (1000 * rate.den)), rate);
}

/** Moves `ms` by whole frames, landing on a frame boundary (never below 0). */
export function nudgeFrames(ms: number, frames: number, rate: FrameRate): number {
  const f = Math.round((ms * rate.num) / (1000 * rate.den)) + frames;
  return Math.max(0, frameToMs(f, rate));
}

/** Duration of `frames` frames in ms (for gap rules given in frames). */
export function framesToDurationMs(frames: number, rate: FrameRate): number {
  return (frames * 1000 * rate.den) / rate.num;
}

/**
 * The latest time Cueline reads and writes, 9999:59:59.999: beyond it hours stop being exact numbers
 * (a 19-digit hour field came back as `1.0000000000000001e+21`), and no video is that long.
 */
export const MAX_TIME_MS = 10_000 * 3_600_000 - 1;
/** What scanTimestamp returns for a well-formed timestamp later than MAX_TIME_MS. */
export const TIME_OUT_OF_RANGE = -2;

/** Why a cue's times cannot be written (negative, fractional, past MAX_TIME_MS, end before start), or null. */
export function cueTimesProblem(start: number, end: number): string | null {
  // The writers' hot path: two checks per cue, no allocation.
  if (Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end >= start && end <= MAX_TIME_MS)
    return null;
  for (const [name, t] of [
    ['start', start],
    ['end', end],
  ] as const) {
    if (!Number.isInteger(t) || t < 0)
      return `${name} time ${String(t)} is not a whole number of milliseconds ≥ 0`;
    if (t > MAX_TIME_MS) return `${name} time is beyond ${formatTimestamp(MAX_TIME_MS, '.')}`;
  }
  if (end < start)
    return `end time ${formatTimestamp(end, '.')} is before start ${formatTimestamp(start, '.')}`;
  return null;
}

/** The writers' check: a cue whose times cannot be written is a located error, never a file we then refuse. */
export function assertWritableTimes(start: number, end: number, index: number): void {
  const problem = cueTimesProblem(start, end);
  if (problem)
    throw new CuelineError('subtitle.time', `cue ${index + 1}: ${problem}; nothing was written`, {
      cue: index + 1,
    });
}

// Zero-padded fields from tables: the writers format two timestamps per cue. MMSS holds the 3,600
// `MM:SS` of an hour, so a timestamp is four pieces joined.
const PAD2 = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));
const PAD3 = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));
const MMSS = Array.from({ length: 3600 }, (_, i) => `${PAD2[Math.floor(i / 60)]}:${PAD2[i % 60]}`);

/** `HH:MM:SS,mmm` (SRT) or `HH:MM:SS.mmm` (WebVTT). */
export function formatTimestamp(ms: number, sep: ',' | '.'): string {
  const t = Math.max(0, Math.round(ms));
  const s = Math.floor(t / 1000);
  const h = Math.floor(s / 3600);
  return (h < 100 ? PAD2[h] : String(h)) + ':' + MMSS[s % 3600] + sep + PAD3[t % 1000];
}

const fromCodes = String.fromCharCode;

/** `DIGITS[3 * n + k]` is the character code of n's k-th digit, zero-padded to three (n < 1000). */
const DIGITS = Uint8Array.from(
  { length: 3000 },
  (_, i) => 48 + (Math.floor(Math.floor(i / 3) / 10 ** (2 - (i % 3))) % 10),
);

/** The character code of `n`'s digit `k` (0 hundreds, 1 tens, 2 ones); n < 1000. */
function digit(n: number, k: number): number {
  return DIGITS[3 * n + k] ?? 48;
}

/** What cueHead writes before the timing: up to two line breaks and a number of up to six digits. */
const HEAD_PREFIX = 8;
/** 100 hours in milliseconds: from here on, hours take three digits or more. */
const HOURS_100 = 100 * 3_600_000;

/**
 * `HEAD_PREFIX` characters (filler, two line breaks, `number`'s digits, right-aligned), a line
 * break, `start --> end`, a line break: the longest SRT cue head, from which formatSrtHead and
 * formatTiming slice what they write. The writers' hot path: one string from its character codes,
 * two divisions per time and tables for the digits (a division and a remainder per digit cost
 * ~10% of an SRT write), where joining the pieces allocated a string per join. `a`, `b`: whole
 * milliseconds under 100 hours; `lead`: how many leading characters are filler.
 */
function cueHead(number: number, lead: number, a: number, b: number, sep: number): string {
  const sa = (a / 1000) | 0;
  const sb = (b / 1000) | 0;
  const fa = a - sa * 1000;
  const fb = b - sb * 1000;
  const ha = (sa / 3600) | 0;
  const hb = (sb / 3600) | 0;
  const ma = ((sa - ha * 3600) / 60) | 0;
  const mb = ((sb - hb * 3600) / 60) | 0;
  const xa = sa % 60;
  const xb = sb % 60;
  const hi = (number / 1000) | 0;
  const lo = number - hi * 1000;
  // prettier-ignore
  return fromCodes(
    slot(0, lead, 0), slot(1, lead, 0), slot(2, lead, digit(hi, 0)), slot(3, lead, digit(hi, 1)),
    slot(4, lead, digit(hi, 2)), slot(5, lead, digit(lo, 0)), slot(6, lead, digit(lo, 1)), digit(lo, 2), 10,
    digit(ha, 1), digit(ha, 2), 58, digit(ma, 1), digit(ma, 2), 58, digit(xa, 1), digit(xa, 2), sep, digit(fa, 0), digit(fa, 1), digit(fa, 2),
    32, 45, 45, 62, 32,
    digit(hb, 1), digit(hb, 2), 58, digit(mb, 1), digit(mb, 2), 58, digit(xb, 1), digit(xb, 2), sep, digit(fb, 0), digit(fb, 1), digit(fb, 2),
    10,
  );
}

/** cueHead's prefix character `i`: filler before `lead`, then the two line breaks, then the number's digit. */
function slot(i: number, lead: number, numberDigit: number): number {
  return i < lead ? 32 : i < lead + 2 ? 10 : numberDigit;
}

/** A cue's timing, `start --> end`, as formatTimestamp writes each time. */
export function formatTiming(start: number, end: number, sep: ',' | '.'): string {
  const a = Math.max(0, Math.round(start));
  const b = Math.max(0, Math.round(end));
  if (a >= HOURS_100 || b >= HOURS_100) return formatTimestamp(a, sep) + ' --> ' + formatTimestamp(b, sep);
  return cueHead(0, HEAD_PREFIX, a, b, sep === ',' ? 44 : 46).slice(HEAD_PREFIX + 1, -1);
}

/**
 * An SRT cue's head: `breaks` line breaks (what ends the cue before: 2 after its text, 1 after an
 * empty cue, 0 before the first cue), its number, and its timing line with the line break after it.
 * Joined to the text before it, this is one piece per cue instead of four.
 */
export function formatSrtHead(number: number, start: number, end: number, breaks: 0 | 1 | 2): string {
  const a = Math.max(0, Math.round(start));
  const b = Math.max(0, Math.round(end));
  if (a >= HOURS_100 || b >= HOURS_100 || number >= 1_000_000 || number < 0)
    return '\n\n'.slice(2 - breaks) + String(number) + '\n' + formatTiming(a, b, ',') + '\n';
  const digits =
    number < 10 ? 1 : number < 100 ? 2 : number < 1000 ? 3 : number < 10_000 ? 4 : number < 100_000 ? 5 : 6;
  const lead = HEAD_PREFIX - 2 - digits;
  const head = cueHead(number, lead, a, b, 44);
  const from = lead + 2 - breaks;
  return from === 0 ? head : head.slice(from);
}

export function formatSrtTimestamp(ms: number): string {
  return formatTimestamp(ms, ',');
}

export function formatVttTimestamp(ms: number): string {
  return formatTimestamp(ms, '.');
}

/**
 * Parses `[H…:]MM:SS(,|.)mmm` from `s` at `pos`, hand-rolled for the SRT hot path. Returns the
 * milliseconds and the index after the timestamp in `out`, -1 when it is not a timestamp, or
 * TIME_OUT_OF_RANGE (index set) when it is one past MAX_TIME_MS.
 */
export function scanTimestamp(s: string, pos: number, out: { end: number }): number {
  // Plain locals, no arrays: this runs twice per cue and must not allocate.
  const n = s.length;
  let i = pos;
  let f0 = 0;
  let f1 = 0;
  let w0 = 0;
  let w1 = 0;
  let count = 0;
  let digits = 0;
  let value = 0;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      value = value * 10 + (c - 48);
      digits++;
    } else if (c === 58 /* : */) {
      if (digits === 0 || count === 2) return -1;
      if (count === 0) {
        f0 = value;
        w0 = digits;
      } else {
        f1 = value;
        w1 = digits;
      }
      count++;
      value = 0;
      digits = 0;
    } else break;
  }
  // value/digits now hold the seconds field.
  if (count === 0 || digits !== 2 || i >= n) return -1;
  const sep = s.charCodeAt(i);
  if (sep !== 44 /* , */ && sep !== 46 /* . */) return -1;
  i++;
  if (i + 3 > n) return -1;
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  const c = s.charCodeAt(i + 2) - 48;
  if (a < 0 || a > 9 || b < 0 || b > 9 || c < 0 || c > 9) return -1;
  i += 3;
  const next = i < n ? s.charCodeAt(i) : -1;
  if (next >= 48 && next <= 57) return -1;
  let hours = 0;
  let minutes: number;
  if (count === 2) {
    hours = f0;
    minutes = f1;
    if (w1 !== 2) return -1;
  } else {
    minutes = f0;
    if (w0 !== 2) return -1;
  }
  const seconds = value;
  if (minutes > 59 || seconds > 59) return -1;
  out.end = i;
  if (hours > 9999) return TIME_OUT_OF_RANGE;
  return hours * 3_600_000 + minutes * 60_000 + seconds * 1000 + a * 100 + b * 10 + c;
}

/** Parses a whole timestamp string (`00:01:02,500`, `01:02.500`); null when it is not one. */
export function parseTimestamp(s: string): number | null {
  const t = s.trim();
  const out = { end: 0 };
  const ms = scanTimestamp(t, 0, out);
  return ms < 0 || out.end !== t.length ? null : ms;
}
