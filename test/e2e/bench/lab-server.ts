// Builds the timeline lab (test/e2e/bench/lab) with vite into test-results/timeline-lab and serves
// it on loopback with the app's CSP, plus /media/<name> with HTTP Range for real videos. The lab is
// never part of the app bundle.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { build } from 'vite';
import { buildCsp } from '../../../main/app/security/csp.ts';
import { serveStatic } from '../../../main/app/protocol/static-files.ts';
import { serveFileRange } from '../../../main/services/workspace/media-range.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
export const LAB_OUT = join(ROOT, 'test-results/timeline-lab');

let built: Promise<string> | null = null;

/** Builds the lab once per process. */
export function buildLab(): Promise<string> {
  built ??= (async () => {
    await build({
      root: join(import.meta.dirname, 'lab'),
      base: './',
      logLevel: 'warn',
      configFile: false,
      plugins: [svelte({ configFile: join(ROOT, 'svelte.config.js') })],
      build: { outDir: LAB_OUT, emptyOutDir: true, minify: true },
    });
    return LAB_OUT;
  })();
  return built;
}

export interface LabServer {
  origin: string;
  /** URL of a file registered with `media`. */
  mediaUrl(name: string): string;
  close(): Promise<void>;
}

export async function startLabServer(media: Record<string, string> = {}): Promise<LabServer> {
  const root = await buildLab();
  let csp = '';
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const m = /^\/media\/([A-Za-z0-9_.-]+)$/.exec(url.pathname);
    const handle = async (): Promise<void> => {
      if (m) {
        const path = media[m[1] ?? ''];
        if (!path) {
          res.writeHead(404).end();
          return;
        }
        const r = await serveFileRange(path, req.headers.range, { head: req.method === 'HEAD' });
        res.writeHead(r.status, r.headers);
        if (r.body) await pipeline(r.body, res);
        else res.end();
        return;
      }
      const r = await serveStatic(root, url.pathname, csp);
      res.writeHead(r.status, r.headers).end(r.body ?? undefined);
    };
    handle().catch(() => res.destroy());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  csp = buildCsp({ mediaSources: [origin] });
  return {
    origin,
    mediaUrl: (name) => `${origin}/media/${name}`,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
