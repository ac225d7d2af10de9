// `cueline batch` end to end: the real CLI as a child process against the emulator, over folders of
// generated videos and subtitle files written here. Faults (5xx, 429) still end with every item
// published; a SIGKILL mid-run followed by a rerun ends with every item done exactly once.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCli } from '../../support/cli-process.ts';
import { generateVideo } from '../../support/media-fixtures.ts';
import { cli, emu, fresh as freshHome, home, start, useCliEmulator } from '../../support/cli-emulator.ts';
import { startEmulator, type Emulator } from '../../x-emulator/server.ts';

// STATUS polls answer without waiting (check_after_secs 0) so the tests spend their time on
// the protocol, not on sleeps; polling still happens (one in_progress step).
const dir = useCliEmulator('cueline-cli-batch-', { checkAfterSecs: 0, processingSteps: 1 });
const seed = join(dir, 'seed.mp4');

const srt = (text: string): string =>
  `1\n00:00:00,100 --> 00:00:00,800\n${text}\n\n2\n00:00:00,900 --> 00:00:01,000\n${text}!\n`;
const overlapping = '1\n00:00:00,100 --> 00:00:00,800\nOne\n\n2\n00:00:00,500 --> 00:00:01,000\nTwo\n';

beforeAll(async () => {
  await generateVideo(seed, { duration: 1, width: 160, height: 90 });
});
function fresh(): void {
  freshHome();
  emu.state.posts.length = 0;
  emu.state.media.clear();
}

/** A folder of `names.length` videos, each with the given subtitle files (suffix → content). */
function folder(names: string[], subs: Record<string, string>): string {
  const d = mkdtempSync(join(dir, 'folder-'));
  for (const name of names) {
    copyFileSync(seed, join(d, `${name}.mp4`));
    for (const [suffix, text] of Object.entries(subs)) writeFileSync(join(d, `${name}${suffix}`), text);
  }
  return d;
}

interface Out {
  items: Array<{
    video: string | null;
    status: string;
    video_id: string | null;
    subtitles: Array<{ file: string; language_code: string; display_name: string; id: string }>;
    post_id: string | null;
    error: string | null;
  }>;
}

const ok = (route: string): number =>
  emu.state.requests.filter((r) => r.route === route && r.status >= 200 && r.status < 300).length;

describe('cueline batch --dry-run', () => {
  it('reports every file: matched, orphan, ambiguous, invalid, duplicate language', async () => {
    fresh();
    const d = mkdtempSync(join(dir, 'plan-'));
    copyFileSync(seed, join(d, 'a.mp4'));
    writeFileSync(join(d, 'a.en.srt'), srt('Hello'));
    writeFileSync(join(d, 'a.pt-BR.vtt'), 'WEBVTT\n\n00:00.100 --> 00:00.800\nOlá\n');
    copyFileSync(seed, join(d, 'b.mp4'));
    writeFileSync(join(d, 'b.srt'), srt('Hola'));
    copyFileSync(seed, join(d, 'c.mp4'));
    writeFileSync(join(d, 'c.en.srt'), overlapping);
    copyFileSync(seed, join(d, 'lonely.mp4'));
    writeFileSync(join(d, 'nobody.fr.srt'), srt('Bonjour'));
    copyFileSync(seed, join(d, 'twin.mp4'));
    copyFileSync(seed, join(d, 'twin.webm'));
    writeFileSync(join(d, 'twin.en.srt'), srt('Hi'));
    copyFileSync(seed, join(d, 'g.mp4'));
    writeFileSync(join(d, 'g.pt.srt'), srt('Oi'));
    writeFileSync(join(d, 'g.pt-BR.srt'), srt('Oi'));
    copyFileSync(seed, join(d, 'h.mp4'));
    writeFileSync(join(d, 'h.sp.srt'), srt('Hola'));
    writeFileSync(join(d, 'h.english.srt'), srt('Hi'));
    mkdirSync(join(d, 'sub'));
    copyFileSync(seed, join(d, 'sub', 'deep.mp4'));
    writeFileSync(join(d, 'sub', 'deep.de.srt'), srt('Hallo'));

    const r = await cli(['batch', d, '--dry-run', '--json', '--lang', 'es']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.stdout) as {
      items: Array<{
        video: string;
        status: string;
        subtitles: Array<{ language_code: string }>;
        problems: string[];
      }>;
      files: Array<{ file: string; status: string; language?: string; message?: string; video?: string }>;
    };
    const file = (f: string) => plan.files.find((x) => x.file === f);
    expect(file('a.en.srt')).toMatchObject({ status: 'matched', language: 'en', video: 'a.mp4' });
    expect(file('a.pt-BR.vtt')).toMatchObject({ status: 'matched', language: 'pt-BR' });
    expect(file('b.srt')).toMatchObject({ status: 'matched', language: 'es' });
    expect(file('c.en.srt')?.status).toBe('invalid');
    expect(file('c.en.srt')?.message).toMatch(/overlap/i);
    expect(file('lonely.mp4')?.status).toBe('orphan');
    expect(file('nobody.fr.srt')?.status).toBe('orphan');
    expect(file('twin.en.srt')?.status).toBe('ambiguous');
    expect(file('twin.en.srt')?.message).toMatch(/twin\.mp4 or twin\.webm/);
    expect(file('g.pt.srt')?.status).toBe('duplicate_language');
    expect(file('g.pt-BR.srt')?.status).toBe('duplicate_language');
    expect(file('h.sp.srt')).toMatchObject({ status: 'invalid' });
    expect(file('h.sp.srt')?.message).toMatch(/Spanish is "es"/);
    expect(file('h.english.srt')).toMatchObject({ status: 'matched', language: 'en' });
    // Not recursive unless asked.
    expect(file('sub/deep.de.srt')).toBeUndefined();

    const item = (v: string) => plan.items.find((i) => i.video === v);
    expect(item('a.mp4')).toMatchObject({ status: 'ready' });
    expect(item('a.mp4')?.subtitles.map((s) => s.language_code)).toEqual(['EN', 'PT']);
    expect(item('b.mp4')?.subtitles.map((s) => s.language_code)).toEqual(['ES']);
    expect(item('c.mp4')?.status).toBe('blocked');
    expect(item('g.mp4')?.status).toBe('blocked');
    expect(item('h.mp4')?.status).toBe('blocked');
    // A video with no subtitles is listed, skipped, with the reason.
    expect(item('lonely.mp4')).toMatchObject({ status: 'skipped', reason: 'no subtitles', subtitles: [] });
    // Nothing was sent.
    expect(emu.state.requests).toEqual([]);

    const deep = await cli(['batch', d, '--dry-run', '--json', '--recursive']);
    const deepPlan = JSON.parse(deep.stdout) as typeof plan;
    expect(deepPlan.files.find((x) => x.file === 'sub/deep.de.srt')?.status).toBe('matched');
    // Without a default language, `b.srt` can't be placed.
    expect(deepPlan.files.find((x) => x.file === 'b.srt')?.message).toMatch(/can't tell the language/);
  });

  it('reads a CSV manifest with languages, display names, an existing media id and post text', async () => {
    fresh();
    const d = folder(['one'], {});
    writeFileSync(join(d, 'one-english.srt'), srt('Hi'));
    writeFileSync(join(d, 'later.srt'), srt('Later'));
    writeFileSync(
      join(d, 'list.csv'),
      'video,subtitle,language,display_name,media_id,post\n' +
        'one.mp4,one-english.srt,en,English (CC),,"Hello, world"\n' +
        ',later.srt,fr,,1880028106020515847,\n' +
        'missing.mp4,one-english.srt,xx-notalang,,,\n',
    );
    const r = await cli(['batch', d, '--manifest', join(d, 'list.csv'), '--dry-run', '--json']);
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.stdout) as {
      items: Array<{
        video: string | null;
        media_id: string | null;
        status: string;
        post: string | null;
        subtitles: Array<{ display_name: string; language_code: string }>;
        problems: string[];
      }>;
    };
    expect(plan.items[0]).toMatchObject({ video: 'one.mp4', status: 'ready', post: 'Hello, world' });
    expect(plan.items[0]?.subtitles).toEqual([
      expect.objectContaining({ display_name: 'English (CC)', language_code: 'EN' }),
    ]);
    expect(plan.items[1]).toMatchObject({ video: null, media_id: '1880028106020515847', status: 'ready' });
    expect(plan.items[2]?.status).toBe('blocked');
    expect(plan.items[2]?.problems.join(' ')).toMatch(/no such file|xx-notalang/);
  });
});

describe('cueline batch with a video X would refuse', () => {
  it('suggests cueline fix, and the next plan uploads the X-ready copy it made', async () => {
    fresh();
    const d = mkdtempSync(join(dir, 'fix-'));
    const video = await generateVideo(join(d, 'fast.mp4'), { duration: 1, fps: 120, width: 160, height: 90 });
    writeFileSync(join(d, 'fast.en.srt'), srt('Hello'));
    const before = await cli(['batch', d, '--dry-run']);
    expect(before.code).toBe(0);
    expect(before.stdout).toContain(`→ cueline fix ${video}`);
    const fixed = await cli(['fix', video]);
    expect(fixed.code).toBe(0);
    const after = await cli(['batch', d, '--dry-run', '--json']);
    const plan = JSON.parse(after.stdout) as {
      items: Array<{ video: string; ready_copy: string | null; fixable: boolean; status: string }>;
      files: Array<{ file: string; status: string; copy_of?: string }>;
    };
    expect(plan.files.find((f) => f.file === 'fast.x.mp4')).toEqual({
      file: 'fast.x.mp4',
      kind: 'video',
      status: 'matched',
      copy_of: 'fast.mp4',
    });
    expect(plan.items).toEqual([
      expect.objectContaining({
        video: 'fast.mp4',
        ready_copy: 'fast.x.mp4',
        fixable: false,
        status: 'ready',
      }),
    ]);
    const run = await cli(['batch', d, '--no-post', '--json']);
    expect(run.code).toBe(0);
    const id = (JSON.parse(run.stdout) as Out).items[0]?.video_id ?? '';
    expect(emu.state.media.get(id)?.totalBytes).toBe(statSync(join(d, 'fast.x.mp4')).size);
  });
});

describe('cueline batch', () => {
  it('publishes every item through 5xx and 429 faults; a rerun skips them all without a request', async () => {
    fresh();
    const d = folder(['alpha', 'bravo', 'charlie'], { '.en.srt': srt('Hello'), '.es.srt': srt('Hola') });
    emu.faults
      .add({ route: 'v2.append', action: { kind: 'status', status: 503 }, times: 2 })
      .add({ route: 'v2.initialize', action: { kind: 'status', status: 500 }, after: 3 })
      .add({ route: 'v2.subtitles.create', action: { kind: 'status', status: 503 }, after: 1 })
      .add({ route: 'v2.tweets.create', action: { kind: 'rate_limit', resetInSecs: 1 } })
      .add({ route: 'v2.status', action: { kind: 'status', status: 502 } });
    const r = await cli([
      'batch',
      d,
      '--json',
      '--concurrency',
      '2',
      '--post-template',
      'Out now: {name} ({languages})',
    ]);
    expect(r.stderr).not.toMatch(/cueline: /);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Out;
    expect(out.items.map((i) => [i.video, i.status, i.error])).toEqual([
      ['alpha.mp4', 'published', null],
      ['bravo.mp4', 'published', null],
      ['charlie.mp4', 'published', null],
    ]);
    // Every fault fired and was retried.
    expect(emu.state.requests.filter((q) => q.status >= 500).length).toBe(5);
    expect(emu.state.requests.filter((q) => q.status === 429).length).toBe(1);
    for (const item of out.items) {
      const video = emu.state.media.get(item.video_id ?? '');
      expect([...(video?.subtitles.keys() ?? [])].sort()).toEqual(['EN', 'ES']);
      expect(Object.keys(item).sort()).toEqual([
        'error',
        'post_id',
        'reason',
        'status',
        'subtitles',
        'video',
        'video_id',
      ]);
      expect(item.subtitles.map((s) => s.language_code)).toEqual(['EN', 'ES']);
      const post = emu.state.posts.find((p) => p.id === item.post_id);
      expect(post?.mediaIds).toEqual([item.video_id]);
    }
    expect(emu.state.posts.map((p) => p.text).sort()).toEqual([
      'Out now: alpha (English, Español)',
      'Out now: bravo (English, Español)',
      'Out now: charlie (English, Español)',
    ]);
    expect(ok('v2.subtitles.create')).toBe(6);
    expect(ok('v2.tweets.create')).toBe(3);

    const before = emu.state.requests.length;
    const again = await cli(['batch', d, '--json', '--post-template', 'Out now: {name} ({languages})']);
    expect(again.code).toBe(0);
    const out2 = JSON.parse(again.stdout) as Out;
    expect(out2.items.map((i) => i.status)).toEqual(['skipped', 'skipped', 'skipped']);
    expect(out2.items.map((i) => i.post_id)).toEqual(out.items.map((i) => i.post_id));
    expect(emu.state.requests.length).toBe(before);
  });

  it('exits 1 and names the failed item when one is blocked or X refuses it, the others published', async () => {
    fresh();
    const d = folder(['good', 'bad'], { '.en.srt': srt('Hello') });
    writeFileSync(join(d, 'bad.en.srt'), overlapping);
    const r = await cli(['batch', d, '--json', '--no-post']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as Out;
    const bad = out.items.find((i) => i.video === 'bad.mp4');
    expect(bad?.status).toBe('failed');
    expect(bad?.error).toMatch(/bad\.en\.srt/);
    expect(out.items.find((i) => i.video === 'good.mp4')?.status).toBe('published');
    expect(ok('v2.tweets.create')).toBe(0);
    // Nothing of the blocked item was sent: one video upload only.
    expect(ok('v2.initialize')).toBe(2);
  });

  it('after a SIGKILL mid-run, a rerun finishes with every item uploaded, associated and posted exactly once', async () => {
    fresh();
    const names = ['k1', 'k2', 'k3', 'k4'];
    const d = folder(names, { '.en.srt': srt('Hello'), '.fr.srt': srt('Bonjour') });
    const args = ['batch', d, '--json', '--concurrency', '1', '--post-template', 'Clip {name}'];
    const first = start(args);
    let inits = 0;
    // Kill while the second item uploads its first subtitle (the 5th INIT): item 1 is done,
    // item 2's video is uploaded and journaled, nothing else is in flight (concurrency 1).
    emu.state.onRequestStart = (route) => {
      if (route === 'v2.initialize' && ++inits === 5) first.child.kill('SIGKILL');
    };
    const killed = await first.done;
    expect(killed.signal).toBe('SIGKILL');
    delete emu.state.onRequestStart;
    expect(emu.state.posts.length).toBe(1);

    const r = await cli(args);
    expect(r.stderr).not.toMatch(/cueline: /);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Out;
    expect(out.items.map((i) => i.status)).toEqual(['skipped', 'published', 'published', 'published']);

    // Exactly once across both runs: 4 videos finalized, 8 associations, 4 posts, one per video.
    const finalizedVideos = [...emu.state.media.values()].filter(
      (m) => m.category === 'tweet_video' && m.finalized,
    );
    expect(finalizedVideos.length).toBe(4);
    expect(ok('v2.subtitles.create')).toBe(8);
    expect(ok('v2.tweets.create')).toBe(4);
    expect(emu.state.posts.map((p) => p.text).sort()).toEqual(names.map((x) => `Clip ${x}`));
    expect(new Set(emu.state.posts.map((p) => p.mediaIds[0])).size).toBe(4);
    for (const item of out.items) {
      const v = emu.state.media.get(item.video_id ?? '');
      expect([...(v?.subtitles.keys() ?? [])].sort()).toEqual(['EN', 'FR']);
      expect(emu.state.posts.filter((p) => p.mediaIds[0] === item.video_id).length).toBe(1);
    }
    // The item killed mid-way kept its uploaded video: one video INIT for it over both runs.
    const k2 = out.items[1]?.video_id ?? '';
    expect(emu.state.posts.find((p) => p.text === 'Clip k2')?.mediaIds).toEqual([k2]);
    expect(ok('v2.initialize')).toBe(4 + 8 + 1); // 4 videos + 8 subtitles + the subtitle INIT cut short
  });

  it('will not post twice when a run died after sending a post: the rerun finds it on X', async () => {
    fresh();
    const d = folder(['once'], { '.en.srt': srt('Hello') });
    const args = ['batch', d, '--post-template', 'Once {name}', '--json'];
    emu.faults.add({ route: 'v2.tweets.create', action: { kind: 'drop_after' } });
    const first = await cli(args);
    expect(first.code).toBe(1);
    expect(emu.state.posts.filter((p) => p.text === 'Once once')).toHaveLength(1);
    const second = await cli(args);
    expect(second.code).toBe(0);
    const posted = emu.state.posts.filter((p) => p.text === 'Once once');
    expect(posted).toHaveLength(1);
    expect((JSON.parse(second.stdout) as Out).items[0]).toMatchObject({ post_id: posted[0]?.id });
    // Uploaded and associated once over the two runs.
    expect(ok('v2.subtitles.create')).toBe(1);
  });

  it('writes the results as CSV with --export', async () => {
    fresh();
    const d = folder(['solo'], { '.en.srt': srt('Hello') });
    const csv = join(d, 'results.csv');
    const r = await cli(['batch', d, '--no-post', '--export', csv]);
    expect(r.code).toBe(0);
    const lines = readFileSync(csv, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('video,status,video_id,languages,subtitle_ids,post_id,post_url,reason,error');
    expect(lines[1]).toMatch(/^solo\.mp4,published,\d{19},EN,\d{19},,,,$/);
  });
});

describe('cueline batch --manifest (JSON)', () => {
  it('attaches a language to a video already on X by its media id (the after-posting flow)', async () => {
    fresh();
    const d = folder(['first'], { '.en.srt': srt('Hello') });
    const r1 = await cli(['batch', d, '--json', '--no-post']);
    expect(r1.code).toBe(0);
    const videoId = (JSON.parse(r1.stdout) as Out).items[0]?.video_id ?? '';
    writeFileSync(join(d, 'later.it.srt'), srt('Ciao'));
    writeFileSync(
      join(d, 'attach.json'),
      JSON.stringify({
        items: [{ media_id: videoId, subtitle: 'later.it.srt', display_name: 'Italiano (CC)' }],
      }),
    );
    const before = emu.state.requests.filter((q) => q.route === 'v2.initialize').length;
    const r2 = await cli(['batch', d, '--manifest', join(d, 'attach.json'), '--json']);
    expect(r2.stderr).not.toMatch(/cueline: /);
    expect(r2.code).toBe(0);
    const out = JSON.parse(r2.stdout) as Out;
    expect(out.items).toEqual([
      expect.objectContaining({ video: null, status: 'published', video_id: videoId, post_id: null }),
    ]);
    // Only the subtitle file was uploaded; the video was not touched.
    expect(emu.state.requests.filter((q) => q.route === 'v2.initialize').length).toBe(before + 1);
    const sub = emu.state.media.get(videoId)?.subtitles.get('IT');
    expect(sub?.displayName).toBe('Italiano (CC)');
    expect([...(emu.state.media.get(videoId)?.subtitles.keys() ?? [])].sort()).toEqual(['EN', 'IT']);
  });
});

describe('cueline batch under a tight rate limit', () => {
  let tight: Emulator;
  beforeAll(async () => {
    // Two association calls per 3-second window (X: 100 per 15 minutes), so a batch of four
    // associations must wait for a reset.
    tight = await startEmulator({
      config: {
        checkAfterSecs: 0,
        processingSteps: 1,
        rateWindowSecs: 3,
        rateLimits: { upload: 1875, status: 1000, subtitles: 2, posts: 100 },
      },
    });
  });
  afterAll(() => tight.close());

  it('slows down at the limit instead of drawing 429s, and every item is published', async () => {
    freshHome();
    const d = folder(['r1', 'r2'], { '.en.srt': srt('Hello'), '.de.srt': srt('Hallo') });
    const { stdout, stderr, code } = await startCli(
      ['batch', d, '--json', '--no-post', '--concurrency', '2'],
      home,
      tight.env('oauth1'),
    ).done;
    expect(stderr).not.toMatch(/cueline: |retrying/);
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as Out;
    expect(out.items.map((i) => i.status)).toEqual(['published', 'published']);
    const assoc = tight.state.requests.filter((q) => q.route === 'v2.subtitles.create');
    expect(assoc.map((q) => q.status)).toEqual([200, 200, 200, 200]);
    expect(tight.state.requests.some((q) => q.status === 429)).toBe(false);
    expect(stderr).toMatch(/rate limit: waiting \d+ s for default POST \/2\/media\/subtitles/);
  });
});
