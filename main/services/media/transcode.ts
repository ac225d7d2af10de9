// "Fix": transcode to an X-compliant MP4, re-encoding only the streams that must change. Written
// to a temporary name beside the output and renamed at the end, so a cancelled or failed run
// never leaves a half file under the output's name; a killed run's part file is swept by the next.
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { partPath, sweepStaleParts } from './part-files.ts';
import { CuelineError } from '../../../shared/errors.ts';
import type { LimitOptions } from '../../../shared/media/constraints.ts';
import type { MediaInfo } from '../../../shared/media/media-info.ts';
import type { TranscodePlan } from '../../../shared/media/transcode-plan.ts';
import { planTranscode } from '../../../shared/media/transcode-plan.ts';
import type { BinariesInput } from './binaries.ts';
import { binariesFrom } from './binaries.ts';
import { probe } from './probe.ts';
import { lastLine, runProcess } from './run-process.ts';
import { transcodeArgs } from './transcode-args.ts';

const PART_SUFFIX = '.part.mp4';

export interface TranscodeProgress {
  outTimeMs: number;
  durationMs: number;
  /** 0..1 */
  fraction: number;
  /** Multiple of real time, when ffmpeg reports it. */
  speed?: number;
}

/** The limits to meet (category, premium, overrides), as `limitsFor` takes them. */
export interface TranscodeOptions extends Partial<LimitOptions> {
  signal?: AbortSignal | undefined;
  onProgress?: (p: TranscodeProgress) => void;
  binaries?: BinariesInput;
  /** The input's MediaInfo when the caller already probed it. */
  info?: MediaInfo;
}

export interface TranscodeResult {
  output: string;
  info: MediaInfo;
  plan: TranscodePlan;
}

/** Parses ffmpeg's `-progress` key=value blocks; calls back at each `progress=` line. */
export function progressParser(
  durationMs: number,
  cb: (p: TranscodeProgress) => void,
): (chunk: Buffer) => void {
  let buf = '';
  let outTimeMs = 0;
  let speed: number | undefined;
  return (chunk) => {
    buf += chunk.toString('utf8');
    const lines = buf.split('\n');
    buf = lines.pop() ?? '';
    for (const line of lines) {
      const eq = line.indexOf('=');
      if (eq < 0) continue;
      const key = line.slice(0, eq).trim();
      const value = line.slice(eq + 1).trim();
      // out_time_ms is in microseconds too (a historical misnomer); old builds only have it.
      if (key === 'out_time_us' || key === 'out_time_ms') {
        const us = Number(value);
        if (Number.isFinite(us) && us >= 0) outTimeMs = Math.round(us / 1000);
      } else if (key === 'speed') {
        const s = parseFloat(value);
        speed = Number.isFinite(s) ? s : undefined;
      } else if (key === 'progress') {
        const end = value === 'end';
        const t = end ? Math.max(outTimeMs, durationMs) : outTimeMs;
        const fraction = end ? 1 : durationMs > 0 ? Math.min(1, t / durationMs) : 0;
        cb(
          speed === undefined
            ? { outTimeMs: t, durationMs, fraction }
            : { outTimeMs: t, durationMs, fraction, speed },
        );
      }
    }
  };
}

/**
 * Where Fix puts the X-ready copy of a video: `<name>.x.mp4` beside it. The Publish dialog, the batch
 * view and `cueline fix` write it there, and the batch planner uploads it in the original's place.
 */
export function readyCopyPath(input: string): string {
  return join(dirname(input), `${basename(input, extname(input))}.x.mp4`);
}

export async function transcode(
  input: string,
  output: string,
  opts: TranscodeOptions = {},
): Promise<TranscodeResult> {
  if (resolve(input) === resolve(output))
    throw new CuelineError('usage.same_file', `the output must differ from the input (${basename(input)})`);
  const bins = await binariesFrom(opts.binaries);
  const info = opts.info ?? (await probe(input, { signal: opts.signal, binaries: bins }));
  if (!info.video) throw new CuelineError('media.constraint', `${basename(input)}: no video stream to fix`);
  const plan = planTranscode(info, {
    category: opts.category ?? 'tweet_video',
    premium: opts.premium,
    premium1080p: opts.premium1080p,
    limits: opts.limits,
  });
  // A run killed outright (kill -9) left its part file: sweep those whose process is gone.
  await sweepStaleParts(output, PART_SUFFIX);
  const tmp = partPath(output, PART_SUFFIX);
  const onStdout = opts.onProgress ? progressParser(info.durationMs, opts.onProgress) : undefined;
  try {
    const r = await runProcess(bins.ffmpeg, transcodeArgs(input, tmp, plan), {
      signal: opts.signal,
      timeoutMs: 6 * 3600_000,
      onStdout: onStdout ?? ((): void => {}),
    });
    if (r.code !== 0)
      throw new CuelineError(
        'media.transcode_failed',
        `${basename(input)}: ffmpeg failed (${lastLine(r.stderr) || `exit ${r.code}`})`,
        { file: input },
      );
    await rename(tmp, output);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
  return { output, info: await probe(output, { signal: opts.signal, binaries: bins }), plan };
}
