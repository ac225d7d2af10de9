// Draws one timeline frame on a 2D canvas: ruler, thumbnails, waveform, shot changes, cues and the
// playhead. Only what is in the window is touched: cues come from the binary-searched range,
// peaks from the level with about one bucket per pixel, so a frame costs the same for 10 cues or
// 10,000 and for 1 minute or 2 hours of audio. Scratch arrays are reused between frames.
import type { Finding } from '../../../shared/captions/rules.ts';
import type { Cue } from '../../../shared/captions/model.ts';
import type { FrameRate } from '../../../shared/captions/time.ts';
import type { CueIndex } from './cue-index.ts';
import { visibleRange } from './cue-index.ts';
import type { CueTimes } from './drag.ts';
import type { TimelineLayout } from './layout.ts';
import type { Palette } from './palette.ts';
import type { TimelinePeaks } from './peaks.ts';
import { bucketMs, chooseLevel, displayGain } from './peaks.ts';
import { lowerBound } from '../../../shared/partition-point.ts';
import type { Tick } from './ticks.ts';
import { chooseTickStep, formatTickLabel, ticksInRange } from './ticks.ts';
import type { Viewport } from './viewport.ts';
import { endMs, timeToX } from './viewport.ts';

export interface ThumbnailImage {
  timeMs: number;
  image: CanvasImageSource & { width: number; height: number };
}

export interface DrawState {
  viewport: Viewport;
  layout: TimelineLayout;
  palette: Palette;
  rate: FrameRate;
  index: CueIndex;
  selected: ReadonlySet<string>;
  findings: ReadonlyMap<string, readonly Finding[]> | null;
  peaks: TimelinePeaks | null;
  thumbnails: readonly ThumbnailImage[];
  shotChangesMs: readonly number[];
  playheadMs: number;
  durationMs: number;
  /** Times of cues being dragged (drawn there instead of where the document has them). */
  preview: ReadonlyMap<string, CueTimes> | null;
  /** The range a create drag would make. */
  creating: { start: number; end: number } | null;
  loopRange: { startMs: number; endMs: number } | null;
  focused: boolean;
}

const scratchTicks: Tick[] = [];
/** Display gain per peaks object (computed once, not per frame). */
const gains = new WeakMap<TimelinePeaks, number>();
const FONT = '12px system-ui, sans-serif';
const SMALL_FONT = '10px system-ui, sans-serif';

export function drawTimeline(ctx: CanvasRenderingContext2D, s: DrawState, dpr: number): void {
  const { viewport: v, layout: L, palette: P } = s;
  const w = v.widthPx;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.fillStyle = P.background;
  ctx.fillRect(0, 0, w, L.height);
  const t0 = v.startMs;
  const t1 = endMs(v);
  if (s.loopRange) {
    const x0 = timeToX(v, s.loopRange.startMs);
    const x1 = timeToX(v, s.loopRange.endMs);
    ctx.fillStyle = P.loop;
    ctx.fillRect(x0, L.thumbsTop, x1 - x0, L.height - L.thumbsTop);
  }
  drawRuler(ctx, s, t0, t1);
  if (L.thumbsHeight > 0) drawThumbnails(ctx, s, t0, t1);
  drawWaveform(ctx, s, t0, t1);
  drawShotChanges(ctx, s, t0, t1);
  drawCues(ctx, s, t0, t1);
  if (s.creating) {
    const x0 = timeToX(v, s.creating.start);
    const x1 = timeToX(v, s.creating.end);
    ctx.strokeStyle = P.create;
    ctx.setLineDash([4, 3]);
    ctx.lineWidth = 1.5;
    ctx.strokeRect(x0 + 0.5, L.cuesTop + 3.5, Math.max(1, x1 - x0 - 1), L.cuesHeight - 7);
    ctx.setLineDash([]);
  }
  // Past the end of the media: dim.
  if (s.durationMs > 0 && s.durationMs < t1) {
    const x = timeToX(v, s.durationMs);
    ctx.fillStyle = 'rgba(127,127,127,0.18)';
    ctx.fillRect(x, L.thumbsTop, w - x, L.height - L.thumbsTop);
  }
  const px = Math.round(timeToX(v, s.playheadMs)) + 0.5;
  if (px >= -1 && px <= w + 1) {
    ctx.strokeStyle = P.playhead;
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(px, 0);
    ctx.lineTo(px, L.height);
    ctx.stroke();
    ctx.fillStyle = P.playhead;
    ctx.beginPath();
    ctx.moveTo(px - 5, 0);
    ctx.lineTo(px + 5, 0);
    ctx.lineTo(px, 7);
    ctx.closePath();
    ctx.fill();
  }
  if (s.focused) {
    ctx.strokeStyle = P.cueSelectedBorder;
    ctx.lineWidth = 2;
    ctx.strokeRect(1, 1, w - 2, L.height - 2);
  }
}

function drawRuler(ctx: CanvasRenderingContext2D, s: DrawState, t0: number, t1: number): void {
  const { viewport: v, layout: L, palette: P } = s;
  ctx.fillStyle = P.ruler;
  ctx.fillRect(0, L.rulerTop, v.widthPx, L.rulerHeight);
  const step = chooseTickStep(v.msPerPx, s.rate);
  // Labels a little outside the window still show their start.
  const n = ticksInRange(Math.max(0, t0 - step.ms), t1, step, s.rate, scratchTicks);
  ctx.strokeStyle = P.tick;
  ctx.lineWidth = 1;
  ctx.beginPath();
  const bottom = L.rulerTop + L.rulerHeight;
  for (let i = 0; i < n; i++) {
    const t = scratchTicks[i] as Tick;
    const x = Math.round(timeToX(v, t.ms)) + 0.5;
    ctx.moveTo(x, bottom);
    ctx.lineTo(x, bottom - (t.major ? 10 : 4));
  }
  ctx.stroke();
  ctx.fillStyle = P.rulerText;
  ctx.font = SMALL_FONT;
  ctx.textBaseline = 'top';
  for (let i = 0; i < n; i++) {
    const t = scratchTicks[i] as Tick;
    if (!t.major) continue;
    ctx.fillText(formatTickLabel(t.ms, step, s.rate), timeToX(v, t.ms) + 3, L.rulerTop + 3);
  }
}

function drawThumbnails(ctx: CanvasRenderingContext2D, s: DrawState, t0: number, t1: number): void {
  const { viewport: v, layout: L } = s;
  const thumbs = s.thumbnails;
  if (thumbs.length === 0) return;
  const first = thumbs[0] as ThumbnailImage;
  const h = L.thumbsHeight - 2;
  const tileW = Math.max(8, Math.round((h * first.image.width) / Math.max(1, first.image.height)));
  const tileMs = tileW * v.msPerPx;
  const startTile = Math.floor(Math.max(0, t0) / tileMs);
  const limit = s.durationMs > 0 ? Math.min(t1, s.durationMs) : t1;
  // Each tile shows the thumbnail nearest its middle: the strip reads at any zoom.
  let k = 0;
  for (let tile = startTile; tile * tileMs < limit; tile++) {
    const mid = (tile + 0.5) * tileMs;
    while (
      k + 1 < thumbs.length &&
      Math.abs((thumbs[k + 1] as ThumbnailImage).timeMs - mid) <=
        Math.abs((thumbs[k] as ThumbnailImage).timeMs - mid)
    )
      k++;
    const th = thumbs[k] as ThumbnailImage;
    ctx.drawImage(th.image, timeToX(v, tile * tileMs), L.thumbsTop + 1, tileW, h);
  }
}

function drawWaveform(ctx: CanvasRenderingContext2D, s: DrawState, t0: number, t1: number): void {
  const { viewport: v, layout: L, palette: P, peaks } = s;
  const mid = L.waveTop + L.waveHeight / 2;
  const half = L.waveHeight / 2 - 2;
  ctx.strokeStyle = P.tick;
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(0, Math.round(mid) + 0.5);
  ctx.lineTo(v.widthPx, Math.round(mid) + 0.5);
  ctx.stroke();
  if (!peaks || peaks.levels.length === 0) return;
  const li = chooseLevel(peaks, v.msPerPx);
  const level = peaks.levels[li];
  const len = peaks.lengths[li] ?? 0;
  if (!level || len === 0) return;
  const bMs = bucketMs(peaks, level);
  const min = level.min;
  const max = level.max;
  let gain = gains.get(peaks);
  if (gain === undefined) {
    gain = displayGain(peaks);
    gains.set(peaks, gain);
  }
  const scale = (half / 32768) * gain;
  // Not yet decoded: a pale band up to the known length.
  const decodedX = timeToX(v, len * bMs);
  if (!peaks.done && decodedX < v.widthPx && s.durationMs > 0) {
    ctx.fillStyle = P.waveLoading;
    const x1 = Math.min(v.widthPx, timeToX(v, s.durationMs));
    if (x1 > decodedX) ctx.fillRect(Math.max(0, decodedX), mid - 1, x1 - Math.max(0, decodedX), 2);
  }
  ctx.fillStyle = P.wave;
  ctx.beginPath();
  const x0 = Math.max(0, Math.floor(timeToX(v, Math.max(0, t0))));
  const xEnd = Math.min(v.widthPx, Math.ceil(decodedX));
  if (bMs >= v.msPerPx * 1.5) {
    // Zoomed closer than the finest buckets: one bar per bucket.
    const b0 = Math.max(0, Math.floor(t0 / bMs));
    const b1 = Math.min(len, Math.ceil(t1 / bMs) + 1);
    const bw = bMs / v.msPerPx;
    for (let b = b0; b < b1; b++) {
      const x = timeToX(v, b * bMs);
      const hi = (max[b] as number) * scale;
      const lo = (min[b] as number) * scale;
      ctx.rect(x, mid - hi, Math.max(1, bw - 1), Math.max(1, hi - lo));
    }
  } else {
    for (let x = x0; x < xEnd; x++) {
      const b0 = Math.floor((t0 + x * v.msPerPx) / bMs);
      let b1 = Math.floor((t0 + (x + 1) * v.msPerPx) / bMs);
      if (b1 <= b0) b1 = b0 + 1;
      if (b0 >= len) break;
      let lo = 32767;
      let hi = -32768;
      const end = b1 < len ? b1 : len;
      for (let b = b0 < 0 ? 0 : b0; b < end; b++) {
        const mn = min[b] as number;
        const mx = max[b] as number;
        if (mn < lo) lo = mn;
        if (mx > hi) hi = mx;
      }
      if (hi < lo) continue;
      const top = mid - hi * scale;
      ctx.rect(x, top, 1, Math.max(1, (hi - lo) * scale));
    }
  }
  ctx.fill();
}

function drawShotChanges(ctx: CanvasRenderingContext2D, s: DrawState, t0: number, t1: number): void {
  const { viewport: v, layout: L, palette: P } = s;
  const cuts = s.shotChangesMs;
  if (cuts.length === 0) return;
  ctx.strokeStyle = P.shot;
  ctx.lineWidth = 1;
  ctx.setLineDash([3, 3]);
  ctx.beginPath();
  let lastX = -10;
  for (let i = lowerBound(cuts, t0); i < cuts.length; i++) {
    const t = cuts[i] as number;
    if (t > t1) break;
    const x = Math.round(timeToX(v, t)) + 0.5;
    if (x - lastX < 2) continue;
    lastX = x;
    ctx.moveTo(x, L.thumbsTop);
    ctx.lineTo(x, L.height);
  }
  ctx.stroke();
  ctx.setLineDash([]);
}

function worstSeverity(f: readonly Finding[] | undefined): 0 | 1 | 2 {
  if (!f || f.length === 0) return 0;
  let worst: 0 | 1 | 2 = 0;
  for (const x of f) {
    if (x.severity === 'error') return 2;
    if (x.severity === 'warning') worst = 1;
  }
  return worst;
}

let avgCharWidth = 0;

/** Where the k-th cue in time order is drawn: its times, or where a drag in progress puts it. */
function shownTimes(
  ix: CueIndex,
  k: number,
  preview: ReadonlyMap<string, CueTimes> | null,
): { start: number; end: number } {
  const p = preview?.get((ix.cues[ix.order[k] as number] as Cue).id);
  return p ?? { start: ix.starts[k] as number, end: ix.ends[k] as number };
}

function drawCues(ctx: CanvasRenderingContext2D, s: DrawState, t0: number, t1: number): void {
  const { viewport: v, layout: L, palette: P, index: ix } = s;
  const top = L.cuesTop + 4;
  const h = L.cuesHeight - 8;
  const { from, to } = visibleRange(ix, t0, t1);
  ctx.font = FONT;
  ctx.textBaseline = 'middle';
  if (avgCharWidth === 0) avgCharWidth = ctx.measureText('abcdefghijklmnopqrstuvwxyz ').width / 27;
  const preview = s.preview && s.preview.size > 0 ? s.preview : null;
  // Cues thinner than a few pixels merge into runs: at whole-file zoom 10,000 cues cost ~width rects.
  let runX0 = -1;
  let runX1 = -1;
  ctx.fillStyle = P.cueBorder;
  ctx.beginPath();
  for (let k = from; k < to; k++) {
    const { start, end } = shownTimes(ix, k, preview);
    if (end < t0 || start > t1) continue;
    const x0 = timeToX(v, start);
    const x1 = timeToX(v, end);
    if (x1 - x0 >= 4) continue;
    if (runX1 >= 0 && x0 <= runX1 + 1) {
      if (x1 > runX1) runX1 = x1;
    } else {
      if (runX1 >= 0) ctx.rect(runX0, top, Math.max(1, runX1 - runX0), h);
      runX0 = x0;
      runX1 = x1;
    }
  }
  if (runX1 >= 0) ctx.rect(runX0, top, Math.max(1, runX1 - runX0), h);
  ctx.fill();
  // Wide cues: body, severity stripe, selection, clipped text.
  for (let k = from; k < to; k++) {
    const c = ix.cues[ix.order[k] as number] as Cue;
    const { start, end } = shownTimes(ix, k, preview);
    if (end < t0 || start > t1) continue;
    const x0 = timeToX(v, start);
    const x1 = timeToX(v, end);
    const selected = s.selected.has(c.id);
    if (x1 - x0 < 4 && !selected) continue;
    const bx = Math.max(-2, x0);
    const bw = Math.min(v.widthPx + 2, x1) - bx;
    ctx.fillStyle = selected ? P.cueSelected : P.cue;
    ctx.fillRect(bx, top, Math.max(1, bw), h);
    const sev = s.findings ? worstSeverity(s.findings.get(c.id)) : 0;
    if (sev > 0) {
      ctx.fillStyle = sev === 2 ? P.error : P.warning;
      ctx.fillRect(bx, top + h - 4, Math.max(1, bw), 4);
    }
    ctx.strokeStyle = selected ? P.cueSelectedBorder : P.cueBorder;
    ctx.lineWidth = selected ? 2 : 1;
    ctx.strokeRect(Math.round(x0) + 0.5, top + 0.5, Math.max(1, Math.round(x1 - x0) - 1), h - 1);
    const room = bw - 10;
    if (room > avgCharWidth * 2 && c.text) {
      ctx.fillStyle = P.cueText;
      const nl = c.text.indexOf('\n');
      let line = nl >= 0 ? c.text.slice(0, nl) + ' ⏎ ' + c.text.slice(nl + 1) : c.text;
      const fits = Math.floor(room / avgCharWidth);
      if (line.length > fits) line = line.slice(0, Math.max(1, fits - 1)) + '…';
      ctx.fillText(line, bx + 5, top + h / 2 - (sev > 0 ? 2 : 0), room);
    }
  }
}
