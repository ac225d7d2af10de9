// The Publish dialog's checks before anything is sent: a track with quality findings says how many
// (under the chosen preset) with a link to the Checks list; captions of another, longer video are
// blocked (the engine's pre-flight) with a link that selects the cue. Real router, emulator.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expectAxeSpotless } from '../harness/axe.ts';
import { shotPath } from '../harness/screenshots.ts';
import { cueRows, editorMedia } from './editor-support.ts';
import { openPublishWith } from './publish-support.ts';
import { expect, test } from './x-test.ts';

// Reading speed and line length well over any preset's limits, and a misspelled word.
const EN =
  '1\n00:00:01,000 --> 00:00:01,400\nThis caption is far too long to read in the time it is on the screen\n\n' +
  '2\n00:00:02,000 --> 00:00:04,000\nA calm secnod line\n';
// Captions of a longer video: cue 3 starts after this 10 s clip ends.
const FR =
  '1\n00:00:01,000 --> 00:00:03,000\nBonjour et bienvenue\n\n' +
  '2\n00:00:04,000 --> 00:00:06,000\nNous publions\n\n' +
  '3\n00:00:14,000 --> 00:00:16,000\nÀ bientôt\n';

async function media() {
  const m = await editorMedia('launch.en.srt', EN);
  const fr = join(m.dir, 'launch.fr.srt');
  await writeFile(fr, FR);
  return { video: m.video, en: m.srt, fr };
}

test('quality findings are counted with a link to Checks; captions past the video block, with a link to the cue', async ({
  app,
}) => {
  const { page } = app;
  const m = await media();
  let dialog = await openPublishWith(app, m.video, [m.en, m.fr]);
  const row = (name: string) => dialog.getByRole('row').filter({ has: page.getByLabel(`Send ${name}`) });

  // French: blocked by the engine's check, naming the cue; never "Ready".
  const fr = row('French');
  await expect(fr.getByTestId('track-check')).toContainText(
    'Blocked: cue 3 starts at 00:00:14.000, after the video ends',
  );
  await expect(fr.getByTestId('track-check')).not.toContainText('Ready');
  await expect(dialog.getByRole('button', { name: 'Publish', exact: true })).toBeDisabled();
  await expect(dialog.getByText('Fix the problems above to publish.')).toBeVisible();

  // English: the findings under the project's preset, counted; not "Ready" with errors.
  const en = row('English');
  const findings = en.getByTestId('track-findings');
  await expect(findings).toContainText(/\d+ quality errors?.* under Netflix \(adult\)/);
  await expect(en.getByTestId('track-check')).not.toContainText('Ready');
  // The spell checker's findings once its English dictionary has loaded (in a worker).
  await expect(findings).toContainText('1 spelling finding', { timeout: 30_000 });
  const errors = Number(/(\d+) quality error/.exec((await findings.textContent()) ?? '')?.[1]);

  await page.screenshot({ path: shotPath('publish-dialog-checks') });
  await expectAxeSpotless(page, 'publish dialog with blocked and flagged tracks', 'dialog');
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.screenshot({ path: shotPath('publish-dialog-checks-1024') });
  await expectAxeSpotless(page, 'publish dialog at 1024×700', 'dialog');
  await page.setViewportSize({ width: 1280, height: 800 });

  // "Show in Checks": the dialog closes on the English track's Checks list, focus on its findings.
  await en.getByRole('button', { name: 'Show in Checks: English' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('#tab-findings')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tab', { name: /English/ }).first()).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('#findings-title')).toBeVisible();
  await expect(page.getByRole('group', { name: 'Quality checks' })).toContainText(`${errors} errors`);
  await expect(page.getByRole('list', { name: 'Findings' }).getByRole('button').first()).toBeFocused();

  // "Go to cue 3": the French track's cue 3 is selected in the editor, the cue list has the focus.
  await page.getByRole('button', { name: 'Publish…' }).click();
  dialog = page.getByRole('dialog', { name: 'Publish to X' });
  await row('French').getByRole('button', { name: 'Go to cue 3 of French' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('tab', { name: /French/ }).first()).toHaveAttribute('aria-selected', 'true');
  await expect(cueRows(page).nth(2)).toHaveAttribute('aria-selected', 'true');
  await expect(cueRows(page).nth(0)).toHaveAttribute('aria-selected', 'false');
  await expect(page.locator('#cue-list')).toBeFocused();

  // Unchecking the French track leaves the English one: publishable (findings are counted, not blocking).
  await page.getByRole('button', { name: 'Publish…' }).click();
  await row('French').getByLabel('Send French').uncheck();
  await dialog.getByLabel('Don’t post').check();
  await expect(dialog.getByRole('button', { name: 'Publish', exact: true })).toBeEnabled();
  expect(app.cspViolations).toEqual([]);
});
