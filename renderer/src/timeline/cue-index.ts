// Visible-range culling for thousands of cues: an order by start time plus the running maximum of
// end times, so a binary search finds the first cue that can reach into the window even when a
// long cue overlaps later ones. Rebuilt only when the cue array changes.
import type { Cue } from '../../../shared/captions/model.ts';
import { lowerBound, upperBound } from '../../../shared/partition-point.ts';

export interface CueIndex {
  cues: readonly Cue[];
  /** Indices into `cues` in start order (ties: end). */
  order: Int32Array;
  /** starts[k] = cues[order[k]].start */
  starts: Float64Array;
  /** ends[k] = cues[order[k]].end (drawing reads typed arrays, not cue objects). */
  ends: Float64Array;
  /** maxEnd[k] = max end over order[0..k]: non-decreasing, so searchable. */
  maxEnd: Float64Array;
  /** Cue id → position in `cues`. */
  byId: Map<string, number>;
}

/**
 * Indexes `cues`. Passing the previous index lets a drag's edit (same cues, same positions, new
 * times) reuse the id map, the costliest part for 10,000 cues.
 */
export function buildCueIndex(cues: readonly Cue[], prev?: CueIndex | null): CueIndex {
  const n = cues.length;
  const order = new Int32Array(n);
  let sorted = true;
  for (let i = 0; i < n; i++) {
    order[i] = i;
    if (i > 0) {
      const a = cues[i - 1] as Cue;
      const b = cues[i] as Cue;
      if (b.start < a.start || (b.start === a.start && b.end < a.end)) sorted = false;
    }
  }
  if (!sorted) {
    // Out-of-order files exist (a rule reports them); the timeline still draws them where they are.
    const tmp = Array.from(order).sort((x, y) => {
      const a = cues[x] as Cue;
      const b = cues[y] as Cue;
      return a.start - b.start || a.end - b.end || x - y;
    });
    order.set(tmp);
  }
  const starts = new Float64Array(n);
  const ends = new Float64Array(n);
  const maxEnd = new Float64Array(n);
  const byId = new Map<string, number>();
  let m = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < n; k++) {
    const c = cues[order[k] as number] as Cue;
    starts[k] = c.start;
    ends[k] = c.end;
    if (c.end > m) m = c.end;
    maxEnd[k] = m;
  }
  if (prev && sameIds(prev.cues, cues)) return { cues, order, starts, ends, maxEnd, byId: prev.byId };
  for (let i = 0; i < n; i++) byId.set((cues[i] as Cue).id, i);
  return { cues, order, starts, ends, maxEnd, byId };
}

function sameIds(a: readonly Cue[], b: readonly Cue[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as Cue;
    const y = b[i] as Cue;
    if (x !== y && x.id !== y.id) return false;
  }
  return true;
}

/**
 * The positions [from, to) in `order` that may intersect [startMs, endMs]: every cue intersecting
 * the window is inside; a few that ended before it may be too (callers skip them cheaply).
 */
export function visibleRange(ix: CueIndex, startMs: number, endMs: number): { from: number; to: number } {
  const from = upperBound(ix.maxEnd, startMs);
  const to = upperBound(ix.starts, endMs);
  return { from: Math.min(from, to), to };
}

/** Position in `order` of the first cue starting at or after `ms`. */
export function firstStartingAtOrAfter(ix: CueIndex, ms: number): number {
  return lowerBound(ix.starts, ms);
}

/**
 * How far an interval [startMs, endMs] may grow or travel without overlapping another cue (those
 * in `exclude` are moving with it): the latest end among cues starting before it and the earliest
 * start among cues starting at or after it. An overlap that already exists pins that side.
 */
export function neighbourBounds(
  ix: CueIndex,
  startMs: number,
  endMs: number,
  exclude: ReadonlySet<string>,
): { prevEnd: number; nextStart: number } {
  const k0 = lowerBound(ix.starts, startMs);
  let nextStart = Number.POSITIVE_INFINITY;
  for (let k = k0; k < ix.order.length; k++) {
    const c = ix.cues[ix.order[k] as number] as Cue;
    if (!exclude.has(c.id)) {
      nextStart = c.start;
      break;
    }
  }
  let prevEnd = 0;
  // maxEnd stops the scan once nothing earlier can end later than what we have.
  for (let k = k0 - 1; k >= 0 && (ix.maxEnd[k] as number) > prevEnd; k--) {
    const c = ix.cues[ix.order[k] as number] as Cue;
    if (!exclude.has(c.id) && c.end > prevEnd) prevEnd = c.end;
  }
  return { prevEnd: Math.min(prevEnd, startMs), nextStart: Math.max(nextStart, endMs) };
}
