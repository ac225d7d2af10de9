import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  clampViewport,
  fitViewport,
  followPlayhead,
  scrollToTime,
  timeToX,
  xToTime,
  zoomAround,
  zoomToRange,
  type Viewport,
} from './viewport.ts';

const FRAME = 40; // 25 fps
const HOUR2 = 7_200_000;

describe('viewport mapping', () => {
  it('maps time to pixels and back', () => {
    const v: Viewport = { startMs: 1000, msPerPx: 10, widthPx: 800 };
    expect(timeToX(v, 1000)).toBe(0);
    expect(timeToX(v, 2000)).toBe(100);
    expect(xToTime(v, 100)).toBe(2000);
    fc.assert(
      fc.property(fc.double({ min: 0, max: HOUR2, noNaN: true }), (ms) => {
        expect(xToTime(v, timeToX(v, ms))).toBeCloseTo(ms, 6);
      }),
    );
  });

  it('fit shows the whole file', () => {
    const v = fitViewport(1000, HOUR2, FRAME);
    expect(v.startMs).toBe(0);
    expect(v.msPerPx * v.widthPx).toBeCloseTo(HOUR2);
  });

  it('zooming around the pointer keeps the time under it', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.2, max: 5, noNaN: true }),
        fc.integer({ min: 0, max: 999 }),
        (factor, x) => {
          const v: Viewport = { startMs: 3_600_000, msPerPx: 100, widthPx: 1000 };
          const z = zoomAround(v, factor, x, HOUR2, FRAME);
          expect(xToTime(z, x)).toBeCloseTo(xToTime(v, x), 3);
        },
      ),
    );
  });

  it('never zooms closer than a frame per 24 px or farther than the file', () => {
    const v: Viewport = { startMs: 0, msPerPx: 1, widthPx: 1000 };
    expect(zoomAround(v, 0.001, 0, HOUR2, FRAME).msPerPx).toBeCloseTo(FRAME / 24);
    expect(zoomAround(v, 1e9, 0, HOUR2, FRAME).msPerPx).toBeCloseTo(HOUR2 / 1000);
  });

  it('keeps the window inside the file', () => {
    const v = clampViewport({ startMs: HOUR2, msPerPx: 100, widthPx: 1000 }, HOUR2, FRAME);
    expect(v.startMs).toBe(HOUR2 - 100_000);
    expect(clampViewport({ startMs: -5, msPerPx: 100, widthPx: 1000 }, HOUR2, FRAME).startMs).toBe(0);
  });

  it('zooms to a range with margins', () => {
    const v = zoomToRange({ startMs: 0, msPerPx: 1000, widthPx: 1000 }, 60_000, 68_000, HOUR2, FRAME);
    expect(timeToX(v, 60_000)).toBeCloseTo(100);
    expect(timeToX(v, 68_000)).toBeCloseTo(900);
  });

  it('scrolls a time into view with the least movement, or centred', () => {
    const v: Viewport = { startMs: 0, msPerPx: 10, widthPx: 1000 };
    const r = scrollToTime(v, 50_000, HOUR2, FRAME);
    expect(timeToX(r, 50_000)).toBeCloseTo(950);
    const c = scrollToTime(v, 50_000, HOUR2, FRAME, true);
    expect(timeToX(c, 50_000)).toBeCloseTo(500);
    expect(scrollToTime(v, 5000, HOUR2, FRAME).startMs).toBe(0);
  });

  it('pages to follow the playhead only when it nears the right edge', () => {
    const v: Viewport = { startMs: 0, msPerPx: 10, widthPx: 1000 };
    expect(followPlayhead(v, 5000, HOUR2, FRAME)).toBe(v);
    const p = followPlayhead(v, 9500, HOUR2, FRAME);
    expect(timeToX(p, 9500)).toBeCloseTo(100);
  });
});
