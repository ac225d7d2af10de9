// The timeline in the real app (harness: built renderer, real router, real ffmpeg media): drag a
// cue by a measured offset, resize an edge, snap to shot changes found in a generated video,
// click to seek, zoom. Pixel positions come from the timeline's own viewport (data attributes),
// so each expectation is computed, not guessed.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { FRAME_RATES, snapToFrame } from '../../../shared/captions/time.ts';
import { generateCuts } from '../../support/media-fixtures.ts';
import { expect, test, type HarnessApp } from '../harness/fixture.ts';
import { editorMedia } from './editor-support.ts';
import { workerTempDir } from '../harness/temp-dir.ts';

const F25 = FRAME_RATES['25'];
const rows = (page: Page): Locator => page.getByRole('grid', { name: 'Cues' }).locator('[role="row"].cue');
const statusTime = (page: Page): Locator => page.locator('footer.status .mono').first();

interface View {
  startMs: number;
  msPerPx: number;
  left: number;
  top: number;
  cueY: number;
}

function timeline(page: Page): Locator {
  return page.getByRole('application', { name: 'Timeline' });
}

async function view(page: Page): Promise<View> {
  const el = timeline(page);
  const box = await el.locator('canvas').boundingBox();
  if (!box) throw new Error('timeline canvas not visible');
  const a = await el.evaluate((n: HTMLElement) => ({ ...n.dataset }));
  return {
    startMs: Number(a['viewStartMs']),
    msPerPx: Number(a['msPerPx']),
    left: box.x,
    top: box.y,
    cueY: box.y + Number(a['layoutCuesTop']) + Number(a['layoutCuesHeight']) / 2,
  };
}

const xOf = (v: View, ms: number): number => v.left + (ms - v.startMs) / v.msPerPx;
const msAt = (v: View, clientX: number): number => v.startMs + (clientX - v.left) * v.msPerPx;

async function open(app: HarnessApp, video: string, srt: string, cues: number): Promise<void> {
  app.dialogs.answer('openVideo', video);
  await app.page.getByRole('button', { name: 'Open video…' }).first().click();
  await expect(app.page.locator('video')).toHaveAttribute('src', /\/media\//);
  app.dialogs.answer('openSubtitles', [srt]);
  await app.page.getByRole('button', { name: 'Open subtitles…' }).first().click();
  await expect(rows(app.page)).toHaveCount(cues);
  await expect(timeline(app.page)).toBeVisible();
}

/** Drags with the mouse in small steps (so the drag threshold and snapping see a real motion). */
async function drag(page: Page, x0: number, y: number, x1: number): Promise<void> {
  await page.mouse.move(x0, y);
  await page.mouse.down();
  const steps = 8;
  for (let i = 1; i <= steps; i++) await page.mouse.move(x0 + ((x1 - x0) * i) / steps, y);
  await page.mouse.up();
}

test('drag a cue by a measured offset, resize an edge, one undo step each', async ({ app }) => {
  const { page } = app;
  const m = await editorMedia();
  await open(app, m.video, m.srt, 3);
  const v = await view(page);
  // Cue 2 is 4.000–6.000; cue 1 ends at 3.000, so 60 px left (~0.5 s at this zoom) stays clear of it.
  const grab = xOf(v, 5000);
  const dx = -Math.round(500 / v.msPerPx);
  await drag(page, grab, v.cueY, grab + dx);
  const start = snapToFrame(4000 + dx * v.msPerPx, F25);
  expect(start).toBeGreaterThan(3000 + 8 * v.msPerPx); // not within a neighbour's magnet
  const fmt = (ms: number): string => new Date(ms).toISOString().slice(11, 23);
  await expect(rows(page).nth(1)).toContainText(fmt(start));
  await expect(rows(page).nth(1)).toContainText(fmt(start + 2000));
  await expect(page.getByTestId('timeline-summary')).toContainText(`Cue 2 of 3, ${fmt(start)}`);

  // The whole drag is one undo step.
  await page.getByRole('button', { name: /^Undo/ }).click();
  await expect(rows(page).nth(1)).toContainText('00:00:04.000');
  await expect(rows(page).nth(1)).toContainText('00:00:06.000');

  // Resize cue 3's end (8.000) to the right by a measured offset.
  const v2 = await view(page);
  const ex = xOf(v2, 8000);
  const rdx = Math.round(700 / v2.msPerPx);
  await drag(page, ex - 1, v2.cueY, ex - 1 + rdx);
  const end = snapToFrame(8000 + rdx * v2.msPerPx, F25);
  await expect(rows(page).nth(2)).toContainText(fmt(6500));
  await expect(rows(page).nth(2)).toContainText(fmt(end));
});

test('edges snap to shot changes by the 12-frame and 2-frame rules', async ({ app }) => {
  const { page } = app;
  const dir = workerTempDir('cueline-timeline-');
  // Hard cuts at 3 s and 6 s.
  const video = await generateCuts(join(dir, 'cuts.mp4'), [3, 3, 3]);
  const srt = join(dir, 'cuts.en.srt');
  await writeFile(
    srt,
    [
      '1',
      '00:00:00,500 --> 00:00:01,500',
      'Before',
      '',
      '2',
      '00:00:03,300 --> 00:00:05,700',
      'Across',
      '',
    ].join('\n'),
  );
  await open(app, video, srt, 2);
  await expect(timeline(page)).toHaveAttribute('data-shot-changes', '2');
  const v = await view(page);
  // Start 3.300 is 7.5 frames after the cut at 3.000: a small nudge right lands it on the cut.
  const sx = xOf(v, 3300);
  await drag(page, sx + 1, v.cueY, sx + 1 + Math.ceil(40 / v.msPerPx));
  await expect(rows(page).nth(1)).toContainText('00:00:03.000');
  // End 5.700 is 7.5 frames before the cut at 6.000: it lands 2 frames (80 ms) before the cut.
  const v2 = await view(page);
  const ex = xOf(v2, 5700);
  await drag(page, ex - 1, v2.cueY, ex - 1 + Math.ceil(40 / v2.msPerPx));
  await expect(rows(page).nth(1)).toContainText('00:00:05.920');
  // Alt turns snapping off: the end goes exactly where the pointer says.
  const v3 = await view(page);
  const ex3 = xOf(v3, 5920);
  await page.keyboard.down('Alt');
  await drag(page, ex3 - 1, v3.cueY, ex3 - 1 + 5);
  await page.keyboard.up('Alt');
  const expected = Math.round(5920 + 5 * v3.msPerPx);
  const endOfRow = async (): Promise<number | undefined> =>
    [...((await rows(page).nth(1).textContent()) ?? '').matchAll(/00:00:(\d\d)\.(\d{3})/g)].map(
      (x) => Number(x[1]) * 1000 + Number(x[2]),
    )[1];
  await expect.poll(endOfRow).toBe(expected);
});

test('click the ruler to seek; Ctrl+wheel zooms around the pointer; keys zoom', async ({ app }) => {
  const { page } = app;
  const m = await editorMedia();
  await open(app, m.video, m.srt, 3);
  const v = await view(page);
  const x = Math.round(xOf(v, 7300));
  await page.mouse.click(x, v.top + 8);
  const seekMs = Math.round(msAt(v, x));
  await expect(statusTime(page)).toHaveText(new Date(seekMs).toISOString().slice(11, 23));

  // Ctrl+wheel up zooms in; the time under the pointer stays under it.
  const px = Math.round(xOf(v, 5000));
  const before = msAt(v, px);
  await page.mouse.move(px, v.cueY);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -300);
  await page.keyboard.up('Control');
  await expect.poll(async () => (await view(page)).msPerPx).toBeLessThan(v.msPerPx);
  const z = await view(page);
  expect(Math.abs(msAt(z, px) - before)).toBeLessThan(z.msPerPx);

  // The timeline is focusable by keyboard; + and − zoom.
  await timeline(page).focus();
  await page.keyboard.press('-');
  await expect.poll(async () => (await view(page)).msPerPx).toBeGreaterThan(z.msPerPx);
  const out = await view(page);
  await page.keyboard.press('+');
  await expect.poll(async () => (await view(page)).msPerPx).toBeLessThan(out.msPerPx);
});

test('drag on empty space creates a cue there', async ({ app }) => {
  const { page } = app;
  const m = await editorMedia();
  await open(app, m.video, m.srt, 3);
  const v = await view(page);
  // Between cue 3 (ends 8.000) and the end of the video.
  const x0 = xOf(v, 8400);
  const x1 = xOf(v, 9400);
  await drag(page, x0, v.cueY, x1);
  await expect(rows(page)).toHaveCount(4);
  const a = snapToFrame(msAt(v, x0), F25);
  const b = snapToFrame(msAt(v, x1), F25);
  const fmt = (ms: number): string => new Date(ms).toISOString().slice(11, 23);
  await expect(rows(page).nth(3)).toContainText(fmt(a));
  await expect(rows(page).nth(3)).toContainText(fmt(b));
});

test('dragging against the right edge scrolls the view and carries the cue along', async ({ app }) => {
  const { page } = app;
  const m = await editorMedia();
  await open(app, m.video, m.srt, 3);
  // Playhead at 7 s, then zoom in around it: cue 3 (6.500–8.000) stays in view.
  const v0 = await view(page);
  await page.mouse.click(Math.round(xOf(v0, 7000)), v0.top + 8);
  await timeline(page).focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('+');
  await expect.poll(async () => (await view(page)).msPerPx).toBeLessThan(v0.msPerPx / 3);
  const v = await view(page);
  const box = await timeline(page).locator('canvas').boundingBox();
  if (!box) throw new Error('no timeline');
  const grab = xOf(v, 6800);
  expect(grab).toBeGreaterThan(box.x);
  expect(grab).toBeLessThan(box.x + box.width - 100);
  await page.mouse.move(grab, v.cueY);
  await page.mouse.down();
  const edge = box.x + box.width - 4;
  await page.mouse.move(edge, v.cueY, { steps: 6 });
  // Held at the edge: the view scrolls on its own, carrying the cue.
  await expect.poll(async () => (await view(page)).startMs).toBeGreaterThan(v.startMs + 300);
  await page.mouse.up();
  const startOfRow = async (): Promise<number> =>
    [...((await rows(page).nth(2).textContent()) ?? '').matchAll(/00:00:(\d\d)\.(\d{3})/g)].map(
      (x) => Number(x[1]) * 1000 + Number(x[2]),
    )[0] ?? 0;
  const pointerOnly = 6500 + (edge - grab) * v.msPerPx;
  await expect.poll(startOfRow).toBeGreaterThan(pointerOnly + 200);
  const start = await startOfRow();
  // The drag keeps the cue inside the timeline's duration (last cue end + 5 s here).
  expect(start + 1500).toBeLessThanOrEqual(13_000);
});

test('clicking a cue on the timeline moves the playhead to it, as the list does', async ({ app }) => {
  const { page } = app;
  const m = await editorMedia();
  await open(app, m.video, m.srt, 3);
  const v = await view(page);
  // Cue 2 runs 4.000–6.000: click its middle.
  await page.mouse.click(xOf(v, 5000), v.cueY);
  await expect(rows(page).nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(statusTime(page)).toHaveText('00:00:04.000');
});
