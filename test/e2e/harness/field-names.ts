// WCAG 2.5.3 "Label in Name" for form fields: a field with a visible label must be announced with
// that label's words. An aria-label or aria-labelledby overrides the <label>, and when it says
// something else ("Post template" under "Post text") a screen reader and a voice-control user
// hear a name the screen doesn't show. axe's label-content-name-mismatch looks at widgets named
// by their own content, not at labelled fields, so this checks them.
import { expect, type Page } from '@playwright/test';

/** "view: label “Post text” but named “Post template”" for every visible field whose name lacks its label. */
export async function fieldNameMismatches(page: Page, view: string): Promise<string[]> {
  const found = await page.evaluate(() => {
    const norm = (s: string): string =>
      s
        .replace(/\s+/g, ' ')
        .replace(/[:…]+\s*$/, '')
        .trim()
        .toLowerCase();
    const textOf = (ids: string): string =>
      ids
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ');
    /** A label's own words: its text up to the field it wraps (a hint after the field is not the label). */
    const labelWords = (label: HTMLLabelElement, field: Element): string => {
      let out = '';
      for (const node of label.childNodes) {
        if (node === field || (node instanceof Element && node.contains(field))) break;
        if (node instanceof Element && node.matches('input, select, textarea, [aria-hidden="true"]'))
          continue;
        out += node.textContent ?? '';
      }
      return out;
    };
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(
      'input:not([type="hidden"]), select, textarea',
    )) {
      if (!el.checkVisibility()) continue;
      const visible = norm([...(el.labels ?? [])].map((l) => labelWords(l, el)).join(' '));
      if (!visible) continue;
      const labelledBy = el.getAttribute('aria-labelledby');
      const name = norm(labelledBy ? textOf(labelledBy) : (el.getAttribute('aria-label') ?? visible));
      if (!name.includes(visible)) out.push(`label “${visible}” but named “${name}”`);
    }
    return out;
  });
  return found.map((f) => `${view}: ${f}`);
}

export async function expectFieldNamesMatchLabels(page: Page, view: string): Promise<void> {
  expect(await fieldNameMismatches(page, view)).toEqual([]);
}
