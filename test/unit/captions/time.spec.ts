import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  FRAME_RATES,
  formatSrtHead,
  formatSrtTimestamp,
  formatTiming,
  formatVttTimestamp,
  formatTimestamp,
  frameToMs,
  MAX_TIME_MS,
  msToFrame,
  nudgeFrames,
  parseFrameRate,
  parseTimestamp,
  snapToFrame,
} from '../../../shared/captions/time.ts';

describe('frame rates as exact fractions', () => {
  it('parses NTSC decimals to x/1001', () => {
    expect(parseFrameRate('23.976')).toEqual({ num: 24000, den: 1001 });
    expect(parseFrameRate('29.97')).toEqual({ num: 30000, den: 1001 });
    expect(parseFrameRate('59.94')).toEqual({ num: 60000, den: 1001 });
    expect(parseFrameRate('25')).toEqual({ num: 25, den: 1 });
    expect(parseFrameRate('24000/1001')).toEqual({ num: 24000, den: 1001 });
    expect(parseFrameRate('12.5')).toEqual({ num: 125, den: 10 });
    expect(parseFrameRate('fast')).toBeNull();
    expect(parseFrameRate('0')).toBeNull();
  });

  it('frame n of 23.976 starts at n·1001/24 ms without drift', () => {
    const r = FRAME_RATES['23.976'];
    expect(frameToMs(24, r)).toBe(1001);
    expect(frameToMs(86_400, r)).toBe(3_603_600); // one hour of frames is 1 h 3.6 s
    expect(msToFrame(1001, r)).toBe(24);
    expect(msToFrame(1000, r)).toBe(23);
  });

  it('snapping lands on frame starts and is idempotent', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 36_000_000 }),
        fc.constantFrom(...Object.values(FRAME_RATES)),
        (ms, r) => {
          const s = snapToFrame(ms, r);
          expect(snapToFrame(s, r)).toBe(s);
          expect(frameToMs(msToFrame(s, r), r)).toBe(s);
          expect(Math.abs(s - ms)).toBeLessThanOrEqual(Math.ceil((500 * r.den) / r.num));
        },
      ),
    );
  });

  it('nudges by whole frames and never below 0', () => {
    const r = FRAME_RATES['25'];
    expect(nudgeFrames(1000, 1, r)).toBe(1040);
    expect(nudgeFrames(1000, -2, r)).toBe(920);
    expect(nudgeFrames(20, -5, r)).toBe(0);
    expect(nudgeFrames(1001, 24, FRAME_RATES['23.976'])).toBe(2002);
  });
});

describe('timestamps', () => {
  it('formats SRT and WebVTT', () => {
    expect(formatSrtTimestamp(3_723_004)).toBe('01:02:03,004');
    expect(formatVttTimestamp(0)).toBe('00:00:00.000');
    expect(formatSrtTimestamp(360_000_000)).toBe('100:00:00,000');
  });

  it('parses both separators and the short WebVTT form', () => {
    expect(parseTimestamp('01:02:03,004')).toBe(3_723_004);
    expect(parseTimestamp('01:02:03.004')).toBe(3_723_004);
    expect(parseTimestamp('02:03.004')).toBe(123_004);
    for (const bad of ['1:2:3,004', '00:60:00,000', '00:00:60,000', '00:00:01,0001', '00:00:01', 'x'])
      expect(parseTimestamp(bad)).toBeNull();
  });

  it('format then parse is the identity', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 400 * 3_600_000 }),
        (ms) => parseTimestamp(formatSrtTimestamp(ms)) === ms,
      ),
    );
  });

  it('a cue timing is its two timestamps around " --> ", past 99 hours too', () => {
    expect(formatTiming(3_723_004, 360_000_000, ',')).toBe('01:02:03,004 --> 100:00:00,000');
    expect(formatTiming(0, 59_999, '.')).toBe('00:00:00.000 --> 00:00:59.999');
    const ms = fc.oneof(
      fc.integer({ min: 0, max: 100 * 3_600_000 }),
      fc.integer({ min: 0, max: MAX_TIME_MS }),
    );
    fc.assert(
      fc.property(ms, ms, fc.constantFrom(',' as const, '.' as const), (a, b, sep) => {
        expect(formatTiming(a, b, sep)).toBe(`${formatTimestamp(a, sep)} --> ${formatTimestamp(b, sep)}`);
      }),
    );
  });

  it("an SRT cue's head is what ended the cue before, its number and its timing line", () => {
    expect(formatSrtHead(1, 0, 1_500, 0)).toBe('1\n00:00:00,000 --> 00:00:01,500\n');
    expect(formatSrtHead(42, 3_723_004, 3_724_000, 2)).toBe('\n\n42\n01:02:03,004 --> 01:02:04,000\n');
    expect(formatSrtHead(7, 0, 360_000_000, 1)).toBe('\n7\n00:00:00,000 --> 100:00:00,000\n');
    const ms = fc.oneof(
      fc.integer({ min: 0, max: 100 * 3_600_000 }),
      fc.integer({ min: 0, max: MAX_TIME_MS }),
    );
    // Every number of digits, past the six the fast path writes.
    const number = fc.oneof(fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 3_000_000 }));
    fc.assert(
      fc.property(number, ms, ms, fc.constantFrom(0 as const, 1 as const, 2 as const), (n, a, b, breaks) => {
        expect(formatSrtHead(n, a, b, breaks)).toBe(
          `${'\n'.repeat(breaks)}${n}\n${formatTimestamp(a, ',')} --> ${formatTimestamp(b, ',')}\n`,
        );
      }),
      { numRuns: 2_000 },
    );
  });
});
