// What the preview shows at a moment: the cues active at `ms` (binary-searched, overlaps allowed,
// in start order) and their lines split into plain/italic runs. Markup other than <i> is dropped
// the way X's player drops it.
import type { Cue } from '../../../shared/captions/model.ts';
import { visibleText } from '../../../shared/captions/rules.ts';
import type { CueIndex } from '../timeline/cue-index.ts';
import { visibleRange } from '../timeline/cue-index.ts';

/** Cues with start <= ms < end, in start order. */
export function activeCues(ix: CueIndex, ms: number): Cue[] {
  const out: Cue[] = [];
  const { from, to } = visibleRange(ix, ms, ms);
  for (let k = from; k < to; k++) {
    const c = ix.cues[ix.order[k] as number] as Cue;
    if (c.start <= ms && ms < c.end) out.push(c);
  }
  return out;
}

export interface CaptionRun {
  text: string;
  italic: boolean;
}

/** Lines of a cue as runs of plain and italic text. */
export function captionLines(text: string): CaptionRun[][] {
  const lines: CaptionRun[][] = [];
  let italic = false;
  for (const raw of text.split('\n')) {
    const runs: CaptionRun[] = [];
    for (const part of raw.split(/(<\/?i>)/i)) {
      const tag = part.toLowerCase();
      if (tag === '<i>') italic = true;
      else if (tag === '</i>') italic = false;
      else {
        const t = visibleText(part);
        if (t) runs.push({ text: t, italic });
      }
    }
    if (runs.length > 0) lines.push(runs);
  }
  return lines;
}

/** A key that changes only when the shown captions change (avoids re-rendering every frame). */
export function captionsKey(cues: readonly Cue[]): string {
  let k = '';
  for (const c of cues) k += c.id + '\u0000' + c.text + '\u0001';
  return k;
}
