// The few facts the derived-data services need (duration, which streams exist) from one cheap
// ffprobe call, without the GOP scan of probe().
import { z } from 'zod';
import { runProcess } from './run-process.ts';

const schema = z.object({
  streams: z.array(z.object({ codec_type: z.string().optional() }).loose()).default([]),
  format: z
    .object({ duration: z.union([z.string(), z.number()]).optional() })
    .loose()
    .optional(),
});

export interface QuickInfo {
  durationMs: number;
  hasAudio: boolean;
  hasVideo: boolean;
}

/** null when ffprobe cannot read the file. */
export async function quickInfo(
  ffprobe: string,
  file: string,
  signal?: AbortSignal,
): Promise<QuickInfo | null> {
  const r = await runProcess(
    ffprobe,
    ['-v', 'error', '-show_entries', 'stream=codec_type:format=duration', '-of', 'json', file],
    { signal, timeoutMs: 60_000 },
  );
  if (r.code !== 0) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(r.stdout.toString('utf8'));
  } catch {
    return null;
  }
  const p = schema.safeParse(raw);
  if (!p.success) return null;
  const d = Number(p.data.format?.duration ?? 0);
  return {
    durationMs: Number.isFinite(d) ? Math.round(d * 1000) : 0,
    hasAudio: p.data.streams.some((s) => s.codec_type === 'audio'),
    hasVideo: p.data.streams.some((s) => s.codec_type === 'video'),
  };
}
