import { describe, expect, it } from 'vitest';
import { FRAME_RATES } from '../../../shared/captions/time.ts';
import { chooseTickStep, formatTickLabel, MIN_LABEL_PX, ticksInRange, type Tick } from './ticks.ts';

const F25 = FRAME_RATES['25'];

describe('ruler ticks', () => {
  it('adapts from hours down to frames', () => {
    expect(chooseTickStep(7_200_000 / 1000, F25).ms).toBe(600_000);
    expect(chooseTickStep(100, F25).ms).toBe(10_000);
    expect(chooseTickStep(10, F25).ms).toBe(1000);
    const frames = chooseTickStep(40 / 24, F25);
    expect(frames.frames).toBe(5);
    expect(chooseTickStep(0.5, F25).frames).toBe(1);
  });

  it('labels are at least 72 px apart at every zoom', () => {
    for (let msPerPx = 0.5; msPerPx < 20_000; msPerPx *= 1.7) {
      const s = chooseTickStep(msPerPx, F25);
      expect(s.ms / msPerPx).toBeGreaterThanOrEqual(72);
    }
  });

  it('labelled ticks are never closer than a label at any zoom or frame rate (no overlap)', () => {
    const out: Tick[] = [];
    for (const rate of Object.values(FRAME_RATES))
      for (let msPerPx = 0.2; msPerPx < 60_000; msPerPx *= 1.3) {
        const s = chooseTickStep(msPerPx, rate);
        const n = ticksInRange(0, s.ms * 40, s, rate, out);
        const major = out
          .slice(0, n)
          .filter((t) => t.major)
          .map((t) => t.ms);
        for (let i = 1; i < major.length; i++)
          expect(
            (major[i] as number) - (major[i - 1] as number),
            `${rate.num}/${rate.den} at ${msPerPx}`,
          ).toBeGreaterThanOrEqual(MIN_LABEL_PX * msPerPx - 1);
      }
  });

  it('lists major and minor ticks in the window, reusing the output array', () => {
    const out: Tick[] = [];
    const n = ticksInRange(9_500, 21_000, { ms: 5000, minor: 5 }, F25, out);
    const major = out
      .slice(0, n)
      .filter((t) => t.major)
      .map((t) => t.ms);
    expect(major).toEqual([10_000, 15_000, 20_000]);
    expect(n).toBe(12);
    const first = out[0];
    ticksInRange(0, 1000, { ms: 5000, minor: 5 }, F25, out);
    expect(out[0]).toBe(first);
  });

  it('frame steps land on frames and restart each second', () => {
    const out: Tick[] = [];
    const n = ticksInRange(900, 1300, { frames: 5, ms: 200, minor: 5 }, F25, out);
    const major = out
      .slice(0, n)
      .filter((t) => t.major)
      .map((t) => t.ms);
    expect(major).toEqual([1000, 1200]);
  });

  it('formats labels with hours and frames', () => {
    expect(formatTickLabel(3_723_000, { ms: 1000, minor: 5 }, F25)).toBe('1:02:03');
    expect(formatTickLabel(83_200, { frames: 5, ms: 200, minor: 5 }, F25)).toBe('00:01:23:05');
  });
});
