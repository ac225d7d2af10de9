import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateVideo, H264_FAST } from '../../support/media-fixtures.ts';
import { expect, test } from '../harness/fixture.ts';

// The router over the same bridge the preload builds, driven from the page.
let dir = '';
let video = '';
test.beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cueline-ipc-e2e-'));
  // Keyframe every second so a seek lands quickly; 10 s of H.264/AAC.
  video = await generateVideo(join(dir, 'talk.mp4'), {
    duration: 10,
    extra: [...H264_FAST, '-g', '25', '-c:a', 'aac', '-movflags', '+faststart'],
  });
  await writeFile(join(dir, 'talk.en.srt'), '1\n00:00:01,000 --> 00:00:02,000\nHello\n');
  await writeFile(join(dir, 'notes.txt'), 'not a subtitle');
});
test.afterAll(() => rm(dir, { recursive: true, force: true }));

test('the router refuses a bad payload and an unknown channel, naming the problem', async ({ app }) => {
  const [bad, unknown, ok] = await app.page.evaluate(async () => {
    // The bridge's own binding: requests and replies cross it as JSON text.
    const raw = window as unknown as { __cuelineInvoke(c: string, json: string): Promise<string> };
    return Promise.all([
      window.cueline.media.url({ id: 42 as unknown as string }),
      raw
        .__cuelineInvoke('shell:exec', JSON.stringify({ cmd: 'rm -rf /' }))
        .then((t) => JSON.parse(t) as unknown),
      window.cueline.settings.get(),
    ]);
  });
  expect(bad).toMatchObject({
    ok: false,
    error: {
      code: 'ipc.invalid_payload',
      message: expect.stringMatching(/media:url: invalid request — id: /),
    },
  });
  expect(unknown).toMatchObject({ ok: false, error: { code: 'ipc.unknown_channel' } });
  expect(ok).toMatchObject({ ok: true, value: { theme: 'system' } });
});

test('an ID the app never handed out reaches nothing', async ({ app }) => {
  const r = await app.page.evaluate(() => window.cueline.media.url({ id: 'AAAAAAAAAAAAAAAA' }));
  expect(r).toMatchObject({ ok: false, error: { code: 'file.unknown_id' } });
  const status = await app.page.evaluate(
    async (o) => (await fetch(`${o}/media/AAAAAAAAAAAAAAAA`)).status,
    app.origin,
  );
  expect(status).toBe(404);
});

test('calls from a frame other than the app main frame are refused', async ({ app }) => {
  // A same-origin srcdoc frame passes the origin check: only "is it the main frame" refuses it.
  await app.page.evaluate(async () => {
    const f = document.createElement('iframe');
    f.srcdoc = '<p>child</p>';
    const loaded = new Promise((r) => f.addEventListener('load', r));
    document.body.append(f);
    await loaded;
  });
  const child = app.page.frames().find((f) => f !== app.page.mainFrame());
  expect(child).toBeDefined();
  const r = await child!.evaluate(() => window.cueline.app.info());
  expect(r).toMatchObject({ ok: false, error: { code: 'ipc.forbidden_sender' } });
  expect(app.rejectedSenders).toEqual(['about:srcdoc']);
});

test('the app refuses to be framed (frame-ancestors)', async ({ app }) => {
  await app.page.evaluate(async (origin) => {
    const f = document.createElement('iframe');
    f.src = `${origin}/index.html`;
    const loaded = new Promise((r) => f.addEventListener('load', r));
    document.body.append(f);
    await loaded;
  }, app.origin);
  const child = app.page.frames().find((f) => f !== app.page.mainFrame());
  // Chromium shows its own error page in place of the app.
  expect(child?.url()).toBe('chrome-error://chromewebdata/');
  expect(await child!.evaluate(() => document.querySelector('h1')?.textContent?.trim() ?? null)).not.toBe(
    'Cueline',
  );
});

test('a video opened through the dialog streams with Range, and <video> seeks', async ({ app }) => {
  app.dialogs.answer('openVideo', video);
  const opened = await app.page.evaluate(() => window.cueline.files.openVideo());
  expect(opened).toMatchObject({ ok: true, value: { kind: 'video', name: 'talk.mp4' } });
  const id = opened.ok && opened.value ? opened.value.id : '';
  expect(JSON.stringify(opened)).not.toContain(dir);
  const url = await app.page.evaluate(async (i) => {
    const r = await window.cueline.media.url({ id: i });
    return r.ok ? r.value.url : '';
  }, id);
  expect(url).toBe(`${app.origin}/media/${id}`);

  const after = await app.page.evaluate(async (src) => {
    const v = document.createElement('video');
    v.muted = true;
    v.preload = 'auto';
    v.src = src;
    document.body.append(v);
    await new Promise((resolve, reject) => {
      v.addEventListener('loadedmetadata', resolve, { once: true });
      v.addEventListener('error', () => reject(new Error(`video error ${v.error?.code}`)), { once: true });
    });
    const seeked = new Promise((r) => v.addEventListener('seeked', r, { once: true }));
    v.currentTime = 7.5;
    await seeked;
    return { currentTime: v.currentTime, duration: v.duration };
  }, url);
  expect(after.currentTime).toBeCloseTo(7.5, 1);
  expect(after.duration).toBeCloseTo(10, 0);
  expect(app.mediaRequests.some((r) => r.status === 206 && r.range !== null)).toBe(true);
});

test('dropped files are checked in main and only real ones get ids', async ({ app }) => {
  await app.page.evaluate(() => {
    document.body.addEventListener('dragover', (e) => e.preventDefault());
    document.body.addEventListener('drop', (e) => {
      e.preventDefault();
      const files = [...(e.dataTransfer?.files ?? [])];
      void window.cueline.files.dropped(files).then((r) => {
        (window as unknown as { __dropResult: unknown }).__dropResult = r;
      });
    });
  });
  await app.drop('body', [video, join(dir, 'talk.en.srt'), join(dir, 'notes.txt')]);
  const result = await app.page.waitForFunction(
    () => (window as unknown as { __dropResult?: unknown }).__dropResult,
  );
  expect(await result.jsonValue()).toMatchObject({
    ok: true,
    value: {
      accepted: [
        { kind: 'video', name: 'talk.mp4' },
        { kind: 'subtitles', name: 'talk.en.srt' },
      ],
      rejected: [{ name: 'notes.txt' }],
    },
  });
  const recent = await app.page.evaluate(() => window.cueline.recent.list());
  expect(recent.ok && recent.value.map((r) => r.name).sort()).toEqual(['talk.en.srt', 'talk.mp4']);
});

test('events reach listeners in order and unsubscribe works', async ({ app }) => {
  await app.page.evaluate(() => {
    const w = window as unknown as { __got: string[]; __off: () => void };
    w.__got = [];
    w.__off = window.cueline.on('menu:command', (e) => w.__got.push(e.command));
  });
  await app.emit('menu:command', { command: 'save' });
  await app.emit('menu:command', { command: 'undo' });
  await app.page.evaluate(() => (window as unknown as { __off: () => void }).__off());
  await app.emit('menu:command', { command: 'redo' });
  expect(await app.page.evaluate(() => (window as unknown as { __got: string[] }).__got)).toEqual([
    'save',
    'undo',
  ]);
});

test('autosave survives a reload and can be discarded', async ({ app }) => {
  const w = await app.page.evaluate(() =>
    window.cueline.autosave.write({ docId: 'doc-1', title: 'talk.mp4', document: { cues: [1, 2] } }),
  );
  expect(w).toMatchObject({ ok: true, value: { docId: 'doc-1', title: 'talk.mp4' } });
  await app.reload();
  const listed = await app.page.evaluate(() => window.cueline.autosave.list());
  expect(listed).toMatchObject({ ok: true, value: [{ docId: 'doc-1' }] });
  expect(await app.page.evaluate(() => window.cueline.autosave.read({ docId: 'doc-1' }))).toMatchObject({
    ok: true,
    value: { document: { cues: [1, 2] } },
  });
  const bad = await app.page.evaluate(() => window.cueline.autosave.read({ docId: '../settings' }));
  expect(bad).toMatchObject({ ok: false, error: { code: 'ipc.invalid_payload' } });
  expect(await app.page.evaluate(() => window.cueline.autosave.discard({ docId: 'doc-1' }))).toEqual({
    ok: true,
    value: { discarded: true },
  });
});
