// What a transcode must change to make a file pass checkConstraints, decided from MediaInfo alone
// (pure, so it is unit-tested without ffmpeg). Anything compliant is copied, not re-encoded.
import type { MediaInfo, Rational } from './media-info.ts';
import { isSquarePixels, rationalValue } from './media-info.ts';
import type { LimitOptions, VideoLimits } from './constraints.ts';
import { checkConstraints, limitsFor } from './constraints.ts';

export interface VideoPlan {
  /** Picture size written (square pixels, even). */
  width: number;
  height: number;
  /** Size of the picture inside the padding (equal to width/height when not padded). */
  contentWidth: number;
  contentHeight: number;
  deinterlace: boolean;
  /** Output frame rate when it must drop; null keeps the source rate. */
  fps: Rational | null;
  /** Frames per GOP: a fixed, closed GOP of about 2 s. */
  gop: number;
}

export interface AudioPlan {
  channels: number;
  bitRate: number;
  /** Output sample rate when the source's is not 44.1/48 kHz; null keeps it. */
  sampleRate: number | null;
}

export interface TranscodePlan {
  video: 'copy' | VideoPlan;
  /** 'copy' also when there is no audio: X accepts silent video. */
  audio: 'copy' | AudioPlan;
  /** Rules that will be fixed; the rest (unfixable) stay. */
  fixes: string[];
  unfixable: string[];
}

const VIDEO_RULES = new Set([
  'video.codec',
  'video.pix_fmt',
  'video.fps',
  'video.interlaced',
  'video.open_gop',
  'video.sar',
  'video.too_large',
  'video.too_small',
  'video.aspect',
]);
const AUDIO_RULES = new Set(['audio.codec', 'audio.profile', 'audio.channels']);

const even = (n: number): number => Math.max(2, 2 * Math.round(n / 2));

/**
 * Output geometry: the displayed picture (SAR applied), padded into the aspect range, then scaled
 * to fit between the minimum and maximum sizes keeping its aspect ratio, rounded to even sizes
 * (4:2:0 needs them).
 */
export function planGeometry(
  width: number,
  height: number,
  sarValue: number,
  L: Pick<VideoLimits, 'minWidth' | 'minHeight' | 'maxWidth' | 'maxHeight' | 'minAspect' | 'maxAspect'>,
): { width: number; height: number; contentWidth: number; contentHeight: number } {
  const dw = width * sarValue;
  const dh = height;
  let bw = dw;
  let bh = dh;
  if (dw / dh < L.minAspect) bw = dh * L.minAspect;
  else if (dw / dh > L.maxAspect) bh = dw / L.maxAspect;
  let k = Math.min(1, L.maxWidth / bw, L.maxHeight / bh);
  k = Math.max(k, L.minWidth / bw, L.minHeight / bh);
  const floorEven = (n: number, max: number): number => Math.min(max - (max % 2), even(n));
  let outW = floorEven(bw * k, L.maxWidth);
  let outH = floorEven(bh * k, L.maxHeight);
  // Rounding to even sizes can push a padded picture just past 3:1; pad two more pixels.
  while (outW / outH > L.maxAspect + 1e-9 && outW > 2) {
    if (outH + 2 <= L.maxHeight) outH += 2;
    else outW -= 2;
  }
  while (outW / outH < L.minAspect - 1e-9 && outH > 2) {
    if (outW + 2 <= L.maxWidth) outW += 2;
    else outH -= 2;
  }
  return {
    width: outW,
    height: outH,
    contentWidth: Math.min(outW, even(dw * k)),
    contentHeight: Math.min(outH, even(dh * k)),
  };
}

/** Largest integer divisor of the rate that brings it under the cap (120 → 60, 119.88 → 59.94). */
export function planFps(fps: Rational, maxFps: number): Rational | null {
  const v = rationalValue(fps);
  if (v <= maxFps + 0.01) return null;
  const k = Math.ceil(v / (maxFps + 0.01));
  return { num: fps.num, den: fps.den * k };
}

export function planTranscode(info: MediaInfo, opts: LimitOptions): TranscodePlan {
  const L = limitsFor(opts);
  const result = checkConstraints(info, opts);
  const all = [...result.violations, ...result.warnings];
  const fixes = all.filter((x) => x.fixable).map((x) => x.rule);
  const unfixable = result.violations.filter((x) => !x.fixable).map((x) => x.rule);
  const v = info.video;
  let video: TranscodePlan['video'] = 'copy';
  if (v && fixes.some((r) => VIDEO_RULES.has(r))) {
    const sar = v.sar && !isSquarePixels(v.sar) ? rationalValue(v.sar) : 1;
    const g = planGeometry(v.width, v.height, sar, L);
    const fps = planFps(v.fps, L.maxFps);
    const outFps = rationalValue(fps ?? v.fps) || 30;
    video = { ...g, deinterlace: v.interlaced, fps, gop: Math.max(1, Math.round(outFps * 2)) };
  }
  let audio: TranscodePlan['audio'] = 'copy';
  const a = info.audio;
  if (a && fixes.some((r) => AUDIO_RULES.has(r))) {
    audio = {
      channels: Math.min(a.channels, L.maxAudioChannels) || 2,
      bitRate: Math.max(L.minAudioBitRate, Math.min(a.bitRate ?? 0, 192_000)),
      sampleRate: a.sampleRate === 44_100 || a.sampleRate === 48_000 ? null : 48_000,
    };
  }
  return { video, audio, fixes, unfixable };
}
