// The batch suites' folders and the batch view opened on one (the OS folder dialog answered).
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { HarnessApp } from '../harness/fixture.ts';
import { workerTempDir } from '../harness/temp-dir.ts';
import { runTool } from '../harness/toolbar.ts';
import { generateVideo } from '../../support/media-fixtures.ts';

/** Opens the batch view on a folder (the OS folder dialog answered with dir). */
export async function openPlan(app: HarnessApp, dir: string) {
  await runTool(app.page, 'Batch…');
  const dialog = app.page.getByRole('dialog', { name: 'Batch publish a folder' });
  app.dialogs.answer('openFolder', dir);
  await dialog.getByRole('button', { name: 'Choose folder…' }).click();
  return dialog;
}

export const srt = (t: string): string => `1\n00:00:00,100 --> 00:00:00,800\n${t}\n`;
let seed: Promise<string> | null = null;

export async function folder(spec: Record<string, string | null>): Promise<string> {
  seed ??= generateVideo(join(workerTempDir('cueline-batch-seed-'), 'seed.mp4'), {
    duration: 1,
    width: 160,
    height: 90,
  });
  const video = await seed;
  // A folder named as a user's would be (it shows in the pictures), in a throwaway parent.
  const d = join(workerTempDir('cueline-batch-e2e-'), 'launch-week');
  await mkdir(d);
  for (const [name, content] of Object.entries(spec)) {
    if (content === null) await copyFile(video, join(d, name));
    else await writeFile(join(d, name), content);
  }
  return d;
}
