import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { MediaInfo } from '../../../shared/media/media-info.ts';
import {
  checkConstraints,
  DEFAULT_LIMITS,
  limitsFor,
  type LimitOptions,
} from '../../../shared/media/constraints.ts';
import { planFps, planGeometry, planTranscode } from '../../../shared/media/transcode-plan.ts';

function info(
  over: {
    video?: Partial<NonNullable<MediaInfo['video']>> | null;
    audio?: Partial<NonNullable<MediaInfo['audio']>> | null;
  } & Partial<Omit<MediaInfo, 'video' | 'audio'>> = {},
): MediaInfo {
  const { video, audio, ...rest } = over;
  return {
    file: 'a.mp4',
    container: 'mov,mp4,m4a,3gp,3g2,mj2',
    durationMs: 10_000,
    sizeBytes: 1_000_000,
    bitRate: 800_000,
    video:
      video === null
        ? null
        : {
            codec: 'h264',
            profile: 'High',
            pixFmt: 'yuv420p',
            width: 1280,
            height: 720,
            sar: { num: 1, den: 1 },
            dar: 16 / 9,
            fps: { num: 30, den: 1 },
            fieldOrder: 'progressive',
            interlaced: false,
            openGop: false,
            bitRate: 700_000,
            ...video,
          },
    audio:
      audio === null
        ? null
        : {
            codec: 'aac',
            profile: 'LC',
            channels: 2,
            channelLayout: 'stereo',
            sampleRate: 48_000,
            bitRate: 128_000,
            ...audio,
          },
    ...rest,
  };
}

const opts = { category: 'tweet_video' as const };
const rules = (i: MediaInfo, o: Parameters<typeof checkConstraints>[1] = opts): string[] =>
  checkConstraints(i, o).violations.map((v) => v.rule);

describe('checkConstraints', () => {
  it('accepts a compliant H.264 High / AAC-LC MP4 with no warnings', () => {
    expect(checkConstraints(info(), opts)).toEqual({ ok: true, violations: [], warnings: [] });
  });

  it.each([
    ['video.fps', info({ video: { fps: { num: 120, den: 1 } } }), /120 fps exceeds 60 fps/],
    ['video.pix_fmt', info({ video: { pixFmt: 'yuv422p' } }), /yuv422p is not yuv420p/],
    [
      'video.interlaced',
      info({ video: { interlaced: true, fieldOrder: 'tt' } }),
      /interlaced \(field order tt\)/,
    ],
    ['video.open_gop', info({ video: { openGop: true } }), /open GOP/],
    ['video.sar', info({ video: { sar: { num: 4, den: 3 } } }), /SAR 4:3/],
    ['video.aspect', info({ video: { width: 90, height: 360, dar: 0.25 } }), /1:4 is outside 1:3 to 3:1/],
    [
      'video.too_large',
      info({ video: { width: 2000, height: 2000, dar: 1 } }),
      /2000x2000 exceeds 1920x1080/,
    ],
    ['video.too_small', info({ video: { width: 16, height: 16, dar: 1 } }), /smaller than 32x32/],
    ['video.codec', info({ video: { codec: 'hevc', profile: 'Main' } }), /hevc is not H.264/],
    ['audio.profile', info({ audio: { profile: 'HE-AAC' } }), /HE-AAC is not AAC-LC/],
    ['audio.channels', info({ audio: { channels: 6, channelLayout: '5.1' } }), /6 audio channels \(5.1\)/],
    ['audio.codec', info({ audio: { codec: 'mp3', profile: null } }), /mp3 is not AAC/],
    ['duration.too_short', info({ durationMs: 300 }), /0.3 s is shorter than 0.5 s/],
    [
      'duration.too_long',
      info({ durationMs: 21 * 60_000 }),
      /21 min exceeds 20 min \(Premium accounts allow longer\)/,
    ],
    ['size.too_large', info({ sizeBytes: 9 * 1024 ** 3 }), /9 GB exceeds 8 GB/],
    ['container', info({ container: 'matroska,webm' }), /matroska,webm is not MP4 or MOV/],
  ])('%s: names the violation and its fix', (rule, i, message) => {
    const r = checkConstraints(i, opts);
    expect(r.ok).toBe(false);
    const v = r.violations.find((x) => x.rule === rule);
    expect(v?.message).toMatch(message);
    expect(v?.fix.length).toBeGreaterThan(5);
    expect(r.violations.map((x) => x.rule)).toEqual([rule]);
  });

  it('marks transcoding fixes fixable and editorial ones not', () => {
    const r = checkConstraints(info({ durationMs: 300, video: { fps: { num: 120, den: 1 } } }), opts);
    expect(r.violations.map((v) => [v.rule, v.fixable])).toEqual([
      ['duration.too_short', false],
      ['video.fps', true],
    ]);
  });

  it('warns (does not refuse) for recommendations and silent video', () => {
    const r = checkConstraints(info({ video: { profile: 'Main' }, audio: null }), opts);
    expect(r.ok).toBe(true);
    expect(r.warnings.map((w) => w.rule)).toEqual(['video.profile', 'audio.missing']);
    expect(rules(info({ audio: { bitRate: 64_000 } }))).toEqual([]);
    expect(checkConstraints(info({ audio: { bitRate: 64_000 } }), opts).warnings[0]?.rule).toBe(
      'audio.bitrate',
    );
  });

  it('uses Premium caps as a setting, and the 140 s cap of the older docs only as a warning', () => {
    const long = info({ durationMs: 60 * 60_000 });
    expect(rules(long)).toEqual(['duration.too_long']);
    expect(rules(long, { ...opts, premium: true })).toEqual([]);
    expect(checkConstraints(info({ durationMs: 200_000 }), opts).warnings.map((w) => w.rule)).toEqual([
      'duration.legacy_cap',
    ]);
    expect(rules(info({ durationMs: 200_000 }), { ...opts, limits: { maxDurationMs: 140_000 } })).toEqual([
      'duration.too_long',
    ]);
  });

  it('takes 1080p (landscape or portrait) with a warning, and refuses what is above it', () => {
    const warnings = (i: MediaInfo, o: LimitOptions = opts): string[] =>
      checkConstraints(i, o).warnings.map((w) => w.rule);
    for (const [width, height] of [
      [1920, 1080],
      [1080, 1920],
      [1440, 1080],
    ] as const) {
      const hd = info({ video: { width, height } });
      expect(rules(hd)).toEqual([]);
      expect(warnings(hd)).toContain('video.above_advanced');
      expect(warnings(hd, { ...opts, premium: true, premium1080p: true })).not.toContain(
        'video.above_advanced',
      );
    }
    expect(rules(info({ video: { width: 1280, height: 1024 } }))).toEqual([]);
    expect(warnings(info({ video: { width: 1280, height: 1024 } }))).not.toContain('video.above_advanced');
    expect(rules(info({ video: { width: 2560, height: 1440 } }))).toEqual(['video.too_large']);
    expect(rules(info({ video: { width: 1920, height: 1200 } }))).toEqual(['video.too_large']);
  });

  it('reports unknown open GOP as a warning', () => {
    const r = checkConstraints(info({ video: { openGop: null } }), opts);
    expect(r.ok).toBe(true);
    expect(r.warnings.map((w) => w.rule)).toEqual(['video.open_gop_unknown']);
  });
});

describe('planTranscode', () => {
  it('copies compliant streams', () => {
    const p = planTranscode(info({ video: { profile: 'Main' }, audio: { bitRate: 64_000 } }), opts);
    expect(p.video).toBe('copy');
    expect(p.audio).toBe('copy');
  });

  it('re-encodes only the audio for a 5.1 track, downmixing to stereo at 128 kb/s or more', () => {
    const p = planTranscode(info({ audio: { channels: 6, bitRate: 384_000, sampleRate: 32_000 } }), opts);
    expect(p.video).toBe('copy');
    expect(p.audio).toEqual({ channels: 2, bitRate: 192_000, sampleRate: 48_000 });
  });

  it('halves 120 fps and 119.88 fps, keeps 60', () => {
    expect(planFps({ num: 120, den: 1 }, 60)).toEqual({ num: 120, den: 2 });
    expect(planFps({ num: 120000, den: 1001 }, 60)).toEqual({ num: 120000, den: 2002 });
    expect(planFps({ num: 60, den: 1 }, 60)).toBeNull();
    expect(planFps({ num: 240, den: 1 }, 60)).toEqual({ num: 240, den: 4 });
  });

  it('pads 1:4 to 1:3 and applies the SAR', () => {
    expect(planGeometry(90, 360, 1, DEFAULT_LIMITS)).toEqual({
      width: 120,
      height: 360,
      contentWidth: 90,
      contentHeight: 360,
    });
    expect(planGeometry(720, 576, 16 / 15, DEFAULT_LIMITS)).toEqual({
      width: 768,
      height: 576,
      contentWidth: 768,
      contentHeight: 576,
    });
  });

  it('geometry always fits the limits, keeps even sizes and an accepted aspect (property)', () => {
    const L = limitsFor({ category: 'tweet_video' });
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 8000 }),
        fc.integer({ min: 2, max: 8000 }),
        fc.constantFrom(1, 4 / 3, 8 / 9, 16 / 11, 10 / 11),
        (w, h, sar) => {
          const g = planGeometry(w, h, sar, L);
          expect(g.width % 2).toBe(0);
          expect(g.height % 2).toBe(0);
          expect(g.width).toBeLessThanOrEqual(L.maxWidth);
          expect(g.height).toBeLessThanOrEqual(L.maxHeight);
          expect(g.contentWidth).toBeLessThanOrEqual(g.width);
          expect(g.contentHeight).toBeLessThanOrEqual(g.height);
          expect(g.width).toBeGreaterThanOrEqual(L.minWidth);
          expect(g.height).toBeGreaterThanOrEqual(L.minHeight);
          expect(g.width / g.height).toBeGreaterThanOrEqual(L.minAspect);
          expect(g.width / g.height).toBeLessThanOrEqual(L.maxAspect);
        },
      ),
      { numRuns: 500 },
    );
  });
});
