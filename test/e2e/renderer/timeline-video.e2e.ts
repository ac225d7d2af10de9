// The video preview in the real app: captions drawn live over the video at the playhead (and
// following edits at once), timeline clicks seeking the <video>, frame stepping landing on frames.
import type { Locator, Page } from '@playwright/test';
import { FRAME_RATES, frameToMs, msToFrame } from '../../../shared/captions/time.ts';
import { expect, test, type HarnessApp } from '../harness/fixture.ts';
import { editorMedia } from './editor-support.ts';

const F25 = FRAME_RATES['25'];
const rows = (page: Page): Locator => page.getByRole('grid', { name: 'Cues' }).locator('[role="row"].cue');
const statusTime = (page: Page): Locator => page.locator('footer.status .mono').first();
const captions = (page: Page): Locator => page.getByTestId('preview-captions');
const fmt = (ms: number): string => new Date(ms).toISOString().slice(11, 23);

async function open(app: HarnessApp): Promise<void> {
  const m = await editorMedia();
  app.dialogs.answer('openVideo', m.video);
  await app.page.getByRole('button', { name: 'Open video…' }).first().click();
  app.dialogs.answer('openSubtitles', [m.srt]);
  await app.page.getByRole('button', { name: 'Open subtitles…' }).first().click();
  await expect(rows(app.page)).toHaveCount(3);
  // Metadata loaded: the element knows its duration.
  await expect
    .poll(() => app.page.locator('video').evaluate((v: HTMLVideoElement) => v.duration))
    .toBeGreaterThan(9);
}

/** Clicks the timeline ruler at `ms` (as near as a whole pixel allows); returns the time it seeks to. */
async function clickRuler(page: Page, ms: number): Promise<number> {
  const tl = page.getByRole('application', { name: 'Timeline' });
  const box = await tl.locator('canvas').boundingBox();
  if (!box) throw new Error('no timeline');
  const d = await tl.evaluate((n: HTMLElement) => ({ ...n.dataset }));
  const start = Number(d['viewStartMs']);
  const mpp = Number(d['msPerPx']);
  const x = Math.round(box.x + (ms - start) / mpp);
  await page.mouse.click(x, box.y + 8);
  return Math.round(start + (x - box.x) * mpp);
}

const videoMs = (page: Page): Promise<number> =>
  page.locator('video').evaluate((v: HTMLVideoElement) => v.currentTime * 1000);

test('captions follow the playhead and edits; clicks seek the video; frame steps land on frames', async ({
  app,
}) => {
  const { page } = app;
  await open(app);

  const t = await clickRuler(page, 4500);
  await expect(statusTime(page)).toHaveText(fmt(t));
  await expect(captions(page)).toHaveText('Today we ship captions');
  await expect.poll(async () => Math.abs((await videoMs(page)) - t)).toBeLessThanOrEqual(1.5);

  // In the gap between cues nothing is shown.
  await clickRuler(page, 3500);
  await expect(captions(page)).toHaveCount(0);

  // Cue 1 (1.000–3.000), then edit its text: the overlay changes with the document.
  await clickRuler(page, 2000);
  await expect(captions(page)).toHaveText('Hello and welcome to the launch');
  await rows(page).nth(0).dblclick();
  const box = page.getByRole('textbox', { name: /Text of cue/ });
  await box.fill('Hello there');
  await box.press('Shift+Enter');
  await box.pressSequentially('second line');
  await box.press('Enter');
  await clickRuler(page, 2000);
  await expect(captions(page).locator('.line')).toHaveText(['Hello there', 'second line']);

  // Frame stepping from the timeline: "." is one frame on, landing on the next frame's start.
  const at = await clickRuler(page, 5010);
  await page.getByRole('application', { name: 'Timeline' }).focus();
  await page.keyboard.press('.');
  const next = frameToMs(msToFrame(at, F25) + 1, F25);
  await expect(statusTime(page)).toHaveText(fmt(next));
  await expect.poll(async () => Math.abs((await videoMs(page)) - next)).toBeLessThanOrEqual(1.5);
});
