// Waveform peaks: ffmpeg decodes the first audio stream to mono low-rate s16le on stdout, a
// streaming reducer keeps min/max per bucket, and finished buckets are handed to onPeaks while
// decoding continues, so the timeline draws the first screen almost at once. The result (all
// zoom levels) is cached on disk by file identity.
import { join } from 'node:path';
import { CuelineError } from '../../../shared/errors.ts';
import type { PeaksChunk, Waveform } from '../../../shared/media/waveform.ts';
import { buildLevels } from '../../../shared/media/waveform.ts';
import type { BinariesInput } from './binaries.ts';
import { binariesFrom } from './binaries.ts';
import { readIfExists, writeAtomic } from './disk-cache.ts';
import { fileIdentity } from './file-identity.ts';
import { PeakReducer } from './peak-reducer.ts';
import { quickInfo } from './quick-info.ts';
import { decodeWaveform, encodeWaveform } from './waveform-file.ts';
import { ffmpegReading, lastLine, runProcess } from './run-process.ts';

export interface WaveformOptions {
  cacheDir: string;
  signal?: AbortSignal;
  onPeaks?: (chunk: PeaksChunk) => void;
  /** 8 kHz keeps speech's envelope and decodes fast; peaks don't need the full band. */
  sampleRate?: number;
  /** Finest bucket: 32 samples at 8 kHz = 4 ms, a quarter of a 60 fps frame. */
  samplesPerBucket?: number;
  /** Minimum wall time between progressive onPeaks calls (the first is sent at once). */
  intervalMs?: number;
  binaries?: BinariesInput;
}

export interface WaveformResult extends Waveform {
  fromCache: boolean;
}

function cacheFile(cacheDir: string, key: string, sampleRate: number, spb: number): string {
  return join(cacheDir, 'waveform', `${key}-${sampleRate}-${spb}.peaks`);
}

/** The whole finest level as one chunk (cache hits, files without audio). */
function fullChunk(w: Waveform): PeaksChunk {
  const base = w.levels[0];
  return {
    sampleRate: w.sampleRate,
    samplesPerBucket: base?.samplesPerBucket ?? 0,
    startBucket: 0,
    min: base?.min ?? new Int16Array(0),
    max: base?.max ?? new Int16Array(0),
    decodedMs: w.durationMs,
    totalMs: w.durationMs,
    done: true,
  };
}

export async function waveform(file: string, opts: WaveformOptions): Promise<WaveformResult> {
  const sampleRate = opts.sampleRate ?? 8000;
  const spb = opts.samplesPerBucket ?? 32;
  const intervalMs = opts.intervalMs ?? 100;
  const { signal, onPeaks } = opts;
  const id = await fileIdentity(file);
  const cachePath = cacheFile(opts.cacheDir, id.key, sampleRate, spb);
  const cached = await readIfExists(cachePath);
  if (cached) {
    const w = decodeWaveform(cached);
    if (w) {
      onPeaks?.(fullChunk(w));
      return { ...w, fromCache: true };
    }
  }
  const bins = await binariesFrom(opts.binaries);
  // Started together: the probe (has audio? how long?) must not delay the first peaks.
  // Never rejects: a cancel surfaces through the ffmpeg run below.
  const infoP = quickInfo(bins.ffprobe, file, signal).catch(() => null);
  let totalMs = 0;
  void infoP.then((i) => {
    if (i) totalMs = i.durationMs;
  });
  const reducer = new PeakReducer(spb, 4096);
  let lastEmit = -Infinity;
  const emit = (done: boolean): void => {
    if (!onPeaks) return;
    const c = reducer.takeNew();
    if (c.min.length === 0 && !done) return;
    lastEmit = performance.now();
    onPeaks({
      sampleRate,
      samplesPerBucket: spb,
      startBucket: c.start,
      min: c.min,
      max: c.max,
      decodedMs: (reducer.samples / sampleRate) * 1000,
      totalMs,
      done,
    });
  };
  const r = await runProcess(
    bins.ffmpeg,
    [
      ...ffmpegReading(file, 'audio'),
      '-map',
      '0:a:0?',
      '-ac',
      '1',
      '-ar',
      String(sampleRate),
      '-f',
      's16le',
      '-acodec',
      'pcm_s16le',
      'pipe:1',
    ],
    {
      signal,
      timeoutMs: 3600_000,
      onStdout: (chunk) => {
        reducer.feed(chunk);
        if (performance.now() - lastEmit >= intervalMs) emit(false);
      },
    },
  );
  const info = await infoP;
  let w: Waveform;
  if (r.code !== 0 || reducer.samples === 0) {
    if (info && !info.hasAudio) {
      w = { sampleRate, durationMs: info.durationMs, levels: [], hasAudio: false };
    } else {
      throw new CuelineError(
        'media.unreadable',
        `${file}: could not decode the audio (${lastLine(r.stderr) || `exit ${r.code}`})`,
        { file },
      );
    }
    onPeaks?.(fullChunk(w));
  } else {
    reducer.finish();
    totalMs = (reducer.samples / sampleRate) * 1000;
    emit(true);
    const base = reducer.result();
    w = {
      sampleRate,
      durationMs: Math.round(totalMs),
      levels: buildLevels({ samplesPerBucket: spb, ...base }),
      hasAudio: true,
    };
  }
  await writeAtomic(cachePath, encodeWaveform(w));
  return { ...w, fromCache: false };
}
