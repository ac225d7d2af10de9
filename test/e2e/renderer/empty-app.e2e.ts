import { expect, test } from '../harness/fixture.ts';

// The empty window, served as built with the app's CSP and window.cueline backed by the real router.
for (const colorScheme of ['light', 'dark'] as const) {
  test(`the empty window invites a drop (${colorScheme})`, async ({ app }) => {
    await app.page.emulateMedia({ colorScheme });
    await expect(app.page.getByRole('heading', { name: 'Cueline' })).toBeVisible();
    await expect(app.page.getByText(/drop a video/i)).toBeVisible();
    await app.page.screenshot({ path: `test/e2e/screenshots/empty-${colorScheme}.png` });
    expect(app.cspViolations).toEqual([]);
  });
}

test('window.cueline has the preload shape and reaches the router', async ({ app }) => {
  const shape = await app.page.evaluate(() => {
    const api = window.cueline as unknown as Record<string, unknown>;
    return Object.fromEntries(
      Object.entries(api).map(([k, v]) => [
        k,
        typeof v === 'function' ? 'function' : Object.keys(v as object).sort(),
      ]),
    );
  });
  expect(shape).toEqual({
    on: 'function',
    app: ['info'],
    autosave: ['discard', 'list', 'read', 'write'],
    captions: ['open', 'save', 'saveAs'],
    files: ['dropped', 'openFolder', 'openSubtitles', 'openVideo'],
    jobs: ['cancel'],
    media: ['probe', 'shotChanges', 'thumbnails', 'url', 'waveform'],
    recent: ['list'],
    settings: ['get', 'set'],
  });
  const info = await app.page.evaluate(() => window.cueline.app.info());
  expect(info).toMatchObject({ ok: true, value: { name: 'Cueline' } });
});
