// Shot changes (scene cuts) with ffmpeg's scene score, so cue edges can snap to cuts. Frames are
// scaled to 160 px wide first: the score compares whole frames, and small frames make it several
// times faster with the same cuts. Cached on disk by file identity and threshold.
import { join } from 'node:path';
import { z } from 'zod';
import { CuelineError } from '../../../shared/errors.ts';
import type { BinariesInput } from './binaries.ts';
import { binariesFrom } from './binaries.ts';
import { readIfExists, writeAtomic } from './disk-cache.ts';
import { fileIdentity } from './file-identity.ts';
import { quickInfo } from './quick-info.ts';
import { ffmpegReading, lastLine, runProcess } from './run-process.ts';

export interface ShotChangeOptions {
  cacheDir: string;
  signal?: AbortSignal;
  /** Scene score 0..1 above which a frame starts a new shot; 0.3 is ffmpeg's usual choice. */
  threshold?: number;
  binaries?: BinariesInput;
}

const cacheSchema = z.object({ cuts: z.array(z.number()) });

/** Parses `metadata=mode=print` output: one `frame:N pts:P pts_time:T` line per selected frame. */
export function parseSceneLines(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(/pts_time:(-?[\d.]+)/g)) {
    const t = Number(m[1]);
    if (Number.isFinite(t)) out.push(Math.round(t * 1000));
  }
  return out.sort((a, b) => a - b);
}

export async function shotChanges(file: string, opts: ShotChangeOptions): Promise<number[]> {
  const threshold = opts.threshold ?? 0.3;
  const id = await fileIdentity(file);
  const cachePath = join(opts.cacheDir, 'shots', `${id.key}-${threshold}.json`);
  const cached = await readIfExists(cachePath);
  if (cached) {
    const p = cacheSchema.safeParse(JSON.parse(cached.toString('utf8')));
    if (p.success) return p.data.cuts;
  }
  const bins = await binariesFrom(opts.binaries);
  const info = await quickInfo(bins.ffprobe, file, opts.signal);
  if (!info) throw new CuelineError('media.unreadable', `${file}: not a readable video`, { file });
  let cuts: number[] = [];
  if (info.hasVideo) {
    const r = await runProcess(
      bins.ffmpeg,
      [
        ...ffmpegReading(file, 'video'),
        '-map',
        '0:V:0',
        '-vf',
        `scale=w=160:h=-2,select='gt(scene,${threshold})',metadata=mode=print:file=-`,
        '-f',
        'null',
        '-',
      ],
      { signal: opts.signal, timeoutMs: 3600_000 },
    );
    if (r.code !== 0)
      throw new CuelineError('media.unreadable', `${file}: scene detection failed (${lastLine(r.stderr)})`, {
        file,
      });
    cuts = parseSceneLines(r.stdout.toString('utf8'));
  }
  await writeAtomic(cachePath, JSON.stringify({ cuts }));
  return cuts;
}
