import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lowerBound, partitionPoint, upperBound } from '../../shared/partition-point.ts';

const sorted = fc.array(fc.integer({ min: -50, max: 50 })).map((a) => a.sort((x, y) => x - y));

describe('partitionPoint', () => {
  it('lowerBound and upperBound agree with a linear scan, duplicates and ends included', () => {
    fc.assert(
      fc.property(sorted, fc.integer({ min: -60, max: 60 }), (a, v) => {
        const lower = a.findIndex((x) => x >= v);
        const upper = a.findIndex((x) => x > v);
        expect(lowerBound(a, v)).toBe(lower === -1 ? a.length : lower);
        expect(upperBound(Float64Array.from(a), v)).toBe(upper === -1 ? a.length : upper);
      }),
    );
  });

  it('answers 0 for an empty run and the length when the predicate holds throughout', () => {
    expect(partitionPoint(0, () => true)).toBe(0);
    expect(partitionPoint(7, () => true)).toBe(7);
    expect(partitionPoint(7, () => false)).toBe(0);
  });
});
