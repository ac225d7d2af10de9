// The visible window of the timeline: which time is at the left edge and how many milliseconds one
// CSS pixel spans. Everything that maps time to pixels goes through here so drawing, hit-testing
// and dragging agree to the pixel.

export interface Viewport {
  /** Time at the left edge, ms. */
  startMs: number;
  /** Milliseconds per CSS pixel (zoom). */
  msPerPx: number;
  /** Width of the drawing area in CSS pixels. */
  widthPx: number;
}

/** The zoom range: a frame at least this many px wide at the closest, the whole file at the farthest. */
export const MIN_FRAME_PX = 24;

export function timeToX(v: Viewport, ms: number): number {
  return (ms - v.startMs) / v.msPerPx;
}

export function xToTime(v: Viewport, x: number): number {
  return v.startMs + x * v.msPerPx;
}

export function endMs(v: Viewport): number {
  return v.startMs + v.widthPx * v.msPerPx;
}

/** Zoom limits for a file: from one frame spanning MIN_FRAME_PX to the whole file in the width. */
export function zoomLimits(
  durationMs: number,
  widthPx: number,
  frameMs: number,
): { min: number; max: number } {
  const min = frameMs / MIN_FRAME_PX;
  const max = Math.max(min, Math.max(durationMs, 1000) / Math.max(1, widthPx));
  return { min, max };
}

/** Keeps the zoom inside its limits and the window inside [0, duration] (left-aligned when it is wider). */
export function clampViewport(v: Viewport, durationMs: number, frameMs: number): Viewport {
  const { min, max } = zoomLimits(durationMs, v.widthPx, frameMs);
  const msPerPx = Math.min(max, Math.max(min, v.msPerPx));
  const span = v.widthPx * msPerPx;
  const maxStart = Math.max(0, durationMs - span);
  const startMs = Math.min(maxStart, Math.max(0, v.startMs));
  return { startMs, msPerPx, widthPx: v.widthPx };
}

/** Zooms by `factor` (>1 zooms out) keeping the time under `anchorX` where it is. */
export function zoomAround(
  v: Viewport,
  factor: number,
  anchorX: number,
  durationMs: number,
  frameMs: number,
): Viewport {
  const anchorMs = xToTime(v, anchorX);
  const { min, max } = zoomLimits(durationMs, v.widthPx, frameMs);
  const msPerPx = Math.min(max, Math.max(min, v.msPerPx * factor));
  return clampViewport(
    { startMs: anchorMs - anchorX * msPerPx, msPerPx, widthPx: v.widthPx },
    durationMs,
    frameMs,
  );
}

/** The whole file in view. */
export function fitViewport(widthPx: number, durationMs: number, frameMs: number): Viewport {
  return clampViewport({ startMs: 0, msPerPx: Number.POSITIVE_INFINITY, widthPx }, durationMs, frameMs);
}

/** [startMs, endMs] in view with a margin of `marginFraction` of the width on each side. */
export function zoomToRange(
  v: Viewport,
  startMs: number,
  endMsValue: number,
  durationMs: number,
  frameMs: number,
  marginFraction = 0.1,
): Viewport {
  const span = Math.max(frameMs, endMsValue - startMs);
  const usable = v.widthPx * (1 - 2 * marginFraction);
  const msPerPx = span / Math.max(1, usable);
  const { min } = zoomLimits(durationMs, v.widthPx, frameMs);
  const z = Math.max(min, msPerPx);
  const centre = (startMs + endMsValue) / 2;
  return clampViewport(
    { startMs: centre - (v.widthPx * z) / 2, msPerPx: z, widthPx: v.widthPx },
    durationMs,
    frameMs,
  );
}

/** Scrolls so `ms` is in view; `centre` puts it in the middle, otherwise the least movement. */
export function scrollToTime(
  v: Viewport,
  ms: number,
  durationMs: number,
  frameMs: number,
  centre = false,
): Viewport {
  const span = v.widthPx * v.msPerPx;
  let startMs = v.startMs;
  if (centre) startMs = ms - span / 2;
  else if (ms < v.startMs) startMs = ms - span * 0.05;
  else if (ms > v.startMs + span) startMs = ms - span * 0.95;
  return clampViewport({ ...v, startMs }, durationMs, frameMs);
}

/**
 * Playback follow: when the playhead leaves the right 10% of the window (or the window), page so
 * it sits near the left again — paging reads calmer than continuous scrolling.
 */
export function followPlayhead(
  v: Viewport,
  playheadMs: number,
  durationMs: number,
  frameMs: number,
): Viewport {
  const span = v.widthPx * v.msPerPx;
  if (playheadMs >= v.startMs && playheadMs <= v.startMs + span * 0.9) return v;
  return clampViewport({ ...v, startMs: playheadMs - span * 0.1 }, durationMs, frameMs);
}
