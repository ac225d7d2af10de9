import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Edit } from '../../../shared/captions/edits.ts';
import {
  applyEdit,
  insertCue,
  mergeCues,
  renumberCues,
  shiftAll,
  sortCues,
  splitCue,
  splitText,
  stretchCues,
} from '../../../shared/captions/edits.ts';
import type { Track } from '../../../shared/captions/model.ts';
import { srtTrack, vttTrack, cueText } from './arbitraries.ts';
import { englishTrack } from '../../support/tracks.ts';

const track = englishTrack(
  [1000, 3000, 'Hello there my friend'],
  [4000, 5000, 'Second'],
  [6000, 8000, 'Third'],
);

/** Edits that are valid for `t` (ids and ranges taken from it). */
function editFor(t: Track): fc.Arbitrary<Edit> {
  const n = t.cues.length;
  const ids = t.cues.map((c) => c.id);
  const anyId = fc.constantFrom(...(n > 0 ? ids : ['none']));
  const subset = fc.subarray(ids);
  const ms = fc.integer({ min: 0, max: 100_000 });
  const newCue = fc.tuple(ms, fc.integer({ min: 0, max: 5000 }), cueText).map(([start, d, text]) => ({
    id: `new-${start}-${d}`,
    start,
    end: start + d,
    text,
  }));
  const always: fc.Arbitrary<Edit>[] = [
    fc
      .record({ index: fc.integer({ min: 0, max: n }), cue: newCue })
      .map((item) => ({ kind: 'insert', items: [item] }) as Edit),
    fc.constant({ kind: 'sort' } as Edit),
    fc.constant({ kind: 'renumber' } as Edit),
    fc
      .tuple(fc.oneof(fc.constant('all' as const), subset), fc.integer({ min: -50_000, max: 50_000 }))
      .map(([sel, deltaMs]) => ({ kind: 'shift', ids: sel, deltaMs }) as Edit),
    fc
      .tuple(fc.oneof(fc.constant('all' as const), subset), ms, ms, ms, ms)
      .filter(([, a, b, c, d]) => a !== b && (b - a) * (d - c) > 0)
      .map(([sel, a, b, c, d]) => ({ kind: 'stretch', ids: sel, from: [a, b], to: [c, d] }) as Edit),
    fc
      .shuffledSubarray(ids, { minLength: n, maxLength: n })
      .map((order) => ({ kind: 'reorder', ids: order }) as Edit),
    fc
      .tuple(
        fc.integer({ min: 0, max: n }),
        fc.integer({ min: 0, max: n }),
        fc.array(newCue, { maxLength: 3 }),
      )
      .map(
        ([index, count, cues]) =>
          ({
            kind: 'replaceCues',
            index,
            count: Math.min(count, n - index),
            cues: cues.map((c, k) => ({ ...c, id: `${c.id}-${k}` })),
          }) as Edit,
      ),
  ];
  if (n === 0) return fc.oneof(...always);
  const withCues: fc.Arbitrary<Edit>[] = [
    subset.map((del) => ({ kind: 'delete', ids: del }) as Edit),
    fc.tuple(anyId, ms).map(([id, start]) => ({ kind: 'move', id, start }) as Edit),
    anyId.chain((id) => {
      const c = t.cues.find((x) => x.id === id);
      const end = c?.end ?? 0;
      return fc.integer({ min: 0, max: end }).map((start) => ({ kind: 'resize', id, start }) as Edit);
    }),
    fc.tuple(anyId, cueText).map(([id, text]) => ({ kind: 'setText', id, text }) as Edit),
    fc
      .uniqueArray(fc.tuple(anyId, ms, fc.integer({ min: 0, max: 9000 })), {
        selector: ([id]) => id,
        maxLength: 4,
      })
      .map(
        (ts) =>
          ({ kind: 'retime', times: ts.map(([id, start, d]) => ({ id, start, end: start + d })) }) as Edit,
      ),
    fc
      .tuple(anyId, fc.option(fc.constantFrom('align:start', 'line:0'), { nil: null }))
      .map(([id, settings]) => ({ kind: 'setSettings', id, settings }) as Edit),
  ];
  const splittable = t.cues.filter((c) => c.end - c.start >= 2);
  if (splittable.length > 0)
    withCues.push(
      fc
        .constantFrom(...splittable)
        .chain((c) =>
          fc
            .integer({ min: c.start + 1, max: c.end - 1 })
            .map((at) => ({ kind: 'split', id: c.id, at }) as Edit),
        ),
    );
  if (n >= 2)
    withCues.push(
      fc
        .tuple(fc.integer({ min: 0, max: n - 2 }), fc.integer({ min: 2, max: 3 }))
        .map(([from, len]) => ({ kind: 'merge', ids: ids.slice(from, Math.min(n, from + len)) }) as Edit),
    );
  return fc.oneof(...always, ...withCues);
}

describe('every edit followed by its inverse gives back the original', () => {
  for (const [name, arb] of [
    ['SRT-shaped tracks', srtTrack],
    ['WebVTT-shaped tracks', vttTrack],
  ] as const) {
    it(name, () => {
      fc.assert(
        fc.property(
          arb.chain((t) => fc.tuple(fc.constant(t), editFor(t))),
          ([t, edit]) => {
            const before = structuredClone(t);
            const { track: after, inverse } = applyEdit(t, edit);
            expect(t).toStrictEqual(before); // pure: the input is untouched
            expect(applyEdit(after, inverse).track).toStrictEqual(t);
          },
        ),
        { numRuns: 500 },
      );
    });
  }

  it('a batch of edits undoes in one step', () => {
    const edit: Edit = {
      kind: 'batch',
      edits: [
        { kind: 'split', id: '1', at: 2000, newId: 'x' },
        { kind: 'shift', ids: 'all', deltaMs: 500 },
        { kind: 'delete', ids: ['2'] },
      ],
    };
    const { track: after, inverse } = applyEdit(track, edit);
    expect(after.cues.map((c) => c.id)).toEqual(['1', 'x', '3']);
    expect(applyEdit(after, inverse).track).toStrictEqual(track);
  });
});

describe('edits', () => {
  it('splits text at the word boundary nearest the cut', () => {
    const r = splitCue(track, '1', 2000, '1b');
    expect(r.track.cues.slice(0, 2)).toEqual([
      { id: '1', start: 1000, end: 2000, text: 'Hello there' },
      { id: '1b', start: 2000, end: 3000, text: 'my friend' },
    ]);
    expect(r.edit).toEqual({ kind: 'split', id: '1', at: 2000, newId: '1b' });
  });

  it('splits text without spaces at a grapheme boundary', () => {
    expect(splitText('你好世界', 0.5)).toEqual(['你好', '世界']);
    expect(splitText('👍🏽👍🏽', 0.5)).toEqual(['👍🏽', '👍🏽']);
    expect(splitText('two\nlines', 0.4)).toEqual(['two', 'lines']);
  });

  it('gives the new half of a split a fresh id', () => {
    const r = splitCue(track, '2', 4500);
    expect(r.track.cues.map((c) => c.id)).toEqual(['1', '2', '4', '3']);
  });

  it('refuses a split outside the cue', () => {
    expect(() => splitCue(track, '2', 5000)).toThrow(/strictly inside/);
  });

  it('merges consecutive cues only', () => {
    const r = mergeCues(track, ['2', '3']);
    expect(r.track.cues[1]).toEqual({ id: '2', start: 4000, end: 8000, text: 'Second\nThird' });
    expect(() => mergeCues(track, ['1', '3'])).toThrow(/consecutive/);
  });

  it('clamps a shift so no cue starts before 0 and the inverse restores it', () => {
    const r = shiftAll(track, -5000);
    expect(r.track.cues[0]?.start).toBe(0);
    expect(r.inverse).toEqual({ kind: 'shift', ids: 'all', deltaMs: 1000 });
  });

  it('stretches linearly between two sync points', () => {
    // 1000 → 1000 and 6000 → 11000: everything after 1 s runs at half speed.
    const r = stretchCues(track, 'all', { from: 1000, to: 1000 }, { from: 6000, to: 11_000 });
    expect(r.track.cues.map((c) => [c.start, c.end])).toEqual([
      [1000, 5000],
      [7000, 9000],
      [11_000, 15_000],
    ]);
  });

  it('inserts in time order by default and sorts / renumbers', () => {
    const r = insertCue(track, { id: 'n', start: 3500, end: 3900, text: 'new' });
    expect(r.track.cues.map((c) => c.id)).toEqual(['1', 'n', '2', '3']);
    const shuffled: Track = { ...track, cues: [track.cues[2]!, track.cues[0]!, track.cues[1]!] };
    expect(sortCues(shuffled).track.cues.map((c) => c.id)).toEqual(['1', '2', '3']);
    expect(renumberCues(r.track).track.cues.map((c) => c.id)).toEqual(['1', '2', '3', '4']);
  });

  it('renumbering follows NOTE blocks anchored to cue ids', () => {
    const t: Track = {
      ...track,
      cues: [{ id: 'a', start: 0, end: 1, text: 'x' }],
      vtt: { header: '', cueIds: true, blocks: [{ kind: 'NOTE', text: 'NOTE n', afterCueId: 'a' }] },
    };
    expect(renumberCues(t).track.vtt?.blocks[0]?.afterCueId).toBe('1');
  });

  it('rejects edits naming unknown cues', () => {
    expect(() => applyEdit(track, { kind: 'setText', id: 'nope', text: '' })).toThrow(
      /no cue with id "nope"/,
    );
  });
});
