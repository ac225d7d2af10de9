// Shared media for the editor e2e tests: a short generated video and a small SRT, made once per
// worker in a temporary folder.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, type HarnessApp } from '../harness/fixture.ts';
import { generateVideo } from '../../support/media-fixtures.ts';
import { workerTempDir } from '../harness/temp-dir.ts';

export const SRT = [
  '1',
  '00:00:01,000 --> 00:00:03,000',
  'Hello and welcome to the launch',
  '',
  '2',
  '00:00:04,000 --> 00:00:06,000',
  'Today we ship captions',
  '',
  '3',
  '00:00:06,500 --> 00:00:08,000',
  'Thanks for watching',
  '',
].join('\n');

export interface Media {
  dir: string;
  video: string;
  srt: string;
}

let media: Promise<{ dir: string; video: string }> | null = null;

/** A 10 s 25 fps video (generated once) and a fresh copy of the SRT for this test. */
export async function editorMedia(name = 'launch.en.srt', text = SRT): Promise<Media> {
  media ??= (async () => {
    const dir = workerTempDir('cueline-editor-');
    const video = await generateVideo(join(dir, 'launch.mp4'), {
      duration: 10,
      width: 640,
      height: 360,
      fps: 25,
    });
    return { dir, video };
  })();
  const { video } = await media;
  const dir = workerTempDir('cueline-editor-srt-');
  const srt = join(dir, name);
  await writeFile(srt, text);
  return { dir, video, srt };
}

/** The cue list's rows. */
export const cueRows = (page: Page): Locator =>
  page.getByRole('grid', { name: 'Cues' }).locator('[role="row"].cue');

/** Opens a fresh copy of the sample SRT (3 cues) through the Open subtitles button; resolves once listed. */
export async function openSampleSubtitles(app: HarnessApp): Promise<Media> {
  const m = await editorMedia();
  app.dialogs.answer('openSubtitles', [m.srt]);
  await app.page.getByRole('button', { name: 'Open subtitles…' }).first().click();
  await expect(cueRows(app.page)).toHaveCount(3);
  return m;
}

/**
 * Opens files with the keyboard as an editor would (Ctrl+Shift+O the video, Ctrl+O the subtitles);
 * resolves once the video has a source and the list shows `cues` rows (when given).
 */
export async function openByKeys(
  app: HarnessApp,
  files: { video?: string; srt?: string | string[]; cues?: number },
): Promise<void> {
  const { page } = app;
  if (files.video) {
    app.dialogs.answer('openVideo', files.video);
    await page.keyboard.press('Control+Shift+KeyO');
    await expect(page.locator('video')).toHaveAttribute('src', /media/);
  }
  if (files.srt) {
    app.dialogs.answer('openSubtitles', Array.isArray(files.srt) ? files.srt : [files.srt]);
    await page.keyboard.press('Control+KeyO');
    if (files.cues !== undefined) await expect(cueRows(page)).toHaveCount(files.cues);
  }
}
