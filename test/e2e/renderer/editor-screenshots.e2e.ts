// The README's pictures: each main view at 1280×800 in both themes, from the real app with a
// generated video. Also checks each view with axe-core: no violation of any impact.
import { expect, test, type HarnessApp } from '../harness/fixture.ts';
import { expectAxeSpotless } from '../harness/axe.ts';
import { shotPath } from '../harness/screenshots.ts';
import { editorMedia } from './editor-support.ts';

const ES = [
  '1',
  '00:00:01,000 --> 00:00:03,000',
  'Hola y bienvenidos al lanzamiento',
  '',
  '2',
  '00:00:04,000 --> 00:00:06,000',
  'Hoy publicamos subtítulos',
  '',
].join('\n');

async function openProject(app: HarnessApp): Promise<void> {
  const { page } = app;
  const m = await editorMedia(
    'launch.en.srt',
    [
      '1',
      '00:00:01,000 --> 00:00:03,000',
      'Hello and welcome to the launch',
      '',
      '2',
      '00:00:03,020 --> 00:00:04,100',
      'Today we finally ship captions for every video on the timeline',
      '',
      '3',
      '00:00:04,500 --> 00:00:06,000',
      'Drag a cue to where',
      'the speaker starts',
      '',
      '4',
      '00:00:06,400 --> 00:00:06,900',
      'Fix a typo,',
      '',
      '5',
      '00:00:07,000 --> 00:00:09,500',
      'then save and publish to X.',
      '',
    ].join('\n'),
  );
  app.dialogs.answer('openVideo', m.video);
  await page.getByRole('button', { name: 'Open video…' }).first().click();
  await expect(page.locator('video')).toHaveAttribute('src', /media/);
  app.dialogs.answer('openSubtitles', [m.srt]);
  await page.getByRole('button', { name: 'Open subtitles…' }).first().click();
  await expect(page.getByRole('grid', { name: 'Cues' }).locator('[role="row"].cue')).toHaveCount(5);
  await page.getByRole('grid', { name: 'Cues' }).locator('[role="row"].cue').nth(1).click();
  // Wait for the first frame so the picture is not a black box.
  await page.waitForFunction(() => (document.querySelector('video')?.readyState ?? 0) >= 2);
}

for (const scheme of ['light', 'dark'] as const) {
  test(`screenshots and axe: every main view (${scheme})`, async ({ app }) => {
    // Five axe scans of a full editor: slow on a busy 2-core machine.
    test.setTimeout(240_000);
    const { page } = app;
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await expect(page.getByRole('heading', { name: 'Cueline' })).toBeVisible();
    await expectAxeSpotless(page, 'empty');

    await openProject(app);
    await page.screenshot({ path: shotPath(`editor-${scheme}`) });
    await expectAxeSpotless(page, 'editor');

    await page.getByRole('tab', { name: /Checks/ }).click();
    await expect(page.getByRole('heading', { name: 'Quality checks' })).toBeVisible();
    await page.screenshot({ path: shotPath(`findings-${scheme}`) });
    await expectAxeSpotless(page, 'findings');

    await page.keyboard.press('Escape');
    await page.getByRole('grid', { name: 'Cues' }).focus();
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    await page.screenshot({ path: shotPath(`shortcuts-${scheme}`) });
    await expectAxeSpotless(page, 'shortcuts');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);

    // A Spanish translation of the English track, cue by cue.
    const es = await editorMedia('launch.es.srt', ES);
    app.dialogs.answer('openSubtitles', [es.srt]);
    await page.getByRole('button', { name: 'Open subtitles…' }).first().click();
    await page.getByRole('button', { name: 'Translation' }).click();
    await expect(page.getByRole('group', { name: 'Translation' })).toBeVisible();
    await page.getByRole('checkbox', { name: 'Shared timing' }).uncheck();
    await page.screenshot({ path: shotPath(`translation-${scheme}`) });
    await expectAxeSpotless(page, 'translation');
  });
}
