// Timing tools: shift "from this cue onward" in all tracks as one undo step, and frame-rate
// conversion as an edit (25 → 23.976 retimes every cue, not only the frame grid).
import type { Page } from '@playwright/test';
import { expect, test } from '../harness/fixture.ts';
import { editorMedia, openByKeys } from './editor-support.ts';

const rows = (page: Page) => page.getByRole('grid', { name: 'Cues' }).locator('[role="row"].cue');
const ES = [
  '1',
  '00:00:01,000 --> 00:00:03,000',
  'Hola',
  '',
  '2',
  '00:00:04,000 --> 00:00:06,000',
  'Hoy',
  '',
  '3',
  '00:00:06,500 --> 00:00:08,000',
  'Gracias',
  '',
].join('\n');

test('shift from the selected cue onward in all tracks, one undo step', async ({ app }) => {
  const { page } = app;
  const en = await editorMedia();
  const es = await editorMedia('launch.es.srt', ES);
  app.dialogs.answer('openSubtitles', [en.srt, es.srt]);
  await page.keyboard.press('Control+KeyO');
  await expect(page.getByRole('tab', { name: /es/ })).toHaveAttribute('aria-selected', 'true');
  await rows(page).nth(1).click();
  await page.keyboard.press('Control+Shift+KeyA');
  const dlg = page.getByRole('dialog', { name: 'Shift times' });
  await dlg.getByRole('textbox').fill('+1.5');
  await dlg.getByRole('radio', { name: 'From cue 2 onward' }).check();
  await dlg.getByRole('checkbox', { name: /In all tracks/ }).check();
  await dlg.getByRole('button', { name: 'Shift' }).click();
  await expect(rows(page).nth(0)).toContainText('00:00:01.000');
  await expect(rows(page).nth(1)).toContainText('00:00:05.500');
  await expect(rows(page).nth(2)).toContainText('00:00:08.000');
  await page.getByRole('tab', { name: /en/ }).click();
  await expect(rows(page).nth(0)).toContainText('00:00:01.000');
  await expect(rows(page).nth(1)).toContainText('00:00:05.500');
  await page.getByRole('grid', { name: 'Cues' }).focus();
  await page.keyboard.press('Control+KeyZ');
  await expect(rows(page).nth(1)).toContainText('00:00:04.000');
  await page.getByRole('tab', { name: /es/ }).click();
  await expect(rows(page).nth(1)).toContainText('00:00:04.000');
});

test('Convert frame rate 25 → 23.976 retimes every cue, and undo puts them back', async ({ app }) => {
  const { page } = app;
  const m = await editorMedia();
  await openByKeys(app, { srt: m.srt, cues: 3 });
  await app.emit('menu:command', { command: 'convertFrameRate' });
  const dlg = page.getByRole('dialog', { name: 'Convert frame rate' });
  await dlg.getByRole('combobox', { name: 'From' }).selectOption('25');
  await dlg.getByRole('combobox', { name: 'To' }).selectOption('23.976');
  await dlg.getByRole('button', { name: 'Convert' }).click();
  await expect(rows(page).nth(0)).toContainText('00:00:01.043');
  await expect(rows(page).nth(2)).toContainText('00:00:08.342');
  await expect(page.getByRole('combobox', { name: /Frame rate/ })).toHaveValue('23.976');
  await page.getByRole('grid', { name: 'Cues' }).focus();
  await page.keyboard.press('Control+KeyZ');
  await expect(rows(page).nth(0)).toContainText('00:00:01.000');
});

test('two-point sync is a docked panel: the video plays and the keys work while it is open', async ({
  app,
}) => {
  const { page } = app;
  const m = await editorMedia();
  await openByKeys(app, { video: m.video, srt: m.srt, cues: 3 });
  await page.getByRole('grid', { name: 'Cues' }).focus();
  await page.keyboard.press('Control+Shift+KeyT');
  const panel = page.getByRole('dialog', { name: 'Two-point sync' });
  await expect(panel).toBeVisible();
  // The rest of the window stays usable: play from the player, step with the keys in the list.
  await page.getByRole('group', { name: 'Player' }).getByRole('button', { name: 'Play' }).click();
  await expect(
    page.getByRole('group', { name: 'Player' }).getByRole('button', { name: 'Pause' }),
  ).toBeVisible();
  await panel.getByRole('button', { name: 'Pause' }).click();
  await page.getByRole('grid', { name: 'Cues' }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(rows(page).nth(0)).toHaveAttribute('aria-selected', 'true');
  await panel.getByRole('button', { name: 'Use playhead' }).first().click();
  await expect(panel.getByRole('textbox').first()).toHaveValue('00:00:01.000');
  await panel.getByRole('textbox').nth(1).fill('00:00:07.000');
  await panel.getByRole('button', { name: 'Sync' }).click();
  await expect(panel).toHaveCount(0);
  await expect(rows(page).nth(2)).toContainText('00:00:07.000');
});
