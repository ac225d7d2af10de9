import { describe, expect, it } from 'vitest';
import type { Cue, Track } from '../../../shared/captions/model.ts';
import type { RuleSettings } from '../../../shared/captions/rules.ts';
import { PRESETS, checkTrack, countCharacters, cueCps, visibleText } from '../../../shared/captions/rules.ts';
import { FRAME_RATES } from '../../../shared/captions/time.ts';

const S: RuleSettings = {
  maxCharsPerLine: 42,
  maxLines: 2,
  maxCps: 20,
  minDurationMs: 833,
  maxDurationMs: 7000,
  minGapMs: 83,
  cpsCountsSpaces: true,
};

const track = (cues: Omit<Cue, 'id'>[], language = 'en'): Track => ({
  language,
  label: '',
  cues: cues.map((c, i) => ({ id: String(i + 1), ...c })),
});
const rules = (t: Track, s: RuleSettings = S) =>
  checkTrack(t, s).map((f) => [f.rule, f.severity, f.cueIndex]);

describe('quality rules', () => {
  it('a clean track has no findings', () => {
    expect(
      checkTrack(
        track([
          { start: 0, end: 2000, text: 'Hello there.' },
          { start: 2100, end: 4000, text: 'How are you?' },
        ]),
        S,
      ),
    ).toEqual([]);
  });

  it('reading speed: characters per second, tags not counted', () => {
    // 21 visible characters in 1 s.
    const t = track([{ start: 0, end: 1000, text: '<i>abcdefghij</i> klmnopqrst' }]);
    const [f] = checkTrack(t, S);
    expect(f).toMatchObject({
      rule: 'reading-speed',
      severity: 'error',
      cueId: '1',
      cueIndex: 0,
      value: 21,
      limit: 20,
    });
    expect(checkTrack(t, { ...S, maxCps: 21 })).toEqual([]);
    expect(cueCps({ id: 'x', start: 0, end: 2000, text: '<b>ab</b>\ncd' })).toBe(2);
    expect(cueCps({ id: 'x', start: 0, end: 2000, text: 'a b' }, { countSpaces: false })).toBe(1);
  });

  it('characters per line counts grapheme clusters, not UTF-16 units', () => {
    expect(countCharacters('e\u0301')).toBe(1);
    expect(countCharacters('👍🏽👨‍👩‍👧')).toBe(2);
    expect(countCharacters('नमस्ते', 'hi')).toBe(3);
    const long = '👍🏽'.repeat(43); // 172 UTF-16 units, 43 characters
    const f = checkTrack(track([{ start: 0, end: 6000, text: long }]), { ...S, maxCps: 100 });
    expect(f).toEqual([expect.objectContaining({ rule: 'line-length', line: 1, value: 43, limit: 42 })]);
    const ok = '👍🏽'.repeat(42);
    expect(checkTrack(track([{ start: 0, end: 6000, text: ok }]), { ...S, maxCps: 100 })).toEqual([]);
  });

  // One cue list per rule, with the findings (rule, severity, cue index) it must give.
  it.each<[string, Array<{ start: number; end: number; text: string }>, Array<[string, string, number]>]>([
    ['line count', [{ start: 0, end: 5000, text: 'a\nb\nc' }], [['line-count', 'error', 0]]],
    [
      'minimum and maximum duration',
      [
        { start: 0, end: 832, text: 'Hi.' },
        { start: 1000, end: 8001, text: 'Long.' },
      ],
      [
        ['min-duration', 'warning', 0],
        ['max-duration', 'warning', 1],
      ],
    ],
    [
      'overlaps, including with a long cue before the previous one',
      [
        { start: 0, end: 5000, text: 'Long' },
        { start: 1000, end: 2000, text: 'Inside' },
        { start: 3000, end: 4000, text: 'Also inside' },
      ],
      [
        ['overlap', 'error', 1],
        ['overlap', 'error', 2],
      ],
    ],
    [
      'empty cues (markup only counts as empty)',
      [{ start: 0, end: 1000, text: '<i> </i>' }],
      [['empty', 'error', 0]],
    ],
    [
      'order',
      [
        { start: 5000, end: 6000, text: 'B' },
        { start: 1000, end: 2000, text: 'A' },
      ],
      [['order', 'error', 1]],
    ],
  ])('%s', (_name, cues, expected) => {
    expect(rules(track(cues))).toEqual(expected);
  });

  it('gaps below the minimum, in ms or in frames when the frame rate is known', () => {
    const t = track([
      { start: 0, end: 1000, text: 'A' },
      { start: 1050, end: 2000, text: 'B' },
    ]);
    expect(rules(t, { ...S, minDurationMs: 0 })).toEqual([['gap', 'warning', 1]]);
    // 2 frames at 25 fps = 80 ms > 50 ms; at 50 fps = 40 ms < 50 ms.
    const s = { ...S, minDurationMs: 0, minGapFrames: 2 };
    expect(checkTrack(t, s, { frameRate: FRAME_RATES['25'] })).toHaveLength(1);
    expect(checkTrack(t, s, { frameRate: FRAME_RATES['50'] })).toEqual([]);
  });

  it('words per minute, with a softer target as info', () => {
    // 8 words in 2.5 s = 192 wpm.
    const t = track([{ start: 0, end: 2500, text: 'one two three four\nfive six seven eight' }]);
    expect(rules(t, PRESETS.bbc)).toEqual([['words-per-minute', 'error', 0]]);
    const slower = track([{ start: 0, end: 2900, text: 'one two three four\nfive six seven eight' }]); // 166 wpm
    expect(rules(slower, PRESETS.bbc)).toEqual([['words-per-minute', 'info', 0]]);
  });

  it('severity can be overridden per rule', () => {
    const t = track([{ start: 0, end: 500, text: 'Hi.' }]);
    expect(rules(t, { ...S, severity: { 'min-duration': 'error' } })).toEqual([['min-duration', 'error', 0]]);
  });

  it('markup is not shown, so it is not counted', () => {
    expect(visibleText('<font color="#fff">{\\an8}Hi &amp; <v Bob>bye</v></font>')).toBe('Hi & bye');
  });
});

describe('presets carry the guideline numbers', () => {
  it('Netflix adult and children', () => {
    expect(PRESETS['netflix-adult']).toMatchObject({
      maxCharsPerLine: 42,
      maxLines: 2,
      maxCps: 20,
      minDurationMs: 833,
      maxDurationMs: 7000,
      minGapFrames: 2,
    });
    expect(PRESETS['netflix-children']).toMatchObject({ maxCps: 17, maxCharsPerLine: 42 });
  });

  it('BBC and DCMP', () => {
    expect(PRESETS.bbc).toMatchObject({ maxCharsPerLine: 37, maxWpm: 180, targetWpm: 160 });
    expect(PRESETS.dcmp).toMatchObject({ maxCharsPerLine: 32, maxWpm: 160 });
  });

  it('the same cue passes one preset and fails another', () => {
    // 40 characters on one line: fine for Netflix (42), too long for BBC (37) and DCMP (32).
    const t = track([{ start: 0, end: 6000, text: 'a'.repeat(40) }]);
    expect(rules(t, PRESETS['netflix-adult'])).toEqual([]);
    expect(rules(t, PRESETS.bbc)).toEqual([['line-length', 'error', 0]]);
    expect(rules(t, PRESETS.dcmp)).toEqual([['line-length', 'error', 0]]);
    // 40 characters in 2.2 s: 18.2 cps, fine for adults, too fast for children (17).
    const fast = track([{ start: 0, end: 2200, text: 'a'.repeat(40) }]);
    expect(rules(fast, PRESETS['netflix-adult'])).toEqual([]);
    expect(rules(fast, PRESETS['netflix-children'])).toEqual([['reading-speed', 'error', 0]]);
  });
});
