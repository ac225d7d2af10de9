import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdit } from '../../../shared/captions/edits.ts';
import type { Track } from '../../../shared/captions/model.ts';
import { checkTrack, PRESETS } from '../../../shared/captions/rules.ts';
import { FRAME_RATES } from '../../../shared/captions/time.ts';
import { IncrementalChecker } from '../../../renderer/src/state/incremental-checks.ts';

const cueArb = fc.record({
  start: fc.integer({ min: 0, max: 20_000 }),
  len: fc.integer({ min: 0, max: 9000 }),
  text: fc.constantFrom(
    '',
    'Hi',
    'A much longer line of caption text that goes on and on',
    'two\nlines',
    'a\nb\nc',
    '<i>é</i>',
  ),
});
// Mostly in time order (as edited tracks are), sometimes not (the order rule).
const trackArb = fc.tuple(fc.array(cueArb, { maxLength: 30 }), fc.boolean()).map(([xs, sorted]): Track => {
  const cues = xs.map((x, i) => ({ id: String(i + 1), start: x.start, end: x.start + x.len, text: x.text }));
  if (sorted) cues.sort((a, b) => a.start - b.start);
  return { language: 'en', label: '', cues };
});

describe('IncrementalChecker', () => {
  it('finds exactly what checkTrack finds, before and after edits', () => {
    fc.assert(
      fc.property(
        trackArb,
        fc.integer({ min: 0, max: 29 }),
        fc.integer({ min: 0, max: 5000 }),
        (track, k, d) => {
          const checker = new IncrementalChecker();
          const rules = PRESETS['netflix-adult'];
          const rate = FRAME_RATES['25'];
          expect(checker.check(track, rules, rate)).toEqual(checkTrack(track, rules, { frameRate: rate }));
          const cue = track.cues[k % Math.max(1, track.cues.length)];
          if (!cue) return;
          const edited = applyEdit(track, { kind: 'move', id: cue.id, start: d }).track;
          expect(checker.check(edited, rules, rate)).toEqual(checkTrack(edited, rules, { frameRate: rate }));
          const texted = applyEdit(edited, { kind: 'setText', id: cue.id, text: '' }).track;
          expect(checker.check(texted, rules, rate)).toEqual(checkTrack(texted, rules, { frameRate: rate }));
        },
      ),
      { numRuns: 300 },
    );
  });
});
