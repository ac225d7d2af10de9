// Chunked upload: INIT → APPEND × n → FINALIZE → STATUS polls. The file is read straight from
// disk one chunk at a time (each APPEND body streams its byte range a few hundred KiB at a time, so
// memory stays bounded whatever the size); the next APPEND starts before the previous one's answer
// arrives (APPENDS_IN_FLIGHT at most), so the wire doesn't idle between segments; a failed chunk is retried by XClient with the same
// segment_index; STATUS is polled no sooner than check_after_secs; a failed processing state
// surfaces X's own message.
// Chunks: the chunk-size setting (4 MiB by default), larger only as the 1000-segment rule forces;
// an empty-body 413 (clients see it on 5 MiB v2 chunks) halves the chunk for the rest of the file,
// a few times at most. Resume: the media id and each acknowledged segment are reported as a
// checkpoint (the caller journals it), and a checkpoint given back continues the same media id
// from the first unacknowledged byte; when X no longer knows the id, the upload starts over.
import { open, stat, type FileHandle } from 'node:fs/promises';
import { setTimeout as delay } from 'node:timers/promises';
import { CuelineError } from '../../../shared/errors.ts';
import { UPLOAD_MAX_SEGMENTS, UPLOAD_MIN_CHUNK_BYTES } from '../../../shared/x/limits.ts';
import type { XClient } from './client.ts';
import type { Dialect, MediaStatus, UploadCategory } from './dialects.ts';
import { cancelledError } from './errors.ts';
import type { ChunkSource } from './multipart.ts';

export const MIN_CHUNK = UPLOAD_MIN_CHUNK_BYTES;
/** How many times a 413 may halve the chunk before the upload gives up. */
export const MAX_HALVINGS = 3;
/**
 * APPENDs on the wire at once. Each carries its segment_index and X assembles by index (a segment
 * sent again replaces the one with that index), so the next APPEND need not wait for the previous
 * answer; the checkpoint covers only the acknowledged prefix, so a resume sends at most this many
 * segments again. X's docs neither allow nor forbid overlap; X's clients (twitter-api-v2 sends 3
 * at once) do it, and 2 hides the round trip between segments.
 */
export const APPENDS_IN_FLIGHT = 2;
/** segment_index is 0–999. */
export const MAX_SEGMENTS = UPLOAD_MAX_SEGMENTS;

export interface UploadProgress {
  phase: 'uploading' | 'processing';
  bytesSent: number;
  totalBytes: number;
  /** Smoothed upload rate, bytes per second. */
  bytesPerSecond: number;
  etaSeconds: number | null;
  processingState?: string;
  processingPercent?: number;
}

export type UploadSource = { path: string } | { bytes: Uint8Array };

/** Where an upload stands: enough to continue it with the same media id. */
export interface UploadCheckpoint {
  id: string;
  /** X's media key (v2 initialize answers it): how a post's attachments name the media. */
  mediaKey?: string;
  /** Epoch ms after which X no longer accepts the id (null when X didn't say). */
  expiresAt: number | null;
  totalBytes: number;
  /** Segments X acknowledged: indices 0…nextIndex-1, bytes 0…nextOffset-1. */
  nextIndex: number;
  nextOffset: number;
  chunkSize: number;
}

export type UploadNotice =
  | { kind: 'resumed'; id: string; fromByte: number }
  | { kind: 'restarted'; id: string; reason: string }
  | { kind: 'chunk_halved'; chunkSize: number };

export interface UploadOptions {
  client: XClient;
  dialect: Dialect;
  source: UploadSource;
  mediaType: string;
  category: UploadCategory;
  signal?: AbortSignal;
  onProgress?: (p: UploadProgress) => void;
  /** Called with the media id right after INIT (for the job journal). */
  onInitialized?: (id: string) => void;
  /** Awaited after INIT and after each acknowledged APPEND: the caller journals it. */
  onCheckpoint?: (c: UploadCheckpoint) => Promise<void>;
  /** An earlier run's checkpoint for the same bytes: continue it while X keeps the id. */
  resume?: UploadCheckpoint;
  onNotice?: (n: UploadNotice) => void;
  /** The chunk-size setting (default 4 MiB); larger only when the 1000-segment rule forces it. */
  chunkSize?: number;
  /** APPENDs in flight at once (default APPENDS_IN_FLIGHT; 1 sends one after the other). */
  inFlight?: number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  now?: () => number;
  maxProcessingMs?: number;
}

export interface UploadedMedia {
  id: string;
  mediaKey?: string;
  size: number;
  /** Epoch ms after which X no longer accepts the id (null when X didn't say). */
  expiresAt: number | null;
}

/** max(setting, ceil(size / 1000)) so no file needs more than 1000 segments; capped per dialect. */
export function chunkSizeFor(size: number, cap: number | null, setting = MIN_CHUNK): number {
  const want = Math.max(setting, Math.ceil(size / MAX_SEGMENTS));
  if (cap === null) return want;
  if (Math.ceil(size / Math.min(want, cap)) > MAX_SEGMENTS)
    throw new CuelineError(
      'media.constraint',
      `The file is too big for this API dialect: ${size} bytes need more than ${MAX_SEGMENTS} segments of at most ${cap} bytes.`,
    );
  return Math.min(want, cap);
}

async function sourceSize(source: UploadSource): Promise<number> {
  if ('bytes' in source) return source.bytes.length;
  try {
    const s = await stat(source.path);
    if (!s.isFile())
      throw new CuelineError('media.unreadable', `${source.path}: not a file`, { path: source.path });
    return s.size;
  } catch (err) {
    if (err instanceof CuelineError) throw err;
    const code = err && typeof err === 'object' && 'code' in err ? String(err.code) : '';
    if (code === 'ENOENT')
      throw new CuelineError('media.not_found', `${source.path}: no such file`, { path: source.path });
    throw new CuelineError(
      'media.unreadable',
      `${source.path}: ${err instanceof Error ? err.message : String(err)}`,
      {
        path: source.path,
      },
    );
  }
}

export async function uploadMedia(opts: UploadOptions): Promise<UploadedMedia> {
  const { client, dialect, signal } = opts;
  const now = opts.now ?? Date.now;
  const sleep = opts.sleep ?? ((ms: number, s?: AbortSignal) => delay(ms, undefined, s ? { signal: s } : {}));
  const total = await sourceSize(opts.source);
  if (total === 0) throw new CuelineError('media.unreadable', 'The file is empty.');
  if (signal?.aborted) throw cancelledError();

  const start = async (): Promise<UploadCheckpoint> => {
    const init = await dialect.initialize(
      client,
      { mediaType: opts.mediaType, totalBytes: total, category: opts.category },
      signal,
    );
    opts.onInitialized?.(init.id);
    const c: UploadCheckpoint = {
      id: init.id,
      ...(init.mediaKey !== undefined ? { mediaKey: init.mediaKey } : {}),
      expiresAt: init.expiresAfterSecs !== undefined ? now() + init.expiresAfterSecs * 1000 : null,
      totalBytes: total,
      nextIndex: 0,
      nextOffset: 0,
      chunkSize: chunkSizeFor(total, dialect.maxChunkBytes, opts.chunkSize),
    };
    await opts.onCheckpoint?.(c);
    return c;
  };
  const r = opts.resume;
  const resumable = !!r && r.totalBytes === total && (r.expiresAt === null || r.expiresAt > now());
  let cp: UploadCheckpoint = resumable && r ? { ...r } : await start();
  if (r && !resumable)
    opts.onNotice?.({ kind: 'restarted', id: r.id, reason: 'its media id has expired on X' });
  if (resumable && r) opts.onNotice?.({ kind: 'resumed', id: r.id, fromByte: r.nextOffset });
  let resuming = resumable;

  let sent = cp.nextOffset;
  let rate = 0;
  const report = (extra: Partial<UploadProgress> = {}): void => {
    const eta = rate > 0 ? (total - sent) / rate : null;
    opts.onProgress?.({
      phase: 'uploading',
      bytesSent: sent,
      totalBytes: total,
      bytesPerSecond: rate,
      etaSeconds: eta,
      ...extra,
    });
  };
  report();
  let halvings = 0;
  // The window: segments dispatched beyond the acknowledged prefix, each with its byte range.
  const window = Math.max(1, opts.inFlight ?? APPENDS_IN_FLIGHT);
  type Settled = { index: number; end: number; err: unknown };
  const inFlight = new Map<number, Promise<Settled>>();
  const acked = new Map<number, number>();
  let nextIndex = cp.nextIndex;
  let nextOffset = cp.nextOffset;
  let failure: Settled | null = null;
  let lastAck = now();
  // One open file for every APPEND of this upload, not an open and a close per segment (FileHandle
  // close waits for reads still running).
  const src0 = opts.source;
  const handle: FileHandle | null =
    'path' in src0 && cp.nextOffset < total ? await open(src0.path, 'r') : null;
  try {
    while (cp.nextOffset < total) {
      while (!failure && nextOffset < total && nextIndex - cp.nextIndex < window) {
        if (signal?.aborted) throw cancelledError();
        const index = nextIndex;
        const offset = nextOffset;
        const end = Math.min(total, offset + cp.chunkSize);
        const src = opts.source;
        const chunkSource: ChunkSource =
          'bytes' in src
            ? { bytes: src.bytes.subarray(offset, end) }
            : { path: src.path, start: offset, end, ...(handle ? { handle } : {}) };
        inFlight.set(
          index,
          dialect.append(client, cp.id, index, chunkSource, signal).then(
            () => ({ index, end, err: null }),
            (err: unknown) => ({ index, end, err }),
          ),
        );
        nextIndex = index + 1;
        nextOffset = end;
      }
      const done = await Promise.race(inFlight.values());
      inFlight.delete(done.index);
      if (done.err !== null) {
        if (!failure || done.index < failure.index) failure = done;
      } else acked.set(done.index, done.end);
      // The checkpoint moves only over a contiguous run of acknowledged segments.
      const before = cp.nextOffset;
      for (let end = acked.get(cp.nextIndex); end !== undefined; end = acked.get(cp.nextIndex)) {
        acked.delete(cp.nextIndex);
        cp = { ...cp, nextIndex: cp.nextIndex + 1, nextOffset: end };
      }
      if (cp.nextOffset > before) {
        resuming = false;
        await opts.onCheckpoint?.(cp);
        sent = cp.nextOffset;
        const t = now();
        const inst = (cp.nextOffset - before) / (Math.max(1, t - lastAck) / 1000);
        lastAck = t;
        rate = rate === 0 ? inst : 0.7 * rate + 0.3 * inst;
        report();
      }
      if (!failure || inFlight.size > 0) continue;
      // Every request has settled: answer the first failure from the acknowledged prefix on.
      const err = failure.err;
      failure = null;
      acked.clear();
      if (signal?.aborted) throw cancelledError();
      const code = err instanceof CuelineError ? err.code : '';
      if (resuming && (code === 'x.not_found' || code === 'x.bad_request')) {
        // X no longer takes the id (expired or unknown): start over with a new one, and say so.
        opts.onNotice?.({ kind: 'restarted', id: cp.id, reason: err instanceof Error ? err.message : '' });
        resuming = false;
        cp = await start();
        sent = 0;
        report();
      } else if (code === 'x.too_large') {
        const smaller = Math.floor(cp.chunkSize / 2);
        const left = total - cp.nextOffset;
        if (halvings >= MAX_HALVINGS || Math.ceil(left / smaller) > MAX_SEGMENTS - cp.nextIndex)
          throw new CuelineError(
            'x.too_large',
            `X refused upload segments of ${cp.chunkSize} bytes as too large (413)` +
              (halvings >= MAX_HALVINGS
                ? ` after halving the chunk ${MAX_HALVINGS} times.`
                : `, and smaller ones would need more than ${MAX_SEGMENTS} segments for this file.`),
            { mediaId: cp.id, chunkSize: cp.chunkSize },
          );
        halvings++;
        // Segments after the prefix are sent again at the new size (X keeps the last one per index).
        cp = { ...cp, chunkSize: smaller };
        opts.onNotice?.({ kind: 'chunk_halved', chunkSize: smaller });
      } else throw err;
      nextIndex = cp.nextIndex;
      nextOffset = cp.nextOffset;
    }
  } finally {
    await handle?.close();
  }
  const init = { id: cp.id, mediaKey: cp.mediaKey };
  let expiresAt = cp.expiresAt;

  let status: MediaStatus = await dialect.finalize(client, init.id, signal);
  const deadline = now() + (opts.maxProcessingMs ?? 30 * 60 * 1000);
  for (;;) {
    if (status.expiresAfterSecs !== undefined) expiresAt = now() + status.expiresAfterSecs * 1000;
    const p = status.processing;
    if (!p || p.state === 'succeeded') break;
    report({
      phase: 'processing',
      processingState: p.state,
      ...(p.progressPercent !== undefined ? { processingPercent: p.progressPercent } : {}),
    });
    if (p.state === 'failed') {
      const e = p.error ?? {};
      const what = e.name ? `${e.name}${e.code !== undefined ? ` (${e.code})` : ''}` : 'processing failed';
      throw new CuelineError(
        'x.processing_failed',
        `X could not process the media: ${what}: ${e.message ?? 'no reason given'}`,
        {
          mediaId: init.id,
          xMessage: e.message ?? '',
          ...(e.code !== undefined ? { xCode: e.code } : {}),
          ...(e.name !== undefined ? { xName: e.name } : {}),
        },
      );
    }
    // Poll no sooner than X asked; when it didn't say, wait a little anyway.
    const waitMs = Math.max(0, (p.checkAfterSecs ?? 2) * 1000);
    if (now() + waitMs > deadline)
      throw new CuelineError(
        'x.processing_timeout',
        `X was still processing media ${init.id} after ${Math.round((opts.maxProcessingMs ?? 1_800_000) / 60000)} min.`,
      );
    try {
      await sleep(waitMs, signal);
    } catch (err) {
      if (signal?.aborted) throw cancelledError();
      throw err;
    }
    status = await dialect.status(client, init.id, signal);
  }
  report({ phase: 'processing', processingState: 'succeeded', processingPercent: 100 });
  return {
    id: init.id,
    ...(init.mediaKey !== undefined ? { mediaKey: init.mediaKey } : {}),
    size: total,
    expiresAt,
  };
}
