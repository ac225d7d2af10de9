import { describe, expect, it } from 'vitest';
import { pickBinary } from '../../../main/services/media/binaries.ts';
import { detectOpenGop } from '../../../main/services/media/probe.ts';
import { parseSceneLines } from '../../../main/services/media/shot-changes.ts';
import type { TranscodeProgress } from '../../../main/services/media/transcode.ts';
import { progressParser } from '../../../main/services/media/transcode.ts';
import { transcodeArgs } from '../../../main/services/media/transcode-args.ts';

describe('detectOpenGop (pts,flags in decode order)', () => {
  it('finds a leading picture after a later keyframe', () => {
    // x264 open-gop: the second keyframe (pts 10240) is followed by a B-frame shown before it.
    const csv = ['0,K__', '1536,___', '512,___', '10240,K__', '9728,___', '11776,___'].join('\n');
    expect(detectOpenGop(csv)).toBe(true);
  });

  it('accepts closed GOPs, including B-frames right after the first keyframe', () => {
    const csv = ['0,K__', '1536,___', '512,___', '10240,K__', '11776,___', '10752,___'].join('\n');
    expect(detectOpenGop(csv)).toBe(false);
  });

  it('is unknown only when the scan stopped before a second keyframe', () => {
    expect(detectOpenGop(['0,K__', '512,___'].join('\n'))).toBe(false);
    expect(detectOpenGop(['0,K__', '512,___', '1024,___'].join('\n'), 3)).toBeNull();
    expect(detectOpenGop('N/A,K__\n')).toBe(false);
  });
});

describe('progressParser', () => {
  it('reports at each progress= line, from out_time_us or the old out_time_ms (also µs)', () => {
    const got: TranscodeProgress[] = [];
    const feed = progressParser(4000, (p) => got.push(p));
    feed(Buffer.from('frame=10\nout_time_us=1000000\nspeed=2.5x\nprog'));
    feed(Buffer.from('ress=continue\nout_time_ms=3000000\nspeed=N/A\nprogress=continue\nprogress=end\n'));
    expect(got).toEqual([
      { outTimeMs: 1000, durationMs: 4000, fraction: 0.25, speed: 2.5 },
      { outTimeMs: 3000, durationMs: 4000, fraction: 0.75 },
      { outTimeMs: 4000, durationMs: 4000, fraction: 1 },
    ]);
  });
});

describe('parseSceneLines', () => {
  it('reads pts_time of each selected frame in ms', () => {
    const text =
      'frame:0    pts:12800   pts_time:1\nlavfi.scene_score=1.000000\nframe:1 pts:25600 pts_time:2.04\n';
    expect(parseSceneLines(text)).toEqual([1000, 2040]);
  });
});

describe('transcodeArgs', () => {
  it('copies both streams when nothing must change, always with faststart', () => {
    const a = transcodeArgs('in.mov', 'out.mp4', { video: 'copy', audio: 'copy', fixes: [], unfixable: [] });
    expect(a.join(' ')).toContain('-c:v copy');
    expect(a.join(' ')).toContain('-c:a copy');
    expect(a.join(' ')).toContain('-movflags +faststart');
    expect(a.join(' ')).not.toContain('libx264');
  });

  it('re-encodes to H.264 High yuv420p with a fixed closed GOP, deinterlacing and padding', () => {
    const a = transcodeArgs('in.mp4', 'out.mp4', {
      video: {
        width: 120,
        height: 360,
        contentWidth: 90,
        contentHeight: 360,
        deinterlace: true,
        fps: { num: 120, den: 2 },
        gop: 120,
      },
      audio: { channels: 2, bitRate: 128_000, sampleRate: null },
      fixes: [],
      unfixable: [],
    }).join(' ');
    expect(a).toContain(
      'bwdif=mode=send_frame:parity=auto:deint=all,fps=120/2,scale=90:360,setsar=1,pad=120:360',
    );
    expect(a).toContain('-profile:v high -pix_fmt yuv420p');
    expect(a).toContain('-g 120 -keyint_min 120 -sc_threshold 0 -flags +cgop');
    expect(a).toContain('-c:a aac -profile:a aac_low -b:a 128000 -ac 2');
  });
});

describe('pickBinary', () => {
  it('names every candidate it tried when none works', async () => {
    const tried: Parameters<typeof pickBinary>[2] = [];
    const p = pickBinary(
      'ffmpeg',
      [
        { source: 'setting', path: '/nonexistent/cueline/ffmpeg' },
        { source: 'path', path: 'cueline-no-such-ffmpeg' },
      ],
      tried,
    );
    await expect(p).rejects.toMatchObject({
      code: 'media.binary_missing',
      message: expect.stringMatching(
        /tried: setting \/nonexistent\/cueline\/ffmpeg \(.+\); path cueline-no-such-ffmpeg \(.+\)/,
      ),
    });
    expect(tried.map((t) => t.source)).toEqual(['setting', 'path']);
  });
});
