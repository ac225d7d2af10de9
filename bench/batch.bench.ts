// `npm run bench -- batch`: 50 small videos × 2 languages (and a post each) published by the batch
// runner against the X emulator with 50 ms of latency on every request, at concurrency 1 and 4.
// Issue 8's targets: ≥ 3× faster at concurrency 4, and no more requests than the protocol minimum
// plus STATUS polls. The minimum per video: INIT/APPEND/FINALIZE for the video and for each
// subtitle file (one APPEND each: every file is under a chunk), one association per language, the post.
// The emulator runs in its own process (bench/batch-emulator.ts) so it doesn't share the client's
// event loop.
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planBatch } from '../main/services/batch/plan.ts';
import { cachedProbe } from '../main/services/batch/probe-cache.ts';
import { BatchRun } from '../main/services/batch/runner.ts';
import { probe } from '../main/services/media/probe.ts';
import { XClient } from '../main/services/x/client.ts';
import { RateLimiter } from '../main/services/x/rate-limiter.ts';
import { oauth1Signer } from '../main/services/x/signer.ts';
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { generateVideo } from '../test/support/media-fixtures.ts';
import type { EmulatorCredentials } from '../test/x-emulator/server.ts';

const VIDEOS = Number(process.env['BENCH_BATCH_VIDEOS'] ?? 50);
const LANGS = ['en', 'es'];
const LATENCY_MS = 50;
const srt = (t: string): string =>
  `1\n00:00:00,100 --> 00:00:00,800\n${t}\n\n2\n00:00:00,900 --> 00:00:01,000\n${t}!\n`;

interface Figures {
  concurrency: number;
  planMs: number;
  runMs: number;
  requests: number;
  statusPolls: number;
  published: number;
  limiterWaits: number;
}

interface EmulatorProcess {
  url: string;
  credentials: EmulatorCredentials;
  child: ChildProcess;
}

async function startEmulatorProcess(): Promise<EmulatorProcess> {
  const child = spawn(process.execPath, [new URL('./batch-emulator.ts', import.meta.url).pathname], {
    env: { ...process.env, BENCH_LATENCY_MS: String(LATENCY_MS) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout ?? process.stdin });
  const first = await new Promise<string>((resolve) => lines.once('line', resolve));
  const info = JSON.parse(first) as { url: string; credentials: EmulatorCredentials };
  return { ...info, child };
}

interface Stats {
  requests: number;
  statusPolls: number;
  errors: number;
  posts: number;
}

async function stats(emu: EmulatorProcess, reset: boolean): Promise<Stats> {
  const r = await fetch(`${emu.url}/__bench/stats${reset ? '?reset=1' : ''}`);
  return (await r.json()) as Stats;
}

async function once(emu: EmulatorProcess, folder: string, concurrency: number): Promise<Figures> {
  const home = mkdtempSync(join(tmpdir(), 'cueline-bench-batch-home-'));
  await stats(emu, true);
  try {
    const probeOnce = cachedProbe((f, o) => probe(f, o));
    const t0 = performance.now();
    const plan = await planBatch({ folder }, { category: 'tweet_video', api: 'v2', probe: probeOnce });
    const planMs = performance.now() - t0;
    const limiter = new RateLimiter();
    const c = emu.credentials;
    const client = new XClient({
      signer: oauth1Signer({
        consumerKey: c.consumerKey,
        consumerSecret: c.consumerSecret,
        token: c.accessToken,
        tokenSecret: c.accessTokenSecret,
      }),
      apiBase: emu.url,
      uploadBase: emu.url,
      gate: limiter.gateFor('bench'),
    });
    const run = await BatchRun.open(
      plan,
      { concurrency, category: 'tweet_video', api: 'v2', postTemplate: 'New video: {name}', noPost: false },
      { client, journalDir: join(home, 'jobs'), probe: probeOnce },
    );
    const t1 = performance.now();
    const results = await run.start();
    const runMs = performance.now() - t1;
    const s = await stats(emu, true);
    return {
      concurrency,
      planMs,
      runMs,
      requests: s.requests,
      statusPolls: s.statusPolls,
      published: results.filter((r) => r.status === 'published').length,
      limiterWaits: limiter.waits,
    };
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

export async function run(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'cueline-bench-batch-'));
  try {
    const seed = join(folder, '.seed.mp4');
    await generateVideo(seed, { duration: 1, width: 160, height: 90 });
    for (let i = 1; i <= VIDEOS; i++) {
      const name = `clip-${String(i).padStart(2, '0')}`;
      copyFileSync(seed, join(folder, `${name}.mp4`));
      for (const l of LANGS) writeFileSync(join(folder, `${name}.${l}.srt`), srt(`${name} ${l}`));
    }
    const minimum = VIDEOS * (3 + LANGS.length * 3 + LANGS.length + 1);
    const emu = await startEmulatorProcess();
    let one: Figures;
    let four: Figures;
    try {
      one = await once(emu, folder, 1);
      four = await once(emu, folder, 4);
    } finally {
      emu.child.kill('SIGTERM');
    }
    const speedup = one.runMs / four.runMs;
    const rows = [one, four].map((f) => ({
      concurrency: f.concurrency,
      'plan s': +(f.planMs / 1000).toFixed(1),
      'run s': +(f.runMs / 1000).toFixed(1),
      published: `${f.published}/${VIDEOS}`,
      requests: f.requests,
      minimum: minimum,
      'status polls': f.statusPolls,
      'over min+polls': f.requests - minimum - f.statusPolls,
      'rate-limit waits': f.limiterWaits,
    }));
    console.table(rows);
    process.stdout.write(
      `${VIDEOS} videos × ${LANGS.length} languages + a post, ${LATENCY_MS} ms latency per request\n` +
        `speed-up at concurrency 4: ${speedup.toFixed(2)}× (target ≥ 3×) ${speedup >= 3 ? 'MET' : 'NOT MET'}\n` +
        `requests beyond minimum + status polls: ${one.requests - minimum - one.statusPolls} / ${four.requests - minimum - four.statusPolls} (target 0) ${
          one.requests - minimum - one.statusPolls <= 0 && four.requests - minimum - four.statusPolls <= 0
            ? 'MET'
            : 'NOT MET'
        }\n`,
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
