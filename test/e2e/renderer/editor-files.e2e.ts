// Files in the editor: drag and drop of a video with its subtitles, the detected encoding shown and
// one change of it re-opening the file, Save As into another format, and the recent list.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../harness/fixture.ts';
import { editorMedia, openSampleSubtitles } from './editor-support.ts';

const rows = (page: Page) => page.getByRole('grid', { name: 'Cues' }).locator('[role="row"].cue');

test('drop a video and an SRT on the window: both open', async ({ app }) => {
  const { page } = app;
  const m = await editorMedia();
  await app.drop('[data-testid="drop-zone"]', [m.video, m.srt]);
  await expect(page.locator('video')).toHaveAttribute('src', /\/media\//);
  await expect(rows(page)).toHaveCount(3);
  await expect(page.getByRole('tab', { name: /English/ })).toBeVisible();
});

test('the detected encoding is shown and picking another re-opens the file in it; Save As VTT', async ({
  app,
}) => {
  const { page } = app;
  const m = await editorMedia();
  const legacy = join(m.dir, 'legacy.fr.srt');
  // "Café" with é as the single byte 0xE9: not UTF-8, detected as a Latin encoding.
  await writeFile(
    legacy,
    Buffer.concat([
      Buffer.from('1\r\n00:00:01,000 --> 00:00:02,500\r\nCaf'),
      Buffer.from([0xe9]),
      Buffer.from('\r\n'),
    ]),
  );
  app.dialogs.answer('openSubtitles', [legacy]);
  await page.getByRole('button', { name: 'Open subtitles…' }).first().click();
  await expect(rows(page).first()).toContainText('Café');
  const encoding = page.getByRole('combobox', { name: 'Encoding' });
  await expect(encoding).toHaveValue(/^(windows-1252|iso-8859-\d+)$/);
  await encoding.selectOption('windows-1251');
  await expect(rows(page).first()).toContainText('Cafй');
  await expect(encoding).toHaveValue('windows-1251');

  const out = join(m.dir, 'legacy.fr.vtt');
  // Picking WebVTT as the format saves a copy in it (Save As, with the .vtt name suggested).
  app.dialogs.answer('saveSubtitles', out);
  await page.getByRole('combobox', { name: 'Format' }).selectOption('vtt');
  await expect(page.getByRole('status').filter({ hasText: 'Saved legacy.fr.vtt' })).toBeVisible();
  expect(app.dialogs.shown.at(-1)).toEqual({ kind: 'saveSubtitles', suggestedName: 'legacy.fr.vtt' });
  await expect(page.getByRole('combobox', { name: 'Format' })).toHaveValue('vtt');
  // The copy keeps the encoding the track is in (windows-1251, as the user picked): й is one byte.
  const saved = await readFile(out);
  expect(new TextDecoder('windows-1251').decode(saved)).toBe(
    'WEBVTT\n\n00:00:01.000 --> 00:00:02.500\nCafй\n\n',
  );
  expect(saved.length).toBe('WEBVTT\n\n00:00:01.000 --> 00:00:02.500\nCafй\n\n'.length);
});

test('recent files are offered on the empty window', async ({ app }) => {
  const { page } = app;
  await openSampleSubtitles(app);
  // Nothing was edited, so nothing to recover: a fresh window lists the file; one click opens it.
  await app.reload();
  await page
    .getByRole('region', { name: 'Recent' })
    .getByRole('button', { name: /launch\.en\.srt/ })
    .click();
  await expect(rows(page)).toHaveCount(3);
});

test('Save As asks for the format and encoding first, the track’s own by default', async ({ app }) => {
  const { page } = app;
  const m = await editorMedia();
  const legacy = join(m.dir, 'cafe.fr.srt');
  await writeFile(
    legacy,
    Buffer.concat([
      Buffer.from('1\r\n00:00:01,000 --> 00:00:02,500\r\nCaf'),
      Buffer.from([0xe9]),
      Buffer.from(' au lait\r\n'),
    ]),
  );
  app.dialogs.answer('openSubtitles', [legacy]);
  await page.getByRole('button', { name: 'Open subtitles…' }).first().click();
  await expect(rows(page).first()).toContainText('Café au lait');
  const detected = await page.getByRole('combobox', { name: 'Encoding' }).inputValue();

  await page.getByRole('button', { name: 'Save as…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save as' });
  await expect(dialog.getByRole('combobox', { name: 'Encoding' })).toHaveValue(detected);
  await expect(dialog.getByRole('combobox', { name: 'Format' })).toHaveValue('srt');
  await dialog.getByRole('combobox', { name: 'Format' }).selectOption('vtt');
  await dialog.getByRole('combobox', { name: 'Encoding' }).selectOption('utf-8');
  const out = join(m.dir, 'cafe.fr.vtt');
  app.dialogs.answer('saveSubtitles', out);
  await dialog.getByRole('button', { name: 'Choose where…' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved cafe.fr.vtt' })).toBeVisible();
  expect(app.dialogs.shown.at(-1)).toEqual({ kind: 'saveSubtitles', suggestedName: 'cafe.fr.vtt' });
  expect(await readFile(out, 'utf8')).toBe('WEBVTT\n\n00:00:01.000 --> 00:00:02.500\nCafé au lait\n\n');
  await expect(page.getByRole('combobox', { name: 'Encoding' })).toHaveValue('utf-8');
});
