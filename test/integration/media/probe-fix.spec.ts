import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { createWriteStream, watch } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CuelineError } from '../../../shared/errors.ts';
import { checkConstraints } from '../../../shared/media/constraints.ts';
import { rationalValue } from '../../../shared/media/media-info.ts';
import { detectOpenGop, probe } from '../../../main/services/media/probe.ts';
import { resolveBinaries } from '../../../main/services/media/binaries.ts';
import { transcode } from '../../../main/services/media/transcode.ts';
import { generateVideo, H264_FAST, rotateVideo } from '../../support/media-fixtures.ts';
import { makeTextAsMp4, makeTruncated, makeViolators, VIOLATORS } from './violators.ts';
import { testTempDir } from '../../support/temp-dir.ts';

const run = promisify(execFile);
const opts = { category: 'tweet_video' as const };
let dir: string;
let files: Map<string, string>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cueline-media-'));
  files = await makeViolators(dir);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const fileOf = (name: string): string => {
  const f = files.get(name);
  if (!f) throw new Error(`no fixture ${name}`);
  return f;
};

describe('probe + constraints on generated violators', () => {
  it.each(VIOLATORS.map((v) => [v.name, v] as const))('%s', async (_name, v) => {
    const info = await probe(fileOf(v.name));
    const r = checkConstraints(info, opts);
    if (v.rule === null) {
      expect(r.ok).toBe(true);
    } else {
      expect(r.ok).toBe(false);
      const found = r.violations.find((x) => x.rule === v.rule);
      expect(found, r.violations.map((x) => x.rule).join()).toBeDefined();
      expect(found?.fixable).toBe(v.fixable);
      if (!v.fixable) expect(found?.fix).toMatch(/not fixable/);
      // What to do, in no surface's words: the CLI and the app each say how.
      expect(found?.fix).not.toMatch(/cueline|--/);
      // Each file breaks exactly its one rule.
      expect(r.violations.map((x) => x.rule)).toEqual([v.rule]);
    }
    if (v.warning) expect(r.warnings.map((w) => w.rule)).toContain(v.warning);
  });

  it('reads the stream facts the rules need', async () => {
    const surround = await probe(fileOf('surround'));
    expect(surround.audio).toMatchObject({ codec: 'aac', profile: 'LC', channels: 6 });
    const interlaced = await probe(fileOf('interlaced'));
    expect(interlaced.video).toMatchObject({ interlaced: true, fieldOrder: 'tt' });
    const fps = await probe(fileOf('fps120'));
    expect(rationalValue(fps.video?.fps ?? { num: 0, den: 1 })).toBe(120);
    expect(fps.durationMs).toBeGreaterThan(900);
    expect(fps.durationMs).toBeLessThan(1100);
    const tall = await probe(fileOf('tall-1x4'));
    expect(tall.video?.dar).toBeCloseTo(0.25, 3);
    expect((await probe(fileOf('open-gop'))).video?.openGop).toBe(true);
    expect((await probe(fileOf('yuv422'))).video?.openGop).toBe(false);
  });

  it('a truncated file is media.unreadable naming the file', async () => {
    const f = await makeTruncated(dir);
    await expect(probe(f)).rejects.toMatchObject({
      code: 'media.unreadable',
      message: expect.stringContaining('truncated.mp4'),
    });
  });

  it('a text file renamed .mp4 is media.unreadable naming the file', async () => {
    const f = await makeTextAsMp4(dir);
    await expect(probe(f)).rejects.toMatchObject({
      code: 'media.unreadable',
      message: expect.stringContaining('notes.mp4'),
    });
  });

  it('an aborted probe rejects with media.cancelled', async () => {
    const ac = new AbortController();
    ac.abort();
    await expect(probe(fileOf('fps120'), { signal: ac.signal })).rejects.toMatchObject({
      code: 'media.cancelled',
    });
  });

  it('a missing file is media.not_found', async () => {
    await expect(probe(join(dir, 'nope.mp4'))).rejects.toMatchObject({ code: 'media.not_found' });
  });
});

describe('transcode (fix)', () => {
  it.each(VIOLATORS.filter((v) => v.fixable).map((v) => [v.name] as const))(
    '%s: the output passes probe + constraints',
    async (name) => {
      const out = join(dir, `${name}.fixed.mp4`);
      const progress: number[] = [];
      const r = await transcode(fileOf(name), out, { onProgress: (p) => progress.push(p.fraction) });
      const info = await probe(out);
      expect(info).toEqual(r.info);
      const c = checkConstraints(info, opts);
      expect(c.violations).toEqual([]);
      expect(c.ok).toBe(true);
      expect(progress.at(-1)).toBe(1);
      const v = info.video;
      expect(v?.codec).toBe('h264');
      expect(v?.pixFmt).toBe('yuv420p');
      expect(v?.interlaced).toBe(false);
      expect(v?.openGop).toBe(false);
      expect(rationalValue(v?.fps ?? { num: 99, den: 1 })).toBeLessThanOrEqual(60);
      expect(v && v.width % 2 === 0 && v.height % 2 === 0).toBe(true);
      expect(info.audio).toMatchObject({ codec: 'aac', profile: 'LC' });
      expect(info.audio?.channels).toBeLessThanOrEqual(2);
    },
  );

  it('re-encodes only what must change', async () => {
    const audioOnly = await transcode(fileOf('surround'), join(dir, 'surround.copy.mp4'));
    expect(audioOnly.plan.video).toBe('copy');
    expect(audioOnly.plan.audio).toMatchObject({ channels: 2 });
    const videoOnly = await transcode(fileOf('fps120'), join(dir, 'fps120.copy.mp4'));
    expect(videoOnly.plan.audio).toBe('copy');
    expect(videoOnly.plan.video).toMatchObject({ fps: { num: 120, den: 2 } });
    expect(rationalValue(videoOnly.info.video?.fps ?? { num: 0, den: 1 })).toBe(60);
    const big = await transcode(fileOf('big-2000'), join(dir, 'big.copy.mp4'));
    expect(big.info.video).toMatchObject({ width: 1024, height: 1024 });
    const tall = await transcode(fileOf('tall-1x4'), join(dir, 'tall.copy.mp4'));
    expect(tall.info.video?.dar).toBeGreaterThanOrEqual(1 / 3);
  });

  /** The video packets' pts and flags, one CSV line each (K marks a keyframe). */
  const packets = async (file: string): Promise<string> =>
    (
      await run('ffprobe', [
        '-v',
        'error',
        '-select_streams',
        'v:0',
        '-show_entries',
        'packet=pts,flags',
        '-of',
        'csv=p=0',
        file,
      ])
    ).stdout;

  it('writes closed GOPs: several keyframes and no leading pictures after any of them', async () => {
    const out = join(dir, 'open-gop.closed.mp4');
    await transcode(fileOf('open-gop'), out);
    const stdout = await packets(out);
    const keyframes = stdout.split('\n').filter((l) => l.includes('K')).length;
    expect(keyframes).toBeGreaterThanOrEqual(2);
    expect(stdout).toMatch(/^\d+,_/m); // B/P packets exist, so leading pictures were possible
    expect(detectOpenGop(stdout)).toBe(false);
    expect(detectOpenGop(await packets(fileOf('open-gop')))).toBe(true);
  });

  it('keeps a rotated (phone portrait) picture upright and unsquashed', async () => {
    const landscape = await generateVideo(join(dir, 'rot-src.mp4'), {
      duration: 1,
      width: 1280,
      height: 720,
      fps: 10,
    });
    const rotated = await rotateVideo(landscape, join(dir, 'rotated.mp4'), 90);
    const info = await probe(rotated);
    expect(info.video).toMatchObject({ width: 720, height: 1280 });
    // 720×1280 is above X's advanced list (1280×1024) but within 1080p: a warning.
    expect(checkConstraints(info, opts).violations).toEqual([]);
    expect(checkConstraints(info, opts).warnings.map((v) => v.rule)).toContain('video.above_advanced');
    // Fix has nothing to scale, so the upright picture comes out as it is displayed.
    const r = await transcode(rotated, join(dir, 'rotated.fixed.mp4'));
    expect(r.info.video).toMatchObject({ width: 720, height: 1280 });
    expect(checkConstraints(r.info, opts).ok).toBe(true);
  });

  it('leaves unfixable violations in place (too short)', async () => {
    const r = await transcode(fileOf('short-0.3s'), join(dir, 'short.fixed.mp4'));
    expect(checkConstraints(r.info, opts).violations.map((v) => v.rule)).toEqual(['duration.too_short']);
    expect(r.plan.unfixable).toEqual(['duration.too_short']);
  });

  it('cancel kills ffmpeg and removes the partial output', async () => {
    // The input is a FIFO fed half a video and never closed: ffmpeg cannot finish on its own, so
    // the abort (sent when the partial file appears) is what ends it — no timing involved.
    const src = join(dir, 'cancel-src.mp4');
    await generateVideo(src, {
      duration: 2,
      fps: 120,
      extra: [...H264_FAST, '-c:a', 'aac', '-movflags', '+faststart'],
    });
    const info = await probe(src);
    const work = testTempDir('cueline-cancel-');
    const fifo = join(work, 'in.mp4');
    await run('mkfifo', [fifo]);
    const bytes = await readFile(src);
    const writer = createWriteStream(fifo);
    writer.on('error', () => {}); // EPIPE once ffmpeg is killed
    writer.write(bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const outDir = testTempDir('cueline-cancel-out-');
    const ac = new AbortController();
    const watcher = watch(outDir, (_event, name) => {
      if (name && name.endsWith('.part.mp4')) ac.abort();
    });
    try {
      const p = transcode(fifo, join(outDir, 'out.mp4'), {
        signal: ac.signal,
        info: { ...info, file: fifo },
      });
      await expect(p).rejects.toBeInstanceOf(CuelineError);
      await expect(p).rejects.toMatchObject({ code: 'media.cancelled' });
      expect(ac.signal.aborted).toBe(true);
      expect(await readdir(outDir)).toEqual([]);
    } finally {
      watcher.close();
      writer.destroy();
    }
  });
});

describe('binaries', () => {
  it('falls back from a broken setting and records what was tried', async () => {
    const b = await resolveBinaries({
      ffmpegPath: join(dir, 'no-such-ffmpeg'),
      ffprobePath: fileOf('fps120'),
    });
    const setting = b.tried.filter((t) => t.source === 'setting');
    expect(setting.map((t) => t.tool).sort()).toEqual(['ffmpeg', 'ffprobe']);
    expect(setting.every((t) => typeof t.error === 'string')).toBe(true);
    const chosen = b.tried.filter((t) => !t.error);
    expect(chosen.map((t) => t.path).sort()).toEqual([b.ffmpeg, b.ffprobe].sort());
    expect(chosen.every((t) => /version/.test(t.version ?? ''))).toBe(true);
  });

  it('uses a working setting first', async () => {
    const { stdout } = await run('sh', ['-c', 'command -v ffprobe']);
    const path = stdout.trim();
    const b = await resolveBinaries({ ffprobePath: path });
    expect(b.ffprobe).toBe(path);
    expect(b.tried.find((t) => t.tool === 'ffprobe')).toMatchObject({ source: 'setting', path });
  });
});
