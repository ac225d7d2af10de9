// Publishing from the dialog as it runs and ends: alt text and the card reach X, the steps and the
// result stay in view at 1280×800 and 1024×700, an interrupted upload resumed after a restart says
// how far X had it, and a post that may already be on X shows what Cueline found when it looked.
// Real router, publishing engine and keychain accounts against the X emulator on 127.0.0.1.
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expectAxeSpotless } from '../harness/axe.ts';
import { shotPath } from '../harness/screenshots.ts';
import { workerTempDir } from '../harness/temp-dir.ts';
import { generateVideo } from '../../support/media-fixtures.ts';
import { editorMedia } from './editor-support.ts';
import { dialogScrolls, openPublishWith } from './publish-support.ts';
import { expect, test } from './x-test.ts';

const FR =
  '1\n00:00:01,000 --> 00:00:03,000\nBonjour et bienvenue\n\n2\n00:00:04,000 --> 00:00:06,000\nNous publions\n';
const ALT = 'A test card of colour bars with a moving line; a steady tone plays.';

async function launch() {
  const m = await editorMedia();
  const fr = join(m.dir, 'launch.fr.srt');
  await writeFile(fr, FR);
  return { video: m.video, subtitles: [m.srt, fr] };
}

test('alt text and the card reach X; the steps and the result are in view, with copy buttons', async ({
  app,
  emulator,
  context,
}) => {
  const { page } = app;
  const m = await launch();
  let dialog = await openPublishWith(app, m.video, m.subtitles);
  await expect(dialog.getByTestId('alt-hint')).toContainText('No alt text yet.');
  await dialog.getByLabel('Post text').fill('Launch day');
  await dialog.getByLabel('Card title').fill('Launch');
  await dialog.getByLabel('Card description').fill('The launch video, captioned');
  await dialog.getByLabel('Alt text').fill(ALT);
  await expect(dialog.getByTestId('alt-count')).toHaveText(`${[...ALT].length} / 1000`);
  await expect(dialog.getByTestId('alt-hint')).not.toContainText('No alt text yet.');

  // Remembered for this video: closed and opened again, the words are there (kept in main by path).
  await dialog.getByRole('button', { name: 'Close' }).last().click();
  await page.getByRole('button', { name: 'Publish…' }).click();
  dialog = page.getByRole('dialog', { name: 'Publish to X' });
  await expect(dialog.getByLabel('Alt text')).toHaveValue(ALT);
  await expect(dialog.getByLabel('Card title')).toHaveValue('Launch');
  await expect(dialog.getByLabel('Post text')).toHaveValue('Launch day');
  const drafts = JSON.parse(await readFile(join(app.userData, 'publish-drafts.json'), 'utf8')) as {
    drafts: Record<string, { altText: string }>;
  };
  expect(drafts.drafts[m.video]?.altText).toBe(ALT);

  // X's finalize waits at a gate the test opens: the running dialog is checked while it waits.
  let openFinalize = (): void => undefined;
  const finalize = new Promise<void>((r) => (openFinalize = r));
  emulator.faults.add({ route: 'v2.finalize', action: { kind: 'hold', until: finalize } });
  await expect(dialog.getByRole('button', { name: 'Publish', exact: true })).toBeEnabled();
  await expect(dialog.getByTestId('track-check').first()).toHaveText('Ready');
  await page.screenshot({ path: shotPath('publish-dialog-form') });
  await expectAxeSpotless(page, 'publish dialog, ready to publish', 'dialog');
  await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(dialog.getByRole('heading', { name: 'Publishing launch.mp4…' })).toBeFocused();
  await expect(dialog.getByTestId('step-upload-video')).toHaveAttribute('data-status', 'active');
  await expect(dialog.getByRole('progressbar', { name: 'Video upload' })).toBeVisible();
  await page.screenshot({ path: shotPath('publish-dialog-running') });
  await expectAxeSpotless(page, 'publish dialog while publishing', 'dialog');
  await expect(dialog.getByTestId('step-upload-video')).toHaveAttribute('data-status', 'active');

  const result = dialog.getByTestId('publish-result');
  // Once X's held finalize answers.
  openFinalize();
  await expect(result).toBeVisible({ timeout: 30_000 });
  const videoId = (await dialog.getByTestId('video-media-id').textContent()) ?? '';
  expect(emulator.state.media.get(videoId)?.altText).toBe(ALT);
  const post = emulator.state.posts.find((p) => p.mediaIds[0] === videoId);
  expect(post).toMatchObject({
    text: 'Launch day',
    title: 'Launch',
    description: 'The launch video, captioned',
  });
  await expect(dialog.getByTestId('post-link')).toHaveAttribute(
    'href',
    `https://x.com/i/status/${post?.id ?? ''}`,
  );

  // Every step done, each track named by its language, never by a file the app wrote.
  const steps = dialog.getByRole('list', { name: 'Steps' });
  for (const id of [
    'validate',
    'upload-video',
    'processing',
    'upload-subtitle:EN',
    'upload-subtitle:FR',
    'associate:EN',
    'associate:FR',
    'alt-text',
    'post',
  ])
    await expect(dialog.getByTestId(`step-${id}`)).toHaveAttribute('data-status', 'done');
  await expect(dialog.getByTestId('step-associate:FR')).toContainText('Attach French (FR) to the video');
  await expect(steps).not.toContainText('.srt');
  await expect(result).toContainText('French (FR) captions');

  // Copy buttons put the value on the clipboard.
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.origin });
  await result.getByRole('button', { name: 'Copy the post link' }).click();
  await expect
    .poll(() => page.evaluate(() => navigator.clipboard.readText()))
    .toBe(`https://x.com/i/status/${post?.id ?? ''}`);
  await result.getByRole('button', { name: 'Copy the video media id' }).click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(videoId);

  // In view without scrolling, at both window sizes.
  await expect.poll(() => dialogScrolls(dialog)).toBe(false);
  await page.screenshot({ path: shotPath('publish-dialog-done') });
  await expectAxeSpotless(page, 'publish dialog, published', 'dialog');
  await page.setViewportSize({ width: 1024, height: 700 });
  await expect.poll(() => dialogScrolls(dialog)).toBe(false);
  await expect(dialog.getByTestId('post-link')).toBeInViewport();
  await page.screenshot({ path: shotPath('publish-dialog-done-1024') });
});

test('an upload interrupted mid-way and resumed after a restart says "resuming at N%", with the same media id', async ({
  app,
  emulator,
}) => {
  test.setTimeout(120_000);
  const { page } = app;
  const dir = workerTempDir('cueline-resume-');
  // Noise keeps the file big: three 4 MiB segments.
  const video = await generateVideo(join(dir, 'noisy.mp4'), {
    duration: 4,
    width: 640,
    height: 360,
    extra: [
      '-vf',
      'noise=alls=30:allf=t',
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      '-qp',
      '30',
      '-pix_fmt',
      'yuv420p',
      '-c:a',
      'aac',
    ],
  });
  // Captions within the 4 s clip.
  const m = await editorMedia('noisy.en.srt', '1\n00:00:00,500 --> 00:00:02,000\nHello and welcome\n');
  const { size } = await stat(video);
  expect(size).toBeGreaterThan(2 * 4 * 1024 * 1024);

  // The connection drops on every segment after the first: the job stops with one segment on X.
  // (By segment, not by arrival: two APPENDs are in flight, and segment 1 may arrive first.)
  emulator.faults.add({ route: 'v2.append', action: { kind: 'drop' }, segment: (i) => i >= 1, times: 1000 });
  let dialog = await openPublishWith(app, video, [m.srt]);
  await dialog.getByLabel('Don’t post').check();
  await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
  // After the client's and the uploader's bounded retries.
  await expect(dialog.getByRole('heading', { name: 'Not finished' })).toBeVisible({ timeout: 60_000 });
  await expect(dialog.getByTestId('step-upload-video')).toHaveAttribute('data-status', 'failed');
  await expect(dialog.getByRole('alert')).toBeVisible();
  await expectAxeSpotless(page, 'publish dialog, failed', 'dialog');
  const sessions = () => [...emulator.state.media.values()].filter((s) => s.category === 'tweet_video');
  expect(sessions()).toHaveLength(1);

  // A restart: the window reloads (the services keep only the journal on disk), X is reachable again.
  emulator.faults.clear();
  await app.reload();
  dialog = await openPublishWith(app, video, [m.srt]);
  await dialog.getByLabel('Don’t post').check();
  await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
  const step = dialog.getByTestId('step-upload-video');
  const percent = Math.floor(((4 * 1024 * 1024) / size) * 100);
  await expect(step).toContainText(`resuming at ${percent}%`);
  await expect(dialog.getByTestId('publish-result')).toBeVisible();
  await expect(step).toContainText(`resuming at ${percent}%`);
  // The same media id went on: no second upload of the video was started.
  expect(sessions()).toHaveLength(1);
  await expect(dialog.getByTestId('video-media-id')).toHaveText(sessions()[0]?.id ?? '');
  await page.screenshot({ path: shotPath('publish-dialog-resumed') });
});

test('a post whose answer was lost is found on X, not posted twice', async ({ app, emulator }) => {
  const { page } = app;
  const m = await launch();
  // X makes the post, then the connection drops before its answer arrives.
  emulator.faults.add({ route: 'v2.tweets.create', action: { kind: 'drop_after' } });
  const dialog = await openPublishWith(app, m.video, m.subtitles);
  await dialog.getByLabel('Post text').fill('Launch day');
  await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(dialog.getByTestId('step-post')).toHaveAttribute('data-status', 'failed');
  expect(emulator.state.posts).toHaveLength(1);

  await dialog.getByRole('button', { name: 'Retry' }).click();
  const result = dialog.getByTestId('publish-result');
  await expect(result).toContainText('Already on X:');
  await expect(dialog.getByTestId('post-link')).toHaveAttribute(
    'href',
    `https://x.com/i/status/${emulator.state.posts[0]?.id ?? ''}`,
  );
  expect(emulator.state.posts).toHaveLength(1);
  await expectAxeSpotless(page, 'publish dialog, post found on X', 'dialog');
  await page.screenshot({ path: shotPath('publish-dialog-found') });
});

test('a post X can’t account for asks "not found on X — post now?", and posts once on the button', async ({
  app,
  emulator,
}) => {
  const { page } = app;
  const dir = workerTempDir('cueline-uncertain-');
  const video = await generateVideo(join(dir, 'teaser.mp4'), { duration: 10, width: 320, height: 180 });
  const m = await editorMedia();
  // The post is sent and the connection drops; then X can't list the account's posts.
  emulator.faults.add({ route: 'v2.tweets.create', action: { kind: 'drop' } });
  const dialog = await openPublishWith(app, video, [m.srt]);
  await dialog.getByLabel('Post text').fill('Teaser');
  await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(dialog.getByTestId('step-post')).toHaveAttribute('data-status', 'failed');
  emulator.faults.add({ route: 'v2.users.tweets', action: { kind: 'status', status: 503 }, times: 1000 });
  await dialog.getByRole('button', { name: 'Retry' }).click();

  const uncertain = dialog.getByTestId('post-uncertain');
  await expect(uncertain).toContainText('Not found on X — post now?');
  expect(emulator.state.posts).toHaveLength(0);
  await expect(dialog.getByRole('button', { name: 'Retry' })).toBeHidden();
  await expect.poll(() => dialogScrolls(dialog)).toBe(false);
  await expectAxeSpotless(page, 'publish dialog, post uncertain', 'dialog');
  await page.screenshot({ path: shotPath('publish-dialog-uncertain') });

  await uncertain.getByRole('button', { name: 'Post now' }).click();
  await expect(dialog.getByTestId('publish-result')).toContainText('Posted:');
  expect(emulator.state.posts.map((p) => p.text)).toEqual(['Teaser']);
});
