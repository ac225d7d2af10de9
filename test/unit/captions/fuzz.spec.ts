// The fuzz targets of `npm run fuzz` (test/fuzz/captions-fuzz.ts) with a fixed seed and count: what
// Cueline writes it reads back, and no input crashes a reader, the decoder or a writer.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BAD_OUTCOMES, targets } from '../../fuzz/captions-fuzz.ts';

const SEED = 15;
const RUNS = 1500;

describe('caption fuzz targets (fixed seed)', () => {
  for (const target of targets) {
    it(target.name, () => {
      const seen = new Map<string, number>();
      fc.assert(
        fc.property(target.arbitrary, (input) => {
          const v = target.check(input);
          seen.set(v.outcome, (seen.get(v.outcome) ?? 0) + 1);
          expect(BAD_OUTCOMES.has(v.outcome), v.detail).toBe(false);
        }),
        { seed: SEED, numRuns: RUNS },
      );
      // The generators reach both sides: inputs read or written, and inputs refused.
      expect(seen.get('ok')).toBeGreaterThan(RUNS / 10);
      expect(seen.get('refused')).toBeGreaterThan(RUNS / 10);
    });
  }
});
