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

export interface HarnessServer {
  /** http://127.0.0.1:PORT — the renderer's origin. */
  origin: string;
  mediaUrl(id: string): string;
  csp: string;
  /** Every /media request: the Range it asked for and the status it got (seek tests check 206s). */
  mediaRequests: { id: string; range: string | null; status: number }[];
  close(): Promise<void>;
}

export async function startHarnessServer(files: FileRegistry, root = RENDERER_ROOT): Promise<HarnessServer> {
  let csp = '';
  const mediaRequests: HarnessServer['mediaRequests'] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const media = /^\/media\/([A-Za-z0-9_-]+)$/.exec(url.pathname);
    const handle = async (): Promise<void> => {
      if (media) {
        const id = media[1] ?? '';
        const entry = files.lookup(id);
        if (!entry || entry.kind !== 'video') {
          mediaRequests.push({ id, range: req.headers.range ?? null, status: 404 });
          res.writeHead(404).end();
          return;
        }
        const r = await serveFileRange(entry.path, req.headers.range, { head: req.method === 'HEAD' });
        mediaRequests.push({ id, range: req.headers.range ?? null, status: r.status });
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
    mediaRequests,
    mediaUrl: (id) => `${origin}/media/${id}`,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
