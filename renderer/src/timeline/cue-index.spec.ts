import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Cue } from '../../../shared/captions/model.ts';
import { buildCueIndex, neighbourBounds, visibleRange } from './cue-index.ts';

function cue(id: string, start: number, end: number): Cue {
  return { id, start, end, text: id };
}

const cueArb = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 20_000 })), {
    maxLength: 200,
  })
  .map((xs) => xs.map(([s, d], i) => cue(String(i + 1), s, s + d)));

describe('visible-range culling', () => {
  it('finds every cue that intersects the window (property, unsorted and overlapping input)', () => {
    fc.assert(
      fc.property(
        cueArb,
        fc.integer({ min: 0, max: 120_000 }),
        fc.integer({ min: 0, max: 30_000 }),
        (cues, a, w) => {
          const ix = buildCueIndex(cues);
          const { from, to } = visibleRange(ix, a, a + w);
          const found = new Set<string>();
          for (let k = from; k < to; k++) found.add(cues[ix.order[k] as number]?.id ?? '');
          for (const c of cues) if (c.end > a && c.start <= a + w) expect(found.has(c.id)).toBe(true);
        },
      ),
    );
  });

  it('examines only the cues near the window for 10,000 sorted cues', () => {
    const cues = Array.from({ length: 10_000 }, (_, i) => cue(String(i + 1), i * 700, i * 700 + 600));
    const ix = buildCueIndex(cues);
    const { from, to } = visibleRange(ix, 3_500_000, 3_510_000);
    expect(to - from).toBeLessThanOrEqual(16);
    expect(cues[ix.order[from] as number]?.id).toBe('5001');
  });

  it('a long early cue stays visible far into the file', () => {
    const cues = [cue('a', 0, 100_000), cue('b', 1000, 2000), cue('c', 50_000, 51_000)];
    const ix = buildCueIndex(cues);
    const { from, to } = visibleRange(ix, 60_000, 70_000);
    const ids = Array.from(ix.order.slice(from, to), (i) => cues[i]?.id);
    expect(ids).toContain('a');
  });
});

describe('neighbour bounds', () => {
  const cues = [cue('1', 0, 1000), cue('2', 2000, 3000), cue('3', 4000, 5000), cue('4', 4500, 9000)];
  const ix = buildCueIndex(cues);
  it('are the previous end and the next start', () => {
    expect(neighbourBounds(ix, 2000, 3000, new Set(['2']))).toEqual({ prevEnd: 1000, nextStart: 4000 });
  });
  it('skip cues that move along', () => {
    expect(neighbourBounds(ix, 2000, 3000, new Set(['2', '3']))).toEqual({ prevEnd: 1000, nextStart: 4500 });
  });
  it('pin a side that already overlaps', () => {
    expect(neighbourBounds(ix, 4500, 9000, new Set(['4']))).toEqual({ prevEnd: 4500, nextStart: Infinity });
  });
});

describe('index reuse', () => {
  it('keeps the id map when only times changed, rebuilds it when ids moved', () => {
    const a = [cue('1', 0, 10), cue('2', 20, 30)];
    const ix = buildCueIndex(a);
    const moved = buildCueIndex([a[0]!, { ...a[1]!, start: 25, end: 35 }], ix);
    expect(moved.byId).toBe(ix.byId);
    expect(Array.from(moved.starts)).toEqual([0, 25]);
    const swapped = buildCueIndex([a[1]!, a[0]!], ix);
    expect(swapped.byId).not.toBe(ix.byId);
    expect(swapped.byId.get('2')).toBe(0);
  });
});
