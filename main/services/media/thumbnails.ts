// Timeline ruler thumbnails: N frames evenly spaced (at the middle of N equal slices), small
// JPEGs, cached on disk by file identity. One fast-seeking ffmpeg per frame (-ss before -i)
// costs far less than decoding a long file end to end; two run at once for the two cores.
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { CuelineError } from '../../../shared/errors.ts';
import type { BinariesInput } from './binaries.ts';
import { binariesFrom } from './binaries.ts';
import { readIfExists, writeAtomic } from './disk-cache.ts';
import { fileIdentity } from './file-identity.ts';
import { quickInfo } from './quick-info.ts';
import { ffmpegReading, lastLine, runProcess } from './run-process.ts';

export interface Thumbnail {
  timeMs: number;
  /** JPEG file in the cache folder. */
  file: string;
}

export interface ThumbnailOptions {
  count: number;
  /** Pixel height; width follows the display aspect ratio. */
  height: number;
  cacheDir: string;
  signal?: AbortSignal;
  binaries?: BinariesInput;
}

const indexSchema = z.object({ frames: z.array(z.object({ timeMs: z.number(), name: z.string() })) });

export async function thumbnails(file: string, opts: ThumbnailOptions): Promise<Thumbnail[]> {
  const count = Math.max(0, Math.floor(opts.count));
  const height = 2 * Math.max(1, Math.round(opts.height / 2));
  const id = await fileIdentity(file);
  const dir = join(opts.cacheDir, 'thumbnails', `${id.key}-${count}x${height}`);
  const cached = await readIfExists(join(dir, 'index.json'));
  if (cached) {
    const p = indexSchema.safeParse(JSON.parse(cached.toString('utf8')));
    if (p.success) return p.data.frames.map((f) => ({ timeMs: f.timeMs, file: join(dir, f.name) }));
  }
  const bins = await binariesFrom(opts.binaries);
  const info = await quickInfo(bins.ffprobe, file, opts.signal);
  if (!info) throw new CuelineError('media.unreadable', `${file}: not a readable video`, { file });
  const times = info.hasVideo
    ? Array.from({ length: count }, (_, i) => Math.round(((i + 0.5) * info.durationMs) / count))
    : [];
  const tmp = `${dir}.${randomBytes(4).toString('hex')}.tmp`;
  await mkdir(tmp, { recursive: true });
  const frames: Array<{ timeMs: number; name: string }> = [];
  try {
    let next = 0;
    let failed = false;
    const worker = async (): Promise<void> => {
      for (let i = next++; i < times.length && !failed; i = next++) {
        const t = times[i] ?? 0;
        const r = await runProcess(
          bins.ffmpeg,
          [
            ...ffmpegReading(file, 'video', t),
            '-map',
            '0:V:0',
            '-frames:v',
            '1',
            '-vf',
            `scale=w='2*trunc(${height}*dar/2)':h=${height},setsar=1`,
            '-q:v',
            '5',
            '-f',
            'image2',
            '-y',
            join(tmp, `${i}.jpg`),
          ],
          { signal: opts.signal, timeoutMs: 120_000 },
        );
        if (r.code !== 0) {
          failed = true;
          throw new CuelineError('media.unreadable', `${file}: no frame at ${t} ms (${lastLine(r.stderr)})`, {
            file,
          });
        }
        // A video track shorter than the container can leave the last slots without a frame.
        if (await exists(join(tmp, `${i}.jpg`))) frames.push({ timeMs: t, name: `${i}.jpg` });
      }
    };
    await Promise.all([worker(), worker()]);
    frames.sort((a, b) => a.timeMs - b.timeMs);
    await writeAtomic(join(tmp, 'index.json'), JSON.stringify({ frames }));
    await rm(dir, { recursive: true, force: true });
    await rename(tmp, dir);
  } catch (e) {
    await rm(tmp, { recursive: true, force: true });
    throw e;
  }
  return frames.map((f) => ({ timeMs: f.timeMs, file: join(dir, f.name) }));
}

async function exists(file: string): Promise<boolean> {
  try {
    return (await stat(file)).size > 0;
  } catch {
    return false;
  }
}
