// "On X", per video, in the Publish dialog: the real router, publishing engine and journals against
// the X emulator. A video published in two languages is one entry with its media id, each language
// as X names it and the post; Replace keeps the language it replaces; Remove asks first, naming the
// language and the video.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator } from '@playwright/test';
import type { HarnessApp } from '../harness/fixture.ts';
import { expectAxeSpotless } from '../harness/axe.ts';
import { shotsAtSizes } from '../harness/screenshots.ts';
import { editorMedia } from './editor-support.ts';
import { expect, test } from './x-test.ts';

const ES =
  '1\n00:00:01,000 --> 00:00:03,000\nHola y bienvenidos\n\n2\n00:00:04,000 --> 00:00:06,000\nPublicamos hoy\n';

/** Opens the sample video with English and Spanish captions and publishes both with a post. */
async function publishTwoLanguages(app: HarnessApp): Promise<{ dialog: Locator; videoId: string }> {
  const m = await editorMedia();
  const es = join(m.dir, 'launch.es.srt');
  await writeFile(es, ES);
  const { page } = app;
  app.dialogs.answer('openVideo', m.video);
  await page.getByRole('button', { name: 'Open video…' }).first().click();
  await expect(page.locator('video')).toHaveAttribute('src', /\/media\//);
  app.dialogs.answer('openSubtitles', [m.srt, es]);
  await page.getByRole('button', { name: 'Open subtitles…' }).first().click();
  await expect(page.getByRole('tab', { name: /es|Spanish|Español/i }).first()).toBeVisible();
  await page.getByRole('button', { name: 'Publish…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Publish to X' });
  await dialog.getByLabel('Post text').fill('Launch day');
  await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(dialog.getByTestId('publish-result')).toBeVisible();
  const videoId = (await dialog.getByTestId('video-media-id').textContent()) ?? '';
  await dialog.getByRole('tab', { name: /History|On X/ }).click();
  return { dialog, videoId };
}

const focusedText = (app: HarnessApp): Promise<string> =>
  app.page.evaluate(() =>
    document.activeElement === document.body ? '<body>' : (document.activeElement?.textContent ?? '').trim(),
  );

test('lists a video published in two languages once, with its languages as X names them; Replace ES keeps ES', async ({
  app,
  emulator,
}) => {
  const { dialog, videoId } = await publishTwoLanguages(app);
  const { page } = app;
  const onX = emulator.state.media.get(videoId)?.subtitles;
  const card = dialog.getByTestId('onx-video');
  await expect(card).toHaveCount(1);
  await expect(card.getByRole('heading', { name: 'launch.mp4' })).toBeVisible();
  await expect(card.getByTestId('onx-media-id')).toHaveText(videoId);
  const post = emulator.state.posts.find((p) => p.mediaIds[0] === videoId);
  await expect(card.getByTestId('onx-post')).toHaveAttribute(
    'href',
    `https://x.com/i/status/${post?.id ?? '?'}`,
  );
  const rows = card.getByTestId('onx-language');
  await expect(rows).toHaveCount(2);
  // Each language under the name X was given for it (what viewers see in X's player).
  await expect(rows.nth(0)).toContainText(`EN${onX?.get('EN')?.displayName ?? '?'}`);
  await expect(rows.nth(1)).toContainText(`ES${onX?.get('ES')?.displayName ?? '?'}`);

  // The README's picture is the 1280 one (npm run screenshots).
  await shotsAtSizes(page, 'on-x');
  await expectAxeSpotless(page, 'On X', 'dialog');

  // Replace ES offers the open Spanish track, never the English one.
  const es = rows.filter({ hasText: 'ES' });
  const picker = es.getByRole('combobox');
  await expect(picker.locator('option')).toHaveCount(1);
  await expect(picker.locator('option:checked')).toHaveText(/\bes\b/);
  const before = onX?.get('ES')?.id;
  await es.getByRole('button', { name: 'Replace ES' }).click();
  await expect(dialog.getByTestId('onx-message')).toHaveText(
    /^Replaced the .* \(ES\) captions of launch\.mp4\.$/,
  );
  const after = emulator.state.media.get(videoId)?.subtitles;
  expect([...(after?.keys() ?? [])].sort()).toEqual(['EN', 'ES']);
  expect(after?.get('ES')?.id).not.toBe(before);
  expect(emulator.state.media.get(after?.get('ES')?.id ?? '')?.chunks?.toString()).toContain(
    'Hola y bienvenidos',
  );
  expect(emulator.state.media.get(after?.get('EN')?.id ?? '')?.chunks?.toString()).not.toContain('Hola');
  // Still one entry for the video, ES on it; focus stays on the Replace button, not the page.
  await expect(card).toHaveCount(1);
  await expect(rows).toHaveCount(2);
  await expect.poll(() => focusedText(app)).toBe('Replace ES');
});

test('Remove asks, naming the language and the video; keeping them sends nothing', async ({
  app,
  emulator,
}) => {
  const { dialog, videoId } = await publishTwoLanguages(app);
  const { page } = app;
  const card = dialog.getByTestId('onx-video');
  const es = card.getByTestId('onx-language').filter({ hasText: 'ES' });
  const deletes = () => emulator.state.requests.filter((r) => r.route === 'v2.subtitles.delete');

  await es.getByRole('button', { name: 'Remove ES…' }).click();
  const confirm = page.getByRole('dialog', { name: /^Remove .* captions\?$/ });
  await expect(confirm).toContainText('(ES) captions from launch.mp4');
  await expect(confirm).toContainText(videoId);
  await shotsAtSizes(page, 'on-x-remove');
  await expectAxeSpotless(page, 'Remove captions question', 'dialog[open]:last-of-type');
  await confirm.getByRole('button', { name: 'Keep them' }).click();
  await expect(confirm).toBeHidden();
  expect(deletes()).toEqual([]);
  await expect.poll(() => focusedText(app)).toBe('Remove ES…');

  await es.getByRole('button', { name: 'Remove ES…' }).click();
  await page
    .getByRole('dialog', { name: /^Remove .* captions\?$/ })
    .getByRole('button', { name: 'Remove ES' })
    .click();
  await expect(dialog.getByTestId('onx-message')).toHaveText(
    /^Removed the .* \(ES\) captions from launch\.mp4\.$/,
  );
  expect(deletes().map((r) => r.status)).toEqual([200]);
  expect([...(emulator.state.media.get(videoId)?.subtitles.keys() ?? [])]).toEqual(['EN']);
  await expect(card.getByTestId('onx-language')).toHaveCount(1);
  await expect(card).toContainText('Removed: ES');
  // The row went away with the focused button: focus lands on the video's heading, not the page.
  await expect.poll(() => focusedText(app)).toBe('launch.mp4');

  // Add it back from the open tracks.
  await card.getByRole('button', { name: 'Add a language' }).click();
  await expect(dialog.getByTestId('onx-message')).toHaveText(/^Added .* to launch\.mp4\.$/);
  expect([...(emulator.state.media.get(videoId)?.subtitles.keys() ?? [])].sort()).toEqual(['EN', 'ES']);
  await expect(card.getByTestId('onx-language')).toHaveCount(2);
});
