// axe-core over what the page shows. expectAxeClean: no serious or critical violations (moderate
// ones are left to review); expectAxeSpotless: no violation of any impact (the editor's views).
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

async function violations(
  page: Page,
  view: string,
  include: string | undefined,
  impacts: readonly string[] | null,
) {
  const builder = new AxeBuilder({ page });
  const r = await (include ? builder.include(include) : builder).analyze();
  return r.violations
    .filter((v) => impacts === null || impacts.includes(v.impact ?? ''))
    .map((v) => `${view}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

export async function expectAxeClean(page: Page, view: string, include?: string): Promise<void> {
  expect(await violations(page, view, include, ['serious', 'critical'])).toEqual([]);
}

export async function expectAxeSpotless(page: Page, view: string, include?: string): Promise<void> {
  expect(await violations(page, view, include, null)).toEqual([]);
}
