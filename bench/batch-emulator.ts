// The X emulator for the batch bench, in its own process so its work doesn't share the measured
// client's event loop: 50 ms of latency on every request; prints {url, credentials} as one JSON
// line; GET /__bench/stats answers the request counts (and resets them with ?reset=1).
import { startEmulator } from '../test/x-emulator/server.ts';

const latency = Number(process.env['BENCH_LATENCY_MS'] ?? 50);
const emu = await startEmulator({
  config: { checkAfterSecs: 0, processingSteps: 1 },
  extraRoutes: [
    (req, res, ctx) => {
      if (!req.url?.startsWith('/__bench/stats')) return Promise.resolve(false);
      const reqs = ctx.state.requests;
      ctx.sendJson(res, 200, {
        requests: reqs.length,
        statusPolls: reqs.filter((r) => r.route === 'v2.status').length,
        errors: reqs.filter((r) => r.status >= 400 || r.status === 0).length,
        posts: ctx.state.posts.length,
      });
      if (ctx.url.searchParams.get('reset') === '1') {
        reqs.length = 0;
        ctx.state.posts.length = 0;
        ctx.state.media.clear();
        // Each run starts with fresh rate-limit windows (X's 100 associations per 15 minutes
        // would otherwise be spent by the first run's 100).
        ctx.state.rate.clear();
      }
      return Promise.resolve(true);
    },
  ],
});
emu.faults.add({ route: /.*/, action: { kind: 'latency', ms: latency }, times: Number.MAX_SAFE_INTEGER });
process.stdout.write(`${JSON.stringify({ url: emu.url, credentials: emu.credentials })}\n`);
process.on('SIGTERM', () => void emu.close().then(() => process.exit(0)));
