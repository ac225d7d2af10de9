// Unique WebVTT cue identifiers. A cue keeps the identifier the file gives it unless an earlier
// cue already has it (then `<id>-<n>`); a cue without one gets the first free number from its
// position on (cue k: k + 1, k + 2, …). Every id is checked against those assigned before it.
//
// The ids assigned so far are kept in two places: the plain numbers ("17", no leading zero) in a
// bitmap, everything else in a Set. Identifiers are numbers in most files, and V8's hash tables
// grow slower than linear past a few hundred thousand entries (a Set of 0.8 M → 1.6 M numbers: 2.7×
// the time per doubling here), which made one shape of file read in super-linear time. The bitmap
// covers every number a cue without an id can be given; a file whose numbers go far beyond its
// cue count (a lone id "999999999") keeps them in the Set instead.

/** The value of a plain decimal number below `limit` ("1", "204"; not "0", "01", "1e3"), else -1. */
function plainNumber(id: string, limit: number): number {
  const n = id.length;
  if (n === 0 || n > 15) return -1;
  let v = 0;
  for (let i = 0; i < n; i++) {
    const c = id.charCodeAt(i) - 48;
    if (c < 0 || c > 9 || (i === 0 && c === 0)) return -1;
    v = v * 10 + c;
  }
  return v < limit ? v : -1;
}

export interface UniqueIds {
  ids: string[];
  /** How many cues had an identifier an earlier cue already had. */
  duplicates: number;
  /** The index of the first such cue, or -1. */
  firstDuplicate: number;
}

export function uniqueCueIds(given: readonly string[]): UniqueIds {
  const count = given.length;
  // The number given to cue k is the first free one from k + 1: every number it skips is taken, by
  // an earlier cue's number (fewer than `count`) or by a number the file gives (at most the
  // largest). So they stay below max(largest, count) + 2 × count + 2, all in the bitmap, unless the
  // file's numbers are far larger than its cue count.
  let largest = 0;
  for (const id of given) largest = Math.max(largest, plainNumber(id, Number.MAX_SAFE_INTEGER));
  const size = largest <= 4 * count + 1024 ? Math.max(largest, count) + 2 * count + 2 : 2 * count + 2;
  const numbers = new Uint8Array(size);
  const others = new Set<string>();
  const has = (id: string): boolean => {
    const v = plainNumber(id, size);
    return v >= 0 ? numbers[v] === 1 : others.has(id);
  };
  const add = (id: string): void => {
    const v = plainNumber(id, size);
    if (v >= 0) numbers[v] = 1;
    else others.add(id);
  };
  const ids: string[] = new Array<string>(count);
  // Per base ("" or "id-"), the number to try next: it only grows, so the search is linear.
  const nextFor = new Map<string, number>();
  let duplicates = 0;
  let firstDuplicate = -1;
  for (let k = 0; k < count; k++) {
    let id = given[k] ?? '';
    if (id === '' || has(id)) {
      if (id !== '') {
        duplicates++;
        if (firstDuplicate < 0) firstDuplicate = k;
      }
      const base = id === '' ? '' : id + '-';
      let next = Math.max(k + 1, nextFor.get(base) ?? 0);
      // Plain numbers are looked up without making a string of each one tried.
      if (base === '') while (next < size ? numbers[next] === 1 : others.has(String(next))) next++;
      else while (has(base + next)) next++;
      nextFor.set(base, next + 1);
      id = base + next;
    }
    add(id);
    ids[k] = id;
  }
  return { ids, duplicates, firstDuplicate };
}
