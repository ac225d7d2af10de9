import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { CuelineError } from '../../../shared/errors.ts';
import type { ParseErrorDetails } from '../../../shared/captions/read.ts';
import { parseCaptions } from '../../../shared/captions/read.ts';
import { writeCaptions } from '../../../shared/captions/write.ts';
import fc from 'fast-check';
import {
  breakArrows,
  representableText,
  trimBlankEnd,
  writableAsIs,
} from '../../../shared/captions/text-lines.ts';
import { dropSrtOnlyTags, toSrtText, toVttText } from '../../../shared/captions/markup.ts';
import { ITEMS_PER_BATCH } from '../../../shared/captions/chunked-text.ts';
import { formatSrtTimestamp } from '../../../shared/captions/time.ts';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../fixtures/captions/${name}`, import.meta.url), 'utf8');
const parse = (text: string, fileName = 'clip.en.srt') => parseCaptions(text, { fileName });

function parseError(text: string, fileName = 'clip.en.srt'): CuelineError {
  try {
    parse(text, fileName);
  } catch (e) {
    if (e instanceof CuelineError) return e;
    throw e;
  }
  throw new Error('expected a parse error');
}

describe('SRT reader: accepts what real files contain', () => {
  it('reads the messy fixture (BOM, CRLF, wrong/missing numbers, "." for ",", tags, extra blank lines)', () => {
    const { track, format, warnings } = parse(fixture('clip.en.srt'));
    expect(format).toBe('srt');
    expect(track.language).toBe('en');
    expect(track.cues).toEqual([
      { id: '1', start: 1000, end: 3200, text: '<i>Where were you</i>\nlast night?' },
      { id: '2', start: 3600, end: 5800, text: 'At the <b>lab</b>. Again.' },
      { id: '3', start: 6200, end: 8000, text: '<font color="#ffff00">[door slams]</font>' },
      { id: '4', start: 8500, end: 10_900, text: '- You said you quit.\n- I did.' },
      { id: '5', start: 11_000, end: 12_500, text: 'Café & crème brûlée, 3 < 4' },
    ]);
    expect(warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(/^2 cue number\(s\) missing or out of sequence/),
    ]);
  });

  it('reads LF, CRLF and lone-CR line ends alike', () => {
    const lf = '1\n00:00:01,000 --> 00:00:02,000\nA\nB\n\n2\n00:00:03,000 --> 00:00:04,000\nC\n';
    const expected = parse(lf).track.cues;
    expect(parse(lf.replaceAll('\n', '\r\n')).track.cues).toEqual(expected);
    expect(parse(lf.replaceAll('\n', '\r')).track.cues).toEqual(expected);
    expect(expected).toHaveLength(2);
  });

  it('keeps a cue with no text instead of dropping it', () => {
    const { track } = parse('1\n00:00:01,000 --> 00:00:02,000\n\n2\n00:00:03,000 --> 00:00:04,000\nB\n');
    expect(track.cues.map((c) => c.text)).toEqual(['', 'B']);
  });

  it('takes a number right before a timing line as the next cue number when the blank line is missing', () => {
    const { track, warnings } = parse(
      '1\n00:00:01,000 --> 00:00:02,000\nA\n2\n00:00:03,000 --> 00:00:04,000\nB\n',
    );
    expect(track.cues.map((c) => c.text)).toEqual(['A', 'B']);
    expect(warnings.some((w) => /not preceded by a blank line/.test(w.message))).toBe(true);
  });

  it('keeps a number that is the text of a cue', () => {
    const { track } = parse('1\n00:00:01,000 --> 00:00:02,000\n42\n\n2\n00:00:03,000 --> 00:00:04,000\nB\n');
    expect(track.cues.map((c) => c.text)).toEqual(['42', 'B']);
  });

  it('accepts hours beyond 99 and short hours', () => {
    const { track } = parse('1\n100:00:00,000 --> 100:00:01,000\nA\n\n2\n0:00:02,000 --> 0:00:03,000\nB\n');
    expect(track.cues.map((c) => [c.start, c.end])).toEqual([
      [360_000_000, 360_001_000],
      [2000, 3000],
    ]);
  });

  it('ignores X1/Y1 coordinates after the end time, with a warning', () => {
    const { track, warnings } = parse('1\n00:00:01,000 --> 00:00:02,000 X1:100 X2:200 Y1:10 Y2:20\nA\n');
    expect(track.cues[0]).toEqual({ id: '1', start: 1000, end: 2000, text: 'A' });
    expect(warnings[0]?.message).toMatch(/after the end time/);
  });

  it('reads an empty file as a track without cues', () => {
    expect(parse('').track.cues).toEqual([]);
    expect(parse('\ufeff\r\n\r\n').track.cues).toEqual([]);
  });
});

describe('SRT reader: refuses what is ambiguous, naming the line', () => {
  it('end before start', () => {
    const lines = Array.from(
      { length: 14 },
      (_, i) =>
        `${i + 1}\n00:00:${String(i * 2 + 10).padStart(2, '0')},000 --> 00:00:${String(i * 2 + 11).padStart(2, '0')},000\nok\n`,
    ).join('\n');
    // 14 cues of 4 lines, then a cue without its (optional) number: its timing is line 57.
    const bad = `${lines}\n00:01:03,500 --> 00:01:02,000\nbackwards\n`;
    const e = parseError(bad);
    expect(e.code).toBe('subtitle.parse');
    expect(e.message).toBe('clip.en.srt:57: end time 00:01:02,000 is before start 00:01:03,500');
  });

  it('reports every error, the first in the message', () => {
    const e = parseError(fixture('malformed-times.en.srt'), 'malformed-times.en.srt');
    expect(e.message).toBe(
      'malformed-times.en.srt:6: end time 00:00:03,000 is before start 00:00:03,500 (and 1 more error)',
    );
    const details = e.details as ParseErrorDetails;
    expect(details.errors.map((x) => x.line)).toEqual([6, 10]);
    expect(details.errors[1]?.message).toBe(
      'cue number 3 must be followed by a timing line, found "00:00:04,000 -> 00:00:05,000"',
    );
  });

  it('text outside a cue and a number without a timing line', () => {
    const e = parseError(fixture('malformed-structure.srt'), 'malformed-structure.srt');
    const details = e.details as ParseErrorDetails;
    expect(details.errors).toEqual([
      {
        line: 5,
        message: 'text outside a cue: "This line belongs to no cue" (expected a cue number or a timing line)',
      },
      { line: 8, message: 'cue number 3 must be followed by a timing line, found "Still no timing"' },
    ]);
  });

  it('malformed timestamps', () => {
    for (const [timing, what] of [
      ['00:00:01,00 --> 00:00:02,000', /invalid start time/],
      ['00:00:01,000 --> 00:00:62,000', /invalid end time/],
      ['00:61:01,000 --> 00:62:02,000', /invalid start time/],
      ['00:00:01,000 --> 00:00:02,000 junk', /unexpected "junk" after the end time/],
    ] as const) {
      const e = parseError(`1\n${timing}\nA\n`);
      expect(e.message).toMatch(/^clip\.en\.srt:2: /);
      expect(e.message).toMatch(what);
    }
  });

  it('says so when a WebVTT file is read as SRT', () => {
    expect(parseError('WEBVTT\n\n00:01.000 --> 00:02.000\nA\n').message).toMatch(/this is a WebVTT file/);
  });

  it('a timing-like line inside text is an error, not a silently lost cue', () => {
    const e = parseError('1\n00:00:01,000 --> 00:00:02,000\nA --> B\n');
    expect(e.message).toMatch(/^clip\.en\.srt:3: /);
  });
});

describe('SRT writer', () => {
  it('renumbers, uses commas and a blank line after each cue', () => {
    const { text, notes } = writeCaptions(
      {
        language: 'en',
        label: '',
        cues: [
          { id: 'a', start: 0, end: 1500, text: 'One' },
          { id: 'b', start: 3_723_004, end: 3_724_000, text: 'Two\nlines' },
        ],
      },
      'srt',
    );
    expect(text).toBe(
      '1\n00:00:00,000 --> 00:00:01,500\nOne\n\n2\n01:02:03,004 --> 01:02:04,000\nTwo\nlines\n\n',
    );
    expect(notes).toEqual([]);
  });

  it('writes a long track as one: cues at the edges of its batches, empty or cleaned, counted once', () => {
    // The writer runs ITEMS_PER_BATCH cues per call, each call carrying on from the cue before.
    const edges = [ITEMS_PER_BATCH - 1, ITEMS_PER_BATCH, 2 * ITEMS_PER_BATCH - 1, 2 * ITEMS_PER_BATCH];
    const n = 2 * ITEMS_PER_BATCH + 1;
    const given = (i: number): string =>
      i === edges[0] || i === n - 1 ? '' : i === edges[1] ? '   ' : i === edges[2] ? '<v Bob>Hi' : `cue ${i}`;
    const cues = Array.from({ length: n }, (_, i) => ({
      id: `c${i}`,
      start: i * 1000,
      end: i * 1000 + 900,
      text: given(i),
    }));
    const { text, notes } = writeCaptions({ language: 'en', label: '', cues }, 'srt');
    const written = (i: number): string => (i === edges[1] ? '' : i === edges[2] ? 'Hi' : given(i));
    const expected = cues
      .map((c, i) => {
        const t = written(i);
        return `${i + 1}\n${formatSrtTimestamp(c.start)} --> ${formatSrtTimestamp(c.end)}\n${t === '' ? '' : t + '\n'}\n`;
      })
      .join('');
    expect(text).toBe(expected);
    expect(notes.map((x) => [x.kind, x.count])).toEqual([
      ['text-changed', 1],
      ['text-changed', 1],
    ]);
    expect(parse(text).track.cues.map((c) => c.text)).toEqual(cues.map((_, i) => written(i)));
  });

  it('reports what SRT cannot represent', () => {
    const { track } = parseCaptions(fixture('clip.fr.vtt'), { fileName: 'clip.fr.vtt' });
    const { text, notes } = writeCaptions(track, 'srt');
    expect(notes.map((n) => n.kind).sort()).toEqual([
      'blocks-dropped',
      'ids-dropped',
      'settings-dropped',
      'text-changed',
    ]);
    expect(notes.find((n) => n.kind === 'settings-dropped')?.count).toBe(2);
    expect(text).toContain('Bonjour à tous & bienvenue.');
    expect(text).not.toContain('<v ');
    expect(text).toContain('Première question\u00a0:\npourquoi <i>maintenant</i> ?');
  });

  it('cleans text a line-based format cannot hold, and says so', () => {
    const { text, notes } = writeCaptions(
      { language: '', label: '', cues: [{ id: '1', start: 0, end: 1, text: 'a  \n\n b --> c\n' }] },
      'srt',
    );
    expect(text).toBe('1\n00:00:00,000 --> 00:00:00,001\na\n b -> c\n\n');
    expect(notes[0]?.kind).toBe('text-changed');
  });

  it.each([
    ['ok', 'ok'],
    ['two\nlines', 'two\nlines'],
    [' leading space kept', ' leading space kept'],
    ['a\n', 'a'],
    ['\na', 'a'],
    ['a \nb', 'a\nb'],
    ['a\n\nb', 'a\nb'],
    ['a\n \t\nb', 'a\nb'],
    ['a\r\nb', 'a\nb'],
    ['   ', ''],
    ['x --> y', 'x -> y'],
    ['end\u00a0', 'end'],
  ])('representable text: %j → %j', (input, output) => {
    expect(representableText(input)).toBe(output);
  });

  it.each([
    ['<</v>1>', '', '<</v>1>'],
    ['a<i.x>b</i>', 'a<i>b</i>', 'a<i.x>b</i>'],
    ['<i.x><</v>1>z', '<i>z', '<i.x><</v>1>z'],
    ['<c.a>x<v Bob>y</v></c>', 'xy', '<c.a>x<v Bob>y</v></c>'],
    ['x<i.a>y<<c>v</c>1>2>z', 'x<i>y<v1>2>z', 'x<i.a>y<<c>v</c>1>2>z'],
    ['<font color="red"><</font>font>x</font>', '<font color="red"><</font>font>x</font>', 'x'],
  ])('markup for SRT and WebVTT, tags joined by a dropped one included: %j', (text, srt, vtt) => {
    expect(toSrtText(text)).toEqual({ text: srt, lost: srt !== text });
    expect(dropSrtOnlyTags(text)).toEqual({ text: vtt, lost: vtt !== text });
  });

  it('the writers write text as it is exactly when cleaning would not change it (and no markup to handle)', () => {
    // The cleaning spelled out (representableText returns early on writableAsIs, so it can't be its own oracle).
    const cleaned = (t: string): string =>
      t
        .toWellFormed()
        .split(/\r\n|\r|\n/)
        .map((l) => trimBlankEnd(breakArrows(l)))
        .filter((l) => l !== '')
        .join('\n');
    const chars = ['a', 'é', '中', '😀', ' ', '\t', '\v', '\f', '\u00a0', '\ufeff', '\u3000', '\n', '\r'];
    const tags = [
      '<i>',
      '</i>',
      '<b.x>',
      '<v Bob>',
      '</v>',
      '<c.a>',
      '<1>',
      '<00:01.000>',
      '<font color="red">',
    ];
    const text = fc.string({
      unit: fc.constantFrom(
        ...chars,
        ...tags,
        '-',
        '>',
        '<',
        '&',
        '/',
        '.',
        'c',
        'v',
        'FONT',
        '\ud800',
        '\udc00',
      ),
      maxLength: 12,
    });
    fc.assert(
      fc.property(text, (t) => {
        const asIs = t !== '' && t.isWellFormed() && cleaned(t) === t;
        expect(writableAsIs(t, 'clean')).toBe(asIs);
        // A writer skips its markup translation only where it would change nothing, and always when
        // there is no markup at all (`<i>` and the like, which both formats keep, stay on the fast path).
        const srt = writableAsIs(t, 'srt');
        if (srt) expect(asIs && toSrtText(t).text === t).toBe(true);
        if (asIs && !t.includes('<')) expect(srt).toBe(true);
        const vtt = writableAsIs(t, 'vtt');
        if (vtt) expect(asIs && toVttText(t).text === t).toBe(true);
        if (asIs && !t.includes('<') && !t.includes('&')) expect(vtt).toBe(true);
      }),
      { numRuns: 5_000 },
    );
    for (const writer of ['srt', 'vtt'] as const)
      expect(writableAsIs('<i>so</i> <b>very</b> <u>much</u>', writer)).toBe(true);
  });
});
