import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdit } from '../../../shared/captions/edits.ts';
import type { Track } from '../../../shared/captions/model.ts';
import { checkTrack, PRESETS, type Finding } from '../../../shared/captions/rules.ts';
import { FRAME_RATES } from '../../../shared/captions/time.ts';
import { IncrementalChecker, mergeInCueOrder } from '../../../renderer/src/state/incremental-checks.ts';

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

describe('mergeInCueOrder', () => {
  it('is the stable sort by cue of the rules’ findings followed by the others', () => {
    const finding = fc.record({
      rule: fc.constantFrom('gap', 'cps', 'spelling'),
      cueIndex: fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }),
      n: fc.nat(),
    });
    fc.assert(
      fc.property(fc.array(finding), fc.array(finding), (a, b) => {
        const mk = (x: { rule: string; cueIndex: number | undefined; n: number }) =>
          ({
            rule: x.rule,
            severity: 'warning',
            message: String(x.n),
            ...(x.cueIndex === undefined ? {} : { cueIndex: x.cueIndex }),
          }) as Finding;
        const key = (f: Finding): number => f.cueIndex ?? -1;
        const ordered = a.map(mk).sort((x, y) => key(x) - key(y));
        const more = b.map(mk);
        expect(mergeInCueOrder(ordered, more)).toEqual([...ordered, ...more].sort((x, y) => key(x) - key(y)));
      }),
    );
  });
});

describe('IncrementalChecker on the same track again', () => {
  it('answers the findings it made (nothing to check anew); an edit or new settings check again', () => {
    const checker = new IncrementalChecker();
    const track: Track = {
      language: 'en',
      label: '',
      cues: [
        { id: 'a', start: 0, end: 500, text: 'A much longer line of caption text that goes on' },
        { id: 'b', start: 510, end: 2000, text: 'Hi' },
      ],
    };
    const settings = { ...PRESETS['netflix-adult'] };
    const first = checker.check(track, settings);
    expect(first.length).toBeGreaterThan(0);
    expect(checker.check(track, settings)).toBe(first);
    const edited = applyEdit(track, { kind: 'setText', id: 'a', text: 'Short' }).track;
    expect(checker.check(edited, settings)).toEqual(checkTrack(edited, settings));
    const stricter = { ...settings, maxCps: 1 };
    expect(checker.check(edited, stricter)).toEqual(checkTrack(edited, stricter));
  });
});
