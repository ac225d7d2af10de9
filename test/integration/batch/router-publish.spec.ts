// The publish, history and batch IPC channels through the real router (as the app and the
// Playwright harness bind it), against the emulator: jobs, progress events, pause, cancel, notifications.
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppRouter } from '../../../main/router/app-router.ts';
import type { Router } from '../../../main/router/router.ts';
import type { EventSink } from '../../../main/router/types.ts';
import { createWorkspace, type Workspace } from '../../../main/services/workspace/workspace.ts';
import { DialogsDouble } from '../../e2e/harness/dialogs-double.ts';
import {
  emulatorPublishing,
  recordingNotifier,
  type RecordingNotifier,
} from '../../e2e/renderer/publish-support.ts';
import { generateVideo } from '../../support/media-fixtures.ts';
import { startEmulator, type Emulator } from '../../x-emulator/server.ts';
import { fileTempDir } from '../../support/temp-dir.ts';

const dir = fileTempDir('cueline-router-publish-');
const seed = join(dir, 'seed.mp4');
let emu: Emulator;
let router: Router;
let workspace: Workspace;
let notifier: RecordingNotifier;
const dialogs = new DialogsDouble();
const events: Array<{ event: string; payload: Record<string, unknown> }> = [];
const sink: EventSink = {
  id: 'window-1',
  send: (event, payload) => events.push({ event, payload: payload as Record<string, unknown> }),
  isClosed: () => false,
};

const cues = (text: string) => [
  { id: '1', start: 100, end: 800, text },
  { id: '2', start: 900, end: 1000, text: `${text}!` },
];

async function call<T>(channel: string, payload?: unknown): Promise<T> {
  const r = await router.invoke(channel, payload, { sink });
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

async function finished(jobId: string): Promise<{ event: string; payload: Record<string, unknown> }> {
  await router.jobs.idle();
  const e = events.find(
    (x) => (x.event === 'job:done' || x.event === 'job:failed') && x.payload['jobId'] === jobId,
  );
  if (!e) throw new Error(`job ${jobId} did not end`);
  return e;
}

beforeAll(async () => {
  emu = await startEmulator({ config: { checkAfterSecs: 0, processingSteps: 1 } });
  await generateVideo(seed, { duration: 1, width: 160, height: 90 });
  notifier = recordingNotifier();
  workspace = createWorkspace({ userData: join(dir, 'ws'), cache: join(dir, 'ws', 'cache') });
  router = createAppRouter({
    workspace,
    dialogs,
    mediaUrl: (id) => `http://127.0.0.1/media/${id}`,
    appInfo: {
      name: 'Cueline',
      version: '0',
      platform: 'linux',
      versions: { node: '24', electron: null, chrome: null },
    },
    publishing: await emulatorPublishing(emu, {
      notifier,
      notifyAfterMs: 0,
      userData: join(dir, 'publishing'),
    }),
    router: { validateResponses: true },
  });
});
afterAll(() => emu.close());

describe('publish channels', () => {
  it('pre-flight names the problems; publish uploads, associates, posts; history lists it; replace and remove act on X', async () => {
    const video = await workspace.files.register(seed, 'video');
    const pre = await call<{
      ok: boolean;
      tracks: Array<{ languageCode: string | null; problems: string[] }>;
    }>('publish:preflight', {
      video: video.id,
      category: 'tweet_video',
      tracks: [
        { language: 'en', cues: cues('Hi') },
        { language: 'sp', cues: cues('Hola') },
        { language: 'fr', cues: [] },
        // Captions of a longer video: the publish would refuse them, so the pre-flight does.
        { language: 'de', cues: [{ id: '1', start: 5000, end: 6000, text: 'Hallo' }] },
      ],
      post: 'x'.repeat(300),
    });
    expect(pre.ok).toBe(false);
    expect(pre.tracks[0]).toEqual({
      language: 'en',
      languageCode: 'EN',
      displayName: 'English',
      problems: [],
      cueProblems: [],
    });
    expect(pre.tracks[1]?.problems.join()).toMatch(/Spanish is "es"/);
    expect(pre.tracks[2]?.problems).toEqual(['The track has no cues.']);
    expect(pre.tracks[3]?.problems).toEqual([
      expect.stringMatching(
        /^cue 1 starts at 00:00:05\.000, after the video ends \(00:00:01\.\d{3}\): are these the captions of another video\?$/,
      ),
    ]);
    // …naming the editor's cue, so the dialog can go to it.
    expect((pre.tracks[3] as { cueProblems?: unknown }).cueProblems).toEqual([
      expect.objectContaining({ code: 'subtitle.beyond_video', cueId: '1', cueIndex: 0 }),
    ]);

    // Started anyway (the dialog wouldn't), the job's error names the track, not the SRT file the
    // app wrote for it (it named <userData>/publish-inputs/<sha256>.srt).
    const wrong = await call<{ jobId: string }>('publish:start', {
      video: video.id,
      tracks: [
        {
          language: 'de',
          displayName: 'Deutsch',
          cues: [{ id: '1', start: 5000, end: 6000, text: 'Hallo' }],
        },
      ],
      post: null,
      category: 'tweet_video',
      api: 'v2',
    });
    const failed = await finished(wrong.jobId);
    expect(failed.event).toBe('job:failed');
    const error = failed.payload['error'] as { code: string; message: string; details?: { path?: string } };
    expect(error.code).toBe('subtitle.beyond_video');
    expect(error.message).toMatch(/^Deutsch captions: cue 1 starts at 00:00:05\.000, after the video ends/);
    expect(JSON.stringify(error)).not.toMatch(/\.srt|publish-inputs/);

    const launch = {
      video: video.id,
      tracks: [
        { language: 'en', cues: cues('Hi') },
        { language: 'pt-BR', cues: cues('Oi') },
      ],
      post: 'Launch day',
      altText: 'A test pattern.',
      title: 'Launch',
      description: 'The launch video',
      category: 'tweet_video',
      api: 'v2',
    };
    const { jobId } = await call<{ jobId: string }>('publish:start', launch);
    const end = await finished(jobId);
    expect(end.event).toBe('job:done');
    const result = end.payload['result'] as {
      videoId: string;
      postUrl: string;
      subtitles: Array<{ languageCode: string }>;
    };
    expect(result.subtitles.map((s) => s.languageCode)).toEqual(['EN', 'PT']);
    expect([...(emu.state.media.get(result.videoId)?.subtitles.keys() ?? [])].sort()).toEqual(['EN', 'PT']);
    expect(emu.state.posts.find((p) => p.text === 'Launch day')).toMatchObject({
      mediaIds: [result.videoId],
      title: 'Launch',
      description: 'The launch video',
    });
    expect(emu.state.media.get(result.videoId)?.altText).toBe('A test pattern.');
    const steps = events
      .filter((e) => e.event === 'job:progress' && e.payload['jobId'] === jobId)
      .map((e) => (e.payload['progress'] as { step: string }).step);
    // Tracks are named as the user knows them, never by the SRT file the app wrote for them.
    const progress = events
      .filter((e) => e.event === 'job:progress' && e.payload['jobId'] === jobId)
      .flatMap((e) => {
        const p = e.payload['progress'] as { step: string; label: string; language?: string; passed?: [] };
        return [...(p.passed ?? []), p];
      });
    expect(progress.find((p) => p.step === 'upload-subtitle' && p.language === 'PT')?.label).toBe(
      'Uploading pt-BR captions (PT)',
    );
    for (const p of progress) expect(p.label).not.toMatch(/\.srt|publish-inputs/);
    // Progress is throttled (latest wins) so intermediate steps may merge; the last one always lands.
    expect(steps[0]).toBe('validate');
    expect(steps[steps.length - 1]).toBe('done');
    expect(notifier.shown.at(-1)).toMatchObject({ sinkId: 'window-1', title: 'Publishing finished' });

    // The same publish again is done by its journal: the dialog says so in its own words, never
    // with a CLI flag (it once showed "(use --fresh to publish again)").
    const again = await call<{ jobId: string }>('publish:start', launch);
    expect((await finished(again.jobId)).payload['result']).toMatchObject({ videoId: result.videoId });
    const labels = events
      .filter((e) => e.event === 'job:progress' && e.payload['jobId'] === again.jobId)
      .map((e) => (e.payload['progress'] as { label: string }).label);
    expect(labels.at(-1)).toMatch(/^Everything: already published by job pub-/);
    for (const l of labels) expect(l).not.toMatch(/--[a-z]|cueline /);

    const history = await call<
      Array<{
        kind: string;
        videoId: string;
        videoName: string;
        postUrl: string;
        languages: Array<{ languageCode: string; associated: boolean }>;
      }>
    >('history:list', {});
    expect(history[0]).toMatchObject({
      videoId: result.videoId,
      videoName: 'seed.mp4',
      postUrl: result.postUrl,
    });

    const rep = await call<{ jobId: string }>('publish:replace', {
      mediaId: result.videoId,
      track: { language: 'en', cues: cues('Hello again') },
      category: 'tweet_video',
      api: 'v2',
    });
    expect((await finished(rep.jobId)).event).toBe('job:done');
    const en = emu.state.media.get(result.videoId)?.subtitles.get('EN');
    expect(emu.state.media.get(en?.id ?? '')?.chunks?.toString()).toContain('Hello again');
    expect(emu.state.requests.filter((q) => q.route === 'v2.subtitles.delete').map((q) => q.status)).toEqual([
      200,
    ]);

    await call('publish:removeLanguage', {
      mediaId: result.videoId,
      language: 'pt-BR',
      category: 'tweet_video',
      api: 'v2',
    });
    expect([...(emu.state.media.get(result.videoId)?.subtitles.keys() ?? [])]).toEqual(['EN']);
    const after = await call<typeof history>('history:list', {});
    const first = after.find((h) => h.videoName === 'seed.mp4' && h.kind === 'publish');
    expect(first?.languages.find((l) => l.languageCode === 'PT')?.associated).toBe(false);

    // On X, per video: one entry for the video whatever the jobs (its publish, the replace), with
    // the replaced English track's new media id, Portuguese listed as removed, the post.
    const videos = await call<
      Array<{
        videoId: string;
        videoName: string | null;
        languages: Array<{ languageCode: string; displayName: string; subtitleId: string }>;
        removed: Array<{ languageCode: string }>;
        post: { url: string } | null;
      }>
    >('history:videos', {});
    const onX = videos.filter((v) => v.videoId === result.videoId);
    expect(onX).toHaveLength(1);
    expect(onX[0]).toMatchObject({
      videoName: 'seed.mp4',
      languages: [{ languageCode: 'EN', subtitleId: en?.id }],
      removed: [{ languageCode: 'PT' }],
      post: { url: result.postUrl },
    });
  });
});

describe('batch channels', () => {
  it('plans a folder, runs it with progress, exports the results, and a second run skips everything', async () => {
    const d = mkdtempSync(join(dir, 'batch-'));
    for (const n of ['one', 'two', 'three']) {
      copyFileSync(seed, join(d, `${n}.mp4`));
      writeFileSync(join(d, `${n}.en.srt`), '1\n00:00:00,100 --> 00:00:00,800\nHi\n');
    }
    writeFileSync(join(d, 'stray.de.srt'), '1\n00:00:00,100 --> 00:00:00,800\nHallo\n');
    const folder = await workspace.files.register(d, 'folder');
    const plan = await call<{
      items: Array<{ key: string; ready: boolean }>;
      files: Array<{ file: string; status: string }>;
    }>('batch:plan', { folder: folder.id, category: 'tweet_video', api: 'v2' });
    expect(plan.items.map((i) => [i.key, i.ready])).toEqual([
      ['one.mp4', true],
      ['three.mp4', true],
      ['two.mp4', true],
    ]);
    expect(plan.files.find((f) => f.file === 'stray.de.srt')?.status).toBe('orphan');
    // No absolute path reaches the renderer.
    expect(JSON.stringify(plan)).not.toContain(d);

    const run = await call<{ jobId: string }>('batch:run', {
      folder: folder.id,
      category: 'tweet_video',
      api: 'v2',
      concurrency: 2,
      postTemplate: 'Batch {name}',
      corrections: { excludedItems: ['three.mp4'] },
    });
    const end = await finished(run.jobId);
    expect(end.event).toBe('job:done');
    const result = end.payload['result'] as {
      batchId: string;
      status: string;
      items: Array<{ key: string; status: string }>;
    };
    expect(result.status).toBe('completed');
    expect(result.items.map((i) => [i.key, i.status])).toEqual([
      ['one.mp4', 'published'],
      ['two.mp4', 'published'],
    ]);
    expect(
      emu.state.posts
        .filter((p) => p.text.startsWith('Batch '))
        .map((p) => p.text)
        .sort(),
    ).toEqual(['Batch one', 'Batch two']);
    const progress = events.filter((e) => e.event === 'job:progress' && e.payload['jobId'] === run.jobId);
    expect(progress.length).toBeGreaterThan(0);
    expect(notifier.shown.at(-1)).toMatchObject({ title: 'Batch finished', body: '2 published.' });
    // Planned again, each row shows what the journals say is on X, and the alt text edited in the
    // plan (a correction) is the row's.
    const replanned = await call<{
      items: Array<{
        key: string;
        altText: string | null;
        videoBytes: number | null;
        onX: {
          videoId: string;
          languages: Array<{ languageCode: string; displayName: string }>;
          postId: string;
        } | null;
      }>;
    }>('batch:plan', {
      folder: folder.id,
      category: 'tweet_video',
      api: 'v2',
      corrections: { items: { 'two.mp4': { altText: 'A test card' } } },
    });
    const one = replanned.items.find((i) => i.key === 'one.mp4');
    expect(one?.onX).toMatchObject({ languages: [{ languageCode: 'EN', displayName: 'English' }] });
    expect(one?.onX?.postId).toBe(emu.state.posts.find((p) => p.text === 'Batch one')?.id);
    expect(one?.videoBytes).toBe(statSync(join(d, 'one.mp4')).size);
    expect(replanned.items.find((i) => i.key === 'three.mp4')?.onX).toBeNull();
    expect(replanned.items.find((i) => i.key === 'two.mp4')?.altText).toBe('A test card');

    const exp = await call<{ name: string }>('batch:export', { batchId: result.batchId, format: 'csv' });
    expect(readFileSync(join(d, exp.name), 'utf8')).toMatch(/^video,status,video_id/);

    const again = await call<{ jobId: string }>('batch:continue', { batchId: result.batchId });
    const end2 = await finished(again.jobId);
    const r2 = end2.payload['result'] as { items: Array<{ status: string }> };
    expect(r2.items.map((i) => i.status)).toEqual(['skipped', 'skipped']);
    expect(notifier.shown.at(-1)).toMatchObject({
      title: 'Batch finished',
      body: '2 skipped (already published).',
    });
    // A skipped item still lists its captions on X and its post.
    expect(r2.items[0]).toMatchObject({ languages: [{ languageCode: 'EN', displayName: 'English' }] });
    expect(await call('batch:unfinished')).toEqual([]);
  });

  it('pauses (no new item starts), resumes, and cancels a run; the cancelled batch is listed as unfinished', async () => {
    const d = mkdtempSync(join(dir, 'batch-'));
    for (const n of ['p1', 'p2', 'p3']) {
      copyFileSync(seed, join(d, `${n}.mp4`));
      writeFileSync(join(d, `${n}.en.srt`), '1\n00:00:00,100 --> 00:00:00,800\nHi\n');
    }
    const folder = await workspace.files.register(d, 'folder');
    emu.state.requests.length = 0;
    // Pause as soon as the first item's video reaches FINALIZE (it still has its subtitle to do).
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => (release = r));
    let paused: Promise<unknown> | null = null;
    let runId = '';
    emu.state.onRequestStart = (route) => {
      if (route === 'v2.finalize' && !paused) {
        paused = call('batch:control', { jobId: runId, action: 'pause' });
        void paused.then(() => release());
      }
    };
    const run = await call<{ jobId: string }>('batch:run', {
      folder: folder.id,
      category: 'tweet_video',
      api: 'v2',
      concurrency: 1,
      postTemplate: null,
    });
    runId = run.jobId;
    await held;
    delete emu.state.onRequestStart;
    // While paused, the first item finishes and nothing else starts.
    const waitFor = async (pred: () => boolean): Promise<void> => {
      while (!pred()) await new Promise((r) => setImmediate(r));
    };
    const progressOf = () =>
      events
        .filter((e) => e.event === 'job:progress' && e.payload['jobId'] === run.jobId)
        .map((e) => e.payload['progress'] as { state: string; items: Array<{ key: string; status: string }> })
        .at(-1);
    await waitFor(() => progressOf()?.items.find((i) => i.key === 'p1.mp4')?.status === 'published');
    expect(progressOf()?.state).toBe('paused');
    expect(progressOf()?.items.filter((i) => i.status === 'running')).toEqual([]);
    expect(progressOf()?.items.find((i) => i.key === 'p2.mp4')?.status).toBe('pending');
    // One video and one subtitle INIT: p1's only.
    expect(emu.state.requests.filter((q) => q.route === 'v2.initialize').length).toBe(2);

    // Resume, and cancel as soon as p2's video upload starts: decided by the request itself rather
    // than by watching throttled progress, which may never show p2 as running when it is quick.
    let cancelled: Promise<{ cancelled: boolean }> | null = null;
    emu.state.onRequestStart = (route) => {
      if (route === 'v2.initialize' && !cancelled)
        cancelled = call<{ cancelled: boolean }>('jobs:cancel', { jobId: run.jobId });
    };
    await call('batch:control', { jobId: run.jobId, action: 'resume' });
    const end = await finished(run.jobId);
    delete emu.state.onRequestStart;
    expect(cancelled).not.toBeNull();
    expect((await cancelled!).cancelled).toBe(true);
    expect(end.event).toBe('job:failed');
    expect((end.payload['error'] as { code: string }).code).toBe('job.cancelled');
    // p3 never started: only p2's video INIT came after the resume.
    expect(emu.state.requests.filter((q) => q.route === 'v2.initialize').length).toBe(3);
    const unfinished =
      await call<Array<{ folderName: string; status: string; done: number }>>('batch:unfinished');
    expect(unfinished[0]).toMatchObject({ status: 'cancelled', done: 1 });
  });

  it('fixes a video X would refuse into an X-ready copy that the next plan uploads; a manifest plans the same', async () => {
    const d = mkdtempSync(join(dir, 'batch-fix-'));
    const srt = '1\n00:00:00,100 --> 00:00:00,800\nHi\n';
    await generateVideo(join(d, 'fast.mp4'), { duration: 1, fps: 120, width: 160, height: 90 });
    writeFileSync(join(d, 'fast.en.srt'), srt);
    await generateVideo(join(d, 'blink.mp4'), { duration: 0.2, width: 160, height: 90 });
    writeFileSync(join(d, 'blink.en.srt'), srt);
    const folder = await workspace.files.register(d, 'folder');
    type Plan = {
      items: Array<{
        key: string;
        ready: boolean;
        fixable: boolean;
        readyCopy: string | null;
        problems: string[];
      }>;
      files: Array<{ file: string; status: string; message: string | null }>;
    };
    const planOf = (src: Record<string, string>) =>
      call<Plan>('batch:plan', { ...src, category: 'tweet_video', api: 'v2' });
    const item = (p: Plan, key: string) => p.items.find((i) => i.key === key);

    const before = await planOf({ folder: folder.id });
    expect(item(before, 'fast.mp4')).toMatchObject({ ready: false, fixable: true, readyCopy: null });
    // One line per problem, as the plan table shows it.
    expect(item(before, 'fast.mp4')?.problems).toEqual([
      expect.stringMatching(/^video: X would refuse this video: frame rate 120 fps exceeds 60 fps → [^\n]+$/),
    ]);
    // Too short: transcoding can't make a clip longer.
    expect(item(before, 'blink.mp4')).toMatchObject({ ready: false, fixable: false });

    const fix = await call<{ jobId: string }>('batch:fixVideo', {
      folder: folder.id,
      video: 'fast.mp4',
      category: 'tweet_video',
    });
    const end = await finished(fix.jobId);
    expect(end.event).toBe('job:done');
    expect(end.payload['result']).toEqual({ readyCopy: 'fast.x.mp4' });
    expect(events.some((e) => e.event === 'job:progress' && e.payload['jobId'] === fix.jobId)).toBe(true);

    const after = await planOf({ folder: folder.id });
    expect(item(after, 'fast.mp4')).toMatchObject({ ready: true, fixable: false, readyCopy: 'fast.x.mp4' });
    expect(after.files.find((f) => f.file === 'fast.x.mp4')?.status).toBe('matched');
    // The copy is not a video of its own.
    expect(after.items.map((i) => i.key).sort()).toEqual(['blink.mp4', 'fast.mp4']);

    // Only videos inside the batch folder are transcoded.
    for (const video of ['../seed.mp4', 'fast.en.srt', '/etc/passwd']) {
      const job = await call<{ jobId: string }>('batch:fixVideo', {
        folder: folder.id,
        video,
        category: 'tweet_video',
      });
      const refused = await finished(job.jobId);
      expect(refused.event).toBe('job:failed');
      expect(refused.payload['error']).toMatchObject({ code: 'input.invalid' });
    }
    expect(existsSync(join(dir, 'seed.x.mp4'))).toBe(false);

    // A manifest in the folder plans the same items, and the copy is what gets uploaded.
    writeFileSync(
      join(d, 'batch.csv'),
      'video,subtitle,language,display_name\nfast.mp4,fast.en.srt,en,English (CC)\n',
    );
    dialogs.answer('openManifest', join(d, 'batch.csv'));
    const manifest = await call<{ id: string; kind: string; name: string }>('files:openManifest');
    expect(manifest).toMatchObject({ kind: 'manifest', name: 'batch.csv' });
    const fromManifest = await planOf({ manifest: manifest.id });
    expect(fromManifest.items).toEqual([
      expect.objectContaining({ key: 'fast.mp4', ready: true, readyCopy: 'fast.x.mp4' }),
    ]);
    const run = await call<{ jobId: string }>('batch:run', {
      manifest: manifest.id,
      category: 'tweet_video',
      api: 'v2',
      concurrency: 1,
      postTemplate: null,
    });
    const done = await finished(run.jobId);
    expect(done.event).toBe('job:done');
    const result = done.payload['result'] as {
      items: Array<{ key: string; status: string; videoId: string }>;
    };
    expect(result.items).toEqual([expect.objectContaining({ key: 'fast.mp4', status: 'published' })]);
    const videoId = result.items[0]?.videoId ?? '';
    expect(emu.state.media.get(videoId)?.totalBytes).toBe(statSync(join(d, 'fast.x.mp4')).size);
    expect(emu.state.media.get(videoId)?.subtitles.get('EN')?.displayName).toBe('English (CC)');
    const unfinished = await call<Array<{ folderName: string }>>('batch:unfinished');
    expect(unfinished.map((u) => u.folderName)).not.toContain('batch.csv');

    // Editing the video after the fix makes the copy stale: it is reported, and the video is checked again.
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(d, 'fast.mp4'), later, later);
    const stale = await planOf({ folder: folder.id });
    expect(item(stale, 'fast.mp4')).toMatchObject({ ready: false, fixable: true, readyCopy: null });
    expect(stale.files.find((f) => f.file === 'fast.x.mp4')).toMatchObject({
      status: 'invalid',
      message: expect.stringMatching(/Fix it again/),
    });
  });
});
