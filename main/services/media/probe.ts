// ffprobe → MediaInfo. The JSON is parsed from unknown with zod; a file ffprobe cannot read is a
// CuelineError naming the file, never a crash.
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { z } from 'zod';
import { CuelineError } from '../../../shared/errors.ts';
import type {
  AudioStreamInfo,
  MediaInfo,
  Rational,
  VideoStreamInfo,
} from '../../../shared/media/media-info.ts';
import type { BinariesInput } from './binaries.ts';
import { binariesFrom } from './binaries.ts';
import { lastLine, runProcess } from './run-process.ts';

const num = z.union([z.number(), z.string()]).transform((v, ctx) => {
  const n = Number(v);
  if (!Number.isFinite(n)) {
    ctx.addIssue({ code: 'custom', message: 'not a number' });
    return z.NEVER;
  }
  return n;
});

const streamSchema = z.object({
  index: z.number(),
  codec_type: z.string().optional(),
  codec_name: z.string().optional(),
  profile: z.string().optional(),
  pix_fmt: z.string().optional(),
  width: z.number().optional(),
  height: z.number().optional(),
  sample_aspect_ratio: z.string().optional(),
  r_frame_rate: z.string().optional(),
  avg_frame_rate: z.string().optional(),
  field_order: z.string().optional(),
  has_b_frames: z.number().optional(),
  bit_rate: num.optional(),
  channels: z.number().optional(),
  channel_layout: z.string().optional(),
  sample_rate: num.optional(),
  duration: num.optional(),
  disposition: z.object({ attached_pic: z.number().optional() }).loose().optional(),
  side_data_list: z.array(z.object({ rotation: num.optional() }).loose()).optional(),
  tags: z.object({ rotate: num.optional() }).loose().optional(),
});
type Stream = z.infer<typeof streamSchema>;

const probeSchema = z.object({
  streams: z.array(streamSchema).default([]),
  format: z
    .object({
      format_name: z.string(),
      duration: num.optional(),
      size: num.optional(),
      bit_rate: num.optional(),
    })
    .loose(),
});

export interface ProbeOptions {
  signal?: AbortSignal | undefined;
  binaries?: BinariesInput;
  timeoutMs?: number;
}

function parseRational(s: string | undefined, sep: '/' | ':'): Rational | null {
  if (!s) return null;
  const [a, b] = s.split(sep).map(Number);
  if (a === undefined || b === undefined || !Number.isFinite(a) || !Number.isFinite(b) || b === 0)
    return null;
  return { num: a, den: b };
}

const GOP_SCAN_PACKETS = 900;

// Interlacing from the stream's field_order, which ffprobe takes from the codec headers of the
// first frames (no decoding, unlike the idet filter); "tt"/"bb"/"tb"/"bt" are interlaced.
const INTERLACED_ORDERS = new Set(['tt', 'bb', 'tb', 'bt']);

function toVideo(s: Stream, openGop: boolean | null): VideoStreamInfo {
  // Phones store portrait video as landscape frames plus a display rotation, and ffmpeg applies
  // it when re-encoding: width, height and SAR here are as displayed, so the transcode plan
  // scales the picture people see instead of squashing it.
  const rotation = s.side_data_list?.find((d) => d.rotation !== undefined)?.rotation ?? s.tags?.rotate ?? 0;
  const quarterTurn = Math.abs(Math.round(rotation)) % 180 === 90;
  const width = (quarterTurn ? s.height : s.width) ?? 0;
  const height = (quarterTurn ? s.width : s.height) ?? 0;
  const coded = parseRational(s.sample_aspect_ratio, ':');
  const sar = coded && quarterTurn ? { num: coded.den, den: coded.num } : coded;
  const sarValue = sar && sar.num > 0 ? sar.num / sar.den : 1;
  // avg_frame_rate, not r_frame_rate: phones' variable-rate files report r_frame_rate as the
  // timebase-like 90 or 120 while playing at 30.
  const fps = parseRational(s.avg_frame_rate, '/') ??
    parseRational(s.r_frame_rate, '/') ?? { num: 0, den: 1 };
  const fieldOrder = s.field_order ?? null;
  return {
    codec: s.codec_name ?? 'unknown',
    profile: s.profile ?? null,
    pixFmt: s.pix_fmt ?? null,
    width,
    height,
    sar: sar && sar.num > 0 ? sar : null,
    dar: height > 0 ? (width * sarValue) / height : 0,
    fps,
    fieldOrder,
    interlaced: fieldOrder !== null && INTERLACED_ORDERS.has(fieldOrder),
    openGop,
    bitRate: s.bit_rate ?? null,
  };
}

function toAudio(s: Stream): AudioStreamInfo {
  return {
    codec: s.codec_name ?? 'unknown',
    profile: s.profile ?? null,
    channels: s.channels ?? 0,
    channelLayout: s.channel_layout ?? null,
    sampleRate: s.sample_rate ?? 0,
    bitRate: s.bit_rate ?? null,
  };
}

/**
 * Open GOP from packets alone, without decoding: a GOP is open when a picture that follows a
 * (non-first) keyframe in decode order is shown before it (a "leading picture", pts < the
 * keyframe's pts): such B-frames reference the previous GOP, so playback cannot start cleanly at
 * that keyframe. H.264 IDR frames never have leading pictures; x264's open-gop recovery-point
 * I-frames do. Reading ~900 packets of the first stream costs a few ms and no decoding, unlike
 * `-show_frames`. null when the scan stopped at its packet limit before a second keyframe.
 */
export function detectOpenGop(csv: string, packetLimit = GOP_SCAN_PACKETS): boolean | null {
  let keyframes = 0;
  let packets = 0;
  let keyPts: number | null = null;
  for (const line of csv.split('\n')) {
    const [ptsS, flags] = line.trim().split(',');
    if (ptsS === undefined || flags === undefined) continue;
    const pts = Number(ptsS);
    if (!Number.isFinite(pts) || ptsS === '') continue;
    packets++;
    if (flags.includes('K')) {
      keyframes++;
      keyPts = keyframes > 1 ? pts : null;
    } else if (keyPts !== null && pts < keyPts) return true;
  }
  // One GOP and the scan reached the end of the stream: nothing can reference a previous GOP.
  return keyframes > 1 || packets < packetLimit ? false : null;
}

async function scanGop(ffprobe: string, file: string, opts: ProbeOptions): Promise<boolean | null> {
  const r = await runProcess(
    ffprobe,
    [
      '-v',
      'error',
      '-select_streams',
      'V:0',
      '-read_intervals',
      `%+#${GOP_SCAN_PACKETS}`,
      '-show_entries',
      'packet=pts,flags',
      '-of',
      'csv=p=0',
      file,
    ],
    { signal: opts.signal, timeoutMs: opts.timeoutMs ?? 60_000 },
  );
  return r.code === 0 ? detectOpenGop(r.stdout.toString('utf8')) : null;
}

export async function probe(file: string, opts: ProbeOptions = {}): Promise<MediaInfo> {
  let size: number;
  try {
    const st = await stat(file);
    if (!st.isFile()) throw new CuelineError('media.not_found', `${file}: not a file`, { file });
    size = st.size;
  } catch (e) {
    if (e instanceof CuelineError) throw e;
    throw new CuelineError('media.not_found', `${file}: no such file`, { file });
  }
  const bins = await binariesFrom(opts.binaries);
  const unreadable = (why: string): CuelineError =>
    new CuelineError('media.unreadable', `${basename(file)}: not a readable video (${why})`, { file });
  const main = runProcess(
    bins.ffprobe,
    ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', file],
    { signal: opts.signal, timeoutMs: opts.timeoutMs ?? 60_000 },
  );
  // Started together: the packet scan is cheap and usually needed.
  // Never rejects (a cancel surfaces through the main call), so it can't go unhandled.
  const gop = scanGop(bins.ffprobe, file, opts).catch(() => null);
  let r;
  try {
    r = await main;
  } finally {
    // Don't leave the scan running behind a failure or a cancel.
    if (opts.signal?.aborted) await gop;
  }
  if (r.code !== 0) {
    await gop;
    throw unreadable(lastLine(r.stderr).replace(`${file}: `, '') || `ffprobe exit ${r.code}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(r.stdout.toString('utf8'));
  } catch {
    throw unreadable('ffprobe printed invalid JSON');
  }
  const parsed = probeSchema.safeParse(raw);
  if (!parsed.success)
    throw unreadable(`unexpected ffprobe output: ${parsed.error.issues[0]?.message ?? ''}`);
  const { streams, format } = parsed.data;
  const vs = streams.find((s) => s.codec_type === 'video' && s.disposition?.attached_pic !== 1);
  const as = streams.find((s) => s.codec_type === 'audio');
  if (!vs && !as) throw unreadable('no audio or video streams');
  const scanned = await gop;
  // No B-frames (no reordering) means no leading pictures, whatever the scan saw.
  const openGop = vs ? (vs.has_b_frames === 0 ? false : scanned) : null;
  const durationS = format.duration ?? vs?.duration ?? as?.duration ?? 0;
  return {
    file,
    container: format.format_name,
    durationMs: Math.round(durationS * 1000),
    sizeBytes: format.size ?? size,
    bitRate: format.bit_rate ?? null,
    video: vs ? toVideo(vs, openGop) : null,
    audio: as ? toAudio(as) : null,
  };
}
