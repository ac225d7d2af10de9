// Where a dragged cue edge lands. Magnets (neighbouring cues, the playhead) pull within a few
// pixels; shot changes follow the rules subtitle style guides give (Netflix, BBC): an in-time within
// 12 frames after a cut moves to the cut, an out-time near a cut moves to 2 frames before it
// (leaving the viewer a clean cut); otherwise the edge lands on a frame boundary.
import type { FrameRate } from '../../../shared/captions/time.ts';
import { frameToMs, msToFrame, snapToFrame } from '../../../shared/captions/time.ts';
import { lowerBound } from '../../../shared/partition-point.ts';

export interface SnapSettings {
  enabled: boolean;
  toNeighbours: boolean;
  toPlayhead: boolean;
  toFrames: boolean;
  toShotChanges: boolean;
  /** A start up to this many frames after a cut snaps to the cut. */
  shotStartWithinFrames: number;
  /** An end near a cut lands this many frames before it. */
  shotEndBeforeFrames: number;
  /** "Near" for ends, in frames either side of the cut (default: shotStartWithinFrames). */
  shotEndWithinFrames?: number;
  /** Magnet reach in CSS pixels for neighbours and the playhead (default 8). */
  magnetPx?: number;
}

export const DEFAULT_SNAP: SnapSettings = {
  enabled: true,
  toNeighbours: true,
  toPlayhead: true,
  toFrames: true,
  toShotChanges: true,
  shotStartWithinFrames: 12,
  shotEndBeforeFrames: 2,
};

export type SnapKind = 'none' | 'frame' | 'neighbour' | 'playhead' | 'shot';

export interface SnapTarget {
  ms: number;
  kind: SnapKind;
}

export interface SnapContext {
  settings: SnapSettings;
  rate: FrameRate;
  msPerPx: number;
  playheadMs: number;
  /** Sorted ascending. */
  shotChangesMs: readonly number[];
  /** Edges of the cues not being dragged that this edge may snap to (e.g. previous end, next start). */
  neighbourEdges: readonly number[];
}

/** The shot-change rule target for an edge at `ms`, or null when no cut is in reach. */
export function shotChangeTarget(
  ms: number,
  edge: 'start' | 'end',
  cuts: readonly number[],
  rate: FrameRate,
  s: Pick<SnapSettings, 'shotStartWithinFrames' | 'shotEndBeforeFrames' | 'shotEndWithinFrames'>,
): number | null {
  if (cuts.length === 0) return null;
  const f = msToFrame(Math.max(0, ms), rate);
  const k = lowerBound(cuts, ms);
  if (edge === 'start') {
    // The cut at or before the start (a start exactly on a cut is already there).
    const at = cuts[k] === ms ? k : k - 1;
    const cut = cuts[at];
    if (cut === undefined) return null;
    const d = f - msToFrame(cut, rate);
    return d >= 0 && d <= s.shotStartWithinFrames ? cut : null;
  }
  const within = s.shotEndWithinFrames ?? s.shotStartWithinFrames;
  let best: number | null = null;
  let bestD = Number.POSITIVE_INFINITY;
  for (const i of [k - 1, k]) {
    const cut = cuts[i];
    if (cut === undefined) continue;
    const cf = msToFrame(cut, rate);
    const d = Math.abs(f - cf);
    if (d <= within && d < bestD) {
      bestD = d;
      best = Math.max(0, frameToMs(cf - s.shotEndBeforeFrames, rate));
    }
  }
  return best;
}

/** Where an edge dragged to `ms` lands; `disabled` (Alt held) returns it unchanged. */
export function snapEdge(ms: number, edge: 'start' | 'end', ctx: SnapContext, disabled = false): SnapTarget {
  const s = ctx.settings;
  if (!s.enabled || disabled) return { ms: Math.round(ms), kind: 'none' };
  const reach = (s.magnetPx ?? 8) * ctx.msPerPx;
  // Magnets: the nearest within reach wins.
  let bestMs = 0;
  let bestKind: SnapKind = 'none';
  let bestD = Number.POSITIVE_INFINITY;
  if (s.toNeighbours) {
    for (const t of ctx.neighbourEdges) {
      const d = Math.abs(t - ms);
      if (d <= reach && d < bestD) {
        bestMs = t;
        bestKind = 'neighbour';
        bestD = d;
      }
    }
  }
  if (s.toPlayhead) {
    const d = Math.abs(ctx.playheadMs - ms);
    if (d <= reach && d < bestD) {
      bestMs = ctx.playheadMs;
      bestKind = 'playhead';
    }
  }
  if (bestKind !== 'none') return { ms: Math.round(bestMs), kind: bestKind };
  if (s.toShotChanges) {
    const t = shotChangeTarget(ms, edge, ctx.shotChangesMs, ctx.rate, s);
    if (t !== null) return { ms: t, kind: 'shot' };
    // A start a little before a cut goes to the cut too (a flash of the old shot looks like an error).
    if (edge === 'start') {
      const k = lowerBound(ctx.shotChangesMs, ms);
      const cut = ctx.shotChangesMs[k];
      if (cut !== undefined && cut - ms <= reach) return { ms: cut, kind: 'shot' };
    }
  }
  if (s.toFrames) return { ms: snapToFrame(ms, ctx.rate), kind: 'frame' };
  return { ms: Math.round(ms), kind: 'none' };
}
