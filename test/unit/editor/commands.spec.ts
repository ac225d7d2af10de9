import { describe, expect, it } from 'vitest';
import { applyEdit } from '../../../shared/captions/edits.ts';
import type { Track } from '../../../shared/captions/model.ts';
import { checkTrack, PRESETS } from '../../../shared/captions/rules.ts';
import { FRAME_RATES } from '../../../shared/captions/time.ts';
import { englishTrack } from '../../support/tracks.ts';
import {
  autoFix,
  convertFrameRate,
  cueAtTime,
  findPattern,
  insertAtPlayhead,
  mergeWithNext,
  nudge,
  replaceAll,
  setEdgeAtPlayhead,
  snapToShotChanges,
  splitAtPlayhead,
  twoPointSync,
  type CommandContext,
  type CommandResult,
} from '../../../renderer/src/state/commands.ts';

const track = englishTrack(
  [1000, 3000, 'Hello there friend'],
  [2900, 3500, 'Short'],
  [3600, 5000, 'Third one'],
);
const ctx = (o: Partial<CommandContext> = {}): CommandContext => ({
  selectedIds: [],
  playheadMs: 0,
  frameRate: FRAME_RATES['25'],
  ...o,
});
function run(r: CommandResult): Track {
  if ('error' in r) throw new Error(r.error);
  return applyEdit(track, r.edit).track;
}

describe('editing commands', () => {
  it('finds the cue under the playhead', () => {
    expect(cueAtTime(track, 1000)?.cue.id).toBe('1');
    expect(cueAtTime(track, 3550)).toBeNull();
    expect(cueAtTime(track, 4999)?.cue.id).toBe('3');
  });

  it('splits the cue under the playhead and selects the second half', () => {
    const r = splitAtPlayhead(track, ctx({ playheadMs: 2000 }));
    const t = run(r);
    expect(t.cues.slice(0, 2)).toMatchObject([
      { id: '1', start: 1000, end: 2000 },
      { start: 2000, end: 3000 },
    ]);
    expect('select' in r && r.select).toEqual([t.cues[1]?.id]);
    expect(splitAtPlayhead(track, ctx({ playheadMs: 500 }))).toHaveProperty('error');
  });

  it('leaves the minimum gap the rules ask for when it splits (one undo step)', () => {
    const rate = FRAME_RATES['25'];
    const r = splitAtPlayhead(track, ctx({ playheadMs: 2000, frameRate: rate }), 80);
    const t = run(r);
    expect(t.cues.slice(0, 2)).toMatchObject([
      { id: '1', start: 1000, end: 1920 },
      { start: 2000, end: 3000 },
    ]);
    expect('edit' in r && r.edit.kind).toBe('batch');
    const gaps = checkTrack({ ...t, cues: t.cues.slice(0, 2) }, PRESETS['netflix-adult'], {
      frameRate: rate,
    });
    expect(gaps.filter((f) => f.rule === 'gap')).toEqual([]);
  });

  it('merges with the next cue and sets edges at the playhead', () => {
    const merged = run(mergeWithNext(track, ctx({ selectedIds: ['1'] })));
    expect(merged.cues[0]).toMatchObject({ start: 1000, end: 3500, text: 'Hello there friend\nShort' });
    expect(
      run(setEdgeAtPlayhead(track, ctx({ selectedIds: ['3'], playheadMs: 3700 }), 'start')).cues[2],
    ).toMatchObject({ start: 3700 });
    expect(setEdgeAtPlayhead(track, ctx({ selectedIds: ['3'], playheadMs: 3000 }), 'end')).toHaveProperty(
      'error',
    );
  });

  it('nudges by frames onto the frame grid and by 100 ms', () => {
    expect(run(nudge(track, ctx({ selectedIds: ['1'] }), 'start', 1, 'frame')).cues[0]).toMatchObject({
      start: 1040,
      end: 3000,
    });
    expect(run(nudge(track, ctx({ selectedIds: ['1'] }), 'end', -1, '100ms')).cues[0]).toMatchObject({
      end: 2900,
    });
    expect(run(nudge(track, ctx({ selectedIds: ['1'] }), 'both', -2, 'frame')).cues[0]).toMatchObject({
      start: 920,
      end: 2920,
    });
  });

  it('inserts at the playhead only where there is room', () => {
    const r = insertAtPlayhead(track, ctx({ playheadMs: 5200 }));
    expect(run(r).cues[3]).toMatchObject({ start: 5200, end: 7200, text: '' });
    expect(insertAtPlayhead(track, ctx({ playheadMs: 1500 }))).toHaveProperty('error');
    expect(insertAtPlayhead(track, ctx({ playheadMs: 3520 }))).toHaveProperty('error');
  });

  it('auto-fix resolves the overlap, closes the small gap and extends the short cue', () => {
    const t = run(autoFix(track, PRESETS['netflix-adult'], FRAME_RATES['25']));
    // 2 frames at 25 fps = 80 ms.
    expect(t.cues.map((c) => [c.start, c.end])).toEqual([
      [1000, 2820],
      [2900, 3520],
      [3600, 5000],
    ]);
  });

  it('two-point sync maps the first and last starts', () => {
    const t = run(twoPointSync(track, 2000, 6200));
    expect(t.cues[0]?.start).toBe(2000);
    expect(t.cues[2]?.start).toBe(6200);
  });

  it('snaps a start just after a cut back to the cut and an end near a cut to 2 frames before it', () => {
    const t = run(
      snapToShotChanges(track, ctx({ selectedIds: ['3'] }), [3400, 5120], {
        startWithinFrames: 12,
        endBeforeFrames: 2,
      }),
    );
    expect(t.cues[2]).toMatchObject({ start: 3400, end: 5040 });
  });

  it('snaps a start that is just before a cut to it too (both sides)', () => {
    const t = run(
      snapToShotChanges(track, ctx({ selectedIds: ['3'] }), [3800], {
        startWithinFrames: 12,
        endBeforeFrames: 2,
      }),
    );
    expect(t.cues[2]).toMatchObject({ start: 3800, end: 5000 });
  });

  it('converts the frame rate as one retime of every cue (25 → 23.976)', () => {
    const r = convertFrameRate(track, FRAME_RATES['25'], FRAME_RATES['23.976']);
    const t = run(r);
    // Frame 25 at 25 fps (1 s) is frame 25 at 23.976 fps (1.04271 s).
    expect(t.cues[0]).toMatchObject({ start: 1043, end: 3128 });
    expect(convertFrameRate(track, FRAME_RATES['25'], FRAME_RATES['25'])).toHaveProperty('error');
  });

  it('find and replace with a regex, as one step', () => {
    const re = findPattern({ query: '(\\w+) one', regex: true, caseSensitive: false });
    if (typeof re === 'string') throw new Error(re);
    expect(run(replaceAll(track, re, 'one $1')).cues[2]?.text).toBe('one Third');
    expect(findPattern({ query: '(', regex: true, caseSensitive: false })).toBeTypeOf('string');
    const lit = findPattern({ query: 'e.', regex: false, caseSensitive: true });
    if (typeof lit === 'string') throw new Error(lit);
    expect(replaceAll(track, lit, 'x')).toHaveProperty('error');
  });
});
