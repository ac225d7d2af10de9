// Accessibility of the editor beyond the axe scans in editor-screenshots.e2e.ts: panes resize from
// the keyboard (WAI-ARIA window splitter), dialogs trap and return focus, every toolbar button has
// a name, the tabs, the list and the checks are reachable without a mouse, and every field is
// announced with its visible label's words.
import { expect, test } from '../harness/fixture.ts';
import { expectAxeClean } from '../harness/axe.ts';
import { expectFieldNamesMatchLabels, fieldNameMismatches } from '../harness/field-names.ts';
import { editorMedia, openSampleSubtitles } from './editor-support.ts';

test('splitters resize with the keyboard, dialogs return focus, controls are named', async ({ app }) => {
  const { page } = app;
  await openSampleSubtitles(app);

  const side = page.getByRole('separator', { name: 'Side panel width' });
  const before = Number(await side.getAttribute('aria-valuenow'));
  await side.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(side).toHaveAttribute('aria-valuenow', String(before + 10));
  await page.keyboard.press('Shift+ArrowRight');
  await expect(side).toHaveAttribute('aria-valuenow', String(before - 40));
  await page.keyboard.press('Home');
  await expect(side).toHaveAttribute('aria-valuenow', '300');
  const timeline = page.getByRole('separator', { name: 'Timeline height' });
  const tBefore = Number(await timeline.getAttribute('aria-valuenow'));
  await timeline.focus();
  await page.keyboard.press('ArrowUp');
  await expect(timeline).toHaveAttribute('aria-valuenow', String(tBefore + 10));

  // Every button in the toolbar has an accessible name.
  const names = await page
    .getByRole('toolbar', { name: 'Editor' })
    .getByRole('button')
    .evaluateAll((bs) => bs.map((b) => (b.getAttribute('aria-label') ?? b.textContent ?? '').trim()));
  expect(names.filter((n) => n === '')).toEqual([]);

  // The shift dialog: opened from the keyboard, focus inside, Escape closes and focus comes back.
  const grid = page.getByRole('grid', { name: 'Cues' });
  await grid.focus();
  await page.keyboard.press('Control+Shift+KeyA');
  const dialog = page.getByRole('dialog', { name: 'Shift times' });
  await expect(dialog).toBeVisible();
  await expect.poll(() => dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  await expectAxeClean(page, 'shift times dialog', 'dialog');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(grid).toBeFocused();

  // Shift all by +1.5 s from the dialog, undone in one step.
  await page.keyboard.press('Control+Shift+KeyA');
  await page.getByRole('textbox', { name: /Offset/ }).fill('+1.5');
  await page.keyboard.press('Enter');
  await expect(grid.locator('[role="row"].cue').first()).toContainText('00:00:02.500');
  await page.keyboard.press('Control+KeyZ');
  await expect(grid.locator('[role="row"].cue').first()).toContainText('00:00:01.000');

  // The side panel tabs and the checks list work from the keyboard.
  await page.getByRole('tab', { name: /Checks/ }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Quality checks' })).toBeVisible();
});

test('find and replace with a regular expression is one undo step', async ({ app }) => {
  const { page } = app;
  const m = await editorMedia();
  app.dialogs.answer('openSubtitles', [m.srt]);
  await page.getByRole('button', { name: 'Open subtitles…' }).first().click();
  const grid = page.getByRole('grid', { name: 'Cues' });
  await grid.focus();
  await page.keyboard.press('Control+KeyH');
  await page.getByRole('searchbox', { name: 'Find' }).fill('(\\w+) (captions|launch)');
  await page.getByRole('checkbox', { name: 'Regex' }).check();
  await expect(page.getByRole('search', { name: 'Find and replace' })).toContainText('of 2');
  await page.getByRole('textbox', { name: 'Replace with' }).fill('$2 $1');
  await page.getByRole('button', { name: 'Replace all' }).click();
  await expect(grid.locator('[role="row"].cue').nth(0)).toContainText('Hello and welcome to launch the');
  await expect(grid.locator('[role="row"].cue').nth(1)).toContainText('Today we captions ship');
  await page.getByRole('button', { name: /^Undo/ }).click();
  await expect(grid.locator('[role="row"].cue').nth(0)).toContainText('Hello and welcome to the launch');
  await expect(grid.locator('[role="row"].cue').nth(1)).toContainText('Today we ship captions');
});

test('every field is announced with the words of its visible label (WCAG 2.5.3)', async ({ app }) => {
  const { page } = app;
  // The check itself: a label overridden by another name is caught.
  await page.evaluate(() => {
    const l = document.createElement('label');
    l.id = 'probe-label';
    l.append('Post text ', Object.assign(document.createElement('input'), { ariaLabel: 'Post template' }));
    document.body.append(l);
  });
  expect(await fieldNameMismatches(page, 'probe')).toEqual([
    'probe: label “post text” but named “post template”',
  ]);
  await page.evaluate(() => document.getElementById('probe-label')?.remove());

  const m = await editorMedia();
  app.dialogs.answer('openVideo', m.video);
  await page.getByRole('button', { name: 'Open video…' }).first().click();
  app.dialogs.answer('openSubtitles', [m.srt]);
  await page.getByRole('button', { name: 'Open subtitles…' }).first().click();
  const grid = page.getByRole('grid', { name: 'Cues' });
  await expect(grid.locator('[role="row"].cue')).toHaveCount(3);
  await grid.locator('[role="row"].cue').first().click();
  await expectFieldNamesMatchLabels(page, 'editor');
  await page.getByRole('tab', { name: /Checks/ }).click();
  await expectFieldNamesMatchLabels(page, 'checks');

  const views: [string, string, string][] = [
    ['replace', 'search', 'Find and replace'],
    ['shiftTimes', 'dialog', 'Shift times'],
    ['twoPointSync', 'dialog', 'Two-point sync'],
    ['convertFrameRate', 'dialog', 'Convert frame rate'],
    ['saveAs', 'dialog', 'Save as'],
    ['export', 'dialog', 'Export'],
    ['about', 'dialog', 'About Cueline'],
    ['fixCommonErrors', 'dialog', 'Fix common errors'],
    ['showShortcuts', 'dialog', 'Keyboard shortcuts'],
  ];
  for (const [command, role, name] of views) {
    await app.emit('menu:command', { command });
    const view = page.getByRole(role as 'dialog' | 'search', { name: new RegExp(name, 'i') });
    await expect(view).toBeVisible();
    await expectFieldNamesMatchLabels(page, command);
    await page.keyboard.press('Escape');
    await expect(view).toHaveCount(0);
    // Closed and gone (a closed <dialog> hides before its close event removes it).
    await expect(page.locator('dialog')).toHaveCount(0);
  }
  // Publishing (its fields, read here; its component belongs to the publish work).
  await page
    .getByRole('button', { name: /^Publish/ })
    .first()
    .click();
  await expect(page.getByRole('dialog', { name: /Publish/ })).toBeVisible();
  await expectFieldNamesMatchLabels(page, 'publish');
});

test('a dialog opened right as another closes stays open (the closed one’s late close event)', async ({
  app,
}) => {
  const { page } = app;
  await openSampleSubtitles(app);
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  // The user closes it and at once clicks Save as…: the browser fires the first dialog's `close`
  // event a task later, after the second one is open (as with Escape and a quick click).
  await page.evaluate(() => {
    document.querySelector<HTMLDialogElement>('dialog[open]')?.close();
    [...document.querySelectorAll<HTMLButtonElement>('[role="toolbar"] button')]
      .find((b) => b.textContent?.trim() === 'Save as…')
      ?.click();
  });
  const saveAs = page.getByRole('dialog', { name: 'Save as' });
  await expect(saveAs).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(1);
  await expect(saveAs.getByRole('combobox', { name: 'Encoding' })).toBeVisible();
});
