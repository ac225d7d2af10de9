import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCaptions } from '../../../shared/captions/read.ts';
import { writeCaptions } from '../../../shared/captions/write.ts';
import { srtTrack, vttTrack } from './arbitraries.ts';

describe('round trip parse(write(track)) == track', () => {
  it('SRT', () => {
    fc.assert(
      fc.property(srtTrack, (track) => {
        const { text, notes } = writeCaptions(track, 'srt');
        expect(notes).toEqual([]);
        const back = parseCaptions(text, { fileName: 'x.en.srt' });
        expect(back.track).toStrictEqual(track);
        expect(back.warnings).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('WebVTT', () => {
    fc.assert(
      fc.property(vttTrack, (track) => {
        const { text, notes } = writeCaptions(track, 'vtt');
        expect(notes).toEqual([]);
        const back = parseCaptions(text, { fileName: 'x.en.vtt' });
        expect(back.track).toStrictEqual(track);
      }),
      { numRuns: 300 },
    );
  });

  it('SRT → WebVTT → SRT keeps the cues', () => {
    fc.assert(
      fc.property(srtTrack, (track) => {
        const vtt = parseCaptions(writeCaptions(track, 'vtt').text, { fileName: 'x.en.vtt' }).track;
        const srt = parseCaptions(writeCaptions(vtt, 'srt').text, { fileName: 'x.en.srt' }).track;
        expect(srt).toStrictEqual(track);
      }),
      { numRuns: 200 },
    );
  });
});

describe('what Cueline writes it reads back (issue 15 cases)', () => {
  const roundTrip = (text: string, fileName: string): { written: string; cues: string[] } => {
    const format = fileName.endsWith('.srt') ? 'srt' : 'vtt';
    const { track } = parseCaptions(text, { fileName });
    const { text: written } = writeCaptions(track, format);
    return { written, cues: parseCaptions(written, { fileName }).track.cues.map((c) => c.text) };
  };

  it('a lone closing tag does not leave a blank line inside the cue (SRT)', () => {
    const { written, cues } = roundTrip('00:00:01,000 --> 00:00:02,000\n</v>\n!', 'x.en.srt');
    expect(written).toBe('1\n00:00:01,000 --> 00:00:02,000\n!\n\n');
    expect(cues).toEqual(['!']);
  });

  it('a dropped <font> tag does not leave a blank line inside the cue (WebVTT)', () => {
    const { cues } = roundTrip('WEBVTT\n\n00:01.000 --> 00:02.000\n<font color="red">\n!', 'x.en.vtt');
    expect(cues).toEqual(['!']);
  });

  it('a <v Bob> line written to SRT reads back', () => {
    const { cues } = roundTrip('WEBVTT\n\n00:01.000 --> 00:02.000\n<v Bob>\nHello', 'x.en.vtt');
    const srt = writeCaptions(
      { language: 'en', label: '', cues: [{ id: '1', start: 1000, end: 2000, text: '<v Bob>\nHello' }] },
      'srt',
    ).text;
    expect(cues).toEqual(['<v Bob>\nHello']);
    expect(parseCaptions(srt, { fileName: 'x.en.srt' }).track.cues.map((c) => c.text)).toEqual(['Hello']);
  });

  it.each([
    ['a--<font>>b', 'srt'],
    ['a--<font>>b', 'vtt'],
    ['a<v x>-</v>->b', 'srt'],
    ['---->', 'srt'],
    ['x ---> y', 'vtt'],
  ] as const)('a stripped tag or a longer arrow never exposes "-->": %j (%s)', (text, format) => {
    const track = { language: 'en', label: '', cues: [{ id: '1', start: 0, end: 1000, text }] };
    const written = writeCaptions(track, format).text;
    expect(written.split('-->').length).toBe(2); // only the timing line's
    expect(parseCaptions(written, { fileName: `x.en.${format}` }).track.cues).toHaveLength(1);
  });

  it.each([
    ['<</v>1>', 'srt', ''],
    ['<c.a</v>>x', 'srt', 'x'],
    ['<i</v>.loud>y</i>', 'srt', '<i>y</i>'],
    ['<fo<font>nt>z', 'vtt', 'z'],
  ] as const)('dropping a tag never leaves another for the next save: %j (%s)', (text, format, want) => {
    const track = { language: 'en', label: '', cues: [{ id: '1', start: 0, end: 1000, text }] };
    const first = writeCaptions(track, format).text;
    const back = parseCaptions(first, { fileName: `x.en.${format}` }).track;
    expect(back.cues[0]?.text).toBe(want);
    expect(writeCaptions(back, format).text).toBe(first);
  });

  it.each(['srt', 'vtt'] as const)('hours beyond 9999 are a located read error (%s)', (format) => {
    const text =
      format === 'srt'
        ? '1\n00:00:02,266 --> 1000000000000000000000:08:52,592\nx\n'
        : 'WEBVTT\n\n00:02.266 --> 1000000000000000000000:08:52.592\nx\n';
    expect(() => parseCaptions(text, { fileName: `x.en.${format}` })).toThrow(
      new RegExp(`^x\\.en\\.${format}:${format === 'srt' ? 2 : 3}: .*beyond 9999:59:59`),
    );
  });

  it.each([
    [-1, 10],
    [0.5, 10],
    [0, 10_000 * 3_600_000],
    [20, 10],
    [Number.NaN, 10],
  ])('a cue whose times cannot be written is refused, naming the cue: %s → %s', (start, end) => {
    for (const format of ['srt', 'vtt'] as const) {
      const track = {
        language: 'en',
        label: '',
        cues: [
          { id: '1', start: 0, end: 1, text: 'fine' },
          { id: '2', start, end, text: 'bad' },
        ],
      };
      expect(() => writeCaptions(track, format)).toThrow(/^cue 2: /);
    }
  });

  it('a lone surrogate is written as U+FFFD, with a note', () => {
    const track = { language: 'en', label: '', cues: [{ id: '1', start: 0, end: 1, text: 'a\ud800b' }] };
    const { text, notes } = writeCaptions(track, 'srt');
    expect(text).toContain('a\ufffdb');
    expect(notes.map((n) => n.kind)).toEqual(['text-changed']);
  });

  it.each(['srt', 'vtt'] as const)('blanks JS trims but the readers keep survive (%s)', (format) => {
    const track = {
      language: 'en',
      label: '',
      cues: [{ id: '1', start: 0, end: 1, text: 'a\u3000\n\u3000' }],
    };
    const { text, notes } = writeCaptions(track, format);
    expect(notes).toEqual([]);
    expect(parseCaptions(text, { fileName: `x.en.${format}` }).track.cues[0]?.text).toBe('a\u3000\n\u3000');
  });

  it('WebVTT header, block and settings oddities are written so they read back the same', () => {
    const track = {
      language: 'en',
      label: '',
      cues: [{ id: 'a', start: 0, end: 1, text: 'x', settings: '\u0000\talign:start ' }],
      vtt: {
        header: 'Title\r\n\nKind: captions',
        cueIds: true,
        blocks: [{ kind: 'NOTE' as const, text: 'NOTE\u0000', afterCueId: 'a' }],
      },
    };
    const first = writeCaptions(track, 'vtt').text;
    const back = parseCaptions(first, { fileName: 'x.en.vtt' }).track;
    expect(back.cues[0]?.settings).toBe('\u0000 align:start');
    expect(writeCaptions(back, 'vtt').text).toBe(first);
  });
});
