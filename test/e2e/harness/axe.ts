// axe-core over what the page shows: no serious or critical violations (moderate ones, such as the
// Modal's <header> landmark inside a dialog, are left to review).
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export async function expectAxeClean(page: Page, view: string, include?: string): Promise<void> {
  const builder = new AxeBuilder({ page });
  const r = await (include ? builder.include(include) : builder).analyze();
  const bad = r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${view}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad).toEqual([]);
}
