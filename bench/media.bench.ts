// Waveform extraction on a generated 30-minute file (issue 3): speed as a multiple of real time
// and time to first peaks, beside the raw `ffmpeg … -f s16le` decode alone (the ceiling).
// Targets: ≥ 100× real time, first peaks < 300 ms. The file is cached in bench/.data.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { resolveBinaries } from '../main/services/media/binaries.ts';
import { runProcess } from '../main/services/media/run-process.ts';
import { waveform } from '../main/services/media/waveform.ts';
import { H264_FAST } from '../test/support/media-fixtures.ts';

const exec = promisify(execFile);
const DATA = fileURLToPath(new URL('./.data/', import.meta.url));
const MINUTES = 30;
const DURATION_S = MINUTES * 60;

/** One minute encoded once, then stream-copied 30 times: seconds instead of minutes of AAC encoding. */
async function benchFile(): Promise<{ file: string; generated: boolean }> {
  const file = join(DATA, `media-${MINUTES}min.mp4`);
  if (existsSync(file)) return { file, generated: false };
  await mkdir(DATA, { recursive: true });
  const minute = join(DATA, 'media-1min.mp4');
  const q = ['-hide_banner', '-loglevel', 'error', '-y'];
  await exec('ffmpeg', [
    ...q,
    '-f',
    'lavfi',
    '-i',
    'color=c=gray:size=64x36:rate=1:duration=60',
    '-f',
    'lavfi',
    '-i',
    'sine=frequency=220:beep_factor=4:sample_rate=48000:duration=60',
    ...H264_FAST,
    '-g',
    '10',
    '-c:a',
    'aac',
    '-b:a',
    '128k',
    '-ac',
    '2',
    minute,
  ]);
  const list = join(DATA, 'media-list.txt');
  await writeFile(list, `file '${minute}'\n`.repeat(MINUTES));
  const tmp = `${file}.tmp.mp4`;
  await exec('ffmpeg', [...q, '-f', 'concat', '-safe', '0', '-i', list, '-c', 'copy', tmp]);
  await rename(tmp, file);
  await rm(list, { force: true });
  await rm(minute, { force: true });
  return { file, generated: true };
}

const fmt = (ms: number): string => `${ms.toFixed(0)} ms`;
const x = (ms: number): string => `${(DURATION_S / (ms / 1000)).toFixed(0)}×`;

export async function run(): Promise<void> {
  const t0 = performance.now();
  const { file, generated } = await benchFile();
  const gen = performance.now() - t0;
  const tb = performance.now();
  const bins = await resolveBinaries();
  const resolveMs = performance.now() - tb;
  const version = bins.tried.find((t) => t.tool === 'ffmpeg' && !t.error)?.version ?? '?';

  const rawArgs = ['-hide_banner', '-nostdin', '-v', 'error', '-vn', '-sn', '-dn', '-i', file];
  rawArgs.push('-map', '0:a:0', '-ac', '1', '-ar', '8000', '-f', 's16le', 'pipe:1');
  const raw = async (): Promise<number> => {
    const t = performance.now();
    await runProcess(bins.ffmpeg, rawArgs, { onStdout: () => {} });
    return performance.now() - t;
  };
  const cacheDir = await mkdtemp(join(tmpdir(), 'cueline-bench-wave-'));
  try {
    // Two alternating rounds, best of each: the 2 cores are shared, single runs are noisy.
    const rawRuns: number[] = [];
    const waveRuns: Array<{ ms: number; firstMs: number; chunks: number }> = [];
    let w: Awaited<ReturnType<typeof waveform>> | undefined;
    for (let round = 0; round < 2; round++) {
      rawRuns.push(await raw());
      await rm(join(cacheDir, 'waveform'), { recursive: true, force: true });
      const tw = performance.now();
      let firstMs = -1;
      let chunks = 0;
      w = await waveform(file, {
        cacheDir,
        onPeaks: () => {
          if (firstMs < 0) firstMs = performance.now() - tw;
          chunks++;
        },
      });
      waveRuns.push({ ms: performance.now() - tw, firstMs, chunks });
    }
    if (!w) return;
    const rawMs = Math.min(...rawRuns);
    const waveMs = Math.min(...waveRuns.map((r) => r.ms));
    const firstMs = Math.min(...waveRuns.map((r) => r.firstMs));
    const chunks = waveRuns[0]?.chunks ?? 0;
    const runs = (v: number[]): string => v.map((n) => n.toFixed(0)).join(', ');
    const tc = performance.now();
    const cached = await waveform(file, { cacheDir });
    const cachedMs = performance.now() - tc;
    const base = w.levels[0];

    const rows: Array<[string, string, string]> = [
      [
        'file',
        `${MINUTES} min AAC 128k stereo 48 kHz + 64x36 video${generated ? ` (generated in ${fmt(gen)})` : ' (cached in bench/.data)'}`,
        '',
      ],
      ['ffmpeg', version.slice(0, 60), `resolved in ${fmt(resolveMs)} (once per process)`],
      ['raw s16le decode', `${fmt(rawMs)} = ${x(rawMs)} real time`, `the ceiling; runs ${runs(rawRuns)} ms`],
      [
        'waveform (cold)',
        `${fmt(waveMs)} = ${x(waveMs)} real time`,
        `target ≥ 100×; runs ${runs(waveRuns.map((r) => r.ms))} ms`,
      ],
      [
        'first peaks',
        fmt(firstMs),
        `target < 300 ms; runs ${runs(waveRuns.map((r) => r.firstMs))} ms; ${chunks} chunks`,
      ],
      ['waveform (cached)', fmt(cachedMs), `fromCache=${cached.fromCache}`],
      [
        'load average',
        loadavg()
          .map((l) => l.toFixed(1))
          .join(' '),
        `${cpus().length} cores, shared with other work`,
      ],
      ['levels', `${w.levels.length} (finest ${base?.min.length ?? 0} buckets of 4 ms)`, ''],
    ];
    for (const [a, b, c] of rows) process.stdout.write(`${a.padEnd(22)} ${b.padEnd(52)} ${c}\n`);
  } finally {
    await rm(cacheDir, { recursive: true, force: true });
  }
}
