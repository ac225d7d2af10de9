import { channels } from '../../../shared/ipc/contract.ts';
import { expect, test } from '../harness/fixture.ts';
import { shotPath } from '../harness/screenshots.ts';

// The empty window, served as built with the app's CSP and window.cueline backed by the real router.
for (const colorScheme of ['light', 'dark'] as const) {
  test(`the empty window invites a drop (${colorScheme})`, async ({ app }) => {
    await app.page.emulateMedia({ colorScheme });
    await expect(app.page.getByRole('heading', { name: 'Cueline' })).toBeVisible();
    await expect(app.page.getByText(/drop a video/i)).toBeVisible();
    await app.page.screenshot({ path: shotPath(`empty-${colorScheme}`) });
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
  // One method per contract channel, grouped by area, plus on().
  const expected: Record<string, string | string[]> = { on: 'function' };
  for (const name of Object.keys(channels)) {
    const [area = '', verb = ''] = name.split(':');
    expected[area] = [...((expected[area] as string[] | undefined) ?? []), verb].sort();
  }
  expect(shape).toEqual(expected);
  expect(shape).toMatchObject({
    files: ['dropped', 'openFolder', 'openManifest', 'openSubtitles', 'openVideo'],
    captions: ['open', 'save', 'saveAs'],
    media: ['probe', 'shotChanges', 'thumbnails', 'url', 'waveform'],
  });
  const info = await app.page.evaluate(() => window.cueline.app.info());
  expect(info).toMatchObject({ ok: true, value: { name: 'Cueline' } });
});
