import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oauth1Header } from '../../../main/services/x/signer.ts';
import { startEmulator, type Emulator } from '../../x-emulator/server.ts';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.close());

const oauth1 = (method: string, url: string, form?: Record<string, string>): string =>
  oauth1Header({
    method,
    url,
    ...(form ? { form } : {}),
    credentials: {
      consumerKey: emu.credentials.consumerKey,
      consumerSecret: emu.credentials.consumerSecret,
      token: emu.credentials.accessToken,
      tokenSecret: emu.credentials.accessTokenSecret,
    },
  });

describe('X emulator', () => {
  it('rejects a bad OAuth 1.0a signature with 401 and accepts a good one, form params included', async () => {
    const url = `${emu.uploadBase}/1.1/media/upload.json`;
    const form = { command: 'INIT', total_bytes: '3', media_type: 'text/srt', media_category: 'subtitles' };
    const bad = await fetch(url, {
      method: 'POST',
      headers: { authorization: oauth1('POST', url, { ...form, total_bytes: '4' }) },
      body: new URLSearchParams(form),
    });
    expect(bad.status).toBe(401);
    expect(((await bad.json()) as { errors: Array<{ code: number }> }).errors[0]?.code).toBe(32);
    const good = await fetch(url, {
      method: 'POST',
      headers: { authorization: oauth1('POST', url, form) },
      body: new URLSearchParams(form),
    });
    expect(good.status).toBeLessThan(300);
    const text = await good.text();
    // media_id is a bare 64-bit number; media_id_string is the safe one.
    expect(text).toMatch(/"media_id":\d{19},"media_id_string":"\d{19}"/);
  });

  it('v2: rejects unknown keys on initialize, enforces byte counts, stores bytes for sha256', async () => {
    const h = { authorization: `Bearer ${emu.credentials.bearerToken}`, 'content-type': 'application/json' };
    const extra = await fetch(`${emu.apiBase}/2/media/upload/initialize`, {
      method: 'POST',
      headers: h,
      body: JSON.stringify({
        media_type: 'video/mp4',
        total_bytes: 10,
        media_category: 'tweet_video',
        command: 'INIT',
      }),
    });
    expect(extra.status).toBe(400);
    expect(extra.headers.get('content-type')).toContain('application/problem+json');
    const init = await fetch(`${emu.apiBase}/2/media/upload/initialize`, {
      method: 'POST',
      headers: h,
      body: JSON.stringify({ media_type: 'video/mp4', total_bytes: 10, media_category: 'tweet_video' }),
    });
    const { data } = (await init.json()) as { data: { id: string } };
    const fd = new FormData();
    fd.append('media', new Blob([Buffer.from('hello')]));
    fd.append('segment_index', '0');
    const ap = await fetch(`${emu.apiBase}/2/media/upload/${data.id}/append`, {
      method: 'POST',
      headers: { authorization: h.authorization },
      body: fd,
    });
    expect(ap.status).toBe(200);
    const fin = await fetch(`${emu.apiBase}/2/media/upload/${data.id}/finalize`, {
      method: 'POST',
      headers: { authorization: h.authorization },
    });
    expect(fin.status).toBe(400);
    expect(((await fin.json()) as { detail: string }).detail).toMatch(/size mismatch/);
    const fd2 = new FormData();
    fd2.append('media', new Blob([Buffer.from('world')]));
    fd2.append('segment_index', '1');
    await fetch(`${emu.apiBase}/2/media/upload/${data.id}/append`, {
      method: 'POST',
      headers: { authorization: h.authorization },
      body: fd2,
    });
    const fin2 = await fetch(`${emu.apiBase}/2/media/upload/${data.id}/finalize`, {
      method: 'POST',
      headers: { authorization: h.authorization },
    });
    const body = (await fin2.json()) as {
      data: { processing_info: { state: string; check_after_secs: number } };
    };
    expect(body.data.processing_info.state).toBe('pending');
    expect(body.data.processing_info.check_after_secs).toBe(1);
    expect(emu.state.media.get(data.id)?.sha256).toBe(
      createHash('sha256').update('helloworld').digest('hex'),
    );
    expect(fin2.headers.get('x-rate-limit-remaining')).toMatch(/^\d+$/);
  });

  it('refuses a bearer token without media.write (403) and app-only tokens', async () => {
    for (const token of [emu.mintBearer(['tweet.read']), emu.mintAppToken()]) {
      const r = await fetch(`${emu.apiBase}/2/media/upload/initialize`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ media_type: 'video/mp4', total_bytes: 10, media_category: 'tweet_video' }),
      });
      expect(r.status).toBe(403);
    }
  });
});

describe('X emulator: X as it is today', () => {
  const bearer = (): Record<string, string> => ({ authorization: `Bearer ${emu.credentials.bearerToken}` });
  const jsonPost = (path: string, body: unknown): Promise<Response> =>
    fetch(`${emu.apiBase}${path}`, {
      method: 'POST',
      headers: { ...bearer(), 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const append = (id: string, index: number, bytes: Buffer): Promise<Response> => {
    const fd = new FormData();
    fd.append('media', new Blob([new Uint8Array(bytes)]));
    fd.append('segment_index', String(index));
    return fetch(`${emu.apiBase}/2/media/upload/${id}/append`, {
      method: 'POST',
      headers: bearer(),
      body: fd,
    });
  };
  /** A finalized, processed video of `bytes`. */
  async function video(bytes: Buffer, mediaType = 'video/mp4'): Promise<{ id: string; media_key: string }> {
    const init = await jsonPost('/2/media/upload/initialize', {
      media_type: mediaType,
      total_bytes: bytes.length,
      media_category: 'tweet_video',
    });
    expect(init.status).toBe(200);
    const { data } = (await init.json()) as { data: { id: string; media_key: string } };
    expect((await append(data.id, 0, bytes)).status).toBe(200);
    await fetch(`${emu.apiBase}/2/media/upload/${data.id}/finalize`, { method: 'POST', headers: bearer() });
    const s = emu.state.media.get(data.id);
    if (s?.processing) s.processing.state = 'succeeded';
    return data;
  }

  it('takes video/quicktime on v2 initialize', async () => {
    const v = await video(Buffer.from('moov'), 'video/quicktime');
    expect(emu.state.media.get(v.id)?.mediaType).toBe('video/quicktime');
  });

  it('answers a segment over the limit with an empty-body 413 and keeps the session usable', async () => {
    emu.state.config.maxSegmentBytes = 8;
    try {
      const init = await jsonPost('/2/media/upload/initialize', {
        media_type: 'video/mp4',
        total_bytes: 12,
        media_category: 'tweet_video',
      });
      const { data } = (await init.json()) as { data: { id: string } };
      const big = await append(data.id, 0, Buffer.alloc(12, 1));
      expect(big.status).toBe(413);
      expect(await big.text()).toBe('');
      expect((await append(data.id, 0, Buffer.alloc(6, 1))).status).toBe(200);
      expect((await append(data.id, 1, Buffer.alloc(6, 1))).status).toBe(200);
    } finally {
      emu.state.config.maxSegmentBytes = 4 * 1024 * 1024;
    }
  });

  it('refuses a post with a video longer than the account may post: 403 with a detail', async () => {
    const v = await video(Buffer.from('video'));
    emu.state.config.maxPostVideoMinutes = 2;
    try {
      const r = await jsonPost('/2/tweets', { text: 'hi', media: { media_ids: [v.id] } });
      expect(r.status).toBe(403);
      expect(r.headers.get('content-type')).toContain('application/problem+json');
      expect(((await r.json()) as { detail: string }).detail).toBe(
        'This user is not allowed to post a video longer than 2 minutes',
      );
    } finally {
      emu.state.config.maxPostVideoMinutes = null;
    }
  });

  it('sets alt text with POST /2/media/metadata (≤ 1000 characters)', async () => {
    const v = await video(Buffer.from('video'));
    const tooLong = await jsonPost('/2/media/metadata', {
      id: v.id,
      metadata: { alt_text: { text: 'x'.repeat(1001) } },
    });
    expect(tooLong.status).toBe(400);
    const ok = await jsonPost('/2/media/metadata', { id: v.id, metadata: { alt_text: { text: 'A cat.' } } });
    expect(ok.status).toBe(200);
    expect(emu.state.media.get(v.id)?.altText).toBe('A cat.');
  });

  it('keeps a post’s card title and description and lists recent posts with their media keys', async () => {
    const v = await video(Buffer.from('video'));
    const r = await jsonPost('/2/tweets', {
      text: 'card',
      media: { media_ids: [v.id], title: 'Launch', description: 'Our launch video' },
    });
    expect(r.status).toBe(201);
    const { data: post } = (await r.json()) as { data: { id: string } };
    expect(emu.state.posts.at(-1)).toMatchObject({ title: 'Launch', description: 'Our launch video' });
    const userId = emu.state.posts.at(-1)?.userId ?? '';
    const list = await fetch(
      `${emu.apiBase}/2/users/${userId}/tweets?max_results=5&expansions=attachments.media_keys`,
      { headers: bearer() },
    );
    const body = (await list.json()) as {
      data: Array<{ id: string; attachments?: { media_keys: string[] } }>;
      includes: { media: Array<{ media_key: string; type: string }> };
    };
    expect(body.data[0]).toEqual(
      expect.objectContaining({ id: post.id, attachments: { media_keys: [v.media_key] } }),
    );
    expect(body.includes.media).toContainEqual({ media_key: v.media_key, type: 'video' });
  });

  it('can answer initialize with a transient 404 (X incident log), then succeed', async () => {
    emu.faults.add({ route: 'v2.initialize', action: { kind: 'status', status: 404, detail: 'Not Found' } });
    const body = { media_type: 'video/mp4', total_bytes: 5, media_category: 'tweet_video' };
    expect((await jsonPost('/2/media/upload/initialize', body)).status).toBe(404);
    expect((await jsonPost('/2/media/upload/initialize', body)).status).toBe(200);
  });
});
