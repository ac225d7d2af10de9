// What is under the pointer: a cue's start edge, end edge or body, the ruler, or empty space.
// Edges win over bodies within a few pixels so short cues stay resizable, and when two cues touch
// the edge nearest the pointer wins.
import type { Cue } from '../../../shared/captions/model.ts';
import type { CueIndex } from './cue-index.ts';
import { visibleRange } from './cue-index.ts';
import type { TimelineLayout } from './layout.ts';
import type { Viewport } from './viewport.ts';
import { timeToX, xToTime } from './viewport.ts';

export type Hit =
  | { kind: 'ruler'; ms: number }
  | { kind: 'cue'; part: 'start' | 'end' | 'body'; id: string; index: number }
  | { kind: 'empty'; ms: number };

/** Edge grab zone in px (shrinks for narrow cues so the body stays grabbable). */
export const EDGE_PX = 6;

export function hitTest(x: number, y: number, v: Viewport, layout: TimelineLayout, ix: CueIndex): Hit {
  const ms = xToTime(v, x);
  if (y < layout.rulerTop + layout.rulerHeight) return { kind: 'ruler', ms };
  const inCueLane = y >= layout.cuesTop && y < layout.cuesTop + layout.cuesHeight;
  // Cues are grabbable only in their lane; above it (thumbnails, waveform) a press seeks.
  if (!inCueLane) return { kind: 'empty', ms };
  const slack = EDGE_PX * v.msPerPx;
  const { from, to } = visibleRange(ix, ms - slack, ms + slack);
  let edge: { part: 'start' | 'end'; index: number; d: number } | null = null;
  let body = -1;
  let bodyEdge: 'start' | 'end' | null = null;
  for (let k = from; k < to; k++) {
    const i = ix.order[k] as number;
    const c = ix.cues[i] as Cue;
    const x0 = timeToX(v, c.start);
    const x1 = timeToX(v, c.end);
    const grab = Math.min(EDGE_PX, Math.max(2, (x1 - x0) / 3));
    const ds = Math.abs(x - x0);
    const de = Math.abs(x - x1);
    if (x >= x0 && x <= x1) {
      // Later-starting cues are drawn on top, so they win; inside a cue only its own edges count.
      body = i;
      bodyEdge = ds <= grab && ds <= de ? 'start' : de <= grab ? 'end' : null;
    }
    if (ds <= grab && (!edge || ds < edge.d)) edge = { part: 'start', index: i, d: ds };
    if (de <= grab && (!edge || de < edge.d)) edge = { part: 'end', index: i, d: de };
  }
  if (body >= 0) {
    const id = (ix.cues[body] as Cue).id;
    return { kind: 'cue', part: bodyEdge ?? 'body', id, index: body };
  }
  if (edge) return { kind: 'cue', part: edge.part, id: (ix.cues[edge.index] as Cue).id, index: edge.index };
  return { kind: 'empty', ms };
}
