// app:// serves the built renderer (never file://, checklist #18) with the CSP header;
// cueline-media:// streams the videos the user opened, by opaque id, with HTTP Range so <video> seeks.
import { protocol, type Session } from 'electron';
import { Readable } from 'node:stream';
import type { FileRegistry } from '../../services/workspace/file-registry.ts';
import { serveFileRange } from '../../services/workspace/media-range.ts';
import { APP_CSP, APP_HOST, APP_SCHEME, MEDIA_SCHEME } from '../security/csp.ts';
import { serveStatic } from './static-files.ts';

export const MEDIA_HOST = 'media';

export function mediaUrlFor(id: string): string {
  return `${MEDIA_SCHEME}://${MEDIA_HOST}/${id}`;
}

/** Must run before app 'ready'. */
export function registerPrivilegedSchemes(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
    {
      scheme: MEDIA_SCHEME,
      privileges: { standard: true, secure: true, stream: true, supportFetchAPI: true },
    },
  ]);
}

export function handleProtocols(session: Session, rendererRoot: string, files: FileRegistry): void {
  session.protocol.handle(APP_SCHEME, async (req) => {
    const url = new URL(req.url);
    if (url.host !== APP_HOST || req.method !== 'GET') return new Response(null, { status: 404 });
    const r = await serveStatic(rendererRoot, url.pathname, APP_CSP);
    return new Response(r.body ? new Uint8Array(r.body) : null, { status: r.status, headers: r.headers });
  });
  session.protocol.handle(MEDIA_SCHEME, async (req) => {
    const url = new URL(req.url);
    const id = url.pathname.replace(/^\//, '');
    const entry = url.host === MEDIA_HOST ? files.lookup(id) : undefined;
    if (!entry || entry.kind !== 'video') return new Response(null, { status: 404 });
    const r = await serveFileRange(entry.path, req.headers.get('range'), { head: req.method === 'HEAD' });
    const body = r.body ? (Readable.toWeb(r.body) as unknown as ReadableStream<Uint8Array>) : null;
    return new Response(body, { status: r.status, headers: r.headers });
  });
}
