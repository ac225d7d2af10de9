// The editor at the window sizes editors work in (1024×768, 1280×800, 1920×1080) with a 60-cue
// track over a video: the toolbar fits (what doesn't goes into "More", nothing off-screen or
// squeezed, no jump when the unsaved mark appears), the preview grows with the window, the player
// works, a skip link reaches the cue list, and axe finds nothing of any impact on each view.
import { rm } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from '../harness/fixture.ts';
import { expectAxeSpotless } from '../harness/axe.ts';
import { shotPath } from '../harness/screenshots.ts';
import { editorMedia, openByKeys } from './editor-support.ts';

const rows = (page: Page) => page.getByRole('grid', { name: 'Cues' }).locator('[role="row"].cue');

function sixtyCues(): string {
  const out: string[] = [];
  for (let i = 0; i < 60; i++) {
    const s = 1000 + i * 2900;
    const t = (ms: number): string => {
      const h = Math.floor(ms / 3_600_000);
      const m = Math.floor(ms / 60_000) % 60;
      const sec = Math.floor(ms / 1000) % 60;
      const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
      return `${pad(h)}:${pad(m)}:${pad(sec)},${pad(ms % 1000, 3)}`;
    };
    const text =
      i === 3 ? 'The  mayor said the council would meet on Tuesday' : `Line ${i + 1} of the evening news`;
    out.push(String(i + 1), `${t(s)} --> ${t(s + 2400)}`, text, '');
  }
  return out.join('\n');
}

/** Buttons of the toolbar that are shown: each fully inside the window and wide enough to hit. */
async function toolbarFits(page: Page, width: number): Promise<void> {
  const boxes = await page
    .getByRole('toolbar', { name: 'Editor' })
    .locator('button')
    .evaluateAll((bs) =>
      bs
        .filter((b) => b.getClientRects().length > 0)
        .map((b) => {
          const r = b.getBoundingClientRect();
          return {
            name: (b.getAttribute('aria-label') ?? b.textContent ?? '').trim(),
            left: r.left,
            right: r.right,
            w: r.width,
          };
        }),
    );
  for (const b of boxes) {
    expect(b.right, `${b.name} ends inside the window`).toBeLessThanOrEqual(width);
    expect(b.w, `${b.name} is not squeezed`).toBeGreaterThanOrEqual(24);
  }
}

for (const [width, height] of [
  [1024, 768],
  [1280, 800],
  [1920, 1080],
] as const) {
  test(`layout at ${width}×${height}: toolbar, player, skip link, axe`, async ({ app }) => {
    test.setTimeout(120_000);
    const { page } = app;
    await page.setViewportSize({ width, height });
    const m = await editorMedia('news.en.srt', sixtyCues());
    try {
      await openByKeys(app, { video: m.video, srt: m.srt });
      await expect(rows(page).first()).toBeVisible();
      await page.waitForFunction(() => (document.querySelector('video')?.readyState ?? 0) >= 2);

      await toolbarFits(page, width);
      const more = page.getByRole('button', { name: 'More tools' });
      if (width < 1400) {
        // What didn't fit is one click away.
        await more.click();
        const menu = page.getByRole('menu', { name: 'More tools' });
        await expect(menu.getByRole('menuitem').first()).toBeFocused();
        await page.keyboard.press('Escape');
        await expect(menu).toHaveCount(0);
        await expect(more).toBeFocused();
      } else await expect(more).toHaveCount(0);

      // The Save button doesn't move or change size when the unsaved mark appears.
      const save = page
        .getByRole('toolbar', { name: 'Editor' })
        .getByRole('button', { name: /^Save/ })
        .first();
      const before = await save.boundingBox();
      await rows(page).nth(3).click();
      await page.keyboard.press('Alt+Digit2');
      await expect(save).toHaveAccessibleName(/unsaved/);
      await expect.poll(() => save.boundingBox()).toEqual(before);

      // The list shows text as it is: two spaces stay two.
      await expect(rows(page).nth(3).locator('.line')).toHaveText(
        'The  mayor said the council would meet on Tuesday',
      );

      // The preview grows with the window.
      await expect
        .poll(async () => (await page.locator('video').boundingBox())?.width ?? 0)
        .toBeGreaterThan(width * 0.35);

      await page.screenshot({ path: shotPath(`layout-${width}`) });
      await expectAxeSpotless(page, `editor ${width}`);

      // The player: play/pause by its button and by clicking the picture; speed; frame step.
      const player = page.getByRole('group', { name: 'Player' });
      await player.getByRole('button', { name: 'Play' }).click();
      await expect(player.getByRole('button', { name: 'Pause' })).toBeVisible();
      await page.locator('video').click();
      await expect(player.getByRole('button', { name: 'Play' })).toBeVisible();
      await player.getByRole('combobox', { name: 'Speed' }).selectOption('0.5');
      await expect
        .poll(() => page.locator('video').evaluate((v: HTMLVideoElement) => v.playbackRate))
        .toBe(0.5);
      await player.getByRole('button', { name: 'Mute' }).click();
      await expect.poll(() => page.locator('video').evaluate((v: HTMLVideoElement) => v.muted)).toBe(true);

      // Full-window preview with captions; Escape leaves it.
      await player.getByRole('button', { name: 'Full-window preview' }).click();
      await expect
        .poll(async () => (await page.locator('video').boundingBox())?.width ?? 0)
        .toBeGreaterThan(width * 0.9);
      await page.screenshot({ path: shotPath(`full-preview-${width}`) });
      await page.keyboard.press('Escape');
      await expect
        .poll(async () => (await page.locator('video').boundingBox())?.width ?? 0)
        .toBeLessThan(width * 0.9);

      // Checks: clicking a finding keeps the list in view.
      await page.getByRole('tab', { name: /Checks/ }).click();
      await page.screenshot({ path: shotPath(`checks-${width}`) });
      await expectAxeSpotless(page, `checks ${width}`);

      // The skip link is the first stop of the page (before the toolbar) and takes the focus to
      // the cue list.
      await page.getByRole('toolbar', { name: 'Editor' }).getByRole('button').first().focus();
      await page.keyboard.press('Shift+Tab');
      await expect(page.getByRole('link', { name: 'Skip to the cue list' })).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(page.getByRole('grid', { name: 'Cues' })).toBeFocused();
    } finally {
      await rm(m.dir, { recursive: true, force: true });
    }
  });
}

test('axe finds nothing of any impact in the editor’s dialogs', async ({ app }) => {
  test.setTimeout(120_000);
  const { page } = app;
  const m = await editorMedia('news.en.srt', sixtyCues());
  app.dialogs.answer('openSubtitles', [m.srt]);
  await page.keyboard.press('Control+KeyO');
  await expect(rows(page).first()).toBeVisible();
  await rows(page).nth(3).click();
  for (const [command, name] of [
    ['fixCommonErrors', 'Fix common errors'],
    ['export', 'Export a copy'],
    ['saveAs', 'Save as'],
    ['shiftTimes', 'Shift times'],
    ['convertFrameRate', 'Convert frame rate'],
    ['about', 'About Cueline'],
  ] as const) {
    await app.emit('menu:command', { command });
    const dlg = page.getByRole('dialog', { name });
    await expect(dlg).toBeVisible();
    if (command === 'fixCommonErrors') await page.screenshot({ path: shotPath('fix-common-errors-1280') });
    await expectAxeSpotless(page, name);
    await page.keyboard.press('Escape');
    await expect(dlg).toHaveCount(0);
  }
  await page.getByRole('button', { name: 'Delete track' }).click();
  await expect(page.getByRole('dialog', { name: 'Delete track' })).toBeVisible();
  await expectAxeSpotless(page, 'Delete track');
  await page.keyboard.press('Escape');
});
