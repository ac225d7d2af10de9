// The batch plan before and after a run, against the X emulator: alt text and the post card per
// video (filled from a manifest's columns, editable), the posts and requests the run makes, the
// results with each item's captions and post, what is already on X per row, and a rerun where
// every item was done already.
import { join } from 'node:path';
import { expectFieldNamesMatchLabels } from '../harness/field-names.ts';
import { expectAxeSpotless } from '../harness/axe.ts';
import { shotsAtSizes } from '../harness/screenshots.ts';
import { folder, openPlan, srt } from './batch-support.ts';
import { runTool } from '../harness/toolbar.ts';
import { expect, test } from './x-test.ts';

test('a manifest fills alt text and the card; the plan counts posts and requests; a rerun is "3 skipped (already published)"', async ({
  app,
  emulator,
}) => {
  const d = await folder({
    'keynote.mp4': null,
    'keynote.en.srt': srt('Welcome'),
    'demo.mp4': null,
    'demo.en.srt': srt('Watch this'),
    'recap.mp4': null,
    'recap.en.srt': srt('Thanks'),
    'launch.csv':
      'video,subtitle,language,post,alt_text,title,description\n' +
      'keynote.mp4,keynote.en.srt,en,Keynote: https://example.com/keynote,A speaker on a stage,Keynote,Day one\n' +
      'demo.mp4,demo.en.srt,en,,A laptop screen,,\n' +
      'recap.mp4,recap.en.srt,en,,,,\n',
  });
  const { page } = app;
  const dialog = await openPlan(app, d);
  app.dialogs.answer('openManifest', join(d, 'launch.csv'));
  await dialog.getByRole('button', { name: 'Use a manifest…' }).click();
  await expect(dialog.getByTestId('batch-folder')).toHaveText('Manifest launch.csv');
  await expect(dialog.getByLabel('Alt text for keynote')).toHaveValue('A speaker on a stage');
  await expect(dialog.getByLabel('Alt text for demo')).toHaveValue('A laptop screen');
  await expect(dialog.getByLabel('Alt text for recap')).toHaveValue('');
  await expect(dialog.getByTestId('alt-reminder')).toContainText('1 video has no alt text');
  // Nothing is on X yet.
  await expect(dialog.getByTestId('on-x')).toHaveText(['—', '—', '—']);

  // The card's columns come with posting; the manifest's title and description are there.
  await dialog.getByLabel('Post each video').check();
  await dialog.getByLabel('Post text').fill('New: {name}');
  await expect(dialog.getByLabel('Card title for keynote')).toHaveValue('Keynote');
  await expect(dialog.getByLabel('Card description for keynote')).toHaveValue('Day one');
  // An edit is a correction: the plan is made again with it, and keeps it.
  await dialog.getByLabel('Alt text for recap').fill('Three people waving');
  await dialog.getByLabel('Alt text for recap').blur();
  await expect(dialog.getByTestId('alt-reminder')).toHaveCount(0);
  await dialog.getByLabel('Card title for demo').fill('Demo');
  await dialog.getByLabel('Card title for demo').blur();
  await expect(dialog.getByRole('heading', { name: /^3 videos/ })).toHaveText('3 videos, 3 ready');
  await expect(dialog.getByLabel('Alt text for recap')).toHaveValue('Three people waving');
  await expect(dialog.getByLabel('Card title for demo')).toHaveValue('Demo');

  // Each small video: INIT, APPEND, FINALIZE; its English track: 3 + the association; alt text;
  // the post. 3 × 9 = 27; posts 2 × $0.015 + 1 with a link × $0.20, alt text 3 × $0.005.
  const estimate = dialog.getByTestId('run-estimate');
  await expect(estimate).toContainText(
    'This run makes 3 posts (1 with a link) and at least 27 requests to X',
  );
  await expect(estimate).toContainText('about $0.245');

  // The README's picture is the 1280 one (npm run screenshots).
  await shotsAtSizes(page, 'batch-plan-manifest');
  await expectAxeSpotless(page, 'batch plan', 'dialog');
  // Every field is announced with its label's words ("Post text", not "Post template").
  await expectFieldNamesMatchLabels(page, 'batch plan');

  await dialog.getByRole('button', { name: 'Publish 3 videos' }).click();
  const progress = dialog.getByTestId('batch-progress');
  const summary = progress.getByTestId('batch-summary');
  await expect(summary).toHaveText('3 of 3 finished · 3 published · completed');
  // The run made what the plan said: 3 posts, and at least the 27 requests counted.
  const requests = emulator.state.requests.length;
  expect(emulator.state.requests.filter((r) => r.route === 'v2.tweets.create')).toHaveLength(3);
  expect(requests).toBeGreaterThanOrEqual(27);
  test.info().annotations.push({ type: 'requests', description: `planned ≥ 27, made ${requests}` });
  const keynote = emulator.state.posts.find((p) => p.text === 'Keynote: https://example.com/keynote');
  expect(keynote).toMatchObject({ title: 'Keynote', description: 'Day one' });
  expect(emulator.state.posts.find((p) => p.text === 'New: demo')?.title).toBe('Demo');
  const recap = emulator.state.posts.find((p) => p.text === 'New: recap');
  expect(emulator.state.media.get(recap?.mediaIds[0] ?? '')?.altText).toBe('Three people waving');
  // Results: each item's captions as X names them, and its post.
  const row = progress.getByTestId('batch-item').filter({ hasText: 'keynote.mp4' });
  await expect(row).toContainText('EN English');
  await expect(row.getByRole('link')).toHaveAttribute('href', `https://x.com/i/status/${keynote?.id ?? '?'}`);
  await shotsAtSizes(page, 'batch-results');
  await expectAxeSpotless(page, 'batch results', 'dialog');

  // Planned again, each row says what is on X; the run would send nothing.
  await dialog.getByRole('button', { name: 'Back to the plan' }).click();
  await expect(dialog.getByTestId('on-x')).toHaveText([
    'EN English · posted',
    'EN English · posted',
    'EN English · posted',
  ]);
  await expect(dialog.getByTestId('run-estimate')).toHaveText(
    'Nothing to send: what this run would do is on X already.',
  );
  await shotsAtSizes(page, 'batch-plan-on-x');
  await expectAxeSpotless(page, 'batch plan after a run', 'dialog');
  const before = emulator.state.requests.length;
  await dialog.getByRole('button', { name: 'Publish 3 videos' }).click();
  await expect(summary).toHaveText('3 of 3 finished · 3 skipped (already published) · completed');
  await expect(progress.getByTestId('batch-item').first()).toContainText('EN English');
  expect(emulator.state.requests.length).toBe(before);
});

test('a folder whose answer comes after a manifest was chosen does not replace the manifest', async ({
  app,
}) => {
  const d = await folder({
    'talk.mp4': null,
    'talk.en.srt': srt('Hello'),
    'list.csv': 'video,subtitle,language\ntalk.mp4,talk.en.srt,en\n',
  });
  const { page } = app;
  await runTool(page, 'Batch…');
  const dialog = page.getByRole('dialog', { name: 'Batch publish a folder' });
  // The folder's answer is held (a slow disk behind the dialog); the manifest is chosen meanwhile.
  let answerFolder = (): void => undefined;
  const folderAnswered = new Promise<void>((r) => (answerFolder = r));
  app.dialogs.answer('openFolder', d, folderAnswered);
  await dialog.getByRole('button', { name: 'Choose folder…' }).click();
  app.dialogs.answer('openManifest', join(d, 'list.csv'));
  await dialog.getByRole('button', { name: 'Use a manifest…' }).click();
  await expect(dialog.getByTestId('batch-folder')).toHaveText('Manifest list.csv');
  // The folder's late answer arrives and is taken by the page: the later choice stands.
  answerFolder();
  await app.settled();
  await expect(dialog.getByTestId('batch-folder')).toHaveText('Manifest list.csv');
});
