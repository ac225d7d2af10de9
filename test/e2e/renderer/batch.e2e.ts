// The batch view in the renderer harness: a generated folder with orphans and invalid files, the
// plan and its corrections, a run with progress, cancel and resume — the real router, planner,
// runner and journals against the X emulator.
import { copyFile, mkdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { HarnessApp } from '../harness/fixture.ts';
import { expectAxeClean } from '../harness/axe.ts';
import { shotPath } from '../harness/screenshots.ts';
import { generateVideo } from '../../support/media-fixtures.ts';
import { expect, test } from './x-test.ts';
import { runTool } from '../harness/toolbar.ts';
import { folder, openPlan, srt } from './batch-support.ts';
import type { Emulator } from '../../x-emulator/server.ts';
import { mintId } from '../../x-emulator/state.ts';

test('plans a folder with orphans and invalid files, takes a correction, publishes the ready videos', async ({
  app,
  emulator,
}) => {
  const d = await folder({
    'intro.mp4': null,
    'intro.en.srt': srt('Hello'),
    'intro.es.srt': srt('Hola'),
    'outro.mp4': null,
    'outro.srt': srt('Goodbye'),
    'broken.mp4': null,
    'broken.en.srt': '1\n00:00:00,100 --> 00:00:00,800\nOne\n\n2\n00:00:00,500 --> 00:00:00,900\nTwo\n',
    'lonely.mp4': null,
    'nobody.fr.srt': srt('Bonjour'),
  });
  const { page } = app;
  const dialog = await openPlan(app, d);
  const items = dialog.getByTestId('plan-items');
  await expect(items.getByRole('row')).toHaveCount(5); // header + intro, outro, broken, lonely
  // A video with no subtitles is an item the batch skips, with its reason: not blocked, not sent,
  // not a file to look at, and counted as skipped.
  const lonely = items.getByRole('row', { name: /lonely\.mp4/ });
  await expect(lonely).toContainText('skipped: no subtitles');
  await expect(lonely).not.toHaveClass(/blocked/);
  await expect(lonely.getByRole('checkbox')).toHaveCount(0);
  await expect(dialog.getByRole('heading', { name: /^4 videos/ })).toHaveText(
    '4 videos, 1 ready, 1 skipped (no subtitles)',
  );
  const files = dialog.getByTestId('plan-files');
  await expect(files.getByRole('row', { name: /nobody\.fr\.srt.*orphan/ })).toBeVisible();
  await expect(files.getByRole('row', { name: /lonely\.mp4/ })).toHaveCount(0);
  await expect(files.getByRole('row', { name: /broken\.en\.srt.*invalid.*overlap/i })).toBeVisible();
  await expect(
    files.getByRole('row', { name: /outro\.srt.*invalid.*can't tell the language/ }),
  ).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Publish 1 video' })).toBeEnabled();
  await page.screenshot({ path: shotPath('batch-plan') });

  // Correction: outro.srt is German; the broken video is left out.
  await dialog.getByLabel('Language of outro.srt').fill('de');
  await dialog.getByLabel('Language of outro.srt').blur();
  await dialog.getByRole('checkbox', { name: 'Send broken' }).uncheck();
  await expect(dialog.getByRole('button', { name: 'Publish 2 videos' })).toBeEnabled();
  await dialog.getByLabel('Post each video').check();
  await dialog.getByLabel('Post text').fill('New: {name}');
  await dialog.getByLabel('At a time').fill('2');
  await dialog.getByRole('button', { name: 'Publish 2 videos' }).click();

  const progress = dialog.getByTestId('batch-progress');
  await expect(progress.getByRole('heading')).toContainText(
    '3 of 3 finished · 2 published · 1 skipped (no subtitles) · completed',
  );
  await expect(progress.getByRole('row', { name: /lonely\.mp4 skipped/ })).toContainText('no subtitles');
  expect(emulator.state.posts.map((p) => p.text).sort()).toEqual(['New: intro', 'New: outro']);
  const outroPost = emulator.state.posts.find((p) => p.text === 'New: outro');
  expect([...(emulator.state.media.get(outroPost?.mediaIds[0] ?? '')?.subtitles.keys() ?? [])]).toEqual([
    'DE',
  ]);
  await page.screenshot({ path: shotPath('batch-done') });
  await expectAxeClean(page, 'batch progress', 'dialog');

  await dialog.getByRole('button', { name: 'Export CSV' }).click();
  await expect(dialog.getByText('Saved cueline-batch-results.csv in the batch folder.')).toBeVisible();
});

test('cancels a running batch, lists it as unfinished, and resumes it without redoing finished items', async ({
  app,
  emulator,
}) => {
  const spec: Record<string, string | null> = {};
  for (const n of ['a1', 'a2', 'a3', 'a4']) {
    spec[`${n}.mp4`] = null;
    spec[`${n}.en.srt`] = srt(`Hi ${n}`);
  }
  const d = await folder(spec);
  const { page } = app;
  const dialog = await openPlan(app, d);
  await dialog.getByLabel('At a time').fill('1');
  // a2's video upload (the 3rd initialize: items go one at a time, video then subtitles) waits at a
  // gate the test opens after cancelling, so the cancel lands while a2 is in flight on any machine.
  let openGate = (): void => undefined;
  const gate = new Promise<void>((r) => (openGate = r));
  emulator.faults.add({ route: 'v2.initialize', after: 2, action: { kind: 'hold', until: gate } });
  await dialog.getByRole('button', { name: 'Publish 4 videos' }).click();
  const progress = dialog.getByTestId('batch-progress');
  await expect(progress.getByRole('row', { name: /a1\.mp4 published/ })).toBeVisible({ timeout: 30_000 });
  await dialog.getByRole('button', { name: 'Cancel batch' }).click();
  await expect(progress.getByRole('heading')).toContainText('cancelled');
  await expect(progress.getByRole('row', { name: /a2\.mp4 cancelled/ })).toBeVisible();
  openGate();
  // Only base names reach the renderer.
  await expect(progress).not.toContainText(d);
  await page.screenshot({ path: shotPath('batch-cancelled') });
  const posted = emulator.state.requests.filter(
    (r) => r.route === 'v2.subtitles.create' && r.status === 200,
  ).length;
  expect(posted).toBeLessThan(4);

  emulator.faults.clear();
  await dialog.getByRole('button', { name: 'Back to the plan' }).click();
  const unfinished = dialog.getByTestId('unfinished-batch');
  await expect(unfinished).toContainText(/\d of 4 done · cancelled/);
  await unfinished.getByRole('button', { name: 'Resume' }).click();
  // What the first run finished is skipped now, and counted as skipped, never as published again.
  // A whole batch runs meanwhile (the machine may be busy): wait for it as long as a test may.
  await expect(progress.getByRole('heading')).toContainText(/^4 of 4 finished · \d published · \d skipped/, {
    timeout: 30_000,
  });
  await expect(progress.getByRole('row', { name: /a1\.mp4 skipped/ })).toContainText('already published');
  const skipped = await progress.getByRole('row', { name: /skipped/ }).count();
  await expect(progress.getByRole('heading')).toHaveText(
    `4 of 4 finished · ${4 - skipped} published · ${skipped} skipped (already published) · completed`,
  );
  // Each video was associated exactly once over both runs.
  const assoc = emulator.state.requests.filter((r) => r.route === 'v2.subtitles.create' && r.status === 200);
  expect(assoc.length).toBe(4);
  const videos = [...emulator.state.media.values()].filter(
    (m) => m.category === 'tweet_video' && m.subtitles.size > 0,
  );
  expect(videos.length).toBe(4);
});

test('after the services stop mid-batch and the window reloads, the batch resumes from its journal', async ({
  app,
  emulator,
}) => {
  const spec: Record<string, string | null> = {};
  for (const n of ['r1', 'r2', 'r3']) {
    spec[`${n}.mp4`] = null;
    spec[`${n}.en.srt`] = srt(`Hi ${n}`);
    spec[`${n}.de.srt`] = srt(`Hallo ${n}`);
  }
  const d = await folder(spec);
  const { page } = app;
  let dialog = await openPlan(app, d);
  await dialog.getByLabel('At a time').fill('1');
  await dialog.getByLabel('Post each video').check();
  await dialog.getByLabel('Post text').fill('Resumed {name}');
  // Stop everything the moment the second video's first subtitle is being associated: like the app
  // quitting, every running job is aborted down to its HTTP request.
  let associations = 0;
  const stopped = new Promise<void>((resolve) => {
    emulator.state.onRequestStart = (route) => {
      if (route === 'v2.subtitles.create' && ++associations === 3) {
        app.router.jobs.cancelAllFor(app.sink.id);
        resolve();
      }
    };
  });
  await dialog.getByRole('button', { name: 'Publish 3 videos' }).click();
  await stopped;
  delete emulator.state.onRequestStart;
  await app.router.jobs.idle();

  await app.reload();
  await runTool(page, 'Batch…');
  dialog = page.getByRole('dialog', { name: 'Batch publish a folder' });
  const unfinished = dialog.getByTestId('unfinished-batch');
  await expect(unfinished).toContainText('1 of 3 done');
  await unfinished.getByRole('button', { name: 'Resume' }).click();
  const progress = dialog.getByTestId('batch-progress');
  await expect(progress.getByRole('heading')).toContainText(
    '3 of 3 finished · 2 published · 1 skipped (already published) · completed',
  );
  // Exactly once: 3 posts, 3 videos with both languages, each video uploaded once.
  expect(emulator.state.posts.map((p) => p.text).sort()).toEqual(['Resumed r1', 'Resumed r2', 'Resumed r3']);
  const videos = [...emulator.state.media.values()].filter(
    (m) => m.category === 'tweet_video' && m.finalized,
  );
  expect(videos.length).toBe(3);
  for (const v of videos) expect([...v.subtitles.keys()].sort()).toEqual(['DE', 'EN']);
});

test('fixes a video X would refuse from the plan table, then publishes from a CSV manifest', async ({
  app,
  emulator,
}) => {
  const d = await folder({
    'intro.mp4': null,
    'intro.en.srt': srt('Hello'),
    'fast.en.srt': srt('Quick'),
    'batch.csv':
      'video,subtitle,language,display_name,post\n' +
      'fast.mp4,fast.en.srt,en,English (CC),Fast clip\n' +
      'intro.mp4,intro.en.srt,en,,\n',
  });
  await generateVideo(join(d, 'fast.mp4'), { duration: 1, fps: 120, width: 160, height: 90 });
  const { page } = app;
  const dialog = await openPlan(app, d);
  const items = dialog.getByTestId('plan-items');
  const fastRow = items.getByRole('row', { name: /fast\.mp4/ });
  await expect(fastRow).toContainText('120 fps');
  await expect(dialog.getByRole('button', { name: 'Publish 1 video' })).toBeEnabled();
  // No Fix where transcoding can't help, or nothing is wrong.
  await expect(items.getByRole('row', { name: /intro\.mp4/ }).getByRole('button')).toHaveCount(0);
  await page.screenshot({ path: shotPath('batch-fix') });
  await expectAxeClean(page, 'batch plan', 'dialog');

  await fastRow.getByRole('button', { name: 'Fix fast: make an X-ready copy' }).click();
  await expect(fastRow).toContainText('→ fast.x.mp4 (X-ready copy)');
  await expect(fastRow).toContainText('ready');
  await expect(dialog.getByRole('button', { name: 'Publish 2 videos' })).toBeEnabled();
  // The copy is the fast video's, not a video of its own.
  await expect(items.getByRole('row')).toHaveCount(3);

  // The manifest replaces the pairing: its display name and post text go with the fast clip.
  app.dialogs.answer('openManifest', join(d, 'batch.csv'));
  await dialog.getByRole('button', { name: 'Use a manifest…' }).click();
  await expect(dialog.getByTestId('batch-folder')).toHaveText('Manifest batch.csv');
  await expect(dialog.getByLabel('Include sub-folders')).toHaveCount(0);
  await expect(items.getByRole('row', { name: /fast\.mp4/ })).toContainText('→ fast.x.mp4');
  await dialog.getByLabel('Post each video').check();
  await expect(items.getByRole('row', { name: /fast\.mp4/ })).toContainText('Post: Fast clip');
  await dialog.getByLabel('Post text').fill('Batch: {name}');
  await page.screenshot({ path: shotPath('batch-manifest') });
  await dialog.getByRole('button', { name: 'Publish 2 videos' }).click();
  const progress = dialog.getByTestId('batch-progress');
  await expect(progress.getByRole('heading')).toContainText('2 of 2 finished · 2 published · completed');
  expect(emulator.state.posts.map((p) => p.text).sort()).toEqual(['Batch: intro', 'Fast clip']);
  const post = emulator.state.posts.find((p) => p.text === 'Fast clip');
  const video = emulator.state.media.get(post?.mediaIds[0] ?? '');
  expect(video?.subtitles.get('EN')?.displayName).toBe('English (CC)');
  expect(video?.totalBytes).toBe((await stat(join(d, 'fast.x.mp4'))).size);
});

/** Publishes once.mp4 with a post X takes but whose answer never arrives; resolves on the failed run. */
async function lostAnswer(app: HarnessApp, emulator: Emulator) {
  const d = await folder({ 'once.mp4': null, 'once.en.srt': srt('Hello') });
  const dialog = await openPlan(app, d);
  await dialog.getByLabel('Post each video').check();
  await dialog.getByLabel('Post text').fill('Once {name}');
  emulator.faults.add({ route: 'v2.tweets.create', action: { kind: 'drop_after' } });
  await dialog.getByRole('button', { name: 'Publish 1 video' }).click();
  const progress = dialog.getByTestId('batch-progress');
  await expect(progress.getByRole('heading')).toContainText('1 failed');
  // The connection dropped: not a question for the user yet, the next run looks on X first.
  await expect(dialog.getByRole('button', { name: /Post anyway/ })).toHaveCount(0);
  return { dialog, progress };
}

test('a post whose answer was lost is found on X by Retry and not sent again', async ({ app, emulator }) => {
  const { dialog, progress } = await lostAnswer(app, emulator);
  const posts = () => emulator.state.posts.filter((p) => p.text === 'Once once');
  expect(posts()).toHaveLength(1);

  await dialog.getByRole('button', { name: 'Retry failed' }).click();
  await expect(progress.getByRole('heading')).toContainText('1 of 1 finished · 1 published · completed');
  const row = progress.getByRole('row', { name: /once\.mp4 published/ });
  await expect(row).toContainText('already on X');
  await expect(row.getByRole('link')).toHaveAttribute(
    'href',
    `https://x.com/i/status/${posts()[0]?.id ?? ''}`,
  );
  await expect(dialog.getByRole('button', { name: /Post anyway/ })).toHaveCount(0);
  await app.page.screenshot({ path: shotPath('batch-post-found') });
  expect(posts()).toHaveLength(1);
  expect(emulator.state.requests.filter((r) => r.route === 'v2.users.tweets')).toHaveLength(1);
  expect(
    emulator.state.requests.filter((r) => r.route === 'v2.subtitles.create' && r.status === 200),
  ).toHaveLength(1);
});

test('when the account’s recent posts can’t settle a lost answer, only "Post anyway" posts again', async ({
  app,
  emulator,
}) => {
  const { dialog, progress } = await lostAnswer(app, emulator);
  const posts = () => emulator.state.posts.filter((p) => p.text === 'Once once');
  // The account posts a full page (100, what one read returns) after the lost post: X can't tell.
  const lost = posts()[0];
  if (!lost) throw new Error('the dropped post did not reach the emulator');
  for (let i = 0; i < 100; i++)
    emulator.state.posts.push({
      id: mintId(emulator.state),
      text: `Meanwhile ${i}`,
      mediaIds: [],
      mediaKeys: [],
      userId: lost.userId,
      at: emulator.state.now(),
    });

  await dialog.getByRole('button', { name: 'Retry failed' }).click();
  await expect(progress.getByRole('row', { name: /once\.mp4 failed/ })).toContainText('may already be on X');
  await app.page.screenshot({ path: shotPath('batch-post-uncertain') });
  expect(posts()).toHaveLength(1);

  await dialog.getByRole('button', { name: 'Post anyway (1)' }).click();
  await expect(progress.getByRole('heading')).toContainText('1 of 1 finished · 1 published · completed');
  expect(posts()).toHaveLength(2);
  expect(
    emulator.state.requests.filter((r) => r.route === 'v2.subtitles.create' && r.status === 200),
  ).toHaveLength(1);
});

test('a folder or manifest dropped on the window, or opened from the File menu, opens the batch view', async ({
  app,
}) => {
  const first = await folder({
    'intro.mp4': null,
    'intro.en.srt': srt('Hello'),
    'outro.mp4': null,
    'outro.en.srt': srt('Bye'),
    'only-intro.csv': 'video,subtitle,language\nintro.mp4,intro.en.srt,en\n',
  });
  const dialog = app.page.getByRole('dialog', { name: 'Batch publish a folder' });
  await app.drop('[data-testid="drop-zone"]', [join(first, 'only-intro.csv')]);
  await expect(dialog.getByTestId('batch-folder')).toHaveText('Manifest only-intro.csv');
  await expect(dialog.getByRole('button', { name: 'Publish 1 video' })).toBeEnabled();
  await app.page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  await app.drop('[data-testid="drop-zone"]', [first]);
  await expect(dialog.getByTestId('batch-folder')).toHaveText('launch-week');
  await expect(dialog.getByRole('button', { name: 'Publish 2 videos' })).toBeEnabled();

  // File → Open Folder for Batch… while the view is open: it switches to that folder.
  const second = join(await folder({}), 'week-two');
  await mkdir(second);
  for (const n of ['a', 'b']) {
    await copyFile(join(first, 'intro.mp4'), join(second, `${n}.mp4`));
    await writeFile(join(second, `${n}.de.srt`), srt('Hallo'));
  }
  const ref = await app.workspace.files.register(second, 'folder');
  await app.emit('files:opened', { source: 'menu', files: [ref] });
  await expect(dialog.getByTestId('batch-folder')).toHaveText('week-two');
  await expect(dialog.getByRole('button', { name: 'Publish 2 videos' })).toBeEnabled();
  // Choosing in the view still works afterwards, and the opened folder does not come back.
  app.dialogs.answer('openFolder', first);
  await dialog.getByRole('button', { name: 'Choose folder…' }).click();
  await expect(dialog.getByTestId('batch-folder')).toHaveText('launch-week');
  await expect(dialog.getByRole('button', { name: 'Publish 2 videos' })).toBeEnabled();
});
