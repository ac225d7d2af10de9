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
