import { describe, expect, it } from 'vitest';
import type { Cue } from '../../../shared/captions/model.ts';
import { buildCueIndex } from './cue-index.ts';
import { hitTest } from './hit-test.ts';
import { computeLayout } from './layout.ts';
import type { Viewport } from './viewport.ts';

const cues: Cue[] = [
  { id: 'a', start: 1000, end: 2000, text: 'a' },
  { id: 'b', start: 2000, end: 2100, text: 'b' },
  { id: 'c', start: 5000, end: 9000, text: 'c' },
];
const ix = buildCueIndex(cues);
const v: Viewport = { startMs: 0, msPerPx: 10, widthPx: 1000 };
const layout = computeLayout(200, true);
const y = layout.cuesTop + 5;

describe('hitTest', () => {
  it('tells the ruler, bands above the cue lane and empty lane apart', () => {
    expect(hitTest(300, 5, v, layout, ix)).toEqual({ kind: 'ruler', ms: 3000 });
    expect(hitTest(300, layout.waveTop + 2, v, layout, ix)).toEqual({ kind: 'empty', ms: 3000 });
    expect(hitTest(300, y, v, layout, ix)).toEqual({ kind: 'empty', ms: 3000 });
  });

  it('finds bodies and edges', () => {
    expect(hitTest(700, y, v, layout, ix)).toMatchObject({ kind: 'cue', part: 'body', id: 'c' });
    expect(hitTest(503, y, v, layout, ix)).toMatchObject({ kind: 'cue', part: 'start', id: 'c' });
    expect(hitTest(896, y, v, layout, ix)).toMatchObject({ kind: 'cue', part: 'end', id: 'c' });
    expect(hitTest(120, y, v, layout, ix)).toMatchObject({ kind: 'cue', part: 'body', id: 'a' });
  });

  it('at touching cues the nearest edge wins; a narrow cue keeps a grabbable body', () => {
    expect(hitTest(199, y, v, layout, ix)).toMatchObject({ part: 'end', id: 'a' });
    expect(hitTest(201, y, v, layout, ix)).toMatchObject({ part: 'start', id: 'b' });
    expect(hitTest(205, y, v, layout, ix)).toMatchObject({ part: 'body', id: 'b' });
    expect(hitTest(209, y, v, layout, ix)).toMatchObject({ part: 'end', id: 'b' });
  });
});
