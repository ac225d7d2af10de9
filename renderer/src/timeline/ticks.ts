// The time ruler's ticks: the smallest "round" step whose labels stay readable at this zoom, from
// hours down to single frames, with minor ticks between labels.
import type { FrameRate } from '../../../shared/captions/time.ts';
import { frameToMs, msToFrame } from '../../../shared/captions/time.ts';

export interface TickStep {
  /** Label spacing: whole frames when `frames` is set, otherwise milliseconds. */
  frames?: number;
  ms: number;
  /** Minor ticks per labelled step. */
  minor: number;
}

const TIME_STEPS: readonly TickStep[] = [
  { ms: 1000, minor: 5 },
  { ms: 2000, minor: 4 },
  { ms: 5000, minor: 5 },
  { ms: 10_000, minor: 5 },
  { ms: 15_000, minor: 3 },
  { ms: 30_000, minor: 6 },
  { ms: 60_000, minor: 6 },
  { ms: 120_000, minor: 4 },
  { ms: 300_000, minor: 5 },
  { ms: 600_000, minor: 5 },
  { ms: 900_000, minor: 3 },
  { ms: 1_800_000, minor: 6 },
  { ms: 3_600_000, minor: 4 },
];

/** Labels need about this much room (a `1:23:45` label plus air). */
export const MIN_LABEL_PX = 80;

/** The finest step whose labels are at least MIN_LABEL_PX apart. */
export function chooseTickStep(msPerPx: number, rate: FrameRate, minLabelPx = MIN_LABEL_PX): TickStep {
  const fps = rate.num / rate.den;
  const frameMs = 1000 / fps;
  const want = msPerPx * minLabelPx;
  if (want < 1000) {
    // Sub-second: steps in whole frames that divide the second (labels restart each second, so a
    // step that doesn't divide it would leave a short last interval and overlapping labels).
    const nominal = Math.round(fps);
    const candidates = Array.from({ length: nominal - 1 }, (_, i) => i + 1).filter((f) => nominal % f === 0);
    for (const f of candidates) {
      if (f * frameMs >= want) return { frames: f, ms: f * frameMs, minor: f === 1 ? 1 : Math.min(f, 5) };
    }
  }
  for (const s of TIME_STEPS) if (s.ms >= want) return s;
  const hours = Math.ceil(want / 3_600_000);
  return { ms: hours * 3_600_000, minor: 4 };
}

export interface Tick {
  ms: number;
  major: boolean;
}

/**
 * Ticks in [startMs, endMs] written into `out` (reused between frames), returns how many. Frame
 * steps count frames from the start of each second so labels read 00:01:02:05 with no drift.
 */
export function ticksInRange(
  startMs: number,
  endMs: number,
  step: TickStep,
  rate: FrameRate,
  out: Tick[],
): number {
  let n = 0;
  const push = (ms: number, major: boolean): void => {
    const t = out[n];
    if (t) {
      t.ms = ms;
      t.major = major;
    } else out[n] = { ms, major };
    n++;
  };
  if (step.frames) {
    const first = Math.max(0, msToFrame(Math.max(0, startMs), rate));
    const last = msToFrame(Math.max(0, endMs), rate) + 1;
    const minorEvery = Math.max(1, step.frames / step.minor);
    const nominal = Math.round(rate.num / rate.den);
    for (let f = first; f <= last; f++) {
      const inSecond = f % nominal;
      const major = inSecond % step.frames === 0;
      if (!major && inSecond % minorEvery !== 0) continue;
      const ms = frameToMs(f, rate);
      if (ms < startMs || ms > endMs) continue;
      push(ms, major);
    }
    return n;
  }
  const minorMs = step.ms / step.minor;
  const firstMinor = Math.max(0, Math.ceil(startMs / minorMs));
  for (let k = firstMinor; k * minorMs <= endMs; k++) push(k * minorMs, k % step.minor === 0);
  return n;
}

function pad2(n: number): string {
  return n < 10 ? '0' + n : String(n);
}

/** `1:02:03` or `02:03`; with a frame step, SMPTE-style `00:02:03:05` (the last field is frames). */
export function formatTickLabel(ms: number, step: TickStep, rate: FrameRate): string {
  const t = Math.max(0, ms);
  const totalS = Math.floor(t / 1000 + 1e-9);
  const h = Math.floor(totalS / 3600);
  const m = Math.floor(totalS / 60) % 60;
  const s = totalS % 60;
  if (step.frames) {
    const nominal = Math.round(rate.num / rate.den);
    return `${pad2(h)}:${pad2(m)}:${pad2(s)}:${pad2(msToFrame(t, rate) % nominal)}`;
  }
  return h > 0 ? `${h}:${pad2(m)}:${pad2(s)}` : `${pad2(m)}:${pad2(s)}`;
}
