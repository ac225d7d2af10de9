// Nothing the user does is lost: a focused time field never writes an old value back over newer
// edits, leaving the inline editor keeps what was typed, undo back to the saved state clears the
// unsaved mark, deleting a track asks and can be undone, and opening another video over open
// captions asks whether they belong to it.
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test, type HarnessApp } from '../harness/fixture.ts';
import { generateVideo } from '../../support/media-fixtures.ts';
import { editorMedia, openByKeys } from './editor-support.ts';

const rows = (page: Page) => page.getByRole('grid', { name: 'Cues' }).locator('[role="row"].cue');

const openSrt = (app: HarnessApp, srt: string): Promise<void> => openByKeys(app, { srt, cues: 3 });

test('a focused End field follows key edits and never writes its old value back', async ({ app }) => {
  const { page } = app;
  const m = await editorMedia();
  await openSrt(app, m.srt);
  await rows(page).nth(1).click();
  const end = page.getByRole('textbox', { name: 'End', exact: true });
  await end.click();
  await page.keyboard.press('Alt+Shift+Digit4');
  await page.keyboard.press('Alt+Shift+Digit4');
  await expect(rows(page).nth(1)).toContainText('00:00:06.200');
  // The field shows the current value while it is not being typed in…
  await expect(end).toHaveValue('00:00:06.200');
  // …and leaving it writes nothing back.
  await rows(page).nth(1).click();
  await expect(rows(page).nth(1)).toContainText('00:00:06.200');
  await expect(page.getByRole('button', { name: /^Undo/ })).toHaveAttribute('title', /Undo/);

  // Typed, then a command chord: the typed value commits first, the command applies on top.
  const start = page.getByRole('textbox', { name: 'Start', exact: true });
  await start.fill('00:00:04.500');
  await page.keyboard.press('Alt+Shift+Digit2');
  await expect(rows(page).nth(1)).toContainText('00:00:04.600');
  await rows(page).nth(1).click();
  await expect(rows(page).nth(1)).toContainText('00:00:04.600');
  await expect(start).toHaveValue('00:00:04.600');
});

test('Escape in the inline editor keeps the typed text; undo takes it back', async ({ app }) => {
  const { page } = app;
  const m = await editorMedia();
  await openSrt(app, m.srt);
  await rows(page).nth(0).dblclick();
  const box = page.getByRole('textbox', { name: /Text of cue/ });
  await page.keyboard.press('End');
  await page.keyboard.insertText(' today');
  await page.keyboard.press('Escape');
  await expect(box).toHaveCount(0);
  await expect(rows(page).nth(0)).toContainText('Hello and welcome to the launch today');
  await page.keyboard.press('Control+KeyZ');
  await expect(rows(page).nth(0)).toContainText('Hello and welcome to the launch');
  await expect(rows(page).nth(0)).not.toContainText('today');
  await page.keyboard.press('Control+KeyY');
  await expect(rows(page).nth(0)).toContainText('launch today');
});

test('undo back to the saved state clears the unsaved mark', async ({ app }) => {
  const { page } = app;
  const m = await editorMedia();
  await openSrt(app, m.srt);
  await expect(page).toHaveTitle('launch.en.srt — Cueline');
  await rows(page).nth(0).click();
  await page.keyboard.press('Alt+Digit2');
  await expect(page).toHaveTitle('● launch.en.srt — Cueline');
  await expect(page.getByRole('tab', { name: /English|en/ })).toContainText('(unsaved)');
  await page.keyboard.press('Control+KeyZ');
  await expect(page).toHaveTitle('launch.en.srt — Cueline');
  await expect(page.getByRole('tab', { name: /English|en/ })).not.toContainText('(unsaved)');
  await page.keyboard.press('Control+KeyY');
  await expect(page).toHaveTitle('● launch.en.srt — Cueline');
});

test('deleting a track asks, and undo brings it back', async ({ app }) => {
  const { page } = app;
  const m = await editorMedia();
  await openSrt(app, m.srt);
  await page.getByRole('button', { name: 'Delete track' }).click();
  const ask = page.getByRole('dialog', { name: 'Delete track' });
  await expect(ask).toContainText('(3 cues)');
  await expect(ask.getByRole('button', { name: 'Delete track' })).toBeFocused();
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(rows(page)).toHaveCount(3);

  await page.getByRole('button', { name: 'Delete track' }).click();
  await page
    .getByRole('dialog', { name: 'Delete track' })
    .getByRole('button', { name: 'Delete track' })
    .click();
  await expect(page.getByRole('tab', { name: /launch|English|en/ })).toHaveCount(0);
  await page.keyboard.press('Control+KeyZ');
  await expect(rows(page)).toHaveCount(3);
  await expect(rows(page).nth(0)).toContainText('Hello and welcome');
});

test('opening another video over open captions asks; cues past its end are flagged', async ({ app }) => {
  const { page } = app;
  const m = await editorMedia();
  const short = await generateVideo(join(m.dir, 'teaser.mp4'), { duration: 5, fps: 25 });
  await openSrt(app, m.srt);
  app.dialogs.answer('openVideo', short);
  await page.keyboard.press('Control+Shift+KeyO');
  const ask = page.getByRole('dialog', { name: 'Open teaser.mp4' });
  await expect(ask).toContainText('belong to teaser.mp4');
  await ask.getByRole('button', { name: 'Keep them with this video' }).click();
  await expect(page.locator('video')).toHaveAttribute('src', /media/);
  await page.getByRole('tab', { name: /Checks/ }).click();
  await expect(
    page.getByRole('button', { name: /cue 2 ends after the video ends \(00:00:05.000\)/ }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: /cue 3 starts after the video ends/ })).toBeVisible();

  // Another video: this time the captions don't belong to it; they have unsaved edits. Closing
  // them asks about the edits: Cancel keeps everything, "Close without saving" lets them go.
  await rows(page).nth(0).click();
  await page.keyboard.press('Alt+Digit2');
  const openLaunchClosingCaptions = async (thenUnsaved: 'Cancel' | 'Close without saving'): Promise<void> => {
    app.dialogs.answer('openVideo', m.video);
    await page.keyboard.press('Control+Shift+KeyO');
    await page
      .getByRole('dialog', { name: 'Open launch.mp4' })
      .getByRole('button', { name: 'Close them' })
      .click();
    await page
      .getByRole('dialog', { name: 'Unsaved captions' })
      .getByRole('button', { name: thenUnsaved })
      .click();
  };
  await openLaunchClosingCaptions('Cancel');
  await expect(rows(page)).toHaveCount(3);
  await openLaunchClosingCaptions('Close without saving');
  await expect(rows(page)).toHaveCount(0);
  await expect(page).toHaveTitle('launch.mp4 — Cueline');
});

test('a video and its subtitles opened together are never asked about, whatever their order', async ({
  app,
}) => {
  const { page } = app;
  const m = await editorMedia();
  await app.drop('[data-testid="drop-zone"]', [m.srt, m.video]);
  await expect(page.locator('video')).toHaveAttribute('src', /media/);
  await expect(rows(page)).toHaveCount(3);
  await expect(page.getByRole('dialog')).toHaveCount(0);
});
