import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { uniqueCueIds } from '../../../shared/captions/cue-ids.ts';

/** The rule spelled out with one Set of strings (the reader's code before the bitmap). */
function reference(given: readonly string[]): { ids: string[]; duplicates: number; firstDuplicate: number } {
  const used = new Set<string>();
  const nextFor = new Map<string, number>();
  const ids: string[] = [];
  let duplicates = 0;
  let firstDuplicate = -1;
  given.forEach((g, k) => {
    let id = g;
    if (id === '' || used.has(id)) {
      if (id !== '') {
        duplicates++;
        if (firstDuplicate < 0) firstDuplicate = k;
      }
      const base = id === '' ? '' : id + '-';
      let next = Math.max(k + 1, nextFor.get(base) ?? 0);
      while (used.has(base + next)) next++;
      nextFor.set(base, next + 1);
      id = base + next;
    }
    used.add(id);
    ids.push(id);
  });
  return { ids, duplicates, firstDuplicate };
}

describe('uniqueCueIds', () => {
  it('keeps given ids, numbers cues without one from their position, renames repeats', () => {
    // Cue 3 has no id: it takes 3, so the "3" given later is a repeat, as is the second "intro".
    expect(uniqueCueIds(['', 'intro', '', '2', 'intro', '3', ''])).toEqual({
      ids: ['1', 'intro', '3', '2', 'intro-5', '3-6', '7'],
      duplicates: 2,
      firstDuplicate: 4,
    });
  });

  it('assigns exactly what the one-Set rule assigns, for any mix of ids', () => {
    const id = fc.oneof(
      fc.constant(''),
      fc.integer({ min: 0, max: 40 }).map(String),
      fc.constantFrom('01', '0', '1-1', '2-1', 'a', 'a-1', 'a-2', '999999999', '1e3', ' 1', '١'),
      fc.integer({ min: 1, max: 2 ** 53 - 1 }).map(String),
    );
    fc.assert(
      fc.property(fc.array(id, { maxLength: 60 }), (given) => {
        expect(uniqueCueIds(given)).toEqual(reference(given));
      }),
      { numRuns: 3000, seed: 20261206 },
    );
  });

  it('the shape that was super-linear (ids M+1…2M, then M cues without one) gets M+1…2M, then 2M+1…3M', () => {
    const m = 50_000;
    const given = [
      ...Array.from({ length: m }, (_, i) => String(m + i + 1)),
      ...Array.from({ length: m }, () => ''),
    ];
    const { ids, duplicates } = uniqueCueIds(given);
    expect(duplicates).toBe(0);
    expect(ids[m - 1]).toBe(String(2 * m));
    expect(ids[m]).toBe(String(2 * m + 1));
    expect(ids[2 * m - 1]).toBe(String(3 * m));
    expect(new Set(ids).size).toBe(2 * m);
  });
});
