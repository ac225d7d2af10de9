import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateVideo } from '../../support/media-fixtures.ts';
import { expect, test } from '../harness/fixture.ts';

// Media over IPC with real ffmpeg: probe as a call; waveform, thumbnails and shot changes as jobs
// whose events reach the page that started them.
let dir = '';
let video = '';
test.beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cueline-media-e2e-'));
  video = await generateVideo(join(dir, 'clip.mp4'), { duration: 4 });
});
test.afterAll(() => rm(dir, { recursive: true, force: true }));

interface JobEvent {
  event: string;
  payload: { jobId: string; channel: string; progress?: unknown; result?: unknown; error?: { code: string } };
}

test('probe, then waveform peaks stream in as job progress and end with done', async ({ app }) => {
  app.dialogs.answer('openVideo', video);
  const out = await app.page.evaluate(async () => {
    // Subscribe first: a fast job's events can arrive before its start reply.
    const events: JobEvent[] = [];
    // Resolved by the job's end event itself (no polling); the id is known once the start replies.
    let ended: (jobId: string) => void = () => undefined;
    for (const event of ['job:progress', 'job:done', 'job:failed'] as const)
      window.cueline.on(event, (payload) => {
        const p = payload as JobEvent['payload'];
        events.push({ event, payload: p });
        if (event !== 'job:progress') ended(p.jobId);
      });
    const opened = await window.cueline.files.openVideo();
    if (!opened.ok || !opened.value) throw new Error('not opened');
    const id = opened.value.id;
    const info = await window.cueline.media.probe({ id });
    const started = await window.cueline.media.waveform({ id });
    if (!started.ok) throw new Error(started.error.message);
    const jobId = started.value.jobId;
    await new Promise<void>((resolve) => {
      if (events.some((e) => e.payload.jobId === jobId && e.event !== 'job:progress')) return resolve();
      ended = (id) => {
        if (id === jobId) resolve();
      };
    });
    return { info, jobId, events: events.filter((e) => e.payload.jobId === jobId) };
  });
  expect(out.info).toMatchObject({
    ok: true,
    value: { container: expect.stringContaining('mp4'), video: { width: 320 } },
  });
  expect(JSON.stringify(out.info)).not.toContain(dir);
  const progress = out.events
    .filter((e) => e.event === 'job:progress')
    .map((e) => e.payload.progress as { startBucket: number; min: number[]; done: boolean });
  expect(progress.length).toBeGreaterThan(0);
  // Chunks are contiguous: nothing was dropped by the throttle.
  let next = 0;
  for (const p of progress) {
    expect(p.startBucket).toBe(next);
    next += p.min.length;
  }
  // 4 s at 8 kHz / 32 samples per bucket = 1000 buckets.
  expect(next).toBeGreaterThan(950);
  expect(out.events.at(-1)).toMatchObject({
    event: 'job:done',
    payload: { channel: 'media:waveform', result: { hasAudio: true, fromCache: false } },
  });
});

test('thumbnails arrive as data URLs and shot changes as times; a job can be cancelled', async ({ app }) => {
  app.dialogs.answer('openVideo', video);
  const out = await app.page.evaluate(async () => {
    const done = new Map<string, JobEvent>();
    const waiting = new Map<string, (e: JobEvent) => void>();
    for (const event of ['job:done', 'job:failed'] as const)
      window.cueline.on(event, (payload) => {
        const p = payload as JobEvent['payload'];
        done.set(p.jobId, { event, payload: p });
        waiting.get(p.jobId)?.({ event, payload: p });
      });
    const wait = (jobId: string): Promise<JobEvent> =>
      new Promise((resolve) => {
        const e = done.get(jobId);
        if (e) resolve(e);
        else waiting.set(jobId, resolve);
      });
    const opened = await window.cueline.files.openVideo();
    if (!opened.ok || !opened.value) throw new Error('not opened');
    const id = opened.value.id;
    const thumbs = await window.cueline.media.thumbnails({ id, count: 3, height: 48 });
    const shots = await window.cueline.media.shotChanges({ id });
    if (!thumbs.ok || !shots.ok) throw new Error('not started');
    const thumbDone = await wait(thumbs.value.jobId);
    const shotDone = await wait(shots.value.jobId);
    // A second waveform of a fresh id cancelled at once.
    const wf = await window.cueline.media.waveform({ id });
    if (!wf.ok) throw new Error('not started');
    const cancel = await window.cueline.jobs.cancel({ jobId: wf.value.jobId });
    const wfEnd = await wait(wf.value.jobId);
    return { thumbDone, shotDone, cancel, wfEnd };
  });
  const thumbs = (out.thumbDone.payload.result as { thumbnails: { timeMs: number; dataUrl: string }[] })
    .thumbnails;
  expect(thumbs.map((t) => t.timeMs)).toEqual([667, 2000, 3333]);
  for (const t of thumbs) expect(t.dataUrl).toMatch(/^data:image\/jpeg;base64,\/9j\//);
  expect(out.shotDone).toMatchObject({
    event: 'job:done',
    payload: { result: { cutsMs: expect.any(Array) } },
  });
  // Either the cancel landed (job:failed job.cancelled) or the job had already finished (cancelled: false).
  if (out.cancel.ok && out.cancel.value.cancelled)
    expect(out.wfEnd).toMatchObject({ event: 'job:failed', payload: { error: { code: 'job.cancelled' } } });
  else expect(out.wfEnd.event).toBe('job:done');
});
