// A batch in the background: the view closes, the editor stays usable (a cue is edited while the
// batch sends), the status bar shows the batch's progress and opens its view again, and a batch
// that ends with its view closed says so.
import { expect, test } from './x-test.ts';
import { cueRows, openSampleSubtitles } from './editor-support.ts';
import { shotsAtSizes } from '../harness/screenshots.ts';
import { folder, openPlan, srt } from './batch-support.ts';
import { runTool } from '../harness/toolbar.ts';

test('a batch keeps running while a cue is edited; the status bar shows it and opens it; the edit is kept', async ({
  app,
  emulator,
}) => {
  const { page } = app;
  await openSampleSubtitles(app);
  const d = await folder({
    'one.mp4': null,
    'one.en.srt': srt('One'),
    'two.mp4': null,
    'two.en.srt': srt('Two'),
    'three.mp4': null,
    'three.en.srt': srt('Three'),
  });
  const dialog = await openPlan(app, d);
  await dialog.getByLabel('At a time').fill('1');
  // Two gates the test opens: the first item's subtitle upload waits while a cue is edited; the last
  // item's video upload waits until the batch has been paused and resumed. So the batch is still
  // running at each step, however fast or slow the machine. (Items go one at a time, each a video
  // upload then a subtitle upload: the 2nd and 5th initialize.)
  const gate = (): { until: Promise<void>; open: () => void } => {
    let open = (): void => undefined;
    const until = new Promise<void>((r) => (open = r));
    return { until, open };
  };
  const firstSubtitles = gate();
  const lastVideo = gate();
  emulator.faults.add({
    route: 'v2.initialize',
    after: 1,
    action: { kind: 'hold', until: firstSubtitles.until },
  });
  emulator.faults.add({ route: 'v2.initialize', after: 4, action: { kind: 'hold', until: lastVideo.until } });
  await dialog.getByRole('button', { name: 'Publish 3 videos' }).click();
  // The Publish button is gone: focus goes to the run's summary, not the page.
  await expect(dialog.getByTestId('batch-summary')).toBeFocused();
  await dialog.getByRole('button', { name: 'Close' }).last().click();
  await expect(dialog).toHaveCount(0);

  const status = page.getByTestId('batch-status');
  await expect(status).toBeVisible();
  await expect(status).toHaveText(/^Publishing the batch \d of 3$/);
  await shotsAtSizes(page, 'batch-background');
  // The editor while the batch sends: edit a cue's text inline.
  const sentBefore = emulator.state.requests.length;
  await cueRows(page).nth(0).dblclick();
  const box = page.getByRole('textbox', { name: /Text of cue/ });
  await box.fill('Edited while the batch runs');
  await box.press('Enter');
  await expect(cueRows(page).nth(0)).toContainText('Edited while the batch runs');
  // The batch goes on behind the editor and is not done yet.
  firstSubtitles.open();
  await expect.poll(() => emulator.state.requests.length).toBeGreaterThan(sentBefore);
  await expect(status).toBeVisible();

  // The status bar opens the running batch; paused there, it waits (and stays in the status bar).
  await status.click();
  const view = page.getByRole('dialog', { name: 'Batch publish a folder' });
  await expect(view.getByTestId('batch-progress')).toBeVisible();
  await view.getByRole('button', { name: 'Pause' }).click();
  await expect(view.getByTestId('batch-summary')).toContainText('paused');
  await view.getByRole('button', { name: 'Close' }).last().click();
  await expect(status).toBeVisible();
  await status.click();
  await view.getByRole('button', { name: 'Resume' }).click();
  await view.getByRole('button', { name: 'Close' }).last().click();
  lastVideo.open();
  // It ends with its view closed: a toast says how, in the view's words, and the status bar is clear.
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: 'Batch completed: 3 of 3 finished · 3 published · completed' })
      .first(),
  ).toBeVisible({ timeout: 30_000 });
  await expect(status).toHaveCount(0);
  await shotsAtSizes(page, 'batch-background-done');
  await runTool(page, 'Batch…');
  await expect(view.getByTestId('batch-summary')).toHaveText('3 of 3 finished · 3 published · completed');
  await view.getByRole('button', { name: 'Done' }).click();
  // The edit is kept, and undoes as one step.
  await expect(cueRows(page).nth(0)).toContainText('Edited while the batch runs');
  await page.getByRole('button', { name: /^Undo/ }).click();
  await expect(cueRows(page).nth(0)).not.toContainText('Edited while the batch runs');
  expect(
    emulator.state.requests.filter((r) => r.route === 'v2.subtitles.create' && r.status === 200),
  ).toHaveLength(3);
});
