import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from '../harness/fixture.ts';
import { editorMedia } from './editor-support.ts';

const rows = (page: Page) => page.getByRole('grid', { name: 'Cues' }).locator('[role="row"].cue');
const statusTime = (page: Page) => page.locator('footer.status .mono').first();

test('open a video and an SRT with the mouse, play, split, undo/redo, edit text, save', async ({ app }) => {
  const { page } = app;
  const m = await editorMedia();
  app.dialogs.answer('openVideo', m.video);
  await page.getByRole('button', { name: 'Open video…' }).first().click();
  await expect(page.locator('video')).toHaveAttribute('src', /\/media\//);
  app.dialogs.answer('openSubtitles', [m.srt]);
  await page.getByRole('button', { name: 'Open subtitles…' }).first().click();
  await expect(rows(page)).toHaveCount(3);
  await expect(page.getByRole('tab', { name: /launch\.en\.srt|English/ })).toBeVisible();

  // Play for a moment, then pause: the playhead moved.
  await page.getByRole('grid', { name: 'Cues' }).focus();
  await page.keyboard.press('Space');
  await expect.poll(async () => (await statusTime(page).textContent()) ?? '').not.toBe('00:00:00.000');
  await page.keyboard.press('Space');

  // Select cue 1 (the playhead goes to its start), move 1 s on, split there.
  await rows(page).nth(0).click();
  await expect(statusTime(page)).toHaveText('00:00:01.000');
  await page.keyboard.press('ArrowRight');
  await expect(statusTime(page)).toHaveText('00:00:02.000');
  await page.getByRole('button', { name: 'Split', exact: true }).click();
  await expect(rows(page)).toHaveCount(4);
  // The first half ends the rules' 2-frame gap (80 ms at 25 fps) before the second starts.
  await expect(rows(page).nth(0)).toContainText('00:00:01.920');
  await expect(rows(page).nth(1)).toContainText('00:00:02.000');

  await page.getByRole('button', { name: /^Undo/ }).click();
  await expect(rows(page)).toHaveCount(3);
  await page.getByRole('button', { name: /^Redo/ }).click();
  await expect(rows(page)).toHaveCount(4);

  // Edit the text of the last cue inline; Shift+Enter breaks the line, Enter commits.
  await rows(page).nth(3).dblclick();
  const box = page.getByRole('textbox', { name: /Text of cue/ });
  await box.fill('Thanks for');
  await box.press('Shift+Enter');
  await box.pressSequentially('watching!');
  await box.press('Enter');
  await expect(rows(page).nth(3)).toContainText('watching!');

  await page.getByRole('button', { name: /^Save/ }).first().click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved launch.en.srt' })).toBeVisible();
  expect(await readFile(m.srt, 'utf8')).toBe(
    [
      '1',
      '00:00:01,000 --> 00:00:01,920',
      'Hello and welcome',
      '',
      '2',
      '00:00:02,000 --> 00:00:03,000',
      'to the launch',
      '',
      '3',
      '00:00:04,000 --> 00:00:06,000',
      'Today we ship captions',
      '',
      '4',
      '00:00:06,500 --> 00:00:08,000',
      'Thanks for',
      'watching!',
      '',
      '',
    ].join('\n'),
  );
});
