// Tracks and preferences: add a translation track with the source's timing, translate cue by cue,
// save it; rebind a shortcut and use it; the rule preset is remembered for the project.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../harness/fixture.ts';
import { openSampleSubtitles } from './editor-support.ts';

const rows = (page: Page) => page.getByRole('grid', { name: 'Cues' }).locator('[role="row"].cue');

test('add a Spanish track with shared timing, translate two cues, save it as its own file', async ({
  app,
}) => {
  const { page } = app;
  const m = await openSampleSubtitles(app);

  await page.getByRole('button', { name: '+ Track' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a track' });
  await dialog.getByRole('textbox', { name: /Language/ }).fill('es');
  await dialog.getByRole('textbox', { name: 'Label' }).fill('Español');
  await dialog
    .getByRole('combobox', { name: 'Timing' })
    .selectOption({ label: 'Copy the timing of English (translate it)' });
  await dialog.getByRole('button', { name: 'Add track' }).click();

  const view = page.getByRole('group', { name: 'Translation' });
  await expect(view).toBeVisible();
  await view.getByRole('textbox', { name: /Translation of cue 1/ }).fill('Hola y bienvenidos');
  await view.getByRole('textbox', { name: /Translation of cue 2/ }).fill('Hoy publicamos subtítulos');
  await view.getByRole('textbox', { name: /Translation of cue 3/ }).focus();
  await expect(page.getByRole('tab', { name: /Español.*unsaved/ })).toBeVisible();

  const out = join(m.dir, 'launch.es.srt');
  app.dialogs.answer('saveSubtitles', out);
  await page.keyboard.press('Control+KeyS');
  await expect(page.getByRole('status').filter({ hasText: 'Saved launch.es.srt' })).toBeVisible();
  expect(app.dialogs.shown.at(-1)?.suggestedName).toBe('launch.es.srt');
  expect(await readFile(out, 'utf8')).toBe(
    '1\n00:00:01,000 --> 00:00:03,000\nHola y bienvenidos\n\n2\n00:00:04,000 --> 00:00:06,000\nHoy publicamos subtítulos\n\n3\n00:00:06,500 --> 00:00:08,000\n\n',
  );
  // The English file is untouched.
  expect(await readFile(m.srt, 'utf8')).toContain('Hello and welcome to the launch');
});

test('a rebound shortcut works and is kept in settings; the rule preset is per project', async ({ app }) => {
  const { page } = app;
  await openSampleSubtitles(app);

  await page.keyboard.press('F1');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await sheet.getByRole('button', { name: 'Change the keys for Merge with the next cue' }).click();
  await page.keyboard.press('Control+Alt+KeyJ');
  await expect(sheet.getByRole('row', { name: /Merge with the next cue/ })).toContainText('Ctrl+Alt+J');
  await page.keyboard.press('Escape');
  await expect(sheet).toHaveCount(0);

  await rows(page).nth(1).click();
  await page.keyboard.press('Control+Alt+KeyJ');
  await expect(rows(page)).toHaveCount(2);
  await expect(rows(page).nth(1)).toContainText('Today we ship captions');
  await expect(rows(page).nth(1)).toContainText('Thanks for watching');
  await expect
    .poll(
      async () =>
        ((await app.workspace.settings.get()).editor['keymap'] as Record<string, string[]>)?.[
          'mergeWithNext'
        ],
    )
    .toEqual(['Ctrl+Alt+J']);

  await page.getByRole('tab', { name: /Checks/ }).click();
  await page.getByRole('combobox', { name: 'Rules' }).selectOption('dcmp');
  await expect(page.getByText('32 chars/line')).toBeVisible();
  await expect
    .poll(
      async () =>
        ((await app.workspace.settings.get()).editor['projectPresets'] as Record<string, string>)?.[
          'launch.en.srt'
        ],
    )
    .toBe('dcmp');

  // The shot-change snapping offsets are settings too.
  await page.getByText('Snapping to shot changes').click();
  await page.getByRole('spinbutton', { name: /start this many frames after a cut/ }).fill('8');
  await page.getByRole('spinbutton', { name: /start this many frames after a cut/ }).press('Enter');
  await expect
    .poll(
      async () =>
        ((await app.workspace.settings.get()).editor['snap'] as Record<string, number>)?.[
          'shotStartWithinFrames'
        ],
    )
    .toBe(8);
});
