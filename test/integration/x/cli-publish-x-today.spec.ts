// `cueline publish` against the emulator with X's current rules (issue 16): .mov on v2, chunks
// that adapt to a 413, post refusals read right, alt text and the video card, resumed uploads.
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateVideo } from '../../support/media-fixtures.ts';
import { mediaBytes } from '../../x-emulator/state.ts';
import { cli, emu, fresh, home, start, useCliEmulator } from '../../support/cli-emulator.ts';

const dir = useCliEmulator('cueline-x-today-', { checkAfterSecs: 1, processingSteps: 1 });
const video = join(dir, 'clip.mp4');
const mov = join(dir, 'clip.mov');
const en = join(dir, 'clip.en.srt');
const long = join(dir, 'long.mp4');
const wrongPair = join(dir, 'wrong.en.srt');
const tooLong = join(dir, 'overrun.en.srt');
const empty = join(dir, 'empty.en.srt');

beforeAll(async () => {
  await generateVideo(video, { duration: 2 });
  await generateVideo(mov, { duration: 1 });
  writeFileSync(en, '1\n00:00:00,500 --> 00:00:01,500\nHello there\n');
  // ~15 MB of video (noise doesn't compress): four 4 MiB chunks.
  await generateVideo(long, {
    duration: 5,
    extra: [
      '-vf',
      'noise=alls=100:allf=t',
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      '-qp',
      '0',
      '-pix_fmt',
      'yuv420p',
      '-c:a',
      'aac',
    ],
  });
  writeFileSync(
    wrongPair,
    '1\n00:00:00,500 --> 00:00:01,000\nFine\n\n2\n00:00:02,500 --> 00:00:03,000\nToo late\n',
  );
  writeFileSync(
    tooLong,
    '1\n00:00:00,500 --> 00:00:01,000\nFine\n\n2\n00:00:01,500 --> 00:00:09,000\nOverruns\n',
  );
  writeFileSync(empty, '');
});
const routes = (name: RegExp): number => emu.state.requests.filter((r) => name.test(r.route)).length;

interface JsonOut {
  video: { id: string };
  subtitles: Array<{ id: string; language_code: string }>;
  post: { id: string } | null;
}

describe('.mov on v2', () => {
  it('goes up as it is (video/quicktime), with OAuth 2.0', async () => {
    fresh();
    const r = await cli(['publish', mov, '--subs', join(dir, 'clip.en.srt'), '--json'], { auth: 'oauth2' });
    expect(r.stderr).not.toMatch(/cueline: /);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as JsonOut;
    expect(emu.state.media.get(out.video.id)?.mediaType).toBe('video/quicktime');
    expect(routes(/^v2\.initialize$/)).toBe(2);
  });
});

describe('help text', () => {
  it('labels v1.1 as legacy and carries no notes to self', async () => {
    fresh();
    for (const cmd of ['publish', 'batch']) {
      const r = await cli([cmd, '--help']);
      expect(r.stdout).toMatch(/v1\.1 \(legacy —\s+shut\s+down\s+by\s+X\s+in\s+2025\)/);
      expect(r.stdout).not.toMatch(/UNCONFIRMED/i);
    }
  });
});

const jobFiles = (): string[] => readdirSync(join(home, 'jobs'));
const journal = (): Record<string, unknown> => {
  const f = jobFiles().find((x) => x.endsWith('.json')) ?? '';
  return JSON.parse(readFileSync(join(home, 'jobs', f), 'utf8')) as Record<string, unknown>;
};

describe('checked before anything is sent (exit 2)', () => {
  it.each<[string, string[], RegExp]>([
    [
      'post text over 280 as X counts it',
      ['publish', video, '--subs', en, '--post', '字'.repeat(141)],
      /282 characters/,
    ],
    ['alt text over 1000', ['publish', video, '--subs', en, '--alt-text', 'a'.repeat(1001)], /1000/],
    ['a card title without a post', ['publish', video, '--subs', en, '--title', 'T'], /give post text/],
    [
      'a cue that starts after the video ends',
      ['publish', video, '--subs', wrongPair],
      /wrong\.en\.srt:6: cue 2 starts at 00:00:02\.500, after the video ends/,
    ],
    ['an empty track', ['publish', video, '--subs', empty], /empty\.en\.srt/],
  ])('%s', async (_name, args, stderr) => {
    fresh();
    const r = await cli(args);
    expect(r.stderr).toMatch(stderr);
    expect(r.code).toBe(2);
    expect(emu.state.requests).toEqual([]);
  });

  it('trims a cue that ends after the video, with a warning', async () => {
    fresh();
    const r = await cli(['publish', video, '--subs', tooLong, '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/1 cue\(s\) ended after the video .* trimmed/);
    const out = JSON.parse(r.stdout) as JsonOut;
    const srt = emu.state.media.get(out.subtitles[0]?.id ?? '');
    expect(srt && mediaBytes(srt)?.toString('utf8')).toMatch(/00:00:01,500 --> 00:00:02,0\d\d/);
  });
});

describe('post refusals', () => {
  it("a 403 on the post: X's detail, what is on X, no sign-in advice; the rerun retries only the post", async () => {
    fresh();
    emu.state.config.maxPostVideoMinutes = 2;
    const args = ['publish', video, '--subs', en, '--post', 'Refused', '--json'];
    try {
      const r = await cli(args);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/This user is not allowed to post a video longer than 2 minutes/);
      expect(r.stderr).toMatch(/Already on X: the video \(media \d+\), its captions EN \(English\)/);
      expect(r.stderr).toMatch(/Running the same job again retries only the post/);
      expect(r.stderr).not.toMatch(/sign|re-?authori|media\.write/i);
      // A definitive answer: no intent left behind, X's words kept in the journal.
      expect(journal()['post']).toBeUndefined();
      expect(journal()['lastError']).toMatch(/not allowed to post a video/);
    } finally {
      emu.state.config.maxPostVideoMinutes = null;
    }
    emu.state.requests.length = 0;
    const again = await cli(args);
    expect(again.code).toBe(0);
    expect(emu.state.requests.map((q) => q.route)).toEqual(['v2.tweets.create']);
  });
});

describe('alt text and the video card', () => {
  it('sets alt text before the post, sends title and description, and a rerun repeats nothing', async () => {
    fresh();
    const args = [
      'publish',
      video,
      '--subs',
      en,
      '--post',
      'With a card',
      '--alt-text',
      'A test pattern with a tone.',
      '--title',
      'Launch',
      '--description',
      'Our launch video',
      '--json',
    ];
    const r = await cli(args);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as JsonOut;
    expect(emu.state.media.get(out.video.id)?.altText).toBe('A test pattern with a tone.');
    expect(emu.state.posts.find((p) => p.id === out.post?.id)).toMatchObject({
      title: 'Launch',
      description: 'Our launch video',
    });
    const order = emu.state.requests.map((q) => q.route).filter((x) => /metadata|tweets/.test(x));
    expect(order).toEqual(['v2.metadata', 'v2.tweets.create']);
    emu.state.requests.length = 0;
    expect((await cli(args)).code).toBe(0);
    expect(emu.state.requests).toEqual([]);
  });
});

describe('reuse what is done', () => {
  it('a rerun with --post after one without reuses the upload and association', async () => {
    fresh();
    const first = await cli(['publish', video, '--subs', en, '--json']);
    expect(first.code).toBe(0);
    emu.state.requests.length = 0;
    const second = await cli(['publish', video, '--subs', en, '--post', 'Now posted', '--json']);
    expect(second.code).toBe(0);
    expect(emu.state.requests.map((q) => q.route)).toEqual(['v2.tweets.create']);
    expect((JSON.parse(second.stdout) as JsonOut).video.id).toBe(
      (JSON.parse(first.stdout) as JsonOut).video.id,
    );
  });
});

describe("the job's account (credentials from the environment)", () => {
  /** A second X user on the emulator, with OAuth 1.0a and OAuth 2.0 credentials of its own. */
  const otherUser = (): { oauth1: Record<string, string>; bearer: string } => {
    const id = '1500000000000000002';
    emu.state.users.set(id, { id, username: 'someone_else' });
    const token = `${id}-${randomBytes(8).toString('hex')}`;
    const secret = randomBytes(16).toString('hex');
    emu.state.oauth1Tokens.set(token, { secret, userId: id, consumerKey: emu.credentials.consumerKey });
    const bearer = randomBytes(16).toString('hex');
    emu.state.oauth2Tokens.set(bearer, {
      userId: id,
      scopes: ['media.write', 'tweet.read', 'tweet.write', 'users.read'],
      expiresAt: Date.now() + 3_600_000,
    });
    return { oauth1: { X_ACCESS_TOKEN: token, X_ACCESS_TOKEN_SECRET: secret }, bearer };
  };
  const uploads = (): number => routes(/^v2\.initialize$/);

  it('OAuth 1.0a: another account is another job; the same account reuses its journal', async () => {
    fresh();
    const other = otherUser();
    const args = ['publish', video, '--subs', en, '--json'];
    expect((await cli(args)).code).toBe(0);
    expect(jobFiles()).toHaveLength(1);
    emu.state.requests.length = 0;
    const second = await cli(args, { env: other.oauth1 });
    expect(second.code).toBe(0);
    // Media ids are per user: the other account uploads its own, in a journal of its own.
    expect(uploads()).toBe(2);
    expect(jobFiles()).toHaveLength(2);
    emu.state.requests.length = 0;
    const again = await cli(args);
    expect(again.code).toBe(0);
    expect(emu.state.requests).toEqual([]);
    // The key is a one-way hash: no token or secret in any journal.
    for (const f of jobFiles()) {
      const text = readFileSync(join(home, 'jobs', f), 'utf8');
      for (const v of [
        emu.credentials.accessToken,
        emu.credentials.accessTokenSecret,
        ...Object.values(other.oauth1),
      ])
        expect(text).not.toContain(v);
    }
  });

  it("OAuth 2.0: X's user id is the key, so a new token for the same user reuses the journal", async () => {
    fresh();
    const other = otherUser();
    const args = ['publish', video, '--subs', en, '--json'];
    expect((await cli(args, { auth: 'oauth2' })).code).toBe(0);
    emu.state.requests.length = 0;
    // A token is replaced every 2 hours; the user stays.
    const renewed = emu.mintBearer(['media.write', 'tweet.read', 'tweet.write', 'users.read']);
    const again = await cli(args, { auth: 'oauth2', env: { X_OAUTH2_ACCESS_TOKEN: renewed } });
    expect(again.code).toBe(0);
    expect(emu.state.requests.map((q) => q.route)).toEqual(['v2.users.me']);
    expect(jobFiles()).toHaveLength(1);
    emu.state.requests.length = 0;
    const someoneElse = await cli(args, { auth: 'oauth2', env: { X_OAUTH2_ACCESS_TOKEN: other.bearer } });
    expect(someoneElse.code).toBe(0);
    expect(uploads()).toBe(2);
    expect(jobFiles()).toHaveLength(2);
    const text = jobFiles()
      .map((f) => readFileSync(join(home, 'jobs', f), 'utf8'))
      .join('\n');
    for (const v of [emu.credentials.bearerToken, renewed, other.bearer]) expect(text).not.toContain(v);
  });
});

describe('a damaged journal', () => {
  it('is kept aside, says what it shows, and the next run does not post without --force', async () => {
    fresh();
    const args = ['publish', video, '--subs', en, '--post', 'Journal test'];
    expect((await cli(args)).code).toBe(0);
    const f = jobFiles()[0] ?? '';
    writeFileSync(join(home, 'jobs', f), '{"version": 1, "video": {"id": "123"');
    const r = await cli(args);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(f);
    expect(r.stderr).toMatch(/kept aside as .*damaged-/);
    expect(r.stderr).not.toMatch(/delete it/i);
    expect(jobFiles().some((x) => x.includes('.damaged-'))).toBe(true);
    const next = await cli(args);
    expect(next.code).toBe(1);
    expect(next.stderr).toMatch(/damaged.*--force/s);
    expect(emu.state.posts.filter((p) => p.text === 'Journal test')).toHaveLength(1);
  });
});

describe('resume an interrupted upload', () => {
  it('after SIGKILL mid-upload the rerun continues the media id: at most two chunks sent again', async () => {
    fresh();
    const size = readFileSync(long).length;
    expect(size).toBeGreaterThan(8 * 1024 * 1024);
    const args = ['publish', long, '--subs', en, '--json'];
    // Kill the CLI while the third segment is on its way (two acknowledged).
    emu.faults.add({ route: 'v2.append', after: 2, action: { kind: 'latency', ms: 10_000 } });
    const run = start(args);
    emu.state.onRequestStart = (route) => {
      if (route === 'v2.append' && emu.state.requests.filter((q) => q.route === 'v2.append').length === 2)
        run.child.kill('SIGKILL');
    };
    expect((await run.done).signal).toBe('SIGKILL');
    delete emu.state.onRequestStart;
    emu.faults.clear();
    const firstId = emu.state.requests.find((q) => q.route === 'v2.initialize')?.mediaId;
    const sentBefore = emu.state.requests
      .filter((q) => q.route === 'v2.append')
      .reduce((n, q) => n + (q.segmentBytes ?? 0), 0);
    emu.state.requests.length = 0;
    const r = await cli(args);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/continuing media \d+ from byte/);
    const out = JSON.parse(r.stdout) as JsonOut;
    expect(out.video.id).toBe(firstId);
    const resent = emu.state.requests
      .filter((q) => q.route === 'v2.append' && q.mediaId === firstId)
      .reduce((n, q) => n + (q.segmentBytes ?? 0), 0);
    // Re-sent = what the second run sent beyond the bytes still missing after the first run.
    expect(sentBefore + resent - size).toBeLessThanOrEqual(2 * 4 * 1024 * 1024);
    expect(emu.state.media.get(firstId ?? '')?.sha256).toBe(
      createHash('sha256').update(readFileSync(long)).digest('hex'),
    );
  });
});
