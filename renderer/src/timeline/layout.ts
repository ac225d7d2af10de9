// The timeline's horizontal bands, top to bottom, in CSS pixels. Drawing and hit-testing share it.

export interface TimelineLayout {
  rulerTop: number;
  rulerHeight: number;
  thumbsTop: number;
  thumbsHeight: number;
  waveTop: number;
  waveHeight: number;
  cuesTop: number;
  cuesHeight: number;
  height: number;
}

/** Bands for a canvas `height` px tall; the waveform and the cue lane share what the ruler and thumbnails leave. */
export function computeLayout(height: number, showThumbnails: boolean): TimelineLayout {
  const rulerHeight = 22;
  const thumbsHeight = showThumbnails ? 40 : 0;
  const rest = Math.max(40, height - rulerHeight - thumbsHeight);
  const cuesHeight = Math.max(28, Math.round(rest * 0.45));
  const waveHeight = Math.max(12, rest - cuesHeight);
  const thumbsTop = rulerHeight;
  const waveTop = thumbsTop + thumbsHeight;
  const cuesTop = waveTop + waveHeight;
  return {
    rulerTop: 0,
    rulerHeight,
    thumbsTop,
    thumbsHeight,
    waveTop,
    waveHeight,
    cuesTop,
    cuesHeight,
    height: cuesTop + cuesHeight,
  };
}
