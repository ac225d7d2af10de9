// The same flow as editor.e2e.ts with the keyboard only: no clicks anywhere.
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from '../harness/fixture.ts';
import { editorMedia } from './editor-support.ts';

const rows = (page: Page) => page.getByRole('grid', { name: 'Cues' }).locator('[role="row"].cue');
const statusTime = (page: Page) => page.locator('footer.status .mono').first();

test('keyboard only: open, play, select, split, undo/redo, nudge, edit text, save', async ({ app }) => {
  const { page } = app;
  const m = await editorMedia();
  app.dialogs.answer('openVideo', m.video);
  await page.keyboard.press('Control+Shift+KeyO');
  await expect(page.locator('video')).toHaveAttribute('src', /media/);
  app.dialogs.answer('openSubtitles', [m.srt]);
  await page.keyboard.press('Control+KeyO');
  await expect(rows(page)).toHaveCount(3);

  // Tab reaches the cue list.
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if (await page.getByRole('grid', { name: 'Cues' }).evaluate((el) => el === document.activeElement)) break;
  }
  await expect(page.getByRole('grid', { name: 'Cues' })).toBeFocused();

  await page.keyboard.press('Space');
  await expect.poll(async () => (await statusTime(page).textContent()) ?? '').not.toBe('00:00:00.000');
  await page.keyboard.press('Space');

  // ↓ selects the first cue and puts the playhead at its start; → is +1 s.
  await page.keyboard.press('ArrowDown');
  await expect(rows(page).nth(0)).toHaveAttribute('aria-selected', 'true');
  await expect(statusTime(page)).toHaveText('00:00:01.000');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Control+Shift+Enter');
  await expect(rows(page)).toHaveCount(4);
  await page.keyboard.press('Control+KeyZ');
  await expect(rows(page)).toHaveCount(3);
  await page.keyboard.press('Control+KeyY');
  await expect(rows(page)).toHaveCount(4);

  // ↓ goes on from the cue at the playhead to cue 3 ("Today we ship captions"); push its end 100 ms
  // later, then 1 frame (25 fps) earlier: it lands on the frame grid (6.100 → frame 153 − 1 → 6.080).
  await page.keyboard.press('ArrowDown');
  await expect(rows(page).nth(2)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Alt+Shift+Digit4');
  await page.keyboard.press('Alt+Digit3');
  await expect(rows(page).nth(2)).toContainText('00:00:06.080');

  // Enter edits the text; Enter again commits (and moves to the next cue's text); Escape leaves it.
  await page.keyboard.press('Enter');
  const box = page.getByRole('textbox', { name: /Text of cue/ });
  await expect(box).toBeFocused();
  await page.keyboard.press('Control+KeyA');
  await page.keyboard.type('Today we ship');
  await page.keyboard.press('Shift+Enter');
  await page.keyboard.type('real captions');
  await page.keyboard.press('Enter');
  await expect(rows(page).nth(3)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Escape');
  await expect(box).toHaveCount(0);

  await page.keyboard.press('Control+KeyS');
  await expect(page.getByRole('status').filter({ hasText: 'Saved launch.en.srt' })).toBeVisible();
  expect(await readFile(m.srt, 'utf8')).toBe(
    [
      '1',
      // The split left the 2-frame gap the rules ask for (80 ms at 25 fps).
      '00:00:01,000 --> 00:00:01,920',
      'Hello and welcome',
      '',
      '2',
      '00:00:02,000 --> 00:00:03,000',
      'to the launch',
      '',
      '3',
      '00:00:04,000 --> 00:00:06,080',
      'Today we ship',
      'real captions',
      '',
      '4',
      '00:00:06,500 --> 00:00:08,000',
      'Thanks for watching',
      '',
      '',
    ].join('\n'),
  );
});
