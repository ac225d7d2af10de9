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
