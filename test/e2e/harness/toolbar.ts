// Toolbar commands as a user reaches them: the button when the window is wide enough to show it,
// else the same command in the "More tools" (⋯) menu that takes what doesn't fit.
import type { Page } from '@playwright/test';

export async function runTool(page: Page, name: string): Promise<void> {
  const button = page.getByRole('toolbar', { name: 'Editor' }).getByRole('button', { name, exact: true });
  if (await button.isVisible()) {
    await button.click();
    return;
  }
  await page.getByRole('button', { name: 'More tools' }).click();
  await page.getByRole('menu', { name: 'More tools' }).getByRole('menuitem', { name, exact: true }).click();
}
