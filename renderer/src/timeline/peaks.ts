// Waveform peaks as the timeline holds them: the finest level grows as media:waveform chunks
// arrive, and the coarser levels are extended over just the new buckets, so drawing any zoom
// costs about one bucket per pixel however long the file.
import type { PeakLevel, PeaksChunk, Waveform } from '../../../shared/media/waveform.ts';

export interface TimelinePeaks {
  sampleRate: number;
  /** levels[0] is the finest; each next level pairs buckets of the previous one. */
  levels: readonly PeakLevel[];
  /** Buckets valid in each level (arrays may be allocated larger while loading). */
  lengths: readonly number[];
  /** Audio covered so far, ms (the waveform draws up to here while loading). */
  decodedMs: number;
  done: boolean;
}

/** A finished Waveform (e.g. a cache hit) as timeline peaks. */
export function peaksFromWaveform(w: Waveform): TimelinePeaks {
  return {
    sampleRate: w.sampleRate,
    levels: w.levels,
    lengths: w.levels.map((l) => l.min.length),
    decodedMs: w.durationMs,
    done: true,
  };
}

/** Milliseconds one bucket of `level` spans. */
export function bucketMs(
  p: Pick<TimelinePeaks, 'sampleRate'>,
  level: Pick<PeakLevel, 'samplesPerBucket'>,
): number {
  return (level.samplesPerBucket / p.sampleRate) * 1000;
}

/**
 * Level of detail: the coarsest level whose buckets are no wider than a pixel (so no peak is lost
 * between pixels), or the finest when zoomed closer than its buckets.
 */
export function chooseLevel(p: Pick<TimelinePeaks, 'sampleRate' | 'levels'>, msPerPx: number): number {
  let best = 0;
  for (let i = 0; i < p.levels.length; i++) {
    const lv = p.levels[i] as PeakLevel;
    if (bucketMs(p, lv) <= msPerPx) best = i;
    else break;
  }
  return best;
}

const MAX_LEVELS = 24;

/** Accumulates PeaksChunk events into TimelinePeaks, extending every level incrementally. */
export class PeaksBuilder {
  private sampleRate = 0;
  private spb = 0;
  private mins: Int16Array[] = [];
  private maxs: Int16Array[] = [];
  private lens: number[] = [];
  private decodedMs = 0;
  private done = false;

  /** Adds a chunk; returns a new TimelinePeaks object (new identity = the timeline redraws). */
  add(chunk: PeaksChunk): TimelinePeaks {
    if (
      this.mins.length === 0 ||
      chunk.samplesPerBucket !== this.spb ||
      chunk.sampleRate !== this.sampleRate
    ) {
      this.sampleRate = chunk.sampleRate;
      this.spb = chunk.samplesPerBucket;
      const guess =
        chunk.totalMs > 0
          ? Math.ceil((chunk.totalMs / 1000) * (chunk.sampleRate / chunk.samplesPerBucket)) + 1
          : 4096;
      this.mins = [new Int16Array(Math.max(guess, chunk.startBucket + chunk.min.length))];
      this.maxs = [new Int16Array(this.mins[0]?.length ?? 0)];
      this.lens = [0];
    }
    const end = chunk.startBucket + chunk.min.length;
    this.ensure(0, end);
    (this.mins[0] as Int16Array).set(chunk.min, chunk.startBucket);
    (this.maxs[0] as Int16Array).set(chunk.max, chunk.startBucket);
    const prevLen = this.lens[0] as number;
    this.lens[0] = Math.max(prevLen, end);
    this.extendCoarser(Math.min(prevLen, chunk.startBucket));
    this.decodedMs = Math.max(this.decodedMs, chunk.decodedMs);
    this.done = chunk.done;
    return this.snapshot();
  }

  snapshot(): TimelinePeaks {
    const levels: PeakLevel[] = [];
    for (let i = 0; i < this.mins.length; i++) {
      levels.push({
        samplesPerBucket: this.spb * 2 ** i,
        min: this.mins[i] as Int16Array,
        max: this.maxs[i] as Int16Array,
      });
    }
    return {
      sampleRate: this.sampleRate,
      levels,
      lengths: [...this.lens],
      decodedMs: this.decodedMs,
      done: this.done,
    };
  }

  private ensure(level: number, n: number): void {
    const cur = this.mins[level];
    if (cur && cur.length >= n) return;
    const size = Math.max(n, (cur?.length ?? 0) * 2, 16);
    const min = new Int16Array(size);
    const max = new Int16Array(size);
    if (cur) {
      min.set(cur);
      max.set(this.maxs[level] as Int16Array);
    }
    this.mins[level] = min;
    this.maxs[level] = max;
    if (this.lens[level] === undefined) this.lens[level] = 0;
  }

  /** Recomputes coarser buckets from `fromBucket` (finest-level index) to the end. */
  private extendCoarser(fromBucket: number): void {
    let from = fromBucket;
    for (let l = 1; l < MAX_LEVELS; l++) {
      const srcLen = this.lens[l - 1] as number;
      if (srcLen <= 256 && l > 1) {
        // Coarse enough: drop deeper levels that a shorter file doesn't need.
        break;
      }
      const n = Math.ceil(srcLen / 2);
      this.ensure(l, n);
      const sMin = this.mins[l - 1] as Int16Array;
      const sMax = this.maxs[l - 1] as Int16Array;
      const dMin = this.mins[l] as Int16Array;
      const dMax = this.maxs[l] as Int16Array;
      // Also redo the last (possibly partial) bucket and any this level has not computed yet.
      const start = Math.min(from >> 1, Math.max(0, (this.lens[l] ?? 0) - 1));
      for (let i = start; i < n; i++) {
        const a = 2 * i;
        const b = a + 1 < srcLen ? a + 1 : a;
        const mn0 = sMin[a] as number;
        const mn1 = sMin[b] as number;
        const mx0 = sMax[a] as number;
        const mx1 = sMax[b] as number;
        dMin[i] = mn0 < mn1 ? mn0 : mn1;
        dMax[i] = mx0 > mx1 ? mx0 : mx1;
      }
      this.lens[l] = n;
      from = start;
      if (n <= 1) break;
    }
  }
}

/**
 * Display gain: quiet recordings are scaled up so the loudest peak fills the lane (up to 16×),
 * the way editors normalise the waveform view. Read from the coarsest level: a few hundred buckets.
 */
export function displayGain(p: Pick<TimelinePeaks, 'levels' | 'lengths'>): number {
  const last = p.levels.length - 1;
  const lv = p.levels[last];
  const n = p.lengths[last] ?? 0;
  if (!lv) return 1;
  let peak = 0;
  for (let i = 0; i < n; i++) {
    const a = Math.max(-(lv.min[i] as number), lv.max[i] as number);
    if (a > peak) peak = a;
  }
  return 32768 / Math.max(peak, 2048);
}
