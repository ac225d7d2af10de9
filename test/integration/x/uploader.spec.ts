import { createHash, randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { XClient } from '../../../main/services/x/client.ts';
import { dialectFor, type ApiDialect } from '../../../main/services/x/dialects.ts';
import { bearerSigner, oauth1Signer } from '../../../main/services/x/signer.ts';
import { uploadMedia, type UploadCheckpoint } from '../../../main/services/x/uploader.ts';
import { startEmulator, type Emulator } from '../../x-emulator/server.ts';
import { CuelineError } from '../../../shared/errors.ts';
import { fileTempDir } from '../../support/temp-dir.ts';

let emu: Emulator;
const dir = fileTempDir('cueline-upload-');
const big = join(dir, 'big.mp4');
const bigBytes = randomBytes(9 * 1024 * 1024 + 12345);
writeFileSync(big, bigBytes);
const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

beforeAll(async () => {
  emu = await startEmulator({ config: { checkAfterSecs: 1, processingSteps: 1 } });
});
afterAll(() => emu.close());
afterEach(() => {
  emu.faults.clear();
  emu.state.requests.length = 0;
  emu.state.violations.length = 0;
});

/** A sleep that records what was asked and returns at once (the waits themselves are not under test here). */
function recordingSleep(): { sleep: (ms: number) => Promise<void>; waits: number[] } {
  const waits: number[] = [];
  return { waits, sleep: (ms: number) => (waits.push(ms), Promise.resolve()) };
}

function client(auth: 'oauth1' | 'oauth2', sleep?: (ms: number) => Promise<void>): XClient {
  const c = emu.credentials;
  const signer =
    auth === 'oauth1'
      ? oauth1Signer({
          consumerKey: c.consumerKey,
          consumerSecret: c.consumerSecret,
          token: c.accessToken,
          tokenSecret: c.accessTokenSecret,
        })
      : bearerSigner(() => Promise.resolve(c.bearerToken));
  return new XClient({
    signer,
    apiBase: emu.apiBase,
    uploadBase: emu.uploadBase,
    ...(sleep ? { sleep } : {}),
    retry: { baseDelayMs: 5 },
  });
}

/** The 9 MiB file as a v2 video with OAuth 2.0, unless `extra` says otherwise. */
const uploadBig = (extra: Partial<Parameters<typeof uploadMedia>[0]> = {}): ReturnType<typeof uploadMedia> =>
  uploadMedia({
    client: client('oauth2'),
    dialect: dialectFor('v2'),
    source: { path: big },
    mediaType: 'video/mp4',
    category: 'tweet_video',
    ...extra,
  });

describe.each<[ApiDialect, 'oauth1' | 'oauth2']>([
  ['v2', 'oauth2'],
  ['v2', 'oauth1'],
  ['v1.1', 'oauth1'],
])('upload %s with %s', (dialect, auth) => {
  it('reassembles the file byte for byte and polls no sooner than check_after_secs', async () => {
    const progress: number[] = [];
    const m = await uploadMedia({
      client: client(auth),
      dialect: dialectFor(dialect),
      source: { path: big },
      mediaType: 'video/mp4',
      category: 'tweet_video',
      onProgress: (p) => progress.push(p.bytesSent),
    });
    const s = emu.state.media.get(m.id);
    expect(s?.sha256).toBe(sha(bigBytes));
    expect(s?.processing?.state).toBe('succeeded');
    expect(progress.at(-1)).toBe(bigBytes.length);
    const appends = emu.state.requests.filter((r) => r.segmentIndex !== undefined);
    // Two APPENDs overlap, so answers may come in either order: every index once.
    expect(appends.map((r) => r.segmentIndex).sort()).toEqual([0, 1, 2]);
    expect(Math.max(...appends.map((r) => r.segmentBytes ?? 0))).toBeLessThanOrEqual(
      dialect === 'v1.1' ? 5_000_000 : 4 * 1024 * 1024,
    );
    // No STATUS before check_after_secs: the emulator notes early polls, and the log shows the gaps.
    expect(emu.state.violations).toEqual([]);
    const polls = emu.state.requests.filter((r) => /status|STATUS/.test(r.route));
    const fin = emu.state.requests.find((r) => /finalize|FINALIZE/.test(r.route));
    expect(polls.length).toBeGreaterThanOrEqual(2);
    let prev = fin?.at ?? 0;
    for (const p of polls) {
      expect(p.at - prev).toBeGreaterThanOrEqual(1000);
      prev = p.at;
    }
    if (dialect === 'v1.1') expect(m.id).toMatch(/^\d{19}$/);
  });
});

describe('one HTTP stack', () => {
  it('sends every request over node:http: the global fetch (undici) is never used', async () => {
    const original = globalThis.fetch;
    let fetched = 0;
    globalThis.fetch = (() => {
      fetched++;
      return Promise.reject(new Error('fetch used'));
    }) as typeof fetch;
    try {
      const c = emu.credentials;
      const m = await uploadMedia({
        client: new XClient({
          signer: bearerSigner(() => Promise.resolve(c.bearerToken)),
          apiBase: emu.apiBase,
          uploadBase: emu.uploadBase,
        }),
        dialect: dialectFor('v2'),
        source: { bytes: randomBytes(1000) },
        mediaType: 'text/srt',
        category: 'subtitles',
      });
      expect(emu.state.media.get(m.id)?.finalized).toBe(true);
    } finally {
      globalThis.fetch = original;
    }
    expect(fetched).toBe(0);
  });
});

describe('a request gate (the rate limiter) sees uploads too', () => {
  it('asks it before every request, APPENDs included, signs only after it, and tells it each answer', async () => {
    const seen: string[] = [];
    const answered: Array<number | null> = [];
    // Gate and signer calls in order: a request signed before a long wait at the gate would carry
    // a stale OAuth 1.0a timestamp.
    const order: Array<'gate' | 'sign'> = [];
    const c = emu.credentials;
    const bearer = bearerSigner(() => Promise.resolve(c.bearerToken));
    const client = new XClient({
      signer: {
        method: bearer.method,
        authorization: (r) => {
          order.push('sign');
          return bearer.authorization(r);
        },
      },
      apiBase: emu.apiBase,
      uploadBase: emu.uploadBase,
      gate: (method, url) => {
        order.push('gate');
        seen.push(`${method} ${url.pathname}`);
        return Promise.resolve((status) => void answered.push(status));
      },
    });
    const m = await uploadMedia({
      client,
      dialect: dialectFor('v2'),
      source: { path: big },
      mediaType: 'video/mp4',
      category: 'tweet_video',
    });
    expect(emu.state.media.get(m.id)?.sha256).toBe(sha(bigBytes));
    expect(seen.filter((s) => s.endsWith('/append'))).toHaveLength(3);
    expect(seen[0]).toBe('POST /2/media/upload/initialize');
    expect(answered).toHaveLength(seen.length);
    expect(answered.every((s) => s === 200)).toBe(true);
    // Every request passed the gate before it was signed.
    let open = 0;
    for (const e of order) {
      open += e === 'gate' ? 1 : -1;
      expect(open).toBeGreaterThanOrEqual(0);
    }
    expect(order.filter((e) => e === 'sign')).toHaveLength(seen.length);
  });
});

describe('faults', () => {
  it("treats a 200 that carries only errors[] as X's error, message kept", async () => {
    emu.faults.add({
      route: 'v2.initialize',
      action: {
        kind: 'status',
        status: 200,
        body: {
          errors: [
            {
              title: 'Invalid Request',
              detail: 'One or more parameters to your request was invalid.',
              type: 'https://api.x.com/2/problems/invalid-request',
            },
          ],
        },
      },
    });
    const err = await uploadMedia({
      client: client('oauth2'),
      dialect: dialectFor('v2'),
      source: { bytes: Buffer.from('x') },
      mediaType: 'text/srt',
      category: 'subtitles',
    }).catch((e: unknown) => e);
    expect((err as CuelineError).code).toBe('x.api_error');
    expect((err as CuelineError).message).toContain('One or more parameters to your request was invalid.');
  });

  const small = (): { bytes: Uint8Array } => ({
    bytes: Buffer.from('1\n00:00:01,000 --> 00:00:02,000\nHi\n'),
  });
  /** A small subtitle upload over v2 with this client: the error it ends with, or its media. */
  const uploadSmall = (c: XClient = client('oauth2')): Promise<unknown> =>
    uploadMedia({
      client: c,
      dialect: dialectFor('v2'),
      source: small(),
      mediaType: 'text/srt',
      category: 'subtitles',
    }).catch((e: unknown) => e);

  it('retries a chunk after a 503 and after a dropped connection with the same segment_index', async () => {
    emu.faults.add({ route: 'v2.append', after: 1, action: { kind: 'status', status: 503 } });
    emu.faults.add({ route: 'v2.append', after: 3, action: { kind: 'drop' } });
    const r = recordingSleep();
    const m = await uploadMedia({
      client: client('oauth2', r.sleep),
      dialect: dialectFor('v2'),
      source: { path: big },
      mediaType: 'video/mp4',
      category: 'tweet_video',
      // One at a time, so the log's order is the faults' order (retries are XClient's, per request).
      inFlight: 1,
    });
    expect(emu.state.media.get(m.id)?.sha256).toBe(sha(bigBytes));
    const idx = emu.state.requests
      .filter((q) => q.route === 'v2.append')
      .map((q) => [q.segmentIndex ?? null, q.status]);
    expect(idx).toEqual([
      [0, 200],
      [null, 503],
      [1, 200],
      [null, 0],
      [2, 200],
    ]);
    expect(r.waits.length).toBe(2);
  });

  it('waits for x-rate-limit-reset on a 429, then goes on', async () => {
    emu.faults.add({ route: 'v2.initialize', action: { kind: 'rate_limit', resetInSecs: 7 } });
    const r = recordingSleep();
    (await uploadSmall(client('oauth2', r.sleep))) as { id: string };
    expect(r.waits).toHaveLength(1);
    expect(r.waits[0]).toBeGreaterThan(5000);
    expect(r.waits[0]).toBeLessThanOrEqual(9000);
  });

  it('never retries a 400, 401 (no refresh possible) or 403, nor a 404 that names a media id', async () => {
    for (const [route, status] of [
      ['v2.initialize', 400],
      ['v2.initialize', 401],
      ['v2.initialize', 403],
      ['v2.append', 404],
    ] as const) {
      emu.faults.clear();
      emu.state.requests.length = 0;
      emu.faults.add({ route, action: { kind: 'status', status } });
      const err = await uploadSmall();
      expect(err).toBeInstanceOf(CuelineError);
      expect((err as CuelineError).code).toBe(
        { 400: 'x.bad_request', 401: 'x.unauthorized', 403: 'x.forbidden', 404: 'x.not_found' }[status],
      );
      expect(emu.state.requests.filter((r) => r.route === route)).toHaveLength(1);
    }
  });

  it('retries a transient 404 on initialize (X incident log), bounded', async () => {
    emu.faults.add({ route: 'v2.initialize', times: 2, action: { kind: 'status', status: 404 } });
    const m = (await uploadSmall()) as { id: string };
    expect(emu.state.media.get(m.id)?.finalized).toBe(true);
    expect(emu.state.requests.filter((r) => r.route === 'v2.initialize').map((r) => r.status)).toEqual([
      404, 404, 200,
    ]);
    emu.faults.add({ route: 'v2.initialize', times: 99, action: { kind: 'status', status: 404 } });
    emu.state.requests.length = 0;
    const err = await uploadSmall();
    expect((err as CuelineError).code).toBe('x.not_found');
    expect(emu.state.requests).toHaveLength(5);
  });

  it('gives each attempt its own timeout: a stalled request is retried, a cancel still stops it', async () => {
    emu.faults.add({ route: 'v2.initialize', action: { kind: 'latency', ms: 2000 } });
    const retries: string[] = [];
    const c = new XClient({
      signer: bearerSigner(() => Promise.resolve(emu.credentials.bearerToken)),
      apiBase: emu.apiBase,
      uploadBase: emu.uploadBase,
      retry: { baseDelayMs: 1, attemptTimeoutMs: 200 },
      onRetry: (e) => retries.push(e.reason),
    });
    const m = await uploadMedia({
      client: c,
      dialect: dialectFor('v2'),
      source: { bytes: randomBytes(1000) },
      mediaType: 'text/srt',
      category: 'subtitles',
    });
    expect(emu.state.media.get(m.id)?.finalized).toBe(true);
    expect(retries).toEqual(['timeout']);
    // The stalled request ends on the emulator's side too before going on (nothing left running).
    await expect
      .poll(() => emu.state.requests.filter((r) => r.route === 'v2.initialize').length, { timeout: 5000 })
      .toBe(2);
    // The job's signal still ends an attempt at once (not a timeout, not retried). The emulator
    // drops that request, so nothing of it is left running for the next test.
    emu.faults.add({ route: 'v2.initialize', action: { kind: 'drop' } });
    const ac = new AbortController();
    emu.state.onRequestStart = (route) => {
      if (route === 'v2.initialize') ac.abort();
    };
    const p = uploadMedia({
      client: c,
      dialect: dialectFor('v2'),
      source: { bytes: randomBytes(1000) },
      mediaType: 'text/srt',
      category: 'subtitles',
      signal: ac.signal,
    });
    const err = await p.catch((e: unknown) => e);
    delete emu.state.onRequestStart;
    expect((err as CuelineError).code).toBe('job.cancelled');
    expect(retries).toEqual(['timeout']);
  });

  it('OAuth 2.0: a 401 refreshes the token once and retries; a second 401 is final', async () => {
    let token = emu.mintBearer(['media.write'], -1); // already expired: X answers 401
    let refreshes = 0;
    const refreshing = (next: () => string): XClient =>
      new XClient({
        signer: bearerSigner(
          () => Promise.resolve(token),
          () => {
            refreshes++;
            token = next();
            return Promise.resolve();
          },
        ),
        apiBase: emu.apiBase,
        uploadBase: emu.uploadBase,
        retry: { baseDelayMs: 5 },
      });
    const m = (await uploadSmall(refreshing(() => emu.mintBearer(['media.write'])))) as { id: string };
    expect(emu.state.media.get(m.id)?.finalized).toBe(true);
    expect(refreshes).toBe(1);
    expect(emu.state.requests.filter((r) => r.route === 'v2.initialize').map((r) => r.status)).toEqual([
      401, 200,
    ]);
    token = emu.mintBearer(['media.write'], -1);
    refreshes = 0;
    emu.state.requests.length = 0;
    const err = await uploadSmall(refreshing(() => emu.mintBearer(['media.write'], -1)));
    expect((err as CuelineError).code).toBe('x.unauthorized');
    expect((err as CuelineError).remedy).toEqual({ hint: 'auth.sign_in' });
    expect(refreshes).toBe(1);
    expect(emu.state.requests).toHaveLength(2);
  });

  it('gives up after bounded retries of a persistent 500 with x.server', async () => {
    emu.faults.add({ route: 'v2.initialize', times: 99, action: { kind: 'status', status: 500 } });
    const r = recordingSleep();
    const err = await uploadSmall(client('oauth2', r.sleep));
    expect((err as CuelineError).code).toBe('x.server');
    expect(emu.state.requests).toHaveLength(5);
    // Exponential: each wait at least half of base·2^n.
    r.waits.forEach((w, i) => expect(w).toBeGreaterThanOrEqual((5 * 2 ** i) / 2));
  });

  it("surfaces a failed processing state with X's message verbatim", async () => {
    const error = { code: 1, name: 'InvalidMedia', message: 'Video duration 150 s exceeds the 140 s limit.' };
    emu.faults.add({ route: 'v1.FINALIZE', action: { kind: 'processing_failure', error } });
    const err = await uploadMedia({
      client: client('oauth1'),
      dialect: dialectFor('v1.1'),
      source: { path: big },
      mediaType: 'video/mp4',
      category: 'tweet_video',
    }).catch((e: unknown) => e);
    expect((err as CuelineError).code).toBe('x.processing_failed');
    expect((err as CuelineError).message).toContain(error.message);
    expect((err as CuelineError).message).toContain('InvalidMedia');
  });

  it('cancels mid-upload: no request after the abort', async () => {
    const ac = new AbortController();
    emu.faults.add({ route: 'v2.append', action: { kind: 'latency', ms: 300 } });
    const p = uploadBig({
      signal: ac.signal,
      onInitialized: () => setImmediate(() => ac.abort()),
    });
    const err = await p.catch((e: unknown) => e);
    expect((err as CuelineError).code).toBe('job.cancelled');
    expect(emu.state.requests.filter((r) => r.route === 'v2.finalize')).toHaveLength(0);
  });
});

describe('chunks that adapt', () => {
  const appended = (): Array<{ index: number; bytes: number; status: number }> =>
    emu.state.requests
      .filter((r) => r.route === 'v2.append')
      .map((r) => ({ index: r.segmentIndex ?? -1, bytes: r.segmentBytes ?? 0, status: r.status }));

  afterEach(() => {
    emu.state.config.maxSegmentBytes = 4 * 1024 * 1024;
  });

  it('uses the chunk-size setting', async () => {
    const m = await uploadBig({ chunkSize: 2 * 1024 * 1024 });
    expect(emu.state.media.get(m.id)?.sha256).toBe(sha(bigBytes));
    expect(appended().map((a) => a.bytes)).toEqual(
      [2, 2, 2, 2].map((x) => x * 1024 * 1024).concat(1024 * 1024 + 12345),
    );
  });

  it('answers a 413 by halving the chunk for the rest of the file, indices in order', async () => {
    emu.state.config.maxSegmentBytes = 1024 * 1024;
    const notices: unknown[] = [];
    const m = await uploadBig({ onNotice: (n) => notices.push(n) });
    expect(emu.state.media.get(m.id)?.sha256).toBe(sha(bigBytes));
    expect(notices).toEqual([
      { kind: 'chunk_halved', chunkSize: 2 * 1024 * 1024 },
      { kind: 'chunk_halved', chunkSize: 1024 * 1024 },
    ]);
    const ok = appended().filter((a) => a.status === 200);
    expect(ok.map((a) => a.index).sort((a, b) => a - b)).toEqual([...Array(10).keys()]);
    // At most the two segments in flight at each size are refused before the chunk is halved.
    const refused = appended().filter((a) => a.status === 413);
    expect(refused.length).toBeGreaterThanOrEqual(2);
    expect(refused.length).toBeLessThanOrEqual(4);
  });

  it('gives up with a clear error after a few halvings', async () => {
    emu.state.config.maxSegmentBytes = 256 * 1024;
    const err = await uploadBig().catch((e: unknown) => e);
    expect((err as CuelineError).code).toBe('x.too_large');
    expect((err as CuelineError).message).toMatch(/after halving the chunk 3 times/);
    // Four sizes tried (4, 2, 1, 0.5 MiB), at most two segments each, every one refused.
    expect(new Set(appended().map((a) => a.status))).toEqual(new Set([413]));
    expect(appended().length).toBeGreaterThanOrEqual(4);
    expect(appended().length).toBeLessThanOrEqual(8);
  });
});

describe('APPENDs in flight', () => {
  it('sends the next segment before the previous answer; the checkpoint covers only the acknowledged prefix', async () => {
    // Segment 0's answer waits at a gate, opened once segment 1 has been answered: the checkpoint
    // waits for 0.
    let openGate = (): void => undefined;
    const gate = new Promise<void>((r) => (openGate = r));
    // By segment: two APPENDs are in flight, and either body may arrive first.
    emu.faults.add({ route: 'v2.append', segment: (i) => i === 0, action: { kind: 'hold', until: gate } });
    // How many APPENDs had been answered when each one started (the log holds answered requests).
    const starts: number[] = [];
    emu.state.onRequestStart = (route) => {
      if (route === 'v2.append')
        starts.push(emu.state.requests.filter((r) => r.route === 'v2.append').length);
    };
    const checkpoints: Array<{ nextIndex: number; nextOffset: number }> = [];
    try {
      const upload = uploadBig({
        onCheckpoint: (c) => (
          checkpoints.push({ nextIndex: c.nextIndex, nextOffset: c.nextOffset }),
          Promise.resolve()
        ),
      });
      await vi.waitFor(
        () =>
          expect(emu.state.requests.some((r) => r.route === 'v2.append' && r.segmentIndex === 1)).toBe(true),
        { timeout: 30_000, interval: 5 },
      );
      openGate();
      const m = await upload;
      expect(emu.state.media.get(m.id)?.sha256).toBe(sha(bigBytes));
    } finally {
      delete emu.state.onRequestStart;
    }
    // The second APPEND started before any APPEND had been answered.
    expect(starts.slice(0, 2)).toEqual([0, 0]);
    const order = emu.state.requests.filter((r) => r.route === 'v2.append').map((r) => r.segmentIndex);
    expect(order.slice(0, 2)).toEqual([1, 0]);
    // Never more than two in flight: the third starts only once segment 0 is acknowledged.
    expect(starts[2]).toBeGreaterThanOrEqual(1);
    const MiB4 = 4 * 1024 * 1024;
    expect(checkpoints).toEqual([
      { nextIndex: 0, nextOffset: 0 },
      { nextIndex: 2, nextOffset: 2 * MiB4 },
      { nextIndex: 3, nextOffset: bigBytes.length },
    ]);
  });
});

describe('resuming an upload', () => {
  it('continues the same media id from the first unacknowledged segment', async () => {
    const checkpoints: UploadCheckpoint[] = [];
    const ac = new AbortController();
    // One APPEND at a time here: with two in flight, the aborted run's second APPEND can reach the
    // emulator after its log is cleared below and be counted as the resumed run's.
    const first = await uploadBig({
      signal: ac.signal,
      inFlight: 1,
      onCheckpoint: (c) => {
        checkpoints.push(c);
        if (c.nextIndex === 1) ac.abort();
        return Promise.resolve();
      },
    }).catch((e: unknown) => e);
    expect((first as CuelineError).code).toBe('job.cancelled');
    const last = checkpoints.at(-1);
    expect(last).toMatchObject({ nextIndex: 1, nextOffset: 4 * 1024 * 1024 });
    emu.state.requests.length = 0;
    const notices: unknown[] = [];
    const m = await uploadBig({
      ...(last ? { resume: last } : {}),
      onNotice: (n) => notices.push(n),
    });
    expect(m.id).toBe(last?.id);
    expect(notices).toEqual([{ kind: 'resumed', id: m.id, fromByte: 4 * 1024 * 1024 }]);
    expect(emu.state.requests.filter((r) => r.route === 'v2.initialize')).toHaveLength(0);
    expect(
      emu.state.requests
        .filter((r) => r.route === 'v2.append')
        .map((r) => r.segmentIndex)
        .sort(),
    ).toEqual([1, 2]);
    expect(emu.state.media.get(m.id)?.sha256).toBe(sha(bigBytes));
  });

  it('starts over, and says so, when X no longer knows the id', async () => {
    const notices: Array<{ kind: string }> = [];
    const m = await uploadBig({
      resume: {
        id: '1234567890123456789',
        expiresAt: Date.now() + 3_600_000,
        totalBytes: bigBytes.length,
        nextIndex: 1,
        nextOffset: 4 * 1024 * 1024,
        chunkSize: 4 * 1024 * 1024,
      },
      onNotice: (n) => notices.push(n),
    });
    expect(notices.map((n) => n.kind)).toEqual(['resumed', 'restarted']);
    expect(m.id).not.toBe('1234567890123456789');
    expect(emu.state.media.get(m.id)?.sha256).toBe(sha(bigBytes));
  });
});
