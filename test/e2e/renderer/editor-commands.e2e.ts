// The command table seen from the menu: every menu item does something (File → Export…, Help →
// About), and undo inside a text field is the field's own, not the document's.
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../harness/fixture.ts';
import { shotPath } from '../harness/screenshots.ts';
import { editorMedia, openByKeys } from './editor-support.ts';

const rows = (page: Page) => page.getByRole('grid', { name: 'Cues' }).locator('[role="row"].cue');

/** The tool on PATH, by its absolute path. */
const onPath = (name: string): string =>
  (process.env['PATH'] ?? '')
    .split(delimiter)
    .map((d) => join(d, name))
    .find((p) => existsSync(p)) ?? name;

test('File → Export… writes a copy in another format; the track keeps its file', async ({ app }) => {
  const { page } = app;
  const m = await editorMedia();
  await openByKeys(app, { srt: m.srt, cues: 3 });

  await app.emit('menu:command', { command: 'export' });
  const dlg = page.getByRole('dialog', { name: 'Export a copy' });
  // The dialog focuses its first field, not its Close button.
  await expect(dlg.getByRole('combobox', { name: 'Format' })).toBeFocused();
  await dlg.getByRole('combobox', { name: 'Format' }).selectOption('vtt');
  const out = join(m.dir, 'launch.en.vtt');
  app.dialogs.answer('saveSubtitles', out);
  await dlg.getByRole('button', { name: 'Choose where…' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Exported launch.en.vtt' })).toBeVisible();
  expect(await readFile(out, 'utf8')).toMatch(/^WEBVTT[\s\S]*00:00:01\.000 --> 00:00:03\.000/);
  expect(app.dialogs.shown.at(-1)).toEqual({ kind: 'saveSubtitles', suggestedName: 'launch.en.vtt' });
  // Saving again writes the SRT it was opened from, without asking where.
  await rows(page).nth(0).click();
  await page.keyboard.press('Delete');
  await page.keyboard.press('Control+KeyS');
  await expect(page.getByRole('status').filter({ hasText: 'Saved launch.en.srt' })).toBeVisible();
  expect(await readFile(m.srt, 'utf8')).not.toContain('Hello and welcome');
});

test('Help → About shows the version and which ffmpeg and ffprobe run', async ({ app }) => {
  const { page } = app;
  await app.emit('menu:command', { command: 'about' });
  const dlg = page.getByRole('dialog', { name: 'About Cueline' });
  await expect(dlg).toContainText(/Cueline \d+\.\d+\.\d+/);
  await expect(dlg).toContainText(/ffmpeg\s*ffmpeg version \S+ \(PATH: ffmpeg\)/);
  await expect(dlg).toContainText(/ffprobe\s*ffprobe version \S+ \(PATH: ffprobe\)/);
  await page.screenshot({ path: shotPath('about') });
  await dlg.getByRole('button', { name: 'Close', exact: true }).last().click();
  await expect(dlg).toHaveCount(0);
});

test('the ffmpeg/ffprobe setting in About: a bad path is refused on its field, a good one kept', async ({
  app,
}) => {
  const { page } = app;
  await app.emit('menu:command', { command: 'about' });
  const dlg = page.getByRole('dialog', { name: 'About Cueline' });
  const ffmpeg = dlg.getByRole('textbox', { name: 'ffmpeg path' });
  const ffprobe = dlg.getByRole('textbox', { name: 'ffprobe path' });
  const save = dlg.getByRole('button', { name: 'Save media tools' });
  await ffprobe.fill('/nowhere/ffprobe');
  await save.click();
  await expect(dlg.getByRole('alert')).toHaveText('ffprobe setting /nowhere/ffprobe: no such file');
  await expect(ffprobe).toBeFocused();
  await expect(ffprobe).toHaveAttribute('aria-invalid', 'true');
  expect((await app.workspace.settings.get()).ffprobePath).toBeUndefined();

  // The ffmpeg on PATH, by its absolute path.
  await ffmpeg.fill(onPath('ffmpeg'));
  await ffprobe.fill(onPath('ffprobe'));
  await save.click();
  await expect(dlg.getByRole('status')).toHaveText('Media tools saved.');
  await expect(save).toBeFocused();
  expect(await app.workspace.settings.get()).toMatchObject({
    ffmpegPath: onPath('ffmpeg'),
    ffprobePath: onPath('ffprobe'),
  });
  await page.screenshot({ path: shotPath('about-media-tools') });
});

test('the media tools form keeps what is typed before the saved paths arrive, and Save sends those back', async ({
  app,
}) => {
  const { page } = app;
  await app.workspace.settings.set({ ffmpegPath: onPath('ffmpeg') });
  // The saved paths arrive only after ffprobe's path is typed and Save is clicked.
  let release = (): void => {};
  app.hold('settings:get', new Promise<void>((r) => (release = r)));
  await app.emit('menu:command', { command: 'about' });
  const dlg = page.getByRole('dialog', { name: 'About Cueline' });
  const ffmpeg = dlg.getByRole('textbox', { name: 'ffmpeg path' });
  const ffprobe = dlg.getByRole('textbox', { name: 'ffprobe path' });
  await ffprobe.fill(onPath('ffprobe'));
  await dlg.getByRole('button', { name: 'Save media tools' }).click();
  release();
  await expect(dlg.getByRole('status')).toHaveText('Media tools saved.');
  await expect(ffprobe).toHaveValue(onPath('ffprobe'));
  await expect(ffmpeg).toHaveValue(onPath('ffmpeg'));
  expect(await app.workspace.settings.get()).toMatchObject({
    ffmpegPath: onPath('ffmpeg'),
    ffprobePath: onPath('ffprobe'),
  });
});

test('undo in a text field undoes the field, by key and from the menu', async ({ app }) => {
  const { page } = app;
  const m = await editorMedia();
  await openByKeys(app, { srt: m.srt, cues: 3 });
  // A document edit first: deleting cue 3.
  await rows(page).nth(2).click();
  await page.keyboard.press('Delete');
  await expect(rows(page)).toHaveCount(2);

  await rows(page).nth(0).dblclick();
  const box = page.getByRole('textbox', { name: /Text of cue/ });
  await expect(box).toBeFocused();
  await page.keyboard.press('End');
  // One input event: one step of the field's own undo (the platform decides how typing groups).
  await page.keyboard.insertText(' today');
  await expect(box).toHaveValue('Hello and welcome to the launch today');
  await page.keyboard.press('Control+KeyZ');
  await expect(box).toHaveValue('Hello and welcome to the launch');
  // The document's deletion is still there: Ctrl+Z in the field was the field's.
  await expect(rows(page)).toHaveCount(2);

  await page.keyboard.insertText(' now');
  await app.emit('menu:command', { command: 'undo' });
  await expect(box).toHaveValue('Hello and welcome to the launch');
  await expect(rows(page)).toHaveCount(2);

  // Out of the field, the same command undoes the document.
  await page.keyboard.press('Escape');
  await app.emit('menu:command', { command: 'undo' });
  await expect(rows(page)).toHaveCount(3);
});

test('the cue list takes Home, End, PageUp/PageDown and Ctrl+Home/End; Insert types into the new cue', async ({
  app,
}) => {
  const { page } = app;
  const lines: string[] = [];
  for (let i = 0; i < 40; i++) {
    const s = 1000 + i * 3000;
    const f = (ms: number): string =>
      `00:${String(Math.floor(ms / 60000)).padStart(2, '0')}:${String(Math.floor(ms / 1000) % 60).padStart(2, '0')},${String(ms % 1000).padStart(3, '0')}`;
    lines.push(String(i + 1), `${f(s)} --> ${f(s + 2000)}`, `Cue number ${i + 1}`, '');
  }
  const m = await editorMedia('forty.en.srt', lines.join('\n'));
  app.dialogs.answer('openSubtitles', [m.srt]);
  await page.keyboard.press('Control+KeyO');
  const grid = page.getByRole('grid', { name: 'Cues' });
  await expect(grid).toHaveAttribute('aria-rowcount', '41');
  await grid.focus();
  const active = async (): Promise<string | null> => grid.getAttribute('aria-activedescendant');
  await page.keyboard.press('End');
  await expect.poll(active).toBe('cue-row-40');
  await page.keyboard.press('Home');
  await expect.poll(active).toBe('cue-row-1');
  await page.keyboard.press('PageDown');
  const after = Number((await active())?.replace('cue-row-', ''));
  expect(after).toBeGreaterThan(5);
  await page.keyboard.press('PageUp');
  await expect.poll(active).toBe('cue-row-1');
  await page.keyboard.press('Control+End');
  await expect.poll(active).toBe('cue-row-40');
  await page.keyboard.press('Control+Home');
  await expect.poll(active).toBe('cue-row-1');

  // Insert at a free spot (the playhead after cue 1 ends): the caret is in the new cue's text,
  // so a space types a space instead of starting playback.
  await page.getByRole('group', { name: 'Player' }).getByRole('slider', { name: 'Position' }).fill('3100');
  await grid.focus();
  await page.keyboard.press('Insert');
  const box = page.getByRole('textbox', { name: /Text of cue/ });
  await expect(box).toBeFocused();
  await page.keyboard.type('A new line');
  await expect(box).toHaveValue('A new line');
  await expect(
    page.getByRole('group', { name: 'Player' }).getByRole('button', { name: 'Play' }),
  ).toBeVisible();
});

test('Replace… and Replace all keep the focus in the find bar', async ({ app }) => {
  const { page } = app;
  const m = await editorMedia();
  await openByKeys(app, { srt: m.srt, cues: 3 });
  await page.keyboard.press('Control+KeyF');
  await page.getByRole('searchbox', { name: 'Find' }).fill('launch');
  await page.getByRole('button', { name: 'Replace…' }).click();
  const replace = page.getByRole('textbox', { name: 'Replace with' });
  await expect(replace).toBeFocused();
  await replace.fill('premiere');
  await page.getByRole('button', { name: 'Replace all' }).click();
  await expect(rows(page).nth(0)).toContainText('premiere');
  await expect(replace).toBeFocused();
});
