// The loopback server standing in for the app's two protocols: the built renderer (app://) with
// the app's CSP, and /media/<id> (cueline-media://) with HTTP Range — the same plain-Node
// functions the Electron protocol handlers call.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { buildCsp } from '../../../main/app/security/csp.ts';
import { serveStatic } from '../../../main/app/protocol/static-files.ts';
import type { FileRegistry } from '../../../main/services/workspace/file-registry.ts';
import { serveFileRange } from '../../../main/services/workspace/media-range.ts';

export const RENDERER_ROOT = join(import.meta.dirname, '../../../out/renderer');

export interface LoopbackServer {
  /** http://127.0.0.1:PORT — the renderer's origin. */
  origin: string;
  mediaUrl(key: string): string;
  csp: string;
  close(): Promise<void>;
}

/**
 * Serves the built pages under root with the app's CSP, and /media/<key> with HTTP Range from the
 * file mediaPath(key) names (404 when it names none). onMedia sees every media request's outcome.
 * The harness and the timeline lab (test/e2e/bench/lab-server.ts) both run on it.
 */
export async function startLoopbackServer(
  root: string,
  mediaPath: (key: string) => string | null,
  onMedia?: (m: { key: string; range: string | null; status: number }) => void,
): Promise<LoopbackServer> {
  let csp = '';
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const media = /^\/media\/([A-Za-z0-9_.-]+)$/.exec(url.pathname);
    const handle = async (): Promise<void> => {
      if (media) {
        const key = media[1] ?? '';
        const range = req.headers.range ?? null;
        const path = mediaPath(key);
        if (!path) {
          onMedia?.({ key, range, status: 404 });
          res.writeHead(404).end();
          return;
        }
        const r = await serveFileRange(path, req.headers.range, { head: req.method === 'HEAD' });
        onMedia?.({ key, range, status: r.status });
        res.writeHead(r.status, r.headers);
        if (r.body) await pipeline(r.body, res);
        else res.end();
        return;
      }
      const r = await serveStatic(root, url.pathname, csp);
      res.writeHead(r.status, r.headers).end(r.body ?? undefined);
    };
    // A seeking <video> aborts requests mid-stream; that's not a server failure.
    handle().catch(() => res.destroy());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  csp = buildCsp({ mediaSources: [origin] });
  return {
    origin,
    csp,
    mediaUrl: (key) => `${origin}/media/${key}`,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

export interface HarnessServer extends LoopbackServer {
  /** Every /media request: the Range it asked for and the status it got (seek tests check 206s). */
  mediaRequests: { id: string; range: string | null; status: number }[];
}

/** The harness's server: /media/<id> serves the videos the app's FileRegistry handed out. */
export async function startHarnessServer(files: FileRegistry, root = RENDERER_ROOT): Promise<HarnessServer> {
  const mediaRequests: HarnessServer['mediaRequests'] = [];
  const server = await startLoopbackServer(
    root,
    (id) => {
      const entry = files.lookup(id);
      return entry && entry.kind === 'video' ? entry.path : null;
    },
    ({ key, range, status }) => mediaRequests.push({ id: key, range, status }),
  );
  return { ...server, mediaRequests };
}
