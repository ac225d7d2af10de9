import { describe, expect, it } from 'vitest';
import { FRAME_RATES, frameToMs } from '../../../shared/captions/time.ts';
import { DEFAULT_SNAP, shotChangeTarget, snapEdge, type SnapContext } from './snapping.ts';

const F25 = FRAME_RATES['25'];
const F23 = FRAME_RATES['23.976'];

function ctx(over: Partial<SnapContext> = {}): SnapContext {
  return {
    settings: DEFAULT_SNAP,
    rate: F25,
    msPerPx: 10,
    playheadMs: 1_000_000,
    shotChangesMs: [],
    neighbourEdges: [],
    ...over,
  };
}

describe('shot-change rules at 25 fps', () => {
  const cut = 10_000; // frame 250
  const rules = DEFAULT_SNAP;
  it('a start up to 12 frames after a cut moves to the cut', () => {
    expect(shotChangeTarget(cut + 12 * 40, 'start', [cut], F25, rules)).toBe(cut);
    expect(shotChangeTarget(cut + 12 * 40 + 39, 'start', [cut], F25, rules)).toBe(cut);
    expect(shotChangeTarget(cut + 13 * 40, 'start', [cut], F25, rules)).toBeNull();
    expect(shotChangeTarget(cut, 'start', [cut], F25, rules)).toBe(cut);
  });
  it('a start before the cut is not pulled by the after-cut rule', () => {
    expect(shotChangeTarget(cut - 200, 'start', [cut], F25, rules)).toBeNull();
  });
  it('an end within 12 frames either side of a cut lands 2 frames before it', () => {
    expect(shotChangeTarget(cut + 5 * 40, 'end', [cut], F25, rules)).toBe(cut - 80);
    expect(shotChangeTarget(cut - 12 * 40, 'end', [cut], F25, rules)).toBe(cut - 80);
    expect(shotChangeTarget(cut + 13 * 40, 'end', [cut], F25, rules)).toBeNull();
  });
  it('offsets are settings', () => {
    const s = { ...rules, shotStartWithinFrames: 5, shotEndBeforeFrames: 3 };
    expect(shotChangeTarget(cut + 6 * 40, 'start', [cut], F25, s)).toBeNull();
    expect(shotChangeTarget(cut + 4 * 40, 'end', [cut], F25, s)).toBe(cut - 120);
  });
  it('picks the nearest of several cuts', () => {
    expect(shotChangeTarget(20_100, 'end', [10_000, 20_000, 30_000], F25, rules)).toBe(20_000 - 80);
    expect(shotChangeTarget(20_100, 'start', [10_000, 20_000, 30_000], F25, rules)).toBe(20_000);
  });
});

describe('shot-change rules at 23.976 fps', () => {
  const cutFrame = 1000;
  const cut = frameToMs(cutFrame, F23); // 41708 ms
  it('counts 12 frames of 41.7 ms', () => {
    expect(shotChangeTarget(frameToMs(cutFrame + 12, F23), 'start', [cut], F23, DEFAULT_SNAP)).toBe(cut);
    expect(shotChangeTarget(frameToMs(cutFrame + 13, F23), 'start', [cut], F23, DEFAULT_SNAP)).toBeNull();
    // 500 ms after the cut is still frame 1011 (12 frames would be 500.5 ms).
    expect(shotChangeTarget(cut + 500, 'start', [cut], F23, DEFAULT_SNAP)).toBe(cut);
  });
  it('lands ends exactly 2 frames before the cut, on a frame boundary', () => {
    expect(shotChangeTarget(cut + 100, 'end', [cut], F23, DEFAULT_SNAP)).toBe(frameToMs(cutFrame - 2, F23));
    expect(frameToMs(cutFrame - 2, F23)).toBe(41625);
  });
});

describe('snapEdge', () => {
  it('magnets: the nearest neighbour edge or the playhead within 8 px', () => {
    expect(snapEdge(5050, 'start', ctx({ neighbourEdges: [5000] }))).toEqual({ ms: 5000, kind: 'neighbour' });
    expect(snapEdge(5090, 'start', ctx({ neighbourEdges: [5000] }))).toEqual({ ms: 5080, kind: 'frame' });
    expect(snapEdge(5050, 'end', ctx({ neighbourEdges: [5000], playheadMs: 5060 }))).toEqual({
      ms: 5060,
      kind: 'playhead',
    });
  });
  it('magnets beat the shot rule; the shot rule beats frames', () => {
    const c = ctx({ shotChangesMs: [10_000], neighbourEdges: [10_300] });
    expect(snapEdge(10_290, 'start', c)).toEqual({ ms: 10_300, kind: 'neighbour' });
    expect(snapEdge(10_200, 'start', c)).toEqual({ ms: 10_000, kind: 'shot' });
    expect(snapEdge(10_210, 'end', c)).toEqual({ ms: 9_920, kind: 'shot' });
  });
  it('a start just before a cut (within reach) goes to the cut', () => {
    expect(snapEdge(9_950, 'start', ctx({ shotChangesMs: [10_000] }))).toEqual({ ms: 10_000, kind: 'shot' });
  });
  it('lands on frames otherwise, and Alt or disabled settings leave the time alone', () => {
    expect(snapEdge(1234, 'start', ctx())).toEqual({ ms: 1240, kind: 'frame' });
    expect(snapEdge(1234.4, 'start', ctx(), true)).toEqual({ ms: 1234, kind: 'none' });
    expect(snapEdge(1234, 'start', ctx({ settings: { ...DEFAULT_SNAP, enabled: false } }))).toEqual({
      ms: 1234,
      kind: 'none',
    });
    const noFrames = { ...DEFAULT_SNAP, toFrames: false };
    expect(snapEdge(1234, 'start', ctx({ settings: noFrames }))).toEqual({ ms: 1234, kind: 'none' });
  });
  it('each magnet can be switched off', () => {
    const s = { ...DEFAULT_SNAP, toNeighbours: false, toPlayhead: false, toShotChanges: false };
    const c = ctx({ settings: s, neighbourEdges: [5000], playheadMs: 5010, shotChangesMs: [4990] });
    expect(snapEdge(5004, 'start', c)).toEqual({ ms: 5000, kind: 'frame' });
  });
});
