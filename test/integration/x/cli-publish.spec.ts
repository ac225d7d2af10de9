// `cueline publish/attach/detach` end to end: the real CLI as a child process against the emulator.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateVideo } from '../../support/media-fixtures.ts';
import { mediaBytes } from '../../x-emulator/state.ts';
import { cli, emu, fresh, home, start, useCliEmulator } from '../../support/cli-emulator.ts';

const dir = useCliEmulator('cueline-cli-x-', { checkAfterSecs: 1, processingSteps: 1 });
const video = join(dir, 'clip.mp4');
const en = join(dir, 'clip.en.srt');
const ptBR = join(dir, 'clip.pt-BR.vtt');
const badOverlap = join(dir, 'bad.en.srt');
const spanishTypo = join(dir, 'clip.sp.srt');
const fast = join(dir, 'fast.mp4');

beforeAll(async () => {
  await generateVideo(video, { duration: 2 });
  await generateVideo(fast, { duration: 1, fps: 120 });
  writeFileSync(
    en,
    '1\n00:00:00,500 --> 00:00:01,500\nHello there\n\n2\n00:00:01,600 --> 00:00:02,000\nBye\n',
  );
  writeFileSync(ptBR, 'WEBVTT\n\n00:00.500 --> 00:01.500\nOlá, ação!\n');
  writeFileSync(
    badOverlap,
    '1\n00:00:00,500 --> 00:00:01,500\nOne\n\n2\n00:00:01,000 --> 00:00:02,000\nTwo\n',
  );
  writeFileSync(spanishTypo, '1\n00:00:00,500 --> 00:00:01,500\nHola\n');
});

const routes = (name: RegExp): number => emu.state.requests.filter((r) => name.test(r.route)).length;

interface JsonOut {
  video: { id: string };
  subtitles: Array<{ id: string; language_code: string; display_name: string; file: string }>;
  post: { id: string } | null;
}

describe.each<['v2' | 'v1.1', 'oauth1' | 'oauth2']>([
  ['v2', 'oauth1'],
  ['v2', 'oauth2'],
  ['v1.1', 'oauth1'],
])('cueline publish --api %s (%s)', (api, auth) => {
  it('associates before posting: uploads, associates each language, posts, prints JSON', async () => {
    fresh();
    const r = await cli(
      ['publish', video, '--subs', en, '--subs', ptBR, '--post', 'Launch day', '--api', api, '--json'],
      { auth },
    );
    expect(r.stderr).not.toMatch(/cueline: /);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as JsonOut;
    expect(Object.keys(out).sort()).toEqual(['post', 'subtitles', 'video']);
    expect(out.subtitles.map((s) => [s.language_code, s.display_name, s.file])).toEqual([
      ['EN', 'English', en],
      ['PT', 'Português (Brasil)', ptBR],
    ]);
    const v = emu.state.media.get(out.video.id);
    expect(v?.sha256).toBe(createHash('sha256').update(readFileSync(video)).digest('hex'));
    expect([...(v?.subtitles.keys() ?? [])].sort()).toEqual(['EN', 'PT']);
    // The VTT went out as UTF-8 SRT.
    const pt = emu.state.media.get(out.subtitles[1]?.id ?? '');
    expect(pt?.mediaType).toBe('text/srt');
    expect(mediaBytes(pt!)?.toString('utf8')).toContain('00:00:00,500 --> 00:00:01,500\nOlá, ação!');
    const post = emu.state.posts.find((p) => p.id === out.post?.id);
    expect(post?.mediaIds).toEqual([out.video.id]);
    // Each association came before the post, one language per call.
    const order = emu.state.requests.map((q) => q.route).filter((x) => /subtitles\.create|tweets/.test(x));
    expect(order).toEqual([
      `${api === 'v2' ? 'v2' : 'v1'}.subtitles.create`,
      `${api === 'v2' ? 'v2' : 'v1'}.subtitles.create`,
      'v2.tweets.create',
    ]);
    expect(emu.state.violations).toEqual([]);
    if (api === 'v1.1') {
      const create = emu.state.requests.find((q) => q.route === 'v1.subtitles.create');
      expect(create?.contentType).toBe('application/json; charset=UTF-8');
    }
    // Same inputs again: the journal says it's done — nothing is sent.
    emu.state.requests.length = 0;
    const again = await cli(
      ['publish', video, '--subs', en, '--subs', ptBR, '--post', 'Launch day', '--api', api, '--json'],
      { auth },
    );
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual(out);
    // Only, with an OAuth 2.0 token from the environment, X's answer to whose token it is.
    expect(emu.state.requests.map((q) => q.route)).toEqual(auth === 'oauth2' ? ['v2.users.me'] : []);
  });
});

describe('the after-posting flow', () => {
  it('posts the video, then attach adds captions and detach removes one', async () => {
    fresh();
    const p = await cli(['publish', video, '--post', 'Captions soon', '--json']);
    expect(p.code).toBe(0);
    const posted = JSON.parse(p.stdout) as JsonOut;
    expect(posted.subtitles).toEqual([]);
    expect(posted.post?.id).toMatch(/^\d+$/);
    const a = await cli(['attach', posted.video.id, '--subs', en, ptBR, '--json']);
    expect(a.code).toBe(0);
    const attached = JSON.parse(a.stdout) as JsonOut;
    expect(attached.video.id).toBe(posted.video.id);
    expect([...(emu.state.media.get(posted.video.id)?.subtitles.keys() ?? [])].sort()).toEqual(['EN', 'PT']);
    const d = await cli(['detach', posted.video.id, '--lang', 'pt-BR']);
    expect(d.code).toBe(0);
    expect([...(emu.state.media.get(posted.video.id)?.subtitles.keys() ?? [])]).toEqual(['EN']);
    const d2 = await cli(['detach', posted.video.id, '--lang', 'pt', '--api', 'v1.1']);
    expect(d2.code).toBe(1);
    expect(d2.stderr).toMatch(/No subtitles with language_code PT/);
  });
});

describe('--vtt', () => {
  it('sends WebVTT as text/vtt when asked', async () => {
    fresh();
    const r = await cli(['publish', video, '--subs', ptBR, '--vtt', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as JsonOut;
    const sub = emu.state.media.get(out.subtitles[0]?.id ?? '');
    expect(sub?.mediaType).toBe('text/vtt');
    expect(mediaBytes(sub!)?.toString('utf8')).toMatch(/^WEBVTT/);
  });
});

describe('bad inputs: exit 2, nothing sent', () => {
  it.each<[string, string[], RegExp]>([
    ['overlapping cues', ['publish', video, '--subs', badOverlap], /bad\.en\.srt.*\n.*cue 2/],
    ['a language that is not one (sp)', ['publish', video, '--subs', spanishTypo], /Spanish is "es"/],
    ['a video X would refuse (120 fps)', ['publish', fast, '--subs', en], /fast\.mp4.*\n.*fps/i],
    ['a missing subtitle file', ['publish', video, '--subs', join(dir, 'nope.en.srt')], /nope\.en\.srt/],
    ['--lang with several files', ['publish', video, '--subs', en, ptBR, '--lang', 'en'], /single --subs/],
    ['a bad --api', ['publish', video, '--subs', en, '--api', 'v3'], /v3/],
    [
      'a chunk size out of range',
      ['publish', video, '--subs', en, '--chunk-size', '100'],
      /--chunk-size 100: give a size in MiB from 0\.25 to 64/,
    ],
    [
      'a chunk size out of range (attach)',
      ['attach', '1880028106020523759', '--subs', en, '--chunk-size', '0.1'],
      /--chunk-size 0\.1: give a size in MiB from 0\.25 to 64/,
    ],
    [
      'a video path after --subs that does not exist',
      ['publish', '--subs', en, join(dir, 'none.mp4')],
      /none\.mp4: no such file/,
    ],
  ])('%s', async (_name, args, stderr) => {
    fresh();
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(stderr);
    expect(emu.state.requests).toEqual([]);
  });

  it('v1.1 with an OAuth 2.0 token is refused before uploading', async () => {
    fresh();
    const r = await cli(['publish', video, '--subs', en, '--api', 'v1.1'], { auth: 'oauth2' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/OAuth 1\.0a/);
    expect(emu.state.requests).toEqual([]);
  });

  it('missing credentials say how to provide them', async () => {
    fresh();
    const env: Record<string, string> = {
      X_CONSUMER_KEY: '',
      X_CONSUMER_SECRET: '',
      X_ACCESS_TOKEN: '',
      X_ACCESS_TOKEN_SECRET: '',
      X_OAUTH2_ACCESS_TOKEN: '',
      CUELINE_HOME: home,
      XDG_CONFIG_HOME: home,
    };
    const r = await cli(['publish', video, '--subs', en], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/X_CONSUMER_KEY.*X_OAUTH2_ACCESS_TOKEN/s);
    expect(emu.state.requests).toEqual([]);
  });
});

describe('X failures', () => {
  it("a failed processing state exits 1 with X's message", async () => {
    fresh();
    const error = { code: 3, name: 'UnsupportedMedia', message: 'Video too long: 141 s > 140 s.' };
    emu.faults.add({ route: 'v2.finalize', action: { kind: 'processing_failure', error } });
    const r = await cli(['publish', video, '--subs', en]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(error.message);
    expect(routes(/subtitles/)).toBe(0);
  });

  it('retries 500/503 and dropped connections, waits out a 429', async () => {
    fresh();
    emu.faults.add({ route: 'v2.subtitles.create', action: { kind: 'status', status: 503 } });
    emu.faults.add({ route: 'v2.status', action: { kind: 'status', status: 500 } });
    emu.faults.add({ route: 'v2.append', action: { kind: 'drop' } });
    emu.faults.add({ route: 'v2.initialize', after: 1, action: { kind: 'rate_limit', resetInSecs: 1 } });
    const r = await cli(['publish', video, '--subs', en, '--json']);
    expect(r.stderr).not.toMatch(/cueline: /);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as JsonOut;
    expect([...(emu.state.media.get(out.video.id)?.subtitles.keys() ?? [])]).toEqual(['EN']);
    expect(r.stderr).toMatch(/retrying/);
  });

  it('a token without media.write: exit 1 naming the scope, no retry', async () => {
    fresh();
    const token = emu.mintBearer(['tweet.read', 'tweet.write', 'users.read']);
    const r = await cli(['publish', video, '--subs', en], {
      auth: 'oauth2',
      env: { X_OAUTH2_ACCESS_TOKEN: token },
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/media\.write/);
    // Whose token it is (the job's account), then the one refused request.
    expect(emu.state.requests.map((q) => q.route)).toEqual(['v2.users.me', 'v2.initialize']);
  });
});

describe('resume', () => {
  it('after SIGKILL mid-upload and mid-association: no duplicate association or post', async () => {
    fresh();
    const args = ['publish', video, '--subs', en, ptBR, '--post', 'Resumed', '--json'];
    // Run 1: killed while the video's APPEND is in flight.
    emu.faults.add({ route: 'v2.append', action: { kind: 'latency', ms: 10_000 } });
    let run = start(args);
    emu.state.onRequestStart = (route) => {
      if (route === 'v2.append') run.child.kill('SIGKILL');
    };
    expect((await run.done).signal).toBe('SIGKILL');
    emu.faults.clear();
    // Run 2: killed while the second language's association is in flight.
    emu.faults.add({ route: 'v2.subtitles.create', after: 1, action: { kind: 'latency', ms: 300 } });
    run = start(args);
    emu.state.onRequestStart = (route) => {
      if (
        route === 'v2.subtitles.create' &&
        emu.state.requests.filter((q) => q.route === 'v2.subtitles.create').length === 1
      )
        run.child.kill('SIGKILL');
    };
    expect((await run.done).signal).toBe('SIGKILL');
    delete emu.state.onRequestStart;
    const uploadsBefore = routes(/^v2\.initialize$/);
    // Run 3: finishes, reusing the video and the EN association.
    const r = await cli(args);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as JsonOut;
    expect(r.stderr).toMatch(/Video: skipped/);
    expect(r.stderr).toMatch(/EN association: skipped/);
    expect(r.stderr).not.toMatch(/Associating EN/);
    expect(routes(/^v2\.initialize$/)).toBe(uploadsBefore); // nothing uploaded again
    // EN once; PT at most twice (the killed run's request may have landed: re-sending replaces it).
    expect(
      emu.state.requests.filter((q) => q.route === 'v2.subtitles.create' && q.status === 200).length,
    ).toBeLessThanOrEqual(3);
    expect(emu.state.posts.filter((p) => p.text === 'Resumed')).toHaveLength(1);
    expect([...(emu.state.media.get(out.video.id)?.subtitles.keys() ?? [])].sort()).toEqual(['EN', 'PT']);
  });

  it('a run that died between sending the post and recording it: the next run finds the post on X', async () => {
    fresh();
    const args = ['publish', video, '--subs', en, '--post', 'Once only', '--json'];
    emu.faults.add({ route: 'v2.tweets.create', action: { kind: 'drop_after' } });
    const first = await cli(args);
    expect(first.code).toBe(1);
    expect(emu.state.posts.filter((p) => p.text === 'Once only')).toHaveLength(1);
    emu.state.requests.length = 0;
    const second = await cli(args);
    expect(second.code).toBe(0);
    expect((JSON.parse(second.stdout) as JsonOut).post?.id).toBe(
      emu.state.posts.find((p) => p.text === 'Once only')?.id,
    );
    expect(second.stderr).toMatch(/Post: skipped, found on X/);
    expect(emu.state.posts.filter((p) => p.text === 'Once only')).toHaveLength(1);
    // One read of the account's posts (and who the account is), no post request.
    expect(emu.state.requests.map((r) => r.route)).toEqual(['v2.users.me', 'v2.users.tweets']);
  });

  it('when X cannot tell whether the post landed, the user chooses (--force)', async () => {
    fresh();
    const args = ['publish', video, '--subs', en, '--post', 'Maybe once'];
    emu.faults.add({ route: 'v2.tweets.create', action: { kind: 'drop_after' } });
    expect((await cli(args)).code).toBe(1);
    emu.faults.add({ route: 'v2.users.tweets', times: 99, action: { kind: 'status', status: 500 } });
    const second = await cli(args);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/may already be on X|don't settle it/);
    expect(second.stderr).toMatch(/--force/);
    expect(emu.state.posts.filter((p) => p.text === 'Maybe once')).toHaveLength(1);
    emu.faults.clear();
    const forced = await cli([...args, '--force']);
    expect(forced.code).toBe(0);
    expect(emu.state.posts.filter((p) => p.text === 'Maybe once')).toHaveLength(2);
  });

  it('re-uploads media ids that expired instead of reusing them', async () => {
    fresh();
    const args = ['publish', video, '--subs', en, '--json'];
    emu.faults.add({ route: 'v2.subtitles.create', action: { kind: 'status', status: 400 } });
    const first = await cli(args);
    expect(first.code).toBe(1);
    // Age the journal: the video id expired.
    const { readdirSync } = await import('node:fs');
    const jobs = join(home, 'jobs');
    const file = join(jobs, readdirSync(jobs)[0] ?? '');
    const rec = JSON.parse(readFileSync(file, 'utf8')) as { video: { id: string; expiresAt: number } };
    const oldId = rec.video.id;
    rec.video.expiresAt = Date.now() - 1000;
    writeFileSync(file, JSON.stringify(rec));
    const second = await cli(args);
    expect(second.code).toBe(0);
    const out = JSON.parse(second.stdout) as JsonOut;
    expect(out.video.id).not.toBe(oldId);
    expect(routes(/^v2\.initialize$/)).toBe(2 + 1); // video, subtitle, then the video again
  });
});

describe('cancel', () => {
  it('SIGINT mid-upload stops the job: exit 1, nothing finalized', async () => {
    fresh();
    emu.faults.add({ route: 'v2.append', action: { kind: 'latency', ms: 5000 } });
    const run = start(['publish', video, '--subs', en]);
    emu.state.onRequestStart = (route) => {
      if (route === 'v2.append') run.child.kill('SIGINT');
    };
    const r = await run.done;
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Cancelled/);
    expect(routes(/finalize/)).toBe(0);
  });
});
