// Caption craft: spell check in the track's language (suggestions, "Add to dictionary", kept in
// settings) and Fix common errors (a list of proposed changes, accepted per item, one undo step).
import type { Page } from '@playwright/test';
import { expect, test } from '../harness/fixture.ts';
import { editorMedia, openByKeys } from './editor-support.ts';

const rows = (page: Page) => page.getByRole('grid', { name: 'Cues' }).locator('[role="row"].cue');

const TRIAL = [
  '1',
  '00:00:01,000 --> 00:00:02,990',
  'Teh  mayor said , hello ',
  '',
  '2',
  '00:00:03,000 --> 00:00:05,000',
  'Good mornign everyone',
  '',
  '3',
  '00:00:05,500 --> 00:00:08,000',
  '<i>The council will meet again on Tuesday to vote',
  '',
].join('\n');

test('spell check flags “Teh” and “mornign”; a suggestion fixes one, the dictionary takes the other', async ({
  app,
}) => {
  const { page } = app;
  const m = await editorMedia('trial.en.srt', TRIAL);
  await openByKeys(app, { srt: m.srt, cues: 3 });
  await page.getByRole('tab', { name: /Checks/ }).click();
  const findings = page.getByRole('list', { name: 'Findings' });
  await expect(findings.getByRole('button', { name: /“Teh” may be misspelled/ })).toBeVisible();
  await expect(findings.getByRole('button', { name: /“mornign” may be misspelled/ })).toBeVisible();

  await page.getByRole('button', { name: 'Replace “Teh” with “The” in cue 1' }).click();
  await expect(rows(page).nth(0)).toContainText('The  mayor');
  await expect(findings.getByRole('button', { name: /“Teh”/ })).toHaveCount(0);
  // Clicking a finding keeps the list in view.
  await findings.getByRole('button', { name: /“mornign” may be misspelled/ }).click();
  await expect(rows(page).nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(findings).toBeVisible();

  await page.getByRole('button', { name: 'Add “mornign” to dictionary' }).click();
  await expect(findings.getByRole('button', { name: /“mornign”/ })).toHaveCount(0);
  await expect
    .poll(async () => (await app.workspace.settings.get()).editor['userWords'])
    .toEqual(['mornign']);
  // The correction is one undo step.
  await page.getByRole('grid', { name: 'Cues' }).focus();
  await page.keyboard.press('Control+KeyZ');
  await expect(rows(page).nth(0)).toContainText('Teh  mayor');
});

test('a French track is spell-checked without freezing the page (the dictionary builds in a worker)', async ({
  app,
}) => {
  const { page } = app;
  // Long tasks on the page's thread from here on: building the French dictionary takes seconds of
  // CPU, which froze the editor when it ran on the page.
  await page.evaluate(() => {
    const w = window as unknown as { longest: number };
    w.longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longest = Math.max(w.longest, e.duration);
    }).observe({ type: 'longtask' });
  });
  const fr = [
    '1',
    '00:00:01,000 --> 00:00:03,000',
    'Bonjour à tous, le conseil municipall se réunit.',
    '',
  ].join('\n');
  const m = await editorMedia('journal.fr.srt', fr);
  await openByKeys(app, { srt: m.srt, cues: 1 });
  await page.getByRole('tab', { name: /Checks/ }).click();
  const findings = page.getByRole('list', { name: 'Findings' });
  await expect(findings.getByRole('button', { name: /“municipall” may be misspelled/ })).toBeVisible({
    timeout: 60_000,
  });
  await expect(findings.getByRole('button', { name: /“conseil”|“Bonjour”/ })).toHaveCount(0);
  const longest = await page.evaluate(() => (window as unknown as { longest: number }).longest);
  expect(longest).toBeLessThan(2_000);
});

test("the window's own spellchecker checks in the active track's language", async ({ app }) => {
  const { page } = app;
  const en = await editorMedia('trial.en.srt', TRIAL);
  const pt = await editorMedia(
    'noticias.pt.srt',
    ['1', '00:00:01,000 --> 00:00:02,000', 'Bom dia', ''].join('\n'),
  );
  await openByKeys(app, { srt: en.srt, cues: 3 });
  await expect.poll(() => app.spellChecker.languages).toEqual([['en-US']]);
  await openByKeys(app, { srt: pt.srt, cues: 1 });
  await expect.poll(() => app.spellChecker.languages).toEqual([['en-US'], ['pt-BR']]);
  await page.getByRole('tablist', { name: 'Tracks' }).getByRole('tab', { name: /^en\b/ }).click();
  await expect.poll(() => app.spellChecker.languages).toEqual([['en-US'], ['pt-BR'], ['en-US']]);
  // Typing changes the track, not its language: nothing more is set.
  await rows(page).nth(1).dblclick();
  await page.keyboard.type('abc');
  await expect(page).toHaveTitle(/^● /);
  expect(app.spellChecker.languages).toHaveLength(3);
  expect(app.spellChecker.enabled).toEqual([true, true, true]);
});

test('fix common errors: proposals accepted per item, applied as one undo step', async ({ app }) => {
  const { page } = app;
  const m = await editorMedia('trial.en.srt', TRIAL);
  await openByKeys(app, { srt: m.srt, cues: 3 });
  await page.getByRole('grid', { name: 'Cues' }).focus();
  await page.keyboard.press('Control+Shift+KeyF');
  const dlg = page.getByRole('dialog', { name: 'Fix common errors' });
  // Cue 1: spaces; cue 1: the 10 ms gap; cue 3: the open <i> and the 49-character line.
  await expect(dlg.getByRole('checkbox')).toHaveCount(3);
  await expect(
    dlg.getByRole('checkbox', {
      name: /cue 1: double spaces, space before punctuation/,
    }),
  ).toBeChecked();
  await expect(dlg.getByRole('checkbox', { name: /cue 3: unbalanced tags, lines rebalanced/ })).toBeChecked();
  // Leave the gap alone.
  await dlg.getByRole('checkbox', { name: /cue 1: gap below the minimum/ }).uncheck();
  await dlg.getByRole('button', { name: 'Apply 2 changes' }).click();
  await expect(dlg).toHaveCount(0);
  await expect(rows(page).nth(0).locator('.line')).toHaveText('Teh mayor said, hello');
  await expect(rows(page).nth(0)).toContainText('00:00:02.990');
  await expect(rows(page).nth(2).locator('.line')).toHaveCount(2);
  await expect(rows(page).nth(2)).toContainText('</i>');
  await page.keyboard.press('Control+KeyZ');
  await expect(rows(page).nth(0).locator('.line')).toHaveText('Teh  mayor said , hello ');
  await expect(rows(page).nth(2).locator('.line')).toHaveCount(1);
});

test('custom rule limits per preset are used by the checks and saved', async ({ app }) => {
  const { page } = app;
  const m = await editorMedia('trial.en.srt', TRIAL);
  await openByKeys(app, { srt: m.srt, cues: 3 });
  await page.getByRole('tab', { name: /Checks/ }).click();
  const findings = page.getByRole('list', { name: 'Findings' });
  await expect(findings.getByRole('button', { name: /#2 reading speed/ })).toHaveCount(0);
  await page.getByText('Limits for Netflix (adult)').click();
  await page.getByRole('spinbutton', { name: 'Reading speed (cps)' }).fill('10');
  await page.getByRole('spinbutton', { name: 'Reading speed (cps)' }).press('Tab');
  await expect(findings.getByRole('button', { name: /#2 reading speed 10\.5 cps > 10 cps/ })).toBeVisible();
  await expect
    .poll(async () => (await app.workspace.settings.get()).editor['presetLimits'])
    .toEqual({ 'netflix-adult': { maxCps: 10 } });
  await page.getByRole('button', { name: "Use the preset's limits" }).click();
  await expect(findings.getByRole('button', { name: /#2 reading speed/ })).toHaveCount(0);
});
