import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, stat, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { PeaksChunk } from '../../../shared/media/waveform.ts';
import { bucketStartMs } from '../../../shared/media/waveform.ts';
import { waveform } from '../../../main/services/media/waveform.ts';
import { thumbnails } from '../../../main/services/media/thumbnails.ts';
import { shotChanges } from '../../../main/services/media/shot-changes.ts';
import { generateCuts, generateToneSteps, generateVideo } from '../../support/media-fixtures.ts';

let dir: string;
let tone: string;
const FULL = 32767;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cueline-wave-'));
  tone = await generateToneSteps(join(dir, 'tone.mp4'), [
    { seconds: 0.5, amplitude: 0 },
    { seconds: 0.75, amplitude: 0.5 },
    { seconds: 0.75, amplitude: 0.125 },
  ]);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Largest |peak| over buckets starting in [fromMs, toMs). */
function peakBetween(
  w: Awaited<ReturnType<typeof waveform>>,
  level: number,
  fromMs: number,
  toMs: number,
): number {
  const lv = w.levels[level];
  if (!lv) throw new Error(`no level ${level}`);
  let peak = 0;
  for (let i = 0; i < lv.min.length; i++) {
    const t = bucketStartMs(w, lv, i);
    if (t >= fromMs && t < toMs) peak = Math.max(peak, Math.abs(lv.min[i] ?? 0), Math.abs(lv.max[i] ?? 0));
  }
  return peak / FULL;
}

describe('waveform', () => {
  it('has the tone’s peak levels at the expected times, streamed then cached', async () => {
    const cacheDir = join(dir, 'cache-a');
    const chunks: PeaksChunk[] = [];
    const w = await waveform(tone, { cacheDir, onPeaks: (c) => chunks.push(c) });
    expect(w.fromCache).toBe(false);
    expect(w.hasAudio).toBe(true);
    expect(w.sampleRate).toBe(8000);
    expect(w.durationMs).toBeGreaterThan(1950);
    expect(w.durationMs).toBeLessThan(2100);
    // Margins of 60 ms around each step absorb the AAC encoder delay and the resampler.
    expect(peakBetween(w, 0, 0, 440)).toBeLessThan(0.01);
    expect(peakBetween(w, 0, 560, 1190)).toBeCloseTo(0.5, 1);
    expect(peakBetween(w, 0, 1310, 1940)).toBeCloseTo(0.125, 1);
    expect(peakBetween(w, 0, 1310, 1940)).toBeGreaterThan(0.1);
    // Coarser levels agree with the finest.
    const last = w.levels.length - 1;
    expect(last).toBeGreaterThan(0);
    expect(peakBetween(w, last, 0, 3000)).toBeCloseTo(peakBetween(w, 0, 0, 3000), 5);
    // The chunks, in order, are exactly the finest level.
    expect(chunks.at(-1)?.done).toBe(true);
    let next = 0;
    for (const c of chunks) {
      expect(c.startBucket).toBe(next);
      next += c.min.length;
    }
    const base = w.levels[0];
    expect(next).toBe(base?.min.length);
    expect(Int16Array.from(chunks.flatMap((c) => Array.from(c.max)))).toEqual(base?.max);

    const again: PeaksChunk[] = [];
    const w2 = await waveform(tone, { cacheDir, onPeaks: (c) => again.push(c) });
    expect(w2.fromCache).toBe(true);
    expect(w2.levels).toEqual(w.levels);
    expect(again).toHaveLength(1);
    expect(again[0]?.max).toEqual(base?.max);
    expect(await readdir(join(cacheDir, 'waveform'))).toHaveLength(1);
  });

  it('misses the cache when the file changes (mtime)', async () => {
    const cacheDir = join(dir, 'cache-b');
    const f = await generateToneSteps(join(dir, 'tone-b.mp4'), [{ seconds: 1, amplitude: 0.25 }], {
      video: false,
    });
    expect((await waveform(f, { cacheDir })).fromCache).toBe(false);
    expect((await waveform(f, { cacheDir })).fromCache).toBe(true);
    const st = await stat(f);
    await utimes(f, st.atime, new Date(st.mtimeMs + 5000));
    expect((await waveform(f, { cacheDir })).fromCache).toBe(false);
  });

  it('a video without audio gives an empty waveform, not an error', async () => {
    const f = await generateVideo(join(dir, 'silent.mp4'), { duration: 1, toneHz: null });
    const chunks: PeaksChunk[] = [];
    const w = await waveform(f, { cacheDir: join(dir, 'cache-c'), onPeaks: (c) => chunks.push(c) });
    expect(w).toMatchObject({ hasAudio: false, levels: [], fromCache: false });
    expect(w.durationMs).toBeGreaterThan(900);
    expect(chunks).toHaveLength(1);
    expect(chunks[0]).toMatchObject({ done: true, startBucket: 0 });
    expect((await waveform(f, { cacheDir: join(dir, 'cache-c') })).fromCache).toBe(true);
  });

  it('a cancelled waveform rejects with media.cancelled and caches nothing', async () => {
    const cacheDir = join(dir, 'cache-d');
    const ac = new AbortController();
    ac.abort();
    await expect(waveform(tone, { cacheDir, signal: ac.signal })).rejects.toMatchObject({
      code: 'media.cancelled',
    });
    await expect(readdir(join(cacheDir, 'waveform'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('thumbnails and shot changes', () => {
  let cuts: string;
  beforeAll(async () => {
    cuts = await generateCuts(join(dir, 'cuts.mp4'), [0.8, 0.8, 0.8]);
  });

  it('finds the hard cuts, and caches them', async () => {
    const cacheDir = join(dir, 'cache-s');
    const found = await shotChanges(cuts, { cacheDir });
    expect(found).toHaveLength(2);
    expect(Math.abs((found[0] ?? 0) - 800)).toBeLessThanOrEqual(40);
    expect(Math.abs((found[1] ?? 0) - 1600)).toBeLessThanOrEqual(40);
    expect(await readdir(join(cacheDir, 'shots'))).toHaveLength(1);
    expect(await shotChanges(cuts, { cacheDir })).toEqual(found);
    expect(await shotChanges(tone, { cacheDir })).toEqual([]);
  });

  it('makes N evenly spaced small JPEGs, cached', async () => {
    const cacheDir = join(dir, 'cache-t');
    const t = await thumbnails(cuts, { count: 4, height: 36, cacheDir });
    expect(t.map((x) => x.timeMs)).toEqual([300, 900, 1500, 2100]);
    for (const x of t) expect((await stat(x.file)).size).toBeGreaterThan(100);
    const again = await thumbnails(cuts, { count: 4, height: 36, cacheDir });
    expect(again).toEqual(t);
    expect((await readdir(join(cacheDir, 'thumbnails'))).filter((n) => !n.endsWith('.tmp'))).toHaveLength(1);
  });

  it('skips slots past the end of a video track shorter than the file', async () => {
    const f = join(dir, 'short-video.mp4');
    // 1 s of video, 2 s of audio: the container lasts 2 s.
    await promisify(execFile)('ffmpeg', [
      ...['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=s=160x90:d=1', '-f', 'lavfi', '-i', 'sine=d=2'],
      ...['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', f],
    ]);
    const t = await thumbnails(f, { count: 4, height: 36, cacheDir: join(dir, 'cache-t2') });
    expect(t.map((x) => x.timeMs)).toEqual([250, 750]);
  });
});
