// Media: the streaming URL for <video>, the probe, and the timeline's long work as jobs
// (waveform peaks streamed as they decode, thumbnails, shot changes), each cancellable.
import { z } from 'zod';
import type { MediaInfo } from '../../media/media-info.ts';
import { call, job } from '../define.ts';
import { fileId } from '../common.ts';

const rational = z.object({ num: z.number(), den: z.number() });

/** What the probe knows, without the file's path (the renderer names files by id). */
export const mediaInfoSchema = z.object({
  container: z.string(),
  durationMs: z.number(),
  sizeBytes: z.number(),
  bitRate: z.number().nullable(),
  video: z
    .object({
      codec: z.string(),
      profile: z.string().nullable(),
      pixFmt: z.string().nullable(),
      width: z.number(),
      height: z.number(),
      sar: rational.nullable(),
      dar: z.number(),
      fps: rational,
      fieldOrder: z.string().nullable(),
      interlaced: z.boolean(),
      openGop: z.boolean().nullable(),
      bitRate: z.number().nullable(),
    })
    .nullable(),
  audio: z
    .object({
      codec: z.string(),
      profile: z.string().nullable(),
      channels: z.number(),
      channelLayout: z.string().nullable(),
      sampleRate: z.number(),
      bitRate: z.number().nullable(),
    })
    .nullable(),
});
// Must stay the media service's MediaInfo minus `file` (a compile error here means they drifted).
const _sameInfo: z.ZodType<Omit<MediaInfo, 'file'>> = mediaInfoSchema;
void _sameInfo;

/**
 * Finest-level waveform buckets as they decode (shared/media/waveform.ts PeaksChunk with plain
 * number arrays, which every transport clones). Append them in order; build coarser zoom levels
 * with buildLevels() from shared/media/waveform.ts once `done`.
 */
export const peaksChunk = z.object({
  sampleRate: z.number().int(),
  samplesPerBucket: z.number().int(),
  startBucket: z.number().int().nonnegative(),
  min: z.array(z.number().int()),
  max: z.array(z.number().int()),
  decodedMs: z.number(),
  totalMs: z.number(),
  done: z.boolean(),
});
export type PeaksChunkMessage = z.output<typeof peaksChunk>;

/** Two pending chunks become one, so the ~10 Hz throttle never drops peaks. */
export function mergePeaks(a: PeaksChunkMessage, b: PeaksChunkMessage): PeaksChunkMessage {
  if (b.startBucket !== a.startBucket + a.min.length) return b;
  return { ...b, startBucket: a.startBucket, min: a.min.concat(b.min), max: a.max.concat(b.max) };
}

export const mediaChannels = {
  /** A URL the <video> element can stream (with Range) for a video the user opened. */
  'media:url': call(z.object({ id: fileId }), z.object({ url: z.string() })),
  /** Streams, codecs, size, duration — check it against X's limits with shared/media/constraints.ts. */
  'media:probe': call(z.object({ id: fileId }), mediaInfoSchema),
  'media:waveform': job({
    request: z.object({ id: fileId }),
    progress: peaksChunk,
    result: z.object({
      sampleRate: z.number(),
      durationMs: z.number(),
      hasAudio: z.boolean(),
      fromCache: z.boolean(),
    }),
    mergeProgress: mergePeaks,
  }),
  'media:thumbnails': job({
    request: z.object({
      id: fileId,
      count: z.number().int().min(1).max(300),
      height: z.number().int().min(16).max(360),
    }),
    progress: z.null(),
    // Small JPEGs as data: URLs (CSP img-src allows data:), so no file path reaches the renderer.
    result: z.object({ thumbnails: z.array(z.object({ timeMs: z.number(), dataUrl: z.string() })) }),
  }),
  'media:shotChanges': job({
    request: z.object({ id: fileId, threshold: z.number().min(0.05).max(0.95).optional() }),
    progress: z.null(),
    result: z.object({ cutsMs: z.array(z.number()) }),
  }),
};
