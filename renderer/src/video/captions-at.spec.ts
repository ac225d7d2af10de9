import { describe, expect, it } from 'vitest';
import { buildCueIndex } from '../timeline/cue-index.ts';
import { activeCues, captionLines, captionsKey } from './captions-at.ts';

const cues = [
  { id: '1', start: 1000, end: 2000, text: 'one' },
  { id: '2', start: 1500, end: 2500, text: 'two' },
  { id: '3', start: 3000, end: 4000, text: 'three' },
];
const ix = buildCueIndex(cues);

describe('activeCues', () => {
  it('finds the cues shown at a time, end exclusive, overlaps in start order', () => {
    expect(activeCues(ix, 999).map((c) => c.id)).toEqual([]);
    expect(activeCues(ix, 1000).map((c) => c.id)).toEqual(['1']);
    expect(activeCues(ix, 1700).map((c) => c.id)).toEqual(['1', '2']);
    expect(activeCues(ix, 2000).map((c) => c.id)).toEqual(['2']);
    expect(activeCues(ix, 2500).map((c) => c.id)).toEqual([]);
  });
});

describe('captionLines', () => {
  it('splits lines and keeps italics across a line break, dropping other markup', () => {
    expect(captionLines('<i>Hello\nthere</i> <b>you</b>')).toEqual([
      [{ text: 'Hello', italic: true }],
      [
        { text: 'there', italic: true },
        { text: ' you', italic: false },
      ],
    ]);
    expect(captionLines('{\\an8}Top &amp; bottom')).toEqual([[{ text: 'Top & bottom', italic: false }]]);
  });
  it('keys change with ids or text only', () => {
    expect(captionsKey([cues[0]!])).toBe(captionsKey([{ ...cues[0]!, start: 5 }]));
    expect(captionsKey([cues[0]!])).not.toBe(captionsKey([{ ...cues[0]!, text: 'x' }]));
  });
});
