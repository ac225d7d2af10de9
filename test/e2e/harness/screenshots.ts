// Pictures the e2e tests take of the real app. They are written under test-results/ (a test run
// leaves the checkout as it found it); `npm run screenshots` copies the README's pictures from
// there into test/e2e/screenshots/, to be reviewed and committed like any other change.
import type { Page } from '@playwright/test';

export const SHOTS_DIR = 'test-results/screenshots';

/** Where the picture `name` (no extension) of this run goes. */
export function shotPath(name: string): string {
  return `${SHOTS_DIR}/${name}.png`;
}

/** The window sizes a view is looked at in: a laptop's, and a small one (`<name>-1280`, `<name>-1024`). */
export const SHOT_SIZES = [
  { width: 1280, height: 800 },
  { width: 1024, height: 700 },
] as const;

/** Takes `<name>-<width>` at each of SHOT_SIZES, ending at the last size. */
export async function shotsAtSizes(page: Page, name: string): Promise<void> {
  for (const size of SHOT_SIZES) {
    await page.setViewportSize(size);
    await page.screenshot({ path: shotPath(`${name}-${size.width}`) });
  }
}
