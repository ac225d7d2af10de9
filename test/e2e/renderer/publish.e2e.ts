// The Publish dialog and its History tab in the renderer harness: the real router, publishing
// engine and AuthService (tokens in the real keychain) against the X emulator (real HTTP on 127.0.0.1).
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { HarnessApp } from '../harness/fixture.ts';
import { expectAxeClean } from '../harness/axe.ts';
import { shotPath } from '../harness/screenshots.ts';
import { generateVideo } from '../../support/media-fixtures.ts';
import { editorMedia } from './editor-support.ts';
import { pinOf } from './accounts-support.ts';
import { expect, test } from './x-test.ts';

const FR =
  '1\n00:00:01,000 --> 00:00:03,000\nBonjour et bienvenue\n\n2\n00:00:04,000 --> 00:00:06,000\nNous publions\n';

async function openDocument(app: HarnessApp): Promise<void> {
  const m = await editorMedia();
  const fr = join(m.dir, 'launch.fr.srt');
  await writeFile(fr, FR);
  const { page } = app;
  app.dialogs.answer('openVideo', m.video);
  await page.getByRole('button', { name: 'Open video…' }).first().click();
  // As a user does: the video is open before the captions are (opening captions while the video
  // is still opening asks whether they belong to it).
  await expect(page.locator('video')).toHaveAttribute('src', /\/media\//);
  app.dialogs.answer('openSubtitles', [m.srt, fr]);
  await page.getByRole('button', { name: 'Open subtitles…' }).first().click();
  await expect(page.getByRole('tab', { name: /fr|French/i }).first()).toBeVisible();
}

/** Opens a video with English and French captions, then the Publish dialog. */
async function openPublish(app: HarnessApp) {
  await openDocument(app);
  await app.page.getByRole('button', { name: 'Publish…' }).click();
  return app.page.getByRole('dialog', { name: 'Publish to X' });
}

test('publishes the open video with two languages and a post', async ({ app, emulator }) => {
  const dialog = await openPublish(app);
  const { page } = app;
  await expect(dialog.getByTestId('video-ok')).toHaveText('Within X’s limits.');
  // The generated video is Constrained Baseline: X recommends High (a warning, not a blocker).
  await expect(dialog.getByRole('region', { name: 'Video check' })).toContainText('X recommends High');
  await dialog.getByLabel('Post text').fill('Launch day 🚀 https://example.com/launch');
  await expect(dialog.getByTestId('post-count')).toHaveText('37 / 280');
  await expect(dialog.getByRole('cell', { name: 'EN', exact: true })).toBeVisible();
  await expect(dialog.getByRole('cell', { name: 'FR', exact: true })).toBeVisible();
  await expect(dialog.getByText('The post text is empty.')).toBeHidden();
  await page.screenshot({ path: shotPath('publish-dialog') });
  await expectAxeClean(page, 'publish dialog', 'dialog');

  await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
  const result = dialog.getByTestId('publish-result');
  await expect(result).toBeVisible();
  const videoId = (await dialog.getByTestId('video-media-id').textContent()) ?? '';
  const video = emulator.state.media.get(videoId);
  expect([...(video?.subtitles.keys() ?? [])].sort()).toEqual(['EN', 'FR']);
  const post = emulator.state.posts.find((p) => p.mediaIds[0] === videoId);
  expect(post?.text).toBe('Launch day 🚀 https://example.com/launch');
  await expect(result.getByRole('link')).toHaveAttribute('href', `https://x.com/i/status/${post?.id ?? ''}`);
  await page.screenshot({ path: shotPath('publish-done') });
  expect(app.cspViolations).toEqual([]);
});

test('attaches after posting by pasted media id; On X lists the video once with both languages', async ({
  app,
  emulator,
}) => {
  const dialog = await openPublish(app);
  const { page } = app;
  // First only English, without a post.
  await dialog.getByLabel('Don’t post').check();
  await dialog.getByRole('checkbox', { name: 'Send French' }).uncheck();
  await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(dialog.getByTestId('publish-result')).toBeVisible();
  const videoId = (await dialog.getByTestId('video-media-id').textContent()) ?? '';
  expect([...(emulator.state.media.get(videoId)?.subtitles.keys() ?? [])]).toEqual(['EN']);
  expect(emulator.state.posts).toEqual([]);
  // The steps and result gave way to the form again.
  await dialog.getByRole('button', { name: 'Done' }).click();

  // The after-posting flow: paste the id, send French only.
  await dialog.getByLabel('Attach to a video already on X').check();
  await dialog.getByLabel('Video media id').fill(videoId);
  await dialog.getByRole('checkbox', { name: 'Send French' }).check();
  await dialog.getByRole('checkbox', { name: 'Send English' }).uncheck();
  await dialog.getByRole('button', { name: 'Attach captions' }).click();
  await expect(dialog.getByTestId('publish-result')).toContainText('not posted');
  expect([...(emulator.state.media.get(videoId)?.subtitles.keys() ?? [])].sort()).toEqual(['EN', 'FR']);

  // On X (the dialog's second tab): one entry for the video with both languages, whichever job
  // put them there (onx-view.e2e.ts covers Replace and Remove).
  await dialog.getByRole('tab', { name: /History|On X/ }).click();
  const entry = dialog.getByTestId('onx-video').filter({ hasText: 'launch.mp4' });
  await expect(entry).toHaveCount(1);
  await expect(entry.getByTestId('onx-media-id')).toHaveText(videoId);
  await expect(entry.getByTestId('onx-language')).toHaveCount(2);
  await page.screenshot({ path: shotPath('publish-history') });
});

test('fixes a video X would refuse through the pre-flight, then publishes the fixed copy', async ({
  app,
  emulator,
}) => {
  // Captions that fit the 2 s clip (the engine refuses a cue starting after the video's end).
  const m = await editorMedia(
    'fast.en.srt',
    '1\n00:00:00,200 --> 00:00:01,000\nHello and welcome\n\n2\n00:00:01,100 --> 00:00:01,900\nto the launch\n',
  );
  const fast = await generateVideo(join(m.dir, 'fast.mp4'), {
    duration: 2,
    fps: 120,
    width: 320,
    height: 180,
  });
  const { page } = app;
  app.dialogs.answer('openVideo', fast);
  await page.getByRole('button', { name: 'Open video…' }).first().click();
  app.dialogs.answer('openSubtitles', [m.srt]);
  await page.getByRole('button', { name: 'Open subtitles…' }).first().click();
  await expect(page.getByRole('tab', { name: /English/ }).first()).toBeVisible();
  await page.getByRole('button', { name: 'Publish…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Publish to X' });
  const check = dialog.getByRole('region', { name: 'Video check' });
  await expect(check).toContainText('120 fps');
  await dialog.getByLabel('Don’t post').check();
  await expect(dialog.getByRole('button', { name: 'Publish', exact: true })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Fix: make an X-ready copy' }).click();
  await expect(check.getByRole('heading')).toHaveText('Video: fast.x.mp4');
  await expect(dialog.getByTestId('video-ok')).toBeVisible();
  await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(dialog.getByTestId('publish-result')).toBeVisible();
  const videoId = (await dialog.getByTestId('video-media-id').textContent()) ?? '';
  expect([...(emulator.state.media.get(videoId)?.subtitles.keys() ?? [])]).toEqual(['EN']);
});

test.describe('with no X account signed in', () => {
  test.use({ signedIn: false });

  test('signs in from the Publish dialog and publishes with the new account', async ({
    app,
    world,
    emulator,
  }) => {
    const dialog = await openPublish(app);
    const { page } = app;
    await expect(dialog.getByTestId('no-account')).toContainText('No X account is signed in');
    await dialog.getByLabel('Don’t post').check();
    await expect(dialog.getByTestId('video-ok')).toBeVisible();
    await expect(dialog.getByText('Sign in to an X account to publish.')).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Publish', exact: true })).toBeDisabled();
    await page.screenshot({ path: shotPath('publish-sign-in') });
    await expectAxeClean(page, 'publish dialog, no account', 'dialog');

    // OAuth 1.0a with a PIN, as a user does: X's page shows the PIN, the user types it.
    await dialog.getByRole('button', { name: 'Sign in to X…' }).click();
    const accounts = page.getByRole('dialog', { name: 'X accounts' });
    await expect(accounts.getByRole('heading', { name: 'Add an account' })).toBeFocused();
    await accounts.getByLabel('With a PIN (OAuth 1.0a)').check();
    await accounts.getByRole('button', { name: 'Get a PIN from X…' }).click();
    await expect(accounts.getByLabel('PIN shown by X')).toBeFocused();
    await page.keyboard.type(pinOf(await world.browser.lastPage()));
    await page.keyboard.press('Enter');
    await expect(accounts).toBeHidden();

    // Back in the Publish dialog with the new account chosen.
    const [signedIn] = await world.auth.listAccounts();
    expect(signedIn).toMatchObject({ handle: 'cueline_test', method: 'oauth1', isDefault: true });
    await expect(dialog.getByTestId('no-account')).toBeHidden();
    await expect(dialog.getByLabel('Publish as')).toHaveValue(signedIn?.accountId ?? '');
    // The sign-in button is gone: the focus is on the picker showing the new account.
    await expect(dialog.getByLabel('Publish as')).toBeFocused();
    await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
    await expect(dialog.getByTestId('publish-result')).toBeVisible();
    const videoId = (await dialog.getByTestId('video-media-id').textContent()) ?? '';
    expect([...(emulator.state.media.get(videoId)?.subtitles.keys() ?? [])].sort()).toEqual(['EN', 'FR']);
    // Signed with the tokens just put in the keychain: before the sign-in there were none to sign with.
    expect(emulator.state.violations).toEqual([]);
    expect(app.cspViolations).toEqual([]);
  });
});
