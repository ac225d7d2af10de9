// `npm run bench -- captions`: parse and write throughput for a generated 100,000-cue SRT and WebVTT,
// ours beside the npm packages `subtitle`, `srt-parser-2`, `subsrt-ts` and `webvtt-parser`, and the
// peak memory of parsing relative to the file size (issues 2 and 15: every parse and write at least
// as fast as the fastest npm peer, peak memory under 5× the file size).
//
// Every measurement runs in a child process (same file, CUELINE_BENCH_CHILD set).
//  - Throughput table: each library in its own process, so one library's garbage and JIT state
//    can't tilt another's numbers: a warm-up run, then the median of the timed runs of parse
//    (string → cues) or write (the library's own parsed cues → string).
//  - Targets (every parse and write at least as fast as the fastest other library): on a shared
//    machine the load drifts between those processes, so each target is judged by a head-to-head
//    race in one process: the libraries for that format and op interleaved round-robin (rotating who
//    goes first), gc() before each run, results dropped at once, judged on the median CPU time
//    (user + system: under load wall time swung 2-5×), garbage collected on the main thread so that
//    no run is charged for sweeping another's garbage; a write counts until its text is flat
//    (Buffer.byteLength), as it is before being saved. `--head-to-head-only` runs just these.
//  - Memory (SRT and WebVTT): the child reads the file into a string, runs gc() twice, records RSS,
//    parses once and reads the process's peak RSS (getrusage maxrss) → peak = maxRSS − RSS before parsing. The
//    file-reading step peaks lower than parsing does (checked: the child reports the maxRSS before
//    parsing too), so the difference is the parse's own high-water mark, including garbage not yet
//    collected. "retained" is heapUsed after gc() with the result still referenced. `--memory-only`
//    runs just these; `--scaling-only` just the time-against-size table below.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCaptions } from '../shared/captions/read.ts';
import { writeCaptions } from '../shared/captions/write.ts';
import { formatSrtTimestamp, formatVttTimestamp } from '../shared/captions/time.ts';
import { checkTrack, PRESETS } from '../shared/captions/rules.ts';
import type { Track } from '../shared/captions/model.ts';

const CUES = 100_000;
const WARMUP = 1;
const RUNS = 3;
const RACE_ROUNDS = 7;

type Format = 'srt' | 'vtt';
type Op = 'parse' | 'write';

interface Impl {
  name: string;
  formats: Format[];
  /** Parses text; returns the library's own cue list (whatever shape) and its length. */
  parse: (text: string, format: Format) => Promise<{ data: unknown; count: number }>;
  write: (data: unknown, format: Format) => Promise<string>;
}

// Implementations load their library lazily so a child only imports the one it measures.
const impls: Impl[] = [
  {
    name: 'cueline (ours)',
    formats: ['srt', 'vtt'],
    parse: async (text, format) => {
      const { track } = parseCaptions(text, { fileName: `bench.en.${format}`, format });
      return { data: track, count: track.cues.length };
    },
    write: async (data, format) => writeCaptions(data as Parameters<typeof writeCaptions>[0], format).text,
  },
  {
    name: 'subtitle',
    formats: ['srt', 'vtt'],
    parse: async (text) => {
      const { parseSync } = await import('subtitle');
      const nodes = parseSync(text);
      return { data: nodes, count: nodes.filter((n) => n.type === 'cue').length };
    },
    write: async (data, format) => {
      const { stringifySync } = await import('subtitle');
      return stringifySync(data as Parameters<typeof stringifySync>[0], {
        format: format === 'srt' ? 'SRT' : 'WebVTT',
      });
    },
  },
  {
    name: 'srt-parser-2',
    formats: ['srt'],
    parse: async (text) => {
      const { default: SrtParser } = await import('srt-parser-2');
      const cues = new SrtParser().fromSrt(text);
      return { data: cues, count: cues.length };
    },
    write: async (data) => {
      const { default: SrtParser } = await import('srt-parser-2');
      return new SrtParser().toSrt(data as Parameters<InstanceType<typeof SrtParser>['toSrt']>[0]);
    },
  },
  {
    name: 'subsrt-ts',
    formats: ['srt', 'vtt'],
    parse: async (text, format) => {
      const { parse } = await import('subsrt-ts');
      const captions = parse(text, { format });
      return { data: captions, count: captions.filter((c) => c.type === 'caption').length };
    },
    write: async (data, format) => {
      const { build } = await import('subsrt-ts');
      return build(data as Parameters<typeof build>[0], { format });
    },
  },
  {
    name: 'webvtt-parser',
    formats: ['vtt'],
    parse: async (text) => {
      const { default: webvtt } = await import('webvtt-parser');
      const tree = new webvtt.WebVTTParser().parse(text, 'metadata');
      return { data: tree, count: tree.cues.length };
    },
    write: async (data) => {
      const mod = (await import('webvtt-parser')) as unknown as {
        default: {
          WebVTTSerializer: new () => { serialize: (cues: unknown[], styles?: string[]) => string };
        };
      };
      const tree = data as { cues: unknown[]; styles: string[] };
      return new mod.default.WebVTTSerializer().serialize(tree.cues, tree.styles);
    },
  },
];

/** Deterministic caption text: 1–2 lines of 3–7 words, some italics and Latin-1 accents. */
function generate(format: Format): string {
  let seed = 20_260_101;
  const rnd = (): number => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  const words = [
    'the',
    'quick',
    'brown',
    'fox',
    'jumps',
    'over',
    'lazy',
    'dog',
    'café',
    'naïve',
    '<i>really</i>',
    'what?',
    'I',
    'you',
    "don't",
    'know',
    'why',
    'here',
    'there',
    'again',
    'Zoë',
    'okay,',
    'listen.',
    'we',
  ];
  const fmt = format === 'srt' ? formatSrtTimestamp : formatVttTimestamp;
  const parts: string[] = format === 'vtt' ? ['WEBVTT\n\n'] : [];
  let t = 0;
  for (let i = 0; i < CUES; i++) {
    const start = t + 100 + Math.floor(rnd() * 500);
    const end = start + 800 + Math.floor(rnd() * 4000);
    t = end;
    const lines: string[] = [];
    for (let l = rnd() < 0.5 ? 1 : 2; l > 0; l--) {
      const ws: string[] = [];
      for (let k = 3 + Math.floor(rnd() * 5); k > 0; k--)
        ws.push(words[Math.floor(rnd() * words.length)] ?? '');
      lines.push(ws.join(' '));
    }
    parts.push(
      `${format === 'srt' ? `${i + 1}\n` : ''}${fmt(start)} --> ${fmt(end)}\n${lines.join('\n')}\n\n`,
    );
  }
  return parts.join('');
}

// ---- child side -----------------------------------------------------------------------------------

interface TimeResult {
  ms: number;
  count: number;
  outBytes: number;
}
/** Median of a library's runs in one race: CPU ms (user + system, GC threads included) and wall ms. */
interface RaceTime {
  cpu: number;
  wall: number;
}
interface MemResult {
  count: number;
  peakBytes: number;
  retainedBytes: number;
  maxRssBeforeParse: number;
  rssBeforeParse: number;
}

async function child(): Promise<void> {
  const [mode, implName, format, file] = [
    process.env['CUELINE_BENCH_CHILD'],
    process.env['BENCH_IMPL'],
    process.env['BENCH_FORMAT'] as Format,
    process.env['BENCH_FILE'] ?? '',
  ];
  const gc = (globalThis as { gc?: () => void }).gc ?? ((): void => {});
  if (mode === 'scaling') {
    process.stdout.write(JSON.stringify(scalingChild(Number(process.env['BENCH_SHAPE']))) + '\n');
    return;
  }
  if (mode !== 'race' && !impls.some((i) => i.name === implName))
    throw new Error(`no implementation ${implName}`);
  if (mode === 'memory') {
    const impl = impls.find((i) => i.name === implName) ?? impls[0];
    if (!impl) return;
    await impl.parse('', format).catch(() => undefined); // load the library first
    const text = readFileSync(file, 'utf8');
    gc();
    gc();
    const rssBeforeParse = process.memoryUsage().rss;
    const heapBefore = process.memoryUsage().heapUsed;
    const maxRssBeforeParse = process.resourceUsage().maxRSS * 1024;
    const result = await impl.parse(text, format);
    const maxRssAfter = process.resourceUsage().maxRSS * 1024;
    gc();
    const retainedBytes = process.memoryUsage().heapUsed - heapBefore;
    const out: MemResult = {
      count: result.count,
      peakBytes: maxRssAfter - rssBeforeParse,
      retainedBytes,
      maxRssBeforeParse,
      rssBeforeParse,
    };
    process.stdout.write(JSON.stringify(out) + '\n');
    return;
  }
  if (mode === 'race') {
    // Every library for this format and op in one process, interleaved round-robin (rotating who
    // goes first), gc() before each run, results dropped at once; the median per library.
    const op = process.env['BENCH_OP'] as Op;
    const text = readFileSync(file, 'utf8');
    const contenders = impls.filter((i) => i.formats.includes(format));
    const data = new Map<string, unknown>();
    for (const c of contenders) data.set(c.name, (await c.parse(text, format)).data);
    const cpu = new Map<string, number[]>(contenders.map((c) => [c.name, []]));
    const wall = new Map<string, number[]>(contenders.map((c) => [c.name, []]));
    for (let r = -1; r < RACE_ROUNDS; r++) {
      for (let k = 0; k < contenders.length; k++) {
        const c = contenders[(k + Math.max(r, 0)) % contenders.length];
        if (!c) continue;
        gc();
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        // A write is done when its text is flat and measured, as it is before being saved.
        if (op === 'parse') await c.parse(text, format);
        else Buffer.byteLength(await c.write(data.get(c.name), format));
        const dt = performance.now() - t0;
        const dc = process.cpuUsage(c0);
        if (r < 0) continue; // round -1 warms up
        wall.get(c.name)?.push(dt);
        cpu.get(c.name)?.push((dc.user + dc.system) / 1000);
      }
    }
    const median = (ts: number[] = []): number => ts.sort((a, b) => a - b)[Math.floor(ts.length / 2)] ?? NaN;
    const out: Record<string, RaceTime> = {};
    for (const c of contenders)
      out[c.name] = { cpu: median(cpu.get(c.name)), wall: median(wall.get(c.name)) };
    process.stdout.write(JSON.stringify(out) + '\n');
    return;
  }
  const op = mode as Op;
  const impl = impls.find((i) => i.name === implName);
  if (!impl) return;
  const text = readFileSync(file, 'utf8');
  const parsed = await impl.parse(text, format);
  const times: number[] = [];
  let outBytes = 0;
  for (let r = 0; r < WARMUP + RUNS; r++) {
    gc();
    const t0 = performance.now();
    if (op === 'parse') await impl.parse(text, format);
    else outBytes = Buffer.byteLength(await impl.write(parsed.data, format));
    const dt = performance.now() - t0;
    if (r >= WARMUP) times.push(dt);
  }
  times.sort((a, b) => a - b);
  const out: TimeResult = { ms: times[Math.floor(times.length / 2)] ?? NaN, count: parsed.count, outBytes };
  process.stdout.write(JSON.stringify(out) + '\n');
}

// ---- time against size (issue 15) -----------------------------------------------------------------
// Pathological shapes, each built at doubling sizes up to 20 MB; every reader, writer and the rules run
// on them and the exponent k of time ∝ size^k is fitted (least squares on log-log). Linear work gives
// k ≈ 1; k ≥ 1.3 is flagged. The machine is shared and noisy, and a one-off pause only ever adds
// time, so each point is the minimum of several runs in CPU time (gc() before each, after a warm-up run of every
// op on the smallest size), each shape runs in its own process (no other shape's garbage in its heap),
// and k is fitted on the sizes from 5 MB up: below that, fixed costs (a few ms) flatten the curve.

const SIZES_MB = [1.25, 2.5, 5, 10, 20];
const FIT_FROM_MB = 5;
/** Runs per point: more for the small sizes, where a pause is a bigger share of the time. */
const runsFor = (mbs: number): number => (mbs <= 5 ? 7 : 4);

function cueLines(n: number, fmt: (ms: number) => string, body: (i: number) => string, ids = false): string {
  const parts: string[] = [];
  for (let i = 0; i < n; i++)
    parts.push(`${ids ? `${i + 1}\n` : ''}${fmt(i * 1000)} --> ${fmt(i * 1000 + 900)}\n${body(i)}\n\n`);
  return parts.join('');
}

/** Shapes: a name, the format, and text of about `bytes` bytes. */
const SHAPES: { name: string; format: Format; make: (bytes: number) => string }[] = [
  {
    name: 'SRT typical cues',
    format: 'srt',
    make: (b) => cueLines(Math.ceil(b / 60), formatSrtTimestamp, (i) => `line ${i} <i>with</i> words`, true),
  },
  {
    name: 'VTT typical cues',
    format: 'vtt',
    make: (b) =>
      'WEBVTT\n\n' + cueLines(Math.ceil(b / 50), formatVttTimestamp, (i) => `line ${i} <v Bob>words`),
  },
  {
    name: 'VTT ids M+1…2M, then M without id',
    format: 'vtt',
    make: (b) => {
      const m = Math.ceil(b / 90);
      const parts = ['WEBVTT\n\n'];
      for (let i = 0; i < m; i++) parts.push(`${m + i + 1}\n00:00:01.000 --> 00:00:02.000\na\n\n`);
      for (let i = 0; i < m; i++) parts.push('00:00:01.000 --> 00:00:02.000\nb\n\n');
      return parts.join('');
    },
  },
  {
    name: 'SRT overlapping cues (rules)',
    format: 'srt',
    // Cue i starts at i × 10 ms and lasts 5 s: each overlaps the next 500.
    make: (b) => {
      const parts: string[] = [];
      for (let i = 0, n = Math.ceil(b / 50); i < n; i++)
        parts.push(
          `${i + 1}\n${formatSrtTimestamp(i * 10)} --> ${formatSrtTimestamp(i * 10 + 5000)}\noverlap\n\n`,
        );
      return parts.join('');
    },
  },
  {
    name: 'SRT one line of " X1:1" coordinates',
    format: 'srt',
    make: (b) => `1\n00:00:01,000 --> 00:00:02,000${' X1:1'.repeat(Math.ceil(b / 5))}\nHi\n`,
  },
  {
    name: 'SRT one cue of nested tags <<</v>1>…',
    format: 'srt',
    make: (b) => {
      const k = Math.ceil(b / 6);
      return `1\n00:00:01,000 --> 00:00:02,000\n${'<'.repeat(k)}</v>${'1>'.repeat(k)}\n`;
    },
  },
  {
    name: 'VTT blank lines and tags',
    format: 'vtt',
    make: (b) =>
      'WEBVTT\n' + '\n'.repeat(Math.ceil(b / 2)) + '00:01.000 --> 00:02.000\n' + '<c.a>x</c>'.repeat(10),
  },
  {
    name: 'SRT 10 MB tail after an end time (refused)',
    format: 'srt',
    make: (b) => `1\n00:00:01,000 --> 00:00:02,000 ${'x'.repeat(b)}\nHi\n`,
  },
];

/**
 * The minimum of `runs` runs, gc() before each (the child runs with --expose-gc), in CPU time (user +
 * system, GC threads included): on the shared machine wall time also counts the time other
 * processes held the cores, and swung 5× between runs.
 */
function timeIt(fn: () => void, runs: number): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  let best = Infinity;
  for (let r = 0; r < runs; r++) {
    gc?.();
    const c0 = process.cpuUsage();
    fn();
    const c = process.cpuUsage(c0);
    best = Math.min(best, (c.user + c.system) / 1000);
  }
  return best;
}

function exponent(points: [number, number][]): number {
  const xs = points.map(([x]) => Math.log(x));
  const ys = points.map(([, y]) => Math.log(Math.max(y, 0.5)));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < xs.length; i++) {
    num += ((xs[i] ?? 0) - mx) * ((ys[i] ?? 0) - my);
    den += ((xs[i] ?? 0) - mx) ** 2;
  }
  return num / den;
}

/** The ops measured on one shape's text: readers always, writers and rules on what the reader read. */
function shapeOps(text: string, format: Format): [string, () => void][] {
  const fileName = `shape.en.${format}`;
  let track: Track | null;
  try {
    track = parseCaptions(text, { fileName }).track;
  } catch {
    track = null; // refused: the time to refuse is what the readers measure
  }
  const ops: [string, () => void][] = [
    [
      'read',
      () => {
        try {
          parseCaptions(text, { fileName });
        } catch {
          // refused
        }
      },
    ],
  ];
  if (format === 'vtt')
    ops.push([
      'read strict',
      () => {
        try {
          parseCaptions(text, { fileName, strict: true });
        } catch {
          // refused
        }
      },
    ]);
  const t: Track | null = track;
  if (t)
    ops.push(
      // Timed until the text is flat and measured, as it is before being saved.
      ['write srt', () => Buffer.byteLength(writeCaptions(t, 'srt').text)],
      ['write vtt', () => Buffer.byteLength(writeCaptions(t, 'vtt').text)],
      ['rules', () => checkTrack(t, PRESETS['netflix-adult'])],
    );
  return ops;
}

/** Child side: one shape at every size → { op: ms per size }. */
function scalingChild(shapeIndex: number): Record<string, number[]> {
  const shape = SHAPES[shapeIndex];
  if (!shape) throw new Error(`no shape ${shapeIndex}`);
  // Warm-up: every op once on the smallest size, so the first point doesn't pay for the JIT.
  for (const [, fn] of shapeOps(shape.make((SIZES_MB[0] ?? 1) * 1e6), shape.format)) fn();
  const rows: Record<string, number[]> = {};
  for (const mbs of SIZES_MB) {
    const text = shape.make(mbs * 1e6);
    for (const [op, fn] of shapeOps(text, shape.format)) (rows[op] ??= []).push(timeIt(fn, runsFor(mbs)));
  }
  return rows;
}

function scaling(): void {
  process.stdout.write(
    `\nTime against size (CPU ms, minimum of ${runsFor(1)} runs up to 5 MB and ${runsFor(20)} above; ` +
      `k = exponent fitted from ${FIT_FROM_MB} MB up, flagged when ≥ 1.3)\n`,
  );
  const head = `${pad('shape', 44)}${pad('op', 12)}${SIZES_MB.map((s) => padL(`${s} MB`, 9)).join('')}${padL('k', 7)}`;
  process.stdout.write(`${head}\n${'-'.repeat(head.length)}\n`);
  SHAPES.forEach((shape, index) => {
    const rows = spawnChild<Record<string, number[]>>('scaling', '', shape.format, '', {
      BENCH_SHAPE: String(index),
    });
    if ('error' in rows) {
      process.stdout.write(`${pad(shape.name, 44)}failed: ${String(rows.error).slice(0, 80)}\n`);
      return;
    }
    for (const [op, times] of Object.entries(rows)) {
      const points = times.map((ms, i): [number, number] => [SIZES_MB[i] ?? NaN, ms]);
      const k = exponent(points.filter(([mbs]) => mbs >= FIT_FROM_MB));
      process.stdout.write(
        `${pad(shape.name, 44)}${pad(op, 12)}${times.map((ms) => padL(ms.toFixed(ms < 10 ? 1 : 0), 9)).join('')}` +
          `${padL(k.toFixed(2), 7)}${k >= 1.3 ? '  SUPER-LINEAR' : ''}\n`,
      );
    }
  });
}

// ---- parent side ----------------------------------------------------------------------------------

const self = fileURLToPath(import.meta.url);

function spawnChild<T>(
  mode: string,
  impl: string,
  format: Format,
  file: string,
  extraEnv: Record<string, string> = {},
): T | { error: string } {
  // The races collect garbage on the main thread: with V8's helper threads, the sweeping that the
  // gc() before a run starts went on during the run and was charged to it (CPU time counts every
  // thread), so each library paid for the garbage of the one before it in the rotation.
  const flags = mode === 'race' ? ['--expose-gc', '--single-threaded-gc'] : ['--expose-gc'];
  const r = spawnSync(process.execPath, [...flags, self], {
    encoding: 'utf8',
    env: {
      ...process.env,
      CUELINE_BENCH_CHILD: mode,
      BENCH_IMPL: impl,
      BENCH_FORMAT: format,
      BENCH_FILE: file,
      ...extraEnv,
    },
    maxBuffer: 1 << 20,
  });
  if (r.status !== 0)
    return { error: (r.stderr || `exit ${r.status}`).split('\n').find((l) => l.trim()) ?? 'failed' };
  return JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '{}') as T;
}

const mb = (b: number): string => (b / 1e6).toFixed(1);
const pad = (s: string, n: number): string => s.padEnd(n);
const padL = (s: string, n: number): string => s.padStart(n);

export async function run(): Promise<void> {
  if (process.argv.includes('--scaling-only')) {
    scaling();
    return;
  }
  // `--head-to-head-only`: the races and nothing else (what a change to a reader or writer needs);
  // `--memory-only`: the peak memory of parsing and nothing else.
  const headToHeadOnly = process.argv.includes('--head-to-head-only');
  const memoryOnly = process.argv.includes('--memory-only');
  const dir = mkdtempSync(join(tmpdir(), 'cueline-bench-'));
  try {
    const files: Record<Format, { path: string; bytes: number }> = {
      srt: { path: join(dir, 'bench.srt'), bytes: 0 },
      vtt: { path: join(dir, 'bench.vtt'), bytes: 0 },
    };
    for (const f of ['srt', 'vtt'] as const) {
      writeFileSync(files[f].path, generate(f));
      files[f].bytes = statSync(files[f].path).size;
    }
    process.stdout.write(
      `${CUES.toLocaleString('en')} cues: SRT ${mb(files.srt.bytes)} MB, WebVTT ${mb(files.vtt.bytes)} MB; ` +
        `median of ${RUNS} runs after ${WARMUP} warm-up, each library in its own process (Node ${process.version})\n\n`,
    );
    const header = `${pad('format', 7)}${pad('op', 7)}${pad('library', 16)}${padL('ms', 9)}${padL('cues/s', 12)}${padL('MB/s', 8)}  note`;
    process.stdout.write(`${header}\n${'-'.repeat(header.length + 12)}\n`);
    for (const format of ['srt', 'vtt'] as const) {
      for (const op of ['parse', 'write'] as const) {
        for (const impl of impls.filter(
          (i) => i.formats.includes(format) && !headToHeadOnly && !memoryOnly,
        )) {
          const r = spawnChild<TimeResult>(op, impl.name, format, files[format].path);
          let line = `${pad(format, 7)}${pad(op, 7)}${pad(impl.name, 16)}`;
          if ('error' in r) {
            line += `${padL('—', 9)}${padL('—', 12)}${padL('—', 8)}  failed: ${r.error.slice(0, 80)}`;
          } else {
            const bytes = op === 'parse' ? files[format].bytes : r.outBytes;
            line += `${padL(r.ms.toFixed(0), 9)}${padL(Math.round((CUES / r.ms) * 1000).toLocaleString('en'), 12)}${padL((bytes / 1e6 / (r.ms / 1000)).toFixed(1), 8)}`;
            if (r.count !== CUES) line += `  read ${r.count} cues (expected ${CUES})`;
          }
          process.stdout.write(`${line}\n`);
        }
      }
    }
    if (!memoryOnly) {
      process.stdout.write(
        `\nHead to head: per format and op, every library in one process, ${RACE_ROUNDS} interleaved rounds ` +
          `after a warm-up, gc() before each run, garbage collected on the main thread ` +
          `(--single-threaded-gc); median CPU ms (user + system), ` +
          `wall ms in brackets. The targets are judged on CPU time here: wall time, and the separate ` +
          `processes above, also count the time the shared machine's other processes held the cores.\n`,
      );
      const rh = `${pad('format', 7)}${pad('op', 7)}${padL('ours', 12)}  ${pad('fastest other', 28)}${padL('× as fast', 10)}  target  others`;
      process.stdout.write(`${rh}\n${'-'.repeat(rh.length + 40)}\n`);
      for (const format of ['srt', 'vtt'] as const)
        for (const op of ['parse', 'write'] as const) {
          const race = spawnChild<Record<string, RaceTime>>('race', '', format, files[format].path, {
            BENCH_OP: op,
          });
          if ('error' in race) {
            process.stdout.write(
              `${pad(format, 7)}${pad(op, 7)}failed: ${String(race.error).slice(0, 80)}\n`,
            );
            continue;
          }
          const ours = race['cueline (ours)'] ?? { cpu: Infinity, wall: Infinity };
          const rivals = Object.entries(race)
            .filter(([name]) => name !== 'cueline (ours)')
            .sort((a, b) => a[1].cpu - b[1].cpu);
          const [fastestName, fastest] = rivals[0] ?? ['none', { cpu: Infinity, wall: Infinity }];
          const ms = (t: RaceTime): string => `${t.cpu.toFixed(0)} (${t.wall.toFixed(0)})`;
          process.stdout.write(
            `${pad(format, 7)}${pad(op, 7)}${padL(ms(ours), 12)}  ${pad(`${fastestName} ${ms(fastest)}`, 28)}` +
              `${padL((fastest.cpu / ours.cpu).toFixed(2), 10)}  ${pad(ours.cpu <= fastest.cpu ? 'MET' : 'NOT MET', 8)}` +
              rivals
                .slice(1)
                .map(([n, t]) => `${n} ${ms(t)}`)
                .join(', ') +
              '\n',
          );
        }
    }
    if (headToHeadOnly) return;
    const memTargets: string[] = [];
    for (const format of ['srt', 'vtt'] as const) {
      const { path, bytes } = files[format];
      process.stdout.write(
        `\nPeak memory of one ${format === 'srt' ? 'SRT' : 'WebVTT'} parse (maxRSS − RSS before parsing, text already loaded; retained = heap held by the result)\n`,
      );
      const mh = `${pad('library', 16)}${padL('peak MB', 9)}${padL('× file', 8)}${padL('retained MB', 13)}${padL('× file', 8)}`;
      process.stdout.write(`${mh}\n${'-'.repeat(mh.length)}\n`);
      let oursRatio = NaN;
      for (const impl of impls.filter((i) => i.formats.includes(format))) {
        const r = spawnChild<MemResult>('memory', impl.name, format, path);
        if ('error' in r) {
          process.stdout.write(`${pad(impl.name, 16)}failed: ${r.error.slice(0, 80)}\n`);
          continue;
        }
        const ratio = r.peakBytes / bytes;
        if (impl.name === 'cueline (ours)') oursRatio = ratio;
        const caveat =
          r.maxRssBeforeParse > r.rssBeforeParse + r.peakBytes
            ? '  (reading the file peaked higher: upper bound)'
            : '';
        process.stdout.write(
          `${pad(impl.name, 16)}${padL(mb(r.peakBytes), 9)}${padL(ratio.toFixed(2), 8)}${padL(mb(r.retainedBytes), 13)}${padL((r.retainedBytes / bytes).toFixed(2), 8)}${caveat}\n`,
        );
      }
      memTargets.push(
        `${format === 'srt' ? 'SRT' : 'WebVTT'} parse peak memory target (< 5× file size): ours ${oursRatio.toFixed(2)}× — ${oursRatio < 5 ? 'MET' : 'NOT MET'}`,
      );
    }
    process.stdout.write(`\n${memTargets.join('\n')}\n`);
    if (!memoryOnly) scaling();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.env['CUELINE_BENCH_CHILD']) await child();
