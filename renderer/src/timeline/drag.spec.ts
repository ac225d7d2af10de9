import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Edit } from '../../../shared/captions/edits.ts';
import { applyEdit } from '../../../shared/captions/edits.ts';
import type { Cue, Track } from '../../../shared/captions/model.ts';
import { FRAME_RATES } from '../../../shared/captions/time.ts';
import { buildCueIndex } from './cue-index.ts';
import { DragSession, type DragEnv, type DragMode } from './drag.ts';
import { DEFAULT_SNAP, type SnapSettings } from './snapping.ts';

function cue(id: string, start: number, end: number): Cue {
  return { id, start, end, text: id };
}

function env(cues: Cue[], over: Partial<DragEnv> = {}, snap: Partial<SnapSettings> = {}): DragEnv {
  return {
    index: buildCueIndex(cues),
    snap: {
      settings: { ...DEFAULT_SNAP, ...snap },
      rate: FRAME_RATES['25'],
      msPerPx: 10,
      playheadMs: 999_999,
      shotChangesMs: [],
    },
    durationMs: 60_000,
    allowOverlaps: false,
    minDurationMs: 40,
    ...over,
  };
}

function track(cues: Cue[]): Track {
  return { language: 'en', label: 'English', cues };
}

/** Runs a drag through pointer positions and applies the edit stream like the shell does. */
function drag(
  cues: Cue[],
  e: DragEnv,
  mode: DragMode,
  ids: string[],
  anchor: number,
  moves: number[],
): { edits: Edit[]; track: Track } {
  const s = new DragSession(e, mode, ids, anchor);
  const edits: Edit[] = [];
  let t = track(cues);
  for (const m of moves) {
    const u = s.update(m);
    if (u.edit) {
      edits.push(u.edit);
      t = applyEdit(t, u.edit).track;
    }
  }
  return { edits, track: t };
}

function times(t: Track): [string, number, number][] {
  return t.cues.map((c) => [c.id, c.start, c.end]);
}

const three = (): Cue[] => [cue('1', 1000, 2000), cue('2', 4000, 5000), cue('3', 8000, 9000)];

describe('drag: move', () => {
  it('emits absolute move edits for one cue, snapped to frames', () => {
    const r = drag(three(), env(three()), 'move', ['2'], 4500, [4600, 4713, 4713]);
    expect(r.edits).toEqual([
      { kind: 'move', id: '2', start: 4120 },
      { kind: 'move', id: '2', start: 4200 },
    ]);
    expect(times(r.track)[1]).toEqual(['2', 4200, 5200]);
  });

  it('stops at neighbours instead of overlapping them', () => {
    const r = drag(three(), env(three()), 'move', ['2'], 4500, [1000, 0]);
    expect(times(r.track)[1]).toEqual(['2', 2000, 3000]);
    const r2 = drag(three(), env(three()), 'move', ['2'], 4500, [20_000]);
    expect(times(r2.track)[1]).toEqual(['2', 7000, 8000]);
  });

  it('overlaps when asked', () => {
    const r = drag(three(), env(three(), { allowOverlaps: true }), 'move', ['2'], 4500, [5020]);
    expect(times(r.track)[1]).toEqual(['2', 4520, 5520]);
    const r2 = drag(three(), env(three(), { allowOverlaps: true }), 'move', ['2'], 4500, [8500]);
    expect(times(r2.track)[1]).toEqual(['2', 8000, 9000]);
  });

  it('snaps the end to the next cue when it comes within the magnet', () => {
    // end 5000 + 2950 = 7950, 50 ms (5 px) from cue 3's start.
    const r = drag(three(), env(three()), 'move', ['2'], 4500, [7450]);
    expect(times(r.track)[1]).toEqual(['2', 7000, 8000]);
  });

  it('snaps the start to a shot change by the 12-frame rule', () => {
    const e = env(three());
    e.snap = { ...e.snap, shotChangesMs: [6000] };
    const r = drag(three(), e, 'move', ['2'], 4500, [6900]); // start 6400 = 10 frames after the cut
    expect(times(r.track)[1]).toEqual(['2', 6000, 7000]);
  });

  it('Alt disables snapping', () => {
    const cues = three();
    const s = new DragSession(env(cues), 'move', ['2'], 4500);
    expect(s.update(4613, true).edit).toEqual({ kind: 'move', id: '2', start: 4113 });
  });

  it('moves a selection together with one retime edit per step, clamped by the unselected cues', () => {
    const cues = [...three(), cue('4', 12_000, 13_000)];
    const r = drag(cues, env(cues), 'move', ['2', '3'], 4500, [5500, 9000]);
    expect(r.edits[0]).toEqual({
      kind: 'retime',
      times: [
        { id: '2', start: 5000, end: 6000 },
        { id: '3', start: 9000, end: 10_000 },
      ],
    });
    // Cue 3 reaches cue 4 at +3000.
    expect(times(r.track)).toEqual([
      ['1', 1000, 2000],
      ['2', 7000, 8000],
      ['3', 11_000, 12_000],
      ['4', 12_000, 13_000],
    ]);
  });

  it('never moves before 0 or past the end of the media', () => {
    const cues = [cue('1', 1000, 2000)];
    expect(times(drag(cues, env(cues), 'move', ['1'], 1500, [-5000]).track)[0]).toEqual(['1', 0, 1000]);
    expect(times(drag(cues, env(cues), 'move', ['1'], 1500, [99_000]).track)[0]).toEqual([
      '1',
      59_000,
      60_000,
    ]);
  });

  it('a press without movement emits nothing; cancel restores what was emitted', () => {
    const cues = three();
    const s = new DragSession(env(cues), 'move', ['2'], 4500);
    expect(s.update(4500).edit).toBeNull();
    expect(s.cancel()).toBeNull();
    s.update(4700);
    expect(s.cancel()).toEqual({ kind: 'move', id: '2', start: 4000 });
  });
});

describe('drag: resize', () => {
  it('resizes the start edge within the previous cue and a minimum length', () => {
    const r = drag(three(), env(three()), 'resize-start', ['2'], 4000, [3520, 1500]);
    expect(r.edits[0]).toEqual({ kind: 'resize', id: '2', start: 3520 });
    expect(times(r.track)[1]).toEqual(['2', 2000, 5000]);
    const r2 = drag(three(), env(three()), 'resize-start', ['2'], 4000, [6000]);
    expect(times(r2.track)[1]).toEqual(['2', 4960, 5000]);
  });

  it('resizes the end edge up to the next cue; the end lands 2 frames before a cut', () => {
    const r = drag(three(), env(three()), 'resize-end', ['2'], 5000, [9500]);
    expect(times(r.track)[1]).toEqual(['2', 4000, 8000]);
    const e = env(three());
    e.snap = { ...e.snap, shotChangesMs: [6000] };
    const r2 = drag(three(), e, 'resize-end', ['2'], 5000, [6200]);
    expect(r2.edits.at(-1)).toEqual({ kind: 'resize', id: '2', end: 5920 });
  });
});

describe('drag: create', () => {
  it('makes a range in empty space, clamped to the gap, and no edits', () => {
    const cues = three();
    const s = new DragSession(env(cues), 'create', [], 5500);
    expect(s.update(7000).edit).toBeNull();
    expect(s.createdRange()).toEqual({ startMs: 5520, endMs: 7000 });
    s.update(12_000);
    expect(s.createdRange()).toEqual({ startMs: 5520, endMs: 8000 });
    s.update(3000);
    expect(s.createdRange()).toEqual({ startMs: 5000, endMs: 5520 });
    s.update(5510);
    expect(s.createdRange()).toBeNull();
  });
});

describe('drag: properties', () => {
  it('no drag ever creates an overlap among non-overlapping cues', () => {
    const arb = fc
      .array(fc.tuple(fc.integer({ min: 1, max: 3000 }), fc.integer({ min: 40, max: 3000 })), {
        minLength: 1,
        maxLength: 12,
      })
      .map((xs) => {
        let t = 0;
        return xs.map(([gap, d], i) => {
          const c = cue(String(i + 1), t + gap, t + gap + d);
          t = c.end;
          return c;
        });
      });
    fc.assert(
      fc.property(
        arb,
        fc.constantFrom<DragMode>('move', 'resize-start', 'resize-end'),
        fc.nat(),
        fc.nat(),
        fc.array(fc.integer({ min: -20_000, max: 80_000 }), { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        (cues, mode, pick, count, moves, alt) => {
          const first = pick % cues.length;
          const ids =
            mode === 'move' ? cues.slice(first, first + 1 + (count % 3)).map((c) => c.id) : [cues[first]!.id];
          const e = env(cues, { durationMs: 0 });
          const s = new DragSession(e, mode, ids, cues[first]!.start);
          let t = track(cues);
          for (const m of moves) {
            const u = s.update(m, alt);
            if (u.edit) t = applyEdit(t, u.edit).track;
          }
          const sorted = [...t.cues].sort((a, b) => a.start - b.start);
          for (let i = 1; i < sorted.length; i++)
            expect(sorted[i]!.start).toBeGreaterThanOrEqual(sorted[i - 1]!.end);
          for (const c of t.cues) expect(c.end).toBeGreaterThanOrEqual(c.start);
        },
      ),
    );
  });
});
