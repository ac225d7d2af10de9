// X's video upload limits (../../shared x-api.md, "Limits") as a pure check: MediaInfo in,
// violations with the fix out. Every limit is a field of VideoLimits so a setting can change it.
import type { MediaInfo } from './media-info.ts';
import { formatFps, isSquarePixels, rationalValue } from './media-info.ts';
import { formatBytes } from '../units.ts';

/** X's media categories for a video: a post's video, or Amplify (X's publisher video program). */
export const MEDIA_CATEGORIES = ['tweet_video', 'amplify_video'] as const;
export type MediaCategory = (typeof MEDIA_CATEGORIES)[number];

export interface VideoLimits {
  maxFps: number;
  minWidth: number;
  minHeight: number;
  /** X's "advanced" list: 32×32 to 1280×1024. */
  maxWidth: number;
  maxHeight: number;
  /**
   * X's "recommended" list and Media Studio take 1080p (subscribers see it, others get 720p):
   * above maxWidth×maxHeight up to this long × short side is a warning, not an error.
   */
  warnMaxLongSide: number;
  warnMaxShortSide: number;
  /** width / height of the displayed picture. */
  minAspect: number;
  maxAspect: number;
  minDurationMs: number;
  maxDurationMs: number;
  maxBytes: number;
  /** Duration cap of the older docs: above it, warn that X may still refuse the post. */
  legacyMaxDurationMs: number;
  videoCodecs: readonly string[];
  pixFmts: readonly string[];
  /** ffprobe format_name parts X accepts. */
  containers: readonly string[];
  audioCodecs: readonly string[];
  audioProfiles: readonly string[];
  maxAudioChannels: number;
  /** Recommendations (warnings only). */
  recommendedVideoProfile: string;
  minAudioBitRate: number;
}

const MB = 1024 * 1024;
const GB = 1024 * MB;
const MIN = 60_000;

/**
 * Default account limits. Duration/size follow the newer docs (20 min / 8 GB; the older docs'
 * 140 s / 512 MB only warns, see legacyMaxDurationMs); dimensions follow the documented
 * 32×32–1280×1024.
 */
export const DEFAULT_LIMITS: VideoLimits = {
  maxFps: 60,
  minWidth: 32,
  minHeight: 32,
  maxWidth: 1280,
  maxHeight: 1024,
  warnMaxLongSide: 1920,
  warnMaxShortSide: 1080,
  minAspect: 1 / 3,
  maxAspect: 3,
  minDurationMs: 500,
  maxDurationMs: 20 * MIN,
  maxBytes: 8 * GB,
  legacyMaxDurationMs: 140_000,
  videoCodecs: ['h264'],
  pixFmts: ['yuv420p', 'yuvj420p'],
  containers: ['mp4', 'mov'],
  audioCodecs: ['aac'],
  audioProfiles: ['LC'],
  maxAudioChannels: 2,
  recommendedVideoProfile: 'High',
  minAudioBitRate: 128_000,
};

/** Premium accounts: 125 min / 16 GB (newer docs). */
export const PREMIUM_LIMITS: Partial<VideoLimits> = { maxDurationMs: 125 * MIN, maxBytes: 16 * GB };

/**
 * Premium accounts that post 1080p on purpose: no warning up to 1920 on either side (landscape
 * and portrait 1080p).
 */
export const PREMIUM_1080P_LIMITS: Partial<VideoLimits> = { maxWidth: 1920, maxHeight: 1920 };

export interface LimitOptions {
  category: MediaCategory;
  premium?: boolean | undefined;
  /** With premium: take 1080p without the warning. */
  premium1080p?: boolean | undefined;
  /** Overrides from settings, applied last. */
  limits?: Partial<VideoLimits> | undefined;
}

export function limitsFor(opts: LimitOptions): VideoLimits {
  return {
    ...DEFAULT_LIMITS,
    ...(opts.premium ? PREMIUM_LIMITS : {}),
    ...(opts.premium && opts.premium1080p ? PREMIUM_1080P_LIMITS : {}),
    ...(opts.limits ?? {}),
  };
}

export interface Violation {
  /** Stable id, e.g. "video.fps". */
  rule: string;
  severity: 'error' | 'warning';
  message: string;
  fix: string;
  /** What to do, in no surface's words; `fixable` says whether Cueline's transcode does it. */
  fixable: boolean;
}

export interface ConstraintResult {
  ok: boolean;
  violations: Violation[];
  warnings: Violation[];
}

function fmtMs(ms: number): string {
  if (ms < 120_000) return `${+(ms / 1000).toFixed(2)} s`;
  return `${+(ms / MIN).toFixed(1)} min`;
}

function fmtAspect(a: number): string {
  return a >= 1 ? `${+a.toFixed(2)}:1` : `1:${+(1 / a).toFixed(2)}`;
}

export function checkConstraints(info: MediaInfo, opts: LimitOptions): ConstraintResult {
  const L = limitsFor(opts);
  const out: Violation[] = [];
  const err = (rule: string, message: string, fix: string, fixable: boolean): void => {
    out.push({ rule, severity: 'error', message, fix, fixable });
  };
  const warn = (rule: string, message: string, fix: string, fixable: boolean): void => {
    out.push({ rule, severity: 'warning', message, fix, fixable });
  };

  const formats = info.container.split(',');
  if (!L.containers.some((c) => formats.includes(c)))
    err('container', `container ${info.container} is not MP4 or MOV`, `remux to MP4`, true);

  if (info.durationMs < L.minDurationMs)
    err(
      'duration.too_short',
      `duration ${fmtMs(info.durationMs)} is shorter than ${fmtMs(L.minDurationMs)}`,
      'use a longer clip (not fixable by transcoding)',
      false,
    );
  if (info.durationMs > L.maxDurationMs)
    err(
      'duration.too_long',
      `duration ${fmtMs(info.durationMs)} exceeds ${fmtMs(L.maxDurationMs)}${opts.premium ? '' : ' (Premium accounts allow longer)'}`,
      'trim the video (not fixable by transcoding)',
      false,
    );
  else if (info.durationMs > L.legacyMaxDurationMs)
    warn(
      'duration.legacy_cap',
      `duration ${fmtMs(info.durationMs)} exceeds the older docs' ${fmtMs(L.legacyMaxDurationMs)}: X may refuse the post for some accounts`,
      'none needed unless X refuses it; then trim the video',
      false,
    );
  if (info.sizeBytes > L.maxBytes)
    err(
      'size.too_large',
      `file size ${formatBytes(info.sizeBytes)} exceeds ${formatBytes(L.maxBytes)}`,
      'trim the video or encode at a lower bit rate',
      false,
    );

  const v = info.video;
  if (!v) {
    err('video.missing', 'no video stream', 'choose a video file (not fixable by transcoding)', false);
  } else {
    if (!L.videoCodecs.includes(v.codec))
      err('video.codec', `video codec ${v.codec} is not H.264`, `re-encode as H.264`, true);
    else if (v.profile && v.profile !== L.recommendedVideoProfile && !/4:2:2|4:4:4|10/.test(v.profile))
      warn(
        'video.profile',
        `H.264 profile ${v.profile}: X recommends ${L.recommendedVideoProfile}`,
        `optional: re-encode as H.264 ${L.recommendedVideoProfile}`,
        false,
      );
    if (v.pixFmt === null || !L.pixFmts.includes(v.pixFmt))
      err(
        'video.pix_fmt',
        `pixel format ${v.pixFmt ?? 'unknown'} is not yuv420p`,
        `convert to yuv420p`,
        true,
      );
    const fps = rationalValue(v.fps);
    if (fps > L.maxFps + 0.01)
      err(
        'video.fps',
        `frame rate ${formatFps(v.fps)} fps exceeds ${L.maxFps} fps`,
        `reduce the frame rate`,
        true,
      );
    if (v.interlaced)
      err(
        'video.interlaced',
        `video is interlaced (field order ${v.fieldOrder ?? 'unknown'})`,
        `deinterlace to progressive`,
        true,
      );
    if (v.openGop === true) err('video.open_gop', 'video uses open GOPs', `re-encode with closed GOPs`, true);
    else if (v.openGop === null)
      warn(
        'video.open_gop_unknown',
        'could not verify closed GOPs (no second keyframe in the scanned part)',
        'none needed unless X refuses it; then re-encode with closed GOPs',
        false,
      );
    if (!isSquarePixels(v.sar))
      err(
        'video.sar',
        `pixels are not square (SAR ${v.sar?.num}:${v.sar?.den})`,
        `resample to square pixels`,
        true,
      );
    const long = Math.max(v.width, v.height);
    const short = Math.min(v.width, v.height);
    if (v.width > L.maxWidth || v.height > L.maxHeight) {
      if (long <= L.warnMaxLongSide && short <= L.warnMaxShortSide)
        warn(
          'video.above_advanced',
          `${v.width}x${v.height} is above ${L.maxWidth}x${L.maxHeight} (X's advanced list) but within 1080p, which X takes: viewers without a subscription see 720p`,
          `none needed; for everyone to see full quality, scale down`,
          true,
        );
      else
        err(
          'video.too_large',
          `${v.width}x${v.height} exceeds ${L.warnMaxLongSide}x${L.warnMaxShortSide}`,
          `scale down keeping the aspect ratio`,
          true,
        );
    }
    if (v.width < L.minWidth || v.height < L.minHeight)
      err(
        'video.too_small',
        `${v.width}x${v.height} is smaller than ${L.minWidth}x${L.minHeight}`,
        `scale up keeping the aspect ratio`,
        true,
      );
    if (v.dar < L.minAspect - 1e-3 || v.dar > L.maxAspect + 1e-3)
      err(
        'video.aspect',
        `aspect ratio ${fmtAspect(v.dar)} is outside ${fmtAspect(L.minAspect)} to ${fmtAspect(L.maxAspect)}`,
        `pad with black bars to ${fmtAspect(v.dar < L.minAspect ? L.minAspect : L.maxAspect)}`,
        true,
      );
  }

  const a = info.audio;
  if (!a) {
    warn(
      'audio.missing',
      'no audio stream',
      'none needed: X accepts video without sound (captions still need the dialogue timed by ear)',
      false,
    );
  } else {
    if (!L.audioCodecs.includes(a.codec))
      err('audio.codec', `audio codec ${a.codec} is not AAC`, `re-encode the audio as AAC-LC`, true);
    else if (a.profile === null || !L.audioProfiles.includes(a.profile))
      err(
        'audio.profile',
        `AAC profile ${a.profile ?? 'unknown'} is not AAC-LC`,
        `re-encode the audio as AAC-LC`,
        true,
      );
    if (a.channels > L.maxAudioChannels)
      err(
        'audio.channels',
        `${a.channels} audio channels${a.channelLayout ? ` (${a.channelLayout})` : ''}: X takes mono or stereo`,
        `downmix to stereo`,
        true,
      );
    if (a.bitRate !== null && a.bitRate < L.minAudioBitRate * 0.75)
      warn(
        'audio.bitrate',
        `audio bit rate ${Math.round(a.bitRate / 1000)} kb/s: X recommends ${L.minAudioBitRate / 1000} kb/s or more`,
        'optional: export the audio at a higher bit rate from the source',
        false,
      );
  }

  const violations = out.filter((x) => x.severity === 'error');
  const warnings = out.filter((x) => x.severity === 'warning');
  return { ok: violations.length === 0, violations, warnings };
}
