// Audio peaks for the timeline: min/max per bucket at several resolutions, finest first, so the
// view picks the level that gives about one bucket per pixel from whole-file to frame scale.
// Values are 16-bit sample values (-32768..32767).

export interface PeakLevel {
  /** Audio samples per bucket at Waveform.sampleRate; doubles from one level to the next. */
  samplesPerBucket: number;
  min: Int16Array;
  max: Int16Array;
}

export interface Waveform {
  sampleRate: number;
  durationMs: number;
  /** levels[0] is the finest. Empty when the file has no audio. */
  levels: PeakLevel[];
  hasAudio: boolean;
}

/** Finest-level buckets as they are decoded, for drawing before the whole file is read. */
export interface PeaksChunk {
  sampleRate: number;
  samplesPerBucket: number;
  /** Index of the first bucket of this chunk in the finest level. */
  startBucket: number;
  min: Int16Array;
  max: Int16Array;
  /** Audio decoded so far and the expected total (0 when unknown). */
  decodedMs: number;
  totalMs: number;
  done: boolean;
}

/** Builds the next coarser level by pairing buckets. */
export function coarsen(level: PeakLevel): PeakLevel {
  const n = Math.ceil(level.min.length / 2);
  const min = new Int16Array(n);
  const max = new Int16Array(n);
  for (let i = 0; i < n; i++) {
    const a = 2 * i;
    const b = a + 1 < level.min.length ? a + 1 : a;
    min[i] = Math.min(level.min[a] ?? 0, level.min[b] ?? 0);
    max[i] = Math.max(level.max[a] ?? 0, level.max[b] ?? 0);
  }
  return { samplesPerBucket: level.samplesPerBucket * 2, min, max };
}

/** All levels from the finest, halving until a level has at most `minBuckets` buckets. */
export function buildLevels(base: PeakLevel, minBuckets = 256): PeakLevel[] {
  const levels = [base];
  let cur = base;
  while (cur.min.length > minBuckets) {
    cur = coarsen(cur);
    levels.push(cur);
  }
  return levels;
}

/** The coarsest level still giving at least one bucket per pixel at `msPerPixel`. */
export function pickLevel(w: Waveform, msPerPixel: number): number {
  let best = 0;
  for (let i = 0; i < w.levels.length; i++) {
    const lv = w.levels[i];
    if (lv && (lv.samplesPerBucket / w.sampleRate) * 1000 <= msPerPixel) best = i;
  }
  return best;
}

export function bucketStartMs(w: Pick<Waveform, 'sampleRate'>, level: PeakLevel, i: number): number {
  return ((i * level.samplesPerBucket) / w.sampleRate) * 1000;
}
