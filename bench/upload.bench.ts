// `npm run bench -- upload`: a 1 GiB video uploaded to the emulator on loopback by the real CLI
// (`cueline publish`, a child process under /usr/bin/time -v for its peak RSS), next to the
// ceiling: a plain fetch streaming the same bytes in one request to the same server, also from a
// child process. Targets (issue 4): ≥ 70% of the ceiling, peak RSS < 150 MB.
import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, openSync, closeSync, statSync, writeSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { H264_FAST } from '../test/support/media-fixtures.ts';
import { startEmulator } from '../test/x-emulator/server.ts';

const GiB = 1024 * 1024 * 1024;
const here = fileURLToPath(new URL('.', import.meta.url));
const dataDir = join(here, '.data');
const bin = fileURLToPath(new URL('../bin/cueline.mjs', import.meta.url));

/** A short real MP4 followed by an MP4 `free` box padding it to `size` (players and ffprobe skip it). */
async function makeVideo(path: string, size: number): Promise<void> {
  if (existsSync(path) && statSync(path).size === size) return;
  const small = join(dataDir, 'seed.mp4');
  await promisify(execFile)('ffmpeg', [
    '-hide_banner',
    '-loglevel',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    'testsrc2=size=320x180:rate=25:duration=2',
    '-f',
    'lavfi',
    '-i',
    'sine=frequency=440:duration=2',
    ...H264_FAST,
    '-c:a',
    'aac',
    '-shortest',
    small,
  ]);
  const seed = (await import('node:fs')).readFileSync(small);
  const fd = openSync(path, 'w');
  writeSync(fd, seed);
  const pad = size - seed.length;
  const header = Buffer.alloc(8);
  header.writeUInt32BE(pad, 0);
  header.write('free', 4, 'latin1');
  writeSync(fd, header);
  // Incompressible-ish filler: a 1 MiB pseudo-random block repeated.
  const block = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < block.length; i += 32) createHash('sha256').update(String(i)).digest().copy(block, i);
  let left = pad - 8;
  while (left > 0) {
    const n = Math.min(left, block.length);
    writeSync(fd, block, 0, n);
    left -= n;
  }
  closeSync(fd);
}

function run(
  cmd: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const maxRssMb = (timeOutput: string): number => {
  const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(timeOutput);
  return m ? Number(m[1]) / 1024 : NaN;
};

export async function run_(): Promise<void> {
  mkdirSync(dataDir, { recursive: true });
  const video = join(dataDir, 'upload-1gib.mp4');
  const srt = join(dataDir, 'upload-1gib.en.srt');
  process.stdout.write('preparing a 1 GiB video in bench/.data …\n');
  await makeVideo(video, GiB);
  writeFileSync(srt, '1\n00:00:00,500 --> 00:00:01,500\nBenchmark\n');

  // Bench mode: hash incrementally, keep no bytes, no processing wait.
  let sinkBytes = 0;
  const emu = await startEmulator({
    config: { keepBytesUpTo: 0, processedCategories: [], checkAfterSecs: 1 },
    extraRoutes: [
      async (req, res) => {
        if (req.url !== '/bench/sink') return false;
        const h = createHash('sha256');
        sinkBytes = 0;
        for await (const chunk of req) {
          h.update(chunk as Buffer);
          sinkBytes += (chunk as Buffer).length;
        }
        const text = JSON.stringify({ bytes: sinkBytes, sha256: h.digest('hex') });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(text);
        return true;
      },
    ],
  });
  try {
    // Ceiling: one streamed request of the same bytes, from a child process like the CLI.
    const ceilingScript = `
      import { open } from 'node:fs/promises';
      const fh = await open(${JSON.stringify(video)});
      const size = (await fh.stat()).size;
      let pos = 0;
      // A pull stream: read 1 MiB only when fetch asks for more (backpressure).
      const body = new ReadableStream({
        async pull(ctrl) {
          const n = Math.min(1024 * 1024, size - pos);
          if (n === 0) { ctrl.close(); await fh.close(); return; }
          const buf = Buffer.allocUnsafe(n);
          const { bytesRead } = await fh.read(buf, 0, n, pos);
          pos += bytesRead;
          ctrl.enqueue(buf.subarray(0, bytesRead));
        },
      }, { highWaterMark: 1 });
      const t0 = performance.now();
      const r = await fetch(${JSON.stringify(`${emu.url}/bench/sink`)}, {
        method: 'POST', body, duplex: 'half', headers: { 'content-length': String(size) },
      });
      await r.text();
      process.stdout.write(String((performance.now() - t0) / 1000));`;
    const c = await run(
      '/usr/bin/time',
      ['-v', process.execPath, '--input-type=module', '-e', ceilingScript],
      process.env,
    );
    const ceilingSecs = Number(c.stdout.trim());
    const ceilingMBs = GiB / 1e6 / ceilingSecs;

    // The CLI.
    emu.state.requests.length = 0;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...emu.env('oauth1'),
      CUELINE_HOME: join(dataDir, 'home'),
    };
    const t0 = performance.now();
    const r = await run(
      '/usr/bin/time',
      ['-v', process.execPath, bin, 'publish', video, '--subs', srt, '--fresh', '--json'],
      env,
    );
    const wallSecs = (performance.now() - t0) / 1000;
    if (r.code !== 0) throw new Error(`cueline publish failed (${r.code}):\n${r.stderr.slice(-2000)}`);
    const out = JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as { video: { id: string } };
    const reqs = emu.state.requests;
    const init = reqs.find((q) => q.route === 'v2.initialize');
    const fin = reqs.find((q) => q.route === 'v2.finalize');
    const uploadSecs = ((fin?.at ?? 0) - (init?.at ?? 0)) / 1000;
    const cliMBs = GiB / 1e6 / uploadSecs;
    const sha = emu.state.media.get(out.video.id)?.sha256;
    const rss = maxRssMb(r.stderr);
    const appends = reqs.filter((q) => q.route === 'v2.append').length;

    const rows: Array<[string, string, string]> = [
      [
        'ceiling: one streamed fetch',
        `${ceilingMBs.toFixed(0)} MB/s`,
        `${ceilingSecs.toFixed(2)} s, peak RSS ${maxRssMb(c.stderr).toFixed(0)} MB`,
      ],
      [
        'cueline publish (upload phase)',
        `${cliMBs.toFixed(0)} MB/s`,
        `${uploadSecs.toFixed(2)} s, ${appends} APPENDs; whole run ${wallSecs.toFixed(2)} s`,
      ],
      ['  share of ceiling', `${((100 * cliMBs) / ceilingMBs).toFixed(0)} %`, 'target ≥ 70 %'],
      ['  CLI peak RSS', `${rss.toFixed(0)} MB`, 'target < 150 MB'],
      ['  reassembled sha256 matches', sha ? 'yes' : 'no', sha?.slice(0, 16) ?? ''],
    ];
    for (const [a, b, cc] of rows) process.stdout.write(`${a.padEnd(34)} ${b.padStart(10)}   ${cc}\n`);
  } finally {
    await emu.close();
  }
}

export { run_ as run };
