// Crash recovery: unsaved edits are autosaved to the user-data folder; after the page dies the
// next start offers them back.
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from '../harness/fixture.ts';
import { openSampleSubtitles } from './editor-support.ts';

const rows = (page: Page) => page.getByRole('grid', { name: 'Cues' }).locator('[role="row"].cue');

test('edit, kill the page, reopen: recovery is offered and brings the edits back', async ({ app }) => {
  const { page } = app;
  const m = await openSampleSubtitles(app);
  await rows(page).nth(1).dblclick();
  await page.getByRole('textbox', { name: /Text of cue/ }).fill('Today we ship recovered captions');
  await page.keyboard.press('Enter'); // commit, and edit the next cue…
  await page.keyboard.press('Escape'); // …which is left as it was
  await rows(page).nth(2).click();
  await page.keyboard.press('Delete');
  await expect(rows(page)).toHaveCount(2);

  // The autosave lands in the user-data folder shortly after the edit.
  await expect.poll(async () => (await app.workspace.autosave.list()).length).toBe(1);
  const [entry] = await app.workspace.autosave.list();
  expect(entry?.title).toBe('launch.en.srt');

  // "Crash": the page goes away without saving. Leaving with unsaved edits asks first (the
  // beforeunload prompt); the test answers "leave".
  const prompts: string[] = [];
  page.on('dialog', (d) => {
    prompts.push(d.type());
    void d.accept();
  });
  await app.reload();
  expect(prompts).toEqual(['beforeunload']);
  const banner = page.getByRole('region', { name: /Unsaved work was found/ });
  await expect(banner).toBeVisible();
  await expect(banner.getByRole('button', { name: 'Recover' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(banner).toHaveCount(0);
  await expect(rows(page)).toHaveCount(2);
  await expect(rows(page).nth(1)).toContainText('Today we ship recovered captions');
  await expect(page.getByRole('tab', { name: /unsaved/ })).toBeVisible();

  // Saving writes the recovered document and clears the autosave.
  await page.keyboard.press('Control+KeyS');
  await expect(page.getByRole('status').filter({ hasText: 'Saved launch.en.srt' })).toBeVisible();
  expect(await readFile(m.srt, 'utf8')).toBe(
    '1\n00:00:01,000 --> 00:00:03,000\nHello and welcome to the launch\n\n2\n00:00:04,000 --> 00:00:06,000\nToday we ship recovered captions\n\n',
  );
  await expect.poll(async () => (await app.workspace.autosave.list()).length).toBe(0);
});

test('discarding the offered recovery removes the autosave', async ({ app }) => {
  const { page } = app;
  await app.workspace.autosave.write('doc-old', 'old.srt', {
    version: 1,
    video: null,
    activeKey: 'k1',
    tracks: [
      {
        key: 'k1',
        track: { language: 'en', label: 'English', cues: [{ id: '1', start: 0, end: 1000, text: 'old' }] },
        source: {
          fileId: null,
          fileName: 'old.srt',
          format: 'srt',
          encoding: 'utf-8',
          encodingConfidence: 1,
        },
        dirty: true,
      },
    ],
  });
  await app.reload();
  const banner = page.getByRole('region', { name: /Unsaved work was found/ });
  await expect(banner).toContainText('old.srt');
  await banner.getByRole('button', { name: 'Discard' }).click();
  await expect(banner).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Cueline' })).toBeVisible();
  expect(await app.workspace.autosave.list()).toEqual([]);
});
