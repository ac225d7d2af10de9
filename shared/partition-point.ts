// The one binary search: the timeline's cue index, snapping, shot-change drawing and "the cue at the
// playhead" all ask "where does this sorted run stop satisfying a predicate?".

/**
 * The first index in 0…length at which `before(i)` is false, given that it is true for a prefix and
 * false after it (e.g. `a[i] < v` over a non-decreasing array gives the first element >= v).
 */
export function partitionPoint(length: number, before: (i: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index whose element is >= v in a non-decreasing array. */
export function lowerBound(a: ArrayLike<number>, v: number): number {
  return partitionPoint(a.length, (i) => (a[i] as number) < v);
}

/** First index whose element is > v in a non-decreasing array. */
export function upperBound(a: ArrayLike<number>, v: number): number {
  return partitionPoint(a.length, (i) => (a[i] as number) <= v);
}
