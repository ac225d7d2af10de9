// HTTP Range serving for local video files (RFC 9110 §14): what lets <video> seek without reading
// the whole file. One plain-Node function shared by the app's cueline-media:// protocol handler
// and the test harness's loopback server.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Readable } from 'node:stream';

export type RangeRequest =
  { kind: 'full' } | { kind: 'partial'; start: number; end: number } | { kind: 'unsatisfiable' };

/**
 * Parses a Range header against a file size. Syntax we don't serve (other units, several ranges,
 * garbage) falls back to the whole file, which RFC 9110 allows; a well-formed range that misses
 * the file is unsatisfiable (416).
 */
export function parseRange(header: string | null | undefined, size: number): RangeRequest {
  if (!header) return { kind: 'full' };
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m) return { kind: 'full' };
  const [, a = '', b = ''] = m;
  if (a === '' && b === '') return { kind: 'full' };
  if (a === '') {
    // Suffix range: the last N bytes.
    const n = Number(b);
    if (n === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'partial', start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(a);
  const end = b === '' ? size - 1 : Math.min(Number(b), size - 1);
  if (b !== '' && Number(b) < start) return { kind: 'full' };
  if (start >= size) return { kind: 'unsatisfiable' };
  return { kind: 'partial', start, end };
}

const VIDEO_TYPES: Record<string, string> = {
  '.mp4': 'video/mp4',
  '.m4v': 'video/mp4',
  '.mov': 'video/quicktime',
  '.webm': 'video/webm',
  '.mkv': 'video/x-matroska',
};

export function mediaContentType(path: string): string {
  return VIDEO_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export interface RangeResponse {
  status: 200 | 206 | 404 | 416;
  headers: Record<string, string>;
  /** Null for 404/416 and HEAD. */
  body: Readable | null;
}

export async function serveFileRange(
  path: string,
  rangeHeader: string | null | undefined,
  options: { head?: boolean } = {},
): Promise<RangeResponse> {
  const st = await stat(path).catch(() => null);
  if (!st || !st.isFile()) return { status: 404, headers: {}, body: null };
  const size = st.size;
  const base = {
    'accept-ranges': 'bytes',
    'content-type': mediaContentType(path),
    'cache-control': 'no-store',
  };
  const range = parseRange(rangeHeader, size);
  if (range.kind === 'unsatisfiable')
    return { status: 416, headers: { ...base, 'content-range': `bytes */${size}` }, body: null };
  if (range.kind === 'full') {
    const body = options.head || size === 0 ? null : createReadStream(path);
    return { status: 200, headers: { ...base, 'content-length': String(size) }, body };
  }
  const { start, end } = range;
  return {
    status: 206,
    headers: {
      ...base,
      'content-length': String(end - start + 1),
      'content-range': `bytes ${start}-${end}/${size}`,
    },
    body: options.head ? null : createReadStream(path, { start, end }),
  };
}
