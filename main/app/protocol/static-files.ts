// Serving the built renderer (out/renderer) for the app:// protocol and the test harness. Paths
// from URLs are resolved and checked with path.relative (a `startsWith` check lets
// `/out/renderer-evil` through and misses `..` after normalisation on Windows).
import { readFile, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve } from 'node:path';

/** The file under root that a URL path names, or null when it would escape root. */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const rootAbs = resolve(root);
  const target = resolve(rootAbs, `.${decoded.startsWith('/') ? '' : '/'}${decoded}`);
  const rel = relative(rootAbs, target);
  if (rel === '') return target;
  if (rel.startsWith('..') || isAbsolute(rel)) return null;
  return target;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

export interface StaticResponse {
  status: 200 | 403 | 404;
  headers: Record<string, string>;
  body: Buffer | null;
}

export async function serveStatic(root: string, urlPath: string, csp: string): Promise<StaticResponse> {
  const path = urlPath === '/' || urlPath === '' ? '/index.html' : urlPath;
  const file = resolveInside(root, path);
  if (!file) return { status: 403, headers: {}, body: null };
  const st = await stat(file).catch(() => null);
  if (!st || !st.isFile()) return { status: 404, headers: {}, body: null };
  const body = await readFile(file);
  return {
    status: 200,
    headers: {
      'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'content-security-policy': csp,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-cache',
    },
    body,
  };
}
